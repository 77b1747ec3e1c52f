"""Figure 5: the real orders of a year, replayed through the dispatcher.

    .venv/bin/python bench/replay.py [--dataset PATH] [--chunk 500]

Every invoice of ``online_retail_40k.csv`` (a 40,000-line sample of the UCI
"Online Retail" data set, see ../shared/datasets/README.md) goes through
``Shop.dispatch`` on a shop built from its products, in invoice-date order,
with durable commits (SQLite WAL, synchronous=FULL, one commit per command)
and the read model saved in batches (``Shop.batch_saves``). A raw ``sqlite3``
replay runs the same statements on a copy of the same shop, in alternating
chunks, as the baseline. At the end, stock and revenue in both models (and
in the read model's files, reopened) must equal what the CSV says.

How the CSV maps onto the commands the core has today (PlaceOrder,
CancelOrder of a whole order, ReceiveStock; partial returns are another issue):

- A product per StockCode (used as the SKU): the first description and the
  first price seen in date order; no description at all -> "Item <code>".
  Categories from keywords of the description. Prices are decimal pounds,
  turned into pence with Decimal (never float); a price with a fraction of a
  penny (one: 0.001) is rounded half-up and reported.
- An invoice of positive lines is a PlaceOrder (lines of one code merged).
- A ``C`` invoice whose lines are exactly those of an earlier, still placed
  invoice of the same customer is a CancelOrder of that order. Any other
  ``C`` invoice is a return: a ReceiveStock per code, and a refund at the C
  lines' prices that the benchmark records (the core has no refunds yet).
- An invoice of negative lines without a ``C`` (stock written off:
  "damaged", "unsaleable, destroyed", price 0) has no command in the core
  (ReceiveStock only adds): it is counted and left out, stock expectations
  included.
- The stock each product starts with is computed from the data: the least
  that lets every order through in date order (so nothing is refused).
- Revenue in the models is at catalog prices (an order line is priced from
  the product): 2,293 of the 3,227 codes appear at more than one price in the
  CSV (quantity breaks, price changes), and the core has no price change yet.
  So the check is exact against the CSV's quantities at catalog prices, and
  the CSV's own line-price total is reported beside it.
"""

import argparse
import csv
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

DATASET = REPO.parent / "shared" / "datasets" / "online_retail_40k.csv"
DATASET_ENV = "SHOP_BENCH_RETAIL_CSV"
SAVE_EVERY_SECONDS = 1.0
SAVE_EVERY_EVENTS = 2_000

# Category (parent, child) by the first keyword found in the description.
KEYWORDS = (
    ("CHRISTMAS", ("Seasonal", "Christmas")),
    ("EASTER", ("Seasonal", "Easter")),
    ("MUG", ("Kitchen", "Mugs and cups")),
    ("CUP", ("Kitchen", "Mugs and cups")),
    ("TEA", ("Kitchen", "Tea time")),
    ("CAKE", ("Kitchen", "Baking")),
    ("LUNCH", ("Kitchen", "Lunch boxes")),
    ("BOTTLE", ("Kitchen", "Bottles")),
    ("PLATE", ("Kitchen", "Tableware")),
    ("BOWL", ("Kitchen", "Tableware")),
    ("CANDLE", ("Home", "Candles")),
    ("T-LIGHT", ("Home", "Candles")),
    ("LIGHT", ("Home", "Lights")),
    ("LANTERN", ("Home", "Lights")),
    ("FRAME", ("Home", "Frames")),
    ("CLOCK", ("Home", "Clocks")),
    ("CUSHION", ("Home", "Textiles")),
    ("SIGN", ("Home", "Signs")),
    ("HEART", ("Home", "Decorations")),
    ("BAG", ("Bags", None)),
    ("CARD", ("Stationery", "Cards and wrap")),
    ("WRAP", ("Stationery", "Cards and wrap")),
    ("NOTEBOOK", ("Stationery", None)),
    ("PEN", ("Stationery", None)),
    ("JEWEL", ("Gifts", "Jewellery")),
    ("NECKLACE", ("Gifts", "Jewellery")),
    ("TOY", ("Gifts", "Toys")),
    ("GAME", ("Gifts", "Toys")),
    ("DOLL", ("Gifts", "Toys")),
)
NOT_STOCK = {"POST", "DOT", "M", "D", "C2", "S", "BANK CHARGES", "AMAZONFEE", "CRUK", "PADS"}


