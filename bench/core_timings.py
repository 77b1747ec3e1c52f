"""Core figures: the write path, a read-model rebuild, a cold open (no Qt), and
the cold start of the window (a fresh process; Qt in that process only).

Baselines, measured in the same run on copies of the same cached shop:
- write path: raw ``sqlite3`` doing the same writes (read the product, the
  conditional UPDATE of stock, INSERT order, INSERT lines, INSERT the stock
  ledger's movements, INSERT the outbox row) with the same durability (WAL, synchronous=FULL, BEGIN IMMEDIATE). It
  is the floor: no SQLAlchemy, no validation, no read model.
- rebuild: the naive design's equivalent, reading every row with ``sqlite3``
  and writing them into TinyDB's JSONStorage with one ``insert_multiple``.
- cold open: the naive design opening its TinyDB file (in a fresh process).
"""

import json
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.shop_builder import REPO, fresh_copy

ORDER_LINES = 3


def _orders(product_count: int, n: int, seed: int = 7) -> list[dict[int, int]]:
    rng = random.Random(seed)
    return [{pid: 1 for pid in rng.sample(range(1, product_count + 1), ORDER_LINES)} for _ in range(n)]


class RawSqliteOrders:
    """PlaceOrder's writes, by hand, with the core's durability settings."""

    def __init__(self, path: Path):
        self.conn = sqlite3.connect(path, isolation_level=None)
        for pragma in ("journal_mode=WAL", "foreign_keys=ON", "busy_timeout=10000", "synchronous=FULL"):
            self.conn.execute(f"PRAGMA {pragma}")

    def place(self, lines: dict[int, int]) -> int:
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        try:
            sold = []
            for pid in sorted(lines):
                q = lines[pid]
                # The core's statement: the conditional UPDATE returns what the
                # line records (one round trip per line).
                row = c.execute(
                    "UPDATE product SET stock = stock - ? WHERE id = ? AND stock >= ? "
                    "RETURNING sku, name, price_cents, stock",
                    (q, pid, q),
                ).fetchone()
                if row is None:
                    raise RuntimeError(f"product {pid} out of stock")
                sku, name, price, stock_after = row
                sold.append(
                    {
                        "product_id": pid,
                        "sku": sku,
                        "name": name,
                        "quantity": q,
                        "unit_price_cents": price,
                        "stock_after": stock_after,
                    }
                )
            placed_at = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())
            total = sum(s["quantity"] * s["unit_price_cents"] for s in sold)
            order_id = c.execute(
                "INSERT INTO shop_order (placed_at, status, total_cents) VALUES (?, ?, ?)", (placed_at, "placed", total)
            ).lastrowid
            c.executemany(
                "INSERT INTO order_line (order_id, product_id, sku, name, quantity, unit_price_cents) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(order_id, s["product_id"], s["sku"], s["name"], s["quantity"], s["unit_price_cents"]) for s in sold],
            )
            # The stock ledger (one movement per line), as PlaceOrder writes it.
            c.executemany(
                "INSERT INTO stock_movement (product_id, at, kind, quantity, stock_after, order_id) "
                "VALUES (?, ?, 'sold', ?, ?, ?)",
                [(s["product_id"], placed_at, -s["quantity"], s["stock_after"], order_id) for s in sold],
            )
            payload = {"order_id": order_id, "placed_at": placed_at, "total_cents": total, "lines": sold}
            c.execute(
                "INSERT INTO outbox (event_type, payload, recorded_at) VALUES (?, ?, ?)",
                ("OrderPlaced", json.dumps(payload, ensure_ascii=False), placed_at),
            )
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise
        return order_id

    def close(self):
        self.conn.close()


