"""The row of product buttons above the product table."""

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QToolBar


def product_toolbar(actions) -> QToolBar:
    """A text-only toolbar for ``actions`` (a ProductActions); each button is
    named after its action: ``newProductAction`` -> ``newProductButton``."""
    bar = QToolBar("Products", objectName="productToolbar")
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    bar.setIconSize(QSize(16, 16))
    for action in actions.actions():
        bar.addAction(action)
        if action is actions.new_action or action is actions.history_action:
            bar.addSeparator()
        button = bar.widgetForAction(action)
        button.setObjectName(action.objectName().replace("Action", "Button"))
    return bar
