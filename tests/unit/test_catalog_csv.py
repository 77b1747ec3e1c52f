"""core.catalog_csv: reading catalog files (headers, encodings, delimiters,
prices, every rejection with its line), importing them in batches (progress,
cancel, twice = no change) and exporting them. Real files in tmp_path.

The catalog fixture: Kitchen > Mugs (MUG-BLUE, Blue Enamel Mug, £8.50, 10 in
stock, reorder 2, barcode 5012345678900), Kitchen (TEA-01, Café Teapot),
Kitchen > Plates (PLT-9), Garden (GRD-TRW, barcode 4006381333931).
"""

import csv

import pytest

from core.catalog_csv import (
    COLUMNS,
    KEEP_FIRST,
    KEEP_LAST,
    CatalogFileError,
    CatalogImportStopped,
    ImportChoices,
    ImportReport,
    MissingColumns,
    export_catalog,
    find_repeated_skus,
    format_price,
    import_catalog,
    parse_price,
    read_catalog,
    write_rejections,
)
from core.commands import AddCategory, AddProduct, ArchiveProduct, ProductRecord
from core.errors import InvalidCommand, StorageError, UnknownCategory
from core.queries import GetCategories, GetProducts, GetStockHistory
from core.results import RejectedRecord
from tests.helpers import WriteModelDatabase
from tests.unit.helpers import by_sku

HEADER = "sku,name,category,price,stock,barcode,reorder_level\n"


@pytest.fixture
def write(tmp_path):
    """``write(text)`` -> the path of a new file holding it (UTF-8 unless bytes)."""
    count = [0]

    def _write(content, name=None):
        count[0] += 1
        path = tmp_path / (name or f"catalog{count[0]}.csv")
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        return path

    return _write


def paths_of(shop) -> dict[int, str]:
    views = {c.id: c for c in shop.ask(GetCategories())}

    def path(c):
        return c.name if c.parent_id is None else f"{path(views[c.parent_id])}/{c.name}"

    return {c.id: path(c) for c in views.values()}


def only_reason(catalog_file) -> tuple[int, str]:
    assert len(catalog_file.rejected) == 1, catalog_file.rejected
    r = catalog_file.rejected[0]
    return r.line, r.reason


# -- prices ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, cents",
    [
        ("2.55", 255),
        ("2,55", 255),
        ("£2.55", 255),
        ("£ 2.55", 255),
        ("2.55 €", 255),
        ("$3", 300),
        ("3", 300),
        ("0.5", 50),
        ("2,5", 250),
        (".5", 50),
        ("19.99", 1999),
        ("  7.05 ", 705),
        ("1,234.50", 123450),
        ("1.234,50", 123450),
        ("1 234,50", 123450),
        ("1\u00a0234,50", 123450),
        ("1'234.50", 123450),
        ("1,234,567", 123456700),
        ("2.5000", 250),
        ("0.500", 50),
        ("0,10", 10),
    ],
)
def test_parse_price_exact_pence(text, cents):
    assert parse_price(text) == cents
    assert type(parse_price(text)) is int


@pytest.mark.parametrize(
    "text, message",
    [
        ("abc", 'Price "abc" is not an amount.'),
        ("", 'Price "" is not an amount.'),
        ("£", 'Price "£" is not an amount.'),
        ("1.2.3", 'Price "1.2.3" is not an amount.'),
        ("1e3", 'Price "1e3" is not an amount.'),
        ("12 34", 'Price "12 34" is not an amount.'),
        ("-2.50", "Price cannot be negative."),
        ("(2.50)", "Price cannot be negative."),
        (
            "2.555",
            'Price "2.555" is ambiguous (thousands or decimals?): write it with two decimals, such as 1234.00 or 1.23.',
        ),
        (
            "1,234",
            'Price "1,234" is ambiguous (thousands or decimals?): write it with two decimals, such as 1234.00 or 1.23.',
        ),
        ("0.001", 'Price "0.001" has more than two decimals.'),
        ("2.5551", 'Price "2.5551" has more than two decimals.'),
    ],
)
def test_parse_price_refuses_with_a_sentence(text, message):
    with pytest.raises(ValueError) as caught:
        parse_price(text)
    assert str(caught.value) == message


@pytest.mark.parametrize("cents", [1, 5, 99, 100, 255, 2499, 123456789])
def test_format_price_round_trips(cents):
    assert parse_price(format_price(cents)) == cents


