"""A USB receipt printer for tests, without hardware or libusb: a device
object shaped as pyusb's (its configuration, interface and endpoints, the
kernel driver), put where ``usb.core.find`` finds it. It keeps what is
written to its OUT endpoint and answers the paper query (DLE EOT 4) on
its IN endpoint, as a printer does; or fails as pyusb reports a refused
permission, a busy device, a timeout or an unplug (a USBError's errno)."""

import array
import errno

import usb.core
import usb.util

PAPER_OK, PAPER_OUT = 0x12, 0x72  # DLE EOT 4 answers: roll present; paper end (bits 5, 6)
BULK = usb.util.ENDPOINT_TYPE_BULK


class Endpoint:
    def __init__(self, address: int, kind: int = BULK):
        self.bEndpointAddress = address
        self.bmAttributes = kind


class Interface:
    def __init__(self, number: int, endpoints: list[Endpoint]):
        self.bInterfaceNumber = number
        self.bAlternateSetting = 0
        self._endpoints = endpoints

    def endpoints(self):
        return tuple(self._endpoints)


def usb_error(code: int, text: str) -> usb.core.USBError:
    kind = usb.core.USBTimeoutError if code == errno.ETIMEDOUT else usb.core.USBError
    return kind(text, None, code)


class FakeUsbPrinter:
    """``failing``: {"open" or "write" or "read": errno} raised at that step
    (open: the first use of the device, as libusb opens it then)."""

    def __init__(
        self,
        vendor: int = 0x04B8,
        product: int = 0x0202,
        *,
        interfaces: dict[int, list[Endpoint]] | None = None,
        paper: int = PAPER_OK,
        kernel_driver: bool = True,
        configured: bool = True,
        failing: dict[str, int] | None = None,
    ):
        self.idVendor, self.idProduct = vendor, product
        self.interfaces = interfaces if interfaces is not None else {0: [Endpoint(0x01), Endpoint(0x82)]}
        self.paper = paper
        self.kernel_driver = kernel_driver
        self.configured = configured
        self.failing = failing or {}
        self.written: dict[int, bytearray] = {}  # endpoint: bytes
        self.detached: list[int] = []
        self.disposed = 0
        self.timeouts: list[int] = []
        self._answers: list[int] = []

    def _fail(self, step: str) -> None:
        if step in self.failing:
            code = self.failing[step]
            raise usb_error(code, {errno.EACCES: "Access denied (insufficient permissions)"}.get(code, "USB error"))

    # What python-escpos and core/hardware/usb_printer.py call.
    def is_kernel_driver_active(self, interface: int) -> bool:
        self._fail("open")
        return self.kernel_driver

    def detach_kernel_driver(self, interface: int) -> None:
        self.kernel_driver = False
        self.detached.append(interface)

    def get_active_configuration(self):
        self._fail("open")
        if not self.configured:
            raise usb.core.USBError("Configuration not set")
        return [Interface(number, endpoints) for number, endpoints in self.interfaces.items()]

    def set_configuration(self) -> None:
        self.configured = True

    def write(self, endpoint: int, data, timeout: int) -> int:
        self._fail("write")
        if not any(e.bEndpointAddress == endpoint for eps in self.interfaces.values() for e in eps):
            raise usb_error(errno.EINVAL, "Invalid parameter")
        self.timeouts.append(timeout)
        got = self.written.setdefault(endpoint, bytearray())
        got += bytes(data)
        if bytes(data).endswith(b"\x10\x04\x04"):
            self._answers.append(self.paper)
        return len(data)

    def read(self, endpoint: int, size: int, timeout: int):
        self._fail("read")
        if not self._answers:
            raise usb_error(errno.ETIMEDOUT, "Operation timed out")
        answer, self._answers = self._answers[:size], self._answers[size:]
        return array.array("B", answer)

    def received(self, endpoint: int = 0x01) -> bytes:
        return bytes(self.written.get(endpoint, b""))


def plug_in(monkeypatch, device: FakeUsbPrinter | None) -> list[dict]:
    """``usb.core.find`` finds ``device`` (None: nothing plugged in) by its
    ids; returns the searches made."""
    searches: list[dict] = []

    def find(find_all=False, backend=None, custom_match=None, **ids):
        searches.append(ids)
        if device is None or any(getattr(device, key) != value for key, value in ids.items()):
            return None
        return device

    def dispose_resources(found):
        found.disposed += 1

    monkeypatch.setattr(usb.core, "find", find)
    monkeypatch.setattr(usb.util, "dispose_resources", dispose_resources)
    return searches
