"""Stock and money always add up, and the read model is what a rebuild makes.

- A scripted day that uses every sales event: the documents and answers of
  the read model kept event by event equal those of a rebuild from the write
  model, and those of the files read back.
- A hypothesis state machine sends random sequences of orders (with
  discounts, customers, request ids), payments, fulfilments, cancellations,
  returns, deliveries, reopenings and rebuilds through ``Shop.dispatch``. It
  predicts which commands must be refused, and after every step checks that
  stock is initial - sold + cancelled + returned + received, that each
  order's money is consistent with its status, that payments less refunds
  equal what the orders kept, and that both stores agree.
"""

import json
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from core import open_shop
from core.commands import (
    AddCategory,
    AddCustomer,
    AddProduct,
    AddStaff,
    AdjustStock,
    CancelOrder,
    CloseTill,
    DeleteCategory,
    DeleteProduct,
    Discount,
    FulfilOrder,
    MoveCategory,
    OpenDrawer,
    OpenTill,
    OrderLine,
    PayIn,
    PayOut,
    PlaceOrder,
    ReceiveStock,
    RecordPayment,
    RedoAction,
    RenameCategory,
    ReturnItems,
    ReturnLine,
    ReversePayment,
    SetCategoryTaxRate,
    UndoAction,
    UpdateCustomer,
    UpdateProduct,
    UpdateShopSettings,
    UpdateStaff,
)
from core.domain.report_periods import GROUPS as REPORT_GROUPS
from core.errors import InvalidCommand, InvalidTransition, OutOfStock, ShopError
from core.messages.event_codec import EVENT_CLASSES
from core.queries import (
    GetCategories,
    GetCustomer,
    GetCustomers,
    GetOrder,
    GetOrders,
    GetProducts,
    GetProductsByIds,
    GetSalesReport,
    GetShopSettings,
    GetStaff,
    GetStaffMember,
    GetStockHistory,
    GetTillReport,
    GetTillSessions,
    GetUndoneActions,
)
from tests.helpers import FakeClock, WriteModelDatabase
from tests.saved_order import without_saved_order


# -- the read model equals a rebuild -----------------------------------------------------------
def answers(shop) -> dict:
    """Everything the queries say about sales, catalog and stock."""
    products = shop.ask(GetProducts()) + shop.ask(GetProducts(archived=True))
    customers = shop.ask(GetCustomers())
    orders = shop.ask(GetOrders())
    return {
        "categories": shop.ask(GetCategories()),
        "products": products,
        "history": {p.id: shop.ask(GetStockHistory(p.id)) for p in products},
        "orders": orders,
        "details": [shop.ask(GetOrder(o.id)) for o in orders],
        "customers": customers,
        "customer_details": [shop.ask(GetCustomer(c.id)) for c in customers],
        "settings": shop.ask(GetShopSettings()),
        "staff": shop.ask(GetStaff()),
        "staff_members": [shop.ask(GetStaffMember(s.id)) for s in shop.ask(GetStaff())],
        "undone": shop.ask(GetUndoneActions()),
        "z_reports": [shop.ask(GetTillReport(s.session_id)) for s in shop.ask(GetTillSessions()) if s.closed_at],
        "reports": [shop.ask(GetSalesReport(date(2024, 1, 1), date(2024, 12, 31), group)) for group in REPORT_GROUPS],
    }


def documents(folder: Path) -> dict:
    """Every read-model document but the stock histories (whose movements
    record the outbox position that made them: a rebuild has only its own)
    and the saved name order (checked, then left out: tests/saved_order.py);
    not the manifest."""
    found = {}
    for path in sorted(folder.glob("*.json")):
        if path.name != "meta.json" and not path.name.startswith(("history_", "meta_base_")):
            found[path.stem] = json.loads(path.read_bytes())["documents"]
    return without_saved_order(found)


