"""An order's receipt: a preview, "Save as PDF..." (80 mm roll or A4) and
"Print..." (``DocumentDialog``). The order is already stored: whatever happens
here changes nothing."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

from core.queries import GetOrder, GetReceipt, GetShopSettings
from shop_gui.dialogs.document_dialog import DocumentDialog, no_printer
from shop_gui.language import speaking
from shop_gui.receipt_document import receipt_document
from shop_gui.texts import fill

NO_PRINTER = no_printer("receipt")


class ReceiptDialog(DocumentDialog):
    """The receipt of order ``order_id``, kept current while it is open (a
    payment or a return taken meanwhile shows on it)."""

    noun = "receipt"
    print_failed = QT_TRANSLATE_NOOP("words", "The receipt could not be printed; the order is stored all the same.")

    def __init__(self, bridge, order_id: int, parent=None):
        self.order_id = order_id
        self.receipt = None
        super().__init__(
            bridge, fill(self.tr("Receipt for order %1"), order_id), "receiptDialog", "receiptView", parent
        )
        self.reload()

    def make_document(self):
        self.receipt = self._bridge.ask(GetReceipt(self.order_id))
        order = self._bridge.ask(GetOrder(self.order_id))
        with speaking(self._bridge.ask(GetShopSettings()).language):  # the shop's language, not the window's
            return receipt_document(self.receipt, self, order=order)

    def file_stem(self) -> str:
        return f"receipt-{self.order_id}"

    def pdf_title(self) -> str:
        return fill(self.tr("Receipt for order %1"), self.order_id)

    def wants_reload(self, changes) -> bool:
        return super().wants_reload(changes) or self.order_id in changes.orders
