"""Moving a shop from its folder's SQLite file to an empty PostgreSQL
database (``shop-manager --move-to-database``): every row, sequence and
event with its position and journal link; the moved shop opens on the
server with the same answers and takes the next numbers; a database that
is not empty is refused with nothing changed; the SQLite file is left byte
for byte as it was, and that copy can never feed the read model the server
fed.

Skipped when no PostgreSQL server can be had (tests/conftest.py)."""

import os

import pytest

from core import open_shop
from core.commands import OrderLine, PlaceOrder
from core.errors import StorageError
from core.queries import GetOrders, GetProducts, GetStaff
from core.read_model.identity import recorded_identity
from core.shared_server import (
    forget_server,
    look_at_server,
    move_shop,
    saved_server,
    server_name,
    without_password,
)
from core.shop import DATABASE_URL_VARIABLE
from core.write_model.engine import sqlite_engine
from core.write_model.identity import identify
from core.write_model.outbox_archive import archive_settled_events, record_checkpoint
from core.write_model.reading import last_position
from tests import postgres_server
from tests.helpers import FakeClock, run_shop_manager
from tests.integration.test_sales_reconcile import answers, trade_with_everything


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def sqlite_shop(tmp_path_factory):
    """A SQLite shop that used every event, with part of its outbox archived:
    (folder, clock, its answers, the owner's staff id)."""
    # The PostgreSQL run's database: this shop is a file. Put back by this
    # fixture itself, before the run's own fixture removes it (monkeypatch
    # would put it back after that, into the tests of the next module).
    run_database = os.environ.pop(DATABASE_URL_VARIABLE, None)
    try:
        yield _traded_sqlite_shop(tmp_path_factory)
    finally:
        if run_database is not None:
            os.environ[DATABASE_URL_VARIABLE] = run_database