def test_format_price_is_plain():
    assert (format_price(255), format_price(5), format_price(123456789)) == ("2.55", "0.05", "1234567.89")


# -- reading: the file ------------------------------------------------------------------------


def test_reads_the_export_format(write):
    f = read_catalog(write(HEADER + "MUG-1,Blue Mug,Home/Kitchen/Mugs,2.55,12,5012345678900,3\n"))
    assert f.records == (ProductRecord(2, "MUG-1", "Blue Mug", "Home/Kitchen/Mugs", 255, 12, "5012345678900", 3),)
    assert (f.rejected, f.rows, f.columns, f.delimiter) == ((), 1, COLUMNS, ",")


@pytest.mark.parametrize(
    "header",
    [
        "SKU,Name,Category,Price,Stock,Barcode,Reorder Level",
        " sku , NAME ,category path, price ,stock level,EAN,reorder-level",
        "Code,Description,Category Path,Unit Price,Stock Level,GTIN,ReorderLevel",
        "Product Code;Product Name;CATEGORY;Price;On Hand;ean13;Reorder_Level",
    ],
)
def test_header_names_are_matched_loosely(write, header):
    sep = ";" if ";" in header else ","
    row = sep.join(["MUG-1", "Blue Mug", "Home/Kitchen/Mugs", "2.55", "12", "5012345678900", "3"])
    f = read_catalog(write(f"{header}\n{row}\n"))
    assert f.records == (ProductRecord(2, "MUG-1", "Blue Mug", "Home/Kitchen/Mugs", 255, 12, "5012345678900", 3),)


def test_columns_in_any_order_with_unknown_ones_ignored(write):
    f = read_catalog(write("price,Supplier,name,sku,category,Cost\n2.55,ACME,Blue Mug,MUG-1,Home,1.10\n"))
    assert f.records == (ProductRecord(2, "MUG-1", "Blue Mug", "Home", 255),)
    assert f.ignored_columns == ("Supplier", "Cost")
    assert f.columns == ("sku", "name", "category", "price")


def test_utf8_with_and_without_bom_read_the_same(write):
    text = HEADER + "TEA-1,Café Teapot,Cuisine/Thé,24.99,3,,\n"
    plain, bom = read_catalog(write(text)), read_catalog(write(b"\xef\xbb\xbf" + text.encode("utf-8")))
    assert plain.records == bom.records
    assert bom.records[0].name == "Café Teapot" and bom.records[0].category_path == "Cuisine/Thé"


def test_semicolons_with_decimal_commas(write):
    f = read_catalog(
        write(
            "sku;name;category;price;stock\r\n"
            "A-1;Grande tasse, bleue;Maison/Cuisine;2,55;4\r\n"
            "A-2;Théière;Maison/Cuisine;1.234,50;\r\n"
        )
    )
    assert f.delimiter == ";"
    assert [(r.sku, r.name, r.price_cents, r.stock) for r in f.records] == [
        ("A-1", "Grande tasse, bleue", 255, 4),
        ("A-2", "Théière", 123450, None),
    ]


def test_quoted_values_hold_commas_and_quotes(write):
    f = read_catalog(write(HEADER + '"MUG,1","12"" Plate, ""Blue""",Home,"1,234.50",,,\n'))
    assert (f.records[0].sku, f.records[0].name, f.records[0].price_cents) == ("MUG,1", '12" Plate, "Blue"', 123450)


def test_a_quoted_line_break_rejects_its_row_and_later_lines_stay_right(write):
    f = read_catalog(write(HEADER + 'A-1,"Two\nlines",Home,1.00,,,\nA-2,Fine,Home,2.00,,,\n'))
    assert f.rejected == (
        RejectedRecord(
            2,
            "A-1",
            "The row runs from line 2 to line 3: a value in quotes holds a line break (or a closing quote is missing).",
        ),
    )
    assert [(r.line, r.sku) for r in f.records] == [(4, "A-2")]


def test_a_line_break_in_a_column_we_ignore_is_harmless(write):
    f = read_catalog(write('sku,name,category,price,notes\nA-1,Mug,Home,1.00,"two\nlines"\nA-2,Cup,Home,2.00,\n'))
    assert [(r.line, r.sku) for r in f.records] == [(2, "A-1"), (4, "A-2")]


