"""Bring an older shop database up to the current schema, in place.

Each step is portable SQL (it must run on PostgreSQL too) and runs in the
same transaction as the version stamp, so a step is done fully or not at all.
"""

from datetime import datetime, timezone

from sqlalchemy import Connection, insert, literal, select, text, update

from core.write_model.schema import product, schema_info, stock_movement


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _v1_to_v2(conn: Connection) -> None:
    # stock_movement is created by metadata.create_all before the steps run.
    conn.execute(text("ALTER TABLE product ADD COLUMN cost_price_cents BIGINT"))
    conn.execute(text("ALTER TABLE product ADD COLUMN tax_rate_bp INTEGER"))
    conn.execute(text("ALTER TABLE product ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE"))
    # History starts now: one movement per product so its history adds up to its stock.
    conn.execute(
        insert(stock_movement).from_select(
            ["product_id", "at", "kind", "quantity", "stock_after", "note"],
            select(product.c.id, literal(_now()), literal("received"), product.c.stock, product.c.stock,
                   literal("Stock when history began")).where(product.c.stock > 0)))


STEPS = {1: _v1_to_v2}  # from version -> step to the next


def migrate(conn: Connection, found: int, target: int) -> None:
    version = found
    while version < target:
        STEPS[version](conn)
        version += 1
    conn.execute(update(schema_info).values(version=target))