def trade_with_everything(shop, clock) -> None:
    def step(command):
        clock.advance(minutes=1)
        return shop.dispatch(command)

    step(UpdateShopSettings("The Gift Box", "1 High Street\nLondon", "GBP", "£", 2000, True))
    kitchen = step(AddCategory("Kitchen"))
    mugs = step(AddCategory("Mugs", kitchen))
    books = step(AddCategory("Books"))
    step(SetCategoryTaxRate(books, 0))
    step(SetCategoryTaxRate(kitchen, 500))
    step(RenameCategory(kitchen, "Home & Kitchen"))
    mug = step(AddProduct("MUG", "Blue Enamel Mug", mugs, 850, stock=20))
    book = step(AddProduct("BK", "Cookery Book", books, 1999, stock=5))
    own = step(AddProduct("OWN", "Gift Card Wallet", kitchen, 333, stock=9, tax_rate_bp=2000))
    jane = step(AddCustomer("Jane Smith", email="jane@example.com"))
    bob = step(AddCustomer("Bob Jones", phone="0161 496 0000"))

    a = step(
        PlaceOrder(
            (OrderLine(mug, 3, Discount.percent(3333)), OrderLine(book, 1), OrderLine(own, 2)),
            customer_id=jane,
            order_discount=Discount.amount(101),
            request_id="a",
        )
    )
    step(PlaceOrder((OrderLine(mug, 3),), request_id="a"))  # a repeat: nothing new
    step(RecordPayment(a, "card", 1000))
    step(RecordPayment(a, "cash", shop.ask(GetOrder(a)).due_cents, tendered_cents=10_000))
    step(ReturnItems(a, (ReturnLine(mug, 2),), "faulty", "Chipped"))
    step(FulfilOrder(a))
    step(ReturnItems(a, (ReturnLine(mug, 1), ReturnLine(own, 1)), "unwanted"))
    b = step(PlaceOrder((OrderLine(book, 2),), customer_id=bob))
    step(RecordPayment(b, "other", 1000))
    step(CancelOrder(b))
    c = step(PlaceOrder((OrderLine(own, 1),), order_discount=Discount.percent(10000)))
    step(RecordPayment(c, "cash", 0))
    step(UpdateCustomer(jane, "Jane Brown", email="jane.brown@example.com"))
    step(UpdateShopSettings("The Gift Box", "2 High Street", "GBP", "£", 1750, False))
    d = step(PlaceOrder((OrderLine(mug, 1, Discount.amount(50)), OrderLine(book, 1)), customer_id=bob))
    step(RecordPayment(d, "card", shop.ask(GetOrder(d)).total_cents))
    step(ReturnItems(d, (ReturnLine(book, 1),), "wrong item"))
    step(CancelOrder(d))
    f = step(PlaceOrder((OrderLine(book, 1),)))  # a card payment taken by mistake, given back, taken again
    step(ReversePayment(step(RecordPayment(f, "card", shop.ask(GetOrder(f)).total_cents)).payment_id))
    step(RecordPayment(f, "cash", shop.ask(GetOrder(f)).total_cents))
    # The catalog's own events, so that every kind of event is rebuilt.
    step(ReceiveStock(mug, 12, "Delivery 42"))
    step(AdjustStock(book, "damaged", change=-1, note="Torn cover"))
    step(ReceiveStock(book, 4))  # taken back by undo, done again by redo, undone again
    step(UndoAction(shop.undo_offer().position))
    step(RedoAction(shop.redo_offer().position))
    step(UndoAction(shop.undo_offer().position))
    g = step(PlaceOrder((OrderLine(mug, 1),)))  # paid, then both undone: the payment reversed, the order cancelled
    step(RecordPayment(g, "cash", shop.ask(GetOrder(g)).total_cents))
    step(UndoAction(shop.undo_offer().position))
    step(UndoAction(shop.undo_offer().position))
    assert [h.undone is not None for h in shop.ask(GetOrder(g)).history] == [True, True, False, False]
    undone = [
        (m.kind, m.undone is not None, m.undone and m.undone.redone_at is not None)
        for m in shop.ask(GetStockHistory(book))
    ]
    assert undone[-4:] == [
        ("received", True, False),  # undone, redone, undone again: one delivery, one undo link
        ("adjusted", False, None),
        ("received", False, None),  # the redo's delivery
        ("adjusted", False, None),
    ]
    step(UpdateProduct(own, "OWN", "Gift Card Wallet (red)", mugs, 350, reorder_level=2, cost_price_cents=120))
    step(MoveCategory(mugs, books))
    spare = step(AddCategory("Spare"))
    step(DeleteProduct(step(AddProduct("TMP", "Sample", spare, 100))))
    step(DeleteCategory(spare))
    # The till's day: its session opened by itself with the first payment.
    step(PayIn(2000, "Change from the bank"))
    step(PayOut(350, "Window cleaner"))
    step(OpenDrawer())  # "No sale"
    step(CloseTill(12_345, "Counted twice"))
    step(PlaceOrder((OrderLine(mug, 1),)))  # opens the next session by itself...
    step(OpenTill(5000))  # ... which then takes its float
    # Staff: the first, an owner, added by the shop's owner; a cashier who
    # sells, cancels with a manager's approval, and is renamed after her
    # order's history was shown (the name must follow); a manager who leaves.
    olive = step(AddStaff("Olive Owner", "owner", "1111"))
    shop.sign_in(olive, "1111")
    max_ = step(AddStaff("Max Manager", "manager", "2222"))
    cara = step(AddStaff("Cara Cashier", "cashier", "3333"))
    shop.sign_in(cara, "3333")
    e = step(PlaceOrder((OrderLine(mug, 1),), customer_id=jane))
    step(RecordPayment(e, "card", shop.ask(GetOrder(e)).total_cents))
    clock.advance(minutes=1)
    shop.dispatch(CancelOrder(e), approved_by=(max_, "2222"))
    assert shop.ask(GetOrder(e)).history[-1].by == "Cara Cashier"
    shop.sign_in(olive, "1111")
    step(UpdateStaff(cara, "Cara Jones", "cashier", True, "4444"))
    step(UpdateStaff(max_, "Max Manager", "manager", False))
    assert {h.by for h in shop.ask(GetOrder(e)).history} == {"Cara Jones"}