def test_blank_lines_are_skipped_and_line_numbers_stay_physical(write):
    f = read_catalog(write("\n" + HEADER + "\nA-1,Mug,Home,1.00,,,\n,,,,,,\n\r\nA-2,Cup,Home,x,,,\n"))
    assert [(r.line, r.sku) for r in f.records] == [(4, "A-1")]
    assert f.rejected == (RejectedRecord(7, "A-2", 'Price "x" is not an amount.'),)
    assert f.rows == 2


def test_crlf_and_old_mac_line_endings(write):
    for newline in ("\r\n", "\r"):
        f = read_catalog(
            write(newline.join(["sku,name,category,price", "A-1,Mug,Home,1.00", "A-2,Cup,Home,z"]) + newline)
        )
        assert [(r.line, r.sku) for r in f.records] == [(2, "A-1")]
        assert only_reason(f)[0] == 3


def test_short_rows_read_missing_trailing_cells_as_blank(write):
    f = read_catalog(write(HEADER + "A-1,Mug,Home,1.00\n"))
    assert f.records == (ProductRecord(2, "A-1", "Mug", "Home", 100),)


def test_spaces_around_values_are_ignored(write):
    f = read_catalog(write(HEADER + " A-1 ,  Blue Mug , Home / Kitchen /Mugs/ , £ 2.55 , 4 , 123 , 1\n"))
    assert f.records == (ProductRecord(2, "A-1", "Blue Mug", "Home/Kitchen/Mugs", 255, 4, "123", 1),)


def test_blank_optional_cells_mean_leave_alone(write):
    f = read_catalog(write(HEADER + "A-1,Mug,Home,1.00,,,\n"))
    assert (f.records[0].stock, f.records[0].barcode, f.records[0].reorder_level) == (None, None, None)


# -- reading: whole-file errors -----------------------------------------------------------


@pytest.mark.parametrize(
    "content, message",
    [
        (
            "sku,name,price\nA,Mug,1.00\n",
            '"f.csv" has no "category" column: its first line must name the columns (sku, name, category, '
            "price; optionally stock, barcode, reorder_level).",
        ),
        (
            "A-1,Mug,Home,1.00\n",
            '"f.csv" has no "sku", "name", "category", "price" columns: its first line must name the columns '
            "(sku, name, category, price; optionally stock, barcode, reorder_level).",
        ),
        ("", '"f.csv" is empty: there is no header line.'),
        ("\n \n\r\n", '"f.csv" is empty: there is no header line.'),
        (
            "sku,name,Description,category,price\n",
            'Columns 2 ("name") and 3 ("Description") of "f.csv" are both the name: keep one.',
        ),
    ],
)
def test_a_file_that_cannot_be_a_catalog_gets_one_sentence(write, readable, content, message):
    with pytest.raises(CatalogFileError) as caught:
        read_catalog(write(content, "f.csv"))
    assert str(caught.value) == message
    readable(caught.value)


def test_a_header_alone_is_an_empty_catalog(write):
    f = read_catalog(write(HEADER))
    assert (f.records, f.rejected, f.rows) == ((), (), 0)


def test_a_file_that_is_not_utf8_names_the_line(write, readable):
    data = (HEADER + "A-1,Mug,Home,1.00,,,\nA-2,Café Teapot,Home,2.00,,,\n").encode("cp1252")
    with pytest.raises(CatalogFileError) as caught:
        read_catalog(write(data, "f.csv"))
    assert str(caught.value).startswith('Line 3 of "f.csv" is not UTF-8 text: save the file as "CSV UTF-8"')
    readable(caught.value)


def test_a_utf16_file_is_named_as_such(write, readable):
    with pytest.raises(CatalogFileError) as caught:
        read_catalog(write(HEADER.encode("utf-16"), "f.csv"))
    assert "UTF-16" in str(caught.value)
    readable(caught.value)


def test_a_missing_file_is_a_sentence(tmp_path, readable):
    with pytest.raises(CatalogFileError) as caught:
        read_catalog(tmp_path / "nowhere.csv")
    assert "could not be read" in str(caught.value)
    readable(caught.value)


# -- reading: every rejected row, with its line ----------------------------------------------


