"""Print jobs for the receipt printer, sent one after another on a thread
of their own: a printer that is off, out of paper or unplugged costs that
thread its timeout, never the counter a moment. The sale is stored before
any job is made, so nothing here can lose one.

Each job's end comes back on the window's thread: ``printed(job)`` or
``failed(job, sentence)``; the job is kept, so "Print again" resends it."""

import queue
import threading
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal

from core.hardware.printer_link import RECEIPT_PRINTER, PrinterConnection, PrinterProblem, send
from shop_gui import receipt_printer_settings
from shop_gui.texts import describe, fill


@dataclass(frozen=True)
class PrintJob:
    what: str  # "the receipt of order 12", "the drawer"
    data: bytes
    # Another printer than the receipt printer (labels), and whether to ask it for paper.
    connection: PrinterConnection | None = None
    check_paper: bool | None = None
    printer_name: str = RECEIPT_PRINTER  # a core Text: translated where it is said


class ReceiptPrinter(QObject):
    printed = Signal(object)  # the PrintJob
    failed = Signal(object, str)  # the PrintJob, why (one sentence)
    _finished = Signal(object, object)  # from the sending thread: the job, the sentence or None

    def __init__(self, parent=None, load_settings=receipt_printer_settings.load):
        super().__init__(parent)
        self._load_settings = load_settings
        self._jobs: queue.Queue = queue.Queue()
        self._pending = 0
        self._thread: threading.Thread | None = None
        self._finished.connect(self._report)

    @property
    def pending(self) -> int:
        """Jobs sent and not yet done (printed or failed)."""
        return self._pending

    def submit(self, job: PrintJob) -> None:
        settings = self._load_settings()  # read on this thread: QSettings as the window has them now
        self._pending += 1
        self._jobs.put((job, settings))
        if self._thread is None:
            # A daemon: a printer that hangs at closing time never keeps the program open.
            self._thread = threading.Thread(target=self._send_all, name="receipt-printer", daemon=True)
            self._thread.start()

    def _send_all(self) -> None:
        while True:
            job, settings = self._jobs.get()
            try:
                send(
                    job.connection or settings.connection,
                    job.data,
                    timeout=settings.timeout_s,
                    check_paper=settings.check_paper if job.check_paper is None else job.check_paper,
                    name=job.printer_name,
                )
                problem = None
            except PrinterProblem as error:
                problem = describe(error)  # translate() is thread-safe
            except Exception as error:  # a driver's own failure: said, never raised on a thread nobody reads
                problem = fill(QCoreApplication.translate("receipt_printer", "The receipt printer failed: %1"), error)
            try:
                self._finished.emit(job, problem)
            except RuntimeError:  # the window closed meanwhile: nobody is left to tell
                return

    def _report(self, job: PrintJob, problem: str | None) -> None:
        self._pending -= 1
        if problem is None:
            self.printed.emit(job)
        else:
            self.failed.emit(job, problem)
