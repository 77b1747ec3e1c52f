"""Bring an older shop database up to the current schema, in place.

Each step is portable SQL (it must run on PostgreSQL too) and runs in the
same transaction as the version stamp, so a step is done fully or not at all.
New tables are made by ``metadata.create_all`` before the steps run; a step
adds columns (last, in the order schema.py lists them) and indexes to tables
that already existed, so a migrated database has the columns of a new one.
"""

import json
from datetime import UTC, datetime

from sqlalchemy import Connection, bindparam, insert, inspect, literal, select, text, update

from core.write_model.schema import outbox, product, schema_info, shop_order, stock_movement

FIRST_TILL = "Till 1"  # the till of everything done before tills had names


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _v1_to_v2(conn: Connection) -> None:
    # stock_movement is created by metadata.create_all before the steps run.
    conn.execute(text("ALTER TABLE product ADD COLUMN cost_price_cents BIGINT"))
    conn.execute(text("ALTER TABLE product ADD COLUMN tax_rate_bp INTEGER"))
    conn.execute(text("ALTER TABLE product ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE"))
    # History starts now: one movement per product so its history adds up to its stock.
    conn.execute(
        insert(stock_movement).from_select(
            ["product_id", "at", "kind", "quantity", "stock_after", "note"],
            select(
                product.c.id,
                literal(_now()),
                literal("received"),
                product.c.stock,
                product.c.stock,
                literal("Stock when history began"),
            ).where(product.c.stock > 0),
        )
    )


_V3_COLUMNS = {
    "category": [
        "tax_rate_bp INTEGER",
    ],
    "shop_order": [
        "customer_id INTEGER REFERENCES customer (id)",
        "request_id VARCHAR(64)",
        "prices_include_tax BOOLEAN NOT NULL DEFAULT TRUE",
        "subtotal_cents BIGINT NOT NULL DEFAULT 0",
        "discount_cents BIGINT NOT NULL DEFAULT 0",
        "tax_cents BIGINT NOT NULL DEFAULT 0",
        "discount_kind VARCHAR(16)",
        "discount_value BIGINT",
        "paid_cents BIGINT NOT NULL DEFAULT 0"
        " CONSTRAINT paid_within_total CHECK (paid_cents >= 0 AND paid_cents <= total_cents)",
        "refunded_cents BIGINT NOT NULL DEFAULT 0"
        " CONSTRAINT refund_within_paid CHECK (refunded_cents >= 0 AND refunded_cents <= paid_cents)",
        "fulfilled_at VARCHAR(32)",
        "cancelled_at VARCHAR(32)",
        "cancel_refund_cents BIGINT",
    ],
    "order_line": [
        "discount_kind VARCHAR(16)",
        "discount_value BIGINT",
        "line_discount_cents BIGINT NOT NULL DEFAULT 0",
        "order_discount_cents BIGINT NOT NULL DEFAULT 0",
        "tax_rate_bp INTEGER NOT NULL DEFAULT 0",
        "tax_cents BIGINT NOT NULL DEFAULT 0",
        "returned_quantity INTEGER NOT NULL DEFAULT 0"
        " CONSTRAINT returned_within_sold CHECK (returned_quantity >= 0 AND returned_quantity <= quantity)",
        "refunded_cents BIGINT NOT NULL DEFAULT 0",
    ],
}


