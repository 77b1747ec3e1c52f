"""Sending jobs to a virtual ESC/POS network printer (tests/fake_printer.py):
what it receives, and one clear sentence, within the timeout, when it
refuses, hangs, drops the connection or is out of paper."""

import socket

import pytest

from core.hardware.escpos_jobs import JobOptions, drawer_job, receipt_job
from core.hardware.printer_link import NETWORK, PrinterConnection, PrinterProblem, send
from tests.fake_printer import DROP, HANG, NO_PAPER, FakePrinter, decode
from tests.unit.test_escpos_jobs import receipt


def at(port: int) -> PrinterConnection:
    return PrinterConnection(NETWORK, "127.0.0.1", port)


def test_the_printer_gets_the_receipt_after_its_paper_is_checked():
    with FakePrinter() as printer:
        send(at(printer.port), receipt_job(receipt(shop_name="Лавка"), JobOptions(32), open_drawer=True))
        job = decode(printer.wait_for_job())
    assert job.paper_queries == 1 and job.cuts == 1 and job.kicks == [2]
    assert job.texts()[0] == "Лавка"


def test_without_the_paper_check_only_the_job_is_sent():
    with FakePrinter() as printer:
        send(at(printer.port), drawer_job(JobOptions()), check_paper=False)
        assert printer.wait_for_job() == b"\x1bp\x00\x32\x32"


def test_a_printer_that_is_off_refuses():
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
    with pytest.raises(PrinterProblem, match=r"127\.0\.0\.1:\d+ refused the connection: is it switched on"):
        send(at(port), drawer_job(JobOptions()), timeout=1)


def test_a_printer_that_hangs_times_out():
    with FakePrinter(HANG) as printer:
        with pytest.raises(PrinterProblem, match=r"did not answer within 0\.3 seconds"):
            send(at(printer.port), drawer_job(JobOptions()), timeout=0.3)


def test_a_printer_that_drops_the_connection():
    with FakePrinter(DROP) as printer:
        with pytest.raises(PrinterProblem, match="dropped the connection: nothing was printed, print it again"):
            send(at(printer.port), drawer_job(JobOptions()), timeout=2)


def test_a_printer_out_of_paper_is_sent_nothing_more():
    with FakePrinter(NO_PAPER) as printer:
        with pytest.raises(PrinterProblem, match="is out of paper: load a roll"):
            send(at(printer.port), receipt_job(receipt(), JobOptions(48)), timeout=2)
        assert decode(printer.wait_for_job()).cuts == 0


def test_no_printer_set_up():
    with pytest.raises(PrinterProblem, match="No receipt printer is set up"):
        send(PrinterConnection(), b"x")
    assert not PrinterConnection(NETWORK, " ", 9100).configured
    assert PrinterConnection(NETWORK, "10.0.0.9").describe() == "10.0.0.9:9100"