# -- the data -----------------------------------------------------------------------------
@dataclass
class CsvLine:
    code: str
    description: str
    quantity: int
    pence: int


@dataclass
class Invoice:
    number: str
    when: str  # the earliest InvoiceDate of its lines
    customer: str
    lines: list[CsvLine]

    @property
    def merged(self) -> dict[str, int]:
        quantities: dict[str, int] = defaultdict(int)
        for line in self.lines:
            quantities[line.code] += line.quantity
        return dict(quantities)


@dataclass
class Product:
    code: str
    name: str
    pence: int
    category: tuple[str, str | None]
    stock: int = 0  # at the start, computed from the data


@dataclass
class Step:
    """What one invoice becomes."""

    kind: str  # "order", "cancel", "return"
    invoice: Invoice
    lines: dict[str, int]  # code -> units (sold, or put back)
    cancels: str | None = None  # the invoice number a "cancel" cancels
    refund_pence: int = 0


@dataclass
class Plan:
    products: dict[str, Product]
    steps: list[Step]
    skipped: list[Invoice]  # write-offs: no command for them
    notes: list[str] = field(default_factory=list)
    expected_stock: dict[str, int] = field(default_factory=dict)
    expected_revenue: int = 0  # placed orders at catalog prices, pence
    revenue_at_line_prices: int = 0  # the same orders at the CSV's own line prices
    price_differences: Counter = field(default_factory=Counter)  # code -> line - catalog, pence
    csv_revenue_at_line_prices: int = 0  # every line, pence (C lines negative)
    refunds: int = 0
    counts: Counter = field(default_factory=Counter)


def pence_of(text: str, notes: list[str], where: str) -> int:
    """Decimal pounds -> integer pence, exactly (Decimal, never float)."""
    amount = Decimal(text.strip()) * 100
    whole = amount.to_integral_value(rounding=ROUND_HALF_UP)
    if whole != amount:
        notes.append(f"{where}: price {text} is not a whole number of pence; rounded to {whole}p")
    return int(whole)


def read_invoices(path: Path, notes: list[str]) -> list[Invoice]:
    by_number: dict[str, Invoice] = {}
    with open(path, newline="", encoding="utf-8") as f:
        for n, row in enumerate(csv.DictReader(f), start=2):
            quantity = int(row["Quantity"])
            if quantity == 0:
                notes.append(f"line {n}: quantity 0, left out")
                continue
            line = CsvLine(
                row["StockCode"].strip(),
                row["Description"].strip(),
                quantity,
                pence_of(row["UnitPrice"], notes, f"line {n} ({row['StockCode']})"),
            )
            invoice = by_number.get(row["InvoiceNo"])
            if invoice is None:
                invoice = by_number[row["InvoiceNo"]] = Invoice(
                    row["InvoiceNo"], row["InvoiceDate"], row["CustomerID"].strip(), []
                )
            invoice.when = min(invoice.when, row["InvoiceDate"])
            invoice.lines.append(line)

    def order(inv: Invoice):
        digits = inv.number.lstrip("Cc")
        return inv.when, int(digits) if digits.isdigit() else 0, inv.number

    return sorted(by_number.values(), key=order)


def category_of(name: str, code: str) -> tuple[str, str | None]:
    if code in NOT_STOCK or not code[:1].isdigit():
        return ("Services and adjustments", None)
    upper = name.upper()
    for keyword, place in KEYWORDS:
        if keyword in upper:
            return place
    return ("Other", None)


