"""The projector edits documents in place and saves only what changed; a
rebuild gives exactly what the events gave; saves can be batched; large
flushes write their files on several threads, and still all or nothing."""

import copy
import json
import os

import pytest

from core import open_shop
from core.commands import (
    AddCategory,
    AddProduct,
    AddProducts,
    CancelOrder,
    OpenTill,
    OrderLine,
    PlaceOrder,
    ReceiveStock,
)
from core.dispatcher import Dispatcher
from core.domain.report_periods import local_day_hour
from core.errors import OutOfStock
from core.queries import FindProductByCode, GetCategories, GetOrder, GetOrders, GetProducts
from core.read_model import documents as docs
from core.read_model import projector, storage
from core.read_model import report_aggregates as agg
from core.read_model.storage import ShardedJSONStorage
from tests.saved_order import without_saved_order
from tests.unit.helpers import history_table_of


def everything(shop) -> dict:
    orders = shop.ask(GetOrders())
    return {
        "categories": shop.ask(GetCategories()),
        "products": shop.ask(GetProducts()),
        "orders": orders,
        "details": tuple(shop.ask(GetOrder(o.id)) for o in orders),
    }


def documents(shop) -> dict:
    """The documents, the stock history's outbox positions left out: a
    rebuild stamps every past movement with the snapshot's position (they
    only tell a replayed event from a new one); the saved name order
    checked and left out (tests/saved_order.py)."""
    return without_positions(shop._read_model.storage.load_all())


def without_positions(tables: dict) -> dict:
    tables = without_saved_order(copy.deepcopy(tables))
    for name, table in tables.items():
        if name.startswith(docs.HISTORY_PREFIX):
            for doc in table.values():
                doc["moves"] = [[None, *move[1:]] for move in doc["moves"]]
    return tables


def meta(data_dir) -> dict:
    return json.loads((data_dir / "read_model" / storage.META_FILE).read_bytes())


@pytest.fixture
def big_shop(data_dir, clock):
    """1,100 products over three product tables, and a day's trading."""
    shop = open_shop(data_dir, clock=clock)
    shop.save_after_each_command = True  # these tests count what each command writes
    kitchen = shop.dispatch(AddCategory("Kitchen"))
    mugs = shop.dispatch(AddCategory("Mugs", parent_id=kitchen))
    ids = shop.dispatch(
        AddProducts(
            tuple(
                AddProduct(
                    f"P-{i:04d}",
                    f"Product {i % 300}",
                    mugs if i % 2 else kitchen,
                    100 + i,
                    stock=50,
                    barcode=f"20{i:011d}" if i % 3 == 0 else None,
                )
                for i in range(1, 1101)
            )
        )
    )
    first = shop.dispatch(PlaceOrder((OrderLine(ids[0], 2), OrderLine(ids[700], 1), OrderLine(ids[1099], 5))))
    clock.advance(minutes=5)
    second = shop.dispatch(PlaceOrder((OrderLine(ids[1], 1),)))
    shop.dispatch(CancelOrder(first))
    shop.dispatch(ReceiveStock(ids[600], 7))
    shop.dispatch(PlaceOrder((OrderLine(ids[600], 57),)))
    yield shop, ids, second
    shop.close()


def test_a_rebuild_gives_exactly_the_documents_the_events_gave(big_shop, data_dir):
    shop, _ids, _second = big_shop
    projected, answers = documents(shop), everything(shop)
    assert len([n for n in projected if n.startswith(docs.PRODUCTS_PREFIX)]) == 3

    shop.rebuild_read_model()
    assert documents(shop) == projected
    assert everything(shop) == answers

    shop.close()
    reopened = open_shop(data_dir)
    try:
        assert documents(reopened) == projected
        assert everything(reopened) == answers
    finally:
        reopened.close()


