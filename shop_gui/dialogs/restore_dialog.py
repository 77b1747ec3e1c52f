"""File > Restore from backup...: what the backup holds beside today's shop,
and the question. Nothing changes unless the person chooses Restore."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QGridLayout, QLabel, QVBoxLayout

from shop_gui.dialogs.dialog_base import ShopDialog
from shop_gui.formatting import local_time
from shop_gui.style import bold

ROWS = (
    ("made", "Made"),
    ("orders", "Orders"),
    ("last_order", "Last order"),
    ("products", "Products"),
    ("customers", "Customers"),
    ("events", "Changes recorded"),
)


def _last_order(contents) -> str:
    if contents.last_order_id is None:
        return "none"
    return f"No. {contents.last_order_id}, {local_time(contents.last_order_at)}"


def describe(contents, made: str | None) -> dict[str, str]:
    """The column a backup's manifest or today's shop (core.backups.Contents) shows."""
    return {
        "made": local_time(made) if made else "now",
        "orders": f"{contents.orders:,}",
        "last_order": _last_order(contents),
        "products": f"{contents.products:,}",
        "customers": f"{contents.customers:,}",
        "events": f"{contents.last_position:,}",
    }


class RestoreDialog(ShopDialog):
    """``manifest``: the backup's; ``today``: today's shop's contents (None:
    there is no shop yet). Accepted: restore it."""

    def __init__(self, file_name: str, manifest, today, parent=None):
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle("Restore from backup")
        question = QLabel(
            f"Put the shop back as it was in the backup “{file_name}”? Today's shop is kept in a folder "
            "beside it (before-restore-...), never deleted. Close the shop at every other till first."
        )
        question.setWordWrap(True)
        grid = QGridLayout()
        for column, title in ((1, "In the backup"), (2, "Today's shop")):
            header = QLabel(title)
            bold(header)
            grid.addWidget(header, 0, column)
        backup = describe(manifest, manifest.made_at)
        now = describe(today, None) if today is not None else dict.fromkeys(backup, "—")
        self.cells: dict[tuple[str, str], QLabel] = {}
        for row, (key, label) in enumerate(ROWS, start=1):
            grid.addWidget(QLabel(label), row, 0)
            for column, side, values in ((1, "backup", backup), (2, "today", now)):
                cell = QLabel(values[key], objectName=f"{side}_{key}")
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(cell, row, column)
                self.cells[(side, key)] = cell
        buttons = QDialogButtonBox()
        restore = buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        restore.setObjectName("restoreButton")
        keep = buttons.addButton("&Keep today's shop", QDialogButtonBox.ButtonRole.RejectRole)
        keep.setObjectName("keepButton")
        keep.setDefault(True)  # the question is about replacing today's shop: Enter keeps it
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addLayout(grid)
        layout.addWidget(buttons)
