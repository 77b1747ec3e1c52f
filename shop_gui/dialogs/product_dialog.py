"""Add a product, or edit one: every field checked as it is typed.

Each field has its own message line under it ("Price must be an amount like
2.49", "SKU is already used by Blue Enamel Mug"); OK stays disabled while any
field is wrong. Money is parsed exactly (``formatting.parse_amount``, on ``core.domain.money.parse_money``). The core
checks everything again: if it still refuses (another till took the SKU a
moment ago), its sentence is shown here and the dialog stays open as typed.
"""

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit

from core.commands import AddProduct, UpdateProduct
from core.domain.money import MAX_PRICE_CENTS
from core.domain.validation import MAX_CODE_LENGTH, MAX_NAME_LENGTH, MAX_QUANTITY
from core.queries import FindProductByCode, GetCategories, ProductView
from shop_gui.dialogs.command_dialog import CommandDialog, field_message, show_message, with_message
from shop_gui.formatting import category_paths, currency_symbol, money, parse_amount, percent, plain_amount
from shop_gui.style import HINT_STYLE
from shop_gui.texts import describe, fill, word
from shop_gui.views.number_field import WholeNumberSpinBox

_PERCENT = re.compile(r"(\d{1,3})(?:\.(\d{1,2}))?")
INHERIT = "inherit"
_LABELS = {  # in "Still needed: ..."
    "sku": QT_TRANSLATE_NOOP("words", "SKU"),
    "name": QT_TRANSLATE_NOOP("words", "name"),
    "category": QT_TRANSLATE_NOOP("words", "category"),
    "price": QT_TRANSLATE_NOOP("words", "price"),
}


class FieldError(ValueError):
    """What is wrong with one field, as the message under it says it."""


def parse_price(text: str, label: str) -> int:
    try:
        cents = parse_amount(text)
    except ValueError:
        raise FieldError(f"{label} must be an amount like 2.49.") from None
    if cents < 0:
        raise FieldError(f"{label} cannot be negative.")
    if cents > MAX_PRICE_CENTS:
        raise FieldError(f"{label} cannot be more than {money(MAX_PRICE_CENTS)}.")
    return cents


def parse_tax_rate(text: str) -> int | None:
    """``"20"`` -> 2000 basis points, ``"17.5%"`` -> 1750; blank or "inherit" -> None."""
    text = text.strip().removesuffix("%").strip()
    if not text or text.casefold() == INHERIT:
        return None
    match = _PERCENT.fullmatch(text)
    if match is None:
        raise FieldError("Tax rate must be a percentage like 20 or 17.5, or blank to inherit.")
    basis_points = int(match[1]) * 100 + int((match[2] or "").ljust(2, "0"))
    if basis_points > 100_00:
        raise FieldError("Tax rate cannot be more than 100%.")
    return basis_points


def check_code(text: str, label: str) -> str:
    if not text.strip():
        raise FieldError(f"{label} is required.")
    if text != text.strip():
        raise FieldError(f"{label} must not start or end with a space.")
    if len(text) > MAX_CODE_LENGTH:
        raise FieldError(f"{label} is too long (at most {MAX_CODE_LENGTH} characters).")
    if any(ch.isspace() and ch != " " for ch in text):
        raise FieldError(f"{label} must be on one line.")
    return text


