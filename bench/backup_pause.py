"""Issue 18: the pause a sale sees while a backup is made.

A fresh temp copy of a cached shop (``--shop``: a shop folder, for example
bench/results/cache/100000/shop) is opened; then, taking turns, a run of
PlaceOrder commands (one line, through ``Shop.dispatch``, as the window
sends them) with no backup running, and a run while backups are made one
after another in a thread of their own (core.backups.make_backup into a temp
folder: the online backup API, then the zip). Each sale's time is measured
from the dispatch to its return (commit and projection included).

    .venv/bin/python bench/backup_pause.py --shop bench/results/cache/100000/shop --sales 300

Prints median, p90, p99 and the longest sale in each run, and the backups'
time and size. Nothing is asserted: the figures go in BENCHMARKS.md.
"""

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core import open_shop
from core.backups import make_backup
from core.commands import OrderLine, PlaceOrder, ReceiveStock
from core.queries import GetProducts


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def restamp_if_stale(db_file: Path) -> None:
    """A cache built while schema 5 was being made is stamped 5 without its
    columns: stamp the copy 4, so open_shop migrates it as it would any v4 shop."""
    conn = sqlite3.connect(db_file)
    try:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(shop_order)")}
        if "staff_name" not in columns:
            print("The cached shop is stamped 5 without schema 5's columns: migrating the copy from 4.")
            with conn:
                conn.execute("UPDATE schema_info SET version = 4")
    finally:
        conn.close()


def sales(shop, product_ids: list[int], count: int, start: int) -> list[float]:
    times = []
    for n in range(count):
        product = product_ids[(start + n) % len(product_ids)]
        began = time.perf_counter()
        shop.dispatch(PlaceOrder((OrderLine(product, 1),)))
        times.append((time.perf_counter() - began) * 1000)
    return times


def describe(name: str, times: list[float]) -> str:
    return (
        f"{name:<28} n={len(times):>4}  median {statistics.median(times):6.2f} ms  "
        f"p90 {percentile(times, 90):6.2f} ms  p99 {percentile(times, 99):6.2f} ms  max {max(times):7.2f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shop", type=Path, required=True, help="a shop folder to copy (never changed)")
    parser.add_argument("--sales", type=int, default=300, help="sales per run")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each kind, taking turns")
    parser.add_argument("--work-dir", type=Path, help="where the backup's copy is made (default: the shop's folder)")
    parser.add_argument("--backup-dir", type=Path, help="where backups go (default: a temp folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="backup-pause-") as tmp:
        data_dir = Path(tmp) / "shop"
        shutil.copytree(args.shop, data_dir)
        restamp_if_stale(data_dir / "shop.sqlite3")
        os.sync()
        print(f"Opening a copy of {args.shop} ({(data_dir / 'shop.sqlite3').stat().st_size / 1e6:.0f} MB)...")
        shop = open_shop(data_dir)
        try:
            products = [p.id for p in shop.ask(GetProducts())[:200]]
            for product in products:
                shop.dispatch(ReceiveStock(product, 10_000))
            sales(shop, products, 20, 0)  # warm-up
            quiet: list[float] = []
            during: list[float] = []
            backups: list[tuple[float, int]] = []
            folder = Path(tempfile.mkdtemp(prefix="backups-", dir=args.backup_dir or tmp))
            for round_ in range(args.rounds):
                quiet += sales(shop, products, args.sales, round_ * args.sales)
                stop = threading.Event()

                def back_up_until_stopped(stop=stop):
                    while not stop.is_set():
                        began = time.perf_counter()
                        made = make_backup(shop.database_file, folder, work_dir=args.work_dir)
                        backups.append((time.perf_counter() - began, made.compressed_bytes))

                worker = threading.Thread(target=back_up_until_stopped)
                worker.start()
                time.sleep(0.05)  # the first backup under way
                during += sales(shop, products, args.sales, round_ * args.sales)
                stop.set()
                worker.join()
            print(describe("sale, no backup running", quiet))
            print(describe("sale, during a backup", during))
            seconds = [s for s, _ in backups]
            print(
                f"backups made: {len(backups)}, median {statistics.median(seconds):.2f} s, "
                f"zip {backups[-1][1] / 1e6:.1f} MB of a {shop.database_file.stat().st_size / 1e6:.0f} MB database"
            )
            print(f"load average: {os.getloadavg()}")
        finally:
            shop.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
