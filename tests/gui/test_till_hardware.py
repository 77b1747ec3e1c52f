"""The receipt printer and the cash drawer in the window, against the
virtual ESC/POS printer (tests/fake_printer.py): receipts after payment,
the drawer on cash, No sale, Reprint, and a printer that fails never
holding up a sale ("Print again")."""

import socket

from PySide6.QtCore import Qt

from core.commands import OrderLine, PayIn, PlaceOrder, RecordPayment
from core.hardware.escpos_jobs import JobOptions
from core.hardware.printer_link import NETWORK, PrinterConnection
from core.queries import GetOrder, GetShopSettings, GetTillReport
from shop_gui import receipt_printer_settings
from shop_gui.receipt_printer_settings import AUTO_PRINT_ASK, AUTO_PRINT_NO, AUTO_PRINT_YES, ReceiptPrinterSettings
from shop_gui.till_report_document import till_report_html
from tests.fake_printer import FakePrinter, decode


def use_printer(port: int, auto_print: str = AUTO_PRINT_YES, **more) -> None:
    receipt_printer_settings.save(
        ReceiptPrinterSettings(PrinterConnection(NETWORK, "127.0.0.1", port), JobOptions(42), auto_print, **more)
    )


def a_free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        return taken.getsockname()[1]


def sell_for_cash(window, catalog) -> int:
    order_id = window.bridge.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),))).result
    outcome = window.bridge.dispatch(RecordPayment(order_id, "cash", 899, tendered_cents=1000))
    assert outcome.ok
    return order_id


