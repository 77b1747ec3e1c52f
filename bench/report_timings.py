"""Sales reports over a year of orders (issue 13): GetSalesReport, answered
from the aggregates the projector keeps, beside a named baseline measured in
the same run: SQL GROUP BY over the write model (SQLite, the indexes the
schema has), which is what a report without aggregates has to run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/report_timings.py --orders 300000 [--repeats 15]

Works on a temp copy of the cached shop (bench/order_history.py), its read
model rebuilt by this code. Each figure: a fresh ``open_shop``, then
``repeats`` timed asks (the first ask, which parses the months' tables from
disk, is timed on its own as "first ask"). The OS file cache is warm. Also
timed: building every aggregate table from the write model's snapshot (the
reports' share of a rebuild).
"""

import argparse
import gc
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

BASELINE = "SQL GROUP BY over the write model"

# The baseline's SQL: the same figures, summed from the order lines (cancelled orders left out).
_LINES = (
    " FROM shop_order o JOIN order_line l ON l.order_id = o.id"
    " WHERE o.status != 'cancelled' AND o.placed_at >= :start AND o.placed_at < :end"
)
_SUMS = (
    "count(DISTINCT o.id), sum(l.quantity), sum(l.unit_price_cents * l.quantity),"
    " sum(l.line_discount_cents + l.order_discount_cents), sum(l.tax_cents),"
    " sum(coalesce(l.cost_price_cents, 0) * l.quantity)"
)
SQL = {
    "day": f"SELECT substr(o.placed_at, 1, 10) AS k, {_SUMS}{_LINES} GROUP BY k ORDER BY k",
    "month": f"SELECT substr(o.placed_at, 1, 7) AS k, {_SUMS}{_LINES} GROUP BY k ORDER BY k",
    "hour": f"SELECT substr(o.placed_at, 12, 2) AS k, {_SUMS}{_LINES} GROUP BY k ORDER BY k",
    "staff": f"SELECT o.staff_name AS k, {_SUMS}{_LINES} GROUP BY k ORDER BY k",
    "till": f"SELECT o.till AS k, {_SUMS}{_LINES} GROUP BY k ORDER BY k",
    "product_top": f"SELECT l.sku AS k, {_SUMS}{_LINES} GROUP BY k ORDER BY 3 DESC, k LIMIT 20",
    "product": f"SELECT l.sku AS k, {_SUMS}{_LINES} GROUP BY k ORDER BY 3 DESC, k",
    "category": f"SELECT l.category_path AS k, {_SUMS}{_LINES} GROUP BY k ORDER BY k",
}
CASES = (  # (key, label, group_by, limit)
    ("day", "a year by day", "day", None),
    ("month", "a year by month", "month", None),
    ("hour", "a year by hour", "hour", None),
    ("staff", "a year by staff", "staff", None),
    ("till", "a year by till", "till", None),
    ("product_top", "a year's top 20 products", "product", 20),
    ("product", "a year by product (all rows)", "product", None),
    ("category", "a year by category", "category", None),
)


def _ms(since: float) -> float:
    return (time.perf_counter() - since) * 1000


def measure(shop_folder: Path, repeats: int, log=print) -> dict[str, dict[str, list[float]]]:
    """{case: {"ours": [...], "first": [one], "baseline": [...]}} in ms."""
    from core import open_shop
    from core.queries import GetSalesReport

    db = sqlite3.connect(shop_folder / "shop.sqlite3")
    last_day = date.fromisoformat(db.execute("SELECT max(substr(placed_at, 1, 10)) FROM shop_order").fetchone()[0])
    first_day = last_day - timedelta(days=364)
    bounds = {"start": first_day.isoformat(), "end": (last_day + timedelta(days=1)).isoformat()}
    found: dict[str, dict[str, list[float]]] = {}
    for key, label, group, limit in CASES:
        shop = open_shop(shop_folder)  # fresh: the months' tables are not parsed yet
        # As the program does after opening (shop_gui/start.py): what lives on is
        # frozen, so no collection walks the year of orders in the middle of a sample.
        gc.collect()
        gc.freeze()
        try:
            query = GetSalesReport(first_day, last_day, group, limit)
            t = time.perf_counter()
            answer = shop.ask(query)
            first = [_ms(t)]
            ours = []
            for _ in range(repeats):
                t = time.perf_counter()
                shop.ask(query)
                ours.append(_ms(t))
        finally:
            shop.close()
            gc.unfreeze()
        baseline = []
        for _ in range(max(3, repeats // 3)):
            t = time.perf_counter()
            rows = db.execute(SQL[key], bounds).fetchall()
            baseline.append(_ms(t))
        found[key] = {"ours": ours, "first": first, "baseline": baseline}
        log(
            f"  {label}: {len(answer.rows)} rows (SQL: {len(rows)}), ours {statistics.median(ours):.2f} ms"
            f" (first ask {first[0]:.1f} ms), baseline {statistics.median(baseline):.1f} ms"
        )
    db.close()
    return found


def aggregates_ms(shop_folder: Path) -> float:
    """Building every report table from the write model's snapshot (what a rebuild adds for reports)."""
    from core.read_model.report_aggregates import tables_from_snapshot
    from core.write_model.engine import sqlite_engine
    from core.write_model.reading import read_snapshot

    engine = sqlite_engine(shop_folder / "shop.sqlite3")
    try:
        snap = read_snapshot(engine)
    finally:
        engine.dispose()
    t = time.perf_counter()
    tables_from_snapshot(snap)
    return _ms(t)


def figures(cached: Path, n_orders: int, repeats: int, log=print) -> list:
    from bench.report import Figure

    with tempfile.TemporaryDirectory(prefix="reports-", dir=cached.parent) as tmp:
        shop_folder = Path(tmp) / "shop"
        shutil.copytree(cached / "shop", shop_folder, ignore=shutil.ignore_patterns("read_model"))
        from core import open_shop

        t = time.perf_counter()
        open_shop(shop_folder).close()  # no read model: rebuilt by this code
        log(f"  read model rebuilt in {_ms(t) / 1000:.1f} s")
        r = measure(shop_folder, repeats, log)
        built = aggregates_ms(shop_folder)
        log(f"  report aggregates from the snapshot: {built / 1000:.1f} s")
    out = [Figure("Report aggregates built from the write model (part of a rebuild)", n_orders, [built])]
    for key, label, group, _limit in CASES:
        time_group = group in ("day", "month", "hour", "staff", "till")
        targets = (
            {"target_median": 50, "target_ratio": 1 / 20}
            if time_group
            else {"target_median": 50 if key == "product_top" else 1000}
        )
        out.append(Figure(f"Report: {label}", n_orders, r[key]["ours"], r[key]["baseline"], BASELINE, **targets))
        out.append(Figure(f"Report: {label}, first ask (parses its months)", n_orders, r[key]["first"]))
    return out


def main(argv=None) -> int:
    from bench import order_history, report

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--orders", type=int, default=300_000)
    ap.add_argument("--products", type=int, default=100_000)
    ap.add_argument("--repeats", type=int, default=15)
    args = ap.parse_args(argv)
    folder = order_history.cached_shop(args.orders, args.products)
    found = figures(folder, args.orders, args.repeats)
    print()
    print(report.text_table(found, "Orders"))
    print()
    print(report.markdown_table(found, "Orders"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
