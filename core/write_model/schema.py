"""Tables of the write model. Portable SQL only: the same schema is meant to run
on PostgreSQL when several tills share one server."""

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    text,
    true,
)

# 2: product cost, tax rate, active; stock_movement
# 3: category tax rate; shop settings; customers; orders with discounts, tax,
#    payments, fulfilment, returns and a request id (see migrations.py)
SCHEMA_VERSION = 3

metadata = MetaData()

schema_info = Table(
    "schema_info",
    metadata,
    Column("version", Integer, primary_key=True),
)

category = Table(
    "category",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("parent_id", Integer, ForeignKey("category.id"), nullable=True, index=True),
    Column("tax_rate_bp", Integer, nullable=True),  # basis points; NULL: the parent's or the shop's
)

product = Table(
    "product",
    metadata,
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

# Key/value settings of the shop (name, address, currency, tax); a missing
# key has its default (core/domain/shop_settings.py).
shop_setting = Table(
    "shop_setting",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

customer = Table(
    "customer",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("phone", String(32), nullable=True),
    Column("email", String(254), nullable=True),
    Column("note", String(1000), nullable=True),
    Column("added_at", String(32), nullable=False),
)

# New columns of v3 come last, in the order migrations.py adds them, so a
# migrated database has exactly the columns of a new one.
shop_order = Table(
    "shop_order",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("placed_at", String(32), nullable=False),
    Column("status", String(16), nullable=False),  # placed, paid, fulfilled, cancelled
    Column("total_cents", BigInteger, nullable=False),  # what the customer pays
    Column("customer_id", Integer, ForeignKey("customer.id"), nullable=True, index=True),  # NULL: walk-in
    # The form's id for "place this order": a retried command finds its order.
    Column("request_id", String(64), nullable=True),
    Column("prices_include_tax", Boolean, nullable=False, server_default=true()),
    Column("subtotal_cents", BigInteger, nullable=False, server_default=text("0")),
    Column("discount_cents", BigInteger, nullable=False, server_default=text("0")),  # lines' + order's
    Column("tax_cents", BigInteger, nullable=False, server_default=text("0")),
    Column("discount_kind", String(16), nullable=True),  # the order discount as asked: percent, amount
    Column("discount_value", BigInteger, nullable=True),
    Column("paid_cents", BigInteger, nullable=False, server_default=text("0")),
    Column("refunded_cents", BigInteger, nullable=False, server_default=text("0")),
    Column("fulfilled_at", String(32), nullable=True),
    Column("cancelled_at", String(32), nullable=True),
    Column("cancel_refund_cents", BigInteger, nullable=True),  # refunded by the cancellation
    Index("ix_shop_order_request_id", "request_id", unique=True),
    # Money can never be taken twice nor given back twice, whatever the code does.
    CheckConstraint("paid_cents >= 0 AND paid_cents <= total_cents", name="paid_within_total"),
    CheckConstraint("refunded_cents >= 0 AND refunded_cents <= paid_cents", name="refund_within_paid"),
)

order_line = Table(
    "order_line",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("order_id", Integer, ForeignKey("shop_order.id"), nullable=False, index=True),
    Column("product_id", Integer, ForeignKey("product.id"), nullable=False),
    # The name and price as sold: later edits of the product never alter an order.
    Column("sku", String(64), nullable=False),
    Column("name", String(200), nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("unit_price_cents", BigInteger, nullable=False),
    Column("discount_kind", String(16), nullable=True),  # the line's discount as asked
    Column("discount_value", BigInteger, nullable=True),
    Column("line_discount_cents", BigInteger, nullable=False, server_default=text("0")),
    Column("order_discount_cents", BigInteger, nullable=False, server_default=text("0")),  # its share
    Column("tax_rate_bp", Integer, nullable=False, server_default=text("0")),
    Column("tax_cents", BigInteger, nullable=False, server_default=text("0")),
    # Units returned so far and the money given back for them; a return
    # takes units with UPDATE ... WHERE returned_quantity + :q <= quantity.
    Column("returned_quantity", Integer, nullable=False, server_default=text("0")),
    Column("refunded_cents", BigInteger, nullable=False, server_default=text("0")),
    CheckConstraint("quantity > 0", name="quantity_positive"),
    CheckConstraint("returned_quantity >= 0 AND returned_quantity <= quantity", name="returned_within_sold"),
)

payment = Table(
    "payment",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("order_id", Integer, ForeignKey("shop_order.id"), nullable=False, index=True),
    Column("at", String(32), nullable=False),
    Column("method", String(16), nullable=False),  # cash, card, other
    Column("amount_cents", BigInteger, nullable=False),
    Column("tendered_cents", BigInteger, nullable=True),  # cash only
    Column("change_cents", BigInteger, nullable=True),
    CheckConstraint("amount_cents >= 0", name="payment_not_negative"),
)

order_return = Table(
    "order_return",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("order_id", Integer, ForeignKey("shop_order.id"), nullable=False, index=True),
    Column("at", String(32), nullable=False),
    Column("reason", String(32), nullable=False),
    Column("note", String(200), nullable=True),
    Column("refund_cents", BigInteger, nullable=False),
)

order_return_line = Table(
    "order_return_line",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("return_id", Integer, ForeignKey("order_return.id"), nullable=False, index=True),
    Column("order_line_id", Integer, ForeignKey("order_line.id"), nullable=False),
    Column("product_id", Integer, ForeignKey("product.id"), nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("refund_cents", BigInteger, nullable=False),  # tax included
    Column("tax_cents", BigInteger, nullable=False),  # the tax part of the refund
    CheckConstraint("quantity > 0", name="return_quantity_positive"),
)

# The stock ledger: every movement, so a product's history survives a
# read-model rebuild and stock can always be explained.
stock_movement = Table(
    "stock_movement",
    metadata,
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
    "outbox",
    metadata,
    # The read model's checkpoint is a position in this table.
    Column("position", Integer, primary_key=True),
    Column("event_type", String(64), nullable=False),
    Column("payload", Text, nullable=False),
    Column("recorded_at", String(32), nullable=False),
    sqlite_autoincrement=True,  # never reuse a position
)