def time_write_path(cache: Path, size: int, repeats: int, warmup: int, tmp: Path) -> dict[str, list[float]]:
    """PlaceOrder (3 lines), interleaved with raw sqlite3 doing the same writes:

    - dispatch: Shop.dispatch with the read-model save deferred, as the window
      runs it (commit, then the in-memory projection; the window saves the
      files after the repaint);
    - save: the Shop.save_read_model() that follows (changed table files and
      meta.json, each written to a temp file, fsynced and renamed);
    - durable = dispatch + save: as if every command also saved at once;
    - and a second order split in two: the Dispatcher's transaction (commit)
      and Shop.sync() applying it in memory (project)."""
    from core import open_shop
    from core.commands import OrderLine, PlaceOrder

    shop = open_shop(fresh_copy(cache, "shop", tmp / "ours"))
    shop.save_after_each_command = False  # as MainWindow's bridge does
    raw_dir = tmp / "raw"
    raw_dir.mkdir()
    raw = RawSqliteOrders(fresh_copy(cache, "shop", raw_dir) / "shop.sqlite3")
    orders = _orders(size, 2 * (warmup + repeats))
    out = {"dispatch": [], "save": [], "durable": [], "commit": [], "project": [], "raw": []}
    try:
        for i in range(warmup + repeats):
            cmd = PlaceOrder(tuple(OrderLine(pid, q) for pid, q in orders[2 * i].items()))
            t0 = time.perf_counter_ns()
            shop.dispatch(cmd)
            t1 = time.perf_counter_ns()
            shop.save_read_model()
            t2 = time.perf_counter_ns()
            raw.place(orders[2 * i])
            t3 = time.perf_counter_ns()
            # The same command split in two (private attribute: a bench-only peek).
            cmd = PlaceOrder(tuple(OrderLine(pid, q) for pid, q in orders[2 * i + 1].items()))
            t4 = time.perf_counter_ns()
            shop._dispatcher.dispatch(cmd)
            t5 = time.perf_counter_ns()
            shop.sync()
            t6 = time.perf_counter_ns()
            shop.save_read_model()
            if i >= warmup:
                out["dispatch"].append((t1 - t0) / 1e6)
                out["save"].append((t2 - t1) / 1e6)
                out["durable"].append((t2 - t0) / 1e6)
                out["raw"].append((t3 - t2) / 1e6)
                out["commit"].append((t5 - t4) / 1e6)
                out["project"].append((t6 - t5) / 1e6)
    finally:
        raw.close()
        shop.close()
    return out


ADDED_PRODUCTS = 10_000


def _new_products(size: int, round_: int, category_ids: list[int]) -> list[dict]:
    return [
        {
            "sku": f"NEW{round_}-{i:05d}",
            "name": f"Imported Item {i}",
            "category_id": category_ids[i % len(category_ids)],
            "price_cents": 100 + i,
            "stock": 10,
            "barcode": f"29{round_}{i:09d}" if i % 2 else None,
            "reorder_level": 0,
        }
        for i in range(ADDED_PRODUCTS)
    ]


def _raw_add_products(db_file: Path, rows: list[dict]) -> None:
    """The same rows and outbox events with sqlite3, one transaction."""
    conn = sqlite3.connect(db_file, isolation_level=None)
    try:
        for pragma in ("journal_mode=WAL", "foreign_keys=ON", "busy_timeout=10000", "synchronous=FULL"):
            conn.execute(f"PRAGMA {pragma}")
        conn.execute("BEGIN IMMEDIATE")
        cols = ("sku", "name", "category_id", "price_cents", "stock", "barcode", "reorder_level")
        conn.executemany(
            f"INSERT INTO product ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            [tuple(r[c] for c in cols) for r in rows],
        )
        ids = dict(conn.execute("SELECT sku, id FROM product WHERE sku LIKE 'NEW%'"))
        at = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())
        conn.executemany(
            "INSERT INTO outbox (event_type, payload, recorded_at) VALUES (?, ?, ?)",
            [("ProductAdded", json.dumps({"product_id": ids[r["sku"]], **r}, ensure_ascii=False), at) for r in rows],
        )
        conn.execute("COMMIT")
    finally:
        conn.close()


