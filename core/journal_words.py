"""Each event of the journal in words, as the Journal view shows it ("Received
24 × Blue Enamel Mug", "Payment £8.50 by card for order 12"). Names come
from the event where it carries them, else from ``Names`` (today's names)."""

from collections.abc import Callable
from dataclasses import dataclass

from core.domain.money import format_money
from core.i18n import N_, Text
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


def summary(event: ev.Event, n: Names) -> Text:
    """The event in words: a core Text (English here and in the export, the
    window's language in the Journal view)."""
    e = event
    money = n.money
    if isinstance(e, ev.CategoryAdded):
        return N_("Category “{name}” added under {parent}", name=e.name, parent=n.category(e.parent_id))
    if isinstance(e, ev.CategoryRenamed):
        return N_("Category renamed to “{name}”", name=e.name)
    if isinstance(e, ev.CategoryMoved):
        return N_(
            "Category “{name}” moved under {parent}", name=n.category(e.category_id), parent=n.category(e.parent_id)
        )
    if isinstance(e, ev.CategoryDeleted):
        return N_("Category {category} deleted", category=e.category_id)
    if isinstance(e, ev.CategoryTaxRateSet):
        rate = N_("inherited") if e.tax_rate_bp is None else f"{e.tax_rate_bp / 100:g}%"
        return N_("Tax rate of “{name}” set to {rate}", name=n.category(e.category_id), rate=rate)
    if isinstance(e, ev.ProductAdded):
        return N_(
            "{name} ({sku}) added at {price}, {stock:,} in stock",
            name=e.name,
            sku=e.sku,
            price=money(e.price_cents),
            stock=e.stock,
        )
    if isinstance(e, ev.ProductUpdated):
        if e.active:
            return N_("{name} ({sku}) changed: price {price}", name=e.name, sku=e.sku, price=money(e.price_cents))
        return N_("{name} ({sku}) changed: price {price}, archived", name=e.name, sku=e.sku, price=money(e.price_cents))
    if isinstance(e, ev.ProductDeleted):
        return N_("{name} deleted", name=n.product(e.product_id))
    if isinstance(e, ev.OrderPlaced):
        units = sum(line.quantity for line in e.lines)
        if e.customer_id is None:
            return N_(
                "Order {order} placed: {units:,} items, {total}",
                order=e.order_id,
                units=units,
                total=money(e.total_cents),
            )
        return N_(
            "Order {order} placed: {units:,} items, {total} for {customer}",
            order=e.order_id,
            units=units,
            total=money(e.total_cents),
            customer=n.customer(e.customer_id),
        )
    if isinstance(e, ev.PaymentRecorded):
        return N_(
            "Payment {amount} by {method} for order {order}",
            amount=money(e.amount_cents),
            method=_method(e.method),
            order=e.order_id,
        )
    if isinstance(e, ev.PaymentReversed):
        return N_(
            "Payment {amount} by {method} for order {order} given back",
            amount=money(e.amount_cents),
            method=_method(e.method),
            order=e.order_id,
        )
    if isinstance(e, ev.OrderFulfilled):
        return N_("Order {order} fulfilled", order=e.order_id)
    if isinstance(e, ev.OrderCancelled):
        if e.refund_cents:
            return N_("Order {order} cancelled, {refund} refunded", order=e.order_id, refund=money(e.refund_cents))
        return N_("Order {order} cancelled", order=e.order_id)
    if isinstance(e, ev.ItemsReturned):
        units = sum(line.quantity for line in e.lines)
        return N_(
            "{units:,} items of order {order} returned ({reason}), {refund} refunded",
            units=units,
            order=e.order_id,
            reason=e.reason,
            refund=money(e.refund_cents),
        )
    if isinstance(e, ev.CustomerAdded):
        return N_("Customer {name} added", name=e.name)
    if isinstance(e, ev.CustomerUpdated):
        return N_("Customer {name} changed", name=e.name)
    if isinstance(e, ev.ShopSettingsUpdated):
        return N_("Shop settings changed ({name}, {currency})", name=e.name, currency=e.currency_code)
    if isinstance(e, ev.StockReceived):
        return N_(
            "Received {quantity:,} × {name}, {stock:,} in stock",
            quantity=e.quantity,
            name=n.product(e.product_id),
            stock=e.stock_after,
        )
    if isinstance(e, ev.StockAdjusted):
        return N_(
            "Stock of {name} adjusted by {change:+,} ({reason}), {stock:,} in stock",
            name=n.product(e.product_id),
            change=e.change,
            reason=e.reason,
            stock=e.stock_after,
        )
    if isinstance(e, ev.StaffAdded):
        return N_("{name} added as {role}", name=e.name, role=e.role)
    if isinstance(e, ev.StaffUpdated):
        details: list[str] = [e.role]
        if not e.active:
            details.append(N_("inactive"))
        if e.pin_changed:
            details.append(N_("new PIN"))
        return N_("{name} changed ({details})", name=e.name, details=_listed(details))
    if isinstance(e, ev.TillOpened):
        if e.opened_automatically:
            return N_("{till} opened by itself", till=e.till)
        return N_("{till} opened with a float of {float}", till=e.till, float=money(e.opening_float_cents))
    if isinstance(e, ev.TillFloatSet):
        return N_("Float of {float} counted", float=money(e.opening_float_cents))
    if isinstance(e, ev.TillClosed):
        return N_(
            "Till closed by {name}, {counted} counted", name=e.closed_by_name, counted=money(e.counted_cash_cents)
        )
    if isinstance(e, ev.CashMoved):
        if e.kind == "in":
            return N_("Cash paid in: {amount} ({reason})", amount=money(e.amount_cents), reason=e.reason)
        return N_("Cash paid out: {amount} ({reason})", amount=money(e.amount_cents), reason=e.reason)
    if isinstance(e, ev.ActionUndone):
        return N_("Undone: {action}", action=e.description)
    if isinstance(e, ev.ActionRedone):
        return N_("Redone: {action}", action=e.description)
    return Text(type(e).__name__, {})


_METHOD_WORDS = {"cash": N_("cash"), "card": N_("card"), "other": N_("other")}


def _method(method: str) -> str:
    return _METHOD_WORDS.get(method, method)


def _listed(parts: list[str]) -> Text:
    """ "manager, inactive, new PIN": each part translated on its own."""
    names = [f"p{index}" for index in range(len(parts))]
    return Text(", ".join("{" + name + "}" for name in names), dict(zip(names, parts, strict=True)))
