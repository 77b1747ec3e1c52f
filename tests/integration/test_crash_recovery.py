"""An order committed to SQLite whose projection never ran (or ran halfway)
is in the read model after reopening. Crashes are simulated in this process
by making the read model's save fail, and for real in a child process that
dies with ``os._exit`` or is killed."""

import json
import os
import signal

import pytest

from core.commands import AddProduct, CancelOrder, OrderLine, PlaceOrder, ReceiveStock
from core.dispatcher import Dispatcher
from core.queries import FindProductByCode, GetOrder, GetOrders, GetProductsByIds
from core.read_model import storage
from core.read_model.projector import ReadModel
from core.write_model.engine import postgres_engine, sqlite_engine
from tests.helpers import WriteModelDatabase


def test_order_committed_without_projection_appears_after_reopen(build_day, open_at, consistent, data_dir):
    shop, ids = build_day()
    shop.close()
    # Another program committed an order and stopped before any read model saw it.
    url = os.environ.get("SHOP_DATABASE_URL")  # a PostgreSQL run's server, else the folder's file
    engine = postgres_engine(url) if url else sqlite_engine(data_dir / "shop.sqlite3")
    try:
        order_id = Dispatcher(engine).dispatch(PlaceOrder((OrderLine(ids["mug"], 4),)))
        Dispatcher(engine).dispatch(CancelOrder(ids["kept"]))
    finally:
        engine.dispose()
    shop = open_at()
    assert shop.ask(GetOrder(order_id)).lines[0].quantity == 4
    assert shop.ask(GetOrder(ids["kept"])).status == "cancelled"
    assert shop.ask(FindProductByCode("MUG-BLUE")).stock == 7 - 4 + 2
    consistent(shop, data_dir)


def refuse_writes(monkeypatch, refusal) -> None:
    """The disk refuses every read-model file (one at a time or several at once)."""
    monkeypatch.setattr(storage, "_write_atomically", refusal)
    monkeypatch.setattr(storage, "_write_all_atomically", refusal)


def test_save_failing_after_commit_loses_nothing(build_day, open_at, consistent, data_dir, monkeypatch):
    shop, ids = build_day()

    def disk_full(*_files):
        raise OSError(28, "No space left on device")

    refuse_writes(monkeypatch, disk_full)
    # The command is committed, so it succeeds even though the read model could not be saved.
    order_id = shop.dispatch(PlaceOrder((OrderLine(ids["trowel"], 2),)))
    shop.dispatch(ReceiveStock(ids["teapot"], 10))
    monkeypatch.undo()
    shop.close()  # a crash: what was in memory is gone

    shop = open_at()
    assert shop.ask(GetOrders())[0].id == order_id
    assert shop.ask(FindProductByCode("GRD-TRW")).stock == 9
    assert shop.ask(FindProductByCode("TEA-01")).stock == 12
    consistent(shop, data_dir)


def test_save_is_retried_by_the_next_command(build_day, open_at, consistent, data_dir, monkeypatch):
    shop, ids = build_day()

    def read_only(*_files):
        raise OSError(30, "Read-only file system")

    refuse_writes(monkeypatch, read_only)
    order_id = shop.dispatch(PlaceOrder((OrderLine(ids["trowel"], 2),)))
    assert shop.ask(GetOrder(order_id)).status == "placed"  # memory is right meanwhile
    monkeypatch.undo()
    shop.dispatch(ReceiveStock(ids["teapot"], 1))  # this save writes both changes
    shop.close()

    def no_rebuild(self, engine):
        raise AssertionError("rebuilt instead of catching up")

    monkeypatch.setattr(ReadModel, "rebuild", no_rebuild)
    shop = open_at()
    assert shop.ask(GetOrder(order_id)).status == "placed"
    consistent(shop, data_dir)


def test_projection_crashing_after_commit_loses_nothing(build_day, open_at, consistent, data_dir, monkeypatch):
    shop, ids = build_day()

    def crash(self, engine):
        raise RuntimeError("process died while projecting")

    monkeypatch.setattr(ReadModel, "catch_up", crash)
    # The order is stored, so the till hears success, not the projector's failure...
    order_id = shop.dispatch(PlaceOrder((OrderLine(ids["mug"], 5),)))
    assert type(order_id) is int
    # ...while the read model has not seen it yet.
    assert all(o.id != order_id for o in shop.ask(GetOrders()))
    monkeypatch.undo()
    shop.close()

    shop = open_at()
    (newest, *_) = shop.ask(GetOrders())
    assert newest.id == order_id and newest.item_count == 5
    assert shop.ask(FindProductByCode("MUG-BLUE")).stock == 2
    consistent(shop, data_dir)


