"""A serial receipt printer without hardware: a pseudo-terminal, whose
other end plays the printer (answers the paper query, keeps the bytes)."""

import os
import threading
import tty

import pytest

from core.hardware.escpos_jobs import JobOptions, receipt_job
from core.hardware.printer_link import SERIAL, PrinterConnection, PrinterProblem, send
from tests.fake_printer import decode
from tests.unit.test_escpos_jobs import receipt


def a_printer_on_a_pty(answer: bytes | None):
    """(its device's path, the bytes it got, the thread); ``answer`` to the paper query (None: silent)."""
    controller, device = os.openpty()
    tty.setraw(device)
    got = bytearray()

    def play():
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:
                return
            if not chunk:
                return
            got.extend(chunk)
            if got.endswith(b"\x10\x04\x04") and answer is not None:
                os.write(controller, answer)

    thread = threading.Thread(target=play, daemon=True)
    thread.start()
    return os.ttyname(device), got, (controller, device)


def test_a_receipt_on_a_serial_printer():
    path, got, fds = a_printer_on_a_pty(b"\x12")
    try:
        send(PrinterConnection(SERIAL, serial_port=path), receipt_job(receipt(shop_name="Лавка"), JobOptions(32)))
        for _ in range(100):
            if decode(bytes(got)).cuts:
                break
            threading.Event().wait(0.02)
        job = decode(bytes(got))
    finally:
        for fd in fds:
            os.close(fd)
    assert job.paper_queries == 1 and job.cuts == 1 and job.texts()[0] == "Лавка"


def test_a_serial_printer_that_never_answers():
    path, _got, fds = a_printer_on_a_pty(None)
    try:
        with pytest.raises(PrinterProblem, match=r"did not answer within 0\.3 seconds"):
            send(PrinterConnection(SERIAL, serial_port=path), b"x", timeout=0.3)
    finally:
        for fd in fds:
            os.close(fd)


def test_a_serial_port_that_is_not_there():
    with pytest.raises(PrinterProblem, match="could not be reached: is it plugged in"):
        send(PrinterConnection(SERIAL, serial_port="/dev/no-such-printer"), b"x", timeout=0.3)
