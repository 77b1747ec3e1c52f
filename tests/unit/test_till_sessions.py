"""Till sessions and the cash-up, figure by figure: the float, cash taken
less change, refunds by method, pay-ins and pay-outs, the count and its
difference; sessions that open by themselves; a closed session's report
frozen through reopening and rebuilding."""

import pytest

from core.commands import (
    CancelOrder,
    CloseTill,
    OpenDrawer,
    OpenTill,
    OrderLine,
    PayIn,
    PayOut,
    PlaceOrder,
    RecordPayment,
    ReturnItems,
    ReturnLine,
)
from core.domain.pricing import TaxBand
from core.errors import InvalidCommand, TillAlreadyOpen, TillNotOpen
from core.queries import CashMoveView, DrawerOpenView, GetOpenTillSession, GetTillReport, GetTillSessions
from tests.unit.helpers import refused


@pytest.fixture
def day(shop, catalog, clock):
    """Float £50; a mug pair paid £20 cash (£3 change), a teapot by card, one
    mug back in cash, £10 in, £2.50 out."""
    session = shop.dispatch(OpenTill(5000))
    mugs = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 2),)))  # 1700
    shop.dispatch(RecordPayment(mugs, "cash", 1700, tendered_cents=2000))
    teapot = shop.dispatch(PlaceOrder((OrderLine(catalog.teapot, 1),)))  # 2499
    shop.dispatch(RecordPayment(teapot, "card", 2499))
    clock.advance(minutes=5)
    shop.dispatch(ReturnItems(mugs, (ReturnLine(catalog.mug, 1),), "faulty"))  # 850 back in cash
    shop.dispatch(PayIn(1000, "Change from the bank"))
    shop.dispatch(PayOut(250, "Window cleaner"))
    return session


def test_the_x_report_adds_up(shop, day):
    report = shop.ask(GetTillReport())
    assert report.session_id == day and report.till == "Till 1" and report.opened_by == "Owner"
    assert not report.opened_automatically and report.closed_at is None
    assert report.opening_float_cents == 5000
    assert report.taken_by_method == (("cash", 1700), ("card", 2499))
    assert report.refunded_by_method == (("cash", 850),)
    assert (report.paid_in_cents, report.paid_out_cents) == (1000, 250)
    assert report.expected_cash_cents == 5000 + 1700 - 850 + 1000 - 250 == 6600
    assert (report.counted_cash_cents, report.difference_cents) == (None, None)
    assert (report.orders, report.units, report.total_cents) == (2, 3, 4199)
    assert report.tax_by_rate == (TaxBand(2000, 3499, 700),)  # prices include 20%: 4199 = 3499 + 700
    assert (report.returns, report.returned_cents, report.cancelled_orders) == (1, 850, 0)
    assert [(m.kind, m.amount_cents, m.reason, m.by) for m in report.cash_moves] == [
        ("in", 1000, "Change from the bank", "Owner"),
        ("out", 250, "Window cleaner", "Owner"),
    ]
    assert all(isinstance(m, CashMoveView) for m in report.cash_moves)


def test_closing_counts_the_drawer_and_freezes_the_z_report(shop, catalog, day, reopen):
    assert shop.dispatch(CloseTill(6500, "Short a pound")) == day
    z = shop.ask(GetTillReport(day))
    assert (z.counted_cash_cents, z.difference_cents, z.note) == (6500, -100, "Short a pound")
    assert z.closed_at is not None and z.closed_by == "Owner"
    # Trading goes on in the next session, which opens by itself.
    later = shop.dispatch(PlaceOrder((OrderLine(catalog.trowel, 1),)))
    shop.dispatch(RecordPayment(later, "cash", 1200))
    assert shop.ask(GetTillReport(day)) == z
    x = shop.ask(GetTillReport())
    assert (x.session_id, x.opened_automatically, x.opening_float_cents, x.taken_by_method) == (
        day + 1,
        True,
        0,
        (("cash", 1200),),
    )
    reopened = reopen(shop)
    assert reopened.ask(GetTillReport(day)) == z
    reopened.rebuild_read_model()
    assert reopened.ask(GetTillReport(day)) == z
    assert reopened.ask(GetTillReport()) == x
    assert [s.session_id for s in reopened.ask(GetTillSessions())] == [day + 1, day]
    assert reopened.ask(GetOpenTillSession()).session_id == day + 1


def test_a_till_never_opened_still_gets_a_cash_up(shop, catalog):
    assert shop.ask(GetOpenTillSession()) is None
    order = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    shop.dispatch(RecordPayment(order, "cash", 850, tendered_cents=1000))
    report = shop.ask(GetTillReport())
    assert (report.opened_automatically, report.opening_float_cents, report.expected_cash_cents) == (True, 0, 850)
    # Counting the float in now records it on that session; once only.
    assert shop.dispatch(OpenTill(2000)) == report.session_id
    assert shop.ask(GetTillReport()).expected_cash_cents == 2850
    with pytest.raises(TillAlreadyOpen, match="already open"):
        shop.dispatch(OpenTill(100))