@pytest.mark.parametrize(
    "row, reason",
    [
        ("A-1,,Home,1.00,,,", "Name cannot be empty."),
        ("A-1,   ,Home,1.00,,,", "Name cannot be empty."),
        (",Mug,Home,1.00,,,", "SKU cannot be empty."),
        ("A-1,Mug,,1.00,,,", "Category cannot be empty."),
        ("A-1,Mug,Home//Mugs,1.00,,,", 'Category "Home//Mugs" has an empty level (two "/" in a row).'),
        ("A-1,Mug,Home,,,,", "Price is missing."),
        ("A-1,Mug,Home,abc,,,", 'Price "abc" is not an amount.'),
        ("A-1,Mug,Home,0,,,", 'Price "0" is zero: a product needs a price.'),
        ("A-1,Mug,Home,0.00,,,", 'Price "0.00" is zero: a product needs a price.'),
        ("A-1,Mug,Home,-1.00,,,", "Price cannot be negative."),
        ("A-1,Mug,Home,0.001,,,", 'Price "0.001" has more than two decimals.'),
        ("A-1,Mug,Home,20000000.00,,,", 'Price "20000000.00" is more than £10,000,000.00.'),
        ("A-1,Mug,Home,1.00,many,,", 'Stock "many" is not a whole number.'),
        ("A-1,Mug,Home,1.00,-3,,", "Stock cannot be negative."),
        ("A-1,Mug,Home,1.00,2.5,,", 'Stock "2.5" is not a whole number.'),
        ("A-1,Mug,Home,1.00,2000000,,", "Stock cannot be more than 1,000,000."),
        ("A-1,Mug,Home,1.00,,,x", 'Reorder level "x" is not a whole number.'),
        (
            "A-1,Mug,Home,1.00,,5.01235E+12,",
            'Barcode "5.01235E+12" was turned into a number by a spreadsheet: '
            "format the barcode column as text and save the file again.",
        ),
        (
            "A-1,Mug,Home,1.00,,," + ",surplus",
            "The row has 8 values but the header names 7 columns "
            "(a value holding the delimiter must be in double quotes).",
        ),
        ("A-1," + "M" * 201 + ",Home,1.00,,,", "Name is too long (at most 200 characters)."),
        ("A" * 65 + ",Mug,Home,1.00,,,", "SKU is too long (at most 64 characters)."),
    ],
)
def test_each_bad_row_is_rejected_with_its_line_and_reason(write, row, reason):
    f = read_catalog(write(HEADER + "OK-1,Fine,Home,1.00,,,\n\n" + row + "\nOK-2,Fine too,Home,2.00,,,\n"))
    assert only_reason(f) == (4, reason)
    assert [r.sku for r in f.records] == ["OK-1", "OK-2"]  # good rows are never dropped
    assert f.rows == 3


def test_stock_written_by_a_spreadsheet_as_12_0_is_12(write):
    f = read_catalog(write(HEADER + "A-1,Mug,Home,1.00,12.0,,3,00\n".replace(",3,00", ',"3,00"')))
    assert (f.records[0].stock, f.records[0].reorder_level) == (12, 3)


def test_a_row_with_several_problems_lists_them_all(write):
    f = read_catalog(write(HEADER + "A-1,,Home,abc,-1,,\n"))
    assert only_reason(f) == (2, 'Name cannot be empty. Price "abc" is not an amount. Stock cannot be negative.')
    assert f.rejected[0].sku == "A-1"


def test_a_duplicate_sku_in_the_file_names_the_first_line(write):
    f = read_catalog(write(HEADER + "A-1,Mug,Home,1.00,,,\nB-1,Cup,Home,1.00,,,\nA-1,Mug again,Home,2.00,,,\n"))
    assert f.rejected == (RejectedRecord(4, "A-1", 'SKU "A-1" is already on line 2.'),)
    assert [r.name for r in f.records] == ["Mug", "Cup"]


def test_skus_differing_by_case_are_two_products(write):
    f = read_catalog(write(HEADER + "85123A,Mug,Home,1.00,,,\n85123a,Mug,Home,1.00,,,\n"))
    assert [r.sku for r in f.records] == ["85123A", "85123a"]


def test_a_rejected_row_does_not_claim_its_sku(write):
    f = read_catalog(write(HEADER + "A-1,Mug,Home,bad,,,\nA-1,Mug,Home,1.00,,,\n"))
    assert [r.line for r in f.records] == [3]
    assert only_reason(f)[0] == 2


def test_a_duplicate_barcode_in_the_file_names_the_first_line(write):
    f = read_catalog(write(HEADER + "A-1,Mug,Home,1.00,,555,\nB-1,Cup,Home,1.00,,555,\n"))
    assert f.rejected == (RejectedRecord(3, "B-1", 'Barcode "555" is already on line 2 (SKU "A-1").'),)


