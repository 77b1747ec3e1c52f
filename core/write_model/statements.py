"""The statements of the hot paths, built once at import.

Building a ``select()`` or ``update()`` costs more than SQLite takes to run it
(every operand is coerced, and a new object needs a new cache key). These are
built once with named parameters; SQLAlchemy compiles each one once and reuses
it on every call. Still SQLAlchemy Core, still portable SQL (``RETURNING``
runs on SQLite 3.35+ and PostgreSQL; an expanding ``IN`` on both).

The statements of a sale (taking stock, the order, its lines, the stock
ledger, the outbox row) are ``Direct``: compiled the same way, then run on
the driver's cursor, a fast path that ``FastPaths.direct_sql`` turns off
(direct.py says why).

Parameter names never equal a column name of the table an UPDATE writes to
(SQLAlchemy reserves those for the SET clause).
"""

from typing import Any, NamedTuple

from sqlalchemy import BindParameter, ColumnElement, bindparam, case, func, insert, literal_column, select, text, update

from core.write_model.direct import Direct
from core.write_model.schema import (
    category,
    journal_link,
    order_line,
    outbox,
    outbox_archive,
    product,
    shop_order,
    shop_setting,
    stock_movement,
)


# -- orders -------------------------------------------------------------------------
def sell_stock(lines: int, postgres: bool = False) -> Direct:
    """Take the stock of an order's ``lines`` products in one statement
    (parameters p0.., q0..: product id and quantity). A product is updated
    only if it is on sale and has enough, and comes back with what pricing
    needs and its new stock; one missing from the result is unknown, archived
    or short (``PRODUCT_STATES`` says which). The database decides, so two
    tills can never both take the last unit. Built once per line count; run
    straight on the driver (see direct.py); rows as ``SOLD_COLUMNS``.

    ``postgres``: the rows are locked in id order first, in the same
    statement, as every command takes products: an UPDATE ... IN (...)
    alone would lock them in the order it finds them, and two orders of the
    same products could each wait for the other."""
    statement = _SELL_STOCK.get((lines, postgres))
    if statement is None:
        ids: list[BindParameter[int]] = [bindparam(f"p{i}") for i in range(lines)]
        which: ColumnElement[bool]
        quantity: ColumnElement[int]
        if lines == 1:
            which, quantity = product.c.id == ids[0], bindparam("q0")
        else:
            which = product.c.id.in_(ids)
            quantity = case(*((product.c.id == ids[i], bindparam(f"q{i}")) for i in range(lines)))
        if postgres:
            # MATERIALIZED: the CTE runs whole (locking in its ORDER BY) before the UPDATE joins it.
            locked = (
                select(product.c.id).where(which).order_by(product.c.id).with_for_update().cte("locked")
            ).prefix_with("MATERIALIZED")
            which = product.c.id == locked.c.id
        statement = _SELL_STOCK[(lines, postgres)] = Direct(
            update(product)
            .where(which, product.c.active, product.c.stock >= quantity)
            .values(stock=product.c.stock - quantity)
            .returning(*(product.c[name] for name in SOLD_COLUMNS))
        )
    return statement


_SELL_STOCK: dict[tuple[int, bool], Direct] = {}  # (line count, PostgreSQL) -> its statement


class SoldProduct(NamedTuple):
    """A row of sell_stock."""

    id: int
    sku: str
    name: str
    price_cents: int
    tax_rate_bp: int | None  # None: the category's or the shop's
    category_id: int
    cost_price_cents: int | None  # the cost now, kept with the line sold
    stock: int  # after the sale


SOLD_COLUMNS = SoldProduct._fields

# Why an order could not take its stock: each product as it is.
PRODUCT_STATES = select(product.c.id, product.c.name, product.c.active, product.c.stock).where(
    product.c.id.in_(bindparam("ids", expanding=True))
)

# An order, locked before its products by whatever changes it (FOR UPDATE: nothing on SQLite).
ORDER_FOR_UPDATE = select(shop_order).where(shop_order.c.id == bindparam("order_id")).with_for_update()

PUT_BACK_STOCK = (
    update(product)
    .where(product.c.id == bindparam("product_id"))
    .values(stock=product.c.stock + bindparam("quantity"))
    .returning(product.c.stock)
)

# What a cancelled order puts back: the units not already returned.
UNRETURNED_LINES_OF_ORDER = (
    select(order_line.c.product_id, order_line.c.quantity - order_line.c.returned_quantity)
    .where(order_line.c.order_id == bindparam("order_id"))
    .order_by(order_line.c.product_id)
)

# A sale's rows, straight to the driver (direct.py): every column a sale
# gives, the others take their server defaults.
ORDER_COLUMNS = (
    "placed_at",
    "status",
    "total_cents",
    "customer_id",
    "request_id",
    "prices_include_tax",
    "subtotal_cents",
    "discount_cents",
    "tax_cents",
    "discount_kind",
    "discount_value",
    "staff_id",
    "till",
    "session_id",
    "staff_name",
)
_INSERT_ORDER: dict[str, Direct] = {}  # dialect name -> its statement


