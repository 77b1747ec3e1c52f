"""Catalog files: read, import and export products as CSV. No Qt here.

The format (documented in the README, "Catalog files (CSV)"):

- UTF-8, with or without a byte-order mark; comma or semicolon between
  values (told apart on the header line); values in double quotes may hold
  the delimiter, quotes ("") and line breaks.
- The first non-blank line names the columns, matched case-insensitively and
  ignoring spaces, ``_`` and ``-`` (``Reorder Level`` = ``reorder_level``),
  with a few aliases (see ``HEADER_ALIASES``). Required: sku, name, category,
  price; optional: stock, barcode, reorder_level. Other columns are ignored.
- Every row the file gets wrong is reported (a ``RejectedRecord``: the line
  it starts on, header = line 1, its SKU and a sentence); good rows are kept.

``import_catalog`` sends the good records to the shop in batches of
``ImportProducts`` (one transaction each), so a cancelled import leaves whole
batches applied, never half a row. It only dispatches commands and asks
queries, so it may run in a worker thread (the shop serialises callers).
"""

import codecs
import csv
import io
import os
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from core.domain import validation as valid
from core.domain.money import MAX_PRICE_CENTS, format_money
from core.errors import DatabaseBusy, InvalidCommand, ShopError, UnknownCategory
from core.handlers.categories import category_name
from core.i18n import N_, joined, reason_of
from core.messages.commands import ImportProducts, ProductRecord
from core.messages.queries import FindProductByCode, GetCategories, GetProducts
from core.results import ImportOutcome, RejectedRecord

# The export's columns, in order; also the canonical header names.
COLUMNS = ("sku", "name", "category", "price", "stock", "barcode", "reorder_level")
REQUIRED = ("sku", "name", "category", "price")
REPORT_COLUMNS = ("line", "sku", "reason")
EXPORT_ENCODING = "utf-8-sig"  # with a BOM: Excel then reads accents right; LibreOffice too

# Accepted header names, compared after ``_header_key`` (casefolded; spaces,
# "_" and "-" removed), so "Reorder Level", "reorder_level" and
# "REORDER-LEVEL" are one name.
HEADER_ALIASES = {
    "sku": ("sku", "code", "product code", "item code", "stock code"),
    "name": ("name", "product name", "description", "title"),
    "category": ("category", "category path"),
    "price": ("price", "unit price", "sale price", "selling price", "retail price"),
    "stock": ("stock", "stock level", "on hand"),
    "barcode": ("barcode", "ean", "ean13", "gtin", "upc"),
    "reorder_level": ("reorder_level", "reorder point"),
}


def _header_key(text: str) -> str:
    return re.sub(r"[\s_\-]+", "", text.casefold())


_FIELD_OF_HEADER = {_header_key(alias): field for field, aliases in HEADER_ALIASES.items() for alias in aliases}
_LABELS = {
    "sku": N_("SKU"),
    "name": N_("Name"),
    "category": N_("Category"),
    "price": N_("Price"),
    "stock": N_("Stock"),
    "barcode": N_("Barcode"),
    "reorder_level": N_("Reorder level"),
}


class CatalogFileError(ShopError):
    """The file as a whole cannot be read as a catalog (not UTF-8, no header,
    a required column missing...). Nothing was imported."""


class MissingColumns(CatalogFileError):
    """The header lacks a required column. ``header`` is the file's column
    names as written, ``found`` the fields recognised (field -> column) and
    ``missing`` the required ones not: the window lets the person say which
    column is which (``ImportChoices.columns``) instead of refusing the file."""

    def __init__(self, message: str, header: tuple[str, ...], found: dict[str, int], missing: tuple[str, ...]):
        super().__init__(message)
        self.header, self.found, self.missing = header, dict(found), missing


# What to do with a SKU on more than one row (ImportChoices.repeated_skus).
REJECT_REPEATS, KEEP_FIRST, KEEP_LAST = "reject", "first", "last"


@dataclass(frozen=True)
class ImportChoices:
    """What the person decided about a file before it is read:

    ``columns``: which column holds which field, as (field, column index)
    pairs (empty: from the header's names); ``default_category``: the
    category path of rows without one (or of every row when no column is
    the category); ``repeated_skus``: a SKU on several rows rejects the
    repeats (REJECT_REPEATS), or keeps its first or its last row."""

    columns: tuple[tuple[str, int], ...] = ()
    default_category: str | None = None
    repeated_skus: str = REJECT_REPEATS


class CatalogImportStopped(ShopError):
    """The shop refused a whole batch (the database was locked for too long,
    the disk is full...). ``report`` tells what was imported before it; the
    file can be imported again to finish (rows already there are unchanged)."""

    def __init__(self, message: str, report: "ImportReport"):
        super().__init__(message)
        self.report = report


