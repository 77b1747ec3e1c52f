"""Query handlers: read the read model's indexes, return immutable values."""

from typing import Callable

from core import queries as q
from core.errors import UnknownOrder, UnknownProduct
from core.read_model import documents as docs
from core.read_model.projector import ReadModel


def get_categories(query: q.GetCategories, rm: ReadModel):
    return rm.catalog.category_views()


def get_products(query: q.GetProducts, rm: ReadModel):
    if query.archived:
        return rm.catalog.archived_views(query.category_id, query.search)
    return rm.catalog.product_views(query.category_id, query.search)


def get_product(query: q.GetProduct, rm: ReadModel):
    product = rm.catalog.products.get(query.product_id)
    if product is None:
        raise UnknownProduct(f"There is no product number {query.product_id}.")
    return product


def get_low_stock(query: q.GetLowStock, rm: ReadModel):
    return rm.catalog.low_stock_views()


def get_stock_history(query: q.GetStockHistory, rm: ReadModel):
    get_product(q.GetProduct(query.product_id), rm)
    table = rm.db.table(docs.history_table(query.product_id))
    doc = table.get(doc_id=query.product_id)
    moves = doc["moves"] if doc else []
    return tuple(q.StockMovement(at, kind, quantity, after, reason, note, order_id)
                 for _position, at, kind, quantity, after, reason, note, order_id in moves)


def get_products_by_ids(query: q.GetProductsByIds, rm: ReadModel):
    products = rm.catalog.products
    return tuple(products[i] for i in query.product_ids if i in products)


def find_product_by_code(query: q.FindProductByCode, rm: ReadModel):
    catalog = rm.catalog
    code = query.code.strip()
    product_id = catalog.by_sku.get(code)
    if product_id is None:
        product_id = catalog.by_barcode.get(code)
    return catalog.products.get(product_id) if product_id is not None else None


def get_orders(query: q.GetOrders, rm: ReadModel):
    return rm.orders.newest_first()


def get_order(query: q.GetOrder, rm: ReadModel):
    order = rm.orders.orders.get(query.order_id)
    if order is None:
        raise UnknownOrder(f"There is no order number {query.order_id}.")
    return order


QUERY_HANDLERS: dict[type, Callable] = {
    q.GetCategories: get_categories,
    q.GetProducts: get_products,
    q.GetProduct: get_product,
    q.GetLowStock: get_low_stock,
    q.GetStockHistory: get_stock_history,
    q.GetProductsByIds: get_products_by_ids,
    q.FindProductByCode: find_product_by_code,
    q.GetOrders: get_orders,
    q.GetOrder: get_order,
}
