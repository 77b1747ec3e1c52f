"""Tables of the write model. Portable SQL only: the same schema is meant to run
on PostgreSQL when several tills share one server."""

from sqlalchemy import (
    DDL,
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
    event,
    text,
    true,
)

# 2: product cost, tax rate, active; stock_movement
# 3: category tax rate; shop settings; customers; orders with discounts, tax,
#    payments, fulfilment, returns and a request id (see migrations.py)
# 4: who and where (staff, tills, till sessions, cash moves, refunds by
#    method), each sold line's cost and category at the time of sale
# 5: what reports group a sale by, as it was then: the staff member's name
#    on the order, the category's full path on each line; the outbox's
#    archive and each till's checkpoint
# 6: each command's request id (done once), the settings' cache version;
#    order numbers taken in order on PostgreSQL. No column changes: the
#    tables are new (create_all), and tills older than this refuse the
#    shop rather than write orders, settings or commands the old way.
SCHEMA_VERSION = 6

metadata = MetaData()

# Ids, positions and staff numbers: 64-bit wherever the database's INTEGER is
# 32-bit (PostgreSQL), as the commands accept any id a 64-bit column holds;
# SQLite's INTEGER is 64-bit already, and a BIGINT primary key there would no
# longer be the rowid (no automatic ids), so it stays INTEGER.
Id = BigInteger().with_variant(Integer(), "sqlite")

schema_info = Table(
    "schema_info",
    metadata,
    Column("version", Integer, primary_key=True),
)

