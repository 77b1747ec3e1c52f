"""A USB receipt printer without hardware: pyusb's ``usb.core.find`` finds a
fake device (tests/fake_usb.py) that keeps what is written to its OUT
endpoint and answers the paper query; the bytes are decoded as the
network printer's are. Each failure libusb reports is one sentence."""

import errno

import pytest
import usb.core

from core.hardware.escpos_jobs import JobOptions, drawer_job, receipt_job
from core.hardware.printer_link import USB, PrinterConnection, PrinterProblem, send
from tests.fake_printer import decode
from tests.fake_usb import PAPER_OUT, Endpoint, FakeUsbPrinter, plug_in
from tests.unit.test_escpos_jobs import receipt


def usb_printer(**more) -> PrinterConnection:
    return PrinterConnection(USB, usb_vendor=0x04B8, usb_product=0x0202, **more)


def test_a_receipt_on_a_usb_printer(monkeypatch):
    printer = FakeUsbPrinter()
    searches = plug_in(monkeypatch, printer)
    send(usb_printer(), receipt_job(receipt(shop_name="Лавка"), JobOptions(32), open_drawer=True), timeout=2)
    assert searches == [{"idVendor": 0x04B8, "idProduct": 0x0202}]
    job = decode(printer.received(0x01))
    assert job.paper_queries == 1 and job.cuts == 1 and job.kicks == [2]
    assert job.texts()[0] == "Лавка" and job.lines[0].code_pages == {"cp866"}
    # Linux's usblp let go of it, the time limit given in milliseconds, the device let go after.
    assert printer.detached == [0] and set(printer.timeouts) == {2000} and printer.disposed == 1


def test_the_endpoints_come_from_the_interface_or_are_given(monkeypatch):
    printer = FakeUsbPrinter(
        interfaces={0: [Endpoint(0x81), Endpoint(0x03, usb.util.ENDPOINT_TYPE_INTR), Endpoint(0x02)]}
    )
    plug_in(monkeypatch, printer)
    send(usb_printer(), drawer_job(JobOptions()), timeout=1)
    assert printer.received(0x02).endswith(b"\x1bp\x00\x32\x32") and printer.received(0x03) == b""

    other = FakeUsbPrinter(interfaces={0: [Endpoint(0x81)], 1: [Endpoint(0x01), Endpoint(0x02), Endpoint(0x83)]})
    plug_in(monkeypatch, other)
    send(usb_printer(usb_interface=1, usb_out_ep=0x02, usb_in_ep=0x83), drawer_job(JobOptions()), timeout=1)
    assert decode(other.received(0x02)).kicks == [2] and other.received(0x01) == b""


def test_an_unconfigured_device_is_given_its_configuration(monkeypatch):
    printer = FakeUsbPrinter(configured=False, kernel_driver=False)
    plug_in(monkeypatch, printer)
    send(usb_printer(), drawer_job(JobOptions()), check_paper=False, timeout=1)
    assert printer.configured and printer.detached == [] and printer.received() == b"\x1bp\x00\x32\x32"


def test_a_printer_out_of_paper_is_sent_nothing_more(monkeypatch):
    printer = FakeUsbPrinter(paper=PAPER_OUT)
    plug_in(monkeypatch, printer)
    with pytest.raises(PrinterProblem, match=r"receipt printer at USB 04b8:0202 is out of paper"):
        send(usb_printer(), receipt_job(receipt(), JobOptions(48)), timeout=1)
    assert printer.received() == b"\x10\x04\x04" and printer.disposed == 1


def test_a_printer_that_never_answers_times_out(monkeypatch):
    plug_in(monkeypatch, FakeUsbPrinter(failing={"read": errno.ETIMEDOUT}))
    with pytest.raises(PrinterProblem, match=r"USB 04b8:0202 did not answer within 0\.5 seconds: is it on and has it"):
        send(usb_printer(), b"x", timeout=0.5)


