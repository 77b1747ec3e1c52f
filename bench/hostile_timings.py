"""Issue 15's figures: what hostile sizes cost once limited. A standalone
script, never part of ``make test`` (the suite asserts the structure:
statements of bounded size, rows read before the first progress report,
memory per row):

    .venv/bin/python bench/hostile_timings.py [--rows 200000] [--repeats 3]

1. PlaceOrder of 125, 250, 500 and 1,000 lines (MAX_ORDER_LINES): ms in
   all and per line (the write lock is held that long); linear means the
   per-line figure stays flat.
2. Importing a catalog file of ``--rows`` rows (about 80 bytes each):
   seconds to the first progress report, and from Cancel (asked from another
   thread right after the first batch's progress) to import_catalog
   returning; peak RSS of the process afterwards.
"""

import argparse
import resource
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from core import open_shop  # noqa: E402
from core.catalog_csv import import_catalog  # noqa: E402
from core.commands import AddCategory, AddProduct, AddProducts, OrderLine, PlaceOrder  # noqa: E402
from core.domain.order_lines import MAX_ORDER_LINES  # noqa: E402


def order_lines(folder: Path, repeats: int) -> None:
    shop = open_shop(folder / "orders")
    try:
        category = shop.dispatch(AddCategory("Bulk"))
        ids = shop.dispatch(
            AddProducts(
                tuple(AddProduct(f"B-{i}", f"Bulk {i}", category, 100, stock=10**6) for i in range(MAX_ORDER_LINES))
            )
        )
        shop.dispatch(PlaceOrder((OrderLine(ids[0], 1),)))  # warm up
        for lines in (125, 250, 500, MAX_ORDER_LINES):
            samples = []
            for _ in range(repeats):
                order = PlaceOrder(tuple(OrderLine(i, 1) for i in ids[:lines]))
                t = time.perf_counter()
                shop.dispatch(order)
                samples.append((time.perf_counter() - t) * 1000)
            ms = statistics.median(samples)
            print(f"  PlaceOrder of {lines:>5,} lines: {ms:7.1f} ms  ({ms * 1000 / lines:.0f} µs a line)")
    finally:
        shop.close()


def big_import(folder: Path, rows: int) -> None:
    path = folder / "big.csv"
    with open(path, "w", encoding="utf-8") as f:
        f.write("sku,name,category,price,stock,barcode\n")
        for i in range(rows):
            f.write(f"SKU-{i:07},Product number {i} with a name,Home/Kitchen/Mugs,{i % 1000}.99,{i % 50},\n")
    shop = open_shop(folder / "import")
    cancel = threading.Event()
    marks = {}
    start = time.perf_counter()

    def progress(done, _total):
        if "first" not in marks:
            marks["first"] = time.perf_counter() - start
        elif done and not cancel.is_set():
            marks["cancel"] = time.perf_counter()
            cancel.set()

    try:
        report = import_catalog(shop, path, progress=progress, cancelled=cancel.is_set)
        stopped = time.perf_counter()
    finally:
        shop.close()
    size_mb = path.stat().st_size / 1e6
    print(f"  import of {rows:,} rows ({size_mb:.0f} MB): first progress after {marks['first']:.2f} s")
    print(
        f"  Cancel after the first batch: stopped {stopped - marks['cancel']:.2f} s later, "
        f"{report.batches_applied} batch(es) applied, ~{report.total_records:,} good rows estimated"
    )
    print(f"  peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        print("Orders (linear cost):")
        order_lines(Path(tmp), args.repeats)
        print("Catalog import (streamed):")
        big_import(Path(tmp), args.rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
