"""PlaceOrder on a PostgreSQL server: through the dispatcher, beside raw
psycopg running the same statements, in the same run (issue 16).

    .venv/bin/python bench/postgres_orders.py [--orders 300] [--lines 3] [--url URL]

Starts a throwaway server (tests/postgres_server.py: initdb + pg_ctl on a
Unix socket, fsync on as a real server would have it) unless ``--url`` names
one (a database it may fill). Prints, for 1 process and for 4 processes at
once: the median and p90 time of a sale (one PlaceOrder of ``--lines``
lines, committed), orders per second, and statements sent per sale (round
trips: each ``execute``/``executemany`` and the COMMIT). Nothing is asserted.
"""

import argparse
import multiprocessing
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import psycopg  # noqa: E402

from core import open_shop  # noqa: E402
from core.commands import AddCategory, AddProduct, AddProducts, OrderLine, PlaceOrder  # noqa: E402

PRODUCTS = 200


class Counted:
    """Counts the statements psycopg sends (execute, executemany, commit) in this process."""

    def __init__(self):
        self.count = 0
        cursor, connection = psycopg.Cursor, psycopg.Connection
        self._originals = (cursor.execute, cursor.executemany, connection.commit)
        counter = self

        def execute(self, *a, **k):
            counter.count += 1
            return counter._originals[0](self, *a, **k)

        def executemany(self, *a, **k):
            counter.count += 1
            return counter._originals[1](self, *a, **k)

        def commit(self):
            counter.count += 1
            return counter._originals[2](self)

        cursor.execute, cursor.executemany, connection.commit = execute, executemany, commit


def _lines(rng_seed: int, n: int, lines: int) -> list[list[int]]:
    import random

    rng = random.Random(rng_seed)
    return [rng.sample(range(1, PRODUCTS + 1), lines) for _ in range(n)]


def _dispatcher_worker(url: str, folder: str, seed: int, n: int, lines: int, out) -> None:
    counted = Counted()
    shop = open_shop(folder, database_url=url, till=f"bench-{seed}")
    orders = _lines(seed, n, lines)
    times = []
    counted.count = 0
    for ids in orders:
        start = time.perf_counter()
        shop.dispatch(PlaceOrder(tuple(OrderLine(p, 1) for p in ids)))
        times.append(time.perf_counter() - start)
    out.put((times, counted.count / n))
    shop.close()


RAW_SALE = [
    "SELECT id FROM product WHERE id = ANY(%(ids)s) ORDER BY id FOR UPDATE",
    "UPDATE product SET stock = stock - 1 WHERE id = ANY(%(ids)s) AND active AND stock >= 1 "
    "RETURNING id, sku, name, price_cents, tax_rate_bp, category_id, cost_price_cents, stock",
]


def _raw_worker(url: str, seed: int, n: int, lines: int, out) -> None:
    """The same statements as a sale through the dispatcher, written by hand."""
    conn = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"))
    counted = Counted()
    orders = _lines(seed, n, lines)
    times = []
    counted.count = 0
    for ids in orders:
        start = time.perf_counter()
        cur = conn.cursor()
        cur.execute(RAW_SALE[0], {"ids": sorted(ids)})
        rows = cur.execute(RAW_SALE[1], {"ids": sorted(ids)}).fetchall()
        total = sum(r[3] for r in rows)
        order_id = cur.execute(
            "INSERT INTO shop_order (placed_at, status, total_cents, subtotal_cents, discount_cents, tax_cents, "
            "prices_include_tax, till) VALUES (now()::text, 'placed', %s, %s, 0, 0, true, 'raw') RETURNING id",
            (total, total),
        ).fetchone()[0]
        cur.executemany(
            "INSERT INTO order_line (order_id, product_id, sku, name, quantity, unit_price_cents, "
            "line_discount_cents, order_discount_cents, tax_cents) VALUES (%s, %s, %s, %s, 1, %s, 0, 0, 0)",
            [(order_id, r[0], r[1], r[2], r[3]) for r in rows],
        )
        cur.executemany(
            "INSERT INTO stock_movement (product_id, at, kind, quantity, stock_after, order_id) "
            "VALUES (%s, now()::text, 'sale', -1, %s, %s)",
            [(r[0], r[7], order_id) for r in rows],
        )
        cur.execute("SELECT pg_advisory_xact_lock(6000000000000000001)")
        cur.execute(
            "INSERT INTO outbox (event_type, payload, recorded_at, till) VALUES ('OrderPlaced', '{}', now()::text, "
            "'raw') RETURNING position"
        ).fetchone()
        conn.commit()
        times.append(time.perf_counter() - start)
    out.put((times, counted.count / n))
    conn.close()


def _run(target, args_for, processes: int):
    out = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=target, args=(*args_for(i), out)) for i in range(processes)]
    start = time.perf_counter()
    for p in procs:
        p.start()
    results = [out.get() for _ in procs]
    for p in procs:
        p.join()
    wall = time.perf_counter() - start
    times = sorted(t for r in results for t in r[0])
    return times, wall, statistics.mean(r[1] for r in results)


def _row(name: str, times: list[float], wall: float, trips: float) -> str:
    median = statistics.median(times) * 1000
    p90 = times[int(len(times) * 0.9)] * 1000
    return f"| {name} | {median:.2f} | {p90:.2f} | {len(times) / wall:.0f} | {trips:.1f} |"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--orders", type=int, default=300, help="orders per process (default: %(default)s)")
    ap.add_argument("--lines", type=int, default=3, help="lines per order (default: %(default)s)")
    ap.add_argument("--url", help="a PostgreSQL database to fill (default: a throwaway server)")
    args = ap.parse_args(argv)

    server = None
    url = args.url
    if url is None:
        from tests.postgres_server import ThrowawayServer, new_database

        server = ThrowawayServer(durable=True).start()
        url = new_database(server.url())
    try:
        with tempfile.TemporaryDirectory() as tmp:
            setup = open_shop(Path(tmp) / "setup", database_url=url)
            shelf = setup.dispatch(AddCategory("Shelf"))
            setup.dispatch(
                AddProducts(
                    tuple(AddProduct(f"B-{i}", f"Bench {i}", shelf, 100 + i, stock=1_000_000) for i in range(PRODUCTS))
                )
            )
            setup.close()
            print("| PlaceOrder on PostgreSQL | median ms | p90 ms | orders/s | statements a sale |")
            print("| --- | --- | --- | --- | --- |")
            for processes in (1, 4):
                times, wall, trips = _run(
                    _dispatcher_worker,
                    lambda i, n=processes: (url, str(Path(tmp) / f"till-{n}-{i}"), i, args.orders, args.lines),
                    processes,
                )
                print(_row(f"dispatcher, {processes} process(es)", times, wall, trips), flush=True)
                times, wall, trips = _run(_raw_worker, lambda i: (url, 100 + i, args.orders, args.lines), processes)
                print(_row(f"raw psycopg, {processes} process(es)", times, wall, trips), flush=True)
    finally:
        if server is not None:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
