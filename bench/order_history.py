"""A year of orders in a cached catalog shop, written straight into the write model.

Placing 300,000 orders through ``Shop.dispatch`` takes hours; this writes the
rows PlaceOrder and RecordPayment would write (orders, lines with cost,
category and tax, payments, the stock ledger, one till session a day) and
their outbox events, encoded with ``core.messages.event_codec.encode``, with
``sqlite3`` in one transaction per chunk of days. Positions, ids and times
increase together, so a catch-up or a replay of the outbox sees the same
history. The read model is then rebuilt from the write model by
``core.open_shop`` (the read-model folder is removed first).

The history: the 365 days before the day of the build (UTC), one till
("Till 1", opened 08:45 with a float, closed 18:15 with the counted cash),
orders 09:00-18:00 with a midday peak and a busier Saturday, 1-5 lines of
distinct products (popular ones more often), 30% with one of 2,000 customers,
paid at once by card (70%), cash (27%) or other; a few orders of the last
week left unpaid (open orders). Deterministic for a size and a build day.

Cached under ``bench/results/cache/orders-<N>/`` (git-ignored), keyed by the
catalog's cache version and ``GENERATOR_VERSION``:

    .venv/bin/python bench/order_history.py --orders 300000 [--products 100000] [--rebuild]
    .venv/bin/python bench/order_history.py --check 2000     # build a small one and verify it
"""

import argparse
import json
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench import shop_builder  # noqa: E402

GENERATOR_VERSION = "orders-2"  # 2: staff names and category paths (schema 5)
DAYS = 365
CUSTOMERS = 2_000
CUSTOMER_SHARE = 0.30
TILL = "Till 1"
STAFF_ID = -1  # the shop's owner, while it has no staff (core.domain.staff)
STAFF_NAME = "Owner"
FLOAT_CENTS = 15_000
SEED = 20_261_207
CHUNK_DAYS = 15  # one transaction per chunk
# Share of a day's orders by hour (09:00-17:59), a midday peak.
HOURS = (9, 10, 11, 12, 13, 14, 15, 16, 17)
HOUR_WEIGHTS = (4, 8, 11, 14, 13, 10, 10, 9, 7)
WEEKDAY_WEIGHTS = (0.9, 0.85, 0.9, 1.0, 1.2, 1.45, 0.7)  # Monday..Sunday
FIRST = ("Anna", "Ben", "Chloe", "David", "Ella", "Farid", "Grace", "Hugo", "Isla", "Jack", "Kiran", "Lena")
LAST = ("Smith", "Jones", "Patel", "Brown", "Nowak", "Garcia", "Khan", "Evans", "Murphy", "Rossi", "Berg")


def cache_version() -> str:
    return f"{shop_builder.cache_version()}-{GENERATOR_VERSION}"


def _stamp(t: datetime) -> str:
    return t.isoformat(timespec="seconds")  # as UnitOfWork.now() writes it


def _orders_per_day(n: int, first_day: datetime) -> list[int]:
    weights = [WEEKDAY_WEIGHTS[(first_day + timedelta(days=d)).weekday()] for d in range(DAYS)]
    total = sum(weights)
    exact = [n * w / total for w in weights]
    counts = [int(x) for x in exact]
    # Largest remainders first, so the days add up to exactly n.
    for d in sorted(range(DAYS), key=lambda d: counts[d] - exact[d])[: n - sum(counts)]:
        counts[d] += 1
    return counts