def insert_order(dialect_name: str) -> Direct:
    """The INSERT of a sale's order row, RETURNING its id; none comes back
    when an order with the same request id is already there (another till
    placed it since we looked: the caller answers with that one).

    On PostgreSQL the id is the highest so far plus one, read by this
    statement, which runs under the ORDERS lock (locks.py): order numbers
    are then gapless, as receipts need, even when a sale rolls back (a
    sequence would have skipped its number). SQLite gives max + 1 itself (a
    rowid; one writer at a time), gapless too."""
    statement = _INSERT_ORDER.get(dialect_name)
    if statement is None:
        # The dialects' own INSERTs (ON CONFLICT), imported when first used.
        if dialect_name == "postgresql":
            from sqlalchemy.dialects import postgresql

            following = func.coalesce(func.max(shop_order.c.id), literal_column("0")) + literal_column("1")
            built: Any = postgresql.insert(shop_order).values(id=select(following).scalar_subquery())
        else:
            from sqlalchemy.dialects import sqlite

            built = sqlite.insert(shop_order)
        statement = _INSERT_ORDER[dialect_name] = Direct(
            built.on_conflict_do_nothing(index_elements=["request_id"]).returning(shop_order.c.id),
            columns=ORDER_COLUMNS,
        )
    return statement


INSERT_ORDER_LINES = Direct(
    insert(order_line),
    columns=(
        "order_id",
        "product_id",
        "sku",
        "name",
        "quantity",
        "unit_price_cents",
        "discount_kind",
        "discount_value",
        "line_discount_cents",
        "order_discount_cents",
        "tax_rate_bp",
        "tax_cents",
        "cost_price_cents",
        "category_id",
        "category_path",
    ),
)

# A command that changed the settings or a category raises the version every
# till's kept rows were read at (core/write_model/command_cache.py; PostgreSQL).
BUMP_CACHE_VERSION = Direct(
    text(
        "INSERT INTO cache_version (id, version) VALUES (1, 1) "
        "ON CONFLICT (id) DO UPDATE SET version = cache_version.version + 1"
    )
)

# What pricing reads besides the products: the settings, and (only when a
# product inherits its rate) the category tree with its rates.
SETTINGS = select(shop_setting.c.key, shop_setting.c.value)
CATEGORY_TAX_TREE = select(category.c.id, category.c.parent_id, category.c.tax_rate_bp)
# What a sold line's category path is made of (reports keep it as of the sale).
CATEGORY_NAME_TREE = select(category.c.id, category.c.parent_id, category.c.name)

# -- stock ledger -------------------------------------------------------------------
INSERT_MOVEMENTS = Direct(
    insert(stock_movement),
    columns=("product_id", "at", "kind", "quantity", "stock_after", "reason", "note", "order_id", "staff_id"),
)

# A delivery: never above the most a product can hold.
RECEIVE_STOCK = (
    update(product)
    .where(product.c.id == bindparam("product_id"), product.c.stock + bindparam("quantity") <= bindparam("max_stock"))
    .values(stock=product.c.stock + bindparam("quantity"))
    .returning(product.c.stock)
)


# -- catalog ------------------------------------------------------------------------
INSERT_PRODUCT = insert(product)
IDS_OF_SKUS = select(product.c.sku, product.c.id).where(product.c.sku.in_(bindparam("codes", expanding=True)))
PRODUCTS_WITH_SKU = select(product.c.sku).where(product.c.sku.in_(bindparam("codes", expanding=True)))
PRODUCTS_WITH_BARCODE = select(product.c.barcode).where(product.c.barcode.in_(bindparam("codes", expanding=True)))

# -- outbox -------------------------------------------------------------------------
# One event; its position comes back (a command records one or two).
INSERT_EVENT = Direct(
    insert(outbox).returning(outbox.c.position),
    columns=("event_type", "payload", "recorded_at", "staff_id", "till", "approved_by"),
)

# Several events in one go (insertmanyvalues: multi-row INSERTs), their
# positions given back in the order of the rows.
INSERT_EVENTS = insert(outbox).returning(outbox.c.position, sort_by_parameter_order=True)

# Each event with its journal link (the read model keeps the last one's:
# core/read_model/projector.py, _check_last_event).
EVENTS_AFTER = (
    select(
        outbox.c.position,
        outbox.c.event_type,
        outbox.c.payload,
        outbox.c.recorded_at,
        outbox.c.staff_id,
        outbox.c.till,
        outbox.c.approved_by,
        select(journal_link.c.link).where(journal_link.c.position == outbox.c.position).scalar_subquery(),
    )
    .where(outbox.c.position > bindparam("position"))
    .order_by(outbox.c.position)
)
EVENTS_AFTER_LIMITED = EVENTS_AFTER.limit(bindparam("limit"))

# The same from the archive, up to (not including) where the outbox resumes.
ARCHIVED_EVENTS_AFTER = (
    select(
        outbox_archive.c.position,
        outbox_archive.c.event_type,
        outbox_archive.c.payload,
        outbox_archive.c.recorded_at,
        outbox_archive.c.staff_id,
        outbox_archive.c.till,
        outbox_archive.c.approved_by,
        select(journal_link.c.link).where(journal_link.c.position == outbox_archive.c.position).scalar_subquery(),
    )
    .where(outbox_archive.c.position > bindparam("position"), outbox_archive.c.position < bindparam("until"))
    .order_by(outbox_archive.c.position)
)

LAST_POSITION = select(func.coalesce(func.max(outbox.c.position), 0))
