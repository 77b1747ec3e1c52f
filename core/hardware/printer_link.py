"""Sending a job's bytes to the receipt printer, within a timeout, with one
sentence for what went wrong: refused, no answer, dropped, out of paper,
unplugged. Never called on the window's thread (shop_gui/receipt_printer.py).

The printer is asked for its paper sensor (DLE EOT 4) before the job is
sent, when ``check_paper``: that is also what tells a printer that is off
(or a print server that hangs) from one that takes the bytes, as a TCP
connection to a dead print server's port can still be accepted."""

import errno
from dataclasses import dataclass

from escpos.exceptions import Error as EscposError

from core.i18n import N_

NETWORK, USB, SERIAL = "network", "usb", "serial"
KINDS = (NETWORK, USB, SERIAL)
DEFAULT_PORT = 9100
DEFAULT_TIMEOUT_S = 5.0


# What a printer is called in a sentence (a Text: the window translates it too).
RECEIPT_PRINTER = N_("receipt printer")
LABEL_PRINTER = N_("label printer")


class PrinterProblem(Exception):
    """The job did not print; the text is one sentence for the person at the till."""


@dataclass(frozen=True)
class PrinterConnection:
    kind: str = ""  # "" (no receipt printer), NETWORK, USB or SERIAL
    host: str = ""
    port: int = DEFAULT_PORT
    usb_vendor: int = 0
    usb_product: int = 0
    serial_port: str = ""
    baud_rate: int = 9600
    usb_interface: int = 0
    usb_in_ep: int = 0  # 0: the interface's own bulk endpoints
    usb_out_ep: int = 0

    @property
    def configured(self) -> bool:
        if self.kind == NETWORK:
            return bool(self.host.strip()) and 0 < self.port < 65536
        if self.kind == USB:
            return bool(self.usb_vendor and self.usb_product)
        if self.kind == SERIAL:
            return bool(self.serial_port.strip())
        return False

    def describe(self) -> str:
        if self.kind == NETWORK:
            return f"{self.host}:{self.port}"
        if self.kind == USB:
            return f"USB {self.usb_vendor:04x}:{self.usb_product:04x}"
        if self.kind == SERIAL:
            return self.serial_port
        return "none"


def _device(connection: PrinterConnection, timeout: float):
    if connection.kind == NETWORK:
        from escpos.printer import Network

        return Network(connection.host.strip(), connection.port, timeout=timeout)
    if connection.kind == USB:
        from escpos.printer import Usb

        if not Usb.is_usable():
            raise PrinterProblem(N_("USB printers need the pyusb package and libusb on this computer."))
        from core.hardware.usb_printer import UsbPrinter

        return UsbPrinter(
            connection.usb_vendor,
            connection.usb_product,
            interface=connection.usb_interface,
            in_ep=connection.usb_in_ep,
            out_ep=connection.usb_out_ep,
            timeout_ms=max(round(timeout * 1000), 1),  # pyusb's 0 is "wait for ever"
        )
    if connection.kind == SERIAL:
        from escpos.printer import Serial

        if not Serial.is_usable():
            raise PrinterProblem(N_("Serial printers need the pyserial package on this computer."))
        return Serial(connection.serial_port.strip(), connection.baud_rate, timeout=timeout)
    raise PrinterProblem(N_("No receipt printer is set up on this computer (Till > Receipt printer)."))


def send(
    connection: PrinterConnection,
    job: bytes,
    *,
    timeout: float = DEFAULT_TIMEOUT_S,
    check_paper: bool = True,
    name: str = RECEIPT_PRINTER,
) -> None:
    """Send ``job`` to the printer (``name``d so in what is said), or raise
    PrinterProblem within about ``timeout`` seconds a step (connecting, the
    paper's answer, the sending)."""
    where = connection.describe()
    device = _device(connection, timeout)
    try:
        device.open()
    except Exception as error:
        problem = _problem(error, connection, name, where, timeout, opening=True)
        if problem is None:
            raise
        raise problem from error
    try:
        if check_paper:
            _check_paper(device, where, name, timeout, closes=connection.kind == NETWORK)
        device._raw(job)
    except PrinterProblem:
        raise
    except Exception as error:
        problem = _problem(error, connection, name, where, timeout, opening=False)
        if problem is None:
            raise
        raise problem from error
    finally:
        try:
            device.close()
        except (EscposError, OSError):
            pass  # it is gone already: what it was sent is all there is


