"""Small helpers shared by the unit tests (fixtures live in conftest.py)."""

import pytest

from core.errors import InvalidCommand, ShopError
from core.queries import FindProductByCode, GetCategories, GetProductsByIds, ProductView


def refused(shop, unchanged, readable, command, error=InvalidCommand, *, approved_by=None) -> str:
    """Dispatch a command that must be refused with exactly ``error``, change
    nothing in either store and tell no listener; returns the message."""
    heard = []
    shop.add_listener(heard.append)
    with unchanged(shop):
        with pytest.raises(ShopError) as raised:
            shop.dispatch(command, approved_by=approved_by)
    shop.remove_listener(heard.append)
    assert type(raised.value) is error, f"{type(raised.value).__name__}: {raised.value}"
    readable(raised.value)
    assert heard == []
    return str(raised.value)


def dispatch_and_hear(shop, command):
    """Dispatch ``command``; returns (its result, the one Changes listeners got)."""
    heard = []
    shop.add_listener(heard.append)
    try:
        result = shop.dispatch(command)
    finally:
        shop.remove_listener(heard.append)
    assert len(heard) == 1, heard
    return result, heard[0]


def stock_of(shop, *product_ids) -> tuple[int, ...]:
    """The stock of each product, in the order given."""
    views = {v.id: v.stock for v in shop.ask(GetProductsByIds(product_ids))}
    return tuple(views[i] for i in product_ids)


def counts(shop) -> dict:
    """Each category's product count, by category id."""
    return {c.id: c.product_count for c in shop.ask(GetCategories())}


def by_sku(shop, sku) -> ProductView:
    """The product with this SKU (found by code, so not a barcode that matches)."""
    found = shop.ask(FindProductByCode(sku))
    assert found is not None and found.sku == sku, sku
    return found


# Who did it, as a history says, when nobody is signed in to a shop without staff.
BY_OWNER = {"staff_id": -1, "by": "Owner"}


def history_table_of(shop, product_id: int) -> str:
    """The name of the newest stock-history table (one per product shard and
    month) holding ``product_id``'s shard."""
    from core.read_model import documents as docs

    return shop._read_model.storage.names(docs.history_shard_prefix(product_id))[-1]
