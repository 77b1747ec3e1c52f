"""Every fast path gives the same results as the plain way (core/fast_paths.py,
docs/adr/).

One realistic day of trading is run with every fast path on, then again with
each one off and with all off: every command's answer (refusals included),
every query's answer at three moments, every row of the write model and the
bytes of every saved read-model file must be identical. A second till
trades in the middle of the day, and the shop is closed and opened again.

The switches are also shown to be honoured (the plain way really is taken),
or the equality above would prove nothing.
"""

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from core import FastPaths, open_shop
from core.commands import (
    AddCategory,
    AddCustomer,
    AddProduct,
    AddProducts,
    AddStaff,
    AdjustStock,
    ArchiveProduct,
    CancelOrder,
    Discount,
    FulfilOrder,
    OrderLine,
    PlaceOrder,
    ReceiveStock,
    RecordPayment,
    RestoreProduct,
    ReturnItems,
    ReturnLine,
    SetCategoryTaxRate,
    UpdateCustomer,
    UpdateProduct,
    UpdateShopSettings,
    UpdateStaff,
)
from core.domain.report_periods import GROUPS as REPORT_GROUPS
from core.errors import ShopError
from core.queries import (
    FindProductByCode,
    GetCategories,
    GetCustomer,
    GetCustomers,
    GetLowStock,
    GetOrder,
    GetOrders,
    GetProduct,
    GetProducts,
    GetProductsByIds,
    GetReceipt,
    GetSalesReport,
    GetShopSettings,
    GetStaff,
    GetStaffMember,
    GetStockHistory,
    QuoteOrder,
)
from core.read_model import documents as docs
from core.read_model.projector import ReadModel
from core.write_model import direct

# The all-on shop is built once for the module (a SQLite folder), before any test database.
pytestmark = pytest.mark.sqlite_only

OFF = {"all_off": FastPaths.all_off(), **{f"{name}_off": FastPaths().without(name) for name in FastPaths.names()}}


class SteppingClock:
    """2024-03-01 09:00 UTC, moved on by the scenario between commands (never
    by being read, so both runs get the same times however often they ask)."""

    def __init__(self):
        self.now = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def tick(self) -> None:
        self.now += timedelta(minutes=7)


class Day:
    """Runs commands and queries and writes down every answer."""

    def __init__(self, clock: SteppingClock):
        self.clock = clock
        self.transcript: list = []

    def do(self, shop, command, approved_by=None):
        self.clock.tick()
        try:
            result = shop.dispatch(command, approved_by=approved_by)
        except ShopError as exc:
            self.transcript.append((command, "refused", type(exc).__name__, str(exc)))
            return None
        self.transcript.append((command, result))
        return result

    def sign_in(self, shop, staff_id, pin):
        self.clock.tick()
        try:
            self.transcript.append((("sign in", staff_id, pin), shop.sign_in(staff_id, pin)))
        except ShopError as exc:
            self.transcript.append((("sign in", staff_id, pin), "refused", type(exc).__name__, str(exc)))

    def ask(self, shop, query):
        try:
            return shop.ask(query)
        except ShopError as exc:
            return ("refused", type(exc).__name__, str(exc))


