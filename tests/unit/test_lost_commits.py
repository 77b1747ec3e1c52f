"""Every command carries a request id, stored once by its COMMIT
(core/write_model/requests.py): when the connection breaks after the server
committed and before the answer came back, the dispatcher runs the command
again, finds its id and answers as the first time did. A payment, a stock
receipt or a pay-in is never done twice. On SQLite and PostgreSQL alike."""

import pytest
from sqlalchemy.exc import DBAPIError

from core import dispatcher as dispatcher_module
from core.commands import OrderLine, PayIn, PlaceOrder, ReceiveStock, RecordPayment
from core.errors import StorageError
from core.queries import GetOrder, GetOrders, GetProductsByIds
from core.results import ImportOutcome, PaymentOutcome, RejectedRecord, ReturnOutcome, SignedIn, SignInOutcome
from core.write_model import requests
from tests.helpers import WriteModelDatabase

LOST = "server closed the connection unexpectedly"  # what a dropped connection says


class Ack:
    """The engine's COMMIT, made to lose its answer: ``after`` COMMITs the
    server does (the connection breaks on the way back), ``before`` ones it
    never gets. Only on the commits counted from ``arm()``."""

    def __init__(self, shop, monkeypatch):
        dialect = shop._engine.dialect
        self._real = dialect.do_commit
        self._error = dialect.loaded_dbapi.OperationalError
        self.plan: list[str] = []
        monkeypatch.setattr(dialect, "do_commit", self._commit)

    def lose(self, *plan: str) -> None:
        self.plan = list(plan)

    def _commit(self, dbapi_connection):
        step = self.plan.pop(0) if self.plan else "ok"
        if step == "before":
            dbapi_connection.rollback()  # as the server does when the connection breaks
            raise self._error(LOST)
        self._real(dbapi_connection)
        if step == "after":
            raise self._error(LOST)


@pytest.fixture
def ack(shop, monkeypatch):
    monkeypatch.setattr(dispatcher_module, "UNSURE_PAUSE_SECONDS", 0)
    return Ack(shop, monkeypatch)


def _requests(data_dir) -> int:
    with WriteModelDatabase(data_dir) as db:
        return db.execute("SELECT count(*) FROM command_request").fetchone()[0]


def _cash_moves(data_dir) -> list:
    with WriteModelDatabase(data_dir) as db:
        return db.execute("SELECT kind, amount_cents FROM cash_move ORDER BY id").fetchall()


def test_a_payment_whose_commit_answer_was_lost_is_taken_once(shop, catalog, ack, data_dir):
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 2),)))
    ack.lose("after")
    outcome = shop.dispatch(RecordPayment(order_id, "card", 500))
    assert isinstance(outcome, PaymentOutcome) and outcome.due_cents == 1200
    assert shop.ask(GetOrder(order_id)).paid_cents == 500  # not 1,000
    with WriteModelDatabase(data_dir) as db:
        assert db.execute("SELECT count(*) FROM payment WHERE order_id = ?", (order_id,)).fetchone()[0] == 1


def test_a_stock_receipt_whose_commit_answer_was_lost_is_received_once(shop, catalog, ack):
    ack.lose("after")
    shop.dispatch(ReceiveStock(catalog.mug, 5))
    assert shop.ask(GetProductsByIds((catalog.mug,)))[0].stock == 15


def test_a_pay_in_whose_commit_answer_was_lost_is_paid_in_once(shop, ack, data_dir):
    ack.lose("after")
    first = shop.dispatch(PayIn(2_000, "Float top-up"))
    assert _cash_moves(data_dir) == [("in", 2_000)]
    assert isinstance(first, int)


def test_an_order_whose_commit_answer_was_lost_is_one_order_with_its_first_number(shop, catalog, ack):
    ack.lose("after")
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    assert shop.ask(GetOrder(order_id)).id == order_id
    assert shop.ask(GetProductsByIds((catalog.mug,)))[0].stock == 9
    assert shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),))) == order_id + 1


