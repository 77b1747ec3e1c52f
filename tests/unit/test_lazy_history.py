"""The stock history's tables are parsed when first needed, not at opening:
until then they are left alone on disk, and a damaged one found later is
repaired by a rebuild instead of failing the query."""

import json

from core.commands import AdjustStock, OrderLine, PlaceOrder, ReceiveStock, UpdateProduct
from core.queries import GetProduct, GetStockHistory
from core.read_model.documents import SCHEMA_VERSION
from core.read_model.storage import recorded_tables
from tests.unit.helpers import history_table_of


def _read_model(data_dir):
    return data_dir / "read_model"


def _meta(data_dir) -> tuple[int, dict[str, int]]:
    return recorded_tables(_read_model(data_dir), SCHEMA_VERSION)


def _trade(shop, catalog):
    shop.dispatch(ReceiveStock(catalog.mug, 5, note="delivery"))
    shop.dispatch(AdjustStock(catalog.teapot, "damaged", change=-1))
    shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 2), OrderLine(catalog.trowel, 1))))


def _histories(shop, catalog):
    return {p: shop.ask(GetStockHistory(p)) for p in (catalog.mug, catalog.teapot, catalog.plate, catalog.trowel)}


def test_history_tables_are_not_parsed_at_opening(shop, catalog, reopen):
    _trade(shop, catalog)
    reopened = reopen(shop)
    assert history_table_of(shop, catalog.mug) in reopened._read_model.storage.unloaded


def test_a_never_loaded_history_table_survives_a_flush_unchanged(shop, catalog, reopen, data_dir):
    _trade(shop, catalog)
    name = history_table_of(shop, catalog.mug)
    reopened = reopen(shop)
    history_file = _read_model(data_dir) / f"{name}.json"
    before_bytes, before_meta = history_file.read_bytes(), _meta(data_dir)
    # A change that moves no stock: products and meta are written, not the history.
    product = reopened.ask(GetProduct(catalog.plate))
    reopened.dispatch(UpdateProduct(catalog.plate, product.sku, "Side Plate", product.category_id, product.price_cents))
    assert reopened.save_read_model()
    after_meta = _meta(data_dir)
    assert after_meta[0] > before_meta[0]
    assert name in reopened._read_model.storage.unloaded
    assert history_file.read_bytes() == before_bytes
    assert after_meta[1][name] == before_meta[1][name]
    reopened._read_model.storage.remove_unlisted_files()
    assert history_file.read_bytes() == before_bytes


def test_history_after_a_lazy_load_equals_history_before(shop, catalog, reopen):
    _trade(shop, catalog)
    before = _histories(shop, catalog)
    reopened = reopen(shop)
    assert _histories(reopened, catalog) == before
    # Loaded by a new movement first (the projector), then asked.
    again = reopen(reopened)
    again.dispatch(ReceiveStock(catalog.plate, 4))
    after = _histories(again, catalog)
    assert {p: h for p, h in after.items() if p != catalog.plate} == {
        p: h for p, h in before.items() if p != catalog.plate
    }
    assert after[catalog.plate][:-1] == before[catalog.plate]
    assert (after[catalog.plate][-1].kind, after[catalog.plate][-1].stock_after) == ("received", 4)


def _damage_body(path):
    """Keeps the header (so opening defers it) and cuts the documents short."""
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 10])


def test_a_damaged_history_file_found_by_a_query_is_rebuilt(shop, catalog, reopen, data_dir):
    _trade(shop, catalog)
    before = _histories(shop, catalog)
    shop.close()
    _damage_body(_read_model(data_dir) / f"{history_table_of(shop, catalog.mug)}.json")
    reopened = reopen(shop)
    assert history_table_of(shop, catalog.mug) in reopened._read_model.storage.unloaded
    changes = []
    reopened.add_listener(changes.append)
    assert reopened.ask(GetStockHistory(catalog.mug)) == before[catalog.mug]
    assert any(c.rebuilt for c in changes)
    assert _histories(reopened, catalog) == before
    # The files left behind are healthy again.
    assert json.loads((_read_model(data_dir) / f"{history_table_of(shop, catalog.mug)}.json").read_bytes())


