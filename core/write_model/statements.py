"""The statements of the hot paths, built once at import.

Building a ``select()`` or ``update()`` costs more than SQLite takes to run it
(every operand is coerced, and a new object needs a new cache key). These are
built once with named parameters; SQLAlchemy compiles each one once and reuses
it on every call. Still SQLAlchemy Core, still portable SQL (``RETURNING``
runs on SQLite 3.35+ and PostgreSQL; an expanding ``IN`` on both).

Parameter names never equal a column name of the table an UPDATE writes to
(SQLAlchemy reserves those for the SET clause).
"""

from sqlalchemy import bindparam, case, func, insert, select, update

from core.write_model.schema import category, order_line, outbox, product, shop_order, shop_setting, stock_movement

# -- orders -------------------------------------------------------------------------
# Every product of an order in one round trip: what pricing needs.
PRODUCTS_TO_SELL = (
    select(product.c.id, product.c.sku, product.c.name, product.c.price_cents, product.c.active,
           product.c.tax_rate_bp, product.c.category_id)
    .where(product.c.id.in_(bindparam("ids", expanding=True))))

# The database decides: two tills can never both take the last unit.
TAKE_STOCK = (
    update(product)
    .where(product.c.id == bindparam("product_id"), product.c.stock >= bindparam("quantity"))
    .values(stock=product.c.stock - bindparam("quantity"))
    .returning(product.c.stock))



def take_stock_many(lines: int):
    """TAKE_STOCK for ``lines`` products in one statement (parameters p0..,
    q0..): each row is updated only if it has enough, and comes back with its
    id and new stock; a product missing from the result had too few. Built
    once per line count."""
    statement = _TAKE_STOCK_MANY.get(lines)
    if statement is None:
        ids = [bindparam(f"p{i}") for i in range(lines)]
        quantity = case(*((product.c.id == ids[i], bindparam(f"q{i}")) for i in range(lines)))
        statement = _TAKE_STOCK_MANY[lines] = (
            update(product)
            .where(product.c.id.in_(ids), product.c.stock >= quantity)
            .values(stock=product.c.stock - quantity)
            .returning(product.c.id, product.c.stock))
    return statement


_TAKE_STOCK_MANY: dict = {}

# Why a line could not be taken: too few left.
STOCK_OF = select(product.c.stock).where(product.c.id == bindparam("product_id"))

PUT_BACK_STOCK = (
    update(product)
    .where(product.c.id == bindparam("product_id"))
    .values(stock=product.c.stock + bindparam("quantity"))
    .returning(product.c.stock))

# What a cancelled order puts back: the units not already returned.
UNRETURNED_LINES_OF_ORDER = (
    select(order_line.c.product_id, order_line.c.quantity - order_line.c.returned_quantity)
    .where(order_line.c.order_id == bindparam("order_id"))
    .order_by(order_line.c.product_id))

INSERT_ORDER = insert(shop_order)
INSERT_ORDER_LINES = insert(order_line)

# What pricing reads besides the products: the settings, and (only when a
# product inherits its rate) the category tree with its rates.
SETTINGS = select(shop_setting.c.key, shop_setting.c.value)
CATEGORY_TAX_TREE = select(category.c.id, category.c.parent_id, category.c.tax_rate_bp)

# -- stock ledger -------------------------------------------------------------------
INSERT_MOVEMENTS = insert(stock_movement)

# A delivery: never above the most a product can hold.
RECEIVE_STOCK = (
    update(product)
    .where(product.c.id == bindparam("product_id"),
           product.c.stock + bindparam("quantity") <= bindparam("max_stock"))
    .values(stock=product.c.stock + bindparam("quantity"))
    .returning(product.c.stock))


# -- catalog ------------------------------------------------------------------------
INSERT_PRODUCT = insert(product)
IDS_OF_SKUS = select(product.c.sku, product.c.id).where(product.c.sku.in_(bindparam("codes", expanding=True)))
PRODUCTS_WITH_SKU = select(product.c.sku).where(product.c.sku.in_(bindparam("codes", expanding=True)))
PRODUCTS_WITH_BARCODE = select(product.c.barcode).where(
    product.c.barcode.in_(bindparam("codes", expanding=True)))

# -- outbox -------------------------------------------------------------------------
# The positions come back in the order the events were given (one statement).
INSERT_EVENTS = insert(outbox).returning(outbox.c.position, sort_by_parameter_order=True)

EVENTS_AFTER = (
    select(outbox.c.position, outbox.c.event_type, outbox.c.payload, outbox.c.recorded_at)
    .where(outbox.c.position > bindparam("position"))
    .order_by(outbox.c.position))
EVENTS_AFTER_LIMITED = EVENTS_AFTER.limit(bindparam("limit"))

LAST_POSITION = select(func.coalesce(func.max(outbox.c.position), 0))
