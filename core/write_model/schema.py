"""Tables of the write model. Portable SQL only: the same schema is meant to run
on PostgreSQL when several tills share one server."""

from sqlalchemy import (
    BigInteger, Boolean, CheckConstraint, Column, ForeignKey, Integer, MetaData, String,
    Table, Text, true,
)

SCHEMA_VERSION = 2  # 2: product cost, tax rate, active; stock_movement

metadata = MetaData()

schema_info = Table(
    "schema_info", metadata,
    Column("version", Integer, primary_key=True),
)

category = Table(
    "category", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("parent_id", Integer, ForeignKey("category.id"), nullable=True, index=True),
)

product = Table(
    "product", metadata,
    Column("id", Integer, primary_key=True),
    # Unique and compared case-sensitively: 85123A and 85123a are two products.
    Column("sku", String(64), nullable=False, unique=True),
    Column("barcode", String(64), nullable=True, unique=True),
    Column("name", String(200), nullable=False),
    Column("category_id", Integer, ForeignKey("category.id"), nullable=False, index=True),
    Column("price_cents", BigInteger, nullable=False),
    Column("stock", Integer, nullable=False),
    Column("reorder_level", Integer, nullable=False),
    Column("cost_price_cents", BigInteger, nullable=True),
    Column("tax_rate_bp", Integer, nullable=True),  # basis points; NULL: inherited
    Column("active", Boolean, nullable=False, default=True, server_default=true()),
    # The last line of defence against overselling, whatever the code does.
    CheckConstraint("stock >= 0", name="stock_not_negative"),
    CheckConstraint("price_cents >= 0", name="price_not_negative"),
)

shop_order = Table(
    "shop_order", metadata,
    Column("id", Integer, primary_key=True),
    Column("placed_at", String(32), nullable=False),
    Column("status", String(16), nullable=False),
    Column("total_cents", BigInteger, nullable=False),
)

order_line = Table(
    "order_line", metadata,
    Column("id", Integer, primary_key=True),
    Column("order_id", Integer, ForeignKey("shop_order.id"), nullable=False, index=True),
    Column("product_id", Integer, ForeignKey("product.id"), nullable=False),
    # The name and price as sold: later edits of the product never alter an order.
    Column("sku", String(64), nullable=False),
    Column("name", String(200), nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("unit_price_cents", BigInteger, nullable=False),
    CheckConstraint("quantity > 0", name="quantity_positive"),
)

# The stock ledger: every movement, so a product's history survives a
# read-model rebuild and stock can always be explained.
stock_movement = Table(
    "stock_movement", metadata,
    Column("id", Integer, primary_key=True),
    Column("product_id", Integer, ForeignKey("product.id"), nullable=False, index=True),
    Column("at", String(32), nullable=False),
    Column("kind", String(16), nullable=False),  # received, sold, cancelled, returned, adjusted, imported
    Column("quantity", Integer, nullable=False),  # signed
    Column("stock_after", Integer, nullable=False),
    Column("reason", String(32), nullable=True),
    Column("note", String(200), nullable=True),
    Column("order_id", Integer, nullable=True),
)

outbox = Table(
    "outbox", metadata,
    # The read model's checkpoint is a position in this table.
    Column("position", Integer, primary_key=True),
    Column("event_type", String(64), nullable=False),
    Column("payload", Text, nullable=False),
    Column("recorded_at", String(32), nullable=False),
    sqlite_autoincrement=True,  # never reuse a position
)
