"""A product's stock history (GetStockHistory): every movement, oldest first,
with its time and resulting level, the same however the read model was built:
incrementally, after reopening, rebuilt from scratch, or after replaying
events its files already held (a crash between table files and meta.json).
"""

import json
import shutil

import pytest

from core import open_shop
from core.commands import (
    AddProduct,
    AdjustStock,
    ArchiveProduct,
    CancelOrder,
    DeleteProduct,
    ImportProducts,
    MoveCategory,
    OrderLine,
    PlaceOrder,
    ProductRecord,
    ReceiveStock,
    RenameCategory,
    RestoreProduct,
    UpdateProduct,
)
from core.errors import OutOfStock, UnknownProduct
from core.queries import GetProduct, GetProducts, GetStockHistory, StockMovement
from core.read_model.projector import ReadModel
from tests.helpers import everything
from tests.unit.helpers import BY_OWNER

IMPORT_NOTE = "Imported from a catalog file"


def at(hour: int, minute: int = 0) -> str:
    return f"2024-03-01T{hour:02d}:{minute:02d}:00+00:00"


def test_every_kind_of_movement_in_order_with_its_resulting_level(shop, catalog, clock):
    jug = shop.dispatch(AddProduct("JUG-1", "Milk Jug", catalog.kitchen, 1500, stock=5))
    clock.advance(hours=1)
    first = shop.dispatch(PlaceOrder((OrderLine(jug, 2),)))
    clock.advance(hours=1)
    shop.dispatch(CancelOrder(first))
    clock.advance(hours=1)
    shop.dispatch(ReceiveStock(jug, 10, note="Supplier X, delivery 12"))
    clock.advance(hours=1)
    shop.dispatch(AdjustStock(jug, "damaged", change=-1, note="Chipped"))
    clock.advance(hours=1)
    shop.dispatch(AdjustStock(jug, "stock-take", counted=12))
    clock.advance(hours=1)
    second = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1), OrderLine(jug, 3))))
    clock.advance(hours=1)
    shop.dispatch(ImportProducts((ProductRecord(2, "JUG-1", "Milk Jug", "Kitchen", 1500, stock=20),)))

    assert shop.ask(GetStockHistory(jug)) == (
        StockMovement(at(9), "received", 5, 5, None, "Opening stock", None, **BY_OWNER),
        StockMovement(at(10), "sold", -2, 3, None, None, first, **BY_OWNER),
        StockMovement(at(11), "cancelled", 2, 5, None, None, first, **BY_OWNER),
        StockMovement(at(12), "received", 10, 15, None, "Supplier X, delivery 12", None, **BY_OWNER),
        StockMovement(at(13), "adjusted", -1, 14, "damaged", "Chipped", None, **BY_OWNER),
        StockMovement(at(14), "adjusted", -2, 12, "stock-take", None, None, **BY_OWNER),
        StockMovement(at(15), "sold", -3, 9, None, None, second, **BY_OWNER),
        StockMovement(at(16), "adjusted", 11, 20, "stock-take", IMPORT_NOTE, None, **BY_OWNER),
    )
    assert shop.ask(GetProduct(jug)).stock == 20
    # The mug's history got its own line of the same order, and nothing else.
    assert shop.ask(GetStockHistory(catalog.mug))[-1] == StockMovement(
        at(15), "sold", -1, 9, None, None, second, **BY_OWNER
    )


def test_a_product_added_without_stock_has_no_history(shop, catalog):
    new_id = shop.dispatch(AddProduct("NEW-0", "Empty", catalog.kitchen, 100))
    assert shop.ask(GetStockHistory(new_id)) == ()
    assert shop.ask(GetStockHistory(catalog.plate)) == ()


def test_history_of_an_unknown_product(shop, catalog):
    with pytest.raises(UnknownProduct):
        shop.ask(GetStockHistory(999))


def test_history_is_kept_for_an_archived_product(shop, catalog):
    shop.dispatch(ReceiveStock(catalog.mug, 1))
    before = shop.ask(GetStockHistory(catalog.mug))
    shop.dispatch(ArchiveProduct(catalog.mug))
    assert shop.ask(GetStockHistory(catalog.mug)) == before
    shop.dispatch(RestoreProduct(catalog.mug))
    assert shop.ask(GetStockHistory(catalog.mug)) == before


