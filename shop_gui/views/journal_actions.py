"""File > Journal... (core.journal's pages, in shop_gui/dialogs/journal_dialog.py),
and Help > Verify journal: check the hash chain over every event in a thread
of its own (a year of events takes seconds; selling goes on), then say
whether the journal is whole or name the first row altered, deleted or
reordered."""

import logging
import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from core.errors import ShopError
from shop_gui.bridge import UNEXPECTED
from shop_gui.dialogs.journal_dialog import JournalDialog
from shop_gui.texts import describe, fill, word
from shop_gui.views.message_boxes import show_notice

log = logging.getLogger(__name__)


class JournalActions(QObject):
    """Signals:
    message(str): what the check found (status bar).
    verified(object, str): the check is over: its Verdict (None if it could not run) and the sentence shown.
    """

    message = Signal(str)
    verified = Signal(object, str)
    _done = Signal(object, str)  # from the check's thread

    def __init__(self, bridge, window):
        super().__init__(window)
        self._bridge, self._window = bridge, window
        self._thread: threading.Thread | None = None
        self._done.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self.verify_action = QAction(self.tr("&Verify journal..."), self, objectName="verifyJournalAction")
        self.verify_action.setStatusTip(self.tr("Check that no recorded event was altered, deleted or reordered"))
        self.verify_action.triggered.connect(self.verify)
        self.journal_action = QAction(self.tr("&Journal..."), self, objectName="journalAction")
        self.journal_action.setStatusTip(self.tr("Every change: when, who, at which till, what"))
        self.journal_action.triggered.connect(self.open_journal)

    def open_journal(self) -> JournalDialog:
        dialog = JournalDialog(self._bridge, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()  # not modal: a list to read while the till goes on
        return dialog

    def verify(self) -> None:
        if self._thread is not None:
            return
        self.verify_action.setEnabled(False)
        self.message.emit(self.tr("Checking the journal..."))
        self._thread = threading.Thread(target=self._run, args=(self._bridge.shop,), name="verify-journal", daemon=True)
        self._thread.start()

    def _run(self, shop) -> None:
        try:
            verdict = shop.verify_journal()
            self._done.emit(verdict, describe(verdict.problem))  # translate() is thread-safe
        except ShopError as exc:
            self._done.emit(None, describe(exc))
        except Exception:
            log.exception("Verifying the journal failed unexpectedly")
            self._done.emit(None, word(UNEXPECTED))

    def _finished(self, verdict, text: str) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self.verify_action.setEnabled(True)
        self.message.emit(text)
        whole = verdict is not None and verdict.whole
        shown = fill(self.tr("%1\n\nLatest link: %2"), text, verdict.last_link) if whole else text
        icon = QMessageBox.Icon.Information if whole else QMessageBox.Icon.Critical
        show_notice(self._window, self.tr("Verify journal"), shown, "journalVerdict", icon)
        self.verified.emit(verdict, text)

    def shutdown(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None