def plan_replay(invoices: list[Invoice], notes: list[str]) -> Plan:
    products: dict[str, Product] = {}
    for inv in invoices:
        for line in inv.lines:
            product = products.get(line.code)
            if product is None:
                products[line.code] = Product(line.code, line.description, line.pence, ("", None))
            elif not product.name and line.description:
                product.name = line.description
    for product in products.values():
        if not product.name:
            notes.append(f"StockCode {product.code}: no description anywhere; named 'Item {product.code}'")
            product.name = f"Item {product.code}"
        product.category = category_of(product.name, product.code)

    plan = Plan(products, [], [], notes)
    for inv in invoices:
        _moment(inv.when)  # parsed now, not while the replay is timed
    placed: dict[str, list[Step]] = defaultdict(list)  # customer -> still placed orders
    for inv in invoices:
        merged = inv.merged
        if inv.number.upper().startswith("C"):
            wanted = {code: -q for code, q in merged.items()}
            if any(q <= 0 for q in wanted.values()):
                notes.append(f"invoice {inv.number}: a C invoice with a positive line, left out")
                plan.skipped.append(inv)
                continue
            match = (
                next((s for s in reversed(placed[inv.customer]) if s.lines == wanted), None) if inv.customer else None
            )
            if match is not None:
                placed[inv.customer].remove(match)
                plan.steps.append(Step("cancel", inv, wanted, cancels=match.invoice.number))
            else:
                refund = sum(-l.quantity * l.pence for l in inv.lines)
                plan.steps.append(Step("return", inv, wanted, refund_pence=refund))
        elif all(q > 0 for q in merged.values()):
            step = Step("order", inv, merged)
            plan.steps.append(step)
            placed[inv.customer].append(step)
        else:
            plan.skipped.append(inv)  # stock written off (or a mixed invoice)

    # Stock: the least each product needs for every order to go through in
    # date order; then what must be left at the end.
    balance, lowest = Counter(), Counter()
    ordered_lines = {s.invoice.number: s.lines for s in plan.steps if s.kind == "order"}
    for step in plan.steps:
        sign = -1 if step.kind == "order" else 1
        lines = ordered_lines[step.cancels] if step.kind == "cancel" else step.lines
        for code, q in lines.items():
            balance[code] += sign * q
            lowest[code] = min(lowest[code], balance[code])
    for code, product in products.items():
        product.stock = -lowest[code]
        plan.expected_stock[code] = product.stock + balance[code]
    cancelled = {s.cancels for s in plan.steps if s.kind == "cancel"}
    for step in plan.steps:
        plan.counts[step.kind] += 1
        if step.kind == "order" and step.invoice.number not in cancelled:
            plan.expected_revenue += sum(q * products[c].pence for c, q in step.lines.items())
            for line in step.invoice.lines:
                plan.revenue_at_line_prices += line.quantity * line.pence
                plan.price_differences[line.code] += line.quantity * (line.pence - products[line.code].pence)
        plan.refunds += step.refund_pence
        plan.counts[f"{step.kind} lines"] += len(step.lines)
    plan.counts["written off (no command)"] = len(plan.skipped)
    skipped = {inv.number for inv in plan.skipped}
    plan.csv_revenue_at_line_prices = sum(
        l.quantity * l.pence for inv in invoices for l in inv.lines if inv.number not in skipped
    )
    return plan


# -- building the shop -------------------------------------------------------------------
def build_shop(folder: Path, plan: Plan) -> tuple[dict[str, int], float]:
    """The shop of the CSV's products, through AddCategory / AddProducts.
    Returns the product ids by code and the seconds AddProducts took."""
    from core import open_shop
    from core.commands import AddCategory, AddProduct, AddProducts

    shop = open_shop(folder)
    try:
        category_ids: dict[tuple, int] = {}
        for parent, child in sorted({p.category for p in plan.products.values()}, key=str):
            if (parent, None) not in category_ids:
                category_ids[(parent, None)] = shop.dispatch(AddCategory(parent))
            if child is not None and (parent, child) not in category_ids:
                category_ids[(parent, child)] = shop.dispatch(AddCategory(child, category_ids[(parent, None)]))
        products = list(plan.products.values())
        t = time.perf_counter()
        ids = shop.dispatch(
            AddProducts(
                tuple(AddProduct(p.code, p.name, category_ids[p.category], p.pence, stock=p.stock) for p in products)
            )
        )
        seconds = time.perf_counter() - t
    finally:
        shop.close()
    return dict(zip((p.code for p in products), ids)), seconds


# -- replaying ---------------------------------------------------------------------------------
@cache
def _moment(when: str) -> datetime:
    return datetime.strptime(when, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)


class Clock:
    """The shop's clock stands at the invoice being replayed."""

    def __init__(self):
        self.now = datetime(2010, 12, 1, tzinfo=UTC)

    def set(self, when: str) -> None:
        self.now = _moment(when)

    def __call__(self) -> datetime:
        return self.now


