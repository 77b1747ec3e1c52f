"""The demo shop with months of trading behind it, so every tab and report
has something to show: about 30 orders a day, paid by card, cash (the
change worked out) or other, some in a customer's name, a few discounted,
left unpaid, fulfilled, returned or cancelled; the till opened each
morning and cashed up each evening; deliveries when stock runs low.

Everything goes through commands, as a till would send them, with the
dispatcher's clock set to each moment (``DemoClock``), so the read model is
what projection makes of real events and a rebuild gives the same. The
shop does not flush its commits to the disk while it is built
(``Shop.stop_flushing_commits``: a few seconds instead of a minute); it is
a demo, made to be thrown away.
"""

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from core.demo import seed_demo_shop
from core.demo_ru import FIRST_NAMES_RU, SURNAMES_RU, customer_name_ru
from core.domain.denominations import quick_cash
from core.domain.pricing import Discount
from core.errors import ShopError
from core.messages.commands import (
    CARD,
    CASH,
    OTHER,
    AddCustomer,
    CancelOrder,
    CloseTill,
    FulfilOrder,
    OpenTill,
    OrderLine,
    PlaceOrder,
    ReceiveStock,
    RecordPayment,
    ReturnItems,
    ReturnLine,
)
from core.messages.queries import GetOrder, GetProducts, GetShopSettings, GetTillReport

SEED = 20260907
DAYS = 91  # three months
ORDERS_PER_DAY = 30
OPENING_FLOAT = 10_000
# How a day's trade differs from the average, Monday first: a busy Saturday, a quiet Sunday.
WEEKDAY_TRADE = (0.8, 0.8, 0.9, 1.0, 1.2, 1.5, 0.8)

FIRST_NAMES = (
    "Ann", "Bob", "Chloé", "David", "Eilidh", "Farah", "George", "Hannah", "Ian", "Jia",
    "Kofi", "Lucy", "Mohammed", "Niamh", "Oliver", "Priya", "Rhys", "Sofia", "Tomasz", "Uma",
)  # fmt: skip
SURNAMES = (
    "Smith", "Jones", "Martin", "Williams", "Brown", "Khan", "Taylor", "Wilson", "Evans", "Nowak",
    "Murphy", "Patel", "Roberts", "Walker", "Wright",
)  # fmt: skip


class DemoClock:
    """The dispatcher's clock while the demo is built: the moment each command happens."""

    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@dataclass
class _Trade:
    """What the builder keeps track of between commands."""

    shop: Any  # core.shop.Shop
    clock: DemoClock
    rng: random.Random
    stock: dict[int, int]  # product id -> units left
    reorder: dict[int, int]  # product id -> reorder level
    prices: dict[int, int]
    customers: list[int] = field(default_factory=list)
    returns_due: dict[date, list[tuple[int, int]]] = field(default_factory=dict)  # day -> (order, product)
    currency: str = "GBP"
    delivery_note: str = "Weekly delivery"

    def at(self, moment: datetime):
        self.clock.now = moment
        return self

    def send(self, command):
        return self.shop.dispatch(command)


def build_demo_shop(
    data_dir,
    *,
    days: int | None = None,
    orders_per_day: int = ORDERS_PER_DAY,
    today: date | None = None,
    seed: int = SEED,
    language: str = "en",
) -> None:
    """Make the demo shop in ``data_dir`` (an empty folder): the demo catalog,
    customers, and ``days`` days of trading up to yesterday. Raises
    InvalidCommand (changing nothing) when the shop there is not empty.
    ``days`` None: ``DAYS`` as the module has it when called. ``language``
    "ru": the Russian demo shop, in roubles (core/demo_ru.py)."""
    days = DAYS if days is None else days
    today = today or datetime.now(UTC).date()
    first_day = today - timedelta(days=days)
    clock = DemoClock(datetime.combine(first_day, time(8, 0), UTC))
    from core.shop import open_shop  # the one place that builds a shop

    shop = open_shop(Path(data_dir), clock=clock)
    try:
        shop.stop_flushing_commits()  # a demo: no fsync per commit while it is built
        shop.save_after_each_command = False  # saved once, when closed
        seed_demo_shop(shop, language)
        trade = _start(shop, clock, random.Random(seed), language)
        for offset in range(days):
            _trade_one_day(trade, first_day + timedelta(days=offset), orders_per_day)
    finally:
        shop.close()


