"""A receipt (``core.receipt.Receipt``) as rich text for a QTextDocument: what
the preview shows, the PDF holds and the printer prints (``shop_gui.printing``).

Money is in the receipt's currency, laid out by the locale
(``shop_gui.formatting.money``: integers only, never a float)."""

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale
from PySide6.QtGui import QTextDocument

from core.domain.money import format_percent
from core.domain.pricing import AMOUNT
from core.queries import CANCELLED
from core.receipt import Receipt
from shop_gui.formatting import local_time
from shop_gui.formatting import money as format_money
from shop_gui.printing import RED, Rows, roll_document
from shop_gui.texts import describe, fill, word

METHODS = {
    "cash": QT_TRANSLATE_NOOP("words", "Cash"),
    "card": QT_TRANSLATE_NOOP("words", "Card"),
    "other": QT_TRANSLATE_NOOP("words", "Other payment"),
}


def receipt_html(receipt: Receipt, order=None) -> str:
    """The receipt as rich text. With the ``OrderDetail`` it was made from, the
    discounts' labels ("£1.00 off") are in the locale's format too."""

    def money(cents: int) -> str:
        return escape(format_money(cents, receipt.currency_symbol, receipt.minor_digits))

    def label(discount, plain: str | None) -> str | None:
        if discount is None or discount.kind != AMOUNT:
            return describe(plain) if plain is not None else None
        return fill(
            QCoreApplication.translate("receipt_document", "%1 off"),
            format_money(discount.value, receipt.currency_symbol, receipt.minor_digits),
        )

    line_discounts = {}
    order_discount_label = receipt.order_discount_label
    if order is not None and len(order.lines) == len(receipt.lines):
        line_discounts = {index: line.discount for index, line in enumerate(order.lines)}
        order_discount_label = label(order.order_discount, order_discount_label)

    parts = [
        f"<p align='center' style='margin-bottom: 2px'><span style='font-size: x-large; font-weight: bold'>"
        f"{escape(receipt.shop_name)}</span></p>"
    ]
    if receipt.shop_address:
        parts.append(
            "<p align='center' style='margin-top: 0; margin-bottom: 8px'>"
            + "<br>".join(escape(line) for line in receipt.shop_address)
            + "</p>"
        )
    rows = Rows()
    rows.section()
    rows.add(fill(QCoreApplication.translate("receipt_document", "<b>Order %1</b>"), receipt.order_number))
    rows.add(escape(local_time(receipt.placed_at)))
    if receipt.customer_name:
        rows.add(fill(QCoreApplication.translate("receipt_document", "Customer: %1"), escape(receipt.customer_name)))
    if receipt.status == CANCELLED:
        rows.add(
            fill(
                QCoreApplication.translate(
                    "receipt_document", "<span style='color: %1; font-weight: bold'>CANCELLED</span>"
                ),
                RED,
            )
        )

    rows.section()
    for index, line in enumerate(receipt.lines):
        rows.add(escape(line.name), money(line.gross_cents))
        if line.quantity != 1:
            rows.add(f"{line.quantity:,} × {money(line.unit_price_cents)}", grey=True, indent=True)
        if line.discount_cents or line.discount_label:
            text = label(line_discounts.get(index), line.discount_label) or "Discount"
            rows.add(escape(text), money(-line.discount_cents), grey=True, indent=True)
        if line.returned_quantity:
            rows.add(
                fill(
                    QCoreApplication.translate("receipt_document", "%1 returned"),
                    QLocale().toString(line.returned_quantity),
                ),
                grey=True,
                indent=True,
            )

    rows.section()
    rows.add(QCoreApplication.translate("receipt_document", "Subtotal"), money(receipt.subtotal_cents))
    if receipt.order_discount_cents or order_discount_label:
        text = (
            fill(QCoreApplication.translate("receipt_document", "Order discount (%1)"), escape(order_discount_label))
            if order_discount_label
            else QCoreApplication.translate("receipt_document", "Order discount")
        )
        rows.add(text, money(-receipt.order_discount_cents))
    if not receipt.prices_include_tax:
        for band in receipt.tax_by_rate:
            rows.add(
                fill(
                    QCoreApplication.translate("receipt_document", "Tax %1 on %2"),
                    format_percent(band.rate_bp),
                    money(band.taxable),
                ),
                money(band.tax),
            )
    rows.add(QCoreApplication.translate("receipt_document", "TOTAL"), money(receipt.total_cents), bold=True, big=True)
    if receipt.prices_include_tax and receipt.tax_by_rate:
        rows.add(QCoreApplication.translate("receipt_document", "Tax included:"), grey=True)
        for band in receipt.tax_by_rate:
            rows.add(
                fill(
                    QCoreApplication.translate("receipt_document", "%1 on %2"),
                    format_percent(band.rate_bp),
                    money(band.taxable),
                ),
                money(band.tax),
                grey=True,
                indent=True,
            )

    if receipt.payments or receipt.due_cents or receipt.refunded_cents:
        rows.section()
    for payment in receipt.payments:
        rows.add(word(METHODS.get(payment.method, escape(payment.method))), money(payment.amount_cents))
        if payment.method == "cash" and payment.tendered_cents is not None:
            rows.add(
                QCoreApplication.translate("receipt_document", "Tendered"),
                money(payment.tendered_cents),
                indent=True,
                grey=True,
            )
            rows.add(
                QCoreApplication.translate("receipt_document", "Change"),
                money(payment.change_cents or 0),
                indent=True,
                grey=True,
            )
    if receipt.due_cents:
        rows.add(QCoreApplication.translate("receipt_document", "Still to pay"), money(receipt.due_cents), bold=True)
    if receipt.refunded_cents:
        rows.add(QCoreApplication.translate("receipt_document", "Refunded"), money(receipt.refunded_cents))
    rows.section()
    rows.add("")
    parts.append(rows.html())
    parts.append(
        "<p align='center' style='margin-top: 2px'>"
        + QCoreApplication.translate("receipt_document", "Thank you")
        + "</p>"
    )
    return "".join(parts)


def receipt_document(receipt: Receipt, parent=None, margin: float = 14, order=None) -> QTextDocument:
    """The receipt as a document; ``margin`` around it on screen (a PDF or a
    printout has the page's margins instead)."""
    return roll_document(
        receipt_html(receipt, order),
        f"{receipt.shop_name}: receipt for order {receipt.order_number}",
        parent,
        margin,
    )
