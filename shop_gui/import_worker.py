"""A catalog import in a worker thread, so the window never freezes.

The worker only calls ``core.catalog_csv.import_catalog`` with the shop: the
shop serialises callers (one command or query at a time), and the bridge
queues the changes each batch makes over to the GUI thread (``_collect``).
"""

import logging
import threading

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from core.errors import ShopError
from shop_gui.bridge import UNEXPECTED

log = logging.getLogger(__name__)

BATCH_SIZE = 1000  # one transaction each; Cancel takes effect between batches


class ImportWorker(QObject):
    """Lives in its own thread; ``cancel()`` may be called from any thread.

    Signals (delivered to the GUI thread by queued connections):
        progressed(int, int): records sent so far, and in all.
        finished(ImportReport): the import is over (whole, or cancelled between batches).
        failed(str, object): a sentence, and the ImportReport of what was
            imported before it stopped (None when nothing was).
    """

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str, object)

    def __init__(self, shop, path, batch_size: int = BATCH_SIZE):
        super().__init__()
        self._shop = shop
        self._path = str(path)
        self._batch_size = batch_size
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        from core import catalog_csv

        try:
            report = catalog_csv.import_catalog(self._shop, self._path, batch_size=self._batch_size,
                                                progress=self.progressed.emit, cancelled=self._cancel.is_set)
        except catalog_csv.CatalogImportStopped as exc:
            self.failed.emit(str(exc), exc.report)
        except ShopError as exc:
            self.failed.emit(str(exc), None)
        except Exception:  # a bug: log it, say something useful
            log.exception("Importing %s failed unexpectedly", self._path)
            self.failed.emit(UNEXPECTED, None)
        else:
            self.finished.emit(report)


def start_import(shop, path, *, progressed, finished, failed,
                 batch_size: int = BATCH_SIZE) -> tuple[QThread, ImportWorker]:
    """Start an ImportWorker in a new thread. ``progressed``, ``finished`` and
    ``failed`` (methods of a QObject of the GUI thread) are connected, queued,
    before it starts, so not even a very quick import is missed. The worker is
    deleted when the thread ends; the caller keeps the thread until then."""
    thread = QThread(objectName="importThread")
    worker = ImportWorker(shop, path, batch_size)
    worker.moveToThread(thread)
    queued = Qt.ConnectionType.QueuedConnection
    worker.progressed.connect(progressed, queued)
    worker.finished.connect(finished, queued)
    worker.failed.connect(failed, queued)
    thread.started.connect(worker.run)
    # Direct: the thread ends even while the GUI thread waits for it (closing the window).
    worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    worker.failed.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    thread.finished.connect(worker.deleteLater)
    thread.start()
    return thread, worker