# -- importing ---------------------------------------------------------------------------------


def test_import_creates_products_and_category_paths(shop, catalog, write):
    report = import_catalog(
        shop,
        write(
            HEADER + "NEW-1,Oven Glove,Kitchen/Textiles,7.99,12,9780201379624,4\n"
            "NEW-2,Seed Tray,Garden/Propagation/Trays,1.99,,,\n"
        ),
    )
    assert report == ImportReport(report.outcome, cancelled=False, batches_applied=1, total_records=2, rows=2)
    assert (report.outcome.created, report.outcome.updated, report.outcome.unchanged) == (2, 0, 0)
    glove, tray = by_sku(shop, "NEW-1"), by_sku(shop, "NEW-2")
    paths = paths_of(shop)
    assert (paths[glove.category_id], glove.price_cents, glove.stock, glove.barcode, glove.reorder_level) == (
        "Kitchen/Textiles",
        799,
        12,
        "9780201379624",
        4,
    )
    assert (paths[tray.category_id], tray.price_cents, tray.stock, tray.barcode, tray.reorder_level) == (
        "Garden/Propagation/Trays",
        199,
        0,
        None,
        0,
    )
    assert paths[glove.category_id].split("/")[0] == "Kitchen"  # the existing Kitchen, not a second one
    assert list(paths.values()).count("Kitchen") == 1


def test_an_existing_sku_is_updated_and_stock_is_the_counted_level(shop, catalog, write):
    report = import_catalog(
        shop, write(HEADER + "MUG-BLUE,Blue Enamel Mug (large),Kitchen/Mugs,9.00,6,5012345678900,2\n")
    )
    assert (report.outcome.created, report.outcome.updated) == (0, 1)
    mug = by_sku(shop, "MUG-BLUE")
    assert (mug.id, mug.name, mug.price_cents, mug.stock) == (catalog.mug, "Blue Enamel Mug (large)", 900, 6)
    last = shop.ask(GetStockHistory(catalog.mug))[-1]
    assert (last.kind, last.quantity, last.stock_after, last.reason) == ("adjusted", -4, 6, "stock-take")


def test_importing_the_same_file_twice_changes_nothing_the_second_time(shop, catalog, write, unchanged):
    path = write(
        HEADER + "MUG-BLUE,Blue Enamel Mug,kitchen/mugs,8.50,10,5012345678900,2\n"
        "NEW-1,Oven Glove,Kitchen/Textiles,7.99,12,,\n"
        "NEW-2,Seed Tray,Garden/Trays,1.99,,,\n"
    )
    first = import_catalog(shop, path)
    assert (first.outcome.created, first.outcome.updated, first.outcome.unchanged) == (2, 0, 1)
    with unchanged(shop):
        second = import_catalog(shop, path)
    assert (second.outcome.created, second.outcome.updated, second.outcome.unchanged) == (0, 0, 3)


def test_rejections_of_the_file_and_of_the_shop_come_together_by_line(shop, catalog, write):
    report = import_catalog(
        shop,
        write(
            HEADER + "NEW-1,Steals a barcode,Home,1.00,,4006381333931,\nNEW-2,,Home,1.00,,,\nNEW-3,Fine,Home,1.00,,,\n"
        ),
    )
    assert report.outcome.rejected == (
        RejectedRecord(2, "NEW-1", 'Barcode "4006381333931" already belongs to SKU "GRD-TRW".'),
        RejectedRecord(3, "NEW-2", "Name cannot be empty."),
    )
    assert report.outcome.created == 1
    assert report.total_records == 2 and report.rows == 3


def test_a_file_without_a_barcode_column_leaves_barcodes_alone(shop, catalog, write):
    report = import_catalog(shop, write("sku,name,category,price\nMUG-BLUE,Blue Enamel Mug,Kitchen/Mugs,8.75\n"))
    assert report.outcome.updated == 1
    assert by_sku(shop, "MUG-BLUE").barcode == "5012345678900"
    assert by_sku(shop, "MUG-BLUE").price_cents == 875


def test_a_blank_barcode_cell_removes_the_barcode(shop, catalog, write):
    import_catalog(shop, write(HEADER + "MUG-BLUE,Blue Enamel Mug,Kitchen/Mugs,8.50,,,\n"))
    assert by_sku(shop, "MUG-BLUE").barcode is None


