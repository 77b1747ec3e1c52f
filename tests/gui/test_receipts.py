"""Receipts: the preview, a PDF whose text is checked, and printing (or the
clear message when there is no printer)."""

import shutil
import subprocess
import unicodedata

import pytest
from PySide6.QtWidgets import QPushButton

from core.commands import OrderLine, PlaceOrder, RecordPayment, UpdateShopSettings
from core.domain.pricing import Discount
from core.queries import GetOrder, GetShopSettings
from shop_gui.dialogs.receipt_dialog import NO_PRINTER
from tests.gui.helpers import click, open_dialog, place_order

needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


def pdf_text(path) -> str:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    return unicodedata.normalize("NFKC", text)  # the font's "ﬀ" ligature is "ff"


@pytest.fixture
def paid_order(shop, catalog):
    shop.dispatch(
        UpdateShopSettings.based_on(
            shop.ask(GetShopSettings()), name="Rose & Thistle Gifts", address="12 High Street\nKeswick CA12 5AB"
        )
    )
    order_id = shop.dispatch(
        PlaceOrder(
            (OrderLine(catalog.latte, 3, Discount.percent(1000)), OrderLine(catalog.trowel, 1)),
            order_discount=Discount.amount(200),
        )
    )
    shop.dispatch(RecordPayment(order_id, "cash", shop.ask(GetOrder(order_id)).total_cents, 3000))
    return order_id


def open_receipt(qtbot, window, order_id):
    window.bridge.sync()
    window.tabs.setCurrentIndex(1)
    window.orders.select_order(order_id)
    click(qtbot, window.orders.receipt_button)
    return open_dialog(window, "receiptDialog")


def test_the_preview_shows_the_whole_receipt(qtbot, window, paid_order):
    dialog = open_receipt(qtbot, window, paid_order)
    text = dialog.view.toPlainText()
    for expected in (
        "Rose & Thistle Gifts",
        "12 High Street",
        "Keswick CA12 5AB",
        f"Order {paid_order}",
        "Café Latte Glass",
        "3 × £4.50",
        "10% off",
        "-£1.35",
        "Hand Trowel",
        "Subtotal",
        "Order discount (£2.00 off)",
        "-£2.00",
        "TOTAL",
        "£22.65",
        "Tax included:",
        "20% on £18.87",
        "£3.78",
        "Cash",
        "Tendered",
        "£30.00",
        "Change",
        "£7.35",
        "Thank you",
    ):
        assert expected in text, expected
    assert dialog.findChild(QPushButton, "savePdfButton") is not None
    assert dialog.findChild(QPushButton, "printButton") is not None


@needs_pdftotext
def test_save_as_pdf_writes_the_receipt(qtbot, window, paid_order, tmp_path, monkeypatch):
    dialog = open_receipt(qtbot, window, paid_order)
    asked = []
    target = tmp_path / "receipts" / "receipt-1"
    target.parent.mkdir()
    monkeypatch.setattr(dialog, "choose_pdf_path", lambda suggested: asked.append(suggested) or str(target))
    click(qtbot, dialog.save_button)

    assert asked and asked[0].endswith(f"receipt-{paid_order}.pdf")
    pdf = target.with_suffix(".pdf")  # the extension is added
    assert pdf.read_bytes().startswith(b"%PDF")
    assert dialog.message.text() == f"Saved as {pdf}."
    text = pdf_text(pdf)
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    assert lines[0] == "Rose & Thistle Gifts"
    assert lines[1:3] == ["12 High Street", "Keswick CA12 5AB"]
    assert f"Order {paid_order}" in lines
    assert "Café Latte Glass £13.50" in lines
    assert "3 × £4.50" in lines
    assert "10% off -£1.35" in lines
    assert "Hand Trowel £12.50" in lines
    assert "Subtotal £24.65" in lines
    assert "Order discount (£2.00 off) -£2.00" in lines
    assert "TOTAL £22.65" in lines
    assert "20% on £18.87 £3.78" in lines
    assert "Cash £22.65" in lines
    assert "Tendered £30.00" in lines
    assert "Change £7.35" in lines
    assert lines[-1] == "Thank you"


def test_a_pdf_that_cannot_be_written_says_so(qtbot, window, paid_order, tmp_path, monkeypatch):
    dialog = open_receipt(qtbot, window, paid_order)
    missing = tmp_path / "no such folder" / "receipt.pdf"
    monkeypatch.setattr(dialog, "choose_pdf_path", lambda suggested: str(missing))
    click(qtbot, dialog.save_button)
    assert dialog.message.isVisible()
    assert dialog.message.text().startswith("The receipt could not be saved as receipt.pdf")
    assert not missing.exists()


