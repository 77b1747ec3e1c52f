"""The till: open it with a float, sell and refund, pay in and out, the X
report, close it with a blind count and print its Z report; past Z reports
reopened from the list. Everything through the Till menu and the dialogs'
own widgets, as a person at the till would."""

import shutil
import subprocess
import unicodedata

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMenu

from core import open_shop
from core.commands import CloseTill, OrderLine, PlaceOrder, RecordPayment, UpdateShopSettings
from core.queries import GetOpenTillSession, GetOrder, GetShopSettings, GetTillReport, GetTillSessions
from tests.gui.helpers import activate, click, click_index, open_dialog, place_order, type_into

needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


def choose(qtbot, window, letter: Qt.Key, name: str) -> None:
    """Alt+T opens the Till menu; ``letter`` picks the item (its mnemonic)."""
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    menu = window.findChild(QMenu, "tillMenu")
    qtbot.waitUntil(menu.isVisible)
    action = next(a for a in menu.actions() if a.objectName() == f"{name}Action")
    assert action.isEnabled(), f"{action.text()} is disabled: {action.toolTip()}"
    qtbot.keyClick(menu, letter)
    qtbot.waitUntil(lambda: not menu.isVisible())


def figure(text: str, label: str) -> str:
    """The amount on a report's line (the preview gives a row's cells one a line)."""
    lines = [line.strip() for line in text.splitlines()]
    assert label in lines, f"{label!r} is not on the report:\n{text}"
    return lines[lines.index(label) + 1]


def visible_texts(dialog) -> str:
    """Every text a person can see in ``dialog``: labels and line edits."""
    texts = [w.text() for w in dialog.findChildren(QLabel) if w.isVisibleTo(dialog)]
    texts += [w.text() for w in dialog.findChildren(QLineEdit) if w.isVisibleTo(dialog)]
    return "\n".join(texts)


def pdf_text(path) -> str:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    return unicodedata.normalize("NFKC", text)


def open_the_till(qtbot, window, float_text: str) -> None:
    choose(qtbot, window, Qt.Key.Key_O, "openTill")
    dialog = open_dialog(window, "openTillDialog")
    assert not dialog.ok_button.isEnabled()  # no float typed yet
    qtbot.keyClicks(dialog.float_edit, float_text)
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()


def move_cash(qtbot, window, letter, name, dialog_name, amount: str, reason: str) -> None:
    choose(qtbot, window, letter, name)
    dialog = open_dialog(window, dialog_name)
    qtbot.keyClicks(dialog.amount_edit, amount)
    assert not dialog.ok_button.isEnabled()  # a reason is needed
    qtbot.keyClicks(dialog.reason_edit, reason)
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()


def count_the_drawer(qtbot, dialog, counts: dict[int, int]) -> None:
    for value, count in counts.items():
        type_into(qtbot, dialog.cash_count.spins[value], str(count))


@pytest.fixture
def a_day(qtbot, window, shop, catalog):
    """Float £100; 3 trowels (£37.50) paid £40 cash, £2.50 change; a teapot
    (£24.99) by card; one trowel back as paid (£12.50 cash); £20 in; £7.50 out.
    Expected cash: 100 + 37.50 - 12.50 + 20 - 7.50 = £137.50."""
    shop.dispatch(
        UpdateShopSettings.based_on(
            shop.ask(GetShopSettings()), name="Rose & Thistle Gifts", address="12 High Street\nKeswick CA12 5AB"
        )
    )
    window.bridge.sync()
    open_the_till(qtbot, window, "100")
    assert window.statusBar().currentMessage() == "Till open with a float of £100.00."

    trowels = place_order(qtbot, window, ("Hand Trowel", 3), later=False)
    pay = open_dialog(window, "payDialog")
    type_into(qtbot, pay.tendered_edit, "40")
    assert pay.change_label.text() == "£2.50"
    click(qtbot, pay.ok_button)
    teapot = place_order(qtbot, window, ("Rose Teapot", 1), later=False)
    pay = open_dialog(window, "payDialog")
    click(qtbot, pay.method_buttons["card"])
    click(qtbot, pay.ok_button)
    assert shop.ask(GetOrder(teapot)).status == "paid"

    window.tabs.setCurrentIndex(1)
    window.orders.select_order(trowels)
    click(qtbot, window.orders.return_button)
    back = open_dialog(window, "returnDialog")
    type_into(qtbot, back.spins[catalog.trowel], "1")
    back.reason_combo.setCurrentIndex(back.reason_combo.findData("unwanted"))
    click(qtbot, back.ok_button)
    assert window.orders.action_message.text().endswith("Refund £12.50 to the customer by cash.")

    move_cash(qtbot, window, Qt.Key.Key_I, "payIn", "payInDialog", "20", "Change from the bank")
    move_cash(qtbot, window, Qt.Key.Key_U, "payOut", "payOutDialog", "7.50", "Window cleaner")
    assert window.statusBar().currentMessage() == "£7.50 paid out: Window cleaner."
    return shop.ask(GetOpenTillSession()).session_id


