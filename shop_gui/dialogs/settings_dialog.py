"""File > Shop settings: the shop's name and address for receipts, its
currency, the default tax rate and whether prices include tax."""

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit

from core.commands import UpdateShopSettings
from core.domain.money import parse_percent
from core.queries import GetShopSettings
from shop_gui.dialogs.command_dialog import CommandDialog, field_message, show_message, with_message
from shop_gui.formatting import percent
from shop_gui.language import LANGUAGES
from shop_gui.style import HINT_STYLE


class SettingsDialog(CommandDialog):
    def __init__(self, bridge, parent=None):
        super().__init__(bridge, self.tr("Shop settings"), self.tr("Save"), "settingsDialog", parent)
        self._build(bridge.ask(GetShopSettings()))
        self._layout()
        self._connect()
        self.refresh()

    def _build(self, settings) -> None:
        """The fields, filled in with the shop's ``settings``."""
        self.name_edit = QLineEdit(settings.name, objectName="shopNameEdit")
        self.name_edit.setMinimumWidth(300)
        self.address_edit = QPlainTextEdit(settings.address, objectName="shopAddressEdit")
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setPlaceholderText(self.tr("Street, town, postcode: one per line"))
        self.address_edit.setFixedHeight(self.address_edit.fontMetrics().lineSpacing() * 4 + 14)
        self.code_edit = QLineEdit(settings.currency_code, objectName="currencyCodeEdit")
        self.code_edit.setMaxLength(3)
        self.code_edit.setToolTip(self.tr("The ISO 4217 code: GBP, EUR, USD..."))
        self.symbol_edit = QLineEdit(settings.currency_symbol, objectName="currencySymbolEdit")
        self.symbol_edit.setMaxLength(8)
        self.symbol_edit.setToolTip(self.tr("Shown with every amount: £, €, $, CHF ..."))
        self.tax_edit = QLineEdit(percent(settings.default_tax_rate_bp), objectName="defaultTaxRateEdit")
        self.tax_edit.setToolTip(self.tr("For products and categories without a rate of their own, e.g. 20 or 17.5"))
        self.include_tax_check = QCheckBox(self.tr("Prices include tax"), objectName="pricesIncludeTaxCheck")
        self.include_tax_check.setChecked(settings.prices_include_tax)
        self.include_tax_check.setToolTip(
            self.tr(
                "Ticked: prices as entered contain the tax (shops selling to the public). Unticked: "
                "tax is added at the till."
            )
        )
        self.language_combo = QComboBox(objectName="shopLanguageCombo")
        for code, name in LANGUAGES.items():  # each in its own words
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(settings.language), 0))
        self.language_combo.setToolTip(
            self.tr("Receipts, Z reports and printed reports; the window's own language is in File > Language")
        )
        for edit in (self.code_edit, self.symbol_edit, self.tax_edit):
            edit.setMaximumWidth(90)
        self.errors = {name: field_message(f"{name}Error") for name in ("name", "code", "symbol", "taxRate")}

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Shop &name"), with_message(self.name_edit, self.errors["name"]))
        form.addRow(self.tr("&Address"), self.address_edit)
        form.addRow(self.tr("&Currency code"), with_message(self.code_edit, self.errors["code"]))
        form.addRow(self.tr("Currency &symbol"), with_message(self.symbol_edit, self.errors["symbol"]))
        form.addRow(self.tr("Default &tax rate (%)"), with_message(self.tax_edit, self.errors["taxRate"]))
        form.addRow("", self.include_tax_check)
        form.addRow(self.tr("&Receipts in"), self.language_combo)
        self.body.addLayout(form)
        note = QLabel(self.tr("The name and address are printed at the top of every receipt."))
        note.setWordWrap(True)
        note.setStyleSheet(HINT_STYLE)
        self.body.addWidget(note)

    def _connect(self) -> None:
        self.name_edit.textEdited.connect(self.revalidate)
        self.symbol_edit.textEdited.connect(self.revalidate)
        self.tax_edit.textEdited.connect(self.revalidate)
        self.code_edit.textEdited.connect(self.revalidate)
        self.address_edit.textChanged.connect(self.revalidate)
        self.include_tax_check.toggled.connect(self.revalidate)
        self.language_combo.currentIndexChanged.connect(self.revalidate)

    def tax_rate(self) -> int | None:
        try:
            rate = parse_percent(self.tax_edit.text())
        except ValueError:
            return None
        return rate if rate <= 100_00 else None

    def currency_code(self) -> str | None:
        code = self.code_edit.text().strip().upper()
        return code if len(code) == 3 and code.isascii() and code.isalpha() else None

    def refresh(self) -> None:
        show_message(
            self.errors["code"], None if self.currency_code() else self.tr("Three letters, such as GBP or EUR.")
        )
        show_message(self.errors["name"], None if self.name_edit.text().strip() else self.tr("The shop needs a name."))
        show_message(
            self.errors["symbol"],
            None if self.symbol_edit.text().strip() else self.tr("The currency symbol cannot be empty."),
        )
        show_message(
            self.errors["taxRate"],
            None if self.tax_rate() is not None else self.tr("A percentage from 0 to 100, such as 20 or 17.5."),
        )
        super().refresh()

    def command(self):
        rate = self.tax_rate()
        if (
            rate is None
            or self.currency_code() is None
            or not self.name_edit.text().strip()
            or not self.symbol_edit.text().strip()
        ):
            return None
        return UpdateShopSettings(
            name=self.name_edit.text().strip(),
            address=self.address_edit.toPlainText(),
            currency_code=self.currency_code(),
            currency_symbol=self.symbol_edit.text(),
            default_tax_rate_bp=rate,
            prices_include_tax=self.include_tax_check.isChecked(),
            language=self.language_combo.currentData(),
        )