class OursReplayer:
    def __init__(self, folder: Path, ids: dict[str, int]):
        from core import open_shop

        self.clock = Clock()
        self.shop = open_shop(folder, clock=self.clock)
        self.shop.batch_saves(events=SAVE_EVERY_EVENTS, seconds=SAVE_EVERY_SECONDS)
        self.ids = ids
        self.order_of: dict[str, int] = {}
        self.refused: list[str] = []

    def run(self, step: Step) -> None:
        from core.commands import CancelOrder, OrderLine, PlaceOrder, ReceiveStock
        from core.errors import ShopError

        self.clock.set(step.invoice.when)
        try:
            if step.kind == "order":
                self.order_of[step.invoice.number] = self.shop.dispatch(
                    PlaceOrder(tuple(OrderLine(self.ids[code], q) for code, q in step.lines.items()))
                )
            elif step.kind == "cancel":
                self.shop.dispatch(CancelOrder(self.order_of[step.cancels]))
            else:
                for code, q in step.lines.items():
                    self.shop.dispatch(ReceiveStock(self.ids[code], q))
        except ShopError as exc:
            self.refused.append(f"{step.invoice.number}: {exc}")

    def finish(self) -> None:
        self.shop.save_read_model()

    def close(self) -> None:
        self.shop.close()


class RawReplayer:
    """The same statements as the core's handlers, by hand with sqlite3, with
    the same durability (WAL, synchronous=FULL, BEGIN IMMEDIATE, one commit
    per command), the same stock ledger rows and the same outbox rows. No SQLAlchemy, no validation, no
    read model: the floor."""

    def __init__(self, db_file: Path, ids: dict[str, int]):
        self.conn = sqlite3.connect(db_file, isolation_level=None)
        for pragma in ("journal_mode=WAL", "foreign_keys=ON", "busy_timeout=10000", "synchronous=FULL"):
            self.conn.execute(f"PRAGMA {pragma}")
        self.ids = ids
        self.order_of: dict[str, int] = {}

    def _outbox(self, event_type: str, payload: dict, at: str) -> None:
        self.conn.execute(
            "INSERT INTO outbox (event_type, payload, recorded_at) VALUES (?, ?, ?)",
            (event_type, json.dumps(payload, ensure_ascii=False), at),
        )

    def run(self, step: Step) -> None:
        at = step.invoice.when.replace(" ", "T") + "+00:00"
        if step.kind == "return":
            for code, q in step.lines.items():
                self._command(self._receive, self.ids[code], q, at)
        elif step.kind == "order":
            self.order_of[step.invoice.number] = self._command(self._place, step.lines, at)
        else:
            self._command(self._cancel, self.order_of[step.cancels], at)

    def _ledger(self, moves: list[tuple], at: str) -> None:
        """The stock ledger rows (product, kind, signed quantity, stock after, order)."""
        self.conn.executemany(
            "INSERT INTO stock_movement (product_id, at, kind, quantity, stock_after, order_id) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(p, at, k, q, s, o) for p, k, q, s, o in moves],
        )

    def _command(self, body, *args):
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        try:
            result = body(*args)
            c.execute("COMMIT")
            return result
        except BaseException:
            c.execute("ROLLBACK")
            raise

    def _place(self, lines: dict[str, int], at: str) -> int:
        c, sold = self.conn, []
        wanted = {self.ids[code]: q for code, q in lines.items()}
        for pid in sorted(wanted):
            q = wanted[pid]
            row = c.execute(
                "UPDATE product SET stock = stock - ? WHERE id = ? AND stock >= ? "
                "RETURNING sku, name, price_cents, stock",
                (q, pid, q),
            ).fetchone()
            if row is None:
                raise RuntimeError(f"raw replay: product {pid} out of stock")
            sold.append(
                {
                    "product_id": pid,
                    "sku": row[0],
                    "name": row[1],
                    "quantity": q,
                    "unit_price_cents": row[2],
                    "stock_after": row[3],
                }
            )
        total = sum(s["quantity"] * s["unit_price_cents"] for s in sold)
        order_id = c.execute(
            "INSERT INTO shop_order (placed_at, status, total_cents) VALUES (?, ?, ?)", (at, "placed", total)
        ).lastrowid
        c.executemany(
            "INSERT INTO order_line (order_id, product_id, sku, name, quantity, unit_price_cents) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(order_id, s["product_id"], s["sku"], s["name"], s["quantity"], s["unit_price_cents"]) for s in sold],
        )
        self._ledger([(s["product_id"], "sold", -s["quantity"], s["stock_after"], order_id) for s in sold], at)
        self._outbox("OrderPlaced", {"order_id": order_id, "placed_at": at, "total_cents": total, "lines": sold}, at)
        return order_id

    def _cancel(self, order_id: int, at: str) -> None:
        c = self.conn
        c.execute("SELECT status FROM shop_order WHERE id = ?", (order_id,)).fetchone()
        if (
            c.execute(
                "UPDATE shop_order SET status = ? WHERE id = ? AND status = ?", ("cancelled", order_id, "placed")
            ).rowcount
            != 1
        ):
            raise RuntimeError(f"raw replay: order {order_id} not cancellable")
        restocked = []
        for pid, q in c.execute(
            "SELECT product_id, quantity FROM order_line WHERE order_id = ? ORDER BY product_id", (order_id,)
        ).fetchall():
            stock = c.execute("UPDATE product SET stock = stock + ? WHERE id = ? RETURNING stock", (q, pid)).fetchone()[
                0
            ]
            restocked.append({"product_id": pid, "quantity": q, "stock_after": stock})
        self._ledger([(r["product_id"], "cancelled", r["quantity"], r["stock_after"], order_id) for r in restocked], at)
        self._outbox("OrderCancelled", {"order_id": order_id, "cancelled_at": at, "restocked": restocked}, at)

    def _receive(self, pid: int, q: int, at: str) -> None:
        stock = self.conn.execute(
            "UPDATE product SET stock = stock + ? WHERE id = ? RETURNING stock", (q, pid)
        ).fetchone()[0]
        self._ledger([(pid, "received", q, stock, None)], at)
        self._outbox("StockReceived", {"product_id": pid, "quantity": q, "stock_after": stock}, at)

    def finish(self) -> None:
        pass

    def close(self) -> None:
        self.conn.close()