@dataclass(frozen=True)
class CatalogFile:
    records: tuple[ProductRecord, ...]  # the good rows, in file order
    rejected: tuple[RejectedRecord, ...]  # the rows the file itself gets wrong, by line
    rows: int  # data rows read (blank lines not counted): len(records) + len(rejected)
    columns: tuple[str, ...] = COLUMNS  # the fields the file has (names of COLUMNS)
    ignored_columns: tuple[str, ...] = ()  # header names that are not ours, as written
    delimiter: str = ","


@dataclass(frozen=True)
class ImportReport:
    outcome: ImportOutcome  # rejected: the file's and the shop's, sorted by line
    cancelled: bool  # stopped before every batch was applied (by ``cancelled()``, or a refused batch)
    batches_applied: int
    total_records: int  # good records read from the file (sent, or to be sent, to the shop)
    rows: int = 0  # data rows in the file (read so far, if ``estimated``)
    ignored_columns: tuple[str, ...] = ()
    # Cancelled or stopped before the end of a large file was read:
    # total_records is extrapolated from the part read (import_catalog).
    estimated: bool = False


# -- values ---------------------------------------------------------------------------

_CURRENCY = "£$€"
_GROUPING = " \u00a0\u202f'"  # spaces (plain, no-break, narrow no-break) and 1'234
_AMOUNT_CHARS = re.compile(r"[0-9.,\u00a0\u202f' ]+")


_PLAIN_PRICE = re.compile(r"(\d{1,9})(?:[.,](\d\d))?")


def parse_price(text: str) -> int:
    """A price as written in a catalog file -> pence, exactly (no float).

    ``"2.55"``, ``"2,55"`` (decimal comma), ``"£2.55"``, ``"2.55 €"``,
    ``"1,234.50"``, ``"1.234,50"``, ``"1 234,50"``, ``"3"``, ``"2.5000"``.
    Raises ValueError whose text is a sentence naming the value when it is not
    a non-negative amount with at most two (non-zero) decimals. A single
    separator followed by exactly three digits ("1,234") is refused as
    ambiguous rather than guessed.
    """
    s = text.strip()
    plain = _PLAIN_PRICE.fullmatch(s)
    if plain:  # "2.55", "2,55", "3": most prices in most files
        return int(plain.group(1)) * 100 + int(plain.group(2) or 0)
    if s[:1] in _CURRENCY:
        s = s[1:].strip()
    elif s[-1:] in _CURRENCY:
        s = s[:-1].strip()
    if s.startswith("-") or (s.startswith("(") and s.endswith(")")):
        raise ValueError(N_("Price cannot be negative."))
    if not s or not _AMOUNT_CHARS.fullmatch(s) or not any(ch.isdigit() for ch in s):
        raise ValueError(N_('Price "{text}" is not an amount.', text=text.strip()))
    marks = [(i, ch) for i, ch in enumerate(s) if ch in ".,"]
    decimal_at, grouping = None, None
    if marks:
        last_i, last_ch = marks[-1]
        others = {ch for _i, ch in marks[:-1]}
        if last_ch in others:  # 1,234,567 or 1.234.567: all grouping, no decimals
            if len(others) > 1:
                raise ValueError(N_('Price "{text}" is not an amount.', text=text.strip()))
            grouping = last_ch
        elif others:  # 1,234.50 or 1.234,50: the other mark groups thousands
            decimal_at, grouping = last_i, others.pop()
        else:
            if len(s) - last_i - 1 == 3 and s[:last_i].strip(_GROUPING) not in ("", "0"):
                raise ValueError(
                    N_(
                        'Price "{text}" is ambiguous (thousands or decimals?): write it with two decimals, such '
                        "as 1234.00 or 1.23.",
                        text=text.strip(),
                    )
                )
            decimal_at = last_i
    whole = s if decimal_at is None else s[:decimal_at]
    fraction = "" if decimal_at is None else s[decimal_at + 1 :]
    separators = set(re.sub(r"\d", "", whole))
    if separators:
        allowed = set(_GROUPING) | ({grouping} if grouping else set())
        if len(separators) > 1 or not separators <= allowed or not re.fullmatch(r"\d{1,3}(?:[^\d]\d{3})+", whole):
            raise ValueError(N_('Price "{text}" is not an amount.', text=text.strip()))
        whole = re.sub(r"\D", "", whole)
    if not fraction.isdigit() and fraction:
        raise ValueError(N_('Price "{text}" is not an amount.', text=text.strip()))
    if len(fraction) > 2:
        if fraction[2:].strip("0"):
            raise ValueError(N_('Price "{text}" has more than two decimals.', text=text.strip()))
        fraction = fraction[:2]
    return int(whole or "0") * 100 + int(fraction.ljust(2, "0"))