def test_a_sale_rewrites_only_the_tables_it_changed(big_shop, monkeypatch):
    shop, ids, _second = big_shop
    written = []
    real = storage._write_atomically
    monkeypatch.setattr(storage, "_write_atomically", lambda path, data: (written.append(path.name), real(path, data)))
    real_all = storage._write_all_atomically

    def write_all(items):
        items = list(items)
        written.extend(path.name for path, _data in items)
        return real_all(items)

    monkeypatch.setattr(storage, "_write_all_atomically", write_all)

    order_id = shop.dispatch(PlaceOrder((OrderLine(ids[10], 1), OrderLine(ids[1050], 1))))

    order = shop.ask(GetOrder(order_id))
    day, _hour = local_day_hour(order.placed_at)
    skus = {line.sku for line in order.lines}
    lines = shop._read_model.documents.get(docs.orders_table(order_id), order_id)["lines"]
    paths = {line["category_path"] for line in lines}
    assert sorted(written) == sorted(
        [
            # The sales reports' sums: the day's totals, its month's, its products'.
            f"{agg.DAYS}.json",
            f"{agg.time_table(day[:7])}.json",
            f"{agg.items_table(day)}.json",
            *{f"{agg.month_items_table(day[:7], agg.month_shard('products', sku))}.json" for sku in skus},
            *{f"{agg.month_items_table(day[:7], agg.month_shard('categories', path))}.json" for path in paths},
            *{f"{agg.names_table(sku)}.json" for sku in skus},
            f"{docs.products_table(ids[10])}.json",
            f"{docs.products_table(ids[1050])}.json",
            f"{history_table_of(shop, ids[10])}.json",
            f"{history_table_of(shop, ids[1050])}.json",
            f"{docs.orders_table(order_id)}.json",
            f"{docs.order_index_table(order_id)}.json",
            f"{docs.order_spans_table(order_id // docs.SHARD_SIZE)}.json",  # its shard's span and count
            "till_session_1.json",  # the till's open session: its takings
            "session_index_0.json",  # and its row in the list of sessions
            storage.META_FILE,
        ]
    )


def test_nothing_is_written_when_nothing_changed(big_shop, monkeypatch):
    shop, _ids, _second = big_shop
    monkeypatch.setattr(storage, "_write_atomically", lambda path, data: pytest.fail(f"wrote {path.name}"))
    assert shop.save_read_model()
    shop.sync()


def test_an_event_about_an_order_never_seen_rebuilds(big_shop, data_dir):
    shop, _ids, second = big_shop
    # Forget the order in memory only; its cancellation then cannot be applied.
    rm = shop._read_model
    rm.storage.ensure_loaded(docs.orders_table(second))
    del rm.storage.read()[docs.orders_table(second)][str(second)]
    engine = shop._engine
    Dispatcher(engine).dispatch(CancelOrder(second))
    changes = shop.sync()
    assert changes.rebuilt
    assert shop.ask(GetOrder(second)).status == "cancelled"


class TestCatchUpInBatches:
    @pytest.fixture
    def small_batches(self, monkeypatch):
        monkeypatch.setattr(projector, "CATCH_UP_BATCH", 2)
        monkeypatch.setattr(projector, "REBUILD_BACKLOG", 4)

    def other_till_sells(self, shop, product_id, times):
        dispatcher = Dispatcher(shop._engine)
        return [dispatcher.dispatch(PlaceOrder((OrderLine(product_id, 1),))) for _ in range(times)]

    def test_a_backlog_within_the_limit_is_applied_batch_by_batch(self, big_shop, small_batches):
        shop, ids, _second = big_shop
        sold = self.other_till_sells(shop, ids[5], 4)
        changes = shop.sync()
        assert not changes.rebuilt and set(sold) <= changes.orders
        assert shop.ask(FindProductByCode("P-0006")).stock == 46

    def test_a_backlog_beyond_the_limit_is_a_rebuild(self, big_shop, small_batches):
        shop, ids, _second = big_shop
        sold = self.other_till_sells(shop, ids[5], 5)
        changes = shop.sync()
        assert changes.rebuilt
        assert {o.id for o in shop.ask(GetOrders())} >= set(sold)
        assert shop.ask(FindProductByCode("P-0006")).stock == 45


