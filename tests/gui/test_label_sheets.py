"""Label sheets as PDF, rendered to PNG (pdftoppm) and every barcode read
back with zbar (zbarimg): each must scan to its product's code."""

import subprocess

import pytest

from core.domain.barcodes import internal_ean13
from core.hardware.label_jobs import Label
from shop_gui.label_sheet import LAYOUTS, PRODUCT, SHELF, custom_layout, save_labels_pdf


def scanned(pdf, tmp_path, page=None) -> list[str]:
    """What zbarimg reads on the PDF's pages, as "EAN-13:..." / "CODE-128:..." lines."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", *pages, str(pdf), str(tmp_path / "page")], check=True)
    images = sorted(str(p) for p in tmp_path.glob("page*.png"))
    done = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sean13.enable", "-Scode128.enable", *images],
        capture_output=True,
        text=True,
    )
    assert done.returncode in (0, 4), done.stderr  # 4: nothing found
    return sorted(done.stdout.split())


def labels(count: int) -> list[Label]:
    made = []
    for n in range(count):
        if n % 2:
            made.append(Label(f"Product {n} with a name too long for a label", "£1.99", f"SKU-{n}", f"SKU-{n}", False))
        else:
            made.append(Label(f"Чайник {n}", "£12.50", f"TEA-{n}", internal_ean13(200000000000 + n), True))
    return made


@pytest.mark.parametrize(("layout", "style"), [(LAYOUTS["3x8"], SHELF), (LAYOUTS["4x10"], PRODUCT)])
def test_every_barcode_on_a_sheet_scans_to_its_code(qapp, tmp_path, layout, style):
    sheet = labels(layout.per_sheet)
    pdf = tmp_path / "labels.pdf"
    save_labels_pdf(str(pdf), sheet, layout, style)
    assert scanned(pdf, tmp_path) == sorted(label.code for label in sheet)


def test_a_custom_grid_runs_onto_a_second_sheet_from_a_used_place(qapp, tmp_path):
    layout = custom_layout(2, 5)
    sheet = labels(8)
    pdf = tmp_path / "labels.pdf"
    save_labels_pdf(str(pdf), sheet, layout, PRODUCT, skip=4)  # 6 on the first sheet, 2 on the second
    assert scanned(pdf, tmp_path, page=2) == sorted(label.code for label in sheet[6:])


def test_the_labels_dialog_gives_barcodes_and_saves_a_sheet_that_scans(qtbot, window, catalog, tmp_path):
    from PySide6.QtCore import Qt

    from core.commands import ReceiveStock
    from core.queries import GetProduct

    window.bridge.dispatch(ReceiveStock(catalog.teapot, 2, "Delivery 7"))
    window.bridge.dispatch(ReceiveStock(catalog.mug, 1, "Delivery 7"))
    dialog = window.hardware.print_labels()
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findData("deliveries"))
    dialog.layout_combo.setCurrentIndex(dialog.layout_combo.findData("4x10"))
    assert dialog.summary.text().startswith("3 labels on 1 sheet. 1 product without a barcode")
    qtbot.mouseClick(dialog.give_button, Qt.MouseButton.LeftButton)  # the owner: no approval needed
    teapot = window.bridge.ask(GetProduct(catalog.teapot)).barcode
    assert teapot == "2000000000015" and not dialog.give_button.isVisible()
    assert dialog.save_pdf(str(tmp_path / "delivery.pdf"))
    assert [label.code for label in dialog.labels()] == [teapot, teapot, "5012345000017"]
    # zbar reports a code found twice on one page once.
    assert scanned(tmp_path / "delivery.pdf", tmp_path) == sorted([teapot, "5012345000017"])


def test_labels_go_to_a_zpl_label_printer(qtbot, window, catalog):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    from tests.fake_printer import FakePrinter

    with FakePrinter() as printer:
        settings = window.hardware.open_label_printer()
        qtbot.keyClicks(settings.host_edit, "127.0.0.1")
        settings.port_spin.setValue(printer.port)
        qtbot.mouseClick(settings.findChild(QPushButton, "okButton"), Qt.MouseButton.LeftButton)
        window.catalog.select_product(catalog.mug)
        dialog = window.hardware.print_labels()
        dialog.copies_spin.setValue(2)
        assert dialog.label_printer_button.isEnabled()
        qtbot.mouseClick(dialog.label_printer_button, Qt.MouseButton.LeftButton)
        zpl = printer.wait_for_job().decode("utf-8")
    # 5012345000017's check digit is wrong (5 would be right): printed as it is, in Code 128.
    assert zpl.count("^XA") == 2 and zpl.count("^BCN,89,Y,N,N^FH_^FD5012345000017^FS") == 2
    assert "^FDBlue Enamel Mug^FS" in zpl
    qtbot.waitUntil(lambda: window.hardware.printer.pending == 0)
