"""The catalog's name order is saved with the products, so that opening a
shop adopts it instead of sorting every product; an order that could be
wrong is never saved, and one that does not fit the products is not used."""

import json

import pytest

from core.commands import ArchiveProduct, ReceiveStock, UpdateProduct
from core.queries import GetProduct, GetProducts
from core.read_model import documents as docs


def _names(shop):
    return [p.name for p in shop.ask(GetProducts())]


def _order_file(data_dir):
    return data_dir / "read_model" / f"{docs.PRODUCT_ORDER}.json"


def _saved_ids(data_dir):
    documents = json.loads(_order_file(data_dir).read_bytes())["documents"]
    saved = documents.get(str(docs.PRODUCT_ORDER_DOC_ID))
    return None if saved is None else saved["ids"]


def _rename(shop, product_id, name):
    p = shop.ask(GetProduct(product_id))
    shop.dispatch(UpdateProduct(p.id, p.sku, name, p.category_id, p.price_cents, p.barcode, p.reorder_level))


@pytest.fixture(autouse=True)
def _saved_after_each_command(shop):
    shop.save_after_each_command = True  # these tests are about what a change saves with it


def test_a_listed_order_is_saved_with_the_next_change_and_adopted_on_opening(shop, catalog, reopen, data_dir):
    expected = _names(shop)  # sorts
    shop.dispatch(ReceiveStock(catalog.mug, 1))  # a change: saved with it
    assert _saved_ids(data_dir) == [p.id for p in shop.ask(GetProducts())]
    reopened = reopen(shop)
    assert reopened._read_model._stored_order is not None  # adopted, not sorted
    assert _names(reopened) == expected


def test_an_order_not_made_since_a_rename_is_not_saved(shop, catalog, reopen, data_dir):
    _names(shop)
    shop.dispatch(ReceiveStock(catalog.mug, 1))
    assert _saved_ids(data_dir) is not None
    _rename(shop, catalog.trowel, "Aardvark Trowel")  # saved at once, before any list sorts
    assert _saved_ids(data_dir) is None
    reopened = reopen(shop)
    assert _names(reopened)[0] == "Aardvark Trowel"


def test_an_archived_product_leaves_the_saved_order(shop, catalog, reopen, data_dir):
    shop.save_after_each_command = False  # as the window: the list sorts, then it saves
    shop.dispatch(ArchiveProduct(catalog.teapot))
    names = _names(shop)
    assert shop.save_read_model()
    assert catalog.teapot not in _saved_ids(data_dir)
    assert _names(reopen(shop)) == names


def test_a_saved_order_that_does_not_fit_the_products_is_sorted_instead(shop, catalog, reopen, data_dir):
    expected = _names(shop)
    shop.dispatch(ReceiveStock(catalog.mug, 1))
    good = _saved_ids(data_dir)
    for bad in ([*good[:-1]], [*good, good[0]], [*good[:-1], 999], [*good[:-1], "x"], [[1]] + good[1:]):
        shop.close()
        data = json.loads(_order_file(data_dir).read_bytes())
        data["documents"][str(docs.PRODUCT_ORDER_DOC_ID)]["ids"] = bad
        _order_file(data_dir).write_bytes(json.dumps(data).encode())
        shop = reopen(shop)
        assert shop._read_model._stored_order is None, bad
        assert _names(shop) == expected, bad
