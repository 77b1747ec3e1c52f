"""ImportProducts: create or update many products by SKU in one transaction.

Each record is checked like a single command; a bad record is reported with
its line and reason and the good ones are applied all the same. Work is done
in bulk (a query per 500 SKUs, one executemany INSERT for the new products)
so that a whole catalog imports quickly (bench/import_timing.py).
"""

from collections.abc import Sequence

from sqlalchemy import func, insert, select, update

from core.domain import validation as valid
from core.domain.command_values import INT64_MAX, screened_item, shown
from core.domain.stock_moves import OPENING_NOTE, MovementKind
from core.domain.validation import MAX_CATEGORY_DEPTH, MAX_CATEGORY_PATH_LENGTH
from core.errors import InvalidCommand, ShopError
from core.handlers.categories import category_name
from core.handlers.lookups import products_by
from core.handlers.stock_ledger import record_movements
from core.i18n import N_, reason_of
from core.messages.commands import ImportProducts, ProductRecord
from core.messages.events import CategoryAdded, ProductAdded, ProductUpdated, StockAdjusted
from core.results import ImportOutcome, RejectedRecord
from core.write_model import locks
from core.write_model.schema import category, product
from core.write_model.unit_of_work import UnitOfWork, inserted_id

IMPORT_NOTE = "Imported from a catalog file"


class _CategoryPaths:
    """Finds "Home/Kitchen/Mugs" in the tree, creating what is missing."""

    def __init__(self, uow: UnitOfWork):
        self._uow = uow
        locks.take(uow.conn, locks.CATEGORIES)  # the tree as read stays so until COMMIT
        # (parent id, casefolded name) -> category id
        self._ids: dict[tuple[int | None, str], int] = {
            (parent, name.casefold()): cid
            for cid, name, parent in uow.conn.execute(select(category.c.id, category.c.name, category.c.parent_id))
        }

    @staticmethod
    def check(path) -> list[str]:
        if not isinstance(path, str) or not path.strip():
            raise InvalidCommand(N_("Category cannot be empty."))
        # Checked before splitting: a 10,000-character path would otherwise
        # make thousands of nested categories that every listing then walks.
        if len(path) > MAX_CATEGORY_PATH_LENGTH or path.count("/") >= MAX_CATEGORY_DEPTH:
            raise InvalidCommand(
                N_(
                    "The category path {value} is too deep: at most {MAX_CATEGORY_DEPTH} levels of at most "
                    "{MAX_NAME_LENGTH} characters each.",
                    value=shown(path),
                    MAX_CATEGORY_DEPTH=MAX_CATEGORY_DEPTH,
                    MAX_NAME_LENGTH=valid.MAX_NAME_LENGTH,
                )
            )
        return [category_name(part, N_("Each category in the path")) for part in path.split("/")]

    @staticmethod
    def checker():
        """``check`` remembering its answers: a file names a few paths many times."""
        known: dict[str, tuple[str, ...]] = {}

        def check(path) -> tuple[str, ...]:
            names = known.get(path) if type(path) is str else None
            if names is None:
                names = tuple(_CategoryPaths.check(path))
                if type(path) is str:
                    known[path] = names
            return names

        return check

    def resolve(self, names: Sequence[str]) -> int:
        """The id of the category ``names`` (a path as ``check`` gives it: never empty)."""
        parent: int | None = None
        for name in names:
            key = (parent, name.casefold())
            if key not in self._ids:
                new_id = inserted_id(self._uow.conn.execute(insert(category).values(name=name, parent_id=parent)))
                self._uow.record(CategoryAdded(category_id=new_id, name=name, parent_id=parent))
                self._ids[key] = new_id
            parent = self._ids[key]
        if parent is None:
            raise InvalidCommand(N_("Category cannot be empty."))  # what check says of an empty path
        return parent


def _code(value, label: str) -> str:
    # The common case, cheaply: printable text (so no tab, newline or NUL,
    # and no space but " ") without surrounding spaces is what valid.code
    # accepts, unchanged. Anything else gets the full check and its message.
    if (
        type(value) is str
        and 0 < len(value) <= valid.MAX_CODE_LENGTH
        and value.isprintable()
        and value[0] != " "
        and value[-1] != " "
    ):
        return value
    return valid.code(value, label)


def _name(value, label: str) -> str:
    if type(value) is str and value.isprintable():
        stripped = value.strip()
        if 0 < len(stripped) <= valid.MAX_NAME_LENGTH:
            return stripped
    return valid.name(value, label)


def _level(value, label: str) -> int:
    if type(value) is int and 0 <= value <= valid.MAX_QUANTITY:
        return value
    return valid.stock_level(value, label)


def _checked(record: ProductRecord, path_check=_CategoryPaths.check) -> dict:
    """The record's values, validated; raises InvalidCommand with the reason."""
    record = screened_item(record)  # what the dispatcher checks of every command's values
    barcode = record.barcode
    if barcode is not None and not isinstance(barcode, str):
        raise InvalidCommand(N_("Barcode must be text, not {value}.", value=shown(barcode)))
    if barcode is not None and not barcode.strip():
        barcode = None
    return {
        "sku": _code(record.sku, N_("SKU")),
        "name": _name(record.name, N_("Name")),
        "path": path_check(record.category_path),
        "price_cents": valid.price(record.price_cents),
        "stock": None if record.stock is None else _level(record.stock, N_("Stock")),
        "barcode": None if barcode is None else _code(barcode, N_("Barcode")),
        "reorder_level": None if record.reorder_level is None else _level(record.reorder_level, N_("Reorder level")),
    }