category = Table(
    "category",
    metadata,
    Column("id", Id, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("parent_id", Id, ForeignKey("category.id"), nullable=True, index=True),
    Column("tax_rate_bp", Integer, nullable=True),  # basis points; NULL: the parent's or the shop's
)

product = Table(
    "product",
    metadata,
    Column("id", Id, primary_key=True),
    # Unique and compared case-sensitively: 85123A and 85123a are two products.
    Column("sku", String(64), nullable=False, unique=True),
    Column("barcode", String(64), nullable=True, unique=True),
    Column("name", String(200), nullable=False),
    Column("category_id", Id, ForeignKey("category.id"), nullable=False, index=True),
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
    Column("id", Id, primary_key=True),
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
    Column("id", Id, primary_key=True),
    Column("placed_at", String(32), nullable=False),
    Column("status", String(16), nullable=False),  # placed, paid, fulfilled, cancelled
    Column("total_cents", BigInteger, nullable=False),  # what the customer pays
    Column("customer_id", Id, ForeignKey("customer.id"), nullable=True, index=True),  # NULL: walk-in
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
    # v4: who placed it, at which till and in which till session; who
    # fulfilled or cancelled it, and in which session it was cancelled.
    Column("staff_id", Id, nullable=False, server_default=text("0")),
    Column("till", String(64), nullable=True),
    Column("session_id", Id, ForeignKey("till_session.id"), nullable=True),
    Column("fulfilled_by", Id, nullable=True),
    Column("cancelled_by", Id, nullable=True),
    Column("cancel_session_id", Id, ForeignKey("till_session.id"), nullable=True),
    Column("cancel_approved_by", Id, nullable=True),  # the manager who approved it
    # v5: the name of whoever placed it, as they were called then (NULL: not recorded).
    Column("staff_name", String(200), nullable=True),
    Index("ix_shop_order_request_id", "request_id", unique=True),
    # Money can never be taken twice nor given back twice, whatever the code does.
    CheckConstraint("paid_cents >= 0 AND paid_cents <= total_cents", name="paid_within_total"),
    CheckConstraint("refunded_cents >= 0 AND refunded_cents <= paid_cents", name="refund_within_paid"),
)

order_line = Table(
    "order_line",
    metadata,
    Column("id", Id, primary_key=True),
    Column("order_id", Id, ForeignKey("shop_order.id"), nullable=False, index=True),
    Column("product_id", Id, ForeignKey("product.id"), nullable=False),
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
    # v4: the product's cost price and category when it was sold (NULL: no
    # cost / not recorded); later changes of the product never alter them.
    Column("cost_price_cents", BigInteger, nullable=True),
    Column("category_id", Id, nullable=True),
    # v5: that category's full path then ("Home/Kitchen/Mugs"; NULL: not recorded).
    Column("category_path", Text, nullable=True),
    CheckConstraint("quantity > 0", name="quantity_positive"),
    CheckConstraint("returned_quantity >= 0 AND returned_quantity <= quantity", name="returned_within_sold"),
)

payment = Table(
    "payment",
    metadata,
    Column("id", Id, primary_key=True),
    Column("order_id", Id, ForeignKey("shop_order.id"), nullable=False, index=True),
    Column("at", String(32), nullable=False),
    Column("method", String(16), nullable=False),  # cash, card, other
    Column("amount_cents", BigInteger, nullable=False),
    Column("tendered_cents", BigInteger, nullable=True),  # cash only
    Column("change_cents", BigInteger, nullable=True),
    # v4: the till session it was taken in (stamped in its own transaction), who took it.
    Column("session_id", Id, ForeignKey("till_session.id"), nullable=True, index=True),
    Column("staff_id", Id, nullable=False, server_default=text("0")),
    CheckConstraint("amount_cents >= 0", name="payment_not_negative"),
)

order_return = Table(
    "order_return",
    metadata,
    Column("id", Id, primary_key=True),
    Column("order_id", Id, ForeignKey("shop_order.id"), nullable=False, index=True),
    Column("at", String(32), nullable=False),
    Column("reason", String(32), nullable=False),
    Column("note", String(200), nullable=True),
    Column("refund_cents", BigInteger, nullable=False),
    Column("session_id", Id, ForeignKey("till_session.id"), nullable=True),  # v4
    Column("staff_id", Id, nullable=False, server_default=text("0")),  # v4
    Column("approved_by", Id, nullable=True),  # v4: the manager who approved it
)

order_return_line = Table(
    "order_return_line",
    metadata,
    Column("id", Id, primary_key=True),
    Column("return_id", Id, ForeignKey("order_return.id"), nullable=False, index=True),
    Column("order_line_id", Id, ForeignKey("order_line.id"), nullable=False),
    Column("product_id", Id, ForeignKey("product.id"), nullable=False),
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
    Column("id", Id, primary_key=True),
    Column("product_id", Id, ForeignKey("product.id"), nullable=False, index=True),
    Column("at", String(32), nullable=False),
    Column("kind", String(16), nullable=False),  # received, sold, cancelled, returned, adjusted, imported
    Column("quantity", Integer, nullable=False),  # signed
    Column("stock_after", Integer, nullable=False),
    Column("reason", String(32), nullable=True),
    Column("note", String(200), nullable=True),
    Column("order_id", Id, nullable=True),
    Column("staff_id", Id, nullable=False, server_default=text("0")),  # v4: who moved it
)

outbox = Table(
    "outbox",
    metadata,
    # The read model's checkpoint is a position in this table.
    Column("position", Id, primary_key=True),
    Column("event_type", String(64), nullable=False),
    Column("payload", Text, nullable=False),
    Column("recorded_at", String(32), nullable=False),
    # v4: who did it (staff id; 0 unknown, -1 the shop's owner before it had
    # staff), at which till, and the manager who approved it, if anyone.
    Column("staff_id", Id, nullable=False, server_default=text("0")),
    Column("till", String(64), nullable=False, server_default=text("'Till 1'")),
    Column("approved_by", Id, nullable=True),
    sqlite_autoincrement=True,  # never reuse a position
)

# -- v4: staff, till sessions, cash moves, refunds -------------------------------------
staff = Table(
    "staff",
    metadata,
    Column("id", Id, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("role", String(16), nullable=False),  # owner, manager, cashier
    Column("pin_hash", String(255), nullable=False),  # a salted slow hash, never the PIN
    Column("active", Boolean, nullable=False, server_default=true()),
    Column("added_at", String(32), nullable=False),
)

# Wrong PINs in a row at a till, and until when sign-in pauses there.
sign_in_lock = Table(
    "sign_in_lock",
    metadata,
    Column("till", String(64), primary_key=True),
    Column("failures", Integer, nullable=False, server_default=text("0")),
    Column("locked_until", String(32), nullable=True),
)

# A till's session: from opening the till to closing it (the Z report).
# Names are kept as they were then.
till_session = Table(
    "till_session",
    metadata,
    Column("id", Id, primary_key=True),
    Column("till", String(64), nullable=False, index=True),
    Column("opened_at", String(32), nullable=False),
    Column("opened_by", Id, nullable=False),
    Column("opened_by_name", String(200), nullable=False),
    Column("opening_float_cents", BigInteger, nullable=False),
    Column("opened_automatically", Boolean, nullable=False),
    Column("closed_at", String(32), nullable=True),
    Column("closed_by", Id, nullable=True),
    Column("closed_by_name", String(200), nullable=True),
    Column("counted_cash_cents", BigInteger, nullable=True),
    Column("note", String(200), nullable=True),
    CheckConstraint("opening_float_cents >= 0", name="float_not_negative"),
    # One open session per till, whatever the code does. A partial index:
    # SQLite's here; PostgreSQL's by the DDL below (naming postgresql_where
    # would import SQLAlchemy's whole PostgreSQL dialect at every start).
    Index("ix_till_session_open", "till", unique=True, sqlite_where=text("closed_at IS NULL")).ddl_if(dialect="sqlite"),
)
event.listen(
    till_session,
    "after_create",
    DDL("CREATE UNIQUE INDEX ix_till_session_open ON till_session (till) WHERE closed_at IS NULL").execute_if(
        dialect="postgresql"
    ),
)

# Cash put into the drawer (in) or taken out (out), outside any sale.
cash_move = Table(
    "cash_move",
    metadata,
    Column("id", Id, primary_key=True),
    Column("session_id", Id, ForeignKey("till_session.id"), nullable=False, index=True),
    Column("at", String(32), nullable=False),
    Column("kind", String(8), nullable=False),  # in, out
    Column("amount_cents", BigInteger, nullable=False),
    Column("reason", String(200), nullable=False),
    Column("staff_id", Id, nullable=False),
    Column("staff_name", String(200), nullable=False),
    CheckConstraint("amount_cents > 0", name="cash_move_positive"),
)

# The drawer opened with no sale ("No sale"): who and when, for the cash-up.
# A table of its own (made by create_all in a database of any version).
drawer_open = Table(
    "drawer_open",
    metadata,
    Column("id", Id, primary_key=True),
    Column("session_id", Id, ForeignKey("till_session.id"), nullable=False, index=True),
    Column("at", String(32), nullable=False),
    Column("staff_id", Id, nullable=False),
    Column("staff_name", String(200), nullable=False),
)

# Money given back, by method: a return's or a cancellation's refund, split
# over the ways the order was paid.
refund = Table(
    "refund",
    metadata,
    Column("id", Id, primary_key=True),
    Column("order_id", Id, ForeignKey("shop_order.id"), nullable=False, index=True),
    Column("return_id", Id, ForeignKey("order_return.id"), nullable=True),  # NULL: a cancellation
    Column("at", String(32), nullable=False),
    Column("method", String(16), nullable=False),
    Column("amount_cents", BigInteger, nullable=False),
    Column("session_id", Id, ForeignKey("till_session.id"), nullable=True, index=True),
    Column("staff_id", Id, nullable=False),
    CheckConstraint("amount_cents > 0", name="refund_positive"),
)

# The shop's identity (one row): ``shop_id`` made when the shop was created;
# ``store_id`` made anew whenever this database file is found somewhere else
# than ``found_at`` says (a copy, a move, a restore from a backup). The read
# model records both, and is rebuilt when they are not the ones it was made
# from (core/write_model/identity.py). Created by create_all in a database
# of any version: it needs no migration.
shop_identity = Table(
    "shop_identity",
    metadata,
    Column("id", Id, primary_key=True),  # always 1
    Column("shop_id", String(32), nullable=False),
    Column("store_id", String(32), nullable=False),
    Column("found_at", Text, nullable=False),  # the file's path and file id
)

# -- v5: the outbox's archive, and how far each till's read model has read ---------------
# Events older than every till's checkpoint (less a margin) move here from the
# outbox, so that the outbox a sale appends to and a till reads after every
# command stays small; nothing is lost: a till behind reads here
# (core/write_model/outbox_archive.py).
outbox_archive = Table(
    "outbox_archive",
    metadata,
    Column("position", Id, primary_key=True, autoincrement=False),
    Column("event_type", String(64), nullable=False),
    Column("payload", Text, nullable=False),
    Column("recorded_at", String(32), nullable=False),
    Column("staff_id", Id, nullable=False, server_default=text("0")),
    Column("till", String(64), nullable=False, server_default=text("'Till 1'")),
    Column("approved_by", Id, nullable=True),
    # A till's own events, newest first (Undo looks back through them when the
    # outbox holds none of its own). Made at opening in a database of any
    # version (engine.create_schema): no migration.
    Index("ix_outbox_archive_till", "till", "position"),
)

# Indexes of tables older databases already hold: create_schema makes them if missing.
ADDED_INDEXES = tuple(index for index in outbox_archive.indexes if index.name == "ix_outbox_archive_till")

till_checkpoint = Table(
    "till_checkpoint",
    metadata,
    Column("till", String(64), primary_key=True),
    Column("position", Id, nullable=False),  # its read model's saved checkpoint
    Column("recorded_at", String(32), nullable=False),
)

# Which events were undone (core/handlers/undo.py): one row per undone event's
# position, kept (``redone_at`` set) when it is done again. Created by
# create_all in a database of any version: it needs no migration.
undo_link = Table(
    "undo_link",
    metadata,
    Column("position", Id, primary_key=True, autoincrement=False),  # the undone event's
    Column("undone_at", String(32), nullable=False),
    Column("undone_by", Id, nullable=False),  # staff id (0: unknown, -1: the owner before staff)
    Column("till", String(64), nullable=False),
    Column("redone_at", String(32), nullable=True),  # NULL: undone now
)

# The journal's hash chain (core/write_model/journal_chain.py): each event's
# link, by position, whether the event is in the outbox or its archive.
# Created by create_all in a database of any version: it needs no migration.
journal_link = Table(
    "journal_link",
    metadata,
    Column("position", Id, primary_key=True, autoincrement=False),
    Column("link", String(64), nullable=False),  # SHA-256, hex
)

# The journal as it stood when a till session closed (CloseTill): the
# chain's latest link then and its position, which the session's Z report
# prints, so a chain rewritten later is caught against the paper. Created by
# create_all in a database of any version: it needs no migration.
till_close_link = Table(
    "till_close_link",
    metadata,
    Column("session_id", Id, ForeignKey("till_session.id"), primary_key=True, autoincrement=False),
    Column("position", Id, nullable=False),  # 0: no event was linked yet
    Column("link", String(64), nullable=False),  # SHA-256, hex ("" before the first event)
)

# Payments taken by mistake and given back the way they came (ReversePayment):
# the payment row stays; the order's paid amount goes down by it. Created by
# create_all in a database of any version: it needs no migration.
payment_reversal = Table(
    "payment_reversal",
    metadata,
    Column("payment_id", Id, ForeignKey("payment.id"), primary_key=True, autoincrement=False),
    Column("order_id", Id, ForeignKey("shop_order.id"), nullable=False, index=True),
    Column("at", String(32), nullable=False),
    Column("method", String(16), nullable=False),
    Column("amount_cents", BigInteger, nullable=False),
    Column("session_id", Id, ForeignKey("till_session.id"), nullable=True),
    Column("staff_id", Id, nullable=False),
)

# -- v6: several tills on one server ---------------------------------------------------
# Each command's request id, stored by the transaction that carries it out
# (core/write_model/requests.py): a command run again after its COMMIT was
# lost on the way back finds it and answers as the first time did, never
# doing it twice. ``result`` is that answer as JSON.
command_request = Table(
    "command_request",
    metadata,
    Column("request_id", String(64), primary_key=True),
    Column("result", Text, nullable=True),
    Column("recorded_at", String(32), nullable=False),
)

# A number every command that changes the settings or a category raises
# (on PostgreSQL): a till keeps those rows between commands while it is
# unchanged (core/write_model/command_cache.py). SQLite's data_version does
# the same there; the table exists on both so the schema is one.
cache_version = Table(
    "cache_version",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=False),  # always 1
    Column("version", BigInteger, nullable=False),
)
