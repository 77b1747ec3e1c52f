"""PlaceOrder on a PostgreSQL server: through the dispatcher, beside raw
psycopg running the same statements, in the same run (issue 16).

    .venv/bin/python bench/postgres_orders.py [--orders 300] [--lines 3] [--url URL]

Starts a throwaway server (tests/postgres_server.py: initdb + pg_ctl on a
Unix socket, fsync on as a real server would have it) unless ``--url`` names
one (a database it may fill). Prints, for 1 process and for 4 processes at
once: the median and p90 time of a sale (one PlaceOrder of ``--lines``
lines, committed), orders per second, the dispatcher's median over raw's
(the target: within 2×), and statements and round trips per sale (see
``Counted``). Skips with a message when PostgreSQL is not installed.
Nothing is asserted. ``make bench`` runs it (bench/run_bench.py).
"""

import argparse
import contextlib
import multiprocessing
import queue
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import psycopg  # noqa: E402

from core import open_shop  # noqa: E402
from core.commands import AddCategory, AddProduct, AddProducts, OrderLine, PlaceOrder  # noqa: E402
from tests import postgres_server  # noqa: E402

PRODUCTS = 200


class Counted:
    """Counts, in this process, the statements psycopg sends (each
    ``execute``, each row of an ``executemany``... counted once per call, and
    the COMMIT) and the round trips: waits for the server's answer. Outside
    a pipeline each call is one (``executemany`` runs in a pipeline of its
    own), and so is the BEGIN psycopg sends before the first statement of a
    transaction; a pipeline block is one, however many statements it holds,
    and a ``commit()`` that finds the COMMIT already sent is none."""

    def __init__(self):
        self.count = 0  # statements
        self.trips = 0
        cursor, connection = psycopg.Cursor, psycopg.Connection
        originals = (cursor.execute, cursor.executemany, connection.commit, connection.pipeline)
        counter = self

        def begins(conn) -> int:
            idle = conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
            return 1 if idle and not conn.autocommit else 0

        def execute(self, *a, **k):
            counter.count += 1
            if self.connection._pipeline is None:
                counter.trips += 1 + begins(self.connection)
            return originals[0](self, *a, **k)

        def executemany(self, *a, **k):
            counter.count += 1
            if self.connection._pipeline is None:
                counter.trips += 1 + begins(self.connection)
            return originals[1](self, *a, **k)

        def commit(self):
            if self.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
                counter.count += 1
                counter.trips += 1
            return originals[2](self)

        @contextlib.contextmanager
        def pipeline(self):
            outermost = self._pipeline is None
            with originals[3](self) as p:
                yield p
            if outermost:
                counter.trips += 1

        cursor.execute, cursor.executemany, connection.commit = execute, executemany, commit
        connection.pipeline = pipeline

    def reset(self) -> None:
        self.count = self.trips = 0


def _lines(rng_seed: int, n: int, lines: int) -> list[list[int]]:
    import random

    rng = random.Random(rng_seed)
    return [rng.sample(range(1, PRODUCTS + 1), lines) for _ in range(n)]


def _dispatcher_worker(url: str, folder: str, seed: int, n: int, lines: int, out) -> None:
    counted = Counted()
    shop = open_shop(folder, database_url=url, till=f"bench-{seed}")
    orders = _lines(seed, n, lines)
    times = []
    shop.dispatch(PlaceOrder((OrderLine(orders[0][0], 1),)))  # the till's session opens: not a sale's work
    counted.reset()
    for ids in orders:
        start = time.perf_counter()
        shop.dispatch(PlaceOrder(tuple(OrderLine(p, 1) for p in ids)))
        times.append(time.perf_counter() - start)
    out.put((times, counted.count / n, counted.trips / n))
    shop.close()