class TestBatchedSaves:
    def test_saved_once_enough_events_are_unsaved(self, shop, catalog, data_dir):
        shop.dispatch(OpenTill(0))  # so that the sale is one event, not two (the session's opening)
        shop.save_read_model()
        shop.batch_saves(events=3)
        saved_at = meta(data_dir)["checkpoint"]
        shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
        shop.dispatch(ReceiveStock(catalog.plate, 1))
        assert meta(data_dir)["checkpoint"] == saved_at  # 2 unsaved: not yet
        assert shop._read_model.unsaved_events == 2
        shop.dispatch(ReceiveStock(catalog.plate, 1))
        assert meta(data_dir)["checkpoint"] == saved_at + 3
        assert shop._read_model.unsaved_events == 0

    def test_saved_once_the_oldest_unsaved_change_is_old_enough(self, shop, catalog, data_dir):
        now = [100.0]
        shop.batch_saves(seconds=0.25, clock=lambda: now[0])
        saved_at = meta(data_dir)["checkpoint"]
        shop.dispatch(ReceiveStock(catalog.plate, 1))
        now[0] += 0.2
        shop.dispatch(ReceiveStock(catalog.plate, 1))
        assert meta(data_dir)["checkpoint"] == saved_at
        now[0] += 0.1  # the first change is 0.3 s old now
        shop.sync()
        assert meta(data_dir)["checkpoint"] == saved_at + 2

    def test_close_saves_whatever_is_left(self, shop, catalog, data_dir, reopen):
        shop.batch_saves(events=1_000, seconds=3_600)
        order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 2),)))
        assert meta(data_dir)["checkpoint"] < shop._read_model.checkpoint
        reopened = reopen(shop)
        assert meta(data_dir)["checkpoint"] == reopened._read_model.checkpoint
        assert reopened.ask(GetOrder(order_id)).lines[0].quantity == 2

    def test_unsaved_changes_lost_in_a_crash_come_back_from_the_outbox(self, shop, catalog, data_dir):
        shop.batch_saves(events=1_000, seconds=3_600)
        order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 2),)))
        shop.dispatch(CancelOrder(order_id))
        shop.dispatch(ReceiveStock(catalog.teapot, 4))
        expected = everything(shop)
        # A crash: the process ends without saving (nothing of it is used again).
        shop._engine.dispose()
        again = open_shop(data_dir)
        try:
            assert everything(again) == expected
        finally:
            again.close()

    def test_needs_a_limit(self, shop):
        with pytest.raises(ValueError):
            shop.batch_saves()


class TestLargeFlush:
    """From storage.PARALLEL_WRITES_FROM changed tables on (a rebuild), files are
    fsynced on several threads; nothing is renamed unless all succeeded."""

    def test_rebuild_writes_every_table_and_loads_back(self, big_shop, data_dir, monkeypatch):
        shop, _ids, _second = big_shop
        monkeypatch.setattr(storage, "PARALLEL_WRITES_FROM", 2)
        projected = documents(shop)
        shop.rebuild_read_model()
        files = ShardedJSONStorage(data_dir / "read_model", docs.SCHEMA_VERSION)
        files.load()
        assert without_positions(files.read()) == projected
        assert not list((data_dir / "read_model").glob(".*.tmp"))

    def test_a_failed_fsync_replaces_no_file(self, big_shop, data_dir, monkeypatch):
        shop, _ids, _second = big_shop
        monkeypatch.setattr(storage, "PARALLEL_WRITES_FROM", 2)
        folder = data_dir / "read_model"
        before = {p.name: p.read_bytes() for p in folder.glob("*.json")}
        real_fsync, calls = os.fsync, []

        def failing_fsync(fd):
            calls.append(fd)
            if len(calls) == 3:
                raise OSError(5, "Input/output error")
            real_fsync(fd)

        monkeypatch.setattr(storage.os, "fsync", failing_fsync)
        for table in shop._read_model.storage.read():
            shop._read_model.storage.touch(table)
        assert shop.save_read_model() is False
        monkeypatch.setattr(storage.os, "fsync", real_fsync)
        assert {p.name: p.read_bytes() for p in folder.glob("*.json")} == before
        assert not list(folder.glob(".*.tmp"))
        assert shop.save_read_model()  # the next save writes them all
        assert meta(data_dir)["checkpoint"] == shop._read_model.checkpoint


