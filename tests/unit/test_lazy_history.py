"""The stock history's tables are parsed when first needed, not at opening:
until then they are left alone on disk, and a damaged one found later is
repaired by a rebuild instead of failing the query."""

import json

from core.commands import AdjustStock, PlaceOrder, OrderLine, ReceiveStock, UpdateProduct
from core.queries import GetProduct, GetStockHistory
from core.read_model import documents as docs


def _read_model(data_dir):
    return data_dir / "read_model"


def _meta(data_dir) -> dict:
    return json.loads((_read_model(data_dir) / "meta.json").read_bytes())


def _trade(shop, catalog):
    shop.dispatch(ReceiveStock(catalog.mug, 5, note="delivery"))
    shop.dispatch(AdjustStock(catalog.teapot, "damaged", change=-1))
    shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 2), OrderLine(catalog.trowel, 1))))


def _histories(shop, catalog):
    return {p: shop.ask(GetStockHistory(p))
            for p in (catalog.mug, catalog.teapot, catalog.plate, catalog.trowel)}


def test_history_tables_are_not_parsed_at_opening(shop, catalog, reopen):
    _trade(shop, catalog)
    reopened = reopen(shop)
    assert docs.history_table(catalog.mug) in reopened._read_model.storage.unloaded


def test_a_never_loaded_history_table_survives_a_flush_unchanged(shop, catalog, reopen, data_dir):
    _trade(shop, catalog)
    name = docs.history_table(catalog.mug)
    reopened = reopen(shop)
    history_file = _read_model(data_dir) / f"{name}.json"
    before_bytes, before_meta = history_file.read_bytes(), _meta(data_dir)
    # A change that moves no stock: products and meta are written, not the history.
    product = reopened.ask(GetProduct(catalog.plate))
    reopened.dispatch(UpdateProduct(catalog.plate, product.sku, "Side Plate", product.category_id,
                                    product.price_cents))
    assert reopened.save_read_model()
    after_meta = _meta(data_dir)
    assert after_meta["checkpoint"] > before_meta["checkpoint"]
    assert name in reopened._read_model.storage.unloaded
    assert history_file.read_bytes() == before_bytes
    assert name in after_meta["tables"]
    assert after_meta["written_at"][name] == before_meta["written_at"][name]
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
    assert {p: h for p, h in after.items() if p != catalog.plate} == \
        {p: h for p, h in before.items() if p != catalog.plate}
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
    _damage_body(_read_model(data_dir) / f"{docs.history_table(catalog.mug)}.json")
    reopened = reopen(shop)
    assert docs.history_table(catalog.mug) in reopened._read_model.storage.unloaded
    changes = []
    reopened.add_listener(changes.append)
    assert reopened.ask(GetStockHistory(catalog.mug)) == before[catalog.mug]
    assert any(c.rebuilt for c in changes)
    assert _histories(reopened, catalog) == before
    # The files left behind are healthy again.
    assert json.loads((_read_model(data_dir) / f"{docs.history_table(catalog.mug)}.json").read_bytes())


def test_a_garbage_history_file_found_by_the_projector_is_rebuilt(shop, catalog, reopen, data_dir):
    _trade(shop, catalog)
    before = _histories(shop, catalog)
    shop.close()
    _damage_body(_read_model(data_dir) / f"{docs.history_table(catalog.mug)}.json")
    reopened = reopen(shop)
    reopened.dispatch(ReceiveStock(catalog.mug, 1, note="after"))
    history = reopened.ask(GetStockHistory(catalog.mug))
    assert history[:-1] == before[catalog.mug]
    assert (history[-1].note, history[-1].stock_after) == ("after", before[catalog.mug][-1].stock_after + 1)


def test_an_older_copy_of_a_deferred_history_file_is_replayed(shop, catalog, reopen, data_dir):
    """Another till put back an older copy after meta recorded a newer one:
    opening reads the file's header, sees it is behind, and replays."""
    name = docs.history_table(catalog.mug)
    history_file = _read_model(data_dir) / f"{name}.json"
    shop.save_read_model()
    old_copy = history_file.read_bytes()
    _trade(shop, catalog)
    before = _histories(shop, catalog)
    shop.close()
    history_file.write_bytes(old_copy)
    reopened = reopen(shop)
    assert _histories(reopened, catalog) == before
