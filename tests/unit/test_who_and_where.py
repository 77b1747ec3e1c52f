"""Every command is done by someone at a till: the outbox row says who and
where, and the histories the window shows say who. A sold line keeps the
product's cost and category of that moment; a refund says how the money went
back."""

import pytest

from core import open_shop
from core.commands import (
    CancelOrder,
    OrderLine,
    PlaceOrder,
    ReceiveStock,
    RecordPayment,
    ReturnItems,
    ReturnLine,
    UpdateProduct,
)
from core.domain.refunds import split_refund
from core.errors import InvalidCommand, StorageError
from core.queries import GetOrder, GetProduct, GetStockHistory
from tests.helpers import WriteModelDatabase
from tests.unit.helpers import BY_OWNER, refused


def outbox_rows(data_dir):
    with WriteModelDatabase(data_dir) as conn:
        return conn.execute("SELECT event_type, staff_id, till, approved_by FROM outbox ORDER BY position").fetchall()


def refund_rows(data_dir, order_id):
    with WriteModelDatabase(data_dir) as conn:
        return conn.execute(
            "SELECT return_id IS NULL, method, amount_cents, staff_id FROM refund WHERE order_id = ? ORDER BY id",
            (order_id,),
        ).fetchall()


def test_every_outbox_row_says_who_and_at_which_till(shop, catalog, data_dir):
    shop.dispatch(ReceiveStock(catalog.mug, 2))
    assert outbox_rows(data_dir)[-1] == ("StockReceived", -1, "Till 1", None)


def test_a_named_till_stamps_its_name(data_dir):
    shop = open_shop(data_dir, till="Back office")
    try:
        assert shop.till == "Back office"
        from core.commands import AddCategory

        shop.dispatch(AddCategory("Kitchen"))
        assert outbox_rows(data_dir) == [("CategoryAdded", -1, "Back office", None)]
    finally:
        shop.close()


@pytest.mark.parametrize("name", ["", "   ", "Till\n2", "x" * 65, 7])
def test_a_till_name_that_is_not_one_short_line_is_refused(data_dir, name):
    with pytest.raises((InvalidCommand, StorageError), match="till"):
        open_shop(data_dir, till=name)


def test_histories_say_who(shop, catalog, clock):
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    shop.dispatch(RecordPayment(order_id, "card", 850))
    history = shop.ask(GetOrder(order_id)).history
    assert [(h.kind, h.staff_id, h.by) for h in history] == [("placed", -1, "Owner"), ("payment", -1, "Owner")]
    last = shop.ask(GetStockHistory(catalog.mug))[-1]
    assert (last.kind, last.staff_id, last.by) == ("sold", -1, "Owner")


def test_a_sold_line_keeps_the_cost_and_category_of_that_moment(shop, catalog, reopen):
    p = shop.ask(GetProduct(catalog.mug))
    shop.dispatch(UpdateProduct(p.id, p.sku, p.name, p.category_id, p.price_cents, p.barcode, p.reorder_level, 300))
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 2), OrderLine(catalog.teapot, 1))))
    # Later the cost and the category change: the line sold does not.
    shop.dispatch(UpdateProduct(p.id, p.sku, p.name, catalog.kitchen, p.price_cents, p.barcode, p.reorder_level, 999))
    lines = {line.product_id: line for line in shop.ask(GetOrder(order_id)).lines}
    assert (lines[catalog.mug].cost_price_cents, lines[catalog.mug].category_id) == (300, catalog.mugs)
    assert (lines[catalog.teapot].cost_price_cents, lines[catalog.teapot].category_id) == (None, catalog.kitchen)
    expected = shop.ask(GetOrder(order_id))
    reopened = reopen(shop)
    reopened.rebuild_read_model()
    assert reopened.ask(GetOrder(order_id)) == expected


def test_a_cancellation_refunds_the_way_it_was_paid_card_first_and_cash_last(shop, catalog, data_dir):
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 2),)))  # 1700
    shop.dispatch(RecordPayment(order_id, "cash", 700))
    shop.dispatch(RecordPayment(order_id, "card", 1000))
    shop.dispatch(CancelOrder(order_id))
    assert refund_rows(data_dir, order_id) == [(1, "card", 1000, -1), (1, "cash", 700, -1)]
    cancelled = shop.ask(GetOrder(order_id)).history[-1]
    assert (cancelled.kind, cancelled.amount_cents, cancelled.method) == ("cancelled", 1700, "card + cash")


def test_returns_refund_by_the_method_asked_for_or_the_way_it_was_paid(shop, catalog, data_dir):
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 3),)))  # 2550
    shop.dispatch(RecordPayment(order_id, "card", 1000))
    shop.dispatch(RecordPayment(order_id, "cash", 1550))
    shop.dispatch(ReturnItems(order_id, (ReturnLine(catalog.mug, 1),), refund_method="cash"))
    shop.dispatch(ReturnItems(order_id, (ReturnLine(catalog.mug, 2),)))
    assert refund_rows(data_dir, order_id) == [(0, "cash", 850, -1), (0, "card", 1000, -1), (0, "cash", 700, -1)]
    history = shop.ask(GetOrder(order_id)).history
    assert [(h.kind, h.amount_cents, h.method) for h in history if h.kind == "return"] == [
        ("return", 850, "cash"),
        ("return", 1700, "card + cash"),
    ]


def test_an_unknown_refund_method_is_refused_and_changes_nothing(shop, catalog, unchanged, readable):
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    shop.dispatch(RecordPayment(order_id, "card", 850))
    message = refused(shop, unchanged, readable, CancelOrder(order_id, refund_method="cheque"))
    assert message == "Choose how the money goes back: cash, card or other."
    refused(shop, unchanged, readable, ReturnItems(order_id, (ReturnLine(catalog.mug, 1),), refund_method="voucher"))


@pytest.mark.parametrize(
    "amount, method, paid, expected",
    [
        (500, None, {"cash": 300, "card": 400}, (("card", 400), ("cash", 100))),
        (500, None, {"cash": 600}, (("cash", 500),)),
        (500, "cash", {"card": 600}, (("cash", 500),)),
        (300, None, {"other": 100, "card": 100, "cash": 100}, (("card", 100), ("other", 100), ("cash", 100))),
        (0, None, {"card": 100}, ()),
        (200, None, {}, (("cash", 200),)),
    ],
)
def test_how_a_refund_splits(amount, method, paid, expected):
    assert split_refund(amount, method, paid) == expected


def test_histories_still_say_who_after_a_rebuild(shop, catalog, reopen):
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    shop.dispatch(RecordPayment(order_id, "card", 850))
    shop.dispatch(ReturnItems(order_id, (ReturnLine(catalog.mug, 1),)))
    before = (shop.ask(GetOrder(order_id)), shop.ask(GetStockHistory(catalog.mug)))
    reopened = reopen(shop)
    reopened.rebuild_read_model()
    assert (reopened.ask(GetOrder(order_id)), reopened.ask(GetStockHistory(catalog.mug))) == before
    assert before[1][-1].by == BY_OWNER["by"]
