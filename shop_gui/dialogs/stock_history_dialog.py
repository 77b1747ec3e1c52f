"""Every stock movement of one product; kept current while it is open."""

from html import escape

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout

from core.errors import UnknownProduct
from core.queries import GetProduct, GetStockHistory, ProductView
from shop_gui.bridge import ReadModelSubscription
from shop_gui.dialogs.command_dialog import close_buttons
from shop_gui.dialogs.dialog_base import ShopDialog
from shop_gui.dialogs.journal_dialog import JournalDialog
from shop_gui.formatting import count_of
from shop_gui.models.stock_history_model import StockHistoryModel
from shop_gui.texts import fill
from shop_gui.views.tables import read_only_table, set_widths


class StockHistoryDialog(ShopDialog):
    """Not modal: the counter stays usable while it is open."""

    def __init__(self, bridge, product: ProductView, parent=None):
        super().__init__(parent, objectName="stockHistoryDialog")
        self._bridge = bridge
        self.product = product
        self.setWindowTitle(fill(self.tr("Stock history: %1"), product.name))
        self.heading = QLabel(objectName="stockHistoryHeading")
        self.model = StockHistoryModel(self)
        self.table = read_only_table("stockHistoryTable", self.model)
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("Stock movements"))
        set_widths(
            self.table,
            {
                StockHistoryModel.TIME: 140,
                StockHistoryModel.KIND: 90,
                StockHistoryModel.QUANTITY: 76,
                StockHistoryModel.STOCK_AFTER: 84,
                StockHistoryModel.ORDER: 60,
                StockHistoryModel.BY: 110,
            },
            stretch=StockHistoryModel.DETAILS,
        )
        buttons = close_buttons(self.close)
        # Its other history (edits of its details and price, undone or not) is in the journal.
        self.journal_button = buttons.addButton(self.tr("&Journal..."), QDialogButtonBox.ButtonRole.ActionRole)
        self.journal_button.setObjectName("productJournalButton")
        self.journal_button.setToolTip(self.tr("Every change to this product: its details, price and stock"))
        self.journal_button.clicked.connect(self.open_journal)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(870, 420)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._following = ReadModelSubscription(bridge, self._read_model_changed)
        self.reload()

    def reload(self) -> None:
        try:
            self.product = self._bridge.ask(GetProduct(self.product.id))
            moves = self._bridge.ask(GetStockHistory(self.product.id))
        except UnknownProduct:
            self.heading.setText(fill(self.tr("%1 has been deleted."), self.product.name))
            self.model.show_movements(())
            return
        self.model.show_movements(moves)
        count = len(moves)
        self.heading.setText(
            fill(
                self.tr("<b>%1</b> (%2): %3 in stock, %4"),
                escape(self.product.name),
                escape(self.product.sku),
                QLocale().toString(self.product.stock),
                count_of(count, "movement"),
            )
        )
        self.table.scrollToBottom()

    def open_journal(self) -> JournalDialog:
        dialog = JournalDialog(self._bridge, self, product_id=self.product.id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _read_model_changed(self, changes) -> None:
        if changes.rebuilt or changes.staff or self.product.id in changes.products:  # staff: "By" names
            self.reload()

    def done(self, result: int) -> None:
        self._following.end()
        super().done(result)
