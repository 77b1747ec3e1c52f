"""File > Back up now...: where backups go (a USB stick, a share), how old
the newest may get before the status bar warns, and the backup itself."""

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from core.backups import BackupSettings, checked, newest_backup
from core.backups.settings import MAX_WARN_AFTER_DAYS
from core.errors import ShopError
from shop_gui.dialogs.dialog_base import ShopDialog
from shop_gui.formatting import count_of, local_time
from shop_gui.style import ERROR_STYLE
from shop_gui.texts import describe, fill
from shop_gui.views.number_field import WholeNumberSpinBox


class BackupDialog(ShopDialog):
    """OK ("Back up now") keeps the settings in ``chosen`` and closes; the
    caller makes the backup (in the background)."""

    fits_messages = True

    def __init__(self, settings: BackupSettings, shop_id: str, parent=None):
        super().__init__(parent)
        self.setObjectName("backupDialog")
        self.setWindowTitle(self.tr("Back up now"))
        self.chosen: BackupSettings | None = None
        self._shop_id = shop_id
        self.folder = QLineEdit(settings.folder or "", objectName="backupFolder")
        self.folder.setPlaceholderText(self.tr("A USB stick or a network share, not this computer's disk"))
        self.folder.textChanged.connect(self._show_newest)
        choose = QPushButton(self.tr("C&hoose..."), objectName="chooseBackupFolder")
        choose.clicked.connect(self._choose)
        self.warn_after = WholeNumberSpinBox(name="warnAfterDays")
        self.warn_after.setRange(1, MAX_WARN_AFTER_DAYS)
        self.warn_after.setValue(settings.warn_after_days)
        self.newest = QLabel(objectName="newestBackup")
        self.newest.setWordWrap(True)
        self.problem = QLabel(objectName="backupProblem")
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()

        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        form = QFormLayout()
        folder_label = QLabel(self.tr("&Folder:"))
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        warn_label = QLabel(self.tr("&Warn when older than:"))
        warn_label.setBuddy(self.warn_after)
        warn_row = QHBoxLayout()
        warn_row.addWidget(self.warn_after)
        warn_row.addWidget(QLabel(self.tr("days")), 1)
        form.addRow(warn_label, warn_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.addButton(self.tr("&Back up now"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("backUpButton")
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.newest)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._show_newest()

    def choose_folder(self, start: str) -> str | None:  # a test replaces it
        return QFileDialog.getExistingDirectory(self, self.tr("Back up into"), start) or None

    def _choose(self) -> None:
        chosen = self.choose_folder(self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _show_newest(self) -> None:
        text = self.folder.text().strip()
        newest = newest_backup(text, self._shop_id) if text else None
        if newest is None:
            self.newest.setText(self.tr("No backup of this shop in that folder yet."))
        else:
            when = local_time(newest.isoformat())
            days = (datetime.now(UTC) - newest).days
            if days:
                self.newest.setText(fill(self.tr("Newest backup there: %1 (%2 ago)."), when, count_of(days, "day")))
            else:
                self.newest.setText(fill(self.tr("Newest backup there: %1."), when))

    def accept(self) -> None:
        folder = self.folder.text().strip()
        problem = self.warn_after.problem()
        if problem is None and not folder:
            problem = self.tr("Choose the folder the backups go into.")
        elif problem is None and not Path(folder).is_dir():
            problem = fill(self.tr("There is no folder %1: is the USB stick or network share connected?"), folder)
        if problem is None:
            try:
                self.chosen = checked(folder, self.warn_after.value())
            except ShopError as exc:
                problem = describe(exc)
        if problem is not None:
            self.problem.setText(problem)
            self.problem.show()
            return
        super().accept()