def answers(shop, day: Day) -> dict:
    """What every query says now."""
    ask = lambda query: day.ask(shop, query)  # noqa: E731
    products = ask(GetProducts())
    archived = ask(GetProducts(archived=True))
    everything = products + archived
    orders = ask(GetOrders())
    customers = ask(GetCustomers())
    categories = ask(GetCategories())
    return {
        "categories": categories,
        "products": products,
        "archived": archived,
        "by_category": {c.id: ask(GetProducts(category_id=c.id)) for c in categories},
        "search": [ask(GetProducts(search=term)) for term in ("mug", "CAFE", "tr")],
        "product": {p.id: ask(GetProduct(p.id)) for p in everything},
        "by_ids": ask(GetProductsByIds(tuple(sorted(p.id for p in everything)))),
        "by_code": [ask(FindProductByCode(code)) for code in ("MUG-1", "5012345678900", "NOPE")],
        "low_stock": ask(GetLowStock()),
        "history": {p.id: ask(GetStockHistory(p.id)) for p in everything},
        "orders": orders,
        "orders_filtered": [ask(GetOrders(status=status)) for status in ("placed", "paid", "fulfilled", "cancelled")]
        + [ask(GetOrders(date_from=date(2024, 3, 1), date_to=date(2024, 3, 1)))]
        + [ask(GetOrders(customer_id=c.id)) for c in customers],
        "order": {o.id: ask(GetOrder(o.id)) for o in orders},
        "receipt": {o.id: ask(GetReceipt(o.id)) for o in orders},
        "customers": customers,
        "customer": {c.id: ask(GetCustomer(c.id)) for c in customers},
        "customers_found": ask(GetCustomers(search="ada")),
        "settings": ask(GetShopSettings()),
        "staff": ask(GetStaff()),
        "staff_members": [ask(GetStaffMember(staff_id)) for staff_id in (1, 2, 3, 4)],
        "reports": [ask(GetSalesReport(date(2024, 2, 1), date(2024, 4, 30), group)) for group in REPORT_GROUPS],
        "quotes": [
            ask(QuoteOrder(tuple(OrderLine(p.id, 1, Discount.percent(1250)) for p in products), Discount.amount(100))),
            ask(QuoteOrder((OrderLine(products[0].id, 10_000),))),
        ],
    }


def write_model(db_file: Path) -> dict:
    """Every row of every table; a PIN hash (salted: never the same twice)
    as whether it is there; not the shop's identity (random, and where the
    file is); commands' request ids (random) as their answers and times, in
    the order they were done."""
    conn = sqlite3.connect(db_file)
    try:
        tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        found = {}
        for table in tables:
            if table == "shop_identity":
                continue
            if table == "command_request":
                found[table] = conn.execute(f"SELECT result, recorded_at FROM {table} ORDER BY rowid").fetchall()
                continue
            cursor = conn.execute(f"SELECT * FROM {table} ORDER BY 1")
            columns = [d[0] for d in cursor.description]
            rows = cursor.fetchall()
            if "pin_hash" in columns:
                at = columns.index("pin_hash")
                rows = [row[:at] + (bool(row[at]),) + row[at + 1 :] for row in rows]
            found[table] = rows
        return found
    finally:
        conn.close()


def read_model_files(folder: Path) -> dict:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.json"))}


