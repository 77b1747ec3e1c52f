"""ESC/POS jobs (core.hardware.escpos_jobs), decoded back: the receipt's
rows at the paper's width, the shop's code page (Cyrillic in CP866), the
heading double-size, TOTAL bold, the order's barcode, the cut, the drawer."""

import pytest

from core.domain.pricing import TaxBand
from core.hardware.escpos_jobs import (
    COLUMN_CHOICES,
    ORDER_CODES,
    QR_CODE,
    QR_PICTURE,
    JobOptions,
    drawer_job,
    printer_profiles,
    receipt_job,
    trial_page_job,
)
from core.receipt import Receipt, ReceiptLine, ReceiptPayment
from tests.fake_printer import code_pages_of, decode, scan_picture


def receipt(shop_name="The Gift Box", item="Café Teapot", order_number=42) -> Receipt:
    return Receipt(
        shop_name=shop_name,
        shop_address=("1 High Street",),
        order_number=order_number,
        placed_at="2024-03-01T09:00:00+00:00",
        local_time="2024-03-01 09:00",
        status="paid",
        customer_name=None,
        lines=(ReceiptLine(item, "T1", 2, 1250, 2500, None, 0, 2500, 2000, 0),),
        subtotal_cents=2500,
        order_discount_label=None,
        order_discount_cents=0,
        discount_cents=0,
        prices_include_tax=True,
        tax_by_rate=(TaxBand(2000, 2083, 417),),
        tax_cents=417,
        total_cents=2500,
        payments=(ReceiptPayment("cash", 2500, 3000, 500),),
        paid_cents=2500,
        change_cents=500,
        due_cents=0,
        refunded_cents=0,
        currency_code="GBP",
        currency_symbol="£",
        minor_digits=2,
    )


@pytest.mark.parametrize("columns", COLUMN_CHOICES)
def test_a_receipt_fits_the_paper_and_is_cut(columns):
    job = decode(receipt_job(receipt(item="A teapot with a name far longer than any till roll"), JobOptions(columns)))
    texts = job.texts()
    assert job.cuts == 1 and job.kicks == [] and job.paper_queries == 0
    assert all(len(text) <= columns for text in texts)
    assert "-" * columns in texts
    total = next(line for line in job.lines if line.text.startswith("TOTAL"))
    assert total.bold and total.text.endswith("£25.00") and len(total.text) == columns
    assert any(text.startswith("Cash") and text.endswith("£25.00") for text in texts)
    assert any(text.startswith("  Change") and text.endswith("£5.00") for text in texts)


def test_the_heading_is_double_size_bold_and_centred():
    heading = decode(receipt_job(receipt(), JobOptions(32))).lines[0]
    assert (heading.text, heading.bold, heading.double, heading.centred) == ("The Gift Box", True, True, True)
    body = decode(receipt_job(receipt(), JobOptions(32))).lines[3]
    assert not body.double and not body.bold and not body.centred


def test_a_long_shop_name_fits_at_double_width():
    heading = decode(receipt_job(receipt(shop_name="Ш" * 40), JobOptions(32))).lines[0]
    assert heading.text == "Ш" * 15 + "…"


def test_cyrillic_prints_in_cp866_and_the_pound_in_cp437():
    job = decode(receipt_job(receipt(shop_name="Лавка у дома", item="Чайник"), JobOptions(42)))
    assert job.lines[0].text == "Лавка у дома" and job.lines[0].code_pages == {"cp866"}
    teapot = next(line for line in job.lines if line.text == "Чайник")
    assert teapot.code_pages == {"cp866"}
    total = next(line for line in job.lines if line.text.startswith("TOTAL"))
    assert total.code_pages == {"cp437"}  # £ is 0x9C there
    raw = receipt_job(receipt(shop_name="Лавка"), JobOptions(42))
    assert b"\x1bt\x11" + "Лавка".encode("cp866") in raw  # ESC t 17: CP866, then the name in it


def test_a_forced_code_page_is_used_for_everything():
    job = decode(receipt_job(receipt(shop_name="Лавка", item="Чайник"), JobOptions(42, code_page="CP1251")))
    assert job.lines[0].text == "Лавка" and job.lines[0].code_pages == {"cp1251"}


