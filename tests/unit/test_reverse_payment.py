"""ReversePayment: a payment taken by mistake goes back the way it came,
the order is placed again, the till report counts the money out."""

from core.commands import (
    CloseTill,
    FulfilOrder,
    OrderLine,
    PlaceOrder,
    RecordPayment,
    ReturnItems,
    ReturnLine,
    ReversePayment,
)
from core.errors import NotAllowed
from core.queries import GetOrder, GetTillReport
from tests.unit.conftest import CASHIER_PIN, MANAGER_PIN
from tests.unit.helpers import refused


def paid(shop, catalog, method="cash", quantity=2):
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, quantity),)))
    outcome = shop.dispatch(RecordPayment(order_id, method, 850 * quantity))
    return order_id, outcome.payment_id


def test_a_cash_payment_goes_back_and_the_order_is_due_again(shop, catalog):
    order_id, payment_id = paid(shop, catalog)
    assert shop.dispatch(ReversePayment(payment_id)) == order_id
    order = shop.ask(GetOrder(order_id))
    assert (order.status, order.paid_cents, order.refunded_cents, order.due_cents) == ("placed", 0, 0, 1700)
    assert order.payments == ()  # what stands (a receipt lists these)
    assert [(h.kind, h.amount_cents) for h in order.history[1:]] == [("payment", 1700), ("payment reversed", 1700)]
    report = shop.ask(GetTillReport())
    assert dict(report.taken_by_method).get("cash") == 1700
    assert dict(report.refunded_by_method).get("cash") == 1700
    assert report.expected_cash_cents == report.opening_float_cents  # the cash went back out
    # Paid again properly afterwards, as if the first never stood.
    shop.dispatch(RecordPayment(order_id, "card", 1700))
    assert shop.ask(GetOrder(order_id)).status == "paid"
    shop.dispatch(CloseTill(0))


def test_what_cannot_be_reversed_is_refused(shop, catalog, unchanged, readable):
    order_id, payment_id = paid(shop, catalog, "card")
    shop.dispatch(ReversePayment(payment_id))
    assert refused(shop, unchanged, readable, ReversePayment(payment_id)) == (
        f"The payment of £17.00 for order {order_id} was reversed already."
    )
    assert refused(shop, unchanged, readable, ReversePayment(999)) == "There is no payment number 999."
    fulfilled, fulfilled_payment = paid(shop, catalog, "card", 1)
    shop.dispatch(FulfilOrder(fulfilled))
    assert "take the items back instead" in refused(shop, unchanged, readable, ReversePayment(fulfilled_payment))
    returned, returned_payment = paid(shop, catalog, "card", 2)
    shop.dispatch(ReturnItems(returned, (ReturnLine(catalog.mug, 1),), "unwanted"))
    assert "take the items back instead" in refused(shop, unchanged, readable, ReversePayment(returned_payment))


def test_a_cashier_needs_a_managers_approval(shop, catalog, team, unchanged, readable):
    shop.sign_in(team.cashier, CASHIER_PIN)
    _order_id, payment_id = paid(shop, catalog, "card")
    message = refused(shop, unchanged, readable, ReversePayment(payment_id), NotAllowed)
    assert message == "Reversing a payment needs a manager: ask one to approve it."
    shop.dispatch(ReversePayment(payment_id), approved_by=(team.manager, MANAGER_PIN))


def test_a_rebuild_gives_what_the_reversal_gave(shop, catalog):
    order_id, payment_id = paid(shop, catalog, "card")
    shop.dispatch(ReversePayment(payment_id))
    before = (shop.ask(GetOrder(order_id)), shop.ask(GetTillReport()))
    shop.rebuild_read_model()
    assert (shop.ask(GetOrder(order_id)), shop.ask(GetTillReport())) == before
