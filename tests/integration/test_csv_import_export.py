"""Catalog files end to end, on real files and real shop folders: export then
import into an empty shop gives the same catalog; an import cancelled between
batches leaves whole batches in both stores (and after reopening); an import
in a worker thread while the window keeps asking queries."""

import csv
import threading
import time

import pytest

from core.catalog_csv import COLUMNS, SERVER_BATCH, category_paths, export_catalog, import_catalog, read_catalog
from core.commands import AddCategory, AddProduct, ArchiveProduct, OrderLine, PlaceOrder
from core.queries import GetCategories, GetProducts
from tests.helpers import WriteModelDatabase


def catalog_of(shop) -> set[tuple]:
    """What a catalog file can carry, per active product."""
    paths = category_paths(shop)
    return {
        (p.sku, p.name, paths[p.category_id], p.price_cents, p.stock, p.barcode, p.reorder_level)
        for p in shop.ask(GetProducts())
    }


def stock_a_shop(shop) -> dict[str, int]:
    """Nested categories, accents, quotes, commas and semicolons in names,
    barcodes, reorder levels, an archived product and one sold."""
    ids = {}
    ids["home"] = shop.dispatch(AddCategory("Home"))
    ids["kitchen"] = shop.dispatch(AddCategory("Kitchen", parent_id=ids["home"]))
    ids["mugs"] = shop.dispatch(AddCategory("Mugs", parent_id=ids["kitchen"]))
    ids["deep"] = shop.dispatch(AddCategory('Café, Thé & "Co"', parent_id=ids["mugs"]))
    ids["garden"] = shop.dispatch(AddCategory("Jardín; Exterior"))
    products = [
        ("MUG-1", "Blue Enamel Mug", "mugs", 850, 10, "5012345678900", 2),
        ("MUG-2", '12" Mug, "Large"', "mugs", 1299, 0, None, 5),
        ("TEA-1", "Crème brûlée teapot", "deep", 2499, 3, "2000000000015", 0),
        ("TEA-2", "Ünïcödé 🍵; with semicolon", "deep", 1, 1_000_000, None, 1_000_000),
        ("KIT-1", "Whisk", "kitchen", 150, 7, None, 0),
        ("HOM-1", "Doormat  with  two spaces", "home", 999_999_99, 1, None, 3),
        ("GRD-1", "Trowel", "garden", 1200, 4, "4006381333931", 1),
        ("85123A", "Heart T-Light Holder", "home", 255, 6, None, 0),
        ("85123a", "Heart T-light holder (small)", "home", 245, 6, None, 0),
        ("OLD-1", "Archived vase", "home", 500, 2, None, 0),
    ]
    for sku, name, cat, price, stock, barcode, reorder in products:
        ids[sku] = shop.dispatch(
            AddProduct(sku, name, ids[cat], price, stock=stock, barcode=barcode, reorder_level=reorder)
        )
    shop.dispatch(PlaceOrder((OrderLine(ids["MUG-1"], 2),)))
    shop.dispatch(ArchiveProduct(ids["OLD-1"]))
    return ids


@pytest.mark.sqlite_only  # two shops in two folders (on one server they would share a database)
def test_export_then_import_into_an_empty_shop_gives_the_same_catalog(tmp_path, open_at):
    first = open_at(tmp_path / "first")
    stock_a_shop(first)
    exported = tmp_path / "catalog.csv"
    assert export_catalog(first, exported) == 9  # the archived one is left out
    expected = catalog_of(first)
    assert ("MUG-1", "Blue Enamel Mug", "Home/Kitchen/Mugs", 850, 8, "5012345678900", 2) in expected
    assert (
        "TEA-1",
        "Crème brûlée teapot",
        'Home/Kitchen/Mugs/Café, Thé & "Co"',
        2499,
        3,
        "2000000000015",
        0,
    ) in expected

    second = open_at(tmp_path / "second")
    report = import_catalog(second, exported, batch_size=4)
    assert (report.outcome.created, report.outcome.rejected, report.batches_applied) == (9, (), 3)
    assert catalog_of(second) == expected
    # Same file again from the new shop, byte for byte.
    again = tmp_path / "again.csv"
    export_catalog(second, again)
    assert again.read_bytes() == exported.read_bytes()
    # And it is all still there after closing and opening the folder again.
    second.close()
    assert catalog_of(open_at(tmp_path / "second")) == expected


@pytest.mark.sqlite_only  # two shops in two folders (on one server they would share a database)
def test_one_category_exported_and_imported_elsewhere(tmp_path, open_at):
    first = open_at(tmp_path / "first")
    ids = stock_a_shop(first)
    exported = tmp_path / "mugs.csv"
    assert export_catalog(first, exported, ids["mugs"]) == 4
    second = open_at(tmp_path / "second")
    import_catalog(second, exported)
    assert catalog_of(second) == {p for p in catalog_of(first) if p[2].startswith("Home/Kitchen/Mugs")}
    names = {c.name for c in second.ask(GetCategories())}
    assert names == {"Home", "Kitchen", "Mugs", 'Café, Thé & "Co"'}


