"""Receipts: what a receipt says, as plain immutable data, and a fixed-width
plain-text rendering of it.

``build_receipt(shop, order_id)`` (or the ``GetReceipt`` query) gives a
``Receipt``; the window lays it out (and prints or saves it as PDF) however it
likes, with the locale's number formatting; ``receipt_text`` is the plain
rendering the tests read and a PDF can carry as it is.

Amounts are ints of the currency's minor unit; ``Receipt.money`` formats one
plainly (``"£12.34"``).
"""

from dataclasses import dataclass
from datetime import datetime, tzinfo

from core.domain.money import format_money, format_percent
from core.domain.order_status import CANCELLED
from core.domain.pricing import AMOUNT, Discount, TaxBand
from core.domain.shop_settings import ShopSettings
from core.i18n import N_
from core.messages.queries import GetOrder, GetShopSettings, OrderDetail

WIDTH = 40  # characters: a 80 mm till roll in a fixed-width font
TIME_FORMAT = "%Y-%m-%d %H:%M"


@dataclass(frozen=True)
class ReceiptLine:
    name: str
    sku: str
    quantity: int
    unit_price_cents: int
    gross_cents: int  # quantity x unit price
    discount_label: str | None  # "10% off", "£1.00 off"; None: no line discount
    discount_cents: int  # the line's own discount (the order discount is shown once, below)
    amount_cents: int  # gross less the line's discount
    tax_rate_bp: int
    returned_quantity: int


@dataclass(frozen=True)
class ReceiptPayment:
    method: str  # cash, card, other
    amount_cents: int
    tendered_cents: int | None
    change_cents: int | None


@dataclass(frozen=True)
class Receipt:
    shop_name: str
    shop_address: tuple[str, ...]  # its lines
    order_number: int
    placed_at: str  # ISO 8601, UTC
    local_time: str  # "2024-03-01 09:00" in the computer's (or the given) time zone
    status: str
    customer_name: str | None
    lines: tuple[ReceiptLine, ...]
    subtotal_cents: int  # the lines after their own discounts
    order_discount_label: str | None
    order_discount_cents: int
    discount_cents: int  # every discount: the lines' and the order's
    prices_include_tax: bool
    tax_by_rate: tuple[TaxBand, ...]
    tax_cents: int
    total_cents: int
    payments: tuple[ReceiptPayment, ...]
    paid_cents: int
    change_cents: int
    due_cents: int
    refunded_cents: int
    currency_code: str
    currency_symbol: str
    minor_digits: int

    def money(self, cents: int) -> str:
        return format_money(cents, self.currency_symbol, self.minor_digits)


def _discount_label(discount: Discount | None, settings: ShopSettings) -> str | None:
    if discount is None:
        return None
    if discount.kind == AMOUNT:
        return N_("{amount} off", amount=settings.money(discount.value))
    return N_("{percent} off", percent=format_percent(discount.value))


def receipt_of(order: OrderDetail, settings: ShopSettings, tz: tzinfo | None = None) -> Receipt:
    """The receipt of ``order`` with the shop's ``settings``; times in ``tz``
    (default: the computer's time zone)."""
    placed = datetime.fromisoformat(order.placed_at)
    lines = tuple(
        ReceiptLine(
            l.name,
            l.sku,
            l.quantity,
            l.unit_price_cents,
            l.gross_cents,
            _discount_label(l.discount, settings),
            l.line_discount_cents,
            l.gross_cents - l.line_discount_cents,
            l.tax_rate_bp,
            l.returned_quantity,
        )
        for l in order.lines
    )
    return Receipt(
        shop_name=settings.name,
        shop_address=tuple(settings.address.splitlines()),
        order_number=order.id,
        placed_at=order.placed_at,
        local_time=placed.astimezone(tz).strftime(TIME_FORMAT),
        status=order.status,
        customer_name=order.customer_name,
        lines=lines,
        subtotal_cents=sum(l.amount_cents for l in lines),
        order_discount_label=_discount_label(order.order_discount, settings),
        order_discount_cents=order.order_discount_cents,
        discount_cents=order.discount_cents,
        prices_include_tax=order.prices_include_tax,
        tax_by_rate=order.tax_by_rate,
        tax_cents=order.tax_cents,
        total_cents=order.total_cents,
        payments=tuple(
            ReceiptPayment(p.method, p.amount_cents, p.tendered_cents, p.change_cents) for p in order.payments
        ),
        paid_cents=order.paid_cents,
        change_cents=order.change_cents,
        due_cents=order.due_cents,
        refunded_cents=order.refunded_cents,
        currency_code=settings.currency_code,
        currency_symbol=settings.currency_symbol,
        minor_digits=settings.minor_digits,
    )