def test_copies_are_cut_apart_and_the_drawer_opens_once_first():
    raw = receipt_job(receipt(), JobOptions(48), copies=2, open_drawer=True)
    job = decode(raw)
    assert job.cuts == 2 and job.kicks == [2]
    assert raw.index(b"\x1bp") < raw.index(b"\n")  # the drawer before the first line
    assert job.texts().count("TOTAL" + " " * (48 - 5 - 6) + "£25.00") == 2


def test_the_order_number_is_a_code_128_barcode():
    job = decode(receipt_job(receipt(order_number=1234), JobOptions(48)))
    assert job.barcodes == [(73, b"{B1234")]  # GS k 73: Code 128
    assert decode(receipt_job(receipt(), JobOptions(48, order_barcode=False))).barcodes == []


def test_the_order_number_as_a_qr_code_the_printer_draws():
    job = decode(receipt_job(receipt(order_number=1234), JobOptions(48, order_code=QR_CODE), copies=2))
    assert job.qr_codes == [b"1234", b"1234"] and job.qr_dots == [4, 4]  # GS ( k: stored, sized, printed
    assert job.barcodes == [] and job.pictures == [] and job.cuts == 2
    raw = receipt_job(receipt(order_number=1234), JobOptions(48, order_code=QR_CODE))
    assert b"\x1ba\x01\x1d(k\x04\x001A2\x00" in raw  # centred, model 2
    assert decode(receipt_job(receipt(), JobOptions(48, order_barcode=False, order_code=QR_CODE))).qr_codes == []


def test_a_printer_without_qr_gets_the_qr_code_as_a_picture_that_scans(tmp_path):
    # Netum's NT-5890K profile has no QR command: a raster picture (GS v 0) instead.
    options = JobOptions(32, profile="NT-5890K", order_code=QR_CODE)
    job = decode(receipt_job(receipt(shop_name="Лавка", order_number=5678), options), code_pages_of("NT-5890K"))
    assert job.qr_codes == [] and len(job.pictures) == 1 and job.texts()[0] == "Лавка"
    assert scan_picture(job.pictures[0], tmp_path) == ["5678"]
    # Asked for a picture, a printer that can draw QR codes is sent one too.
    drawn = decode(receipt_job(receipt(order_number=77), JobOptions(48, order_code=QR_PICTURE)))
    assert drawn.qr_codes == [] and scan_picture(drawn.pictures[0], tmp_path) == ["77"]


@pytest.mark.parametrize(
    ("profile", "cyrillic"),
    [("default", 17), ("TM-T88V", 17), ("TH230", 7), ("SP2000", 10)],  # Epson, Wincor Nixdorf, Star: CP866
)
def test_the_printer_profile_numbers_the_code_pages_as_its_make_does(profile, cyrillic):
    raw = receipt_job(receipt(shop_name="Лавка"), JobOptions(42, profile=profile))
    assert b"\x1bt" + bytes([cyrillic]) + "Лавка".encode("cp866") in raw  # ESC t n, then the name
    job = decode(raw, code_pages_of(profile))
    assert job.texts()[0] == "Лавка" and job.lines[0].code_pages == {"cp866"}


def test_the_printer_profiles_offered():
    profiles = printer_profiles()
    assert next(iter(profiles)) == "default" and profiles["TM-T88V"] == "Epson TM-T88V"
    assert "AF-240" not in profiles  # a customer display, no printer
    assert len(set(profiles.values())) == len(profiles)  # each told apart
    for profile in profiles:  # and each prints a receipt with its order's code, a cut where it has a cutter
        for code in ORDER_CODES:
            raw = receipt_job(receipt(), JobOptions(32, profile=profile, order_code=code))
            assert b"The Gift Box" in raw and raw.endswith((b"\x1dV\x00", b"\x1dV\x01", b"\x1bd\x06")), profile


def test_the_drawer_kick_on_either_pin():
    assert drawer_job(JobOptions()) == b"\x1bp\x00\x32\x32"  # ESC p 0: pin 2, 100 ms on and off
    assert decode(drawer_job(JobOptions(drawer_pin=5))).kicks == [5]


def test_the_trial_page_shows_the_width():
    job = decode(trial_page_job(JobOptions(32), ("Shop Manager", "Printer test", "Ёлка")))
    assert job.texts()[:2] == ["Shop Manager", "-" * 32] and "Ёлка" in job.texts() and job.cuts == 1