def test_a_garbage_history_file_found_by_the_projector_is_rebuilt(shop, catalog, reopen, data_dir):
    _trade(shop, catalog)
    before = _histories(shop, catalog)
    shop.close()
    _damage_body(_read_model(data_dir) / f"{history_table_of(shop, catalog.mug)}.json")
    reopened = reopen(shop)
    reopened.dispatch(ReceiveStock(catalog.mug, 1, note="after"))
    history = reopened.ask(GetStockHistory(catalog.mug))
    assert history[:-1] == before[catalog.mug]
    assert (history[-1].note, history[-1].stock_after) == ("after", before[catalog.mug][-1].stock_after + 1)


def test_an_older_copy_of_a_deferred_history_file_is_replayed(shop, catalog, reopen, data_dir):
    """Another till put back an older copy after meta recorded a newer one:
    opening reads the file's header, sees it is behind, and replays."""
    name = history_table_of(shop, catalog.mug)
    history_file = _read_model(data_dir) / f"{name}.json"
    shop.save_read_model()
    old_copy = history_file.read_bytes()
    _trade(shop, catalog)
    before = _histories(shop, catalog)
    shop.close()
    history_file.write_bytes(old_copy)
    reopened = reopen(shop)
    assert _histories(reopened, catalog) == before


def test_a_sale_appends_to_an_unparsed_history_without_parsing_it(shop, catalog, reopen, data_dir):
    _trade(shop, catalog)
    before = _histories(shop, catalog)
    reopened = reopen(shop)
    reopened.save_after_each_command = False  # as the window runs it: saved after the repaint
    name = history_table_of(shop, catalog.teapot)
    reopened.dispatch(PlaceOrder((OrderLine(catalog.teapot, 2),)))
    assert name in reopened._read_model.storage.unloaded
    # Saving parses it and writes the sale in.
    assert reopened.save_read_model()
    assert name not in reopened._read_model.storage.unloaded
    on_disk = json.loads((_read_model(data_dir) / f"{name}.json").read_bytes())
    moves = on_disk["documents"][str(catalog.teapot)]["moves"]
    assert [m[2:5] for m in moves[-1:]] == [["sold", -2, before[catalog.teapot][-1].stock_after - 2]]
    again = reopen(reopened)
    history = again.ask(GetStockHistory(catalog.teapot))
    assert history[:-1] == before[catalog.teapot]
    assert (history[-1].kind, history[-1].quantity, history[-1].order_id) == ("sold", -2, moves[-1][7])


def test_a_query_sees_the_moves_kept_for_an_unparsed_history(shop, catalog, reopen):
    _trade(shop, catalog)
    before = _histories(shop, catalog)
    reopened = reopen(shop)
    reopened.save_after_each_command = False
    reopened.dispatch(ReceiveStock(catalog.plate, 2, note="first"))
    reopened.dispatch(ReceiveStock(catalog.plate, 3, note="second"))
    assert history_table_of(shop, catalog.plate) in reopened._read_model.storage.unloaded
    history = reopened.ask(GetStockHistory(catalog.plate))
    assert history[:-2] == before[catalog.plate]
    assert [(m.note, m.quantity) for m in history[-2:]] == [("first", 2), ("second", 3)]


def test_a_damaged_history_file_found_when_saving_is_rebuilt(shop, catalog, reopen, data_dir):
    _trade(shop, catalog)
    before = _histories(shop, catalog)
    shop.close()
    _damage_body(_read_model(data_dir) / f"{history_table_of(shop, catalog.mug)}.json")
    reopened = reopen(shop)
    reopened.save_after_each_command = False
    reopened.dispatch(ReceiveStock(catalog.mug, 1, note="after"))
    changes = []
    reopened.add_listener(changes.append)
    assert reopened.save_read_model()  # parses the damaged file: rebuilt instead
    assert any(c.rebuilt for c in changes)
    history = reopened.ask(GetStockHistory(catalog.mug))
    assert history[:-1] == before[catalog.mug]
    assert history[-1].note == "after"
    assert json.loads((_read_model(data_dir) / f"{history_table_of(shop, catalog.mug)}.json").read_bytes())
