"""File > Back up now... and Restore from backup..., the daily backup while
the window is open, and the status bar's warning while backups are not in
order (no folder chosen, the folder gone, the newest too old).

A backup runs in a thread of its own: it reads the database through its own
connection (core/backups/making.py), never through the shop, so a sale goes
on meanwhile. A restore closes the shop, restores, opens the restored shop
and hands it to the bridge; every list then reloads.
"""

import logging
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox

from core import open_shop
from core.backups import (
    backup_due,
    backup_warning,
    database_contents,
    database_shop_id,
    load_settings,
    make_backup,
    read_manifest,
    restore_backup,
    save_settings,
)
from core.domain.permissions import may
from core.errors import DatabaseBusy, ShopError
from shop_gui.bridge import UNEXPECTED
from shop_gui.dialogs.backup_dialog import BackupDialog
from shop_gui.dialogs.restore_dialog import RestoreDialog
from shop_gui.file_places import documents_folder
from shop_gui.formatting import count_of
from shop_gui.style import STRONG_ERROR_STYLE
from shop_gui.texts import describe, fill, word
from shop_gui.version import version
from shop_gui.views.message_boxes import show_notice

log = logging.getLogger(__name__)

HOUR_MS = 60 * 60 * 1000
RESTORE = "RestoreBackup"  # not a command: no permission names it, so it needs a manager (core.domain.permissions)
RESTORE_TIP = QT_TRANSLATE_NOOP("words", "Put the shop back as a backup holds it; today's shop is kept aside")
BACKUP_FILTER = QT_TRANSLATE_NOOP("words", "Shop Manager backups (shop-backup-*.zip);;All files (*)")
NEEDS_MANAGER = QT_TRANSLATE_NOOP("words", "Restoring a backup needs a manager or an owner signed in.")
RESTORED_BUSY_TIMEOUT_MS = 500  # as the app opens the shop (app.GUI_BUSY_TIMEOUT_MS, OPEN_RETRIES)
OPEN_RETRIES = 20