# -- checking --------------------------------------------------------------------------------
def _write_model_totals(db_file: Path) -> tuple[dict[str, int], int, int, Counter]:
    conn = sqlite3.connect(db_file)
    try:
        stock = dict(conn.execute("SELECT sku, stock FROM product"))
        revenue = conn.execute(
            "SELECT COALESCE(SUM(total_cents), 0) FROM shop_order WHERE status = 'placed'"
        ).fetchone()[0]
        by_lines = conn.execute(
            "SELECT COALESCE(SUM(l.quantity * l.unit_price_cents), 0) FROM order_line l "
            "JOIN shop_order o ON o.id = l.order_id WHERE o.status = 'placed'"
        ).fetchone()[0]
        statuses = Counter(dict(conn.execute("SELECT status, COUNT(*) FROM shop_order GROUP BY status")))
        return stock, revenue, by_lines, statuses
    finally:
        conn.close()


def check(plan: Plan, data_dir: Path, shop) -> list[tuple[str, bool, str]]:
    """(what, ok, detail) for stock and revenue in every model."""
    from core.queries import GetOrders, GetProducts
    from core.read_model import documents as docs
    from core.read_model.storage import ShardedJSONStorage
    from core.write_model.reading import last_position

    results = []
    expected_stock, expected_revenue = plan.expected_stock, plan.expected_revenue
    placed = plan.counts["order"] - plan.counts["cancel"]

    def stock_check(label, stock: dict[str, int]):
        wrong = {c: (stock.get(c), s) for c, s in expected_stock.items() if stock.get(c) != s}
        results.append(
            (
                f"{label}: stock of all {len(expected_stock):,} products",
                not wrong,
                "all equal" if not wrong else f"{len(wrong)} differ, e.g. {list(wrong.items())[:3]}",
            )
        )

    def revenue_check(label, revenue: int):
        results.append(
            (
                f"{label}: revenue (placed orders)",
                revenue == expected_revenue,
                f"{_pounds(revenue)} vs {_pounds(expected_revenue)} expected",
            )
        )

    stock, revenue, by_lines, statuses = _write_model_totals(data_dir / "shop.sqlite3")
    stock_check("write model", stock)
    revenue_check("write model", revenue)
    revenue_check("write model, from order lines", by_lines)
    results.append(
        (
            "write model: orders placed / cancelled",
            (statuses["placed"], statuses["cancelled"]) == (placed, plan.counts["cancel"]),
            f"{statuses['placed']:,} / {statuses['cancelled']:,}",
        )
    )

    views = shop.ask(GetProducts())
    stock_check("read model (queries)", {v.sku: v.stock for v in views})
    orders = shop.ask(GetOrders())
    revenue_check("read model (queries)", sum(o.total_cents for o in orders if o.status == "placed"))

    position = last_position(shop._engine)
    shop.close()
    files = ShardedJSONStorage(data_dir / "read_model", docs.SCHEMA_VERSION)
    files.load()
    tables = files.read()
    results.append(
        (
            "read model files: checkpoint = last outbox position",
            files.checkpoint == position,
            f"{files.checkpoint:,} / {position:,}",
        )
    )
    stock_check(
        "read model files",
        {d["sku"]: d["stock"] for n, t in tables.items() if n.startswith(docs.PRODUCTS_PREFIX) for d in t.values()},
    )
    revenue_check(
        "read model files",
        sum(
            d["total_cents"]
            for n, t in tables.items()
            if n.startswith(docs.ORDERS_PREFIX)
            for d in t.values()
            if d["status"] == "placed"
        ),
    )
    return results