def rows_file(write, count: int, start: int = 1):
    return write(
        HEADER + "".join(f"P-{i:03d},Product {i},Bulk/Items,{i}.25,{i},,\n" for i in range(start, start + count))
    )


def test_batches_and_progress(shop, write):
    calls = []
    report = import_catalog(shop, rows_file(write, 5), batch_size=2, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(0, 5), (2, 5), (4, 5), (5, 5)]
    assert (report.batches_applied, report.total_records, report.outcome.created) == (3, 5, 5)


def test_cancelling_after_the_first_batch_leaves_exactly_that_batch(shop, write, truth_rows):
    asked = []

    def cancelled():
        asked.append(True)
        return len(asked) > 1  # yes from the second batch on

    report = import_catalog(shop, rows_file(write, 5), batch_size=2, cancelled=cancelled)
    assert (report.cancelled, report.batches_applied, report.outcome.created) == (True, 1, 2)
    assert [p.sku for p in shop.ask(GetProducts())] == ["P-001", "P-002"]
    assert truth_rows() == {"P-001", "P-002"}


def test_cancelling_before_the_first_batch_changes_nothing(shop, catalog, write, unchanged):
    with unchanged(shop):
        report = import_catalog(shop, rows_file(write, 3), cancelled=lambda: True)
    assert (report.cancelled, report.batches_applied, report.outcome.created) == (True, 0, 0)


def test_an_unreadable_file_changes_nothing(shop, catalog, write, unchanged):
    with unchanged(shop), pytest.raises(CatalogFileError):
        import_catalog(shop, write("sku,name\nA,B\n"))


@pytest.mark.parametrize("size", [0, -1, 1.5, "10", True])
def test_the_batch_size_is_checked(shop, write, size):
    with pytest.raises(InvalidCommand):
        import_catalog(shop, rows_file(write, 1), batch_size=size)


class RefusingShop:
    """Passes commands to a real shop, but refuses the n-th with a StorageError."""

    def __init__(self, shop, refuse_at: int):
        self._shop, self._refuse_at, self._count = shop, refuse_at, 0

    def dispatch(self, command):
        self._count += 1
        if self._count == self._refuse_at:
            raise StorageError("The shop's database could not be written; nothing was changed. Please try again.")
        return self._shop.dispatch(command)

    def ask(self, query):
        return self._shop.ask(query)


def test_a_refused_batch_stops_the_import_and_says_what_was_done(shop, write, readable):
    with pytest.raises(CatalogImportStopped) as caught:
        import_catalog(RefusingShop(shop, refuse_at=2), rows_file(write, 5), batch_size=2)
    readable(caught.value)
    assert str(caught.value).startswith("The import stopped at line 4: The shop's database could not be written")
    assert "The 2 products before it were imported" in str(caught.value)
    report = caught.value.report
    assert (report.cancelled, report.batches_applied, report.outcome.created) == (True, 1, 2)
    assert len(shop.ask(GetProducts())) == 2
    # Importing again finishes the job.
    again = import_catalog(shop, rows_file(write, 5), batch_size=2)
    assert (again.outcome.created, again.outcome.unchanged) == (3, 2)


# -- exporting ----------------------------------------------------------------------------------


