"""The read model's saved name order (``product_order``) is a cache of the
products' order, saved when it is made: two read models with the same
products may differ in whether they hold it. Tests comparing documents check
it against the products and then leave it out."""

from core.read_model import documents as docs


def without_saved_order(tables: dict) -> dict:
    """``tables`` (name -> documents) less ``product_order``, which, when
    present, must list every active product exactly in name order."""
    tables = dict(tables)
    saved = tables.pop(docs.PRODUCT_ORDER, {}).get(str(docs.PRODUCT_ORDER_DOC_ID))
    if saved is not None:
        active = [
            doc
            for name, table in tables.items()
            if name.startswith(docs.PRODUCTS_PREFIX)
            for doc in table.values()
            if doc["active"]
        ]
        in_order = sorted(active, key=lambda doc: (doc["name"].casefold(), doc["id"]))
        assert saved["ids"] == [doc["id"] for doc in in_order], "the saved name order is wrong"
    return tables