class ProductDialog(CommandDialog):
    """New product (``product`` None; ``category_id`` preselected) or edit ``product``."""

    REQUIRED = ("sku", "name", "category", "price")

    def __init__(self, bridge, product: ProductView | None = None, category_id: int | None = None, parent=None):
        editing = product is not None
        super().__init__(
            bridge,
            fill(self.tr("Edit %1"), product.name) if editing else self.tr("New product"),
            self.tr("Save") if editing else self.tr("Add product"),
            "productDialog",
            parent,
        )
        self._product = product
        self._touched: set[str] = set()
        self._build()
        self._layout()
        if editing:
            self._fill(product)
        else:
            self.category_combo.setCurrentIndex(self.category_combo.findData(category_id))
        self._connect()
        self.revalidate()

    def _build(self) -> None:
        self.sku_edit = QLineEdit(objectName="skuEdit")
        self.barcode_edit = QLineEdit(objectName="barcodeEdit")
        self.barcode_edit.setPlaceholderText(self.tr("optional"))
        self.name_edit = QLineEdit(objectName="nameEdit")
        self.name_edit.setMaxLength(MAX_NAME_LENGTH)
        self.name_edit.setMinimumWidth(320)
        self.category_combo = QComboBox(objectName="categoryCombo")
        self.category_combo.setPlaceholderText(self.tr("Choose a category"))
        paths = category_paths(self._bridge.ask(GetCategories()))
        for cid, path in sorted(paths.items(), key=lambda item: item[1].casefold()):
            self.category_combo.addItem(path, cid)
        self.price_edit = QLineEdit(objectName="priceEdit")
        self.price_edit.setPlaceholderText(self.tr("e.g. 2.49"))
        self.cost_edit = QLineEdit(objectName="costPriceEdit")
        self.cost_edit.setPlaceholderText(self.tr("optional"))
        self.tax_edit = QLineEdit(objectName="taxRateEdit")
        self.tax_edit.setPlaceholderText(self.tr("inherit"))
        self.tax_edit.setToolTip(self.tr("A percentage such as 20 or 17.5; blank: the category's or the shop's rate"))
        self.reorder_spin = WholeNumberSpinBox(name="reorderLevelSpin")
        self.reorder_spin.setRange(0, MAX_QUANTITY)
        self.reorder_spin.setToolTip(self.tr("The product counts as low stock at this level or below"))
        self.stock_spin = WholeNumberSpinBox(name="openingStockSpin")
        self.stock_spin.setRange(0, MAX_QUANTITY)
        self.active_check = QCheckBox(self.tr("For sale (unticked: archived)"), objectName="activeCheck")
        self.active_check.setChecked(True)
        self.errors = {
            name: field_message(f"{name}Error")
            for name in ("sku", "barcode", "name", "category", "price", "costPrice", "taxRate")
        }
        # What is still missing, in grey: untouched blank fields get no red message.
        self.missing = QLabel(objectName="missingHint")
        self.missing.setStyleSheet(HINT_STYLE)

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&SKU"), with_message(self.sku_edit, self.errors["sku"]))
        form.addRow(self.tr("&Barcode"), with_message(self.barcode_edit, self.errors["barcode"]))
        form.addRow(self.tr("&Name"), with_message(self.name_edit, self.errors["name"]))
        form.addRow(self.tr("&Category"), with_message(self.category_combo, self.errors["category"]))
        symbol = currency_symbol()
        form.addRow(fill(self.tr("&Price (%1)"), symbol), with_message(self.price_edit, self.errors["price"]))
        form.addRow(fill(self.tr("C&ost price (%1)"), symbol), with_message(self.cost_edit, self.errors["costPrice"]))
        form.addRow(self.tr("&Tax rate (%)"), with_message(self.tax_edit, self.errors["taxRate"]))
        form.addRow(self.tr("&Reorder level"), self.reorder_spin)
        if self._product is None:  # a new product only: an existing one's stock is received or adjusted
            form.addRow(self.tr("Opening stoc&k"), self.stock_spin)
        form.addRow("", self.active_check)
        self.body.addLayout(form)
        self.body.addWidget(self.missing)

    def _connect(self) -> None:
        for name, edit in (
            ("sku", self.sku_edit),
            ("barcode", self.barcode_edit),
            ("name", self.name_edit),
            ("price", self.price_edit),
            ("costPrice", self.cost_edit),
            ("taxRate", self.tax_edit),
        ):
            edit.textChanged.connect(lambda _text, name=name: self._edited(name))
        self.category_combo.currentIndexChanged.connect(lambda _i: self._edited("category"))
        for spin in (self.reorder_spin, self.stock_spin):
            spin.valueChanged.connect(self.revalidate)
        self.active_check.toggled.connect(self.revalidate)

    def _fill(self, product: ProductView) -> None:
        self.sku_edit.setText(product.sku)
        self.barcode_edit.setText(product.barcode or "")
        self.name_edit.setText(product.name)
        self.category_combo.setCurrentIndex(self.category_combo.findData(product.category_id))
        self.price_edit.setText(plain_amount(product.price_cents))
        self.cost_edit.setText(plain_amount(product.cost_price_cents))
        self.tax_edit.setText(percent(product.tax_rate_bp))
        self.reorder_spin.setValue(product.reorder_level)
        self.active_check.setChecked(product.active)

    def _edited(self, name: str) -> None:
        self._touched.add(name)
        self.revalidate()

    # -- checking ---------------------------------------------------------------------
    def _values(self) -> tuple[dict, dict[str, str]]:
        """The typed values, parsed, and a message for each field that is wrong."""
        values, problems = {}, {}

        def check(name, parse):
            try:
                values[name] = parse()
            except FieldError as exc:
                problems[name] = describe(exc)

        check("sku", lambda: self._unique(check_code(self.sku_edit.text(), "SKU"), "SKU", "sku"))
        check("barcode", self._barcode)
        check("name", self._name)
        check("category", self._category)
        check("price", lambda: parse_price(self.price_edit.text(), "Price"))
        check(
            "costPrice",
            lambda: None if not self.cost_edit.text().strip() else parse_price(self.cost_edit.text(), "Cost price"),
        )
        check("taxRate", lambda: parse_tax_rate(self.tax_edit.text()))
        return values, problems

    def _unique(self, code: str, label: str, attribute: str) -> str:
        other = self._bridge.ask(FindProductByCode(code))
        if (
            other is not None
            and getattr(other, attribute) == code
            and (self._product is None or other.id != self._product.id)
        ):
            archived = "" if other.active else " (archived)"
            raise FieldError(f"{label} is already used by {other.name}{archived}.")
        return code

    def _barcode(self) -> str | None:
        text = self.barcode_edit.text()
        if not text.strip():
            return None
        return self._unique(check_code(text, "Barcode"), "Barcode", "barcode")

    def _name(self) -> str:
        name = self.name_edit.text().strip()
        if not name:
            raise FieldError("Name is required.")
        return name

    def _category(self) -> int:
        category_id = self.category_combo.currentData()
        if category_id is None:
            raise FieldError("Choose a category.")
        return category_id

    def refresh(self) -> None:
        _, problems = self._values()
        for name, label in self.errors.items():
            blank_and_untouched = (
                name in self.REQUIRED and name not in self._touched and name in problems and self._is_blank(name)
            )
            show_message(label, None if blank_and_untouched else problems.get(name))
        if self.category_combo.count() == 0:
            show_message(self.errors["category"], self.tr("There are no categories yet: add one first."))
        missing = [name for name in self.REQUIRED if name in problems and self._is_blank(name)]
        needed = ", ".join(word(_LABELS[m]) for m in missing)
        self.missing.setText(fill(self.tr("Still needed: %1."), needed) if missing else "")
        self.missing.setVisible(bool(missing))
        super().refresh()

    def _is_blank(self, name: str) -> bool:
        if name == "category":
            return self.category_combo.currentData() is None
        edit = {"sku": self.sku_edit, "name": self.name_edit, "price": self.price_edit}[name]
        return not edit.text().strip()

    def problems(self) -> dict[str, str]:
        """Every field's problem, shown or not yet (for tests and for OK)."""
        return self._values()[1]

    def doubts(self) -> list[str]:
        """A cost above the price is allowed (a loss leader), but mostly a slip."""
        values, _problems = self._values()
        cost, price = values.get("costPrice"), values.get("price")
        if cost is not None and price is not None and cost > price:
            return [f"The cost price, {money(cost)}, is above the price, {money(price)}: sell at a loss?"]
        return []

    def command(self):
        values, problems = self._values()
        if problems:
            return None
        details = dict(
            sku=values["sku"],
            name=values["name"],
            category_id=values["category"],
            price_cents=values["price"],
            barcode=values["barcode"],
            reorder_level=self.reorder_spin.value(),
            cost_price_cents=values["costPrice"],
            tax_rate_bp=values["taxRate"],
            active=self.active_check.isChecked(),
        )
        if self._product is None:
            return AddProduct(stock=self.stock_spin.value(), **details)
        return UpdateProduct(self._product.id, **details)
