"""Close the till with a blind count: the cash in the drawer is counted
(note by note and coin by coin, or its total typed) and confirmed first;
only then does the dialog ask the core what was expected and show the
difference. Nothing on screen says what is expected before the count is
committed, so the count cannot be bent towards it. Then CloseTill(counted,
note) ends the session; its result is the session's id (the Z number)."""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from core.commands import CloseTill
from core.errors import ShopError
from core.queries import GetOpenTillSession
from shop_gui.dialogs.cash_count import CashCount
from shop_gui.dialogs.command_dialog import CommandDialog, field_message, show_message, with_message
from shop_gui.formatting import currency, currency_symbol, money, parse_amount, plain_amount
from shop_gui.style import ERROR_COLOR, HINT_STYLE, OK_COLOR, bold
from shop_gui.texts import fill
from shop_gui.till_report_document import difference_text


class TillCloseDialog(CommandDialog):
    """``result_value`` is the closed session's id (its Z number)."""

    def __init__(self, bridge, parent=None):
        super().__init__(bridge, self.tr("Close the till"), self.tr("Close till"), "closeTillDialog", parent)
        self.counted_cents: int | None = None  # once the count is confirmed
        self.expected_cents: int | None = None  # asked only then
        self._filling = False
        self._build()
        self._layout()
        self._connect()
        self.ok_button.hide()  # until the count is confirmed
        self.refresh()

    def _build(self) -> None:
        self.heading = QLabel(
            self.tr(
                "Count the cash in the drawer: how many of each note and coin, or type the total. "
                "What the till expects is shown once you confirm your count."
            ),
            objectName="closeTillHeading",
        )
        self.heading.setWordWrap(True)
        self.cash_count = CashCount(currency().code)
        self.counted_edit = QLineEdit(objectName="countedEdit")
        self.counted_edit.setPlaceholderText(self.tr("the total counted"))
        self.counted_error = field_message("countedError")
        self.confirm_button = QPushButton(self.tr("Confirm the c&ount"), objectName="confirmCountButton")
        self.confirm_button.setToolTip(self.tr("Your count is final once confirmed; then the expected cash is shown"))
        self.confirm_button.setAutoDefault(False)

        # Shown after the count is confirmed.
        self.result = QWidget(objectName="closeTillResult")
        self.counted_label = QLabel(objectName="countedLabel")
        self.expected_label = QLabel(objectName="expectedLabel")
        self.difference_label = QLabel(objectName="differenceLabel")
        bold(self.difference_label, 1.3)
        self.note_edit = QLineEdit(objectName="closeTillNoteEdit")
        self.note_edit.setPlaceholderText(self.tr("optional: why the cash is over or short"))
        self.note_edit.setMaxLength(500)
        self.hint = QLabel(objectName="closeTillHint")
        self.hint.setStyleSheet(HINT_STYLE)
        self.hint.setWordWrap(True)

    def _layout(self) -> None:
        self.body.addWidget(self.heading)
        self.body.addWidget(self.cash_count)
        count_form = QFormLayout()
        count_form.addRow(
            fill(self.tr("Counted &total (%1)"), currency_symbol()), with_message(self.counted_edit, self.counted_error)
        )
        self.body.addLayout(count_form)
        self.body.addWidget(self.confirm_button, 0, Qt.AlignmentFlag.AlignRight)
        self.body.addWidget(self.cash_count.total_label)
        self.cash_count.total_label.hide()  # the total field says it
        result_form = QFormLayout(self.result)
        result_form.setContentsMargins(0, 0, 0, 0)
        result_form.addRow(self.tr("Counted"), self.counted_label)
        result_form.addRow(self.tr("Expected"), self.expected_label)
        result_form.addRow(self.tr("Difference"), self.difference_label)
        result_form.addRow(self.tr("&Note"), self.note_edit)
        self.result.hide()
        self.body.addWidget(self.result)
        self.body.addWidget(self.hint)

    def _connect(self) -> None:
        self.cash_count.totalChanged.connect(self._count_changed)
        self.counted_edit.textEdited.connect(self.revalidate)
        self.confirm_button.clicked.connect(self.confirm_count)
        # A typed total, then Enter: confirms the count only (the same key must
        # not then press the Close till button that the count makes the default).
        self.counted_edit.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if (
            watched is self.counted_edit
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.confirm_count()
            return True
        return super().eventFilter(watched, event)

    # -- the count ---------------------------------------------------------------------------------
    def _count_changed(self, total: int) -> None:
        self.counted_edit.setText(plain_amount(total))  # the notes and coins make the total
        self.revalidate()

    def typed_count(self) -> int | None:
        try:
            cents = parse_amount(self.counted_edit.text())
        except ValueError:
            return None
        return cents if cents >= 0 else None

    def confirm_count(self) -> None:
        counted = self.typed_count()
        if counted is None or self.counted_cents is not None:
            return
        try:
            session = self._bridge.ask(GetOpenTillSession())
        except ShopError as error:
            self.refused(error)
            return
        if session is None:
            show_message(self.message, self.tr("The till is not open: there is nothing to close."))
            return
        self.counted_cents = counted
        self.expected_cents = session.expected_cash_cents
        for widget in (self.cash_count, self.counted_edit, self.confirm_button):
            widget.setEnabled(False)
        self.confirm_button.setText(self.tr("Count confirmed"))
        self._show_result()
        self.result.show()
        self.ok_button.show()
        self.ok_button.setDefault(True)
        self.note_edit.setFocus()
        self.refresh()

    def _show_result(self) -> None:
        counted, expected = self.counted_cents, self.expected_cents
        if counted is None or expected is None:  # not before the count is confirmed
            return
        difference = counted - expected
        self.counted_label.setText(money(counted))
        self.expected_label.setText(money(expected))
        self.difference_label.setText(difference_text(difference))
        colour = ERROR_COLOR if difference < 0 else OK_COLOR if difference > 0 else None
        self.difference_label.setStyleSheet(f"color: {colour};" if colour else "")

    # -- CommandDialog -----------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.counted_cents is None:
            text = self.counted_edit.text().strip()
            problem = "Type the cash counted, such as 245.50." if text and self.typed_count() is None else None
            show_message(self.counted_error, problem)
            self.confirm_button.setEnabled(self.typed_count() is not None)
            self.hint.setText(
                self.tr("Count the notes and coins above, or type the total, then confirm the count.")
                if self.typed_count() is None
                else self.tr("Confirm the count to see what the till expects.")
            )
        else:
            self.hint.setText(self.tr("Close the till to end this session and print its Z report."))
        super().refresh()

    def read_model_changed(self, changes) -> None:
        if self.counted_cents is not None and self.result_value is None:
            try:  # another sale at this till cannot happen now, but a rebuild may
                session = self._bridge.ask(GetOpenTillSession())
            except ShopError:
                session = None
            if session is not None:
                self.expected_cents = session.expected_cash_cents
                self._show_result()
        super().read_model_changed(changes)

    def command(self):
        if self.counted_cents is None:
            return None
        return CloseTill(self.counted_cents, self.note_edit.text().strip())
