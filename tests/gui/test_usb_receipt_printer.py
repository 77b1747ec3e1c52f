"""A USB receipt printer set up in Till > Receipt printer and printing a
sale, against the fake pyusb device (tests/fake_usb.py)."""

import errno
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from core.hardware.printer_link import USB, PrinterConnection
from shop_gui import receipt_printer_settings
from shop_gui.receipt_printer_settings import AUTO_PRINT_YES, ReceiptPrinterSettings
from tests.fake_printer import decode
from tests.fake_usb import Endpoint, FakeUsbPrinter, plug_in
from tests.gui.helpers import click, type_into
from tests.gui.test_till_hardware import sell_for_cash


def set_up_usb(qtbot, window, usb_id: str, out_ep: str = "", in_ep: str = "", interface: int = 0):
    dialog = window.hardware.open_settings()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(USB))
    assert dialog.where.currentWidget().isAncestorOf(dialog.vendor_edit)
    QGuiApplication.clipboard().setText(usb_id)  # copied from lsusb's "ID 04b8:0202"
    dialog.vendor_edit.setFocus()
    dialog.vendor_edit.selectAll()
    qtbot.keyClick(dialog.vendor_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    dialog.interface_spin.setValue(interface)
    type_into(qtbot, dialog.out_ep_edit, out_ep)
    type_into(qtbot, dialog.in_ep_edit, in_ep)
    click(qtbot, dialog.findChild(type(dialog.trial_button), "okButton"))
    return dialog


def test_lsusbs_id_pasted_whole_fills_both_fields(qtbot, window):
    dialog = set_up_usb(qtbot, window, "04b8:0e15")
    assert not dialog.isVisible()
    assert (dialog.vendor_edit.text(), dialog.product_edit.text()) == ("04b8", "0e15")
    assert receipt_printer_settings.load().connection == PrinterConnection(USB, usb_vendor=0x04B8, usb_product=0x0E15)


def test_the_interface_and_endpoints_are_kept_and_checked(qtbot, window):
    dialog = set_up_usb(qtbot, window, "0416:5011", out_ep="02", in_ep="82")  # 82 is fine, 02 too
    assert not dialog.isVisible()
    kept = receipt_printer_settings.load().connection
    assert (kept.usb_vendor, kept.usb_product, kept.usb_out_ep, kept.usb_in_ep) == (0x0416, 0x5011, 0x02, 0x82)

    dialog = set_up_usb(qtbot, window, "0416:5011", out_ep="81", in_ep="82", interface=1)  # an IN address as OUT
    assert dialog.isVisible()
    assert (
        dialog.error.text() == "Type the endpoints as hex numbers, out 01 to 0f and in 81 to 8f, or leave them empty."
    )
    dialog.out_ep_edit.clear()
    click(qtbot, dialog.findChild(type(dialog.trial_button), "okButton"))
    kept = receipt_printer_settings.load().connection
    assert not dialog.isVisible() and (kept.usb_interface, kept.usb_out_ep, kept.usb_in_ep) == (1, 0, 0x82)

    dialog = window.hardware.open_settings()  # shown again as kept
    assert (dialog.vendor_edit.text(), dialog.interface_spin.value(), dialog.in_ep_edit.text()) == ("0416", 1, "82")
    dialog.product_edit.setText("xyz")
    click(qtbot, dialog.findChild(type(dialog.trial_button), "okButton"))
    assert dialog.error.text() == "Type the vendor and product ids as four hex digits, such as 04b8 and 0202."
    dialog.reject()


def test_typing_the_colon_moves_on_to_the_product_id(qtbot, window):
    dialog = window.hardware.open_settings()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(USB))
    type_into(qtbot, dialog.vendor_edit, "1fc9:")
    assert dialog.focusWidget() is dialog.product_edit and dialog.vendor_edit.text() == "1fc9"
    qtbot.keyClicks(dialog.product_edit, "2016")
    click(qtbot, dialog.findChild(type(dialog.trial_button), "okButton"))
    kept = receipt_printer_settings.load().connection
    assert (kept.usb_vendor, kept.usb_product) == (0x1FC9, 0x2016)


def test_a_cash_sale_prints_on_the_usb_printer(qtbot, window, catalog, monkeypatch):
    printer = FakeUsbPrinter(0x0416, 0x5011, interfaces={0: [Endpoint(0x81), Endpoint(0x03)]})
    plug_in(monkeypatch, printer)
    set_up_usb(qtbot, window, "0416:5011")
    receipt_printer_settings.save(replace(receipt_printer_settings.load(), auto_print=AUTO_PRINT_YES))
    order_id = sell_for_cash(window, catalog)
    qtbot.waitUntil(lambda: window.hardware.printer.pending == 0)
    job = decode(printer.received(0x03))
    assert job.paper_queries == 1 and job.kicks == [2] and job.cuts == 1
    assert job.barcodes == [(73, f"{{B{order_id}".encode())]
    assert any(text.startswith("Blue Enamel Mug") for text in job.texts())


def test_a_usb_printer_in_use_elsewhere_is_said_and_the_sale_kept(qtbot, window, catalog, monkeypatch):
    plug_in(monkeypatch, FakeUsbPrinter(failing={"write": errno.EBUSY}))
    connection = PrinterConnection(USB, usb_vendor=0x04B8, usb_product=0x0202)
    receipt_printer_settings.save(ReceiptPrinterSettings(connection, auto_print=AUTO_PRINT_YES))
    sell_for_cash(window, catalog)
    qtbot.waitUntil(lambda: window.hardware.failure is not None and window.hardware.failure.isVisible())
    text = window.hardware.failure.problem.text()
    assert "USB 04b8:0202 is in use by another program or driver" in text and "the sale is stored" in text
