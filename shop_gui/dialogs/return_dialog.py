"""Take items back from a paid or fulfilled order: how many of each line
(never more than were sold and not yet returned), the reason, a note, and
how the money goes back (as paid, cash, card, other). The refund is the
core's: the dialog's ``result_value`` (a ``ReturnOutcome``)."""

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QGridLayout, QLabel, QLineEdit, QSpinBox

from core.commands import RETURN_REASONS, ReturnItems, ReturnLine
from core.queries import GetOrder
from shop_gui.dialogs.command_dialog import CommandDialog
from shop_gui.dialogs.refund_method import refund_method_combo
from shop_gui.formatting import count_of, money
from shop_gui.style import HINT_STYLE
from shop_gui.texts import fill, reason_name
from shop_gui.views.elided_label import ElidedLabel


class ReturnDialog(CommandDialog):
    def __init__(self, bridge, order_id: int, parent=None):
        super().__init__(
            bridge,
            fill(self.tr("Return items from order %1"), order_id),
            self.tr("Return items"),
            "returnDialog",
            parent,
        )
        self.order_id = order_id
        self.order = bridge.ask(GetOrder(order_id))
        self.spins: dict[int, QSpinBox] = {}
        self.sent: ReturnItems | None = None
        self.returned_labels: dict[int, QLabel] = {}
        self._build()
        self._layout()
        self._connect()
        self.setMinimumWidth(460)
        self.refresh()

    def _build(self) -> None:
        """For each line what was returned so far and how many come back now; the reason and a note."""
        for line in self.order.lines:
            self.returned_labels[line.product_id] = QLabel(f"{line.returned_quantity:,}")
            spin = QSpinBox(objectName=f"returnQuantity{line.product_id}")
            spin.setRange(0, line.returnable_quantity)  # never more than is left to return
            spin.setAccessibleName(fill(self.tr("Units of %1 to return"), line.name))
            spin.setEnabled(line.returnable_quantity > 0)
            spin.setToolTip(
                fill(self.tr("Up to %1"), QLocale().toString(line.returnable_quantity))
                if line.returnable_quantity
                else self.tr("Every one has been returned already")
            )
            spin.setMinimumWidth(70)
            self.spins[line.product_id] = spin

        self.reason_combo = QComboBox(objectName="returnReasonCombo")
        self.reason_combo.setPlaceholderText(self.tr("Choose a reason"))
        for reason in RETURN_REASONS:
            self.reason_combo.addItem(reason_name(reason), reason)
        self.reason_combo.setCurrentIndex(-1)
        self.note_edit = QLineEdit(objectName="returnNoteEdit")
        self.note_edit.setPlaceholderText(self.tr("optional: what was wrong..."))
        self.refund_combo = refund_method_combo("returnRefundMethodCombo")
        self.hint = QLabel(objectName="returnHint")
        self.hint.setStyleSheet(HINT_STYLE)

    def _layout(self) -> None:
        heading = QLabel(fill(self.tr("Order %1: how many of each are coming back?"), self.order_id))
        heading.setWordWrap(True)
        self.body.addWidget(heading)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        for column, text in enumerate(
            (self.tr("Product"), self.tr("Sold"), self.tr("Returned"), self.tr("Return now"))
        ):
            label = QLabel(f"<b>{text}</b>")
            grid.addWidget(label, 0, column, Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight)
        for row, line in enumerate(self.order.lines, start=1):
            name = ElidedLabel(line.name, tip=f"{line.sku}: {money(line.unit_price_cents)} each")
            grid.addWidget(name, row, 0)
            grid.addWidget(QLabel(f"{line.quantity:,}"), row, 1, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(self.returned_labels[line.product_id], row, 2, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(self.spins[line.product_id], row, 3)
        grid.setColumnStretch(0, 1)
        self.body.addLayout(grid)

        form = QFormLayout()
        form.addRow(self.tr("&Reason"), self.reason_combo)
        form.addRow(self.tr("&Note"), self.note_edit)
        form.addRow(self.tr("Refund &by"), self.refund_combo)
        self.body.addLayout(form)
        self.body.addWidget(self.hint)

    def _connect(self) -> None:
        for spin in self.spins.values():
            spin.valueChanged.connect(self.revalidate)
        self.reason_combo.currentIndexChanged.connect(self.revalidate)

    def lines(self) -> tuple[ReturnLine, ...]:
        return tuple(
            ReturnLine(product_id, spin.value()) for product_id, spin in self.spins.items() if spin.value() > 0
        )

    def refresh(self) -> None:
        units = sum(line.quantity for line in self.lines())
        if not units:
            self.hint.setText(self.tr("Choose how many of at least one product come back."))
        elif self.reason_combo.currentIndex() < 0:
            self.hint.setText(self.tr("Choose a reason."))
        else:
            self.hint.setText(
                fill(
                    self.tr("%1 back into stock; the refund is worked out from what was paid."), count_of(units, "item")
                )
            )
        super().refresh()

    def submit(self) -> None:
        self.sent = self.command()  # what was returned (the spin boxes follow the order afterwards)
        super().submit()

    def read_model_changed(self, changes) -> None:
        if self.result_value is not None:
            return  # done: it shows what was returned
        if changes.rebuilt or self.order_id in changes.orders:
            # Another till took some back meanwhile: never offer more than is left.
            self.order = self._bridge.ask(GetOrder(self.order_id))
            for line in self.order.lines:
                spin = self.spins.get(line.product_id)
                if spin is not None:
                    self.returned_labels[line.product_id].setText(f"{line.returned_quantity:,}")
                    spin.setMaximum(line.returnable_quantity)
                    spin.setEnabled(line.returnable_quantity > 0)
        super().read_model_changed(changes)

    def command(self):
        lines = self.lines()
        reason = self.reason_combo.currentData()
        if not lines or reason is None:
            return None
        return ReturnItems(
            self.order_id, lines, reason, self.note_edit.text().strip(), refund_method=self.refund_combo.currentData()
        )
