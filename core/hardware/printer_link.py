"""Sending a job's bytes to the receipt printer, within a timeout, with one
sentence for what went wrong: refused, no answer, dropped, out of paper,
unplugged. Never called on the window's thread (shop_gui/receipt_printer.py).

The printer is asked for its paper sensor (DLE EOT 4) before the job is
sent, when ``check_paper``: that is also what tells a printer that is off
(or a print server that hangs) from one that takes the bytes, as a TCP
connection to a dead print server's port can still be accepted."""

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
        return Usb(connection.usb_vendor, connection.usb_product, timeout=int(timeout * 1000))
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
    except (EscposError, OSError) as error:
        cause = error.__cause__ or error.__context__ or error
        if isinstance(cause, ConnectionRefusedError) or "refused" in str(error).lower():
            raise PrinterProblem(
                N_(
                    "The {name} at {where} refused the connection: is it switched on, and is that its address?",
                    name=name,
                    where=where,
                )
            ) from error
        if isinstance(cause, TimeoutError) or "timed out" in str(error).lower():
            raise PrinterProblem(
                N_(
                    "The {name} at {where} did not answer within {seconds:g} seconds: is it on and connected?",
                    name=name,
                    where=where,
                    seconds=timeout,
                )
            ) from error
        raise PrinterProblem(
            N_("The {name} at {where} could not be reached: is it plugged in?", name=name, where=where)
        ) from error
    try:
        if check_paper:
            _check_paper(device, where, name, timeout, closes=connection.kind == NETWORK)
        device._raw(job)
    except TimeoutError as error:
        raise PrinterProblem(
            N_(
                "The {name} at {where} did not answer within {seconds:g} seconds: is it on and has it paper?",
                name=name,
                where=where,
                seconds=timeout,
            )
        ) from error
    except (EscposError, OSError) as error:
        raise PrinterProblem(
            N_(
                "The {name} at {where} dropped the connection: nothing was printed, print it again.",
                name=name,
                where=where,
            )
        ) from error
    finally:
        try:
            device.close()
        except (EscposError, OSError):
            pass  # it is gone already: what it was sent is all there is


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