def test_nothing_plugged_in(monkeypatch):
    plug_in(monkeypatch, FakeUsbPrinter(0x0416, 0x5011))  # another printer: not the one set up
    with pytest.raises(PrinterProblem, match=r"^No receipt printer with the USB id 04b8:0202 is connected: is it plug"):
        send(usb_printer(), b"x")


def test_without_libusb(monkeypatch):
    def no_backend(**_ids):
        raise usb.core.NoBackendError("No backend available")

    monkeypatch.setattr(usb.core, "find", no_backend)
    with pytest.raises(PrinterProblem, match=r"need the libusb library on this computer \(on Debian and Ubuntu: the "):
        send(usb_printer(), b"x")


@pytest.mark.parametrize(
    ("failing", "said"),
    [
        ({"open": errno.EACCES}, r"^This computer's user may not use the receipt printer at USB 04b8:0202: allow it "),
        ({"write": errno.EACCES}, r"may not use the receipt printer at USB 04b8:0202: allow it with a udev rule"),
        ({"write": errno.EBUSY}, r"at USB 04b8:0202 is in use by another program or driver"),
        ({"open": errno.ENOSYS}, r"has a driver that libusb cannot use: on Windows, give it the WinUSB driver"),
        ({"write": errno.ENODEV}, r"at USB 04b8:0202 dropped the connection: nothing was printed"),
        ({"write": errno.ETIMEDOUT}, r"did not answer within 1 seconds: is it on and has it paper"),
    ],
)
def test_what_libusb_refuses_is_said(monkeypatch, failing, said):
    printer = FakeUsbPrinter(failing=failing)
    plug_in(monkeypatch, printer)
    with pytest.raises(PrinterProblem, match=said):
        send(usb_printer(), drawer_job(JobOptions()), timeout=1)
    assert printer.received() == b"" and printer.disposed == 1  # let go, for the next try


@pytest.mark.parametrize(
    ("device", "connection", "said"),
    [
        (FakeUsbPrinter(), usb_printer(usb_interface=2), r"has no USB interface 2: set the interface it has"),
        (FakeUsbPrinter(), usb_printer(usb_out_ep=0x03), r"has no endpoint 03 on interface 0: leave the endpoints"),
        (FakeUsbPrinter(), usb_printer(usb_in_ep=0x81), r"has no endpoint 81 on interface 0"),
        (
            FakeUsbPrinter(interfaces={0: [Endpoint(0x81)]}),
            usb_printer(),
            r"^The USB device 04b8:0202 takes no print data on interface 0: is that the printer's id\?",
        ),
        (
            FakeUsbPrinter(interfaces={0: [Endpoint(0x01)]}),  # one way only: prints, cannot answer
            usb_printer(),
            r"cannot answer status queries: untick .Ask the printer for paper first.",
        ),
    ],
)
def test_a_wrong_interface_or_endpoint_is_said(monkeypatch, device, connection, said):
    plug_in(monkeypatch, device)
    with pytest.raises(PrinterProblem, match=said):
        send(connection, b"x", timeout=1)
    assert device.disposed == 1


def test_a_one_way_printer_prints_without_the_paper_check(monkeypatch):
    printer = FakeUsbPrinter(interfaces={0: [Endpoint(0x01)]})
    plug_in(monkeypatch, printer)
    send(usb_printer(), drawer_job(JobOptions()), check_paper=False, timeout=1)
    assert decode(printer.received()).kicks == [2]


def test_the_real_pyusb_on_this_computer_says_why_it_cannot_print():
    """No fake: libusb missing, or no such device on this computer's bus."""
    with pytest.raises(PrinterProblem, match=r"need the libusb library|No receipt printer with the USB id ffff:fffe"):
        send(PrinterConnection(USB, usb_vendor=0xFFFF, usb_product=0xFFFE), b"x", timeout=0.5)


def test_a_usb_connection_needs_both_ids():
    assert usb_printer().configured and usb_printer().describe() == "USB 04b8:0202"
    assert not PrinterConnection(USB, usb_vendor=0x04B8).configured