def test_the_x_report_shows_the_day_so_far(qtbot, window, shop, a_day):
    choose(qtbot, window, Qt.Key.Key_X, "xReport")
    report = open_dialog(window, "tillReportDialog")
    text = report.view.toPlainText()
    assert "X REPORT" in text and "Rose & Thistle Gifts" in text and "Till 1" in text
    assert figure(text, "2 orders, 4 items") == "£62.49"
    assert figure(text, "Returns: 1 return") == "£12.50"
    assert figure(text, "Cash") == "£37.50"  # taken: payments less change
    assert figure(text, "Card") == "£24.99"
    assert figure(text, "Opening float") == "£100.00"
    assert figure(text, "Cash refunded") == "-£12.50"
    assert figure(text, "Paid in") == "£20.00"
    assert figure(text, "Paid out") == "-£7.50"
    assert figure(text, "Expected cash") == "£137.50"
    assert "Counted" not in text  # an X report: the till stays open
    assert any(line.endswith("in: Change from the bank (Owner)") for line in text.splitlines())

    # Kept current: a sale while it is open shows on it.
    order_id = shop.dispatch(PlaceOrder((OrderLine(1, 1),)))
    window.bridge.dispatch(RecordPayment(order_id, "cash", shop.ask(GetOrder(order_id)).total_cents))
    assert figure(report.view.toPlainText(), "Expected cash") == "£146.49"
    report.close()


def test_closing_is_a_blind_count_then_the_z_report(qtbot, window, shop, a_day, tmp_path, monkeypatch):
    x_report = window.till.x_report()  # left open: closing the till closes it first
    choose(qtbot, window, Qt.Key.Key_C, "closeTill")
    assert not x_report.isVisible()
    dialog = open_dialog(window, "closeTillDialog")
    # Nothing says what the till expects until the count is confirmed.
    assert "137.50" not in visible_texts(dialog) and not dialog.expected_label.isVisible()
    assert not dialog.ok_button.isVisible() and not dialog.confirm_button.isEnabled()

    count_the_drawer(qtbot, dialog, {5000: 2, 2000: 1, 1000: 1, 500: 1, 200: 1})  # £137.00
    assert dialog.counted_edit.text() == "137.00"
    assert "137.50" not in visible_texts(dialog) and not dialog.result.isVisible()
    assert dialog.confirm_button.isEnabled()
    click(qtbot, dialog.confirm_button)

    assert dialog.expected_label.isVisible()
    assert (dialog.counted_label.text(), dialog.expected_label.text()) == ("£137.00", "£137.50")
    assert dialog.difference_label.text() == "£0.50 short"
    assert not dialog.counted_edit.isEnabled() and not dialog.cash_count.isEnabled()  # the count is final
    qtbot.keyClicks(dialog.note_edit, "A 50p lost under the drawer")
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    assert shop.ask(GetOpenTillSession()) is None
    assert window.statusBar().currentMessage() == f"Till closed: Z report {a_day}."

    z = open_dialog(window, "tillReportDialog")
    text = z.view.toPlainText()
    assert f"Z REPORT {a_day}" in text
    assert figure(text, "Expected cash") == "£137.50"
    assert figure(text, "Counted") == "£137.00"
    assert figure(text, "Difference") == "£0.50 short"
    assert "Note: A 50p lost under the drawer" in text
    assert z.windowTitle() == f"Z report {a_day}: Till 1"

    # Saved as a PDF, on a till roll and on A4.
    monkeypatch.setattr(z, "choose_pdf_path", lambda suggested: str(tmp_path / "z"))
    click(qtbot, z.save_button)
    assert (tmp_path / "z.pdf").read_bytes().startswith(b"%PDF")
    assert z.message.text() == f"Saved as {tmp_path / 'z.pdf'}."
    assert z.suggested_file_name().endswith(f"z-report-{a_day}.pdf")
    z.paper_combo.setCurrentIndex(z.paper_combo.findData("a4"))
    monkeypatch.setattr(z, "choose_pdf_path", lambda suggested: str(tmp_path / "z-a4.pdf"))
    click(qtbot, z.save_button)
    assert (tmp_path / "z-a4.pdf").read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):  # (where poppler-utils is installed)
        for pdf in ("z.pdf", "z-a4.pdf"):
            lines = [" ".join(line.split()) for line in pdf_text(tmp_path / pdf).splitlines() if line.strip()]
            assert lines[0] == "Rose & Thistle Gifts"
            assert f"Z REPORT {a_day}" in lines
            assert "Opening float £100.00" in lines
            assert "Expected cash £137.50" in lines
            assert "Counted £137.00" in lines
            assert "Difference £0.50 short" in lines
            assert lines[-1] == f"End of Z report {a_day}"