def format_price(cents: int) -> str:
    """``255`` -> ``"2.55"``: what the export writes (no symbol, no grouping)."""
    sign = "-" if cents < 0 else ""
    major, minor = divmod(abs(cents), 100)
    return f"{sign}{major}.{minor:02d}"


_WHOLE = re.compile(r"(\d+)(?:[.,]00?)?")  # "12", and "12.0" from a spreadsheet
_NEGATIVE_WHOLE = re.compile(r"-\s*\d+(?:[.,]00?)?")
_SPREADSHEET_NUMBER = re.compile(r"\d(?:[.,]\d+)?[eE]\+?\d+")  # 5.01235E+12


def _whole_number(text: str, label: str) -> int:
    s = text.strip()
    match = _WHOLE.fullmatch(s)
    if match is None:
        if _NEGATIVE_WHOLE.fullmatch(s):
            raise ValueError(N_("{label} cannot be negative.", label=label))
        raise ValueError(N_('{label} "{s}" is not a whole number.', label=label, s=s))
    try:
        return valid.stock_level(int(match.group(1)), label)
    except InvalidCommand as exc:
        raise ValueError(str(exc)) from None


def _category_path(text: str) -> str:
    """ " Home / Kitchen/Mugs " -> "Home/Kitchen/Mugs" (ValueError with the reason)."""
    parts = [part.strip() for part in text.strip().strip("/").split("/")]
    if parts == [""]:
        raise ValueError(N_("Category cannot be empty."))
    if "" in parts:
        raise ValueError(N_('Category "{text}" has an empty level (two "/" in a row).', text=text.strip()))
    try:
        return "/".join(category_name(part, N_("Each category in the path")) for part in parts)
    except InvalidCommand as exc:
        raise ValueError(str(exc)) from None


def _code(text: str, label: str) -> str:
    try:
        return valid.code(text.strip(), label)
    except InvalidCommand as exc:
        raise ValueError(str(exc)) from None


# -- reading --------------------------------------------------------------------------


# Bytes of the file decoded at a time by the UTF-8 check.
_CHECK_CHUNK = 1 << 20


def _not_utf8(line: int, name: str) -> CatalogFileError:
    return CatalogFileError(
        N_(
            'Line {line} of "{name}" is not UTF-8 text: save the file as "CSV UTF-8" (Excel) or with the Unicode '
            "(UTF-8) character set (LibreOffice) and import it again.",
            line=line,
            name=name,
        )
    )