def import_products(command: ImportProducts, uow: UnitOfWork) -> ImportOutcome:
    records = command.records
    if not isinstance(records, (tuple, list)) or not all(isinstance(r, ProductRecord) for r in records):
        raise InvalidCommand(N_("An import takes a list of product records."))
    for record in records:  # a rejection is reported by its line: every record needs one
        if type(record.line) is not int or not 0 <= record.line <= INT64_MAX:
            raise InvalidCommand(
                N_("Each product record needs its line number, not {value}.", value=shown(record.line))
            )
    rejected: list[RejectedRecord] = []
    good: list[tuple[ProductRecord, dict]] = []
    first_line_of_sku: dict[str, int] = {}
    path_check = _CategoryPaths.checker()
    for record in records:
        try:
            values = _checked(record, path_check)
        except ShopError as exc:
            rejected.append(RejectedRecord(record.line, str(record.sku or ""), reason_of(exc)))
            continue
        if values["sku"] in first_line_of_sku:
            rejected.append(
                RejectedRecord(
                    record.line,
                    values["sku"],
                    f'SKU "{values["sku"]}" is already on line {first_line_of_sku[values["sku"]]}.',
                )
            )
            continue
        first_line_of_sku[values["sku"]] = record.line
        good.append((record, values))

    by_sku = products_by(uow, product.c.sku, [v["sku"] for _r, v in good])
    barcodes = [v["barcode"] for _r, v in good if v["barcode"]]
    barcode_owner = {code: row["sku"] for code, row in products_by(uow, product.c.barcode, barcodes).items()}
    paths = _CategoryPaths(uow)
    new_rows, created, updated, unchanged = [], 0, 0, 0
    for record, values in good:
        sku, barcode = values["sku"], values["barcode"]
        if barcode and barcode_owner.get(barcode, sku) != sku:
            rejected.append(
                RejectedRecord(
                    record.line, sku, f'Barcode "{barcode}" already belongs to SKU "{barcode_owner[barcode]}".'
                )
            )
            continue
        if barcode:
            barcode_owner[barcode] = sku
        category_id = paths.resolve(values["path"])
        old = by_sku.get(sku)
        if old is None:
            new_rows.append(
                {
                    "sku": sku,
                    "name": values["name"],
                    "category_id": category_id,
                    "price_cents": values["price_cents"],
                    "stock": values["stock"] or 0,
                    "barcode": barcode,
                    "reorder_level": values["reorder_level"] or 0,
                    "cost_price_cents": None,
                    "tax_rate_bp": None,
                    "active": True,
                }
            )
            created += 1
            continue
        if old["barcode"] and old["barcode"] != barcode:
            barcode_owner.pop(old["barcode"], None)
        wanted = {
            "name": values["name"],
            "category_id": category_id,
            "price_cents": values["price_cents"],
            "barcode": barcode,
            "reorder_level": old["reorder_level"] if values["reorder_level"] is None else values["reorder_level"],
        }
        changed = {k: v for k, v in wanted.items() if old[k] != v}
        stock_change = 0 if values["stock"] is None else values["stock"] - old["stock"]
        if not changed and not stock_change:
            unchanged += 1
            continue
        updated += 1
        stock_after = old["stock"] + stock_change
        uow.conn.execute(update(product).where(product.c.id == old["id"]).values(**changed, stock=stock_after))
        state = {
            **{k: old[k] for k in ("sku", "cost_price_cents", "tax_rate_bp")},
            **wanted,
            "active": bool(old["active"]),
            "stock": stock_after,
        }
        uow.record(ProductUpdated(product_id=old["id"], **state))
        if stock_change:
            record_movements(
                uow,
                [
                    {
                        "product_id": old["id"],
                        "kind": MovementKind.ADJUSTED,
                        "quantity": stock_change,
                        "stock_after": stock_after,
                        "reason": "stock-take",
                        "note": IMPORT_NOTE,
                    }
                ],
            )
            uow.record(
                StockAdjusted(
                    product_id=old["id"],
                    change=stock_change,
                    stock_after=stock_after,
                    reason="stock-take",
                    note=IMPORT_NOTE,
                )
            )

    if new_rows:
        # One executemany INSERT (INSERT ... RETURNING in parameter order is
        # one statement per row on SQLite: much slower), then the
        # new ids by SKU: the rows above the highest id before the insert.
        # The unit of work holds the write lock, so no other till inserts
        # meanwhile, and the SKU match would tell anyway.
        before = uow.conn.execute(select(func.coalesce(func.max(product.c.id), 0))).scalar()
        uow.conn.execute(insert(product), new_rows)
        id_of = {
            sku: product_id
            for product_id, sku in uow.conn.execute(select(product.c.id, product.c.sku).where(product.c.id > before))
        }
        ids = [id_of[row["sku"]] for row in new_rows]
        opening = []
        for product_id, row in zip(ids, new_rows):
            uow.record(ProductAdded(product_id=product_id, **row))
            if row["stock"]:
                opening.append(
                    {
                        "product_id": product_id,
                        "kind": MovementKind.RECEIVED,
                        "quantity": row["stock"],
                        "stock_after": row["stock"],
                        "note": OPENING_NOTE,
                    }
                )
        record_movements(uow, opening)
    rejected.sort(key=lambda r: r.line)
    return ImportOutcome(created, updated, unchanged, tuple(rejected))