def _v2_to_v3(conn: Connection) -> None:
    # shop_setting, customer, payment, order_return(_line): made by create_all.
    for table, columns in _V3_COLUMNS.items():
        for column in columns:
            conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column}"))
    conn.execute(text("CREATE UNIQUE INDEX ix_shop_order_request_id ON shop_order (request_id)"))
    conn.execute(text("CREATE INDEX ix_shop_order_customer_id ON shop_order (customer_id)"))
    # Orders of version 2 had no discounts and recorded no tax: their
    # subtotal is their total, their lines' tax 0 (the defaults).
    conn.execute(text("UPDATE shop_order SET subtotal_cents = total_cents"))
    # When an order was cancelled is in its OrderCancelled event.
    cancelled = {}
    for (payload,) in conn.execute(select(outbox.c.payload).where(outbox.c.event_type == "OrderCancelled")):
        event = json.loads(payload)
        cancelled[event["order_id"]] = event["cancelled_at"]
    if cancelled:
        conn.execute(
            update(shop_order)
            .where(shop_order.c.id == bindparam("order_id"), shop_order.c.status == "cancelled")
            .values(cancelled_at=bindparam("at"), cancel_refund_cents=0),
            [{"order_id": order_id, "at": at} for order_id, at in cancelled.items()],
        )


_V4_COLUMNS = {
    "shop_order": [
        "staff_id INTEGER NOT NULL DEFAULT 0",
        "till VARCHAR(64)",
        "session_id INTEGER REFERENCES till_session (id)",
        "fulfilled_by INTEGER",
        "cancelled_by INTEGER",
        "cancel_session_id INTEGER REFERENCES till_session (id)",
        "cancel_approved_by INTEGER",
    ],
    "order_line": [
        "cost_price_cents BIGINT",
        "category_id INTEGER",
    ],
    "payment": [
        "session_id INTEGER REFERENCES till_session (id)",
        "staff_id INTEGER NOT NULL DEFAULT 0",
    ],
    "order_return": [
        "session_id INTEGER REFERENCES till_session (id)",
        "staff_id INTEGER NOT NULL DEFAULT 0",
        "approved_by INTEGER",
    ],
    "stock_movement": [
        "staff_id INTEGER NOT NULL DEFAULT 0",
    ],
    "outbox": [
        "staff_id INTEGER NOT NULL DEFAULT 0",
        "till VARCHAR(64) NOT NULL DEFAULT 'Till 1'",
        "approved_by INTEGER",
    ],
}


def _v3_to_v4(conn: Connection) -> None:
    # staff, sign_in_lock, till_session, cash_move, refund: made by create_all.
    # What was done before is by "unknown" staff (0, the column default) at the
    # shop's first till; its lines have no cost, so reports count them as units
    # without cost rather than invent today's.
    # (A shop older than v3 gets payment and order_return from create_all,
    # with these columns already.)
    inspector = inspect(conn)
    for table, columns in _V4_COLUMNS.items():
        present = {c["name"] for c in inspector.get_columns(table)}
        for column in columns:
            if column.split()[0] not in present:
                conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column}"))
    if "ix_payment_session_id" not in {i["name"] for i in inspector.get_indexes("payment")}:
        conn.execute(text("CREATE INDEX ix_payment_session_id ON payment (session_id)"))
    conn.execute(update(shop_order).values(till=literal(FIRST_TILL)))


def _v4_to_v5(conn: Connection) -> None:
    # Reports group sales by the staff member's name and the category's path
    # as they were then. Neither was recorded before: left NULL ("not
    # recorded") rather than filled with today's names, which a replay of the
    # old events could not give (their upcasters say None too).
    # outbox_archive and till_checkpoint are made by create_all; nothing is
    # archived until every till has said how far it has read.
    conn.execute(text("ALTER TABLE shop_order ADD COLUMN staff_name VARCHAR(200)"))
    conn.execute(text("ALTER TABLE order_line ADD COLUMN category_path TEXT"))


def _v5_to_v6(conn: Connection) -> None:
    # command_request and cache_version are made by create_all; the step
    # only stamps the version, so that older tills refuse this shop.
    pass


STEPS = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4, 4: _v4_to_v5, 5: _v5_to_v6}  # from version -> step to the next


def migrate(conn: Connection, found: int, target: int) -> None:
    version = found
    while version < target:
        STEPS[version](conn)
        version += 1
    conn.execute(update(schema_info).values(version=target))
