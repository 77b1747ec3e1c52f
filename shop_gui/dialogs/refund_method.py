"""The "Refund by" choice of a return or a cancellation: as the order was
paid (the core's default: card and other first, cash last), or all of it one
way (cash, card, other)."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from core.commands import CARD, CASH, OTHER

AS_PAID = "As paid"
REFUND_CHOICES = ((AS_PAID, None), ("Cash", CASH), ("Card", CARD), ("Other", OTHER))
AS_PAID_TIP = (
    "As paid: back the way the order was paid (card and other payments first, cash last); "
    "or all of it in cash, to the card or another way"
)


def refund_method_combo(name: str) -> QComboBox:
    """A combo box of the refund methods, "As paid" chosen; ``currentData()``
    is the ``refund_method`` of ReturnItems / CancelOrder (None: as paid)."""
    combo = QComboBox(objectName=name)
    for text, method in REFUND_CHOICES:
        combo.addItem(text, method)
    combo.setCurrentIndex(0)
    combo.setToolTip(AS_PAID_TIP)
    combo.setAccessibleName(QCoreApplication.translate("refund_method", "Refund by"))
    return combo
