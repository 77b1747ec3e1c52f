"""The orders parked at this till, to recall one (F9 at the counter)."""

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout

from shop_gui.dialogs.dialog_base import ShopDialog
from shop_gui.formatting import local_time, money
from shop_gui.models.table import RowsTableModel
from shop_gui.parked_orders import ParkedOrder
from shop_gui.views.tables import read_only_table, select_row, set_widths


class ParkedOrdersModel(RowsTableModel):
    TIME, ITEMS, TOTAL, LINES = range(4)
    HEADERS = ("Parked", "Items", "Total then", "Products")
    RIGHT = frozenset({ITEMS, TOTAL})

    def __init__(self, orders, parent=None):
        super().__init__(parent)
        self._set_rows(orders)

    def display(self, order: ParkedOrder, column: int) -> str:
        if column == self.TIME:
            return local_time(order.parked_at)
        if column == self.ITEMS:
            return f"{order.items:,}"
        if column == self.TOTAL:
            return money(order.total_cents)
        return order.summary()

    def tooltip(self, order: ParkedOrder, column: int):
        if column == self.LINES:
            return "\n".join(f"{line.quantity} × {line.name}" for line in order.lines)
        return None


class RecallDialog(ShopDialog):
    """``chosen`` is the parked order to recall once accepted."""

    def __init__(self, orders: list[ParkedOrder], parent=None):
        super().__init__(parent, objectName="recallDialog")
        self.setWindowTitle(self.tr("Recall a parked order"))
        self.chosen: ParkedOrder | None = None
        self.model = ParkedOrdersModel(orders, self)
        self.table = read_only_table("parkedOrdersTable", self.model)
        set_widths(
            self.table,
            {ParkedOrdersModel.TIME: 130, ParkedOrdersModel.ITEMS: 50, ParkedOrdersModel.TOTAL: 90},
            stretch=ParkedOrdersModel.LINES,
        )
        self.table.on_enter = lambda _index: self._recall()
        self.table.doubleClicked.connect(lambda _index: self._recall())
        note = QLabel(self.tr("Prices are those of now: the order is priced again when it is recalled."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.recall_button = buttons.addButton(self.tr("&Recall"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.recall_button.setObjectName("recallButton")
        self.recall_button.setDefault(True)
        buttons.accepted.connect(self._recall)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(560, 300)
        select_row(self.table, self.model.rowCount() - 1)  # the last parked: most often the one wanted
        self.table.setFocus()

    def _recall(self) -> None:
        self.chosen = self.model.row_value(self.table.currentIndex().row())
        if self.chosen is not None:
            self.accept()