class TestChildProcessDies:
    """A real second process that dies at the worst moments."""

    @pytest.fixture
    def day(self, traded_day):
        ids, _expected = traded_day
        return ids

    def finish(self, proc):
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        return out.split()

    def test_dies_right_after_commit(self, day, till, open_at, consistent, data_dir):
        order_id = int(self.finish(till("die-after-commit", data_dir, day["mug"], 3))[0])
        shop = open_at()
        assert shop.ask(GetOrder(order_id)).lines[0].quantity == 3
        assert shop.ask(FindProductByCode("MUG-BLUE")).stock == 4
        consistent(shop, data_dir)

    def test_dies_between_table_files_and_meta(self, day, till, open_at, consistent, data_dir):
        assert self.finish(till("die-before-meta", data_dir, day["trowel"], 11)) == ["dying"]
        shop = open_at()
        (newest, *_) = shop.ask(GetOrders())
        assert (newest.item_count, newest.total_cents) == (11, 11 * 1200)
        assert shop.ask(FindProductByCode("GRD-TRW")).stock == 0
        consistent(shop, data_dir)

    def test_dies_halfway_through_writing_a_table_file(self, day, till, open_at, consistent, data_dir):
        assert self.finish(till("die-mid-write", data_dir, day["teapot"], 2)) == ["dying"]
        assert list((data_dir / "read_model").glob(".*.tmp"))  # the half-written temp file
        shop = open_at()
        assert shop.ask(FindProductByCode("TEA-01")).stock == 0
        consistent(shop, data_dir)

    @pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only")
    def test_killed_while_selling(self, build_day, till, open_at, consistent, data_dir):
        shop, ids = build_day()
        sweets = shop.dispatch(AddProduct("SWEET", "Sweet", ids["kitchen"], 5, stock=100_000))
        shop.close()
        proc = till("sell-until-killed", data_dir, sweets)
        # Kill it wherever it is (committing, projecting, writing files) after
        # it has reported a few committed orders.
        confirmed = [int(proc.stdout.readline()) for _ in range(15)]
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)

        shop = open_at()
        consistent(shop, data_dir)  # whatever was committed, and nothing else
        for order_id in confirmed:
            assert shop.ask(GetOrder(order_id)).status == "placed"
        (sweet,) = shop.ask(GetProductsByIds((sweets,)))
        sold = sum(
            o.item_count
            for o in shop.ask(GetOrders())
            if any(l.product_id == sweets for l in shop.ask(GetOrder(o.id)).lines)
        )
        assert sweet.stock + sold == 100_000
        assert sold >= len(confirmed)

    @pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only")
    def test_killed_while_selling_with_batched_saves(self, build_day, till, open_at, consistent, data_dir):
        shop, ids = build_day()
        sweets = shop.dispatch(AddProduct("SWEET", "Sweet", ids["kitchen"], 5, stock=100_000))
        shop.close()
        proc = till("sell-batched-until-killed", data_dir, sweets)
        confirmed = [int(proc.stdout.readline()) for _ in range(15)]
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        # Its read-model files never saw those orders (no save came due)...
        saved = json.loads((data_dir / "read_model" / "meta.json").read_bytes())["checkpoint"]
        conn = WriteModelDatabase(data_dir)
        try:
            (recorded,) = conn.execute("SELECT MAX(position) FROM outbox").fetchone()
        finally:
            conn.close()
        assert saved <= recorded - len(confirmed)

        # ...and the next start catches up from the outbox: nothing is lost.
        shop = open_at()
        consistent(shop, data_dir)
        for order_id in confirmed:
            assert shop.ask(GetOrder(order_id)).status == "placed"
        (sweet,) = shop.ask(GetProductsByIds((sweets,)))
        sold = sum(
            o.item_count
            for o in shop.ask(GetOrders())
            if any(l.product_id == sweets for l in shop.ask(GetOrder(o.id)).lines)
        )
        assert sweet.stock + sold == 100_000
        assert sold >= len(confirmed)
