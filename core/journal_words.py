"""Each event of the journal in words, as the Journal view shows it ("Received
24 × Blue Enamel Mug", "Payment £8.50 by card for order 12"). Names come
from the event where it carries them, else from ``Names`` (today's names)."""

from collections.abc import Callable
from dataclasses import dataclass

from core.domain.money import format_money
from core.i18n import N_
from core.messages import events as ev

KINDS = {
    "CategoryAdded": N_("Category added"),
    "CategoryRenamed": N_("Category renamed"),
    "CategoryMoved": N_("Category moved"),
    "CategoryDeleted": N_("Category deleted"),
    "CategoryTaxRateSet": N_("Category tax rate"),
    "ProductAdded": N_("Product added"),
    "ProductUpdated": N_("Product changed"),
    "ProductDeleted": N_("Product deleted"),
    "OrderPlaced": N_("Order placed"),
    "PaymentRecorded": N_("Payment"),
    "PaymentReversed": N_("Payment reversed"),
    "OrderFulfilled": N_("Order fulfilled"),
    "OrderCancelled": N_("Order cancelled"),
    "ItemsReturned": N_("Items returned"),
    "CustomerAdded": N_("Customer added"),
    "CustomerUpdated": N_("Customer changed"),
    "ShopSettingsUpdated": N_("Shop settings"),
    "StockReceived": N_("Stock received"),
    "StockAdjusted": N_("Stock adjusted"),
    "StaffAdded": N_("Staff added"),
    "StaffUpdated": N_("Staff changed"),
    "TillOpened": N_("Till opened"),
    "TillFloatSet": N_("Float counted"),
    "TillClosed": N_("Till closed"),
    "CashMoved": N_("Cash in or out"),
    "ActionUndone": N_("Undone"),
    "ActionRedone": N_("Redone"),
}


@dataclass(frozen=True)
class Names:
    product: Callable[[int], str]
    category: Callable[[int | None], str]
    customer: Callable[[int | None], str]
    money: Callable[[int], str] = format_money


def summary(event: ev.Event, n: Names) -> str:
    e = event
    money = n.money
    if isinstance(e, ev.CategoryAdded):
        return f"Category “{e.name}” added under {n.category(e.parent_id)}"
    if isinstance(e, ev.CategoryRenamed):
        return f"Category renamed to “{e.name}”"
    if isinstance(e, ev.CategoryMoved):
        return f"Category “{n.category(e.category_id)}” moved under {n.category(e.parent_id)}"
    if isinstance(e, ev.CategoryDeleted):
        return f"Category {e.category_id} deleted"
    if isinstance(e, ev.CategoryTaxRateSet):
        rate = "inherited" if e.tax_rate_bp is None else f"{e.tax_rate_bp / 100:g}%"
        return f"Tax rate of “{n.category(e.category_id)}” set to {rate}"
    if isinstance(e, ev.ProductAdded):
        return f"{e.name} ({e.sku}) added at {money(e.price_cents)}, {e.stock:,} in stock"
    if isinstance(e, ev.ProductUpdated):
        return f"{e.name} ({e.sku}) changed: price {money(e.price_cents)}{'' if e.active else ', archived'}"
    if isinstance(e, ev.ProductDeleted):
        return f"{n.product(e.product_id)} deleted"
    if isinstance(e, ev.OrderPlaced):
        units = sum(line.quantity for line in e.lines)
        return f"Order {e.order_id} placed: {units:,} items, {money(e.total_cents)}{_for(n, e.customer_id)}"
    if isinstance(e, ev.PaymentRecorded):
        return f"Payment {money(e.amount_cents)} by {e.method} for order {e.order_id}"
    if isinstance(e, ev.PaymentReversed):
        return f"Payment {money(e.amount_cents)} by {e.method} for order {e.order_id} given back"
    if isinstance(e, ev.OrderFulfilled):
        return f"Order {e.order_id} fulfilled"
    if isinstance(e, ev.OrderCancelled):
        refund = f", {money(e.refund_cents)} refunded" if e.refund_cents else ""
        return f"Order {e.order_id} cancelled{refund}"
    if isinstance(e, ev.ItemsReturned):
        units = sum(line.quantity for line in e.lines)
        return f"{units:,} items of order {e.order_id} returned ({e.reason}), {money(e.refund_cents)} refunded"
    if isinstance(e, (ev.CustomerAdded, ev.CustomerUpdated)):
        return f"Customer {e.name} {'added' if isinstance(e, ev.CustomerAdded) else 'changed'}"
    if isinstance(e, ev.ShopSettingsUpdated):
        return f"Shop settings changed ({e.name}, {e.currency_code})"
    if isinstance(e, ev.StockReceived):
        return f"Received {e.quantity:,} × {n.product(e.product_id)}, {e.stock_after:,} in stock"
    if isinstance(e, ev.StockAdjusted):
        return f"Stock of {n.product(e.product_id)} adjusted by {e.change:+,} ({e.reason}), {e.stock_after:,} in stock"
    if isinstance(e, ev.StaffAdded):
        return f"{e.name} added as {e.role}"
    if isinstance(e, ev.StaffUpdated):
        return f"{e.name} changed ({e.role}{'' if e.active else ', inactive'}{', new PIN' if e.pin_changed else ''})"
    if isinstance(e, ev.TillOpened):
        how = "by itself" if e.opened_automatically else f"with a float of {money(e.opening_float_cents)}"
        return f"{e.till} opened {how}"
    if isinstance(e, ev.TillFloatSet):
        return f"Float of {money(e.opening_float_cents)} counted"
    if isinstance(e, ev.TillClosed):
        return f"Till closed by {e.closed_by_name}, {money(e.counted_cash_cents)} counted"
    if isinstance(e, ev.CashMoved):
        return f"Cash {'paid in' if e.kind == 'in' else 'paid out'}: {money(e.amount_cents)} ({e.reason})"
    if isinstance(e, ev.ActionUndone):
        return f"Undone: {e.description}"
    if isinstance(e, ev.ActionRedone):
        return f"Redone: {e.description}"
    return type(e).__name__


def _for(n: Names, customer_id: int | None) -> str:
    return "" if customer_id is None else f" for {n.customer(customer_id)}"
