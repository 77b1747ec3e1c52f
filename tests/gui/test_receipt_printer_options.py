"""Till > Receipt printer: the printer's make (python-escpos's profile, its
code page numbers) and the order number as a barcode or a QR code, chosen
in the dialog and seen in what the virtual printer receives."""

from PySide6.QtCore import Qt

from core.hardware.escpos_jobs import QR_CODE
from core.hardware.printer_link import NETWORK
from shop_gui import local_settings, receipt_printer_settings
from tests.fake_printer import FakePrinter, code_pages_of, decode, scan_picture
from tests.gui.helpers import click, type_into
from tests.gui.test_till_hardware import sell_for_cash


def choose(qtbot, combo, value) -> None:
    """Pick ``value`` from the combo box the way a person does: open it, click the row."""
    combo.setFocus()
    combo.showPopup()
    view = combo.view()
    index = view.model().index(combo.findData(value), 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert combo.currentData() == value


def set_up(qtbot, window, port: int, profile: str, code: str):
    dialog = window.hardware.open_settings()
    choose(qtbot, dialog.kind_combo, NETWORK)
    type_into(qtbot, dialog.host_edit, "127.0.0.1")
    dialog.port_spin.setValue(port)
    choose(qtbot, dialog.profile_combo, profile)
    choose(qtbot, dialog.order_code_combo, code)
    choose(qtbot, dialog.auto_combo, "yes")
    click(qtbot, dialog.findChild(type(dialog.trial_button), "okButton"))
    assert not dialog.isVisible()
    return dialog


def test_the_order_number_prints_as_a_qr_code(qtbot, window, catalog):
    with FakePrinter() as printer:
        set_up(qtbot, window, printer.port, "TM-T88V", QR_CODE)
        order_id = sell_for_cash(window, catalog)
        job = decode(printer.wait_for_job())
    assert job.qr_codes == [str(order_id).encode()] and job.barcodes == [] and job.cuts == 1
    kept = receipt_printer_settings.load().options
    assert (kept.profile, kept.order_code, kept.order_barcode) == ("TM-T88V", QR_CODE, True)


def test_a_printer_without_qr_codes_is_sent_a_picture_of_one(qtbot, window, catalog, tmp_path):
    with FakePrinter() as printer:
        set_up(qtbot, window, printer.port, "TH230", QR_CODE)  # Wincor Nixdorf's TH230 draws no QR codes
        order_id = sell_for_cash(window, catalog)
        raw = printer.wait_for_job()
    job = decode(raw, code_pages_of("TH230"))
    assert job.qr_codes == [] and scan_picture(job.pictures[0], tmp_path) == [str(order_id)]
    assert job.cuts == 1 and any(text.startswith("Blue Enamel Mug") for text in job.texts())


def test_without_the_order_number_the_choice_of_code_waits(qtbot, window):
    dialog = window.hardware.open_settings()
    choose(qtbot, dialog.kind_combo, NETWORK)
    type_into(qtbot, dialog.host_edit, "10.0.0.9")
    assert dialog.order_code_combo.isEnabled()
    click(qtbot, dialog.barcode_check)
    assert not dialog.order_code_combo.isEnabled()
    click(qtbot, dialog.findChild(type(dialog.trial_button), "okButton"))
    assert receipt_printer_settings.load().options.order_barcode is False


def test_an_unknown_profile_or_code_reads_as_the_default():
    settings = local_settings.settings()
    settings.setValue("receiptPrinter/profile", "TM-9999")
    settings.setValue("receiptPrinter/orderCode", "pdf417")
    settings.sync()
    options = receipt_printer_settings.load().options
    assert (options.profile, options.order_code) == ("default", "barcode")