def read_rows(path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def test_export_writes_the_import_format(shop, catalog, tmp_path):
    path = tmp_path / "out.csv"
    assert export_catalog(shop, path) == 4
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf" + ",".join(COLUMNS).encode() + b"\r\n")
    assert read_rows(path)[1:] == [  # in name order, like the list
        ["MUG-BLUE", "Blue Enamel Mug", "Kitchen/Mugs", "8.50", "10", "5012345678900", "2"],
        ["TEA-01", "Café Teapot", "Kitchen", "24.99", "3", "", "0"],
        ["PLT-9", "Dinner Plate", "Kitchen/Plates", "4.25", "0", "", "0"],
        ["GRD-TRW", "Hand Trowel", "Garden", "12.00", "7", "4006381333931", "0"],
    ]


def test_export_of_a_category_includes_its_sub_categories(shop, catalog, tmp_path):
    path = tmp_path / "kitchen.csv"
    assert export_catalog(shop, path, catalog.kitchen) == 3
    assert sorted(r[0] for r in read_rows(path)[1:]) == ["MUG-BLUE", "PLT-9", "TEA-01"]


def test_export_leaves_archived_products_out(shop, catalog, tmp_path):
    shop.dispatch(ArchiveProduct(catalog.trowel))
    path = tmp_path / "out.csv"
    assert export_catalog(shop, path) == 3
    assert "GRD-TRW" not in path.read_text(encoding="utf-8-sig")


def test_export_of_an_unknown_category_is_refused(shop, catalog, tmp_path, readable):
    with pytest.raises(UnknownCategory) as caught:
        export_catalog(shop, tmp_path / "out.csv", 999)
    readable(caught.value)
    assert not (tmp_path / "out.csv").exists()


def test_export_to_a_folder_that_does_not_exist_is_a_sentence(shop, catalog, tmp_path, readable):
    with pytest.raises(CatalogFileError) as caught:
        export_catalog(shop, tmp_path / "missing" / "out.csv")
    readable(caught.value)


def test_a_failed_export_leaves_the_old_file_whole(shop, catalog, tmp_path, monkeypatch):
    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / "out.csv"
    path.write_text("the previous export")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("core.catalog_csv.os.fsync", broken_fsync)
    with pytest.raises(CatalogFileError, match="No space left on device"):
        export_catalog(shop, path)
    assert path.read_text() == "the previous export"
    assert [p.name for p in folder.iterdir()] == ["out.csv"]  # no temp file left behind


def test_export_then_import_into_the_same_shop_changes_nothing(shop, catalog, tmp_path, unchanged):
    path = tmp_path / "out.csv"
    export_catalog(shop, path)
    with unchanged(shop):
        report = import_catalog(shop, path)
    assert (report.outcome.unchanged, report.outcome.rejected) == (4, ())


def test_names_that_look_like_csv_survive_the_round_trip(shop, tmp_path):
    home = shop.dispatch(AddCategory('Mugs, "Cups" & Jugs'))
    nested = shop.dispatch(AddCategory("Éé; ß", parent_id=home))
    names = ['12" Plate, "Blue"', "Semi;colon", "Ünïcödé 🍵", "=SUM(A1)", "'quoted'"]
    for i, name in enumerate(names):
        shop.dispatch(AddProduct(f"Q-{i}", name, nested if i % 2 else home, 100 + i))
    path = tmp_path / "out.csv"
    export_catalog(shop, path)
    f = read_catalog(path)
    assert f.rejected == ()
    assert {(r.sku, r.name, r.category_path) for r in f.records} == {
        (f"Q-{i}", name, 'Mugs, "Cups" & Jugs' + ("/Éé; ß" if i % 2 else "")) for i, name in enumerate(names)
    }


# -- the rejection report -------------------------------------------------------------------------


def test_write_rejections(tmp_path):
    rejected = (
        RejectedRecord(4, "A-1", 'Price "abc" is not an amount.'),
        RejectedRecord(9, "", "SKU cannot be empty."),
        RejectedRecord(12, "B,2", 'Name "x" has a "quote", and a comma.'),
    )
    path = tmp_path / "report.csv"
    assert write_rejections(rejected, path) == 3
    assert path.read_bytes().startswith(b"\xef\xbb\xbfline,sku,reason\r\n")
    assert read_rows(path) == [
        ["line", "sku", "reason"],
        ["4", "A-1", 'Price "abc" is not an amount.'],
        ["9", "", "SKU cannot be empty."],
        ["12", "B,2", 'Name "x" has a "quote", and a comma.'],
    ]


def test_write_rejections_of_nothing_is_a_header(tmp_path):
    assert write_rejections((), tmp_path / "r.csv") == 0
    assert read_rows(tmp_path / "r.csv") == [["line", "sku", "reason"]]


@pytest.fixture
def truth_rows(data_dir):
    """The SKUs in the write model, read with sqlite3 (not through core)."""

    def _skus() -> set[str]:
        conn = WriteModelDatabase(data_dir)
        try:
            return {r[0] for r in conn.execute("SELECT sku FROM product")}
        finally:
            conn.close()

    return _skus


# -- a file without a required column: which column is which -----------------------------------

NO_CATEGORY = "Code;Item;Cost;Group\nA-1;Apple;1.20;Fruit\nB-1;Bread;2.00;\n"


def test_a_missing_column_says_which_and_what_the_file_has(tmp_path):
    path = tmp_path / "shop.csv"
    path.write_text(NO_CATEGORY, encoding="utf-8")
    with pytest.raises(MissingColumns) as raised:
        read_catalog(path)
    assert raised.value.header == ("Code", "Item", "Cost", "Group")
    assert raised.value.missing == ("name", "category", "price")  # "Cost" is not a price: the person says which is
    assert raised.value.found == {"sku": 0}


def test_the_columns_chosen_and_a_default_category_read_the_file(tmp_path):
    path = tmp_path / "shop.csv"
    path.write_text(NO_CATEGORY, encoding="utf-8")
    choices = ImportChoices(
        columns=(("sku", 0), ("name", 1), ("price", 2), ("category", 3)), default_category="Imported"
    )
    catalog = read_catalog(path, choices)
    assert [(r.sku, r.name, r.category_path, r.price_cents) for r in catalog.records] == [
        ("A-1", "Apple", "Fruit", 120),
        ("B-1", "Bread", "Imported", 200),  # a blank category: the default
    ]


def test_no_category_column_at_all_takes_the_default(tmp_path):
    path = tmp_path / "shop.csv"
    path.write_text("sku,name,price\nA-1,Apple,1.20\n", encoding="utf-8")
    choices = ImportChoices(columns=(("sku", 0), ("name", 1), ("price", 2)), default_category="Imported")
    assert read_catalog(path, choices).records[0].category_path == "Imported"
    with pytest.raises(CatalogFileError, match="Choose a column for: category"):
        read_catalog(path, ImportChoices(columns=(("sku", 0), ("name", 1), ("price", 2))))


REPEATS = "sku,name,category,price\nA-1,Apple,Fruit,1.00\nB-1,Bread,Bakery,2.00\nA-1,Apple (new),Fruit,1.50\n"


def test_the_first_pass_finds_repeated_skus_with_their_last_line(tmp_path):
    path = tmp_path / "shop.csv"
    path.write_text(REPEATS, encoding="utf-8")
    assert find_repeated_skus(path) == {"A-1": 4}


def test_the_first_pass_can_be_cancelled(tmp_path):
    path = tmp_path / "big.csv"
    rows = "".join(f"S-{n},Thing {n},Misc,1.00\n" for n in range(12_000))
    path.write_text("sku,name,category,price\n" + rows, encoding="utf-8")
    asked = []
    assert find_repeated_skus(path, cancelled=lambda: asked.append(1) or True) is None
    assert asked == [1]


@pytest.mark.parametrize(
    ("policy", "kept", "reason"),
    [
        (KEEP_FIRST, ("Apple", 100), 'SKU "A-1" is repeated: its first row, line 2, is kept.'),
        (KEEP_LAST, ("Apple (new)", 150), 'SKU "A-1" is repeated: its last row, line 4, is kept.'),
    ],
)
def test_repeated_skus_keep_the_first_or_the_last_row(tmp_path, policy, kept, reason):
    path = tmp_path / "shop.csv"
    path.write_text(REPEATS, encoding="utf-8")
    catalog = read_catalog(path, ImportChoices(repeated_skus=policy))
    apple = next(r for r in catalog.records if r.sku == "A-1")
    assert (apple.name, apple.price_cents) == kept
    assert [r.reason for r in catalog.rejected] == [reason]
    assert len(catalog.records) == 2


@pytest.mark.parametrize("on_server", [False, True], ids=["own file", "shared server"])
def test_on_a_shared_server_an_import_sends_smaller_batches(shop, write, monkeypatch, on_server):
    """Each batch holds the outbox lock until its COMMIT, and on a server the
    other tills' sales wait for it: there a batch is at most SERVER_BATCH."""
    import core.catalog_csv as catalog_csv
    from core.commands import ImportProducts

    monkeypatch.setattr(catalog_csv, "SERVER_BATCH", 3)
    monkeypatch.setattr(type(shop), "on_server", property(lambda _shop: on_server))
    sent = []
    real = shop.dispatch
    monkeypatch.setattr(shop, "dispatch", lambda command: sent.append(command) or real(command))
    rows = "".join(f"S-{i},Thing {i},Things,1.00\n" for i in range(10))
    report = import_catalog(shop, write("sku,name,category,price\n" + rows), batch_size=5)
    sizes = [len(c.records) for c in sent if isinstance(c, ImportProducts)]
    assert sizes == ([3, 3, 3, 1] if on_server else [5, 5])
    assert report.total_records == 10 and len(shop.ask(GetProducts())) >= 10