# A sale by hand: the statements the dispatcher sends for one (the stock
# taken with its rows locked in id order, the order numbered under a lock,
# its lines and stock movements, the outbox row under the outbox lock), one
# execute each, no pipeline. Locks' keys as core/write_model/locks.py.
ORDERS_LOCK, OUTBOX_LOCK = 0x53484F50_00000006, 0x53484F50_00000001
RAW_SELL = (
    "WITH locked AS MATERIALIZED (SELECT id FROM product WHERE id = ANY(%(ids)s) ORDER BY id FOR UPDATE) "
    "UPDATE product SET stock = product.stock - 1 FROM locked WHERE product.id = locked.id AND product.active "
    "AND product.stock >= 1 RETURNING product.id, sku, name, price_cents, tax_rate_bp, category_id, "
    "cost_price_cents, stock"
)
RAW_ORDER = (
    "INSERT INTO shop_order (id, placed_at, status, total_cents, subtotal_cents, discount_cents, tax_cents, "
    "prices_include_tax, till) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM shop_order), now()::text, "
    "'placed', %s, %s, 0, 0, true, 'raw') RETURNING id"
)


def _raw_worker(url: str, seed: int, n: int, lines: int, out) -> None:
    """The same statements as a sale through the dispatcher, written by hand."""
    conn = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"))
    counted = Counted()
    orders = _lines(seed, n, lines)
    times = []
    counted.reset()
    for ids in orders:
        start = time.perf_counter()
        cur = conn.cursor()
        rows = cur.execute(RAW_SELL, {"ids": sorted(ids)}).fetchall()
        total = sum(r[3] for r in rows)
        cur.execute("SELECT pg_advisory_xact_lock(%s)", (ORDERS_LOCK,))
        order_id = cur.execute(RAW_ORDER, (total, total)).fetchone()[0]
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
        cur.execute("SELECT pg_advisory_xact_lock(%s)", (OUTBOX_LOCK,))
        cur.execute(
            "INSERT INTO outbox (event_type, payload, recorded_at, till) VALUES ('OrderPlaced', '{}', now()::text, "
            "'raw') RETURNING position"
        ).fetchone()
        conn.commit()
        times.append(time.perf_counter() - start)
    out.put((times, counted.count / n, counted.trips / n))
    conn.close()


def _run(target, args_for, processes: int):
    out = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=target, args=(*args_for(i), out)) for i in range(processes)]
    start = time.perf_counter()
    for p in procs:
        p.start()
    results = []
    while len(results) < len(procs):
        try:
            results.append(out.get(timeout=5))
        except queue.Empty:
            if any(p.exitcode not in (None, 0) for p in procs):  # a worker failed (its traceback is above)
                for p in procs:
                    p.kill()
                raise RuntimeError("a benchmark process failed") from None
    for p in procs:
        p.join()
    wall = time.perf_counter() - start
    times = sorted(t for r in results for t in r[0])
    return Figures(times, wall, statistics.mean(r[1] for r in results), statistics.mean(r[2] for r in results))


class Figures(NamedTuple):
    times: list[float]  # seconds a sale, sorted
    wall: float
    statements: float  # a sale
    trips: float  # round trips a sale

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times) * 1000

    @property
    def p90_ms(self) -> float:
        return self.times[int(len(self.times) * 0.9)] * 1000

    @property
    def per_second(self) -> float:
        return len(self.times) / self.wall


def _row(name: str, f: Figures, raw: Figures | None = None) -> str:
    ratio = f"{f.median_ms / raw.median_ms:.2f}×" if raw is not None else "1×"
    return (
        f"| {name} | {f.median_ms:.2f} | {f.p90_ms:.2f} | {f.per_second:.0f} | {ratio} | "
        f"{f.statements:.1f} | {f.trips:.1f} |"
    )


TARGET = 2.0  # the dispatcher within this many times raw psycopg's median (issue 16)
SKIPPED = (
    "PostgreSQL figures skipped: PostgreSQL is not installed (initdb, pg_ctl; Debian: apt-get install postgresql)."
)


def fill(url: str, folder: Path) -> None:
    """The shop the sales take from: PRODUCTS products with plenty of stock."""
    setup = open_shop(folder / "setup", database_url=url)
    shelf = setup.dispatch(AddCategory("Shelf"))
    setup.dispatch(
        AddProducts(tuple(AddProduct(f"B-{i}", f"Bench {i}", shelf, 100 + i, stock=1_000_000) for i in range(PRODUCTS)))
    )
    setup.close()


