"""The "Refund by" choice of a return or a cancellation: as the order was
paid (the core's default: card and other first, cash last), or all of it one
way (cash, card, other)."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox

from core.commands import CARD, CASH, OTHER
from shop_gui.texts import word

AS_PAID = QT_TRANSLATE_NOOP("words", "As paid")
REFUND_CHOICES = (
    (AS_PAID, None),
    (QT_TRANSLATE_NOOP("words", "Cash"), CASH),
    (QT_TRANSLATE_NOOP("words", "Card"), CARD),
    (QT_TRANSLATE_NOOP("words", "Other"), OTHER),
)
AS_PAID_TIP = QT_TRANSLATE_NOOP(
    "words",
    "As paid: back the way the order was paid (card and other payments first, cash last); "
    "or all of it in cash, to the card or another way",
)


def refund_method_combo(name: str) -> QComboBox:
    """A combo box of the refund methods, "As paid" chosen; ``currentData()``
    is the ``refund_method`` of ReturnItems / CancelOrder (None: as paid)."""
    combo = QComboBox(objectName=name)
    for text, method in REFUND_CHOICES:
        combo.addItem(word(text), method)
    combo.setCurrentIndex(0)
    combo.setToolTip(word(AS_PAID_TIP))
    combo.setAccessibleName(QCoreApplication.translate("refund_method", "Refund by"))
    return combo