def test_a_commit_the_server_never_got_is_done_by_the_retry(shop, catalog, ack):
    ack.lose("before")
    shop.dispatch(ReceiveStock(catalog.mug, 5))
    assert shop.ask(GetProductsByIds((catalog.mug,)))[0].stock == 15


def test_still_unsure_says_so_and_the_same_command_again_is_not_done_twice(shop, catalog, ack, monkeypatch):
    """The server committed, and the server is out of reach when the
    dispatcher looks for the request id: the person is told it is not known.
    Sending the same command once the server answers finds it done."""
    ack.lose("after")
    real_find = requests.find
    error = shop._engine.dialect.loaded_dbapi.OperationalError

    def unreachable(conn, request_id):
        raise DBAPIError.instance("SELECT", {}, error(LOST), error)

    monkeypatch.setattr(requests, "find", unreachable)
    command = ReceiveStock(catalog.mug, 5)
    with pytest.raises(StorageError) as unsure:
        shop.dispatch(command)
    assert "not known whether" in str(unsure.value)
    monkeypatch.setattr(requests, "find", real_find)
    shop.dispatch(command)  # the person tries again
    assert shop.ask(GetProductsByIds((catalog.mug,)))[0].stock == 15
    shop.dispatch(command)  # and once more: now a new delivery, as the first was done and answered
    assert shop.ask(GetProductsByIds((catalog.mug,)))[0].stock == 20


def test_every_committed_command_stores_one_request_id(shop, catalog, data_dir):
    before = _requests(data_dir)
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    shop.dispatch(RecordPayment(order_id, "card", 850))
    shop.dispatch(ReceiveStock(catalog.mug, 1))
    assert _requests(data_dir) == before + 3


def test_a_stored_request_id_answers_with_the_stored_result(shop, catalog):
    """Another dispatcher (another till) finding the id gets the answer as stored."""
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),), request_id="form-7"))
    with shop._engine.connect() as conn:
        assert requests.find(conn, "form-7") == order_id
        assert requests.find(conn, "never-sent") is requests.MISSING


@pytest.mark.parametrize(
    "result",
    [
        None,
        7,
        "text",
        (1, 2, 3),
        PaymentOutcome(4, 150, 0, "paid"),
        ReturnOutcome(2, 850),
        ImportOutcome(3, 1, 0, (RejectedRecord(4, "X-1", "No price."),)),
        SignInOutcome(SignedIn(3, "Ann", "cashier")),
    ],
)
def test_every_kind_of_answer_is_stored_as_it_was(result):
    assert requests.decode(requests.encode(result)) == result


def _request_times(data_dir) -> list[str]:
    with WriteModelDatabase(data_dir) as db:
        return [row[0] for row in db.execute("SELECT recorded_at FROM command_request ORDER BY recorded_at")]


def test_request_ids_a_month_old_are_forgotten_at_closing(shop, catalog, clock, reopen, data_dir):
    """One row a command would grow the database for years: closing keeps the
    last month's (a retry comes within minutes), and a sale's own id stays
    with its order, so the same sale sent again is still not placed twice."""
    sale = PlaceOrder((OrderLine(catalog.mug, 1),), request_id="form-march")
    first = shop.dispatch(sale)
    shop.dispatch(PayIn(100, "March"))
    clock.advance(days=20)
    shop.dispatch(PayIn(100, "Late March"))
    clock.advance(days=15)
    cutoff = (clock.now - requests.KEPT_FOR).isoformat(timespec="seconds")
    recent = [at for at in _request_times(data_dir) if at >= cutoff]
    assert recent and len(recent) < len(_request_times(data_dir))
    shop = reopen(shop)  # closing forgets the ones 35 days old
    assert _request_times(data_dir)[: len(recent)] == recent
    assert min(_request_times(data_dir)) >= cutoff
    assert shop.dispatch(sale) == first
    assert [o.id for o in shop.ask(GetOrders())] == [first]