def trade(folder: Path, fast_paths: FastPaths) -> dict:
    """The day, run in a new shop in ``folder``; everything it leaves behind."""
    clock = SteppingClock()
    day = Day(clock)
    do = day.do
    seen = {}

    def opened():
        return open_shop(folder, clock=clock, fast_paths=fast_paths)

    shop = opened()
    try:
        do(shop, UpdateShopSettings("Corner Shop", "1 High Street\nTown", "GBP", "£", 2000, True))
        kitchen = do(shop, AddCategory("Kitchen"))
        mugs = do(shop, AddCategory("Mugs", parent_id=kitchen))
        garden = do(shop, AddCategory("Garden"))
        books = do(shop, AddCategory("Books"))
        do(shop, SetCategoryTaxRate(books, 0))
        mug = do(
            shop, AddProduct("MUG-1", "Blue Enamel Mug", mugs, 850, stock=20, barcode="5012345678900", reorder_level=5)
        )
        teapot = do(shop, AddProduct("TEA-1", "Café Teapot", kitchen, 2499, stock=6, tax_rate_bp=500))
        trowel = do(shop, AddProduct("TRW-1", "Hand Trowel", garden, 1200, stock=10, cost_price_cents=700))
        book = do(shop, AddProduct("BK-1", "Garden Birds", books, 1599, stock=4, reorder_level=2))
        plate = do(shop, AddProduct("PLT-1", "Dinner Plate", kitchen, 425))
        do(
            shop,
            AddProducts(
                (
                    AddProduct("MUG-2", "Red Mug", mugs, 900, stock=3, reorder_level=4),
                    AddProduct("SEED-1", "Sunflower Seeds", garden, 199, stock=50),
                    AddProduct("BK-2", "Pond Life", books, 1250, stock=2),
                )
            ),
        )
        ada = do(shop, AddCustomer("Ada Lovelace", "01234 567890", "ada@example.com"))
        bob = do(shop, AddCustomer("Bob Ross", note="paints"))

        first = do(shop, PlaceOrder((OrderLine(mug, 2), OrderLine(trowel, 1))))
        total = shop.ask(GetOrder(first)).total_cents
        do(shop, RecordPayment(first, "cash", total, tendered_cents=total + 500))
        big = PlaceOrder(
            (
                OrderLine(mug, 3, Discount.percent(1000)),
                OrderLine(teapot, 1, Discount.amount(200)),
                OrderLine(book, 1),
                OrderLine(mug, 1, Discount.percent(1000)),
            ),
            customer_id=ada,
            order_discount=Discount.percent(500),
            request_id="counter-2",
        )
        second = do(shop, big)
        do(shop, big)  # the same request again: the same order, nothing new
        due = shop.ask(GetOrder(second)).total_cents
        do(shop, RecordPayment(second, "card", due // 2))
        do(shop, RecordPayment(second, "cash", due - due // 2))
        do(shop, FulfilOrder(second))
        do(shop, ReturnItems(second, (ReturnLine(mug, 2),), "faulty", "chipped"))

        do(shop, UpdateShopSettings("Corner Shop", "1 High Street\nTown", "GBP", "£", 500, False))
        do(shop, SetCategoryTaxRate(kitchen, 1000))
        third = do(
            shop,
            PlaceOrder((OrderLine(teapot, 1), OrderLine(mug, 1)), customer_id=bob, order_discount=Discount.amount(150)),
        )
        do(shop, CancelOrder(third))
        do(shop, PlaceOrder((OrderLine(plate, 1),)))  # refused: none in stock
        do(shop, PlaceOrder((OrderLine(book, 10), OrderLine(mug, 1))))  # refused: only 3 left
        do(shop, ReceiveStock(plate, 12, "delivery 42"))
        do(shop, AdjustStock(trowel, "damaged", change=-2, note="rusty"))
        do(shop, AdjustStock(book, "stock-take", counted=7, seen_stock=1))  # refused: stale count
        do(shop, AdjustStock(book, "stock-take", counted=7, seen_stock=shop.ask(GetProduct(book)).stock))
        do(shop, UpdateProduct(teapot, "TEA-1", "Café Teapot", kitchen, 2599, tax_rate_bp=None))
        do(shop, ArchiveProduct(trowel))
        do(shop, PlaceOrder((OrderLine(trowel, 1),)))  # refused: archived
        do(shop, UpdateCustomer(ada, "Ada King", "01234 567890", "ada@example.com", "countess"))
        fourth = do(
            shop,
            PlaceOrder(
                (OrderLine(teapot, 2), OrderLine(plate, 3, Discount.amount(25))),
                customer_id=ada,
                request_id="counter-4",
            ),
        )
        do(shop, RecordPayment(fourth, "other", shop.ask(GetOrder(fourth)).total_cents))

        # Another till on the same files: a sale and a rate change this shop
        # has not seen; its next order must use the new rate.
        other = opened()
        try:
            do(other, PlaceOrder((OrderLine(mug, 1),)))
            do(other, SetCategoryTaxRate(mugs, 2000))
        finally:
            other.close()
        do(shop, PlaceOrder((OrderLine(mug, 1), OrderLine(book, 1))))
        do(shop, SetCategoryTaxRate(mugs, None))
        seen["before_close"] = answers(shop, day)
    finally:
        shop.close()

    # Opened again: the stock histories are on disk now; sales append to them.
    shop = opened()
    try:
        fifth = do(shop, PlaceOrder((OrderLine(plate, 2), OrderLine(book, 1), OrderLine(mug, 1)), customer_id=bob))
        do(shop, RecordPayment(fifth, "card", shop.ask(GetOrder(fifth)).total_cents))
        do(shop, ReturnItems(fifth, (ReturnLine(plate, 1),), "unwanted"))
        do(shop, RestoreProduct(trowel))
        do(shop, ReceiveStock(trowel, 4))
        do(shop, PlaceOrder((OrderLine(trowel, 1),)))

        # Staff from here on: the owner first, then a cashier who sells, is
        # refused what needs a manager unless one approves, and is
        # deactivated by another till while signed in here (the roster this
        # till's dispatcher keeps must not let her go on).
        olive = do(shop, AddStaff("Olive Owner", "owner", "1111"))
        do(shop, AddCategory("Toys"))  # refused: nobody signed in
        day.sign_in(shop, olive, "1111")
        cara = do(shop, AddStaff("Cara Cashier", "cashier", "3333"))
        max_ = do(shop, AddStaff("Max Manager", "manager", "2222"))
        day.sign_in(shop, cara, "0000")  # refused: not her PIN
        day.sign_in(shop, cara, "3333")
        sixth = do(shop, PlaceOrder((OrderLine(mug, 1),), customer_id=bob))
        do(shop, CancelOrder(sixth))  # refused: needs a manager
        do(shop, CancelOrder(sixth), approved_by=(max_, "2222"))
        other = opened()
        try:
            day.sign_in(other, max_, "2222")
            do(other, UpdateStaff(cara, "Cara Cashier", "cashier", False))
        finally:
            other.close()
        do(shop, PlaceOrder((OrderLine(mug, 1),)))  # refused: she can no longer sign in
        day.sign_in(shop, olive, "1111")
        do(shop, UpdateStaff(cara, "Cara Jones", "cashier", True))
        day.sign_in(shop, cara, "3333")
        do(shop, PlaceOrder((OrderLine(mug, 1),)))
        seen["after_reopen"] = answers(shop, day)
    finally:
        shop.close()

    shop = opened()  # and once more, only to read
    try:
        seen["last_opening"] = answers(shop, day)
    finally:
        shop.close()
    return {
        "transcript": day.transcript,
        **seen,
        "write_model": write_model(folder / "shop.sqlite3"),
        "read_model_files": read_model_files(folder / "read_model"),
    }


@pytest.fixture(scope="module")
def all_on(tmp_path_factory) -> dict:
    return trade(tmp_path_factory.mktemp("all_on") / "shop", FastPaths())


def test_the_day_is_a_real_one(all_on):
    """The scenario does what it says: refusals, orders of every kind, history files."""
    refused = [entry for entry in all_on["transcript"] if entry[1] == "refused"]
    assert [entry[3] for entry in refused] == [
        "Dinner Plate is out of stock.",
        "Only 3 left of Garden Birds.",
        "Stock of Garden Birds changed from 1 to 3 while you counted; please count again.",
        "Hand Trowel is archived: restore it before selling it.",
        "Sign in first: once a shop has staff, each of them signs in to use it.",
        "That PIN is not right: 4 more tries before sign-in pauses.",
        "Cancelling an order needs a manager: ask one to approve it.",
        "Cara Cashier can no longer sign in: sign in as someone else.",
    ]
    statuses = {o.status for o in all_on["last_opening"]["orders"]}
    assert statuses == {"placed", "paid", "fulfilled", "cancelled"}
    assert any(name.startswith("history_") for name in all_on["read_model_files"])
    assert len(all_on["write_model"]["outbox"]) > 40


@pytest.mark.parametrize("fast_paths", OFF.values(), ids=OFF.keys())
def test_each_fast_path_off_gives_identical_results(all_on, fast_paths, tmp_path):
    plain = trade(tmp_path / "shop", fast_paths)
    for key in all_on:
        if key in ("before_close", "after_reopen", "last_opening"):
            for query, answer in all_on[key].items():
                assert plain[key][query] == answer, f"{key}: {query} differs"
        elif key == "write_model":
            for table, rows in all_on[key].items():
                assert plain[key][table] == rows, f"write model table {table} differs"
        elif key == "read_model_files":
            assert plain[key].keys() == all_on[key].keys()
            for name, data in all_on[key].items():
                assert plain[key][name] == data, f"read-model file {name} differs"
        else:
            assert plain[key] == all_on[key], f"{key} differs"


# -- each switch is honoured: the plain way is really taken -----------------------------------


def _sell(shop):
    category = shop.dispatch(AddCategory("Kitchen"))
    mug = shop.dispatch(AddProduct("MUG-1", "Mug", category, 850, stock=10))
    for _ in range(3):
        shop.dispatch(PlaceOrder((OrderLine(mug, 1),)))
    return mug


@pytest.mark.parametrize("on", [True, False], ids=["on", "off"])
def test_direct_sql_switch(tmp_path, monkeypatch, on):
    plain_runs = []
    real = direct._PlainCursor
    monkeypatch.setattr(direct, "_PlainCursor", lambda result: plain_runs.append(1) or real(result))
    shop = open_shop(tmp_path / "shop", fast_paths=FastPaths(direct_sql=on))
    try:
        _sell(shop)
    finally:
        shop.close()
    assert (len(plain_runs) == 0) if on else (len(plain_runs) > 0)


@pytest.mark.parametrize("on", [True, False], ids=["on", "off"])
def test_dispatcher_cache_switch(tmp_path, monkeypatch, on):
    from core.handlers import settings as settings_handlers

    reads = []
    real = settings_handlers.from_rows
    monkeypatch.setattr(settings_handlers, "from_rows", lambda rows: reads.append(1) or real(rows))
    shop = open_shop(tmp_path / "shop", fast_paths=FastPaths(dispatcher_cache=on))
    try:
        _sell(shop)
        assert (shop._dispatcher._kept is not None) == on
        reader = shop._read_model._reader
        readers = 1 if reader is not None and reader._conn is not None else 0
        # Besides the projector's reader: on, the dispatcher's own connection.
        assert shop._engine.pool.checkedout() - readers == (1 if on else 0)
    finally:
        shop.close()
    assert len(reads) == (1 if on else 3)


@pytest.mark.parametrize("on", [True, False], ids=["on", "off"])
def test_committed_events_switch(tmp_path, monkeypatch, on):
    shop = open_shop(tmp_path / "shop", fast_paths=FastPaths(committed_events=on))
    try:
        category = shop.dispatch(AddCategory("Kitchen"))
        reads = []
        real = ReadModel._events_after
        monkeypatch.setattr(
            ReadModel,
            "_events_after",
            lambda self, engine, position: reads.append(position) or real(self, engine, position),
        )
        shop.dispatch(AddProduct("MUG-1", "Mug", category, 850, stock=10))
        assert shop.ask(GetProducts())[0].stock == 10
    finally:
        shop.close()
    assert (reads == []) if on else (len(reads) == 1)


@pytest.mark.parametrize("on", [True, False], ids=["on", "off"])
def test_lazy_history_switch(tmp_path, on):
    folder = tmp_path / "shop"
    shop = open_shop(folder, fast_paths=FastPaths(lazy_history=on))
    try:
        mug = _sell(shop)
    finally:
        shop.close()
    shop = open_shop(folder, fast_paths=FastPaths(lazy_history=on))
    try:
        unloaded = shop._read_model.storage.unloaded
        assert any(name.startswith(docs.HISTORY_PREFIX) for name in unloaded) == on
        shop.save_after_each_command = False  # a save would make the kept appends
        shop.dispatch(PlaceOrder((OrderLine(mug, 1),)))
        assert shop._read_model.storage.has_deferred_edits == on
        assert [m.quantity for m in shop.ask(GetStockHistory(mug))][-4:] == [-1, -1, -1, -1]
    finally:
        shop.close()


def test_fast_paths_switchboard():
    assert FastPaths() == FastPaths(True, True, True, True)
    assert not any(getattr(FastPaths.all_off(), name) for name in FastPaths.names())
    assert FastPaths().without("lazy_history") == FastPaths(lazy_history=False)
    with pytest.raises(ValueError):
        FastPaths().without("warp_drive")