def test_the_export_opens_as_utf8_csv_with_a_header(tmp_path, open_at):
    shop = open_at()
    stock_a_shop(shop)
    path = tmp_path / "catalog.csv"
    export_catalog(shop, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM tells Excel it is UTF-8
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert tuple(rows[0]) == COLUMNS
    assert all(len(r) == len(COLUMNS) for r in rows)


def big_file(tmp_path, count: int):
    path = tmp_path / "big.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS)
        for i in range(1, count + 1):
            w.writerow(
                (
                    f"B-{i:05d}",
                    f"Bulk item {i}",
                    f"Bulk/Shelf {i % 7}",
                    f"{i // 100}.{i % 100:02d}",
                    i % 50,
                    f"20{i:010d}" if i % 3 == 0 else "",
                    i % 4,
                )
            )
    return path


def skus_in_write_model(data_dir) -> set[str]:
    conn = WriteModelDatabase(data_dir)
    try:
        return {r[0] for r in conn.execute("SELECT sku FROM product")}
    finally:
        conn.close()


def test_a_cancelled_import_leaves_whole_batches_in_both_stores(tmp_path, data_dir, open_at, consistent):
    shop = open_at()
    path = big_file(tmp_path, 1_200)
    records = read_catalog(path).records
    seen = []
    batch = SERVER_BATCH  # the same batches on a file and on a server
    report = import_catalog(
        shop, path, batch_size=batch, progress=lambda d, t: seen.append(d), cancelled=lambda: len(seen) > 1
    )  # after the first batch's progress
    assert (report.cancelled, report.batches_applied, report.outcome.created) == (True, 1, batch)
    assert seen == [0, batch]
    first_batch = {r.sku for r in records[:batch]}
    assert skus_in_write_model(data_dir) == first_batch
    assert {p.sku for p in shop.ask(GetProducts())} == first_batch
    consistent(shop, data_dir)
    shop.close()
    reopened = open_at()
    assert {p.sku for p in reopened.ask(GetProducts())} == first_batch
    # Importing the file again finishes the job without touching the first batch.
    report = import_catalog(reopened, path, batch_size=batch)
    assert (report.outcome.created, report.outcome.updated, report.outcome.unchanged) == (1_200 - batch, 0, batch)
    assert len(reopened.ask(GetProducts())) == 1_200
    consistent(reopened, data_dir)


def test_an_import_in_a_worker_thread_while_queries_go_on(tmp_path, open_at):
    shop = open_at()
    path = big_file(tmp_path, 1_500)
    result, errors = {}, []

    def work():
        try:
            result["report"] = import_catalog(shop, path, batch_size=250)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    counts = []
    while worker.is_alive():
        counts.append(len(shop.ask(GetProducts())))  # the window keeps asking
        time.sleep(0.002)
    worker.join()
    assert errors == []
    assert result["report"].outcome.created == 1_500
    assert counts == sorted(counts)  # only ever whole batches more
    assert all(c % 250 == 0 for c in counts)
    assert len(shop.ask(GetProducts())) == 1_500


def test_a_semicolon_file_with_decimal_commas_from_a_spreadsheet(tmp_path, open_at):
    path = tmp_path / "libreoffice.csv"
    path.write_bytes(
        "\ufeffSKU;Name;Category Path;Price;Stock;EAN;Reorder Level\r\n"
        "FR-1;Tasse à café, bleue;Maison/Cuisine;2,55;12;3017620422003;2\r\n"
        'FR-2;Théière "Grand";Maison/Cuisine;1.234,50;;;\r\n'
        "FR-3;Sans prix;Maison;;;;\r\n".encode("utf-8")
    )
    shop = open_at()
    report = import_catalog(shop, path)
    assert report.outcome.created == 2
    assert [(r.line, r.sku, r.reason) for r in report.outcome.rejected] == [(4, "FR-3", "Price is missing.")]
    assert catalog_of(shop) == {
        ("FR-1", "Tasse à café, bleue", "Maison/Cuisine", 255, 12, "3017620422003", 2),
        ("FR-2", 'Théière "Grand"', "Maison/Cuisine", 123450, 0, None, 0),
    }


@pytest.mark.sqlite_only  # two shops in two folders (on one server they would share a database)
def test_a_zero_priced_product_is_reported_when_its_export_is_imported(tmp_path, open_at):
    """The core allows £0.00, a catalog file does not (a zero price in a file
    is nearly always a gap): such a product is reported, never imported free."""
    first = open_at(tmp_path / "first")
    home = first.dispatch(AddCategory("Home"))
    first.dispatch(AddProduct("FREE-1", "Free carrier bag", home, 0))
    first.dispatch(AddProduct("BAG-1", "Cotton bag", home, 350))
    path = tmp_path / "out.csv"
    export_catalog(first, path)
    report = import_catalog(open_at(tmp_path / "second"), path)
    assert report.outcome.created == 1
    assert [(r.sku, r.reason) for r in report.outcome.rejected] == [
        ("FREE-1", 'Price "0.00" is zero: a product needs a price.')
    ]


@pytest.mark.parametrize("batch_size", [1, 5, 10_000])
def test_the_batch_size_does_not_change_the_outcome(tmp_path, open_at, batch_size):
    path = big_file(tmp_path, 12)
    shop = open_at(tmp_path / f"shop-{batch_size}")
    report = import_catalog(shop, path, batch_size=batch_size)
    assert report.outcome.created == 12
    assert report.batches_applied == -(-12 // batch_size)
    assert catalog_of(shop) == {
        (r.sku, r.name, r.category_path, r.price_cents, r.stock, r.barcode, r.reorder_level)
        for r in read_catalog(path).records
    }