def test_editing_a_product_adds_no_movement(shop, catalog):
    before = shop.ask(GetStockHistory(catalog.mug))
    mug = shop.ask(GetProduct(catalog.mug))
    shop.dispatch(UpdateProduct(mug.id, "MUG-2", "Mug 2", catalog.garden, 1, reorder_level=50))
    assert shop.ask(GetStockHistory(catalog.mug)) == before


def test_a_refused_sale_adds_no_movement(shop, catalog):
    before = shop.ask(GetStockHistory(catalog.teapot))
    with pytest.raises(OutOfStock):
        shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1), OrderLine(catalog.teapot, 4))))
    assert shop.ask(GetStockHistory(catalog.teapot)) == before
    assert len(shop.ask(GetStockHistory(catalog.mug))) == 1


def test_the_history_explains_the_stock(shop, catalog):
    _trade(shop, catalog)
    for product in shop.ask(GetProducts()) + shop.ask(GetProducts(archived=True)):
        history = shop.ask(GetStockHistory(product.id))
        assert sum(m.quantity for m in history) == product.stock, product.name
        level = 0
        for move in history:
            level += move.quantity
            assert move.stock_after == level, (product.name, move)
        assert [m.at for m in history] == sorted(m.at for m in history)


def _trade(shop, catalog, clock=None) -> dict:
    """Every kind of stock movement over the catalog; no deletions."""
    tick = (lambda: clock.advance(minutes=7)) if clock else (lambda: None)
    ids = {}
    ids["jug"] = shop.dispatch(AddProduct("JUG-1", "Milk Jug", catalog.kitchen, 1500, stock=5))
    tick()
    ids["a"] = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 2), OrderLine(ids["jug"], 1))))
    tick()
    ids["b"] = shop.dispatch(PlaceOrder((OrderLine(catalog.teapot, 3),)))
    tick()
    shop.dispatch(CancelOrder(ids["b"]))
    tick()
    shop.dispatch(ReceiveStock(catalog.plate, 6, note="Crate 9"))
    tick()
    shop.dispatch(AdjustStock(catalog.trowel, "lost", change=-2, note="Stolen?"))
    tick()
    shop.dispatch(AdjustStock(catalog.mug, "stock-take", counted=4))
    tick()
    shop.dispatch(ArchiveProduct(catalog.trowel))
    tick()
    shop.dispatch(
        ImportProducts(
            (
                ProductRecord(2, "JUG-1", "Milk Jug", "Kitchen", 1600, stock=9),
                ProductRecord(3, "NEW-IMP", "Imported Bowl", "Kitchen/Bowls", 700, stock=4),
            )
        )
    )
    tick()
    ids["c"] = shop.dispatch(PlaceOrder((OrderLine(ids["jug"], 9), OrderLine(catalog.plate, 1))))
    tick()
    shop.dispatch(ReceiveStock(ids["jug"], 2))
    tick()
    return ids


def test_history_is_the_same_after_reopening(shop, catalog, clock, reopen):
    _trade(shop, catalog, clock)
    before = everything(shop)
    assert everything(reopen(shop)) == before


def test_history_is_the_same_after_deleting_the_read_model(shop, catalog, clock, reopen, data_dir):
    _trade(shop, catalog, clock)
    before = everything(shop)
    shop.close()
    shutil.rmtree(data_dir / "read_model")
    assert everything(reopen(shop)) == before


def test_history_is_the_same_after_a_forced_rebuild(shop, catalog, clock):
    _trade(shop, catalog, clock)
    before = everything(shop)
    changes = shop.rebuild_read_model()
    assert changes.rebuilt
    assert everything(shop) == before
    # And new movements still follow a rebuilt history.
    shop.dispatch(ReceiveStock(catalog.mug, 1, note="after"))
    history = shop.ask(GetStockHistory(catalog.mug))
    assert history[:-1] == before["history"][catalog.mug]
    assert (history[-1].kind, history[-1].note, history[-1].stock_after) == ("received", "after", 5)


def test_movements_after_a_rebuild_are_not_lost_on_replay(shop, catalog, clock, data_dir, reopen):
    """A rebuild marks its movements with the snapshot position; a later one
    must still be told apart from them when events are replayed."""
    _trade(shop, catalog, clock)
    shop.rebuild_read_model()
    meta = (data_dir / "read_model" / "meta.json").read_bytes()
    shop.dispatch(ReceiveStock(catalog.mug, 1))
    shop.dispatch(AdjustStock(catalog.mug, "damaged", change=-1))
    before = everything(shop)
    shop.close()
    (data_dir / "read_model" / "meta.json").write_bytes(meta)
    assert everything(reopen(shop)) == before