def _check_utf8(path: Path) -> tuple[int, str | None]:
    """Read the whole file once, a chunk at a time (fast: no CSV, no rows),
    so that a file that is not UTF-8 is refused before anything is imported.
    Returns its length in characters (byte-order mark aside) and its first
    non-blank line (None if it has none)."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")("strict")
    chars, lines_before, first, start = 0, 0, None, ""
    with open(path, "rb") as f:
        head = f.read(2)
        if head in (b"\xff\xfe", b"\xfe\xff"):
            raise CatalogFileError(
                N_(
                    '"{name}" is UTF-16 text, not UTF-8: save it as "CSV UTF-8" (Excel) or with the Unicode '
                    "(UTF-8) character set (LibreOffice).",
                    name=path.name,
                )
            )
        f.seek(0)
        while True:
            data = f.read(_CHECK_CHUNK)
            try:
                text = decoder.decode(data, final=not data)
            except UnicodeDecodeError as exc:
                raise _not_utf8(lines_before + exc.object[: exc.start].count(b"\n") + 1, path.name) from None
            chars += len(text)
            lines_before += data.count(b"\n")
            if first is None:
                start += text
                for line in io.StringIO(start, newline=""):
                    if line.strip() and (line.endswith(("\n", "\r")) or not data):
                        first = line
                        break
                else:
                    start = start[-_CHECK_CHUNK:]  # (a header longer than that is no header of ours)
            if not data:
                return chars, first


def _delimiter(header_line: str) -> str:
    """Semicolon when the header line has more semicolons than commas (quoted
    parts aside), else comma."""
    unquoted = re.sub(r'"[^"]*"', "", header_line)
    return ";" if unquoted.count(";") > unquoted.count(",") else ","


def _columns(header: list[str], name: str) -> tuple[dict[str, int], tuple[str, ...]]:
    found: dict[str, int] = {}
    ignored = []
    for index, title in enumerate(header):
        field = _FIELD_OF_HEADER.get(_header_key(title))
        if field is None:
            if title.strip():
                ignored.append(title.strip())
            continue
        if field in found:
            raise CatalogFileError(
                N_(
                    'Columns {value} ("{text}") and {value2} ("{strip2}") of "{name}" are both the {field}: keep one.',
                    value=found[field] + 1,
                    text=header[found[field]].strip(),
                    value2=index + 1,
                    strip2=title.strip(),
                    name=name,
                    field=_LABELS[field].lower(),
                )
            )
        found[field] = index
    missing = [f for f in REQUIRED if f not in found]
    if missing:
        names = ", ".join(f'"{f}"' for f in missing)
        raise MissingColumns(
            f'"{name}" has no {names} column{"s" if len(missing) > 1 else ""}: its first line must name '
            f"the columns ({', '.join(REQUIRED)}; optionally stock, barcode, reorder_level).",
            tuple(title.strip() for title in header),
            found,
            tuple(missing),
        )
    return found, tuple(ignored)


class CatalogStream:
    """A catalog file read a row at a time, never all at once: what an import
    holds is the rows read ahead, not the file (a 100 MB file is a million
    rows). Raises CatalogFileError (a sentence) when the file as a whole
    cannot be used: not UTF-8 (found before any row is read), no header, a
    required column missing; a bad row is only rejected, with its line.
    ``with`` closes the file."""

    def __init__(self, path, choices: ImportChoices | None = None):
        self.path = path = Path(path)
        self.choices = choices = choices or ImportChoices()
        if choices.repeated_skus not in (REJECT_REPEATS, KEEP_FIRST, KEEP_LAST):
            raise InvalidCommand(
                N_(
                    "Repeated SKUs are rejected, or the first or last row kept, not {repeated_skus!r}.",
                    repeated_skus=choices.repeated_skus,
                )
            )
        # A SKU on several rows, with the line of its last (KEEP_LAST keeps that one).
        self._keep_last = (find_repeated_skus(path, choices) or {}) if choices.repeated_skus == KEEP_LAST else {}
        try:
            self.chars, first = _check_utf8(path)
            if first is None:
                raise CatalogFileError(N_('"{name}" is empty: there is no header line.', name=path.name))
            self.delimiter = _delimiter(first)
            self._file = open(path, encoding="utf-8-sig", newline="")
        except OSError as exc:
            raise CatalogFileError(
                N_('"{path}" could not be read: {value}.', path=path, value=exc.strerror or exc)
            ) from None
        self.chars_read = 0  # characters of the lines the CSV reader was given so far
        self.rows = 0  # data rows read so far (blank lines not counted)
        self.records = 0  # good records read so far
        self.finished = False  # every row read
        self._reader = csv.reader(self._lines(), delimiter=self.delimiter)
        self._end = 0  # the line the last row read ended on
        self._pending: list[str] | None = None  # a row read to see whether the file ended
        self._first_line_of_sku: dict[str, int] = {}
        self._first_line_of_barcode: dict[str, tuple[int, str]] = {}
        try:
            self._read_header()
        except BaseException:
            self._file.close()
            raise

    def __enter__(self) -> "CatalogStream":
        return self

    def __exit__(self, *exc_info) -> None:
        self._file.close()

    def _lines(self):
        for line in self._file:
            self.chars_read += len(line)
            yield line

    def _next_cells(self) -> list[str] | None:
        pending, self._pending = self._pending, None
        if pending is not None:
            return pending
        try:
            cells = next(self._reader, None)
        except csv.Error as exc:
            raise CatalogFileError(
                N_(
                    'Line {value} of "{name}" could not be read ({exc}): is a closing quote missing?',
                    value=self._end + 1,
                    name=self.path.name,
                    exc=exc,
                )
            ) from None
        return cells

    def _read_header(self) -> None:
        while (cells := self._next_cells()) is not None:
            self._end = self._reader.line_num
            if any(cell.strip() for cell in cells):
                if self.choices.columns:
                    self._index, self.ignored_columns = _chosen_columns(cells, self.path.name, self.choices)
                else:
                    self._index, self.ignored_columns = _columns(cells, self.path.name)
                self._rows_reader = _RowReader(self._index, len(cells), self.choices.default_category)
                self.columns = tuple(f for f in COLUMNS if f in self._index)
                self._header_chars = self.chars_read
                return
        raise CatalogFileError(N_('"{name}" is empty: there is no header line.', name=self.path.name))

    def read(self, records: list[ProductRecord], rejected: list[RejectedRecord], *, good: int, rows: int) -> None:
        """Read rows until ``good`` more good records were appended to
        ``records`` (rejections to ``rejected``), ``rows`` more rows were
        read, or the file ended (``finished``)."""
        want_good, want_rows = self.records + good, self.rows + rows
        index, rows_reader = self._index, self._rows_reader
        first_line_of_sku, first_line_of_barcode = self._first_line_of_sku, self._first_line_of_barcode
        keep_last, choices = self._keep_last, self.choices
        while self.records < want_good and self.rows < want_rows:
            cells = self._next_cells()
            if cells is None:
                self.finished = True
                return
            start, self._end = self._end + 1, self._reader.line_num
            if not any(cell.strip() for cell in cells):
                continue  # a blank line (or a row of empty cells)
            self.rows += 1
            record, problems = rows_reader.read(cells, start, self._end)
            if record is not None:  # the row has no problem (read gives problems or a record)
                sku = record.sku
                if record.sku in keep_last and keep_last[sku] != start:
                    problems.append(
                        N_('SKU "{sku}" is repeated: its last row, line {line}, is kept.', sku=sku, line=keep_last[sku])
                    )
                elif sku in first_line_of_sku and choices.repeated_skus == KEEP_FIRST:
                    problems.append(
                        N_(
                            'SKU "{sku}" is repeated: its first row, line {line}, is kept.',
                            sku=sku,
                            line=first_line_of_sku[sku],
                        )
                    )
                elif sku in first_line_of_sku:
                    problems.append(N_('SKU "{sku}" is already on line {line}.', sku=sku, line=first_line_of_sku[sku]))
                elif record.barcode is not None and record.barcode in first_line_of_barcode:
                    line, owner = first_line_of_barcode[record.barcode]
                    problems.append(
                        N_(
                            'Barcode "{barcode}" is already on line {line} (SKU "{owner}").',
                            barcode=record.barcode,
                            line=line,
                            owner=owner,
                        )
                    )
                else:
                    first_line_of_sku[sku] = start
                    if record.barcode is not None:
                        first_line_of_barcode[record.barcode] = (start, sku)
                    records.append(record)
                    self.records += 1
                    continue
            sku = cells[index["sku"]].strip() if index["sku"] < len(cells) else ""
            rejected.append(RejectedRecord(start, sku, joined(problems)))
        if self.chars_read >= self.chars:
            # Every line was given to the CSV reader: whether a row is left
            # is known now, so that totals are exact at the end of the file.
            self._pending = self._next_cells()
            self.finished = self._pending is None

    def estimated_records(self) -> int:
        """The good records in the whole file: exact once it was read to the
        end, else extrapolated from the part read so far."""
        if self.finished:
            return self.records
        read = self.chars_read - self._header_chars
        rest = self.chars - self._header_chars
        if read <= 0:
            return self.records
        return max(self.records, round(self.records * rest / read))


def read_catalog(path, choices: ImportChoices | None = None) -> CatalogFile:
    """Read a whole catalog file (a small one: an import reads it as a stream).
    Raises CatalogFileError (a sentence) when the file as a whole cannot be
    used (MissingColumns when the header lacks a required column and
    ``choices`` do not say which is which); a bad row is only rejected, with
    its line."""
    with CatalogStream(path, choices) as stream:
        records: list[ProductRecord] = []
        rejected: list[RejectedRecord] = []
        while not stream.finished:
            stream.read(records, rejected, good=1 << 30, rows=1 << 30)
        return CatalogFile(
            tuple(records), tuple(rejected), stream.rows, stream.columns, stream.ignored_columns, stream.delimiter
        )


class _RowReader:
    """Turns a row's cells into a ProductRecord, or the reasons it cannot be one."""

    def __init__(self, columns: dict[str, int], width: int, default_category: str | None = None):
        self.index = {field: columns.get(field) for field in COLUMNS}
        self.width = width
        self.default_category = default_category
        self._paths: dict[str, str | ValueError] = {}  # a file names a few paths many times

    def _cell(self, cells: list[str], field: str) -> str | None:
        index = self.index[field]
        if index is None:
            return None  # no such column
        return cells[index] if index < len(cells) else ""

    def _path(self, text: str) -> str:
        found = self._paths.get(text)
        if found is None:
            try:
                found = _category_path(text)
            except ValueError as exc:
                found = exc
            self._paths[text] = found
        if isinstance(found, ValueError):
            raise found
        return found

    def read(self, cells: list[str], start: int, end: int) -> tuple[ProductRecord | None, list[str]]:
        problems: list[str] = []
        width = self.width
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            problems.append(
                N_(
                    "The row has {count} values but the header names {width} columns "
                    "(a value holding the delimiter must be in double quotes).",
                    count=len(cells),
                    width=width,
                )
            )
        raw = {field: self._cell(cells, field) for field in COLUMNS}
        if self.default_category and not (raw["category"] or "").strip():
            raw["category"] = self.default_category
        if end > start and any(v and ("\n" in v or "\r" in v) for v in raw.values()):
            problems.append(
                N_(
                    "The row runs from line {start} to line {end}: a value in quotes holds "
                    "a line break (or a closing quote is missing).",
                    start=start,
                    end=end,
                )
            )
            return None, problems
        values: dict[str, Any] = {}  # field -> its value, of ProductRecord's type
        for field, parse in (("sku", _sku), ("name", _name), ("category", self._path), ("price", _price)):
            try:
                # A required column: the header has it (_columns), so the cell is text.
                values[field] = parse(cast(str, raw[field]))
            except ValueError as exc:
                problems.append(reason_of(exc))
        for field in ("stock", "reorder_level"):
            text = raw[field]
            if text is None or not text.strip():
                values[field] = None  # leave it as it is (a new product: 0)
                continue
            try:
                values[field] = _whole_number(text, _LABELS[field])
            except ValueError as exc:
                problems.append(reason_of(exc))
        barcode = raw["barcode"]
        values["barcode"] = None
        if barcode is not None and barcode.strip():
            try:
                values["barcode"] = _barcode(barcode)
            except ValueError as exc:
                problems.append(reason_of(exc))
        if problems:
            return None, problems
        return ProductRecord(
            line=start,
            sku=values["sku"],
            name=values["name"],
            category_path=values["category"],
            price_cents=values["price"],
            stock=values["stock"],
            barcode=values["barcode"],
            reorder_level=values["reorder_level"],
        ), problems