def time_add_products(cache: Path, size: int, repeats: int, tmp: Path) -> dict[str, list[float]]:
    """AddProducts of 10,000 new products in one command through Shop.dispatch
    (validation, IN-query checks, one INSERT, the outbox, then the projection
    and the read-model save), on a fresh copy of the shop each time; raw
    sqlite3 inserting the same rows and outbox rows as the baseline."""
    from core import open_shop
    from core.commands import AddProduct, AddProducts
    from core.queries import GetCategories

    out = {"ours": [], "raw": []}
    for round_ in range(repeats):
        folder = tmp / f"add-{round_}"
        folder.mkdir()
        shop = open_shop(fresh_copy(cache, "shop", folder))
        try:
            category_ids = [c.id for c in shop.ask(GetCategories())]
            rows = _new_products(size, round_, category_ids)
            command = AddProducts(tuple(AddProduct(**r) for r in rows))
            t0 = time.perf_counter_ns()
            shop.dispatch(command)
            out["ours"].append((time.perf_counter_ns() - t0) / 1e6)
        finally:
            shop.close()
        raw_folder = tmp / f"add-raw-{round_}"
        raw_folder.mkdir()
        db_file = fresh_copy(cache, "shop", raw_folder) / "shop.sqlite3"
        t0 = time.perf_counter_ns()
        _raw_add_products(db_file, rows)
        out["raw"].append((time.perf_counter_ns() - t0) / 1e6)
    return out


def _naive_rebuild(db_file: Path, json_file: Path) -> None:
    from tinydb import TinyDB
    from tinydb.table import Document

    conn = sqlite3.connect(db_file)
    try:
        cols = ("id", "sku", "name", "category_id", "price_cents", "stock", "barcode", "reorder_level")
        rows = conn.execute(f"SELECT {', '.join(cols)} FROM product ORDER BY id").fetchall()
    finally:
        conn.close()
    json_file.unlink(missing_ok=True)
    db = TinyDB(json_file)
    db.table("products").insert_multiple(Document(dict(zip(cols, r)), doc_id=r[0]) for r in rows)
    db.close()


_REBUILD_OURS = """
import json, sys, time
from core import open_shop
shop = open_shop(sys.argv[1])
t0 = time.perf_counter_ns()
shop.rebuild_read_model()
t1 = time.perf_counter_ns()
shop.close()
print(json.dumps({"ms": (t1 - t0) / 1e6}))
"""

_REBUILD_NAIVE = """
import json, sys, time
from pathlib import Path
from bench.core_timings import _naive_rebuild
t0 = time.perf_counter_ns()
_naive_rebuild(Path(sys.argv[1]), Path(sys.argv[2]))
t1 = time.perf_counter_ns()
print(json.dumps({"ms": (t1 - t0) / 1e6}))
"""


def time_rebuild(cache: Path, repeats: int, tmp: Path) -> dict[str, list[float]]:
    """The read model rebuilt from the write model, in a fresh process each
    time (after open_shop, untimed), as when a shop opens with its read model
    missing or damaged: not in the benchmark's own process, whose heap by
    then holds the windows and shops of the figures before (in one full run
    that made both ours and the baseline 1.8x slower)."""
    shop_dir = fresh_copy(cache, "shop", tmp / "rebuild")
    out = {"ours": [], "naive": []}
    for _ in range(repeats):
        out["ours"].append(_in_fresh_process(_REBUILD_OURS, shop_dir)["ms"])
        out["naive"].append(
            _in_fresh_process(_REBUILD_NAIVE, shop_dir / "shop.sqlite3", tmp / "naive-rebuild.json")["ms"]
        )
    return out


_OPEN_OURS = """
import json, sys, time
from core import open_shop
from core.queries import GetProducts
t0 = time.perf_counter_ns()
shop = open_shop(sys.argv[1])
t1 = time.perf_counter_ns()
n = len(shop.ask(GetProducts()))
t2 = time.perf_counter_ns()
shop.close()
print(json.dumps({"open": (t1 - t0) / 1e6, "list": (t2 - t0) / 1e6, "n": n}))
"""