def _traded_sqlite_shop(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("till") / "shop"
    clock = FakeClock()
    shop = open_shop(data_dir, clock=clock)
    try:
        trade_with_everything(shop, clock)
    finally:
        shop.close()
    engine = sqlite_engine(data_dir / "shop.sqlite3")
    try:
        record_checkpoint(engine, "Till 1", last_position(engine), "2024-03-02T09:00:00+00:00")
        assert archive_settled_events(engine, margin=10) > 20
    finally:
        engine.dispose()
    shop = open_shop(data_dir, clock=clock)
    try:
        seen = answers(shop)
        owner = next(s.id for s in shop.ask(GetStaff()) if s.role == "owner")
    finally:
        shop.close()
    return data_dir, clock, seen, owner


@pytest.fixture
def empty_database(postgres_server_url):
    """A database with nothing in it at all (not even the shop's tables)."""
    url = postgres_server.new_database(postgres_server_url)
    yield url
    postgres_server.drop_database(postgres_server_url, url)


def _same_as_rebuilt(shop) -> None:
    shop.sync()
    seen = answers(shop)
    shop.rebuild_read_model()
    assert answers(shop) == seen


def _orders_and_positions(url: str) -> tuple[int, int]:
    with postgres_server.admin_connection(url) as conn:
        orders = conn.execute("SELECT coalesce(max(id), 0) FROM shop_order").fetchone()[0]
        positions = conn.execute(
            "SELECT greatest((SELECT coalesce(max(position), 0) FROM outbox), "
            "(SELECT coalesce(max(position), 0) FROM outbox_archive))"
        ).fetchone()[0]
    return orders, positions


def _first_position_after(url: str, position: int) -> int:
    with postgres_server.admin_connection(url) as conn:
        return conn.execute("SELECT min(position) FROM outbox WHERE position > %s", (position,)).fetchone()[0]


def test_a_moved_shop_opens_on_the_server_as_it_was_and_the_file_is_untouched(sqlite_shop, empty_database, monkeypatch):
    data_dir, clock, seen, owner = sqlite_shop
    db_file = data_dir / "shop.sqlite3"
    file_before = db_file.read_bytes()
    left_behind = sqlite_engine(db_file)
    try:
        file_identity = identify(left_behind, db_file).now
    finally:
        left_behind.dispose()
    assert db_file.read_bytes() == file_before  # (identify wrote nothing: the file was where it was)

    moved = move_shop(data_dir, empty_database)

    assert db_file.read_bytes() == file_before
    totals = moved.totals
    assert totals.orders == len(seen["orders"]) and totals.products == len(seen["products"])
    assert totals.order_total_cents == sum(o.total_cents for o in seen["orders"]) > 0
    assert totals.stock == sum(p.stock for p in seen["products"])
    assert totals.journal_broken_at is None and totals.journal_events == totals.events
    # Archived events and reversed payments (the scenario has them) moved too.
    assert dict(totals.rows)["outbox_archive"] > 20 and dict(totals.rows)["payment_reversal"] >= 1
    assert saved_server(data_dir) == without_password(empty_database)
    last_order, last_event = _orders_and_positions(empty_database)
    assert last_event == totals.last_position

    # The folder says where the shop is now: opening it without the address is refused.
    with pytest.raises(StorageError, match="shared server"):
        open_shop(data_dir)

    shop = open_shop(data_dir, clock=clock, database_url=empty_database)
    try:
        assert answers(shop) == seen
        assert shop.verify_journal().whole
        # The read model says it was made from the server's copy, not from the file.
        server = recorded_identity(data_dir / "read_model")
        assert server is not None and server.shop_id == file_identity.shop_id
        assert server.store_id != file_identity.store_id
        shop.sign_in(owner, "1111")
        mug = next(p for p in shop.ask(GetProducts()) if p.sku == "MUG")
        clock.advance(minutes=5)
        new_order = shop.dispatch(PlaceOrder((OrderLine(mug.id, 1),)))
        assert new_order == last_order + 1  # the next number, not one already taken
        assert _first_position_after(empty_database, last_event) == last_event + 1  # numbered on, none reused
        assert shop.verify_journal().whole
        _same_as_rebuilt(shop)
        on_server = answers(shop)
    finally:
        shop.close()
    assert look_at_server(empty_database).orders == len(seen["orders"]) + 1

    # Back to the copy left behind: its own answers (a rebuild from it), never the server's order.
    forget_server(data_dir)
    shop = open_shop(data_dir, clock=clock)
    try:
        assert new_order not in {o.id for o in shop.ask(GetOrders())}
        assert answers(shop) == seen != on_server
        assert recorded_identity(data_dir / "read_model") == file_identity
    finally:
        shop.close()


def test_a_database_with_empty_tables_takes_a_shop(sqlite_shop, postgres_url):
    """A database a till opened but never used (its tables made, no rows)."""
    data_dir, clock, seen, _owner = sqlite_shop
    move_shop(data_dir, postgres_url)
    shop = open_shop(data_dir, clock=clock, database_url=postgres_url)
    try:
        assert answers(shop) == seen
    finally:
        shop.close()


def _database_rows(url: str) -> dict:
    with postgres_server.admin_connection(url) as conn:
        tables = [
            name for (name,) in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
        ]
        return {name: conn.execute(f'SELECT * FROM "{name}" ORDER BY 1').fetchall() for name in tables}


def test_a_database_holding_a_shop_is_refused_and_nothing_changes(sqlite_shop, empty_database, tmp_path):
    data_dir, _clock, _seen, _owner = sqlite_shop
    already = open_shop(tmp_path / "other till", database_url=empty_database)  # a shop of its own there
    already.close()
    before, folder_before = _database_rows(empty_database), _files(data_dir)

    with pytest.raises(StorageError) as refused:
        move_shop(data_dir, empty_database)

    message = str(refused.value)
    assert "already holds a shop" in message and "\n" not in message and message.endswith(".")
    assert server_name(empty_database) in message
    assert _database_rows(empty_database) == before
    assert _files(data_dir) == folder_before  # nothing recorded: the till stays on its own shop


def test_a_database_holding_other_tables_is_refused(sqlite_shop, empty_database):
    data_dir, _clock, _seen, _owner = sqlite_shop
    with postgres_server.admin_connection(empty_database) as conn:
        conn.execute("CREATE TABLE invoices (id integer)")
    with pytest.raises(StorageError, match="other tables \\(invoices\\)"):
        move_shop(data_dir, empty_database)
    assert set(_database_rows(empty_database)) == {"invoices"}
    assert saved_server(data_dir) is None


def test_a_copy_that_does_not_add_up_is_rolled_back(sqlite_shop, empty_database, monkeypatch):
    """The check compares both sides before COMMIT: a row lost on the way
    leaves the server as it was found."""
    import core.write_model.move_to_server as move

    data_dir, _clock, _seen, _owner = sqlite_shop
    copy = move._copy

    def losing_a_payment(src, dst, table):
        copy(src, dst, table)
        if table.name == "payment":
            dst.exec_driver_sql("DELETE FROM payment WHERE id = (SELECT max(id) FROM payment)")

    monkeypatch.setattr(move, "_copy", losing_a_payment)
    with pytest.raises(StorageError, match=r"did not add up .*payment rows"):
        move_shop(data_dir, empty_database)
    assert _database_rows(empty_database) == {}
    assert saved_server(data_dir) is None


def test_a_till_already_on_a_server_moves_nothing(sqlite_shop, empty_database):
    data_dir, _clock, _seen, _owner = sqlite_shop
    move_shop(data_dir, empty_database)
    with pytest.raises(StorageError, match="on the server already"):
        move_shop(data_dir, empty_database)


def test_an_unreachable_server_is_a_sentence(sqlite_shop):
    data_dir, _clock, _seen, _owner = sqlite_shop
    before = _files(data_dir)
    with pytest.raises(StorageError) as refused:
        move_shop(data_dir, "postgresql+psycopg://till:pw@/shop?host=/nonexistent-socket-folder")
    assert "could not be reached" in str(refused.value)
    assert _files(data_dir) == before


@pytest.mark.subprocess
def test_moving_from_the_command_line(sqlite_shop, empty_database):
    data_dir, clock, seen, _owner = sqlite_shop
    done = run_shop_manager("--data-dir", data_dir, "--move-to-database", empty_database)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Moved {len(seen['orders'])} orders, {len(seen['products'])} products and ")
    assert f"to {server_name(empty_database)}; the counts, money, stock and journal agree" in done.stdout
    assert saved_server(data_dir) == without_password(empty_database)
    shop = open_shop(data_dir, clock=clock, database_url=empty_database)
    try:
        assert answers(shop) == seen
    finally:
        shop.close()

    again = run_shop_manager("--data-dir", data_dir, "--move-to-database", empty_database)
    assert again.returncode == 1
    assert again.stderr.strip().startswith("This till's shop is on the server already")