def test_replaying_events_twice_adds_no_movement(shop, catalog, clock, data_dir, reopen, monkeypatch):
    # Part 1, saved: the checkpoint a crash falls back to.
    shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    meta_file = data_dir / "read_model" / "meta.json"
    old_meta = meta_file.read_bytes()
    old_checkpoint = json.loads(old_meta)["checkpoint"]
    # Part 2: every kind of change, saved to the table files.
    ids = _trade(shop, catalog, clock)
    shop.dispatch(RenameCategory(catalog.mugs, "Cups"))
    shop.dispatch(MoveCategory(catalog.plates, catalog.garden))
    before = everything(shop)
    shop.close()
    assert json.loads(meta_file.read_bytes())["checkpoint"] > old_checkpoint

    def no_rebuild(self, engine):  # so that a replay really is a replay
        raise AssertionError("the read model was rebuilt instead of replaying events")

    monkeypatch.setattr(ReadModel, "rebuild", no_rebuild)
    for _ in range(2):
        # A crash after the table files were replaced but before meta.json was:
        # the tables are newer than meta's checkpoint, so their events replay.
        meta_file.write_bytes(old_meta)
        shop = reopen(shop)
        assert everything(shop) == before
        # Opening, sold, imported count, sold, received: once each.
        assert [m.kind for m in shop.ask(GetStockHistory(ids["jug"]))] == [
            "received",
            "sold",
            "adjusted",
            "sold",
            "received",
        ]
    # Work goes on normally afterwards.
    shop.dispatch(ReceiveStock(ids["jug"], 1))
    assert len(shop.ask(GetStockHistory(ids["jug"]))) == 6


def test_replay_over_a_deleted_product_converges(shop, catalog, clock, data_dir, reopen):
    """Events of a product deleted later are replayed over files that no
    longer hold it: whatever the projector does, the answers are the same."""
    gone = shop.dispatch(AddProduct("GONE-1", "Short-lived", catalog.garden, 100, stock=2))
    meta_file = data_dir / "read_model" / "meta.json"
    old_meta = meta_file.read_bytes()
    shop.dispatch(ReceiveStock(gone, 3))
    shop.dispatch(AdjustStock(gone, "lost", change=-1))
    _trade(shop, catalog, clock)
    shop.dispatch(DeleteProduct(gone))
    before = everything(shop)
    shop.close()
    for _ in range(2):
        meta_file.write_bytes(old_meta)
        shop = reopen(shop)
        assert everything(shop) == before
        with pytest.raises(UnknownProduct):
            shop.ask(GetStockHistory(gone))


def test_history_in_a_second_shard(shop, catalog, clock, reopen):
    """Products numbered 512 and up keep their history in another table file."""
    records = tuple(
        ProductRecord(n, f"BULK-{n:04d}", f"Bulk item {n}", "Bulk", 100, stock=n % 3) for n in range(2, 600)
    )
    outcome = shop.dispatch(ImportProducts(records))
    assert outcome.created == len(records)
    high = max(p.id for p in shop.ask(GetProducts(search="bulk item")))
    assert high >= 512
    clock.advance(hours=1)
    shop.dispatch(ReceiveStock(high, 5, note="late"))
    order_id = shop.dispatch(PlaceOrder((OrderLine(high, 1),)))
    history = shop.ask(GetStockHistory(high))
    assert [(m.kind, m.quantity) for m in history][-2:] == [("received", 5), ("sold", -1)]
    assert history[-1].order_id == order_id
    before = everything(shop)
    shop = reopen(shop)
    assert everything(shop) == before
    shop.rebuild_read_model()
    assert everything(shop) == before


def test_two_tills_see_the_same_history(shop, catalog, data_dir, clock):
    other = open_shop(data_dir, clock=clock)
    try:
        other.dispatch(ReceiveStock(catalog.mug, 3, note="at till 2"))
        shop.dispatch(AdjustStock(catalog.mug, "damaged", change=-1))
        other.sync()
        shop.sync()
        assert shop.ask(GetStockHistory(catalog.mug)) == other.ask(GetStockHistory(catalog.mug))
        assert [m.quantity for m in shop.ask(GetStockHistory(catalog.mug))] == [10, 3, -1]
    finally:
        other.close()
