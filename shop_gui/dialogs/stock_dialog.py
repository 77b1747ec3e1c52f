"""What the two stock dialogs share: the product, its current stock (kept
current while the dialog is open: another till may sell meanwhile) and the
level it will have."""

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit

from core.errors import UnknownProduct
from core.queries import GetProduct, ProductView
from shop_gui.dialogs.command_dialog import CommandDialog
from shop_gui.style import bold
from shop_gui.views.elided_label import ElidedLabel

MAX_NOTE_LENGTH = 200


class StockDialog(CommandDialog):
    def __init__(self, bridge, product: ProductView, title: str, ok_text: str, object_name: str, parent=None):
        super().__init__(bridge, title, ok_text, object_name, parent)
        self.product = product
        heading = ElidedLabel(f"{product.name}  ({product.sku})", name="stockProductLabel")
        bold(heading)
        self.current_label = QLabel(objectName="currentStockLabel")
        self.result_label = QLabel(objectName="resultingStockLabel")
        bold(self.result_label)
        self.note_edit = QLineEdit(objectName="noteEdit")
        self.note_edit.setMaxLength(MAX_NOTE_LENGTH)
        self.note_edit.setMinimumWidth(280)
        self.form = QFormLayout()
        self.form.addRow(self.tr("In stock now"), self.current_label)
        self.body.addWidget(heading)
        self.body.addLayout(self.form)

    def finish_layout(self) -> None:
        """Called by subclasses once their own rows are in the form."""
        self.form.addRow(self.tr("Stock after"), self.result_label)
        self.note_edit.textChanged.connect(self.revalidate)
        self.revalidate()

    def read_model_changed(self, changes) -> None:
        if changes.rebuilt or self.product.id in changes.products:
            try:
                self.product = self._bridge.ask(GetProduct(self.product.id))
            except UnknownProduct:
                return  # deleted meanwhile: OK will say so
            self.refresh()

    def resulting_stock(self) -> int | None:
        raise NotImplementedError

    def refresh(self) -> None:
        self.current_label.setText(f"{self.product.stock:,}")
        after = self.resulting_stock()
        self.result_label.setText("" if after is None else f"{after:,}")
        super().refresh()