def _clean_code(text: str) -> str | None:
    """The common case cheaply: printable (no tab, newline or NUL) and not too long."""
    text = text.strip()
    if 0 < len(text) <= valid.MAX_CODE_LENGTH and text.isprintable():
        return text
    return None


def _sku(text: str) -> str:
    return _clean_code(text) or _code(text, N_("SKU"))


def _barcode(text: str) -> str:
    code = _clean_code(text) or _code(text, N_("Barcode"))
    if _SPREADSHEET_NUMBER.fullmatch(code):
        raise ValueError(
            N_(
                'Barcode "{code}" was turned into a number by a spreadsheet: format the barcode column as text '
                "and save the file again.",
                code=code,
            )
        )
    return code


def _name(text: str) -> str:
    name = text.strip()
    if 0 < len(name) <= valid.MAX_NAME_LENGTH and name.isprintable():
        return name
    try:
        return valid.name(text, N_("Name"))
    except InvalidCommand as exc:
        raise ValueError(str(exc)) from None


def _price(text: str) -> int:
    if not text.strip():
        raise ValueError(N_("Price is missing."))
    cents = parse_price(text)
    if cents == 0:
        # The core allows £0.00, but in a file it is nearly always a gap.
        raise ValueError(N_('Price "{text}" is zero: a product needs a price.', text=text.strip()))
    if cents > MAX_PRICE_CENTS:
        raise ValueError(
            N_('Price "{text}" is more than {amount}.', text=text.strip(), amount=format_money(MAX_PRICE_CENTS))
        )
    return cents