def _problem(
    error: Exception, connection: PrinterConnection, name: str, where: str, timeout: float, *, opening: bool
) -> PrinterProblem | None:
    """What went wrong, in a sentence; None for an error no printer explains."""
    if connection.kind == USB:
        problem = _usb_problem(error, connection, name, where, opening=opening)
        if problem is not None:
            return problem
    cause = error.__cause__ or error.__context__ or error
    timed_out = (
        isinstance(error, TimeoutError)
        or isinstance(cause, TimeoutError)
        or getattr(error, "errno", None) == errno.ETIMEDOUT  # pyusb's USBTimeoutError
        or "timed out" in str(error).lower()
    )
    if opening and isinstance(error, (EscposError, OSError)):
        if isinstance(cause, ConnectionRefusedError) or "refused" in str(error).lower():
            return PrinterProblem(
                N_(
                    "The {name} at {where} refused the connection: is it switched on, and is that its address?",
                    name=name,
                    where=where,
                )
            )
        if timed_out:
            return PrinterProblem(
                N_(
                    "The {name} at {where} did not answer within {seconds:g} seconds: is it on and connected?",
                    name=name,
                    where=where,
                    seconds=timeout,
                )
            )
        return PrinterProblem(
            N_("The {name} at {where} could not be reached: is it plugged in?", name=name, where=where)
        )
    if opening:
        return None
    if timed_out:
        return PrinterProblem(
            N_(
                "The {name} at {where} did not answer within {seconds:g} seconds: is it on and has it paper?",
                name=name,
                where=where,
                seconds=timeout,
            )
        )
    if isinstance(error, (EscposError, OSError)):
        return PrinterProblem(
            N_(
                "The {name} at {where} dropped the connection: nothing was printed, print it again.",
                name=name,
                where=where,
            )
        )
    return None


def _usb_problem(
    error: Exception, connection: PrinterConnection, name: str, where: str, *, opening: bool
) -> PrinterProblem | None:
    """pyusb's and libusb's errors, said; None for those said as any printer's
    (a timeout, a device unplugged while printing)."""
    import usb.core

    from core.hardware.usb_printer import NoDevice, NoEndpoint

    if isinstance(error, usb.core.NoBackendError):
        return PrinterProblem(
            N_(
                "USB printers need the libusb library on this computer "
                "(on Debian and Ubuntu: the libusb-1.0-0 package)."
            )
        )
    if isinstance(error, NoDevice):
        return PrinterProblem(
            N_(
                "No {name} with the USB id {id} is connected: is it plugged in and switched on?",
                name=name,
                id=where.removeprefix("USB "),
            )
        )
    if isinstance(error, NoEndpoint):
        return _endpoint_problem(error, connection, name, where)
    if not isinstance(error, usb.core.USBError):
        return None
    if error.errno == errno.EACCES:
        return PrinterProblem(
            N_(
                "This computer's user may not use the {name} at {where}: allow it with a udev rule "
                '(see "USB printers" in the README), then plug the printer in again.',
                name=name,
                where=where,
            )
        )
    if error.errno == errno.EBUSY:
        return PrinterProblem(
            N_(
                "The {name} at {where} is in use by another program or driver "
                "(such as the system's printing service): free it and print again.",
                name=name,
                where=where,
            )
        )
    if opening and error.errno in (errno.ENOSYS, getattr(errno, "ENOTSUP", errno.ENOSYS)):
        return PrinterProblem(
            N_(
                "The {name} at {where} has a driver that libusb cannot use: on Windows, give it the WinUSB driver.",
                name=name,
                where=where,
            )
        )
    return None


def _endpoint_problem(error, connection: PrinterConnection, name: str, where: str) -> PrinterProblem:
    if error.what == "interface":
        return PrinterProblem(
            N_(
                "The {name} at {where} has no USB interface {interface}: set the interface it has "
                "(lsusb -v shows them), usually 0.",
                name=name,
                where=where,
                interface=connection.usb_interface,
            )
        )
    if error.given is not None:
        return PrinterProblem(
            N_(
                "The {name} at {where} has no endpoint {endpoint} on interface {interface}: "
                "leave the endpoints empty to find them by themselves.",
                name=name,
                where=where,
                endpoint=f"{error.given:02x}",
                interface=connection.usb_interface,
            )
        )
    if error.what == "out":
        return PrinterProblem(
            N_(
                "The USB device {where} takes no print data on interface {interface}: is that the printer's id?",
                where=where.removeprefix("USB "),
                interface=connection.usb_interface,
            )
        )
    return PrinterProblem(
        N_(
            'The {name} at {where} cannot answer status queries: untick "Ask the printer for paper first".',
            name=name,
            where=where,
        )
    )


# DLE EOT 4: the paper roll sensor; bits 5 and 6 set: the paper has run out.
PAPER_STATUS = b"\x10\x04\x04"
_NO_PAPER = 0x60


def _answer(device) -> bytes:
    """The status byte. pyserial's read(16), python-escpos's, would wait the
    whole timeout for 16 bytes; a socket or USB returns what came."""
    port = getattr(device, "device", None)
    if port is not None and hasattr(port, "in_waiting"):
        return port.read(1)
    return device._read()


def _check_paper(device, where: str, name: str, timeout: float, *, closes: bool) -> None:
    device._raw(PAPER_STATUS)
    answer = _answer(device)
    if not answer and closes:  # a socket reads nothing only once it is closed
        raise PrinterProblem(
            N_(
                "The {name} at {where} dropped the connection: nothing was printed, print it again.",
                name=name,
                where=where,
            )
        )
    if not answer:  # a serial port or USB reads nothing when the time is up
        raise PrinterProblem(
            N_(
                "The {name} at {where} did not answer within {seconds:g} seconds: is it on and has it paper?",
                name=name,
                where=where,
                seconds=timeout,
            )
        )
    if answer[0] & _NO_PAPER == _NO_PAPER:
        raise PrinterProblem(
            N_("The {name} at {where} is out of paper: load a roll and print again.", name=name, where=where)
        )
