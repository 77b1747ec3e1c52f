"""How soon a sale at one till shows at another on a PostgreSQL server
(issue 16's wake-ups: LISTEN/NOTIFY, core/write_model/listener.py).

    .venv/bin/python bench/server_wake_ups.py [--sales 30] [--gap-ms 100] [--url URL]

Starts a throwaway server (tests/postgres_server.py, fsync on as a real
server would have it) unless ``--url`` names a database it may fill. Two
tills, each its own process: the office listens (Shop.watch_server, which
catches its read model up in the listener's thread); the counter sells one
unit ``--sales`` times, ``--gap-ms`` apart. For each sale: the time from
just before the counter's dispatch to the office's read model holding the
order (the office's listener notices it: Shop.add_listener), and the
counter's dispatch alone. Prints median and p90 (nearest rank); nothing is
asserted. The clocks compared are both CLOCK_MONOTONIC (one machine).
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

from core import open_shop  # noqa: E402
from core.commands import AddCategory, AddProduct, OrderLine, PlaceOrder  # noqa: E402


def _office(url: str, folder: str, ready, seen, done) -> None:
    """The listening till: puts (order id, monotonic time) on ``seen`` for each order it catches up with."""
    shop = open_shop(folder, till="office", database_url=url)
    shop.add_listener(lambda changes: [seen.put((order, time.monotonic())) for order in changes.orders])
    shop.watch_server()
    while shop.server_link is None or not shop.server_link.listening:
        time.sleep(0.01)
    ready.set()
    done.wait()
    shop.close()


def _p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, -(-len(ordered) * 9 // 10) - 1)]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sales", type=int, default=30, help="sales at the counter (default: %(default)s)")
    ap.add_argument("--gap-ms", type=float, default=100, help="pause between sales (default: %(default)s)")
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
            counter = open_shop(Path(tmp) / "counter", till="counter", database_url=url)
            shelf = counter.dispatch(AddCategory("Shelf"))
            widget = counter.dispatch(AddProduct("W-1", "Widget", shelf, 250, stock=1_000_000))
            counter.dispatch(PlaceOrder((OrderLine(widget, 1),)))  # the counter's till session opened
            context = multiprocessing.get_context("spawn")
            ready, done, seen = context.Event(), context.Event(), context.Queue()
            office = context.Process(target=_office, args=(url, str(Path(tmp) / "office"), ready, seen, done))
            office.start()
            assert ready.wait(60), "the office never listened"
            while not seen.empty():
                seen.get()
            shown, dispatched = [], []
            for _ in range(args.sales):
                time.sleep(args.gap_ms / 1000)
                started = time.monotonic()
                order = counter.dispatch(PlaceOrder((OrderLine(widget, 1),)))
                dispatched.append(time.monotonic() - started)
                while True:
                    got, at = seen.get(timeout=30)
                    if got == order:
                        shown.append(at - started)
                        break
            done.set()
            office.join(30)
            counter.close()
    finally:
        if server is not None:
            server.stop()
    print(f"| {args.sales} sales, {args.gap_ms:.0f} ms apart | median ms | p90 ms | max ms |")
    print("| --- | --- | --- | --- |")
    rows = (("sale at the counter -> in the office's read model", shown), ("the counter's dispatch alone", dispatched))
    for name, times in rows:
        ms = [t * 1000 for t in times]
        print(f"| {name} | {statistics.median(ms):.1f} | {_p90(ms):.1f} | {max(ms):.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
