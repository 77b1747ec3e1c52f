"""How long a big catalog file takes to import, and whether the catalog is as
fast afterwards. A standalone script, never part of ``make test``:

    .venv/bin/python bench/import_timing.py [--size 100000] [--batch-size 1000]
        [--repeats 20] [--skip-baseline] [--profile FILE]

1. Writes a CSV of ``--size`` products in 50 nested categories ("Kitchen/
   Cookware"), the catalog ``bench/shop_builder.py`` generates (same names,
   prices, barcodes), in the export format.
2. Times ``import_catalog`` into a fresh shop (wall clock and this process's
   CPU time), split into reading the file, the ImportProducts handler (the
   transaction) and the read model catching up (projection + saving files).
3. Times queries on that shop (in the same process, as the window would see
   them right after an import, and after closing and reopening the folder)
   beside a shop of the same catalog built with AddProducts (the benchmark
   cache, ``bench/results/cache/<size>/``, built if missing): all products, a
   search, a category switch.

Prints the figures; asserts nothing (a 2-core box shared with other work is
noisy: the load average is printed at start and end).
"""

import argparse
import cProfile
import csv
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench import shop_builder  # noqa: E402
from bench.report import p90  # noqa: E402
from core import open_shop  # noqa: E402
from core.catalog_csv import COLUMNS, category_paths, format_price, import_catalog, read_catalog  # noqa: E402
from core.queries import GetProducts  # noqa: E402

IMPORT_TARGET_S = 10.0


def write_catalog_file(path: Path, size: int) -> int:
    catalog = shop_builder.generate(size)
    parent = dict(catalog.categories)

    def category_path(name: str) -> str:
        return f"{parent[name]}/{name}" if parent[name] else name

    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        for p in catalog.products:
            writer.writerow(
                (
                    p["sku"],
                    p["name"],
                    category_path(p["category"]),
                    format_price(p["price_cents"]),
                    p["stock"],
                    p["barcode"] or "",
                    p["reorder_level"],
                )
            )
    return len(catalog.categories)


class Stopwatch:
    """Wall and CPU seconds of a block."""

    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_):
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu


def timed_import(shop, path: Path, batch_size: int, profile: str | None, window: bool = False) -> dict:
    """import_catalog, with the time spent in the read model's catch-up
    (Shop.sync, called by every dispatch) measured on the side. ``window``:
    after each batch, ask for "All products" as an open window's list would
    when told of the new products, and measure that too."""
    spent = {"sync_wall": 0.0, "sync_cpu": 0.0, "window_wall": 0.0, "window_max": 0.0}

    def refresh_list(_done, _total):
        w = time.perf_counter()
        shop.ask(GetProducts())
        took = time.perf_counter() - w
        spent["window_wall"] += took
        spent["window_max"] = max(spent["window_max"], took)

    real_sync = shop.sync

    def sync():
        w, c = time.perf_counter(), time.process_time()
        try:
            return real_sync()
        finally:
            spent["sync_wall"] += time.perf_counter() - w
            spent["sync_cpu"] += time.process_time() - c

    shop.sync = sync  # Shop.dispatch calls self.sync() after every command
    profiler = cProfile.Profile() if profile else None
    try:
        with Stopwatch() as total:
            if profiler:
                profiler.enable()
            report = import_catalog(shop, path, batch_size=batch_size, progress=refresh_list if window else None)
            if profiler:
                profiler.disable()
    finally:
        del shop.sync
    if profiler:
        profiler.dump_stats(profile)
    return {"report": report, "wall": total.wall, "cpu": total.cpu, **spent}


def _ms(fn) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


