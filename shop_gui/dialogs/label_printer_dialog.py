"""Till > Label printer: a label printer on the network (host and port),
the language it speaks (ZPL, or ESC/POS with a cut after each label) and
its labels' size. Saved on OK in this computer's settings."""

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox, QVBoxLayout

from core.hardware.label_jobs import ESCPOS, ZPL
from core.hardware.printer_link import NETWORK, PrinterConnection
from shop_gui import receipt_printer_settings
from shop_gui.dialogs.dialog_base import ShopDialog
from shop_gui.receipt_printer_settings import LabelPrinterSettings
from shop_gui.texts import word

LANGUAGE_NAMES = {
    ZPL: QT_TRANSLATE_NOOP("words", "ZPL (Zebra and compatible)"),
    ESCPOS: QT_TRANSLATE_NOOP("words", "ESC/POS (a cut after each label)"),
}


class LabelPrinterDialog(ShopDialog):
    def __init__(self, settings: LabelPrinterSettings, parent=None):
        super().__init__(parent, objectName="labelPrinterDialog")
        self.setWindowTitle(self.tr("Label printer"))
        self.host_edit = QLineEdit(settings.connection.host, objectName="labelPrinterHost")
        self.host_edit.setPlaceholderText(self.tr("Empty: no label printer"))
        self.port_spin = QSpinBox(objectName="labelPrinterPort", minimum=1, maximum=65535)
        self.port_spin.setValue(settings.connection.port)
        self.language_combo = QComboBox(objectName="labelLanguage")
        for key, text in LANGUAGE_NAMES.items():
            self.language_combo.addItem(word(text), key)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(settings.language), 0))
        self.width_spin = QSpinBox(objectName="labelWidth", minimum=10, maximum=200, suffix=self.tr(" mm"))
        self.width_spin.setValue(settings.width_mm)
        self.height_spin = QSpinBox(objectName="labelHeight", minimum=10, maximum=300, suffix=self.tr(" mm"))
        self.height_spin.setValue(settings.height_mm)
        form = QFormLayout()
        form.addRow(self.tr("&Host"), self.host_edit)
        form.addRow(self.tr("P&ort"), self.port_spin)
        form.addRow(self.tr("&Language"), self.language_combo)
        form.addRow(self.tr("Label &width"), self.width_spin)
        form.addRow(self.tr("Label h&eight"), self.height_spin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("okButton")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("cancelButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def settings(self) -> LabelPrinterSettings:
        host = self.host_edit.text().strip()
        return LabelPrinterSettings(
            PrinterConnection(NETWORK if host else "", host, self.port_spin.value()),
            self.language_combo.currentData(),
            self.width_spin.value(),
            self.height_spin.value(),
        )

    def accept(self) -> None:
        receipt_printer_settings.save_label_printer(self.settings())
        super().accept()
