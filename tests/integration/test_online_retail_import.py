"""Acceptance on real data: 40,000 invoice lines of a UK gift shop
(../shared/datasets/online_retail_40k.csv, see its README) become a product
file, one row per StockCode, messy rows kept: the import brings in every good
product with its exact price and reports every messy one with its line.

The expectations are computed here from the raw data with ``decimal``, not
with the importer's own parsing. Skipped when the data set is not there.
"""

import csv
import re
from decimal import Decimal
from pathlib import Path

import pytest

from core import open_shop
from core.catalog_csv import category_paths, import_catalog
from core.queries import GetProducts

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "datasets" / "online_retail_40k.csv"

# Description keyword -> category path; the first keyword found wins.
KEYWORDS = (
    ("CHRISTMAS", "Christmas"),
    ("MUG", "Home/Kitchen/Mugs"),
    ("CAKESTAND", "Home/Kitchen/Baking"),
    ("CAKE", "Home/Kitchen/Baking"),
    ("BAKING", "Home/Kitchen/Baking"),
    ("LUNCH", "Home/Kitchen/Lunch Boxes"),
    ("JAR", "Home/Kitchen/Storage"),
    ("TIN", "Home/Kitchen/Storage"),
    ("PLATE", "Home/Kitchen/Tableware"),
    ("BOWL", "Home/Kitchen/Tableware"),
    ("CUP", "Home/Kitchen/Tableware"),
    ("CANDLE", "Home/Candles"),
    ("T-LIGHT", "Home/Candles"),
    ("LIGHT", "Home/Lighting"),
    ("LANTERN", "Home/Lighting"),
    ("BAG", "Bags"),
    ("CARD", "Stationery/Cards"),
    ("WRAP", "Stationery/Gift Wrap"),
    ("NOTEBOOK", "Stationery"),
    ("SIGN", "Home/Decor/Signs"),
    ("FRAME", "Home/Decor/Frames"),
    ("CLOCK", "Home/Decor/Clocks"),
    ("CUSHION", "Home/Textiles"),
    ("GARDEN", "Garden"),
    ("POSTAGE", "Services"),
    ("CHARGES", "Services"),
    ("VOUCHER", "Services"),
)
_PATTERNS = tuple((re.compile(rf"\b{re.escape(word)}S?\b", re.IGNORECASE), path) for word, path in KEYWORDS)


def category_for(description: str) -> str:
    for pattern, path in _PATTERNS:
        if pattern.search(description):
            return path
    return "Other"


def pence(text: str) -> int | None:
    """Whole pence from the data's price text, or None when it is not (0.001)."""
    amount = Decimal(text) * 100
    return int(amount) if amount == amount.to_integral_value() else None


def build_product_file(source: Path, target: Path) -> dict:
    """One row per StockCode (file order of first appearance): the first
    non-blank description, the first positive price; a code that has neither
    keeps its blank description or zero price. Returns what to expect."""
    first_line: dict[str, dict] = {}
    with open(source, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            code = row["StockCode"]
            entry = first_line.setdefault(code, {"description": "", "price": row["UnitPrice"]})
            if not entry["description"].strip() and row["Description"].strip():
                entry["description"] = row["Description"]  # as written, trailing spaces and all
            if Decimal(entry["price"]) <= 0 < Decimal(row["UnitPrice"]):
                entry["price"] = row["UnitPrice"]
    good, messy = {}, {}
    with open(target, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["sku", "name", "category", "price"])
        for line, (code, entry) in enumerate(first_line.items(), start=2):
            description, price = entry["description"], entry["price"]
            category = category_for(description)
            writer.writerow([code, description, category, price])
            problems = []
            if not description.strip():
                problems.append("Name cannot be empty.")
            if Decimal(price) <= 0:
                problems.append("is zero")
            elif pence(price) is None:
                problems.append("more than two decimals")
            if problems:
                messy[line] = (code, problems)
            else:
                good[code] = (description.strip(), category, pence(price))
    return {"good": good, "messy": messy, "rows": len(first_line)}


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    if not DATA.exists():
        pytest.skip(f"the real-data set is not here ({DATA})")
    folder = tmp_path_factory.mktemp("online_retail")
    product_file = folder / "products.csv"
    expected = build_product_file(DATA, product_file)
    shop = open_shop(folder / "shop")
    try:
        report = import_catalog(shop, product_file)
        yield shop, product_file, expected, report
    finally:
        shop.close()


def test_the_generated_file_is_real_and_messy(imported):
    _shop, _path, expected, _report = imported
    assert expected["rows"] == 3227  # distinct StockCodes, as the data set's README says
    assert len(expected["messy"]) >= 40  # blank descriptions and zero prices are there


def test_every_good_product_arrived_with_its_exact_price(imported):
    shop, _path, expected, report = imported
    good = expected["good"]
    assert report.outcome.created == len(good)
    paths = category_paths(shop)
    found = {p.sku: (p.name, paths[p.category_id], p.price_cents) for p in shop.ask(GetProducts())}
    assert found == good
    # Spot checks, by hand from the data: prices such as 2.55, 12.75, 40 and 2.1.
    assert found["85123A"] == ("WHITE HANGING HEART T-LIGHT HOLDER", "Home/Candles", 255)
    assert found["85123a"][2] == 677  # another product: SKUs differ by case
    assert found["22423"] == ("REGENCY CAKESTAND 3 TIER", "Home/Kitchen/Baking", 1275)
    assert found["POST"] == ("POSTAGE", "Services", 4000)
    assert found["85099B"] == ("JUMBO BAG RED RETROSPOT", "Bags", 208)
    assert found["BANK CHARGES"] == ("Bank Charges", "Services", 1500)
    assert found["gift_0001_40"] == ("Dotcomgiftshop Gift Voucher £40.00", "Services", 3404)


def test_every_messy_row_is_reported_with_its_line(imported):
    _shop, _path, expected, report = imported
    rejected = {r.line: r for r in report.outcome.rejected}
    assert set(rejected) == set(expected["messy"])
    for line, (code, problems) in expected["messy"].items():
        assert rejected[line].sku == code
        for problem in problems:
            assert problem in rejected[line].reason, (line, rejected[line])
    assert rejected[min(l for l, (c, _) in expected["messy"].items() if c == "PADS")].reason == (
        'Price "0.001" has more than two decimals.'
    )


def test_no_row_is_dropped_silently(imported):
    shop, _path, expected, report = imported
    outcome = report.outcome
    assert outcome.created + outcome.updated + outcome.unchanged + len(outcome.rejected) == expected["rows"]
    assert report.rows == expected["rows"]
    assert not report.cancelled and report.batches_applied == 4
    assert len(shop.ask(GetProducts())) == outcome.created


def test_importing_the_file_again_changes_nothing(imported):
    shop, path, expected, first = imported
    again = import_catalog(shop, path)
    assert (again.outcome.created, again.outcome.updated, again.outcome.unchanged) == (0, 0, len(expected["good"]))
    assert again.outcome.rejected == first.outcome.rejected