@needs_pdftotext
def test_the_z_report_is_printed(qtbot, window, shop, a_day, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter

    window.bridge.dispatch(CloseTill(13750))
    z = window.till.z_reports().open_report()
    printed = tmp_path / "printed.pdf"

    def pdf_printer():
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    monkeypatch.setattr(z, "available_printers", lambda: ["Till printer"])
    monkeypatch.setattr(z, "new_printer", pdf_printer)
    click(qtbot, z.print_button)
    z._print_dialog.accept()
    text = " ".join(pdf_text(printed).split())
    assert f"Z REPORT {a_day}" in text and "Difference none" in text
    assert z.message.text().startswith("Sent to ")


def test_a_typed_total_will_do_and_a_refusal_keeps_the_dialog(qtbot, window, shop, a_day, tmp_path):
    dialog = window.till.close_till()
    type_into(qtbot, dialog.counted_edit, "12,5")  # not an amount here
    assert dialog.counted_error.isVisible() and not dialog.confirm_button.isEnabled()
    type_into(qtbot, dialog.counted_edit, "140")
    click(qtbot, dialog.confirm_button)
    assert dialog.difference_label.text() == "£2.50 over"
    # The same till closed meanwhile in another window: the core's sentence, and nothing changes.
    other = open_shop(tmp_path / "shop")
    other.dispatch(CloseTill(13750))
    other.close()
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible()
    assert dialog.message.text() == "Till 1 is not open: there is nothing to close."
    assert shop.ask(GetTillReport(a_day)).counted_cash_cents == 13750
    dialog.reject()


def test_enter_after_a_typed_total_confirms_the_count(qtbot, window, shop, a_day):
    dialog = window.till.close_till()
    assert not dialog.expected_label.isVisible()
    type_into(qtbot, dialog.counted_edit, "140")
    qtbot.keyClick(dialog.counted_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.expected_label.isVisible()
    assert dialog.difference_label.text() == "£2.50 over"
    assert dialog.focusWidget() is dialog.note_edit
    dialog.reject()


def test_past_z_reports_reopen_from_the_list(qtbot, window, shop, a_day):
    window.bridge.dispatch(CloseTill(13700, "short"))
    open_the_till(qtbot, window, "50")
    window.bridge.dispatch(CloseTill(5000))
    choose(qtbot, window, Qt.Key.Key_Z, "zReports")
    listing = open_dialog(window, "tillSessionsDialog")
    model = listing.model
    assert [model.session_at(r).session_id for r in range(model.rowCount())] == [a_day + 1, a_day]  # newest first
    assert model.index(1, model.DIFFERENCE).data() == "£0.50 short"
    assert model.index(0, model.DIFFERENCE).data() == "none"
    assert model.index(1, model.BY).data() == "Owner"
    assert listing.heading.text().startswith("2 closed sessions")

    click_index(qtbot, listing.table, model.index(1, model.NUMBER), double=True)
    reopened = [d for d in QApplication.topLevelWidgets() if d.objectName() == "tillReportDialog" and d.isVisible()]
    assert len(reopened) == 1
    text = reopened[0].view.toPlainText()
    assert f"Z REPORT {a_day}" in text and figure(text, "Counted") == "£137.00"
    assert figure(text, "Opening float") == "£100.00"
    reopened[0].close()
    listing.select_session(a_day + 1)
    click(qtbot, listing.open_button)
    assert figure(listing.open_report().view.toPlainText(), "Opening float") == "£50.00"

    # A sale opens the next session by itself: listed at once, open, with no Z number yet.
    order_id = place_order(qtbot, window, ("Hand Trowel", 1))
    window.bridge.dispatch(RecordPayment(order_id, "cash", 1250))
    assert model.rowCount() == 3
    assert [model.index(0, column).data() for column in (model.NUMBER, model.CLOSED, model.EXPECTED)] == [
        "",
        "open",
        "£12.50",
    ]
    assert listing.heading.text().startswith("2 closed sessions")
    listing.select_session(a_day + 2)
    assert "X REPORT" in listing.open_report().view.toPlainText()


def test_what_the_till_menu_offers_follows_the_session(qtbot, window, shop):
    till = window.till
    assert till.open_action.isEnabled()
    assert not till.x_report_action.isEnabled() and not till.close_action.isEnabled()
    assert till.pay_in_action.isEnabled()  # a pay-in opens a session by itself
    # A sale before the till was opened opens it by itself, with no float yet:
    # opening it then counts the float into that session.
    order_id = place_order(qtbot, window, ("Hand Trowel", 1))
    window.bridge.dispatch(RecordPayment(order_id, "cash", 1250))
    assert till.open_action.isEnabled() and till.close_action.isEnabled()
    assert "opened by itself" in till.open_action.toolTip()
    open_the_till(qtbot, window, "80")
    assert not till.open_action.isEnabled()
    report = shop.ask(GetTillReport())
    assert (report.opening_float_cents, report.expected_cash_cents) == (8000, 9250)
    assert len(shop.ask(GetTillSessions())) == 1


def journal_lines(text: str) -> tuple[str, str, str]:
    """The report's journal line (position), its short link and the whole link."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    at = next(i for i, line in enumerate(lines) if line.startswith("Journal at event "))
    return lines[at].removeprefix("Journal at event "), lines[at + 1], lines[at + 2] + lines[at + 3]


def test_every_till_report_prints_the_journal_link(qtbot, window, shop, a_day):
    choose(qtbot, window, Qt.Key.Key_X, "xReport")
    x = open_dialog(window, "tillReportDialog")
    position, link = shop.journal_head()
    assert journal_lines(x.view.toPlainText()) == (str(position), f"{link[:16]}…", link)
    x.close()

    # The Z report: the journal as it stood when the till closed, then and ever after.
    before = shop.journal_head()
    choose(qtbot, window, Qt.Key.Key_C, "closeTill")
    dialog = open_dialog(window, "closeTillDialog")
    type_into(qtbot, dialog.counted_edit, "137.50")
    click(qtbot, dialog.confirm_button)
    click(qtbot, dialog.ok_button)
    z = open_dialog(window, "tillReportDialog")
    position, link = before
    assert journal_lines(z.view.toPlainText()) == (str(position), f"{link[:16]}…", link)
    z.close()
    order_id = place_order(qtbot, window, ("Hand Trowel", 1))
    window.bridge.dispatch(RecordPayment(order_id, "cash", 1250))
    assert shop.journal_head()[0] > position
    listing = window.till.z_reports()
    listing.select_session(a_day)
    again = listing.open_report()
    assert journal_lines(again.view.toPlainText()) == (str(position), f"{link[:16]}…", link)
