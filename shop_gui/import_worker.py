"""A catalog import in a worker thread, so the window never freezes.

The worker only calls ``core.catalog_csv.import_catalog`` with the shop: the
shop serialises callers (one command or query at a time), and the bridge
queues the changes each batch makes over to the GUI thread (``_collect``).
"""

import logging
import threading
import time

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from core import catalog_csv
from core.errors import ShopError
from shop_gui.bridge import UNEXPECTED
from shop_gui.texts import describe

log = logging.getLogger(__name__)

BATCH_SIZE = 1000  # one transaction each, holding the shop: the window waits at most one batch
# Between batches the worker lets go of the shop for a moment: the lock is not
# fair, and without a pause it would take the shop straight back, starving the
# window's queries for many batches in a row.
PAUSE_BETWEEN_BATCHES_S = 0.002
HOLD_AT_MOST_S = 10  # a hold is released within milliseconds; never wait forever


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

    def __init__(self, shop, path, batch_size: int = BATCH_SIZE, choices=None):
        super().__init__()
        self._choices = choices  # catalog_csv.ImportChoices (None: as the header says)
        self._shop = shop
        self._path = str(path)
        self._batch_size = batch_size
        self._cancel = threading.Event()
        self._may_go_on = threading.Event()
        self._may_go_on.set()

    def cancel(self) -> None:
        self._cancel.set()

    def hold(self) -> None:
        """Wait before the next batch until ``release()`` (the window is refreshing)."""
        self._may_go_on.clear()

    def release(self) -> None:
        self._may_go_on.set()

    def _between_batches(self) -> bool:
        """Asked by import_catalog before each batch, when the shop is free."""
        self._may_go_on.wait(HOLD_AT_MOST_S)
        time.sleep(PAUSE_BETWEEN_BATCHES_S)
        return self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        try:
            report = catalog_csv.import_catalog(
                self._shop,
                self._path,
                batch_size=self._batch_size,
                progress=self.progressed.emit,
                cancelled=self._between_batches,
                choices=self._choices,
            )
        except catalog_csv.CatalogImportStopped as exc:
            self.failed.emit(describe(exc), exc.report)
        except ShopError as exc:
            self.failed.emit(describe(exc), None)
        except Exception:  # a bug: log it, say something useful
            log.exception("Importing %s failed unexpectedly", self._path)
            self.failed.emit(UNEXPECTED, None)
        else:
            self._save(report)
            self.finished.emit(report)

    def _save(self, report) -> None:
        """Write the read model here, not in the window's thread: after a big
        import that is thousands of documents."""
        try:
            self._shop.save_read_model()
        except Exception:  # it is rebuilt from the database if need be
            log.exception("Saving the read model after importing %s failed", self._path)


def start_import(
    shop, path, *, progressed, finished, failed, batch_size: int = BATCH_SIZE, choices=None
) -> tuple[QThread, ImportWorker]:
    """Start an ImportWorker in a new thread. ``progressed``, ``finished`` and
    ``failed`` (methods of a QObject of the GUI thread) are connected, queued,
    before it starts, so not even a very quick import is missed. The worker is
    deleted when the thread ends; the caller keeps the thread until then."""
    thread = QThread(objectName="importThread")
    worker = ImportWorker(shop, path, batch_size, choices)
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