def _pounds(pence: int) -> str:
    sign = "-" if pence < 0 else ""
    return f"{sign}£{abs(pence) // 100:,}.{abs(pence) % 100:02d}"


# -- the whole run ---------------------------------------------------------------------------
@dataclass
class ReplayResult:
    invoices: int
    commands: int
    ours_ms: list[float]  # per invoice
    raw_ms: list[float]
    ours_seconds: float  # all invoices, final save included
    raw_seconds: float
    build_seconds: float
    checks: list[tuple[str, bool, str]]
    raw_checks: list[tuple[str, bool, str]]
    refused: list[str]
    plan: Plan

    @property
    def ours_rate(self) -> float:
        return self.invoices / self.ours_seconds

    @property
    def raw_rate(self) -> float:
        return self.invoices / self.raw_seconds

    def summary(self) -> str:
        p = self.plan
        prices = defaultdict(set)
        for step in p.steps:
            for line in step.invoice.lines:
                prices[line.code].add(line.pence)
        multi_priced = sum(1 for v in prices.values() if len(v) > 1)
        largest = ", ".join(
            f"{code} {_pounds(diff)}"
            for code, diff in sorted(p.price_differences.items(), key=lambda kv: -abs(kv[1]))[:4]
        )
        lines = [
            f"Replay of {self.invoices:,} of the CSV's {self.invoices + len(p.skipped):,} invoices "
            f"({self.commands:,} commands): "
            f"{p.counts['order']:,} PlaceOrder ({p.counts['order lines']:,} merged lines), "
            f"{p.counts['cancel']:,} C invoices as CancelOrder of an earlier order, "
            f"{p.counts['return']:,} C invoices as returns ({p.counts['return lines']:,} ReceiveStock "
            f"+ refunds of {_pounds(p.refunds)} kept by the benchmark), "
            f"{len(p.skipped):,} write-off invoices left out (no command for them).",
            f"Shop: {len(p.products):,} products (one per StockCode) added with one AddProducts "
            f"in {self.build_seconds:.2f} s; starting stock computed from the data.",
            f"Ours: {self.ours_rate:,.0f} invoices/s ({self.ours_seconds:.1f} s, read model saved every "
            f"{SAVE_EVERY_SECONDS:g} s or {SAVE_EVERY_EVENTS:,} events and at the end); raw sqlite3: "
            f"{self.raw_rate:,.0f} invoices/s ({self.raw_seconds:.1f} s). Refused commands: "
            f"{len(self.refused)}.",
            f"Revenue of the placed orders: {_pounds(p.expected_revenue)} = the CSV's quantities at catalog "
            f"prices (what both models must hold). The same orders at the CSV's own line prices: "
            f"{_pounds(p.revenue_at_line_prices)}: {multi_priced:,} of the {len(p.products):,} codes appear "
            f"at several prices (quantity breaks, postage, manual lines), and an order line is priced from "
            f"the catalog (no price changes in the core yet); largest differences: {largest}. "
            f"Refunds of returns, outside the models: {_pounds(p.refunds)}. The whole CSV at line prices "
            f"(C lines negative, write-offs left out): {_pounds(p.csv_revenue_at_line_prices)}.",
            "Checks:",
            *(f"  [{'OK' if ok else 'FAIL'}] {what}: {detail}" for what, ok, detail in self.checks),
            *(f"  [{'OK' if ok else 'FAIL'}] raw baseline {what}: {detail}" for what, ok, detail in self.raw_checks),
        ]
        if p.notes:
            lines += ["Data notes:", *(f"  {n}" for n in p.notes[:20])]
            if len(p.notes) > 20:
                lines.append(f"  ... and {len(p.notes) - 20} more")
        if self.refused:
            lines += ["Refused:", *(f"  {r}" for r in self.refused[:10])]
        return "\n".join(lines)