# -- importing ------------------------------------------------------------------------


def import_catalog(
    shop,
    path,
    *,
    batch_size: int = 1000,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    choices: ImportChoices | None = None,
) -> ImportReport:
    """Read ``path`` and create or update its products by SKU, ``batch_size``
    records per ``ImportProducts`` command (each one transaction; on a shared
    server at most ``SERVER_BATCH``: the other tills' sales wait for each
    batch's hold of the outbox lock).

    The file is read as a stream, READ_AHEAD good records ahead of the batch
    sent: memory, and the reading before the first progress report or after
    Cancel, are bounded whatever the file's size. ``progress(done, total)``
    is called once before the first batch (0) and after each batch; ``total``
    is exact once the file was read to its end (at once for up to READ_AHEAD
    rows), else estimated from the part read. ``cancelled()`` is asked before
    each batch, and a True stops the import there: the batches already
    applied stay, whole. Both are called from the calling thread (a worker
    thread in the window).

    A file without a barcode column leaves existing products' barcodes alone;
    a blank barcode cell removes one. Blank stock or reorder level: unchanged
    (a new product gets 0).

    Raises CatalogFileError when the file cannot be read (nothing imported:
    a file that is not UTF-8 is found before any row is read), and
    CatalogImportStopped when the shop refuses a whole batch, or a row past
    the batches applied cannot be read (carrying the report of those).
    """
    if type(batch_size) is not int or batch_size < 1:
        raise InvalidCommand(N_("The batch size must be a whole number of at least 1."))
    if getattr(shop, "on_server", False):
        batch_size = min(batch_size, SERVER_BATCH)
    with CatalogStream(path, choices) as stream:
        return _import_stream(shop, stream, batch_size, progress, cancelled)


# Records per command on a shared server: a batch holds the outbox lock from
# its first event to its COMMIT, and the aim is about 100 ms at most.
SERVER_BATCH = 250