def test_choosing_no_file_saves_nothing(qtbot, window, paid_order, monkeypatch):
    dialog = open_receipt(qtbot, window, paid_order)
    monkeypatch.setattr(dialog, "choose_pdf_path", lambda suggested: None)
    click(qtbot, dialog.save_button)
    assert not dialog.message.isVisible()


def test_without_a_printer_print_says_so_and_opens_nothing(qtbot, window, paid_order, monkeypatch):
    dialog = open_receipt(qtbot, window, paid_order)
    monkeypatch.setattr(dialog, "available_printers", lambda: [])
    click(qtbot, dialog.print_button)
    assert dialog.message.isVisible()
    assert dialog.message.text() == NO_PRINTER
    assert "No printer is set up" in NO_PRINTER
    assert dialog._print_dialog is None  # no print dialog was opened
    assert window.orders.current_order_id() == paid_order  # the window goes on


def test_the_receipt_follows_a_payment_made_while_it_is_open(qtbot, window, shop):
    order_id = place_order(qtbot, window, ("Rose Teapot", 1))
    dialog = open_receipt(qtbot, window, order_id)
    assert "Still to pay" in dialog.view.toPlainText()
    window.bridge.dispatch(RecordPayment(order_id, "card", 2499))
    text = dialog.view.toPlainText()
    assert "Still to pay" not in text and "Card" in text
    click(qtbot, dialog.findChild(QPushButton, "closeButton"))
    assert not dialog.isVisible()


def test_the_receipt_preview_renders(qtbot, window, paid_order, tmp_path):
    dialog = open_receipt(qtbot, window, paid_order)
    image = dialog.grab()
    assert image.width() >= 420 and image.height() >= 520
    assert image.save(str(tmp_path / "receipt.png"))


@needs_pdftotext
def test_printing_goes_through_the_print_dialog(qtbot, window, paid_order, tmp_path, monkeypatch):
    """With a printer, Print... opens the system's print dialog (not modal to
    the order); accepting it prints the receipt. A PDF "printer" stands in."""
    from PySide6.QtPrintSupport import QPrinter

    dialog = open_receipt(qtbot, window, paid_order)
    printed = tmp_path / "printed.pdf"

    def pdf_printer():
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    monkeypatch.setattr(dialog, "available_printers", lambda: ["Till printer"])
    monkeypatch.setattr(dialog, "new_printer", pdf_printer)
    click(qtbot, dialog.print_button)
    print_dialog = dialog._print_dialog
    assert print_dialog is not None and print_dialog.isVisible()
    assert print_dialog.objectName() == "printDialog"
    assert window.orders.isEnabled()  # nothing waits for it
    print_dialog.accept()

    text = pdf_text(printed)
    assert "TOTAL" in text and "£22.65" in text and "Rose & Thistle Gifts" in text
    assert dialog.message.text().startswith("Sent to ")


def test_the_receipt_follows_the_locale(qtbot, window, paid_order):
    from PySide6.QtCore import QLocale

    old = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    try:
        text = open_receipt(qtbot, window, paid_order).view.toPlainText()
    finally:
        QLocale.setDefault(old)
    text = text.replace("\u00a0", " ")  # (as toPlainText gives it anyway)
    for expected in ("3 × 4,50 £", "Order discount (2,00 £ off)", "-2,00 £", "22,65 £", "30,00 £", "7,35 £"):
        assert expected in text, expected


def media_boxes(pdf) -> list[tuple[float, float]]:
    """Each page's size in millimetres, from the PDF's MediaBox entries."""
    import re

    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf.read_bytes())
    return [(round(float(w) * 25.4 / 72), round(float(h) * 25.4 / 72)) for w, h in boxes]


def test_save_as_pdf_on_a_roll_or_on_a4(qtbot, window, paid_order, tmp_path, monkeypatch):
    dialog = open_receipt(qtbot, window, paid_order)
    assert dialog.paper_combo.currentText() == "80 mm roll"
    monkeypatch.setattr(dialog, "choose_pdf_path", lambda suggested: str(tmp_path / "roll.pdf"))
    click(qtbot, dialog.save_button)
    [(width, height)] = media_boxes(tmp_path / "roll.pdf")
    assert width == 80 and 40 <= height < 297  # one page as long as the receipt

    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findText("A4"))
    monkeypatch.setattr(dialog, "choose_pdf_path", lambda suggested: str(tmp_path / "a4.pdf"))
    click(qtbot, dialog.save_button)
    assert media_boxes(tmp_path / "a4.pdf") == [(210, 297)]
    assert dialog.message.text() == f"Saved as {tmp_path / 'a4.pdf'}."
    if shutil.which("pdftotext"):
        text = pdf_text(tmp_path / "a4.pdf")
        assert "TOTAL" in text and "£22.65" in text