def query_figures(shops: list, repeats: int, terms) -> list[dict[str, list[float]]]:
    """Milliseconds per query, for each shop, the shops' samples interleaved
    (A B B A ...) so that both see the same machine conditions. Categories
    are visited by path, the same ones in each shop; the first visit of a
    category computes its positions once, the second reuses them."""
    figures = [{} for _ in shops]
    paths = [{path: cid for cid, path in category_paths(shop).items()} for shop in shops]
    common = sorted(set.intersection(*(set(p) for p in paths)))
    terms = (list(terms) * (repeats // len(terms) + 1))[:repeats]
    plans = {
        "All products": [GetProducts()] * repeats,
        "search (All products)": [GetProducts(search=t) for t in terms],
        "category switch, first visit": [c for c in common],
        "category switch, again": [c for c in common],
    }
    for name, queries in plans.items():
        for f in figures:
            f[name] = []
        for i, query in enumerate(queries):
            order = list(enumerate(shops)) if i % 2 == 0 else list(reversed(list(enumerate(shops))))
            for k, shop in order:
                q = GetProducts(category_id=paths[k][query]) if isinstance(query, str) else query
                figures[k][name].append(_ms(lambda shop=shop, q=q: shop.ask(q)))
    return figures


def check_same_catalog(imported, built) -> str:
    """The two shops must hold the same catalog, or the comparison means nothing."""

    def catalog(shop):
        paths = category_paths(shop)
        return {(p.sku, p.name, paths[p.category_id], p.price_cents, p.barcode) for p in shop.ask(GetProducts())}

    return "same catalog" if catalog(imported) == catalog(built) else "DIFFERENT CATALOGS"


def fmt(samples: list[float]) -> str:
    return f"median {statistics.median(samples):8.2f} ms   p90 {p90(samples):8.2f} ms"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--skip-baseline", action="store_true", help="no AddProducts shop to compare the queries with")
    parser.add_argument("--profile", metavar="FILE", help="write a cProfile of the import to FILE")
    parser.add_argument(
        "--window", action="store_true", help='after each batch ask for "All products", as an open window would'
    )
    args = parser.parse_args(argv)

    print(f"Import timing: {args.size:,} products, batches of {args.batch_size:,}")
    print(f"  load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} CPUs)")
    work = Path(tempfile.mkdtemp(prefix="import-timing-"))
    try:
        path = work / "catalog.csv"
        with Stopwatch() as gen:
            categories = write_catalog_file(path, args.size)
        print(f"  wrote {path.name}: {path.stat().st_size / 1e6:.1f} MB, {categories} categories ({gen.wall:.1f} s)")

        with Stopwatch() as reading:
            parsed = read_catalog(path)
        assert not parsed.rejected, parsed.rejected[:3]

        shop = open_shop(work / "imported")
        shop_closed = False
        try:
            t = timed_import(shop, path, args.batch_size, args.profile, args.window)
            outcome = t["report"].outcome
            handler_wall = t["wall"] - t["sync_wall"] - reading.wall  # reading ~ the same once more
            print(
                f"\n  import_catalog: {t['wall']:.2f} s wall, {t['cpu']:.2f} s CPU "
                f"(target <= {IMPORT_TARGET_S:g} s: {'OK' if t['wall'] <= IMPORT_TARGET_S else 'MISS'})"
            )
            print(
                f"    created {outcome.created:,}, rejected {len(outcome.rejected):,}, "
                f"{t['report'].batches_applied} batches"
            )
            print(f"    reading the file (measured alone): {reading.wall:.2f} s wall, {reading.cpu:.2f} s CPU")
            print(f"    ImportProducts transactions (approx.: the rest): {handler_wall:.2f} s wall")
            print(
                f"    read model catching up after each batch: {t['sync_wall']:.2f} s wall, {t['sync_cpu']:.2f} s CPU"
            )
            if args.window:
                print(
                    f"    of which a window's list asking for All products after each batch: "
                    f"{t['window_wall']:.2f} s wall (the slowest ask {t['window_max'] * 1000:.0f} ms)"
                )
            if args.profile:
                print(f"    profile written to {args.profile}")

            with Stopwatch() as first:
                shop.ask(GetProducts())
            print(f"\n  first GetProducts() after the import (sorts the catalog once): {first.wall * 1000:.0f} ms")
            terms = list(shop_builder.SEARCH_TERMS)
            (after_import,) = query_figures([shop], args.repeats, terms)
            shop.close()
            shop_closed = True
            with Stopwatch() as reopen:
                shop = open_shop(work / "imported")
                shop_closed = False
            print(f"  reopening the imported shop: {reopen.wall:.2f} s")
            after_reopen, baseline = None, None

            if args.skip_baseline:
                (after_reopen,) = query_figures([shop], args.repeats, terms)
            else:
                cache = shop_builder.cached_shop(args.size, log=lambda m: print(m))
                built_dir = shop_builder.fresh_copy(cache, "shop", work)
                built = open_shop(built_dir)
                try:
                    print(f"  AddProducts shop: {check_same_catalog(shop, built)} as the imported one")
                    after_reopen, baseline = query_figures([shop, built], args.repeats, terms)
                finally:
                    built.close()
        finally:
            if not shop_closed:
                shop.close()

        print(
            f"\n  Queries ({args.repeats} samples; category switches: each of the 50 categories once;"
            " reopened and built interleaved)"
        )
        for name in after_import:
            print(f"    {name}")
            print(f"      imported, same process: {fmt(after_import[name])}")
            print(f"      imported, reopened:     {fmt(after_reopen[name])}")
            if baseline:
                ratio = statistics.median(after_reopen[name]) / statistics.median(baseline[name])
                print(f"      built by AddProducts:   {fmt(baseline[name])}   (reopened/built {ratio:.2f}x)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
        print(f"\n  load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