def test_cancellations_and_their_refunds_count_where_they_happen(shop, catalog):
    first = shop.dispatch(OpenTill(0))
    order = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 2),)))
    shop.dispatch(RecordPayment(order, "card", 1700))
    shop.dispatch(CloseTill(0))
    shop.dispatch(OpenTill(1000))
    shop.dispatch(CancelOrder(order, refund_method="cash"))
    x = shop.ask(GetTillReport())
    assert (x.cancelled_orders, x.cancelled_cents, x.refunded_by_method) == (1, 1700, (("cash", 1700),))
    assert x.expected_cash_cents == 1000 - 1700
    assert x.orders == 0  # it was placed in the first session
    z = shop.ask(GetTillReport(first))
    assert (z.orders, z.taken_by_method, z.cancelled_orders) == (1, (("card", 1700),), 0)


def test_closing_or_reporting_with_nothing_open_says_so(shop, unchanged, readable):
    assert (
        refused(shop, unchanged, readable, CloseTill(0), TillNotOpen)
        == "Till 1 is not open: there is nothing to close."
    )
    with pytest.raises(TillNotOpen, match="not open"):
        shop.ask(GetTillReport())
    with pytest.raises(InvalidCommand, match="no till session number 99"):
        shop.ask(GetTillReport(99))


def test_opening_an_open_till_and_closing_twice_are_refused(shop, unchanged, readable):
    shop.dispatch(OpenTill(1000))
    refused(shop, unchanged, readable, OpenTill(500), TillAlreadyOpen)
    shop.dispatch(CloseTill(1000))
    refused(shop, unchanged, readable, CloseTill(1000), TillNotOpen)


@pytest.mark.parametrize(
    "command, message",
    [
        (OpenTill(-1), "The float cannot be negative."),
        (OpenTill(1.5), "The float must be a whole number, not 1.5."),
        (CloseTill(-5), "The counted cash cannot be negative."),
        (PayIn(0, "Bank"), "The amount must be at least 1."),
        (PayOut(-100, "Bank"), "The amount must be at least 1."),
        (PayIn(100, "   "), "Say why the cash goes in."),
        (PayOut(100, ""), "Say why the cash goes out."),
        (PayOut(100, None), "Say why the cash goes out."),
    ],
)
def test_bad_amounts_and_reasons_are_refused_and_change_nothing(shop, unchanged, readable, command, message):
    if isinstance(command, CloseTill):
        shop.dispatch(OpenTill(0))
    assert refused(shop, unchanged, readable, command) == message


def test_no_sale_counts_the_drawer_opens_who_and_when(shop, catalog, day, clock, reopen):
    assert shop.ask(GetTillReport()).drawer_opens == 0
    first = shop.dispatch(OpenDrawer())
    clock.advance(minutes=3)
    assert shop.dispatch(OpenDrawer()) == first + 1
    report = shop.ask(GetTillReport())
    assert report.drawer_opens == 2 and report.expected_cash_cents == 6600  # no money moved
    assert [o.by for o in report.drawer_opened] == ["Owner", "Owner"]
    assert report.drawer_opened[0].at < report.drawer_opened[1].at
    assert all(isinstance(o, DrawerOpenView) for o in report.drawer_opened)
    shop.dispatch(CloseTill(6600))
    z = shop.ask(GetTillReport(day))
    reopened = reopen(shop)
    reopened.rebuild_read_model()
    assert reopened.ask(GetTillReport(day)) == z and z.drawer_opens == 2


def test_no_sale_with_the_till_closed_opens_a_session_by_itself(shop):
    shop.dispatch(OpenDrawer())
    report = shop.ask(GetTillReport())
    assert report.opened_automatically and report.drawer_opens == 1


def test_the_z_report_keeps_the_journal_as_it_stood_at_the_closing(shop, catalog, day, reopen):
    position, link = shop.journal_head()
    assert shop.ask(GetTillReport()).journal_link is None  # open: an X report prints the journal now
    shop.dispatch(CloseTill(6600))
    z = shop.ask(GetTillReport(day))
    assert (z.journal_position, z.journal_link) == (position, link)
    assert len(link) == 64 and position > 0
    # The close itself and later trading move the journal on; the Z report stays as it was.
    shop.dispatch(PlaceOrder((OrderLine(catalog.trowel, 1),)))
    assert shop.journal_head()[0] > position + 1
    assert shop.ask(GetTillReport(day)) == z
    reopened = reopen(shop)
    reopened.rebuild_read_model()
    assert reopened.ask(GetTillReport(day)) == z
    assert reopened.verify_journal().whole