def test_a_command_s_own_events_are_applied_without_reading_the_outbox(shop, catalog, monkeypatch):
    reads = []
    original = projector.ReadModel._events_after
    monkeypatch.setattr(
        projector.ReadModel,
        "_events_after",
        lambda self, engine, position: reads.append(position) or original(self, engine, position),
    )
    shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    assert reads == []
    assert shop.ask(GetOrders())[0].total_cents == 850
    with pytest.raises(OutOfStock):
        shop.dispatch(PlaceOrder((OrderLine(catalog.plate, 1),)))  # refused: looks for others' news
    assert len(reads) == 1


def test_an_event_is_written_as_its_payload():
    """The outbox holds what to_payload() gives: orjson writes the event
    dataclass itself (nested dataclasses, tuples, None, non-ASCII)."""
    from core import json_codec
    from core.domain.pricing import Discount
    from core.events import OrderPlaced, SoldLine

    line = SoldLine(
        product_id=3,
        sku="TEA-01",
        name="Café Teapot",
        quantity=2,
        unit_price_cents=2499,
        stock_after=1,
        discount=Discount("percent", 1000),
        line_discount_cents=500,
        order_discount_cents=0,
        tax_rate_bp=2000,
        tax_cents=750,
    )
    event = OrderPlaced(
        order_id=7,
        placed_at="2026-12-04T10:00:00+00:00",
        total_cents=4498,
        lines=(line,),
        customer_id=None,
        prices_include_tax=True,
        subtotal_cents=4998,
        discount_cents=500,
        tax_cents=750,
        order_discount=None,
    )
    assert json.loads(json_codec.dumps_text(event)) == json.loads(json.dumps(event.to_payload()))


def test_a_scripted_shop_saves_its_read_model_in_batches_not_after_each_command(data_dir, monkeypatch):
    # The SQLite commit makes a command durable; the read model's files are
    # written once SAVE_EVERY_EVENTS are unsaved (or on close), not per command.
    from core import shop as shop_module

    monkeypatch.setattr(shop_module, "SAVE_EVERY_EVENTS", 5)
    shop = open_shop(data_dir)
    try:
        saves = []
        real = shop._read_model.save
        monkeypatch.setattr(shop._read_model, "save", lambda: (saves.append(1), real())[1])
        kitchen = shop.dispatch(AddCategory("Kitchen"))
        for i in range(8):
            shop.dispatch(AddProduct(f"S-{i}", f"Spoon {i}", kitchen, 100))
        assert len(saves) == 1  # at the fifth unsaved event
    finally:
        shop.close()
    reopened = open_shop(data_dir)
    try:
        assert len(reopened.ask(GetProducts())) == 8
    finally:
        reopened.close()


def test_changes_merge_says_everything_each_said():
    from core import Changes

    merged = Changes.merge(
        [
            Changes(categories=frozenset({1}), products=frozenset({2})),
            Changes(orders=frozenset({3}), customers=frozenset({4}), settings=True),
            Changes(rebuilt=True, products=frozenset({5})),
        ]
    )
    assert merged == Changes(frozenset({1}), frozenset({2, 5}), frozenset({3}), True, frozenset({4}), True)
    assert not Changes.merge([])
