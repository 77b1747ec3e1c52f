"""Who the order is for: "Walk-in" or a customer found by typing part of a
name, phone number or e-mail address."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter

from shop_gui.formatting import walk_in
from shop_gui.models.customer_directory import CustomerDirectory
from shop_gui.models.customer_list_model import CustomerListModel
from shop_gui.texts import word

TOOLTIP = QT_TRANSLATE_NOOP("words", "Who the order is for: type part of a name, phone number or e-mail")


def refill_keeping_choice(combo: QComboBox, refill) -> bool:
    """Let ``refill()`` give ``combo`` its items again (a model reset) and
    choose the item chosen before (by its data), or the first one if it is
    gone, without signals. True when the choice changed: the caller then
    says so."""
    chosen = combo.currentData()
    blocker = combo.blockSignals(True)
    refill()
    row = combo.findData(chosen) if chosen is not None else 0
    combo.setCurrentIndex(max(row, 0))
    combo.blockSignals(blocker)
    return combo.currentData() != chosen


def customer_label(customer) -> str:
    contact = customer.phone or customer.email
    return f"{customer.name} ({contact})" if contact else customer.name


def _customer_tooltip(customer) -> str | None:
    return customer.note or customer.email or None


class CustomerPicker(QComboBox):
    """An editable list: "Walk-in" first, then every customer by name.
    Typing shows the customers whose name, phone or e-mail contains it;
    text that names no one is put back to the chosen customer. The
    customers come from ``customers`` (a CustomerDirectory shared with the
    rest of the window; its own one when None), and follow it.

    Signals:
        customerChanged(object): the chosen customer's number (None: walk-in).
    """

    customerChanged = Signal(object)

    def __init__(self, bridge, parent=None, *, customers: CustomerDirectory | None = None):
        super().__init__(parent, objectName="customerPicker")
        self._bridge = bridge
        self.customers = customers if customers is not None else CustomerDirectory(bridge, self)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        # As wide as the layout gives it, never as wide as its longest customer:
        # a 127-character name made every later start open 1,413 px wide.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)
        self.setAccessibleName(self.tr("Customer"))
        self.setToolTip(word(TOOLTIP))
        self.lineEdit().setPlaceholderText(walk_in())
        self.list_model = CustomerListModel(self.customers, walk_in(), customer_label, _customer_tooltip, self)
        self.setModel(self.list_model)
        completer = QCompleter(self.list_model, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self._unmatched = ""
        self.lineEdit().editingFinished.connect(self._typing_finished)
        self.currentIndexChanged.connect(lambda _row: self.customerChanged.emit(self.customer_id()))
        self.currentIndexChanged.connect(self._show_whole_name)
        self.customers.changed.connect(self.reload)
        self.reload()

    def customer_id(self) -> int | None:
        return self.currentData()

    def reload(self) -> None:
        """Fill the list from the shared customers, keeping the chosen customer."""

        if refill_keeping_choice(self, self.list_model.refresh):
            self.customerChanged.emit(self.customer_id())  # they were deleted meanwhile

    def set_customer(self, customer_id: int | None) -> bool:
        row = 0 if customer_id is None else self.findData(customer_id)
        if row < 0:
            return False
        self.setCurrentIndex(row)
        self.setEditText(self.itemText(row))
        return True

    def _show_whole_name(self, row: int) -> None:
        """A long name is cut off in the box: the tooltip has all of it."""
        self.setToolTip(self.itemText(row) if row > 0 else word(TOOLTIP))

    def typed_text(self) -> str:
        """What was last typed that names no one in the list ("" otherwise):
        the name to start a new customer with."""
        text = self.currentText().strip()
        if self.findText(text, Qt.MatchFlag.MatchFixedString) < 0:
            return text
        return self._unmatched

    def _typing_finished(self) -> None:
        text = self.currentText().strip()
        self._unmatched = ""
        row = self.findText(text, Qt.MatchFlag.MatchFixedString) if text else 0
        if row < 0:  # one customer whose label contains it: that one
            matches = [r for r in range(1, self.count()) if text.casefold() in self.itemText(r).casefold()]
            row = matches[0] if len(matches) == 1 else -1
        if row >= 0:
            self.setCurrentIndex(row)
        else:
            self._unmatched = text
        self.setEditText(self.itemText(self.currentIndex()))