def pairs(url: str, folder: Path, orders: int, lines: int) -> dict[int, tuple[Figures, Figures]]:
    """Processes (1, 4) -> (the dispatcher's figures, raw psycopg's), on the
    database ``url`` filled by ``fill``."""
    found = {}
    for processes in (1, 4):
        raw = _run(_raw_worker, lambda i: (url, 100 + i, orders, lines), processes)
        ours = _run(
            _dispatcher_worker,
            lambda i, n=processes: (url, str(folder / f"till-{n}-{i}"), i, orders, lines),
            processes,
        )
        found[processes] = (ours, raw)
    return found


def measure(url: str, folder: Path, orders: int, lines: int) -> list[str]:
    """The table's lines: the dispatcher beside raw psycopg, at 1 and 4 processes."""
    fill(url, folder)
    out = [
        f"| PlaceOrder on PostgreSQL ({lines} lines) | median ms | p90 ms | orders/s | median vs raw "
        f"(target ≤ {TARGET:g}×) | statements a sale | round trips a sale |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for processes, (ours, raw) in pairs(url, folder, orders, lines).items():
        out.append(_row(f"dispatcher, {processes} process(es)", ours, raw))
        out.append(_row(f"raw psycopg, {processes} process(es)", raw))
    return out


def import_lock_holds(url: str, folder: Path, size: int = 10_000) -> list[float]:
    """Milliseconds each transaction of a ``size``-product catalog import
    (import_catalog: a batch of 1,000 per command) held the outbox lock:
    from the lock granted to the COMMIT answered. Other tills' commands wait
    that long at most for it (issue 16: ~100 ms)."""
    from bench.import_timing import write_catalog_file
    from core.catalog_csv import import_catalog
    from core.write_model import locks, unit_of_work

    holds: list[float] = []
    granted: list[float] = []
    real_take, real_pipelined = locks.take, unit_of_work.pipelined

    def take(conn, key):
        real_take(conn, key)
        if key == locks.OUTBOX:
            granted.append(time.perf_counter())

    def pipelined(conn, steps, commit=None):
        found = real_pipelined(conn, steps, commit)
        if commit is not None and granted:
            holds.append((time.perf_counter() - granted.pop()) * 1000)
        return found

    csv = folder / "catalog.csv"
    write_catalog_file(csv, size)
    shop = open_shop(folder / "importer", database_url=url)
    unit_of_work.locks.take, unit_of_work.pipelined = take, pipelined
    try:
        import_catalog(shop, csv)
    finally:
        unit_of_work.locks.take, unit_of_work.pipelined = real_take, real_pipelined
        shop.close()
    return holds


@contextlib.contextmanager
def throwaway_database():
    """The URL of an empty database on a throwaway server (fsync on), None
    if PostgreSQL is not installed; the server is stopped afterwards."""
    if not postgres_server.available():
        yield None
        return
    server = postgres_server.ThrowawayServer(durable=True).start()
    try:
        yield postgres_server.new_database(server.url())
    finally:
        server.stop()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--orders", type=int, default=300, help="orders per process (default: %(default)s)")
    ap.add_argument("--lines", type=int, default=3, help="lines per order (default: %(default)s)")
    ap.add_argument("--url", help="a PostgreSQL database to fill (default: a throwaway server)")
    args = ap.parse_args(argv)

    with contextlib.ExitStack() as stack:
        url = args.url or stack.enter_context(throwaway_database())
        if url is None:
            print(SKIPPED)
            return 0
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        for line in measure(url, folder, args.orders, args.lines):
            print(line, flush=True)
        holds = import_lock_holds(url, folder)
        print(
            f"\nA 10,000-product catalog import: {len(holds)} transactions held the outbox lock, "
            f"the longest {max(holds):.0f} ms (median {statistics.median(holds):.0f} ms)."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