# Good records read ahead of the batch being sent (at least a batch): enough
# for exact totals in a file of up to this many rows, and a bounded amount
# of memory and of reading before the first progress report, or after Cancel,
# whatever the file's size.
READ_AHEAD = 10_000


def _import_stream(shop, stream: CatalogStream, batch_size: int, progress, cancelled) -> ImportReport:
    has_barcodes = "barcode" in stream.columns
    ahead: list[ProductRecord] = []  # read, not yet sent
    file_rejected: list[RejectedRecord] = []
    outcome, batches, done = ImportOutcome(), 0, 0
    target = max(READ_AHEAD, batch_size)

    def report(stopped: bool) -> ImportReport:
        rejected = tuple(sorted(file_rejected + list(outcome.rejected), key=lambda r: r.line))
        return ImportReport(
            ImportOutcome(outcome.created, outcome.updated, outcome.unchanged, rejected),
            stopped,
            batches,
            stream.estimated_records(),
            stream.rows,
            stream.ignored_columns,
            estimated=not stream.finished,
        )

    def read_ahead() -> None:
        # Rows read per call are bounded too: a stretch of bad rows is read
        # a part at a time, Cancel asked between the parts.
        try:
            stream.read(ahead, file_rejected, good=target - len(ahead), rows=target)
        except CatalogFileError as exc:
            if not batches:
                raise  # nothing imported: the file as a whole is refused
            raise CatalogImportStopped(
                f"The import stopped: {exc} The {done:,} products before it were imported; "
                "importing the file again, once it is put right, finishes the job.",
                report(True),
            ) from exc

    read_ahead()
    if progress:
        progress(0, stream.estimated_records())
    while ahead or not stream.finished:
        if cancelled is not None and cancelled():
            return report(True)
        while len(ahead) < batch_size and not stream.finished:
            read_ahead()
            if len(ahead) < batch_size and not stream.finished and cancelled is not None and cancelled():
                return report(True)
        if not ahead:
            break
        batch = tuple(ahead[:batch_size])
        del ahead[:batch_size]
        if not has_barcodes:
            batch = _keep_barcodes(shop, batch)
        try:
            outcome = outcome + _dispatch_waiting_while_busy(shop, ImportProducts(records=batch))
        except ShopError as exc:
            raise CatalogImportStopped(
                f"The import stopped at line {batch[0].line}: {exc} The {done:,} products before it "
                "were imported; importing the file again finishes the job.",
                report(True),
            ) from exc
        batches += 1
        done += len(batch)
        read_ahead()
        if progress:
            progress(done, stream.estimated_records())
    return report(False)


# Another till holding the database when a batch is sent (the window's shop
# waits only half a second for it): the batch is sent again after a pause,
# this many times, before the import stops. (An import runs in a worker
# thread or a script: waiting here freezes no window.)
BUSY_RETRIES = 40
BUSY_PAUSE_S = 0.25


def _dispatch_waiting_while_busy(shop, command):
    for attempt in range(BUSY_RETRIES + 1):
        try:
            return shop.dispatch(command)
        except DatabaseBusy:
            if attempt == BUSY_RETRIES:
                raise
            time.sleep(BUSY_PAUSE_S)
    raise AssertionError("unreachable")  # the last attempt returned or raised


def _keep_barcodes(shop, batch: tuple[ProductRecord, ...]) -> tuple[ProductRecord, ...]:
    """A file without a barcode column must not remove barcodes: carry each
    existing product's barcode into its record."""
    kept = []
    for record in batch:
        current = shop.ask(FindProductByCode(record.sku))
        if current is not None and current.sku == record.sku and current.barcode:
            record = ProductRecord(
                record.line,
                record.sku,
                record.name,
                record.category_path,
                record.price_cents,
                record.stock,
                current.barcode,
                record.reorder_level,
            )
        kept.append(record)
    return tuple(kept)


# -- exporting ------------------------------------------------------------------------


def category_paths(shop) -> dict[int, str]:
    """Every category's full path, "Home/Kitchen/Mugs", by id."""
    tree = {c.id: (c.name, c.parent_id) for c in shop.ask(GetCategories())}
    paths: dict[int, str] = {}
    for category_id in tree:
        names, node, seen = [], category_id, set()
        while node is not None and node in tree and node not in seen:
            seen.add(node)
            name, node = tree[node]
            names.append(name)
        paths[category_id] = "/".join(reversed(names))
    return paths


