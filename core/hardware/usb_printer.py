"""A receipt printer on USB, through pyusb (libusb underneath).

python-escpos's own Usb printer is kept for its ESC/POS side, but opening
and closing the device are done here: it hides a refused permission or a
busy device in its log (printing then fails later with a vaguer error),
resets the printer on every job, never releases the device it claimed,
and reads the paper's answer without a timeout. Here every pyusb error
comes out as it is, and ``printer_link`` says it in one sentence.

Endpoints are taken from the interface's descriptors (its bulk OUT and IN
endpoints) unless given: printers differ (0x01/0x82, 0x02/0x81, 0x03/0x81...).
"""

import errno
from typing import Any

import usb.core
import usb.util
from escpos.printer import Usb

_BULK = usb.util.ENDPOINT_TYPE_BULK
# pyusb's errno when a backend cannot do something (the kernel driver on Windows and macOS).
_NOT_SUPPORTED = {errno.ENOSYS, getattr(errno, "ENOTSUP", errno.ENOSYS)}


class NoDevice(Exception):
    """No device with that vendor and product id is connected."""


class NoEndpoint(Exception):
    """The interface, or an endpoint, is not on the device: ``what`` is
    "interface", "out" or "in"; ``given`` the number asked for (None: found
    none by itself)."""

    def __init__(self, what: str, given: int | None):
        super().__init__(what, given)
        self.what, self.given = what, given


class UsbPrinter(Usb):
    def __init__(
        self,
        vendor: int,
        product: int,
        *,
        interface: int = 0,
        in_ep: int = 0,
        out_ep: int = 0,
        timeout_ms: int = 5000,
    ):
        super().__init__(vendor, product, timeout=timeout_ms, in_ep=in_ep, out_ep=out_ep)
        self.vendor, self.product, self.interface = vendor, product, interface
        self._given = (in_ep, out_ep)  # 0: from the descriptors
        self.device: Any = None  # a usb.core.Device once open

    def open(self, raise_not_found: bool = True) -> None:
        # NoBackendError (a ValueError) when libusb is missing.
        self.device = usb.core.find(idVendor=self.vendor, idProduct=self.product)
        if self.device is None:
            raise NoDevice(self.vendor, self.product)
        try:
            self._detach_kernel_driver()
            self._find_endpoints(self._configuration())
        except BaseException:
            self.close()  # what libusb opened on the way
            raise

    def _detach_kernel_driver(self) -> None:
        """Linux's usblp driver holds every USB printer (as /dev/usb/lp0)."""
        try:
            if self.device.is_kernel_driver_active(self.interface):
                self.device.detach_kernel_driver(self.interface)
        except NotImplementedError:
            pass
        except usb.core.USBError as error:
            if error.errno not in _NOT_SUPPORTED:
                raise

    def _configuration(self):
        try:
            return self.device.get_active_configuration()
        except usb.core.USBError as error:
            if error.errno is not None:  # refused, busy, gone: said as it is
                raise
        # "Configuration not set": the first one, as the kernel would choose.
        self.device.set_configuration()
        return self.device.get_active_configuration()

    def _find_endpoints(self, configuration) -> None:
        found = [i for i in configuration if i.bInterfaceNumber == self.interface and i.bAlternateSetting == 0]
        if not found:
            raise NoEndpoint("interface", self.interface)
        bulk = [e.bEndpointAddress for e in found[0].endpoints() if usb.util.endpoint_type(e.bmAttributes) == _BULK]
        outs = [a for a in bulk if usb.util.endpoint_direction(a) == usb.util.ENDPOINT_OUT]
        ins = [a for a in bulk if usb.util.endpoint_direction(a) == usb.util.ENDPOINT_IN]
        given_in, given_out = self._given
        if (given_out and given_out not in outs) or not outs:
            raise NoEndpoint("out", given_out or None)
        if given_in and given_in not in ins:
            raise NoEndpoint("in", given_in)
        self.out_ep = given_out or outs[0]
        self.in_ep = given_in or (ins[0] if ins else 0)  # 0: a printer that cannot answer

    def _raw(self, msg: bytes) -> None:
        self.device.write(self.out_ep, msg, self.timeout)

    def _read(self) -> bytes:
        if not self.in_ep:
            raise NoEndpoint("in", None)
        return bytes(self.device.read(self.in_ep, 16, self.timeout))

    def close(self) -> None:
        """Let the device go (its interface and handle), for the next job or
        another program; a device that is gone has nothing to let go."""
        if self.device is not None:
            device, self.device = self.device, None
            try:
                usb.util.dispose_resources(device)
            except usb.core.USBError:
                pass
