"""Reads of the write model that feed the read model: new outbox events, and a
consistent snapshot of everything for a rebuild."""

import json
from dataclasses import dataclass

from sqlalchemy import Engine, func, select

from core.write_model.schema import category, order_line, outbox, product, shop_order
from core.write_model.statements import EVENTS_AFTER, EVENTS_AFTER_LIMITED, LAST_POSITION


@dataclass(frozen=True)
class StoredEvent:
    position: int
    event_type: str
    payload: dict


def read_events_after(engine: Engine, position: int, limit: int | None = None) -> list[StoredEvent]:
    with engine.connect().execution_options(write=False) as conn:
        if limit:
            rows = conn.execute(EVENTS_AFTER_LIMITED, {"position": position, "limit": limit}).all()
        else:
            rows = conn.execute(EVENTS_AFTER, {"position": position}).all()
    loads = json.loads
    return [StoredEvent(pos, etype, loads(payload)) for pos, etype, payload in rows]


def last_position(engine: Engine) -> int:
    with engine.connect().execution_options(write=False) as conn:
        return conn.execute(LAST_POSITION).scalar_one()


@dataclass(frozen=True)
class Snapshot:
    """Everything the read model shows, as of outbox ``position``."""

    position: int
    categories: list
    products: list
    orders: list
    lines: list


def read_snapshot(engine: Engine) -> Snapshot:
    # One transaction, so the rows and the position agree.
    with engine.connect().execution_options(write=False) as conn, conn.begin():
        position = conn.execute(select(func.coalesce(func.max(outbox.c.position), 0))).scalar_one()
        categories = conn.execute(select(category).order_by(category.c.id)).mappings().all()
        products = conn.execute(select(product).order_by(product.c.id)).mappings().all()
        orders = conn.execute(select(shop_order).order_by(shop_order.c.id)).mappings().all()
        lines = conn.execute(select(order_line).order_by(order_line.c.id)).mappings().all()
    return Snapshot(position, categories, products, orders, lines)
