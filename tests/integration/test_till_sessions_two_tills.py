"""Two tills on one shop folder keep sessions of their own: each one's sales,
payments and cash moves land in its own session, each closes on its own, and
either till's reports agree, also after a rebuild."""

from core import open_shop
from core.commands import AddCategory, AddProduct, CloseTill, OpenTill, OrderLine, PayOut, PlaceOrder, RecordPayment
from core.queries import GetTillReport, GetTillSessions


def test_two_tills_have_separate_sessions(data_dir):
    front = open_shop(data_dir, till="Front")
    back = open_shop(data_dir, till="Back")
    try:
        kitchen = front.dispatch(AddCategory("Kitchen"))
        mug = front.dispatch(AddProduct("MUG", "Mug", kitchen, 500, stock=20))
        front_session = front.dispatch(OpenTill(2000))
        back_session = back.dispatch(OpenTill(1000))
        assert front_session != back_session
        for shop, quantity, method in ((front, 2, "cash"), (back, 3, "card"), (front, 1, "card")):
            order = shop.dispatch(PlaceOrder((OrderLine(mug, quantity),)))
            shop.dispatch(RecordPayment(order, method, quantity * 500))
        back.dispatch(PayOut(300, "Milk"))
        front.sync()
        back.sync()

        front_x, back_x = front.ask(GetTillReport()), back.ask(GetTillReport())
        assert (front_x.till, front_x.orders, front_x.taken_by_method) == ("Front", 2, (("cash", 1000), ("card", 500)))
        assert (back_x.till, back_x.orders, back_x.taken_by_method) == ("Back", 1, (("card", 1500),))
        assert (front_x.expected_cash_cents, back_x.expected_cash_cents) == (3000, 700)
        # Either till sees the other's session as it is.
        assert back.ask(GetTillReport(front_session)) == front_x

        assert back.dispatch(CloseTill(700)) == back_session
        front.sync()
        assert front.ask(GetTillReport()).session_id == front_session  # the front till is still open
        assert {(s.till, s.closed_at is None) for s in front.ask(GetTillSessions())} == {
            ("Front", True),
            ("Back", False),
        }
        z = front.ask(GetTillReport(back_session))
        front.rebuild_read_model()
        assert front.ask(GetTillReport(back_session)) == z
        assert z.difference_cents == 0
    finally:
        front.close()
        back.close()
