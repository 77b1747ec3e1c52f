"""A disk that refuses the read model's save never hides a stored order."""

from core import open_shop
from core.commands import AddCategory, AddProduct, OrderLine, PlaceOrder
from core.queries import GetOrders, GetProductsByIds
from core.read_model.storage import ShardedJSONStorage


def test_listeners_and_queries_see_the_order_when_saving_fails_and_the_next_save_catches_up(tmp_path, monkeypatch):
    shop = open_shop(tmp_path)
    category = shop.dispatch(AddCategory("Kitchen"))
    mug = shop.dispatch(AddProduct("MUG-1", "Blue Enamel Mug", category, 899, stock=5))
    heard = []
    shop.add_listener(heard.append)
    real_flush = ShardedJSONStorage.flush

    def disk_full(self, checkpoint, *last_event):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ShardedJSONStorage, "flush", disk_full)
    order_id = shop.dispatch(PlaceOrder((OrderLine(mug, 2),)))

    assert heard and order_id in heard[-1].orders and mug in heard[-1].products
    assert shop.ask(GetProductsByIds((mug,)))[0].stock == 3
    assert not shop.has_news()  # applied in memory, nothing is pending

    monkeypatch.setattr(ShardedJSONStorage, "flush", real_flush)
    shop.sync()  # nothing new in the outbox, but the unsaved state is written now
    shop.close()
    reopened = open_shop(tmp_path)
    assert [o.id for o in reopened.ask(GetOrders())] == [order_id]
    assert reopened.ask(GetProductsByIds((mug,)))[0].stock == 3
    reopened.close()
