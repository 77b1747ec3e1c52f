"""A disk that refuses the read model's save never hides a stored order, and
a save writing its files never holds up the next command."""

import threading

import pytest

from core import open_shop
from core.commands import AddCategory, AddProduct, OrderLine, PlaceOrder
from core.queries import GetOrders, GetProductsByIds
from core.read_model import storage
from core.read_model.storage import META_FILE, ShardedJSONStorage, recorded_tables

SCHEMA = 1


@pytest.fixture
def mug_shop(tmp_path):
    shop = open_shop(tmp_path)
    category = shop.dispatch(AddCategory("Kitchen"))
    mug = shop.dispatch(AddProduct("MUG-1", "Blue Enamel Mug", category, 899, stock=5))
    yield shop, mug
    shop.close()


def test_listeners_and_queries_see_the_order_when_saving_fails_and_the_next_save_catches_up(
    tmp_path, mug_shop, monkeypatch
):
    shop, mug = mug_shop
    heard = []
    shop.add_listener(heard.append)
    real_write = storage._write_atomically

    def disk_full(path, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage, "_write_atomically", disk_full)
    order_id = shop.dispatch(PlaceOrder((OrderLine(mug, 2),)))
    assert not shop.save_read_model()  # the disk refused

    assert heard and order_id in heard[-1].orders and mug in heard[-1].products
    assert shop.ask(GetProductsByIds((mug,)))[0].stock == 3
    assert not shop.has_news()  # applied in memory, nothing is pending

    monkeypatch.setattr(storage, "_write_atomically", real_write)
    shop.sync()  # nothing new in the outbox, but the unsaved state is written now
    shop.close()
    reopened = open_shop(tmp_path)
    assert [o.id for o in reopened.ask(GetOrders())] == [order_id]
    assert reopened.ask(GetProductsByIds((mug,)))[0].stock == 3
    reopened.close()


def test_a_sale_goes_on_while_the_last_one_is_being_written_to_disk(tmp_path, mug_shop, monkeypatch):
    shop, mug = mug_shop
    shop.save_after_each_command = False
    first = shop.dispatch(PlaceOrder((OrderLine(mug, 1),)))
    on_disk, let_go = threading.Event(), threading.Event()
    real_write = storage._write_atomically

    def slow_disk(path, data):
        on_disk.set()
        assert let_go.wait(30)
        real_write(path, data)

    monkeypatch.setattr(storage, "_write_atomically", slow_disk)
    saver = threading.Thread(target=shop.save_read_model)
    saver.start()
    assert on_disk.wait(30)
    seller = threading.Thread(target=lambda: sold.append(shop.dispatch(PlaceOrder((OrderLine(mug, 2),)))))
    sold: list[int] = []
    seller.start()
    seller.join(30)
    try:
        assert sold, "the sale waited for the read model's files"
        assert shop.ask(GetProductsByIds((mug,)))[0].stock == 2
    finally:
        let_go.set()
        saver.join(30)
    monkeypatch.setattr(storage, "_write_atomically", real_write)
    shop.close()  # saves the second sale
    reopened = open_shop(tmp_path)
    assert [o.id for o in reopened.ask(GetOrders())] == [sold[0], first]
    assert reopened.ask(GetProductsByIds((mug,)))[0].stock == 2
    reopened.close()


def test_what_changes_after_a_flush_began_is_written_by_the_next(tmp_path):
    tables = ShardedJSONStorage(tmp_path, SCHEMA)
    tables.table("orders_0")["1"] = {"total": 100}
    tables.touch("orders_0")
    write = tables.begin_flush(1)
    tables.table("orders_0")["2"] = {"total": 200}  # a command while the files are written
    tables.touch("orders_0")
    tables.table("customers_0")["7"] = {"name": "Ann"}
    write()

    saved = ShardedJSONStorage(tmp_path, SCHEMA)
    saved.load()
    assert saved.checkpoint == 1 and saved.table("orders_0") == {"1": {"total": 100}}
    assert saved.names("customers_") == []
    assert tables.is_dirty(1)

    tables.flush(2)
    saved = ShardedJSONStorage(tmp_path, SCHEMA)
    saved.load()
    assert saved.checkpoint == 2 and saved.table("orders_0") == {"1": {"total": 100}, "2": {"total": 200}}
    assert saved.table("customers_0") == {"7": {"name": "Ann"}}


def test_a_write_the_disk_refused_is_made_again_by_the_next_flush(tmp_path, monkeypatch):
    tables = ShardedJSONStorage(tmp_path, SCHEMA)
    tables.table("orders_0")["1"] = {"total": 100}
    tables.table("old_0")["1"] = {}
    tables.flush(1)
    tables.table("orders_0")["2"] = {"total": 200}
    tables.touch("orders_0")
    tables.write({name: table for name, table in tables.read().items() if name != "old_0"})  # TinyDB's drop
    real_write = storage._write_atomically

    def refuse_meta(path, data):
        if path.name == META_FILE:
            raise OSError(28, "No space left on device")
        real_write(path, data)

    monkeypatch.setattr(storage, "_write_atomically", refuse_meta)
    write = tables.begin_flush(2)
    with pytest.raises(OSError):
        write()
    assert tables.checkpoint == 1 and tables.is_dirty(2)
    assert recorded_tables(tmp_path, SCHEMA)[0] == 1  # meta.json as it was

    monkeypatch.setattr(storage, "_write_atomically", real_write)
    tables.flush(2)
    saved = ShardedJSONStorage(tmp_path, SCHEMA)
    saved.load()
    assert saved.checkpoint == 2 and saved.table("orders_0") == {"1": {"total": 100}, "2": {"total": 200}}
    assert saved.names("old_") == [] and not (tmp_path / "old_0.json").exists()


def test_the_next_flush_waits_for_a_write_still_on_the_disk(tmp_path):
    tables = ShardedJSONStorage(tmp_path, SCHEMA)
    tables.table("orders_0")["1"] = {"total": 100}
    write = tables.begin_flush(1)
    tables.table("orders_0")["2"] = {"total": 200}
    tables.touch("orders_0")
    second = threading.Thread(target=tables.flush, args=(2,))
    second.start()
    second.join(0.2)
    assert second.is_alive()  # meta.json is never written out of order
    write()
    second.join(30)
    assert recorded_tables(tmp_path, SCHEMA)[0] == 2