def build_receipt(shop, order_id: int, tz: tzinfo | None = None) -> Receipt:
    """The receipt of order ``order_id`` of ``shop`` (UnknownOrder if none)."""
    return receipt_of(shop.ask(GetOrder(order_id)), shop.ask(GetShopSettings()), tz)


def _row(left: str, right: str = "", width: int = WIDTH) -> str:
    room = width - len(right) - (1 if right else 0)
    if len(left) > room:
        left = left[: max(room - 1, 0)] + "…"
    return f"{left:<{room}}{' ' if right else ''}{right}".rstrip()


_METHODS = {"cash": "Cash", "card": "Card", "other": "Other payment"}


# How a row of the receipt stands out: a thermal printer prints TITLE
# double-size, STRONG and ALERT bold; every rendering centres TITLE, CENTRED
# and ALERT.
PLAIN, CENTRED, TITLE, STRONG, ALERT = "plain", "centred", "title", "strong", "alert"
CENTRED_STYLES = frozenset({CENTRED, TITLE, ALERT})


@dataclass(frozen=True)
class TextRow:
    text: str  # at most the row's width, not padded (a centred row is centred by its renderer)
    style: str = PLAIN


def receipt_rows(receipt: Receipt, width: int = WIDTH) -> tuple[TextRow, ...]:
    """The receipt's rows of text, ``width`` characters at most, each with
    its style: what ``receipt_text`` and a thermal printer both print."""
    money = receipt.money
    rule = TextRow("-" * width)

    def row(left: str, right: str = "", style: str = PLAIN) -> TextRow:
        return TextRow(_row(left, right, width), style)

    out = [TextRow(receipt.shop_name, TITLE)]
    out += [TextRow(line, CENTRED) for line in receipt.shop_address]
    out += [rule, row(f"Order {receipt.order_number}", receipt.local_time)]
    if receipt.customer_name:
        out.append(row(f"Customer: {receipt.customer_name}"))
    if receipt.status == CANCELLED:
        out.append(TextRow("*** CANCELLED ***", ALERT))
    out.append(rule)
    for line in receipt.lines:
        if line.quantity == 1:
            out.append(row(line.name, money(line.gross_cents)))
        else:
            out.append(row(line.name))
            out.append(row(f"  {line.quantity} x {money(line.unit_price_cents)}", money(line.gross_cents)))
        if line.discount_cents or line.discount_label:
            out.append(row(f"  {line.discount_label}", money(-line.discount_cents)))
    out.append(rule)
    out.append(row("Subtotal", money(receipt.subtotal_cents)))
    if receipt.order_discount_cents or receipt.order_discount_label:
        out.append(row(f"Order discount ({receipt.order_discount_label})", money(-receipt.order_discount_cents)))
    if not receipt.prices_include_tax:
        for band in receipt.tax_by_rate:
            out.append(row(f"Tax {format_percent(band.rate_bp)} on {money(band.taxable)}", money(band.tax)))
    out.append(row("TOTAL", money(receipt.total_cents), STRONG))
    if receipt.prices_include_tax and receipt.tax_by_rate:
        out.append(rule)
        out.append(row("Tax included:"))
        for band in receipt.tax_by_rate:
            out.append(row(f"  {format_percent(band.rate_bp)} on {money(band.taxable)}", money(band.tax)))
    if receipt.payments or receipt.due_cents or receipt.refunded_cents:
        out.append(rule)
    for payment in receipt.payments:
        out.append(row(_METHODS.get(payment.method, payment.method), money(payment.amount_cents)))
        if payment.method == "cash" and payment.tendered_cents is not None:
            out.append(row("  Tendered", money(payment.tendered_cents)))
            out.append(row("  Change", money(payment.change_cents or 0)))
    if receipt.due_cents:
        out.append(row("Still to pay", money(receipt.due_cents)))
    if receipt.refunded_cents:
        out.append(row("Refunded", money(receipt.refunded_cents)))
    out += [rule, TextRow("Thank you", CENTRED)]
    return tuple(out)


def receipt_text(receipt: Receipt, width: int = WIDTH) -> str:
    """The receipt as fixed-width plain text, ``width`` characters a line."""
    lines = []
    for text_row in receipt_rows(receipt, width):
        text = text_row.text.center(width) if text_row.style in CENTRED_STYLES else text_row.text
        lines.append(text.rstrip())
    return "\n".join(lines) + "\n"
