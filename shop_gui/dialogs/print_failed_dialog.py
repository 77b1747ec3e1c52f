"""A print job that failed: why, and "Print again". Not modal: the counter
goes on serving while the printer is seen to; a later failure replaces the
sentence and the job to resend."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout

from shop_gui.dialogs.dialog_base import ShopDialog


class PrintFailedDialog(ShopDialog):
    retry = Signal(object)  # the job to send again

    def __init__(self, parent=None):
        super().__init__(parent, objectName="printFailedDialog")
        self.setWindowTitle(self.tr("Not printed"))
        self.job = None
        self.problem = QLabel(objectName="printProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setMinimumWidth(360)
        buttons = QDialogButtonBox()
        self.again_button = buttons.addButton(self.tr("Print &again"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.again_button.setObjectName("printAgainButton")
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("closeButton")
        buttons.accepted.connect(self._again)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def show_failure(self, job, text: str) -> None:
        self.job = job
        self.problem.setText(text)
        self.again_button.setDefault(True)
        self.show()

    def _again(self) -> None:
        job, self.job = self.job, None
        self.accept()
        if job is not None:
            self.retry.emit(job)