_OPEN_NAIVE = """
import json, sys, time
from tinydb import TinyDB
t0 = time.perf_counter_ns()
db = TinyDB(sys.argv[1])
products = db.table("products")
n = len(products)  # TinyDB reads lazily: this parses the file
t1 = time.perf_counter_ns()
rows = sorted(products.all(), key=lambda d: (d["name"].casefold(), d["id"]))
t2 = time.perf_counter_ns()
print(json.dumps({"open": (t1 - t0) / 1e6, "list": (t2 - t0) / 1e6, "n": len(rows)}))
"""


def _in_fresh_process(script: str, *args: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", script, *map(str, args)], cwd=REPO, check=True, capture_output=True, text=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def time_cold_open(cache: Path, size: int, repeats: int, tmp: Path) -> dict[str, list[float]]:
    """open_shop() in a fresh Python process each time (imports excluded; the
    OS file cache is warm: this is "app start", not "first boot")."""
    shop_dir = fresh_copy(cache, "shop", tmp / "cold")
    naive = fresh_copy(cache, "naive.json", tmp / "cold")
    out = {"open": [], "list": [], "naive_open": [], "naive_list": []}
    for _ in range(repeats):
        ours, base = _in_fresh_process(_OPEN_OURS, shop_dir), _in_fresh_process(_OPEN_NAIVE, naive)
        if ours["n"] != size or base["n"] != size:
            raise RuntimeError(f"cold open listed {ours['n']} / {base['n']} products, expected {size}")
        out["open"].append(ours["open"])
        out["list"].append(ours["list"])
        out["naive_open"].append(base["open"])
        out["naive_list"].append(base["list"])
    return out


def time_cold_start(cache: Path, size: int, repeats: int, tmp: Path) -> dict[str, list[float]]:
    """Figure 3: a fresh process showing the window until the product table
    has painted every product (bench/cold_start.py), ours and the naive
    window alternately; wall time from spawn and peak RSS."""
    from bench import cold_start

    shop_dir = fresh_copy(cache, "shop", tmp / "start")
    naive = fresh_copy(cache, "naive.json", tmp / "start")
    out = {"ms": [], "mb": [], "naive_ms": [], "naive_mb": []}
    for _ in range(repeats):
        ms, mb = cold_start.measure("ours", shop_dir, size)
        out["ms"].append(ms)
        out["mb"].append(mb)
        ms, mb = cold_start.measure("naive", naive, size)
        out["naive_ms"].append(ms)
        out["naive_mb"].append(mb)
    return out


def measure_core(
    cache: Path, size: int, repeats: int, heavy_repeats: int, warmup: int = 3, log=print, with_gui: bool = True
) -> dict[str, list[float]]:
    results = {}
    with tempfile.TemporaryDirectory(prefix=f"bench-core-{size}-") as tmp:
        tmp = Path(tmp)
        for sub in ("ours", "rebuild", "cold", "start"):
            (tmp / sub).mkdir()
        t = time.perf_counter()
        for k, v in time_write_path(cache, size, repeats, warmup, tmp).items():
            results[f"write_{k}"] = v
        log(f"    write path: {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        for k, v in time_add_products(cache, size, heavy_repeats, tmp).items():
            results[f"add_{k}"] = v
        log(f"    add products: {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        for k, v in time_rebuild(cache, heavy_repeats, tmp).items():
            results[f"rebuild_{k}"] = v
        log(f"    rebuild: {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        for k, v in time_cold_open(cache, size, heavy_repeats, tmp).items():
            results[f"cold_{k}"] = v
        log(f"    cold open: {time.perf_counter() - t:.1f} s")
        if with_gui:
            t = time.perf_counter()
            for k, v in time_cold_start(cache, size, heavy_repeats, tmp).items():
                results[f"start_{k}"] = v
            log(f"    cold start (window): {time.perf_counter() - t:.1f} s")
    return results
