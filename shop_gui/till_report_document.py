"""A till session's report as rich text, laid out like a receipt
(``shop_gui.printing``): the X report while the till is open (figures so
far), the Z report once it is closed (the cash-up, with the count).

Amounts are ints of the minor unit, shown in the shop's currency by the
locale (``shop_gui.formatting.money``)."""

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QTextDocument

from core.domain.money import format_percent
from shop_gui.formatting import count_of, local_time, money
from shop_gui.printing import GREY, RED, Rows, roll_document
from shop_gui.texts import fill, word

METHODS = {
    "cash": QT_TRANSLATE_NOOP("words", "Cash"),
    "card": QT_TRANSLATE_NOOP("words", "Card"),
    "other": QT_TRANSLATE_NOOP("words", "Other"),
}
GREEN = "#1b6e2e"


def method_name(method: str) -> str:
    return word(METHODS.get(method, method.capitalize()))


def report_title(report) -> str:
    """The title: "Z report 12" for a closed session, "X report" for the open one."""
    return (
        fill(QCoreApplication.translate("till_report_document", "Z report %1"), report.session_id)
        if report.closed_at
        else QCoreApplication.translate("till_report_document", "X report")
    )


def difference_text(cents: int) -> str:
    """``-500`` -> ``"£5.00 short"``, ``200`` -> ``"£2.00 over"``, 0 -> ``"none"``."""
    if cents < 0:
        return fill(QCoreApplication.translate("till_report_document", "%1 short"), money(-cents))
    if cents > 0:
        return fill(QCoreApplication.translate("till_report_document", "%1 over"), money(cents))
    return "none"


def _amount(cents: int) -> str:
    return escape(money(cents))


def journal_position_and_link(report, head: tuple[int, str] | None = None) -> tuple[int, str] | None:
    """What the report prints of the journal: a Z report the chain as it
    stood at its closing (kept with the session, so a Z report printed again
    years later says the same); an X report ``head``, the chain now."""
    if report.closed_at is not None:
        if report.journal_position and report.journal_link:
            return report.journal_position, report.journal_link
        return None  # closed by a version that kept no link
    if head is not None and head[0] and head[1]:
        return head
    return None


def _journal_rows(rows: Rows, position: int, link: str) -> None:
    """The link's first 16 digits beside its position (enough to compare by
    eye), then all 64 in two lines of 32 (a till roll holds no more)."""
    rows.section()
    rows.add(
        fill(QCoreApplication.translate("till_report_document", "Journal at event %1"), position),
        f"<span style='font-family: monospace'>{escape(link[:16])}…</span>",
    )
    whole = "<br>".join(escape(link[i : i + 32]) for i in range(0, len(link), 32))
    rows.add(f"<span style='font-family: monospace; font-size: small'>{whole}</span>", grey=True)


