"""A manager's approval: the one place where a refused command is offered to
a manager.

Every command dialog and every button that sends a command without one
sends it with ``dispatch`` here instead of ``ShopBridge.dispatch``. When the
core refuses it with NotAllowed (the person signed in is a cashier, or a
manager where only an owner may), the "Ask a manager to approve" dialog
opens over ``parent``: the refusal, whoever may approve (a manager or an
owner above the person signed in), their PIN (keyboard or pad). Approve
sends the same command again through the bridge with
``approved_by=(staff id, PIN)``; the core checks that PIN as at sign-in (a
wrong one counts towards this till's pause) and records both people in the
outbox. A wrong PIN or an approver who may not approve it either is said in
the dialog, which stays open; anything else ends it.

``done(outcome)`` runs exactly once with the final Outcome: at once when no
approval is needed, else when the dialog ends (its Cancel gives the first
refusal back, so the caller shows it as it would have anyway)."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from core.domain.staff import Role, at_least
from core.errors import NotAllowed, ShopError, SignInPaused, UnknownStaff, WrongPin
from core.queries import GetStaff
from shop_gui.bridge import Outcome, ReadModelSubscription
from shop_gui.dialogs.dialog_base import ShopDialog
from shop_gui.style import ERROR_STYLE, STRONG_ERROR_STYLE
from shop_gui.texts import describe, fill
from shop_gui.views.pin_pad import PinPad, complete_pin, pin_edit

# Who may approve for whom: someone above them, and at least a manager.
_APPROVER_ROLE = {Role.CASHIER: Role.MANAGER, Role.MANAGER: Role.OWNER}
# Refusals of the approval itself: the dialog stays open for another try.
_TRY_AGAIN = (WrongPin, NotAllowed, UnknownStaff)


def approvers(bridge) -> list:
    """Who may approve for the person signed in (StaffViews), by name: none
    when nobody is signed in or an owner is (nobody is above them)."""
    person = bridge.signed_in
    if person is None or person.role not in _APPROVER_ROLE:
        return []
    needed = _APPROVER_ROLE[Role(person.role)]
    try:
        staff = bridge.ask(GetStaff())
    except ShopError:
        return []
    return [s for s in staff if s.active and s.id != person.id and at_least(s.role, needed)]


def dispatch(bridge, command, parent, done: Callable[[Outcome], None]) -> "ApprovalDialog | None":
    """Send ``command``; if it is refused as NotAllowed and someone may
    approve it, ask for their approval (the dialog is returned, opened
    without waiting). ``done(outcome)`` gets the final outcome."""
    outcome = bridge.dispatch(command)
    if not isinstance(outcome.error, NotAllowed) or not approvers(bridge):
        done(outcome)
        return None
    dialog = ApprovalDialog(bridge, command, outcome, parent)
    dialog.finished.connect(lambda _result: done(dialog.outcome))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


class ApprovalDialog(ShopDialog):
    """``outcome``: the refusal until an approved dispatch ends it otherwise."""

    def __init__(self, bridge, command, refused: Outcome, parent=None):
        super().__init__(parent, objectName="approvalDialog")
        self._bridge = bridge
        self._command = command
        self.outcome = refused
        self.setWindowTitle(self.tr("Ask a manager to approve"))
        self.refusal = QLabel(str(refused.error), objectName="approvalRefusal")
        self.refusal.setTextFormat(Qt.TextFormat.PlainText)
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet(STRONG_ERROR_STYLE)
        self.approver_combo = QComboBox(objectName="approverCombo")
        self.approver_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.approver_combo.setMinimumContentsLength(18)
        self.pin_edit = pin_edit("approverPin", self.tr("Their PIN"))
        self.pin_edit.setAccessibleName(self.tr("Approver's PIN"))
        self.message = QLabel(objectName="approvalMessage")  # the approval's own refusal (a wrong PIN)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        # The pad's own key approves (Enter in the PIN field too); beside it only Cancel.
        self.pad = PinPad(self.pin_edit, self.tr("&Approve"), name="approvalPad")
        needed = _APPROVER_ROLE.get(Role(bridge.signed_in.role), Role.OWNER) if bridge.signed_in else Role.MANAGER
        who = self.tr("A manager or an owner") if needed == Role.MANAGER else self.tr("An owner")
        form = QFormLayout()
        form.addRow(self.tr("&Manager") if needed == Role.MANAGER else self.tr("&Owner"), self.approver_combo)
        form.addRow(self.tr("&PIN"), self.pin_edit)
        self.ok_button = self.pad.ok_key
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setAutoDefault(False)  # Enter in the PIN field approves, never cancels
        layout = QVBoxLayout(self)
        layout.addWidget(self.refusal)
        explain = QLabel(
            fill(self.tr("%1 may approve this one action with their PIN."), who), objectName="approvalExplain"
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(6)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)
        self.buttons.rejected.connect(self.reject)
        self.pad.okClicked.connect(self.approve)
        self.pin_edit.returnPressed.connect(self.approve)
        self.approver_combo.currentIndexChanged.connect(lambda _i: self._changed())
        self.pin_edit.textEdited.connect(lambda _t: show_message(self.message, None))
        self._following = ReadModelSubscription(bridge, self._read_model_changed)
        self._fill()
        self.pin_edit.setFocus()

    def _fill(self) -> None:
        chosen = self.approver_combo.currentData()
        self.approver_combo.blockSignals(True)
        self.approver_combo.clear()
        for person in approvers(self._bridge):
            self.approver_combo.addItem(f"{person.name} ({person.role})", person.id)
            self.approver_combo.setItemData(
                self.approver_combo.count() - 1, f"{person.name} ({person.role})", Qt.ItemDataRole.ToolTipRole
            )
        index = self.approver_combo.findData(chosen)
        self.approver_combo.setCurrentIndex(max(index, 0))
        self.approver_combo.blockSignals(False)
        self.ok_button.setEnabled(self.approver_combo.count() > 0)

    def _changed(self) -> None:
        self.pin_edit.clear()
        show_message(self.message, None)
        self.pin_edit.setFocus()

    def _read_model_changed(self, changes) -> None:
        if changes.staff or changes.rebuilt:  # a name changed, someone can no longer approve
            self._fill()

    def approve(self) -> None:
        approver_id = self.approver_combo.currentData()
        pin = self.pin_edit.text()
        if approver_id is None:
            return
        if not complete_pin(pin):
            show_message(self.message, self.tr("A PIN is 4 to 8 digits."))
            self.pin_edit.setFocus()
            return
        self.pin_edit.clear()  # sent: not kept on screen
        outcome = self._bridge.dispatch(self._command, approved_by=(approver_id, pin))
        if outcome.queued:
            return
        if isinstance(outcome.error, _TRY_AGAIN):
            show_message(self.message, describe(outcome.error))
            if isinstance(outcome.error, SignInPaused):
                self.pad.setEnabled(False)
                self.ok_button.setEnabled(False)
            self.pin_edit.setFocus()
            return
        self.outcome = outcome  # stored, or refused for a reason no approval changes
        if outcome.ok:
            self.accept()
        else:
            self.reject()

    def done(self, result: int) -> None:
        self.pin_edit.clear()
        self._following.end()
        super().done(result)


def show_message(label: QLabel, text: str | None) -> None:
    label.setText(text or "")
    label.setVisible(bool(text))
