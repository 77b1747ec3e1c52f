"""Labels for label printers: ZPL (one format a label, UTF-8, the printer
adding the EAN-13's check digit) and ESC/POS (a cut a label)."""

from core.hardware.escpos_jobs import JobOptions
from core.hardware.label_jobs import Label, escpos_labels_job, label_of, zpl_job
from core.queries import ProductView
from tests.fake_printer import decode

TEAPOT = Label("Чайник ^ заварочный", "£24.99", "TEA-1", "2000000000015", True)
MUG = Label("Mug_1", "£8.50", "MUG~1", "MUG~1", False)


def test_a_product_labels_its_barcode_or_else_its_sku():
    with_ean = ProductView(1, "TEA-1", "Teapot", 1, 2499, 3, "2000000000015", 0)
    with_other = ProductView(2, "MUG-1", "Mug", 1, 850, 3, "ABC123", 0)
    without = ProductView(3, "PLT-9", "Plate", 1, 425, 0, None, 0)
    assert label_of(with_ean, "£24.99") == Label("Teapot", "£24.99", "TEA-1", "2000000000015", True)
    assert (label_of(with_other, "£8.50").code, label_of(with_other, "£8.50").ean13) == ("ABC123", False)
    assert (label_of(without, "£4.25").code, label_of(without, "£4.25").ean13) == ("PLT-9", False)


def test_zpl_one_format_a_label_with_escaped_text():
    text = zpl_job([TEAPOT, MUG], 50, 30).decode("utf-8")
    formats = text.strip().split("\n")
    assert len(formats) == 2 and all(f.startswith("^XA^CI28^PW400^LL240") and f.endswith("^XZ") for f in formats)
    assert "^FDЧайник _5E заварочный^FS" in formats[0]
    assert "^BEN," in formats[0] and "^FD200000000001^FS" in formats[0]  # 12 digits: the printer adds the 5
    assert "^BCN," in formats[1] and "^FDMUG_7E1^FS" in formats[1] and "^FDMug_5F1^FS" in formats[1]


def test_escpos_labels_are_cut_apart_with_their_barcodes():
    job = decode(escpos_labels_job([TEAPOT, MUG], JobOptions(32)))
    assert job.cuts == 2
    assert job.barcodes == [(2, b"2000000000015"), (73, b"{BMUG~1")]  # GS k 2: EAN-13; 73: Code 128
    price = next(line for line in job.lines if line.text == "£24.99")
    assert price.double and price.bold
    assert "Чайник ^ заварочный" in job.texts()