def test_a_rebuild_gives_what_the_events_gave(tmp_path):
    clock = FakeClock()
    shop = open_shop(tmp_path / "shop", clock=clock)
    try:
        trade_with_everything(shop, clock)
        # Every kind of event is in what is compared: each has a rebuild path.
        with WriteModelDatabase(tmp_path / "shop") as conn:
            recorded = {kind for (kind,) in conn.execute("SELECT DISTINCT event_type FROM outbox")}
        assert recorded == set(EVENT_CLASSES)
        incremental = answers(shop)
        shop.save_read_model()
        incremental_docs = documents(tmp_path / "shop" / "read_model")
        assert {"settings", "customers_0", "orders_0", "categories", "staff"} <= incremental_docs.keys()

        shop.rebuild_read_model()
        assert answers(shop) == incremental
        assert documents(tmp_path / "shop" / "read_model") == incremental_docs
    finally:
        shop.close()
    reopened = open_shop(tmp_path / "shop", clock=clock)  # the indexes, from the files alone
    try:
        assert answers(reopened) == incremental
    finally:
        reopened.close()


def test_replaying_every_event_again_changes_nothing(tmp_path):
    """Events are applied idempotently: a read model that replays the whole
    outbox over documents that already have it all ends up the same."""
    clock = FakeClock()
    shop = open_shop(tmp_path / "shop", clock=clock)
    try:
        trade_with_everything(shop, clock)
        expected = answers(shop)
        read_model = shop._read_model
        read_model._applied = 0
        shop.sync()
        assert answers(shop) == expected
    finally:
        shop.close()


# -- the state machine ------------------------------------------------------------------------------
PRODUCTS = (  # sku, price, stock, own tax rate (None: the category's or the shop's)
    ("MUG", 850, 12, None),
    ("TEA", 2499, 4, None),
    ("BOOK", 1999, 6, None),
    ("FREE", 0, 5, None),
    ("ODD", 333, 15, 500),
)
discounts = (
    st.none()
    | st.builds(Discount.percent, st.sampled_from([1, 1000, 3333, 5000, 10000]))
    | st.builds(Discount.amount, st.sampled_from([1, 99, 500, 100_000]))
)