def _start(shop, clock: DemoClock, rng: random.Random, language: str = "en") -> _Trade:
    products = shop.ask(GetProducts())
    trade = _Trade(
        shop,
        clock,
        rng,
        stock={p.id: p.stock for p in products},
        reorder={p.id: p.reorder_level for p in products},
        prices={p.id: p.price_cents for p in products},
        currency=shop.ask(GetShopSettings()).currency_code,
    )
    for n in range(40):
        first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
        phone = f"07700 900{n:03d}" if rng.random() < 0.7 else None
        email = f"{first.lower()}.{last.lower()}{n}@example.com" if rng.random() < 0.5 else None
        name = f"{first} {last}"
        if language == "ru":
            first, last = rng.choice(FIRST_NAMES_RU), rng.choice(SURNAMES_RU)
            name = customer_name_ru(first, last)
            phone = f"+7 900 000-{n // 100:02d}-{n % 100:02d}" if phone else None
            email = f"client{n}@example.ru" if email else None
        trade.customers.append(trade.send(AddCustomer(name, phone, email)))
    trade.delivery_note = "Еженедельная поставка" if language == "ru" else "Weekly delivery"
    return trade


def _trade_one_day(trade: _Trade, day: date, orders_per_day: int) -> None:
    rng = trade.rng
    opening = datetime.combine(day, time(8, 50), UTC)
    if day.weekday() == 0:  # Monday's delivery: whatever ran low
        _restock(trade.at(opening - timedelta(minutes=20)))
    trade.at(opening).send(OpenTill(OPENING_FLOAT))
    count = max(1, round(orders_per_day * WEEKDAY_TRADE[day.weekday()] * rng.uniform(0.85, 1.15)))
    minutes = sorted(rng.uniform(10, 8.5 * 60) for _ in range(count))
    for order_id, product_id in trade.returns_due.pop(day, []):
        _return(trade.at(opening + timedelta(minutes=15)), order_id, product_id)
    for minute in minutes:
        _sell(trade.at(opening + timedelta(minutes=minute)), day)
    closing = datetime.combine(day, time(17, 45), UTC)
    expected = trade.shop.ask(GetTillReport()).expected_cash_cents
    trade.at(closing).send(CloseTill(expected))  # a blind count that agrees


def _restock(trade: _Trade) -> None:
    """What is at or below its reorder level, most of it: the supplier is out
    of the rest, so the Low stock tab always has something on it."""
    for product_id, left in trade.stock.items():
        level = trade.reorder[product_id]
        if left <= level and trade.rng.random() < 0.6:
            quantity = max(12, level * 4)
            trade.send(ReceiveStock(product_id, quantity, trade.delivery_note))
            trade.stock[product_id] = left + quantity


def _sell(trade: _Trade, day: date) -> None:
    rng = trade.rng
    in_stock = [p for p, left in trade.stock.items() if left >= 2]
    if not in_stock:
        return
    chosen = rng.sample(in_stock, k=min(len(in_stock), rng.choices((1, 2, 3), weights=(55, 30, 15))[0]))
    lines = []
    for product_id in chosen:
        quantity = 2 if rng.random() < 0.15 else 1
        discount = Discount.percent(1000) if rng.random() < 0.05 else None  # 10% off a line now and then
        lines.append(OrderLine(product_id, quantity, discount))
    customer = rng.choice(trade.customers) if rng.random() < 0.3 else None
    try:
        order_id = trade.send(PlaceOrder(tuple(lines), customer_id=customer))
    except ShopError:
        return  # cannot happen with the stock tracked here; a demo never stops for it
    for line in lines:
        trade.stock[line.product_id] -= line.quantity
    if rng.random() < 0.03:
        return  # left unpaid: the Orders tab shows money due
    due = trade.shop.ask(GetOrder(order_id)).due_cents
    method = rng.choices((CARD, CASH, OTHER), weights=(60, 35, 5))[0]
    tendered = None
    if method == CASH:
        notes = quick_cash(due, trade.currency)
        tendered = rng.choice(notes) if notes and rng.random() < 0.7 else None
    trade.send(RecordPayment(order_id, method, due, tendered))
    roll = rng.random()
    if roll < 0.01:
        trade.send(CancelOrder(order_id))
        for line in lines:
            trade.stock[line.product_id] += line.quantity
    elif roll < 0.03:
        back = day + timedelta(days=rng.randint(1, 5))
        trade.returns_due.setdefault(back, []).append((order_id, lines[0].product_id))
    elif customer is not None and roll < 0.25:
        trade.send(FulfilOrder(order_id))


def _return(trade: _Trade, order_id: int, product_id: int) -> None:
    reason = trade.rng.choice(("unwanted", "faulty", "wrong item"))
    try:
        trade.send(ReturnItems(order_id, (ReturnLine(product_id, 1),), reason=reason))
    except ShopError:
        return  # cancelled or fulfilled meanwhile: nothing to return
    trade.stock[product_id] += 1
