"""How sales events change the read model: orders, payments, returns,
customers, the shop's settings and categories' tax rates.

Each applier takes the read model, the event, the event as the outbox stored it
(position, time, who, till), and the collector of what changed (see catalog_projections).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.domain.order_status import CANCELLED, FULFILLED, PLACED
from core.domain.shop_settings import FIELD_NAMES, ShopSettings
from core.domain.stock_moves import MovementKind
from core.messages.events import (
    CategoryTaxRateSet,
    CustomerAdded,
    CustomerUpdated,
    ItemsReturned,
    OrderCancelled,
    OrderFulfilled,
    OrderPlaced,
    PaymentRecorded,
    PaymentReversed,
    ShopSettingsUpdated,
)
from core.read_model import documents as docs
from core.read_model.catalog_projections import set_stock_levels
from core.read_model.changes import ChangeCollector
from core.write_model.reading import StoredEvent

if TYPE_CHECKING:
    from collections.abc import Callable

    from core.messages.events import Event
    from core.read_model.projector import ReadModel


def _order_doc(rm: ReadModel, order_id: int) -> dict:
    doc = rm.documents.get(docs.orders_table(order_id), order_id)
    if doc is None:
        raise KeyError(f"order {order_id}")  # an order we never saw: the projector rebuilds
    return doc


def _save_order(rm: ReadModel, doc: dict, changes: ChangeCollector) -> None:
    order_id = doc["id"]
    rm.documents.put(docs.orders_table(order_id), order_id, doc)
    rm.orders.put(doc)
    changes.orders.add(order_id)
    if doc["customer_id"] is not None:
        changes.customers.add(doc["customer_id"])  # their order count and total spent


def order_placed(rm: ReadModel, e: OrderPlaced, origin: StoredEvent, changes: ChangeCollector) -> None:
    doc = docs.order_doc(
        e.order_id,
        e.placed_at,
        PLACED,
        e.total_cents,
        [docs.sold_line_doc(line) for line in e.lines],
        customer_id=e.customer_id,
        prices_include_tax=e.prices_include_tax,
        subtotal_cents=e.subtotal_cents,
        discount_cents=e.discount_cents,
        tax_cents=e.tax_cents,
        order_discount=docs.discount_of(e.order_discount),
        placed_by=origin.staff_id,
        staff_name=e.staff_name,
        till=origin.till,
    )
    _save_order(rm, doc, changes)
    set_stock_levels(rm, {line.product_id: line.stock_after for line in e.lines}, changes)
    rm.documents.append_moves(
        origin,
        {
            line.product_id: (MovementKind.SOLD, -line.quantity, line.stock_after, None, None, e.order_id)
            for line in e.lines
        },
    )


def payment_recorded(rm: ReadModel, e: PaymentRecorded, origin: StoredEvent, changes: ChangeCollector) -> None:
    doc = _order_doc(rm, e.order_id)
    payments = [x for x in doc["payments"] if x["id"] != e.payment_id]
    payments.append(
        docs.payment_doc(
            e.payment_id, e.at, e.method, e.amount_cents, e.tendered_cents, e.change_cents, origin.staff_id
        )
    )
    doc["payments"] = sorted(payments, key=lambda x: x["id"])
    doc["paid_cents"], doc["status"] = e.paid_cents, e.status
    _save_order(rm, doc, changes)


def payment_reversed(rm: ReadModel, e: PaymentReversed, origin: StoredEvent, changes: ChangeCollector) -> None:
    doc = _order_doc(rm, e.order_id)
    for p in doc["payments"]:
        if p["id"] == e.payment_id:
            p["reversed_at"], p["reversed_by"] = e.at, origin.staff_id
    doc["paid_cents"], doc["status"] = e.paid_cents, e.status
    _save_order(rm, doc, changes)


def order_fulfilled(rm: ReadModel, e: OrderFulfilled, origin: StoredEvent, changes: ChangeCollector) -> None:
    doc = _order_doc(rm, e.order_id)
    doc["status"], doc["fulfilled_at"], doc["fulfilled_by"] = FULFILLED, e.fulfilled_at, origin.staff_id
    _save_order(rm, doc, changes)


def order_cancelled(rm: ReadModel, e: OrderCancelled, origin: StoredEvent, changes: ChangeCollector) -> None:
    # Stock first: a read model still without the order's history
    # (core/read_model/partial.py) keeps stock right even so.
    set_stock_levels(rm, {r.product_id: r.stock_after for r in e.restocked}, changes)
    rm.documents.append_moves(
        origin,
        {
            r.product_id: (MovementKind.ORDER_CANCELLED, r.quantity, r.stock_after, None, None, e.order_id)
            for r in e.restocked
        },
    )
    doc = _order_doc(rm, e.order_id)
    doc["status"], doc["cancelled_at"] = CANCELLED, e.cancelled_at
    doc["cancel_refund_cents"] = e.refund_cents
    doc["refunded_cents"] = e.refunded_cents
    doc["cancelled_by"] = origin.staff_id
    doc["cancel_refunds"] = [[part.method, part.amount_cents] for part in e.refunds]
    doc["cancel_approved_by"] = origin.approved_by
    _save_order(rm, doc, changes)


def items_returned(rm: ReadModel, e: ItemsReturned, origin: StoredEvent, changes: ChangeCollector) -> None:
    # Stock first, as for a cancellation.
    set_stock_levels(rm, {r.product_id: r.stock_after for r in e.lines}, changes)
    rm.documents.append_moves(
        origin,
        {
            r.product_id: (MovementKind.RETURNED, r.quantity, r.stock_after, e.reason, e.note, e.order_id)
            for r in e.lines
        },
    )
    doc = _order_doc(rm, e.order_id)
    by_product = {line["product_id"]: line for line in doc["lines"]}
    for r in e.lines:
        line = by_product[r.product_id]
        line["returned_quantity"], line["refunded_cents"] = r.returned_quantity, r.refunded_cents
    returns = [x for x in doc["returns"] if x["id"] != e.return_id]
    returns.append(
        docs.return_doc(
            e.return_id,
            e.at,
            e.reason,
            e.note,
            e.refund_cents,
            [vars(r) for r in e.lines],
            origin.staff_id,
            [(part.method, part.amount_cents) for part in e.refunds],
            origin.approved_by,
        )
    )
    doc["returns"] = sorted(returns, key=lambda x: x["id"])
    doc["refunded_cents"] = e.refunded_cents
    _save_order(rm, doc, changes)


def _put_customer(rm: ReadModel, doc: dict, changes: ChangeCollector) -> None:
    rm.documents.put(docs.customers_table(doc["id"]), doc["id"], doc)
    rm.customers.put(doc)
    changes.orders.update(rm.orders.name_customer(doc["id"], doc["name"]))
    changes.customers.add(doc["id"])


def customer_added(rm: ReadModel, e: CustomerAdded, origin: StoredEvent, changes: ChangeCollector) -> None:
    _put_customer(rm, docs.customer_doc(e.customer_id, e.name, e.phone, e.email, e.note, e.added_at), changes)


def customer_updated(rm: ReadModel, e: CustomerUpdated, origin: StoredEvent, changes: ChangeCollector) -> None:
    added_at = rm.customers.customers[e.customer_id]["added_at"]  # KeyError: never seen: rebuild
    _put_customer(rm, docs.customer_doc(e.customer_id, e.name, e.phone, e.email, e.note, added_at), changes)


def shop_settings_updated(rm: ReadModel, e: ShopSettingsUpdated, origin: StoredEvent, changes: ChangeCollector) -> None:
    doc = {name: getattr(e, name) for name in FIELD_NAMES}
    rm.documents.put(docs.SETTINGS, docs.SETTINGS_DOC_ID, doc)
    rm.settings = ShopSettings(**doc)
    changes.settings = True


def category_tax_rate_set(rm: ReadModel, e: CategoryTaxRateSet, origin: StoredEvent, changes: ChangeCollector) -> None:
    category_id, rate = e.category_id, e.tax_rate_bp
    doc = rm.documents.get(docs.CATEGORIES, category_id)
    if doc is None:
        raise KeyError(f"category {category_id}")
    doc["tax_rate_bp"] = rate
    rm.documents.put(docs.CATEGORIES, category_id, doc)
    if rate is None:
        rm.category_tax.pop(category_id, None)
    else:
        rm.category_tax[category_id] = rate
    changes.categories.add(category_id)


# Each takes (read model, event of its class, the event as stored (position, time, who), changes).
APPLIERS: dict[type[Event], Callable[..., None]] = {
    OrderPlaced: order_placed,
    PaymentRecorded: payment_recorded,
    PaymentReversed: payment_reversed,
    OrderFulfilled: order_fulfilled,
    OrderCancelled: order_cancelled,
    ItemsReturned: items_returned,
    CustomerAdded: customer_added,
    CustomerUpdated: customer_updated,
    ShopSettingsUpdated: shop_settings_updated,
    CategoryTaxRateSet: category_tax_rate_set,
}