def till_report_html(
    report, settings, printed_at: str | None = None, journal_head: tuple[int, str] | None = None
) -> str:
    """The report (a ``TillReport``) for the shop of ``settings`` (its
    ``ShopSettings``); ``printed_at`` (ISO 8601, UTC) is when an X report was
    taken; ``journal_head``: the journal's latest position and link then
    (an X report prints it; a Z report prints its own, kept at its closing)."""
    closed = report.closed_at is not None
    parts = [
        f"<p align='center' style='margin-bottom: 2px'><span style='font-size: x-large; font-weight: bold'>"
        f"{escape(settings.name)}</span></p>"
    ]
    address = [line for line in settings.address.splitlines() if line.strip()]
    if address:
        parts.append(
            "<p align='center' style='margin-top: 0; margin-bottom: 8px'>"
            + "<br>".join(escape(line) for line in address)
            + "</p>"
        )
    rows = Rows()
    rows.section()
    heading = (
        fill(QCoreApplication.translate("till_report_document", "Z REPORT %1"), report.session_id)
        if closed
        else QCoreApplication.translate("till_report_document", "X REPORT")
    )
    rows.add(f"<span style='font-size: large'><b>{heading}</b></span>")
    rows.add(escape(report.till))
    if not closed:
        rows.add(QCoreApplication.translate("till_report_document", "The till is open: figures so far"), grey=True)
    opened = (
        QCoreApplication.translate("till_report_document", "Opened automatically")
        if report.opened_automatically
        else QCoreApplication.translate("till_report_document", "Opened")
    )
    if report.opened_by:
        opened += fill(QCoreApplication.translate("till_report_document", " by %1"), escape(report.opened_by))
    rows.add(opened, escape(local_time(report.opened_at)))
    if closed:
        closed_by = (
            fill(QCoreApplication.translate("till_report_document", " by %1"), escape(report.closed_by))
            if report.closed_by
            else ""
        )
        rows.add(
            fill(QCoreApplication.translate("till_report_document", "Closed%1"), closed_by),
            escape(local_time(report.closed_at)),
        )
    elif printed_at:
        rows.add(QCoreApplication.translate("till_report_document", "Taken"), escape(local_time(printed_at)))

    rows.section()
    rows.add(QCoreApplication.translate("till_report_document", "<b>Sales</b>"))
    rows.add(f"{count_of(report.orders, 'order')}, {count_of(report.units, 'item')}", _amount(report.total_cents))
    if report.discounts_cents:
        rows.add(
            QCoreApplication.translate("till_report_document", "Discounts given"),
            _amount(-report.discounts_cents),
            grey=True,
            indent=True,
        )
    for band in report.tax_by_rate:
        rows.add(
            fill(
                QCoreApplication.translate("till_report_document", "Tax %1 on %2"),
                format_percent(band.rate_bp),
                _amount(band.taxable),
            ),
            _amount(band.tax),
            grey=True,
            indent=True,
        )
    if report.cancelled_orders:
        rows.add(
            fill(
                QCoreApplication.translate("till_report_document", "Cancelled: %1"),
                count_of(report.cancelled_orders, "order"),
            ),
            _amount(report.cancelled_cents),
        )
    if report.returns:
        rows.add(
            fill(QCoreApplication.translate("till_report_document", "Returns: %1"), count_of(report.returns, "return")),
            _amount(report.returned_cents),
        )

    rows.section()
    rows.add(QCoreApplication.translate("till_report_document", "<b>Taken</b>"))
    taken = 0
    for method, cents in report.taken_by_method:
        rows.add(method_name(method), _amount(cents), indent=True)
        taken += cents
    if not report.taken_by_method:
        rows.add(
            QCoreApplication.translate("till_report_document", "nothing yet") if not closed else "nothing",
            grey=True,
            indent=True,
        )
    refunded = 0
    if report.refunded_by_method:
        rows.add(QCoreApplication.translate("till_report_document", "<b>Refunded</b>"))
        for method, cents in report.refunded_by_method:
            rows.add(method_name(method), _amount(-cents), indent=True)
            refunded += cents
    rows.add(QCoreApplication.translate("till_report_document", "Net takings"), _amount(taken - refunded), bold=True)

    rows.section()
    rows.add(QCoreApplication.translate("till_report_document", "<b>Cash drawer</b>"))
    cash_in = dict(report.taken_by_method).get("cash", 0)
    cash_out = dict(report.refunded_by_method).get("cash", 0)
    rows.add(
        QCoreApplication.translate("till_report_document", "Opening float"),
        _amount(report.opening_float_cents),
        indent=True,
    )
    rows.add(QCoreApplication.translate("till_report_document", "Cash taken"), _amount(cash_in), indent=True)
    if cash_out:
        rows.add(QCoreApplication.translate("till_report_document", "Cash refunded"), _amount(-cash_out), indent=True)
    if report.paid_in_cents:
        rows.add(
            QCoreApplication.translate("till_report_document", "Paid in"), _amount(report.paid_in_cents), indent=True
        )
    if report.paid_out_cents:
        rows.add(
            QCoreApplication.translate("till_report_document", "Paid out"), _amount(-report.paid_out_cents), indent=True
        )
    rows.add(
        QCoreApplication.translate("till_report_document", "Expected cash"),
        _amount(report.expected_cash_cents),
        bold=True,
    )
    if closed and report.counted_cash_cents is not None:
        rows.add(
            QCoreApplication.translate("till_report_document", "Counted"), _amount(report.counted_cash_cents), bold=True
        )
        difference = report.difference_cents or 0
        colour = RED if difference < 0 else GREEN if difference > 0 else None
        text = escape(difference_text(difference))
        if colour:
            text = fill("<span style='color: %1'>%2</span>", colour, text)
        rows.add(QCoreApplication.translate("till_report_document", "Difference"), text, bold=True, big=True)
    if report.note:
        rows.add(fill(QCoreApplication.translate("till_report_document", "Note: %1"), escape(report.note)), grey=True)

    if report.cash_moves:
        rows.section()
        rows.add(QCoreApplication.translate("till_report_document", "<b>Paid in and out</b>"))
        for move in report.cash_moves:
            sign = 1 if move.kind == "in" else -1
            by = f" <span style='color: {GREY}'>({escape(move.by)})</span>" if move.by else ""
            rows.add(
                fill(
                    QCoreApplication.translate("till_report_document", "%1 in: %2")
                    if move.kind == "in"
                    else QCoreApplication.translate("till_report_document", "%1 out: %2"),
                    escape(local_time(move.at)[-5:]),
                    escape(move.reason),
                )
                + by,
                _amount(sign * move.amount_cents),
                indent=True,
            )
    if report.drawer_opens:
        # "No sale": the drawer opened with no money moving; who and when, for the cash-up.
        rows.section()
        rows.add(
            fill(
                QCoreApplication.translate("till_report_document", "<b>No sale: drawer opened %1</b>"),
                count_of(report.drawer_opens, "time"),
            )
        )
        for opened in report.drawer_opened:
            rows.add(f"{escape(local_time(opened.at)[-5:])} {escape(opened.by)}", indent=True)
    journal = journal_position_and_link(report, journal_head)
    if journal is not None:
        _journal_rows(rows, *journal)
    rows.section()
    rows.add("")
    parts.append(rows.html())
    parts.append(
        fill(
            QCoreApplication.translate(
                "till_report_document", "<p align='center' style='margin-top: 2px'>End of %1</p>"
            ),
            escape(report_title(report)),
        )
    )
    return "".join(parts)


def till_report_document(
    report, settings, parent=None, printed_at: str | None = None, journal_head: tuple[int, str] | None = None
) -> QTextDocument:
    title = f"{settings.name}: {report.till}, {report_title(report)}"
    return roll_document(till_report_html(report, settings, printed_at, journal_head), title, parent)