class BackupActions(QObject):
    """Signals:
    message(str): something to tell the person (status bar).
    backupFinished(object): a backup is over: its BackupMade, or None when it failed.
    restored(object): the window shows a restored shop now (core.backups.Restored).
    """

    message = Signal(str)
    backupFinished = Signal(object)
    restored = Signal(object)
    _done = Signal(object, str)  # from the backup's thread: (BackupMade | None, a failure's sentence)

    def __init__(self, bridge, window, *, check_interval_ms: int = HOUR_MS, clock=None):
        super().__init__(window)
        self._bridge, self._window = bridge, window
        self._clock = clock or (lambda: datetime.now(UTC))
        self._thread: threading.Thread | None = None
        self._done.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self.warning = QLabel(objectName="backupWarning")
        self.warning.setStyleSheet(STRONG_ERROR_STYLE)
        self.warning.hide()
        self.backup_action = QAction(self.tr("&Back up now..."), self, objectName="backupAction")
        self.backup_action.setStatusTip(self.tr("Copy the whole shop into the backup folder"))
        self.backup_action.triggered.connect(self.back_up_now)
        self.restore_action = QAction(self.tr("&Restore from backup..."), self, objectName="restoreAction")
        self.restore_action.setStatusTip(word(RESTORE_TIP))
        self.restore_action.triggered.connect(self.restore_from_backup)
        bridge.signedInChanged.connect(lambda _person: self._update_restore_action())
        # Once an hour: a backup a day while the window stays open, and the
        # warning kept true (a USB stick pulled out).
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        self.refresh_warning()

    # -- where the shop is ---------------------------------------------------------------------
    @property
    def data_dir(self) -> Path:
        return self._bridge.shop.data_dir

    def _shop_id(self) -> str:
        try:
            return database_shop_id(self._bridge.shop.database_file)
        except ShopError:
            return ""

    def _update_restore_action(self) -> None:
        """Replacing the whole shop is a manager's or owner's decision (in a
        shop with staff); File > Restore waits for one to sign in."""
        person = self._bridge.signed_in
        allowed = person is None or may(person.role, RESTORE)
        self.restore_action.setEnabled(allowed)
        tip = word(RESTORE_TIP if allowed else NEEDS_MANAGER)
        self.restore_action.setStatusTip(tip)
        self.restore_action.setToolTip(tip)

    def add_to(self, menu) -> None:
        menu.addActions([self.backup_action, self.restore_action])

    def is_backing_up(self) -> bool:
        return self._thread is not None

    # -- the warning, and the daily backup ------------------------------------------------------
    def refresh_warning(self) -> str | None:
        text = backup_warning(load_settings(self.data_dir), self._shop_id(), self._clock())
        shown = describe(text) if text is not None else ""
        self.warning.setText(shown)
        self.warning.setToolTip(shown)
        self.warning.setVisible(text is not None)
        return text

    def check(self) -> None:
        """The hourly look: back up if a day has passed since the newest backup."""
        settings = load_settings(self.data_dir)
        if not self.is_backing_up() and backup_due(settings, self._shop_id(), self._clock()):
            self.start(Path(settings.folder))
        else:
            self.refresh_warning()

    # -- backing up ------------------------------------------------------------------------------
    def back_up_now(self) -> BackupDialog | None:
        if self.is_backing_up():
            self.message.emit(self.tr("A backup is being made already."))
            return None
        dialog = BackupDialog(load_settings(self.data_dir), self._shop_id(), self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._chosen(dialog.chosen))
        dialog.open()
        return dialog

    def _chosen(self, settings) -> None:
        try:
            save_settings(self.data_dir, settings)
        except ShopError as exc:
            self.tell(describe(exc))
            return
        self.start(Path(settings.folder))

    def start(self, folder: Path) -> None:
        """Back up into ``folder`` in a thread of its own; backupFinished says when it is over."""
        if self.is_backing_up():
            return
        db_file = self._bridge.shop.database_file
        self.message.emit(fill(self.tr("Backing up into %1..."), folder))
        self._thread = threading.Thread(target=self._run, args=(db_file, folder), name="backup", daemon=True)
        self._thread.start()

    def _run(self, db_file: Path, folder: Path) -> None:
        try:
            self._done.emit(make_backup(db_file, folder, clock=self._clock, app_version=version()), "")
        except ShopError as exc:
            self._done.emit(None, describe(exc))  # translate() is thread-safe
        except Exception:  # a bug: logged, and said in words
            log.exception("Backing up into %s failed unexpectedly", folder)
            self._done.emit(None, word(UNEXPECTED))

    def _finished(self, made, problem: str) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self.refresh_warning()
        if made is None:
            self.tell(fill(self.tr("The backup was not made. %1"), problem))
        else:
            m = made.manifest
            self.message.emit(
                fill(
                    self.tr("Backed up %1 and %2 to %3."),
                    count_of(m.orders, "order"),
                    count_of(m.products, "product"),
                    made.path.name,
                )
            )
        self.backupFinished.emit(made)

    def shutdown(self) -> None:
        """The window closes: a backup being made finishes first (the shop closes after it)."""
        self._timer.stop()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    # -- restoring -------------------------------------------------------------------------------
    def choose_backup_file(self) -> str | None:  # a test replaces it
        start = load_settings(self.data_dir).folder or documents_folder()
        path, _filter = QFileDialog.getOpenFileName(
            self._window, self.tr("Restore from backup"), start, word(BACKUP_FILTER)
        )
        return path or None

    def restore_from_backup(self) -> RestoreDialog | None:
        path = self.choose_backup_file()
        return self.restore_from(path) if path else None

    def restore_from(self, path) -> RestoreDialog | None:
        """Show what the backup at ``path`` holds beside today's shop and ask;
        a file that is no backup is refused with a sentence."""
        path = Path(path)
        try:
            manifest = read_manifest(path)
            today = database_contents(self._bridge.shop.database_file)
        except ShopError as exc:
            self.tell(describe(exc))
            return None
        dialog = RestoreDialog(path.name, manifest, today, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.restore(path))
        dialog.open()
        return dialog

    def restore(self, path: Path) -> None:
        """Close the shop, restore ``path`` into its folder, open it again. A
        refusal (a damaged file...) leaves today's shop as it was, reopened."""
        person = self._bridge.signed_in
        if person is not None and not may(person.role, RESTORE):
            self.tell(word(NEEDS_MANAGER))
            return
        if self.is_backing_up():
            self.tell(self.tr("A backup is being made: restore once it is over."))
            return
        data_dir, old = self.data_dir, self._bridge.shop
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        restored, problem = None, None
        try:
            old.close()
            try:
                restored = restore_backup(path, data_dir, clock=self._clock)
            except ShopError as exc:
                problem = describe(exc)
            shop = self._open_again(data_dir, old.till)
            self._bridge.replace_shop(shop)
        finally:
            QApplication.restoreOverrideCursor()
        self.refresh_warning()
        if problem is not None:
            self.tell(problem)
            return
        m = restored.manifest
        self.message.emit(
            fill(
                self.tr("Restored the backup of %1 (%2); today's shop is kept aside."),
                m.made_at[:10],
                count_of(m.orders, "order"),
            )
        )
        self.restored.emit(restored)

    @staticmethod
    def _open_again(data_dir: Path, till: str):
        """The shop in ``data_dir`` (restored, or today's after a refusal),
        waiting a few seconds for another till that holds the database, as
        the app does at start-up."""
        for attempt in range(OPEN_RETRIES + 1):
            try:
                return open_shop(data_dir, till=till, busy_timeout_ms=RESTORED_BUSY_TIMEOUT_MS)
            except DatabaseBusy:
                if attempt == OPEN_RETRIES:
                    raise
                time.sleep(0.25)
        raise AssertionError("unreachable")

    def tell(self, text: str) -> None:
        self.message.emit(text)
        show_notice(self._window, self.tr("Backups"), text, "backupNotice", QMessageBox.Icon.Warning)