class SalesMachine(RuleBasedStateMachine):
    @initialize(
        include=st.booleans(), default_rate=st.sampled_from([0, 500, 2000]), books_rate=st.sampled_from([None, 0, 500])
    )
    def open(self, include, default_rate, books_rate):
        self.folder = Path(tempfile.mkdtemp(prefix="reconcile-"))
        self.clock = FakeClock()
        self.shop = open_shop(self.folder, clock=self.clock)
        self.shop.save_after_each_command = False  # files at reopen: fewer fsyncs
        self.shop.dispatch(UpdateShopSettings("Test", "", "GBP", "£", default_rate, include))
        home = self.shop.dispatch(AddCategory("Home"))
        books = self.shop.dispatch(AddCategory("Books", home))
        if books_rate is not None:
            self.shop.dispatch(SetCategoryTaxRate(books, books_rate))
        self.products = []
        self.initial, self.received = {}, {}
        for sku, price, stock, rate in PRODUCTS:
            category = books if sku == "BOOK" else home
            product_id = self.shop.dispatch(
                AddProduct(sku, sku.title(), category, price, stock=stock, tax_rate_bp=rate)
            )
            self.products.append(product_id)
            self.initial[product_id], self.received[product_id] = stock, 0
        self.customers = [self.shop.dispatch(AddCustomer(name)) for name in ("Ann", "Ben")]
        # The model: per order, its lines' quantities and what became of them.
        self.orders: dict[int, dict] = {}
        self.requests: dict[str, tuple[PlaceOrder, int]] = {}

    def teardown(self):
        shop = getattr(self, "shop", None)
        if shop is not None:
            shop.close()
            shutil.rmtree(self.folder, ignore_errors=True)

    # -- helpers --------------------------------------------------------------------------------
    def dispatch(self, command):
        self.clock.advance(minutes=1)
        return self.shop.dispatch(command)

    def stock(self) -> dict[int, int]:
        return {p.id: p.stock for p in self.shop.ask(GetProductsByIds(tuple(self.products)))}

    def pick_order(self, index: int) -> int:
        return sorted(self.orders)[index % len(self.orders)]

    def expect_refused(self, command, error=ShopError):
        stock, count = self.stock(), len(self.shop.ask(GetOrders()))
        with pytest.raises(error):
            self.dispatch(command)
        assert self.stock() == stock and len(self.shop.ask(GetOrders())) == count

    # -- rules ------------------------------------------------------------------------------------
    @rule(
        picks=st.lists(
            st.tuples(st.integers(0, len(PRODUCTS) - 1), st.integers(1, 5), discounts),
            min_size=1,
            max_size=4,
            unique_by=lambda t: t[0],
        ),
        order_discount=discounts,
        customer=st.sampled_from([None, 0, 1]),
        with_request=st.booleans(),
        then=st.sampled_from(["nothing", "pay", "pay", "pay and fulfil"]),
    )
    def place(self, picks, order_discount, customer, with_request, then):
        """Place an order (refused when the model says stock is short); then,
        often, pay for it in full and perhaps fulfil it, as a till mostly does."""
        lines = tuple(OrderLine(self.products[i], quantity, discount) for i, quantity, discount in picks)
        request_id = f"req-{len(self.requests)}" if with_request else None
        command = PlaceOrder(lines, None if customer is None else self.customers[customer], order_discount, request_id)
        stock = self.stock()
        if any(stock[line.product_id] < line.quantity for line in lines):
            self.expect_refused(command, OutOfStock)
            return
        order_id = self.dispatch(command)
        assert order_id not in self.orders
        self.orders[order_id] = {
            "sold": {l.product_id: l.quantity for l in lines},
            "returned": {},
            "restocked": {},
            "status": "placed",
        }
        if request_id:
            self.requests[request_id] = (command, order_id)
        if then != "nothing":
            due = self.shop.ask(GetOrder(order_id)).total_cents
            assert self.dispatch(RecordPayment(order_id, "card", due)).status == "paid"
            self.orders[order_id]["status"] = "paid"
        if then == "pay and fulfil":
            self.dispatch(FulfilOrder(order_id))
            self.orders[order_id]["status"] = "fulfilled"

    @precondition(lambda self: self.requests)
    @rule(index=st.integers(0, 100))
    def repeat_a_request(self, index):
        command, order_id = list(self.requests.values())[index % len(self.requests)]
        stock, count = self.stock(), len(self.shop.ask(GetOrders()))
        assert self.dispatch(command) == order_id
        assert self.stock() == stock and len(self.shop.ask(GetOrders())) == count

    def pick(self, index: int, wild: bool, *statuses: str) -> int:
        """An order in one of ``statuses`` (any order when ``wild``, or when
        there is none: then the command is likely refused, which is checked)."""
        pool = [o for o in sorted(self.orders) if self.orders[o]["status"] in statuses]
        return self.pick_order(index) if wild or not pool else pool[index % len(pool)]

    @precondition(lambda self: self.orders)
    @rule(
        index=st.integers(0, 100),
        wild=st.booleans(),
        method=st.sampled_from(["cash", "card", "other"]),
        how_much=st.sampled_from(["all", "all", "all", "half", "too much", "nothing"]),
    )
    def pay(self, index, wild, method, how_much):
        order_id = self.pick(index, wild, "placed")
        order = self.shop.ask(GetOrder(order_id))
        due = order.total_cents - order.paid_cents
        amount = {"all": due, "half": due // 2, "too much": due + 1, "nothing": 0}[how_much]
        command = RecordPayment(order_id, method, amount, amount + 500 if method == "cash" else None)
        if order.status != "placed":
            self.expect_refused(command, InvalidTransition)
        elif amount > due or (amount == 0 and due > 0):
            self.expect_refused(command, InvalidCommand)
        else:
            outcome = self.dispatch(command)
            assert outcome.due_cents == due - amount
            assert outcome.status == ("paid" if amount == due else "placed")
            assert outcome.change_cents == (500 if method == "cash" else 0)
            self.orders[order_id]["status"] = outcome.status

    @precondition(lambda self: self.orders)
    @rule(index=st.integers(0, 100), wild=st.booleans())
    def fulfil(self, index, wild):
        order_id = self.pick(index, wild, "paid")
        if self.orders[order_id]["status"] == "paid":
            self.dispatch(FulfilOrder(order_id))
            self.orders[order_id]["status"] = "fulfilled"
        else:
            self.expect_refused(FulfilOrder(order_id), InvalidTransition)

    @precondition(lambda self: self.orders)
    @rule(index=st.integers(0, 100), wild=st.booleans())
    def cancel(self, index, wild):
        order_id = self.pick(index, wild, "placed", "paid")
        model = self.orders[order_id]
        if model["status"] in ("placed", "paid"):
            self.dispatch(CancelOrder(order_id))
            model["status"] = "cancelled"
            model["restocked"] = {p: q - model["returned"].get(p, 0) for p, q in model["sold"].items()}
        else:
            self.expect_refused(CancelOrder(order_id), InvalidTransition)

    @precondition(lambda self: self.orders)
    @rule(
        index=st.integers(0, 100),
        wild=st.booleans(),
        which=st.integers(0, 10),
        quantity=st.sampled_from([1, 1, 1, 2, 3, 6]),
    )
    def return_items(self, index, wild, which, quantity):
        order_id = self.pick(index, wild, "paid", "fulfilled")
        model = self.orders[order_id]
        sold = sorted(model["sold"])
        product_id = (self.products if wild else sold)[which % len(self.products if wild else sold)]
        command = ReturnItems(order_id, (ReturnLine(product_id, quantity),))
        left = model["sold"].get(product_id, 0) - model["returned"].get(product_id, 0)
        if model["status"] not in ("paid", "fulfilled"):
            self.expect_refused(command, InvalidTransition)
        elif quantity > left:
            self.expect_refused(command, InvalidCommand)
        else:
            line = next(l for l in self.shop.ask(GetOrder(order_id)).lines if l.product_id == product_id)
            outcome = self.dispatch(command)
            per_unit, _ = divmod(line.total_cents, line.quantity)
            assert quantity * per_unit <= outcome.refund_cents <= quantity * (per_unit + 1)
            model["returned"][product_id] = model["returned"].get(product_id, 0) + quantity

    @rule(which=st.integers(0, len(PRODUCTS) - 1), quantity=st.integers(1, 6))
    def receive(self, which, quantity):
        product_id = self.products[which]
        self.dispatch(ReceiveStock(product_id, quantity))
        self.received[product_id] += quantity

    @rule()
    def reopen(self):
        self.shop.close()
        self.shop = open_shop(self.folder, clock=self.clock)
        self.shop.save_after_each_command = False

    @rule()
    def check_against_a_rebuild(self):
        before = answers(self.shop)
        self.shop.rebuild_read_model()
        assert answers(self.shop) == before

    # -- invariants ----------------------------------------------------------------------------------
    @invariant()
    def stock_adds_up(self):
        if not hasattr(self, "shop"):
            return
        expected = {}
        for product_id in self.products:
            sold = sum(o["sold"].get(product_id, 0) for o in self.orders.values())
            back = sum(
                o["returned"].get(product_id, 0) + o["restocked"].get(product_id, 0) for o in self.orders.values()
            )
            expected[product_id] = self.initial[product_id] + self.received[product_id] - sold + back
        assert self.stock() == expected
        conn = WriteModelDatabase(self.folder)
        try:
            assert dict(conn.execute("SELECT id, stock FROM product")) == expected
        finally:
            conn.close()

    @invariant()
    def money_adds_up(self):
        if not hasattr(self, "shop"):
            return
        payments = refunds = kept = 0
        for summary in self.shop.ask(GetOrders()):
            order = self.shop.ask(GetOrder(summary.id))
            model = self.orders[order.id]
            assert order.status == model["status"] == summary.status
            return_refunds = sum(r.refund_cents for r in order.returns)
            cancel_refund = order.history[-1].amount_cents if order.status == "cancelled" else 0
            assert order.paid_cents == sum(p.amount_cents for p in order.payments) == summary.paid_cents
            assert order.refunded_cents == return_refunds + cancel_refund == summary.refunded_cents
            assert 0 <= order.refunded_cents <= order.paid_cents <= order.total_cents
            assert order.total_cents == sum(l.total_cents for l in order.lines)
            assert order.total_cents == order.subtotal_cents - order.discount_cents + (
                0 if order.prices_include_tax else order.tax_cents
            )
            if order.status in ("paid", "fulfilled"):
                assert order.paid_cents == order.total_cents
                kept += order.total_cents - return_refunds
            elif order.status == "cancelled":
                assert order.refunded_cents == order.paid_cents
            else:
                assert order.returns == () and order.refunded_cents == 0
                kept += order.paid_cents
            for line in order.lines:
                assert line.returned_quantity == model["returned"].get(line.product_id, 0)
                assert 0 <= line.refunded_cents <= line.total_cents
                if line.returned_quantity == line.quantity:
                    assert line.refunded_cents == line.total_cents  # every unit back: exactly what it cost
            payments += order.paid_cents
            refunds += order.refunded_cents
        assert payments - refunds == kept  # takings less refunds: what the orders kept
        conn = WriteModelDatabase(self.folder)
        try:
            paid, refunded = conn.execute(
                "SELECT COALESCE(SUM(paid_cents), 0), COALESCE(SUM(refunded_cents), 0) FROM shop_order"
            ).fetchone()
            assert (paid, refunded) == (payments, refunds)
            assert conn.execute("SELECT COALESCE(SUM(amount_cents), 0) FROM payment").fetchone()[0] == payments
        finally:
            conn.close()


SalesMachine.TestCase.settings = settings(
    max_examples=20,
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# sqlite_only: each example opens a new folder; on one test database the examples would share a shop.
TestStockAndMoneyReconcile = pytest.mark.sqlite_only(pytest.mark.slow(SalesMachine.TestCase))
