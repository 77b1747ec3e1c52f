"""File > Restore from backup...: what the backup holds beside today's shop,
and the question. Nothing changes unless the person chooses Restore."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QDialogButtonBox, QGridLayout, QLabel, QVBoxLayout

from shop_gui.dialogs.dialog_base import ShopDialog
from shop_gui.formatting import local_time
from shop_gui.style import bold
from shop_gui.texts import fill, word

ROWS = (
    ("made", QT_TRANSLATE_NOOP("words", "Made")),
    ("orders", QT_TRANSLATE_NOOP("words", "Orders")),
    ("last_order", QT_TRANSLATE_NOOP("words", "Last order")),
    ("products", QT_TRANSLATE_NOOP("words", "Products")),
    ("customers", QT_TRANSLATE_NOOP("words", "Customers")),
    ("events", QT_TRANSLATE_NOOP("words", "Changes recorded")),
)


def _last_order(contents) -> str:
    if contents.last_order_id is None:
        return QCoreApplication.translate("restore_dialog", "none")
    return fill(
        QCoreApplication.translate("restore_dialog", "No. %1, %2"),
        contents.last_order_id,
        local_time(contents.last_order_at),
    )


def describe(contents, made: str | None) -> dict[str, str]:
    """The column a backup's manifest or today's shop (core.backups.Contents) shows."""
    return {
        "made": local_time(made) if made else QCoreApplication.translate("restore_dialog", "now"),
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
        self.setWindowTitle(self.tr("Restore from backup"))
        question = QLabel(
            fill(
                self.tr(
                    "Put the shop back as it was in the backup “%1”? Today's shop is kept in a folder "
                    "beside it (before-restore-...), never deleted. Close the shop at every other till first."
                ),
                file_name,
            )
        )
        question.setWordWrap(True)
        grid = QGridLayout()
        for column, title in ((1, self.tr("In the backup")), (2, self.tr("Today's shop"))):
            header = QLabel(title)
            bold(header)
            grid.addWidget(header, 0, column)
        backup = describe(manifest, manifest.made_at)
        now = describe(today, None) if today is not None else dict.fromkeys(backup, "—")
        self.cells: dict[tuple[str, str], QLabel] = {}
        for row, (key, label) in enumerate(ROWS, start=1):
            grid.addWidget(QLabel(word(label)), row, 0)
            for column, side, values in ((1, "backup", backup), (2, "today", now)):
                cell = QLabel(values[key], objectName=f"{side}_{key}")
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(cell, row, column)
                self.cells[(side, key)] = cell
        buttons = QDialogButtonBox()
        restore = buttons.addButton(self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        restore.setObjectName("restoreButton")
        keep = buttons.addButton(self.tr("&Keep today's shop"), QDialogButtonBox.ButtonRole.RejectRole)
        keep.setObjectName("keepButton")
        keep.setDefault(True)  # the question is about replacing today's shop: Enter keeps it
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addLayout(grid)
        layout.addWidget(buttons)