def add_orders(shop_folder: Path, n_orders: int, *, end: datetime | None = None, log=print) -> dict:
    """Add ``n_orders`` orders over the 365 days before ``end`` (default:
    today 00:00 UTC) to the shop in ``shop_folder``, then rebuild its read
    model. Returns what was written and how long it took."""
    from core import open_shop
    from core.domain.order_status import PAID, PLACED
    from core.domain.pricing import PriceLine, price_order, resolve_tax_rate
    from core.domain.shop_settings import from_rows
    from core.domain.stock_moves import MovementKind
    from core.messages.event_codec import encode
    from core.messages.events import CustomerAdded, OrderPlaced, PaymentRecorded, SoldLine, TillClosed, TillOpened

    started = time.perf_counter()
    end = end or datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    first_day = end - timedelta(days=DAYS)
    rng = random.Random(SEED + n_orders)
    db = sqlite3.connect(shop_folder / "shop.sqlite3", isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")

    def next_id(table: str, column: str = "id") -> int:
        return db.execute(f"SELECT coalesce(max({column}), 0) + 1 FROM {table}").fetchone()[0]

    settings = from_rows(dict(db.execute("SELECT key, value FROM shop_setting")))
    tree = {cid: (parent, rate) for cid, parent, rate in db.execute("SELECT id, parent_id, tax_rate_bp FROM category")}
    names = dict(db.execute("SELECT id, name FROM category"))

    def path_of(category_id: int) -> str:  # what PlaceOrder keeps with a line: the path as of the sale
        parts, at = [], category_id
        while at is not None:
            parts.append(names[at])
            at = tree[at][0]
        return "/".join(reversed(parts))

    paths = {cid: path_of(cid) for cid in tree}
    products = {}  # id -> (sku, name, price, cost, rate, category)
    stock = {}
    for pid, sku, name, price, cost, rate, cat, level in db.execute(
        "SELECT id, sku, name, price_cents, cost_price_cents, tax_rate_bp, category_id, stock FROM product"
        " WHERE active ORDER BY id"
    ):
        products[pid] = (sku, name, price, cost, resolve_tax_rate(rate, cat, tree, settings.default_tax_rate_bp), cat)
        stock[pid] = level
    product_ids = list(products)
    n_products = len(product_ids)

    position = next_id("outbox", "position")
    outbox_rows = []

    def record(event, at: str) -> None:
        nonlocal position
        outbox_rows.append((position, type(event).__name__, encode(event), at, STAFF_ID, TILL, None))
        position += 1

    def flush_outbox() -> None:
        db.executemany(
            "INSERT INTO outbox (position, event_type, payload, recorded_at, staff_id, till, approved_by)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            outbox_rows,
        )
        outbox_rows.clear()

    # Customers, added a day before the history starts.
    db.execute("BEGIN IMMEDIATE")
    customer_id = next_id("customer")
    added = _stamp(first_day - timedelta(hours=12))
    customers = []
    for i in range(CUSTOMERS):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        phone = f"07{rng.randrange(10**8, 10**9)}"
        email = f"{name.lower().replace(' ', '.')}{i}@example.com"
        customers.append((customer_id + i, name, phone, email, None, added))
        record(CustomerAdded(customer_id + i, name, phone, email, None, added), added)
    db.executemany("INSERT INTO customer (id, name, phone, email, note, added_at) VALUES (?, ?, ?, ?, ?, ?)", customers)
    flush_outbox()
    db.execute("COMMIT")
    customer_ids = [c[0] for c in customers]

    order_id, line_id = next_id("shop_order"), next_id("order_line")
    movement_id, payment_id, session_id = next_id("stock_movement"), next_id("payment"), next_id("till_session")
    counts = _orders_per_day(n_orders, first_day)
    last_week = DAYS - 7
    written = {"orders": 0, "lines": 0, "payments": 0, "unpaid": 0, "sessions": 0}
    sold = MovementKind.SOLD.value
    for chunk_start in range(0, DAYS, CHUNK_DAYS):
        orders, lines, movements, payments, sessions = [], [], [], [], []
        for day in range(chunk_start, min(DAYS, chunk_start + CHUNK_DAYS)):
            date = first_day + timedelta(days=day)
            opened_at = _stamp(date + timedelta(hours=8, minutes=45))
            record(TillOpened(session_id, TILL, opened_at, STAFF_ID, STAFF_NAME, FLOAT_CENTS, False), opened_at)
            cash = 0
            seconds = sorted(
                rng.choices(HOURS, HOUR_WEIGHTS)[0] * 3600 + rng.randrange(3600) for _ in range(counts[day])
            )
            for second in seconds:
                at = _stamp(date + timedelta(seconds=second))
                k = rng.choices((1, 2, 3, 4, 5), (35, 25, 20, 12, 8))[0]
                chosen = set()
                while len(chosen) < k:
                    # Popular products sell more: a skew towards a few thousand.
                    chosen.add(product_ids[int(n_products * rng.random() ** 3)])
                chosen = sorted(chosen)
                quantities = [rng.choices((1, 2, 3), (80, 15, 5))[0] for _ in chosen]
                priced = price_order(
                    [PriceLine(products[p][2], q, products[p][4]) for p, q in zip(chosen, quantities)],
                    None,
                    settings.prices_include_tax,
                )
                sold_lines = []
                for p, q, line in zip(chosen, quantities, priced.lines):
                    sku, name, price, cost, rate, cat = products[p]
                    stock[p] -= q
                    if stock[p] < 0:
                        raise RuntimeError(f"product {p} would go below 0: raise the catalog's stock")
                    sold_lines.append(
                        SoldLine(
                            product_id=p,
                            sku=sku,
                            name=name,
                            quantity=q,
                            unit_price_cents=price,
                            stock_after=stock[p],
                            line_discount_cents=line.line_discount,
                            order_discount_cents=line.order_discount_share,
                            tax_rate_bp=rate,
                            tax_cents=line.tax,
                            cost_price_cents=cost,
                            category_id=cat,
                            category_path=paths[cat],
                        )
                    )
                    lines.append(
                        (line_id, order_id, p, sku, name, q, price, None, None, line.line_discount)
                        + (line.order_discount_share, rate, line.tax, 0, 0, cost, cat, paths[cat])
                    )
                    movements.append((movement_id, p, at, sold, -q, stock[p], None, None, order_id, STAFF_ID))
                    line_id += 1
                    movement_id += 1
                customer = rng.choice(customer_ids) if rng.random() < CUSTOMER_SHARE else None
                total = priced.total
                tax = priced.tax_total
                record(
                    OrderPlaced(
                        order_id=order_id,
                        placed_at=at,
                        total_cents=total,
                        lines=tuple(sold_lines),
                        customer_id=customer,
                        prices_include_tax=settings.prices_include_tax,
                        subtotal_cents=priced.subtotal,
                        discount_cents=priced.discount_total,
                        tax_cents=tax,
                        order_discount=None,
                        session_id=session_id,
                        staff_name=STAFF_NAME,
                    ),
                    at,
                )
                unpaid = day >= last_week and rng.random() < 0.01
                if unpaid:
                    written["unpaid"] += 1
                else:
                    roll = rng.random()
                    method = "card" if roll < 0.70 else "cash" if roll < 0.97 else "other"
                    tendered = change = None
                    if method == "cash":
                        tendered = -(-total // 500) * 500 if rng.random() < 0.7 else total  # next 5.00
                        change = tendered - total
                        cash += total
                    paid_at = _stamp(date + timedelta(seconds=second + rng.randrange(10, 60)))
                    payments.append((payment_id, order_id, paid_at, method, total, tendered, change, session_id))
                    record(
                        PaymentRecorded(
                            payment_id, order_id, paid_at, method, total, tendered, change, total, PAID, session_id
                        ),
                        paid_at,
                    )
                    payment_id += 1
                orders.append(
                    (order_id, at, PLACED if unpaid else PAID, total, customer, int(settings.prices_include_tax))
                    + (priced.subtotal, priced.discount_total, tax, 0 if unpaid else total, session_id)
                )
                order_id += 1
                written["lines"] += len(chosen)
            closed_at = _stamp(date + timedelta(hours=18, minutes=15))
            counted = FLOAT_CENTS + cash
            # Written straight into the outbox, before any link: no journal link is kept with it.
            record(TillClosed(session_id, closed_at, STAFF_ID, STAFF_NAME, counted, "", 0, ""), closed_at)
            sessions.append((session_id, TILL, opened_at, STAFF_NAME, FLOAT_CENTS, closed_at, STAFF_NAME, counted))
            session_id += 1
        db.execute("BEGIN IMMEDIATE")
        db.executemany(
            "INSERT INTO till_session (id, till, opened_at, opened_by, opened_by_name, opening_float_cents,"
            " opened_automatically, closed_at, closed_by, closed_by_name, counted_cash_cents, note)"
            f" VALUES (?, ?, ?, {STAFF_ID}, ?, ?, 0, ?, {STAFF_ID}, ?, ?, '')",
            sessions,
        )
        db.executemany(
            "INSERT INTO shop_order (id, placed_at, status, total_cents, customer_id, request_id,"
            " prices_include_tax, subtotal_cents, discount_cents, tax_cents, paid_cents, staff_id, till, session_id,"
            f" staff_name) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, {STAFF_ID}, '{TILL}', ?, '{STAFF_NAME}')",
            orders,
        )
        db.executemany(
            "INSERT INTO order_line (id, order_id, product_id, sku, name, quantity, unit_price_cents,"
            " discount_kind, discount_value, line_discount_cents, order_discount_cents, tax_rate_bp, tax_cents,"
            " returned_quantity, refunded_cents, cost_price_cents, category_id, category_path)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            lines,
        )
        db.executemany(
            "INSERT INTO stock_movement (id, product_id, at, kind, quantity, stock_after, reason, note, order_id,"
            " staff_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            movements,
        )
        db.executemany(
            "INSERT INTO payment (id, order_id, at, method, amount_cents, tendered_cents, change_cents, session_id,"
            f" staff_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, {STAFF_ID})",
            payments,
        )
        flush_outbox()
        db.execute("COMMIT")
        written["orders"] += len(orders)
        written["payments"] += len(payments)
        written["sessions"] += len(sessions)
        log(f"    days {chunk_start + 1}-{chunk_start + CHUNK_DAYS}: {written['orders']:,} orders")
    db.execute("BEGIN IMMEDIATE")
    db.executemany("UPDATE product SET stock = ? WHERE id = ?", [(level, pid) for pid, level in stock.items()])
    db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    write_seconds = time.perf_counter() - started

    t = time.perf_counter()
    shutil.rmtree(shop_folder / "read_model", ignore_errors=True)
    shop = open_shop(shop_folder)  # no read model: rebuilt from the write model, then saved
    shop.close()
    written["write_seconds"] = round(write_seconds, 1)
    written["rebuild_seconds"] = round(time.perf_counter() - t, 1)
    written["first_day"] = first_day.date().isoformat()
    written["last_day"] = (end - timedelta(days=1)).date().isoformat()
    written["busiest_day_orders"] = max(counts)
    return written


def cached_shop(n_orders: int, products: int = 100_000, *, rebuild: bool = False, log=print) -> Path:
    """The cache folder of ``products`` products with ``n_orders`` orders (built now if missing or stale)."""
    folder = shop_builder.CACHE / f"orders-{products}-{n_orders}"
    version = cache_version()
    manifest_path = folder / "manifest.json"
    if not rebuild and manifest_path.exists():
        try:
            if json.loads(manifest_path.read_text())["version"] == version:
                return folder
        except (ValueError, KeyError):
            pass
    catalog = shop_builder.cached_shop(products, log=log)
    log(f"  adding {n_orders:,} orders to the {products:,}-product shop (cache {version})...")
    staging = Path(tempfile.mkdtemp(prefix=f".build-orders-{n_orders}-", dir=shop_builder.CACHE))
    try:
        shutil.copytree(catalog / "shop", staging / "shop")
        written = add_orders(staging / "shop", n_orders, log=log)
        manifest = dict(shop_builder.manifest(catalog))
        manifest.update(version=version, orders=n_orders, history=written)
        shop_builder.publish(staging, folder, manifest)
        log(f"  written in {written['write_seconds']} s, read model rebuilt in {written['rebuild_seconds']} s")
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return folder


def _answers(shop, day: str, order_id: int, session_id: int) -> dict:
    """What the read model says about the history: compared before and after a rebuild."""
    from core.queries import GetOrder, GetOrders, GetProducts, GetTillReport

    day = date.fromisoformat(day)
    return {
        "orders": len(shop.ask(GetOrders())),
        "day": [repr(o) for o in shop.ask(GetOrders(date_from=day, date_to=day))],
        "order": repr(shop.ask(GetOrder(order_id))),
        "report": repr(shop.ask(GetTillReport(session_id))),
        "stock": [(p.id, p.stock) for p in shop.ask(GetProducts())],
    }


def check(shop_folder: Path, n_orders: int) -> list[str]:
    """Problems found in a shop built by ``add_orders`` (an empty list: none)."""
    from core import open_shop

    problems = []
    db = sqlite3.connect(shop_folder / "shop.sqlite3")
    if db.execute("SELECT count(*) FROM shop_order").fetchone()[0] != n_orders:
        problems.append("wrong number of orders")
    if db.execute("SELECT count(*) FROM product WHERE stock < 0").fetchone()[0]:
        problems.append("negative stock")
    if db.execute("SELECT count(*) FROM stock_movement WHERE stock_after < 0").fetchone()[0]:
        problems.append("a movement left negative stock")
    mismatched = db.execute(
        "SELECT count(*) FROM product p JOIN (SELECT product_id, sum(quantity) AS s FROM stock_movement"
        " GROUP BY product_id) m ON m.product_id = p.id WHERE m.s != p.stock"
    ).fetchone()[0]
    if mismatched:
        problems.append(f"{mismatched} products whose stock is not their ledger's sum")
    positions = [r[0] for r in db.execute("SELECT position FROM outbox ORDER BY position")]
    if positions != list(range(positions[0], positions[0] + len(positions))):
        problems.append("outbox positions have gaps")
    day = db.execute(
        "SELECT substr(placed_at, 1, 10) FROM shop_order ORDER BY id DESC LIMIT 1 OFFSET ?", (n_orders // 3,)
    )
    day = day.fetchone()[0]
    order_id = db.execute("SELECT max(id) FROM shop_order").fetchone()[0] - n_orders // 2
    session_id = db.execute("SELECT session_id FROM shop_order WHERE id = ?", (order_id,)).fetchone()[0]
    db.close()
    shop = open_shop(shop_folder)
    try:
        before = _answers(shop, day, order_id, session_id)
        shop.rebuild_read_model()
        after = _answers(shop, day, order_id, session_id)
    finally:
        shop.close()
    if before["orders"] != n_orders:
        problems.append(f"GetOrders says {before['orders']} orders, not {n_orders}")
    if not before["day"]:
        problems.append(f"no orders on {day}")
    for key in before:
        if before[key] != after[key]:
            problems.append(f"{key}: the read model differs after a rebuild")
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--orders", type=int, default=300_000, help="orders in the history (default: %(default)s)")
    ap.add_argument("--products", type=int, default=100_000, help="catalog size (default: %(default)s)")
    ap.add_argument("--rebuild", action="store_true", help="build again even if cached")
    ap.add_argument("--check", type=int, metavar="N", help="build N orders in a temp copy and verify them")
    args = ap.parse_args(argv)
    if args.check:
        catalog = shop_builder.cached_shop(args.products)
        with tempfile.TemporaryDirectory(prefix="orders-check-") as tmp:
            folder = Path(tmp) / "shop"
            shutil.copytree(catalog / "shop", folder)
            print(add_orders(folder, args.check))
            problems = check(folder, args.check)
        print("\n".join(problems) if problems else "OK: consistent, and a rebuild gives the same answers")
        return 1 if problems else 0
    cached_shop(args.orders, args.products, rebuild=args.rebuild)
    return 0


if __name__ == "__main__":
    sys.exit(main())