def dataset_path(given: str | None = None) -> Path | None:
    path = Path(given or os.environ.get(DATASET_ENV) or DATASET)
    return path if path.exists() else None


def run(dataset: Path, chunk: int = 500, log=print) -> ReplayResult:
    notes: list[str] = []
    invoices = read_invoices(dataset, notes)
    plan = plan_replay(invoices, notes)
    with tempfile.TemporaryDirectory(prefix="bench-replay-") as tmp:
        tmp = Path(tmp)
        ids, build_seconds = build_shop(tmp / "ours", plan)
        shutil.copytree(tmp / "ours", tmp / "raw", ignore=shutil.ignore_patterns("read_model"))
        os.sync()
        ours = OursReplayer(tmp / "ours", ids)
        raw = RawReplayer(tmp / "raw" / "shop.sqlite3", ids)
        times = {"ours": [], "raw": []}
        totals = {"ours": 0.0, "raw": 0.0}
        try:
            steps = plan.steps
            for start in range(0, len(steps), chunk):
                # Alternate which goes first, so both see the same conditions.
                sides = (("ours", ours), ("raw", raw))
                if (start // chunk) % 2:
                    sides = sides[::-1]
                for name, replayer in sides:
                    spent = times[name]
                    began = time.perf_counter()
                    for step in steps[start : start + chunk]:
                        t = time.perf_counter_ns()
                        replayer.run(step)
                        spent.append((time.perf_counter_ns() - t) / 1e6)
                    totals[name] += time.perf_counter() - began
            for name, replayer in (("ours", ours), ("raw", raw)):
                began = time.perf_counter()
                replayer.finish()
                totals[name] += time.perf_counter() - began
            log(f"    replay: ours {totals['ours']:.1f} s, raw {totals['raw']:.1f} s")
            checks = check(plan, tmp / "ours", ours.shop)
        finally:
            ours.close()
            raw.close()
        stock, revenue, _by_lines, _statuses = _write_model_totals(tmp / "raw" / "shop.sqlite3")
        raw_checks = [
            ("stock", stock == plan.expected_stock, "all equal" if stock == plan.expected_stock else "differs"),
            ("revenue", revenue == plan.expected_revenue, _pounds(revenue)),
        ]
    commands = sum(len(s.lines) if s.kind == "return" else 1 for s in plan.steps)
    return ReplayResult(
        len(plan.steps),
        commands,
        times["ours"],
        times["raw"],
        totals["ours"],
        totals["raw"],
        build_seconds,
        checks,
        raw_checks,
        ours.refused,
        plan,
    )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", help=f"the CSV (default: ${DATASET_ENV} or {DATASET})")
    ap.add_argument("--chunk", type=int, default=500, help="invoices per alternating chunk")
    args = ap.parse_args(argv)
    dataset = dataset_path(args.dataset)
    if dataset is None:
        print("The Online Retail sample is not there; nothing to replay.")
        return 0
    result = run(dataset, args.chunk)
    print(result.summary())
    return 0 if all(ok for _w, ok, _d in result.checks + result.raw_checks) and not result.refused else 1


if __name__ == "__main__":
    sys.exit(main())