def export_catalog(shop, path, category_id: int | None = None) -> int:
    """Write the active products (all, or a category with its sub-categories)
    to ``path`` in the import format; archived products are left out. Returns
    the number of product rows. The file is replaced only once complete."""
    paths = category_paths(shop)
    if category_id is not None and category_id not in paths:
        raise UnknownCategory(N_("There is no category number {category_id}.", category_id=category_id))
    products = shop.ask(GetProducts(category_id=category_id))
    rows = [
        (p.sku, p.name, paths[p.category_id], format_price(p.price_cents), p.stock, p.barcode or "", p.reorder_level)
        for p in products
    ]
    _write_csv(Path(path), COLUMNS, rows)
    return len(rows)


def write_rejections(rejected, path) -> int:
    """The "Save report" file: one row per rejected record (line, sku, reason)."""
    rows = [(r.line, r.sku, r.reason) for r in rejected]
    _write_csv(Path(path), REPORT_COLUMNS, rows)
    return len(rows)


def _write_csv(path: Path, header, rows) -> None:
    """UTF-8 with a BOM, commas, CRLF; written to a temp file beside ``path``
    and renamed over it, so a failed write never leaves half a file."""
    temp = None
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding=EXPORT_ENCODING, newline="") as out:
            writer = csv.writer(out)
            writer.writerow(header)
            writer.writerows(rows)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
        temp = None
    except OSError as exc:
        raise CatalogFileError(
            N_('"{path}" could not be written: {value}.', path=path, value=exc.strerror or exc)
        ) from None
    finally:
        if temp is not None:
            try:
                os.unlink(temp)
            except OSError:
                pass


# -- choices made before an import (the window asks them) ---------------------------------


def _chosen_columns(header: list[str], name: str, choices: "ImportChoices") -> tuple[dict[str, int], tuple[str, ...]]:
    """The columns as the person chose them (ImportChoices.columns)."""
    found = dict(choices.columns)
    for field, index in found.items():
        if field not in COLUMNS or not 0 <= index < len(header):
            raise CatalogFileError(
                N_(
                    '"{name}" has no column {value} for the {field}.',
                    name=name,
                    value=index + 1,
                    field=_LABELS.get(field, field).lower(),
                )
            )
    if len(set(found.values())) < len(found):
        raise CatalogFileError(N_("One column was chosen for two fields: choose one column each."))
    needed = [f for f in REQUIRED if f not in found and not (f == "category" and choices.default_category)]
    if needed:
        raise CatalogFileError(
            N_("Choose a column for: {choices}.", choices=", ".join(_LABELS[f].lower() for f in needed))
        )
    used = set(found.values())
    ignored = tuple(title.strip() for index, title in enumerate(header) if index not in used and title.strip())
    return found, ignored


def find_repeated_skus(
    path, choices: ImportChoices | None = None, *, cancelled: Callable[[], bool] | None = None
) -> dict[str, int] | None:
    """A quick first pass: each SKU found on more than one row, with the line
    of its last row (what KEEP_LAST keeps). It streams the file: its memory
    grows with the distinct SKUs, not with the file. ``cancelled()`` is asked
    every few thousand rows; None when it said so. Raises CatalogFileError
    for a file it cannot read (MissingColumns as ``read_catalog`` does)."""
    path = Path(path)
    choices = choices or ImportChoices()
    last_line: dict[str, int] = {}
    repeated: set[str] = set()
    end = 0
    try:
        with open(path, encoding="utf-8-sig", newline="") as file:
            first = next((line for line in file if line.strip()), None)
            if first is None:
                raise CatalogFileError(N_('"{name}" is empty: there is no header line.', name=path.name))
            file.seek(0)
            reader = csv.reader(file, delimiter=_delimiter(first))
            sku_column = None
            for cells in reader:
                start, end = end + 1, reader.line_num
                if not any(cell.strip() for cell in cells):
                    continue
                if sku_column is None:
                    chosen = (
                        _chosen_columns(cells, path.name, choices) if choices.columns else _columns(cells, path.name)
                    )
                    sku_column = chosen[0]["sku"]
                    continue
                if cancelled is not None and start % 5000 == 0 and cancelled():
                    return None
                sku = _clean_code(cells[sku_column]) if sku_column < len(cells) else None
                if sku:
                    if sku in last_line:
                        repeated.add(sku)
                    last_line[sku] = start
    except OSError as exc:
        raise CatalogFileError(
            N_('"{path}" could not be read: {value}.', path=path, value=exc.strerror or exc)
        ) from None
    except UnicodeDecodeError:
        raise CatalogFileError(
            N_('"{name}" is not UTF-8 text: save it as "CSV UTF-8" and import it again.', name=path.name)
        ) from None
    except csv.Error as exc:
        raise CatalogFileError(
            N_(
                'Line {value} of "{name}" could not be read ({exc}): is a closing quote missing?',
                value=end + 1,
                name=path.name,
                exc=exc,
            )
        ) from None
    return {sku: last_line[sku] for sku in repeated}