def test_the_settings_dialog_keeps_the_printer(qtbot, window):
    dialog = window.hardware.open_settings()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(NETWORK))
    qtbot.mouseClick(dialog.findChild(type(dialog.trial_button), "okButton"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.text() == "Type the printer's address (its IP address or name)."
    qtbot.keyClicks(dialog.host_edit, "10.0.0.9")
    dialog.port_spin.setValue(9101)
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData(32))
    dialog.code_page_combo.setCurrentIndex(dialog.code_page_combo.findData("CP866"))
    dialog.auto_combo.setCurrentIndex(dialog.auto_combo.findData(AUTO_PRINT_NO))
    dialog.copies_spin.setValue(2)
    qtbot.mouseClick(dialog.findChild(type(dialog.trial_button), "okButton"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    kept = receipt_printer_settings.load()
    assert kept.connection == PrinterConnection(NETWORK, "10.0.0.9", 9101)
    assert (kept.options.columns, kept.options.code_page, kept.auto_print, kept.copies) == (32, "CP866", "no", 2)


def test_a_cash_sale_prints_its_receipt_and_opens_the_drawer(qtbot, window, catalog):
    with FakePrinter() as printer:
        use_printer(printer.port)
        order_id = sell_for_cash(window, catalog)
        job = decode(printer.wait_for_job())
    assert job.kicks == [2] and job.cuts == 1 and job.barcodes == [(73, f"{{B{order_id}".encode())]
    assert any(text.startswith("Blue Enamel Mug") for text in job.texts())
    assert all(len(text) <= 42 for text in job.texts())
    qtbot.waitUntil(lambda: window.hardware.printer.pending == 0)


def test_asking_first_prints_only_when_told(qtbot, window, catalog):
    with FakePrinter() as printer:
        use_printer(printer.port, AUTO_PRINT_ASK, kick_drawer=False)
        sell_for_cash(window, catalog)
        question = window.hardware.question
        assert question is not None and question.isVisible()
        assert question.defaultButton().objectName() == "printReceiptButton"  # Enter prints
        qtbot.mouseClick(question.defaultButton(), Qt.MouseButton.LeftButton)
        job = decode(printer.wait_for_job())
    assert job.cuts == 1 and job.kicks == []


def test_a_printer_that_is_off_never_holds_up_a_sale_and_prints_again(qtbot, window, catalog):
    use_printer(a_free_port())  # nothing listens there
    order_id = sell_for_cash(window, catalog)
    assert window.bridge.ask(GetOrder(order_id)).status == "paid"  # stored before any printing
    qtbot.waitUntil(lambda: window.hardware.failure is not None and window.hardware.failure.isVisible())
    failure = window.hardware.failure
    assert "refused the connection" in failure.problem.text() and "the sale is stored" in failure.problem.text()
    with FakePrinter() as printer:
        use_printer(printer.port)  # switched on, say
        qtbot.mouseClick(failure.again_button, Qt.MouseButton.LeftButton)
        job = decode(printer.wait_for_job())
    assert job.cuts == 1 and job.kicks == [2]  # the receipt again, with the drawer that did not open
    assert not failure.isVisible()


def test_no_sale_kicks_the_drawer_and_counts_in_the_till_report(qtbot, window):
    with FakePrinter() as printer:
        use_printer(printer.port)
        window.hardware.no_sale_action.trigger()
        assert decode(printer.wait_for_job()).kicks == [2]
        window.bridge.dispatch(PayIn(500, "Change"))
        assert decode(printer.wait_for_job()).kicks == [2]
    report = window.bridge.ask(GetTillReport())
    assert report.drawer_opens == 1 and report.drawer_opened[0].by == "Owner"
    html = till_report_html(report, window.bridge.ask(GetShopSettings()))
    assert "No sale: drawer opened 1 time" in html and "Owner" in html


def test_reprint_last_receipt(qtbot, window, catalog):
    order_id = sell_for_cash(window, catalog)  # no printer: the receipt window instead
    dialog = window.hardware.reprint_last()
    assert dialog is not None and dialog.order_id == order_id
    dialog.close()
    with FakePrinter() as printer:
        use_printer(printer.port)
        window.hardware.reprint_action.trigger()
        job = decode(printer.wait_for_job())
    assert job.cuts == 1 and job.kicks == [] and job.barcodes == [(73, f"{{B{order_id}".encode())]


def test_damaged_printer_settings_read_as_their_defaults():
    from shop_gui import local_settings

    settings = local_settings.settings()
    for key, value in (("kind", "fax"), ("port", "ninety"), ("columns", 40), ("autoPrint", "maybe"), ("copies", 99)):
        settings.setValue(f"receiptPrinter/{key}", value)
    settings.sync()
    assert receipt_printer_settings.load() == ReceiptPrinterSettings()


def test_paying_at_the_counter_prints_card_without_the_drawer(qtbot, window):
    from tests.gui.helpers import click, open_dialog, place_order, type_into

    with FakePrinter() as printer:
        use_printer(printer.port)
        trowels = place_order(qtbot, window, ("Hand Trowel", 2), later=False)
        pay = open_dialog(window, "payDialog")
        type_into(qtbot, pay.tendered_edit, "30")
        click(qtbot, pay.ok_button)
        cash = decode(printer.wait_for_job())
        teapot = place_order(qtbot, window, ("Rose Teapot", 1), later=False)
        pay = open_dialog(window, "payDialog")
        click(qtbot, pay.method_buttons["card"])
        click(qtbot, pay.ok_button)
        card = decode(printer.wait_for_job())
    assert cash.kicks == [2] and cash.barcodes == [(73, f"{{B{trowels}".encode())]
    assert any(text.startswith("  Change") and text.endswith("£5.00") for text in cash.texts())
    assert card.kicks == [] and card.barcodes == [(73, f"{{B{teapot}".encode())]
    assert window.hardware.last_receipt() == teapot


def test_the_test_page_saves_the_settings_and_prints_cyrillic(qtbot, window):
    with FakePrinter() as printer:
        dialog = window.hardware.open_settings()
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(NETWORK))
        qtbot.keyClicks(dialog.host_edit, "127.0.0.1")
        dialog.port_spin.setValue(printer.port)
        dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData(32))
        qtbot.mouseClick(dialog.trial_button, Qt.MouseButton.LeftButton)
        job = decode(printer.wait_for_job())
    assert receipt_printer_settings.load().connection.port == printer.port
    assert job.texts()[1] == "-" * 32 and job.cuts == 1 and "£ € Ä é ñ" in job.texts()
    cyrillic = next(line for line in job.lines if line.text == "Ёж Щука Юла")
    assert cyrillic.code_pages == {"cp866"}
