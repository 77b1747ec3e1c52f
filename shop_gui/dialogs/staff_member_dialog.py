"""Add a staff member (name, role, PIN twice) or edit one (name, role,
whether they may sign in, and a new PIN if one is typed).

The PIN fields are masked and take digits only; the PIN goes into the
command and nowhere else (the bridge's log lines hide it). The core's rules
(the first staff member is an owner, only an owner makes owners, the last
owner stays one, names are unique) come back as its sentences, shown here."""

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit

from core.commands import AddStaff, UpdateStaff
from core.domain.staff import ROLES, Role
from core.domain.validation import MAX_NAME_LENGTH
from core.queries import StaffView
from shop_gui.dialogs.command_dialog import CommandDialog, field_message, show_message, with_message
from shop_gui.style import HINT_STYLE
from shop_gui.texts import word
from shop_gui.views.pin_pad import complete_pin, pin_edit

ROLE_HINTS = {
    Role.CASHIER: "Sells, takes payments, adds customers, opens the till and pays in.",
    Role.MANAGER: "Also cancels and refunds, changes products, stock, categories and "
    "settings, pays out, closes the till and manages cashiers and managers.",
    Role.OWNER: "Everything, and the only one who adds or changes owners.",
}
FIRST_IS_OWNER = QT_TRANSLATE_NOOP(
    "words",
    "The first staff member is the shop's owner, who can then add everyone else. "
    "Once the shop has staff, everyone signs in with their PIN to use it.",
)


class StaffMemberDialog(CommandDialog):
    """New staff member (``person`` None) or edit ``person`` (a StaffView).
    ``first``: the shop has no staff yet, so this one is its owner.
    ``result_value`` is the new staff member's number."""

    def __init__(self, bridge, person: StaffView | None = None, parent=None, *, first: bool = False):
        editing = person is not None
        super().__init__(
            bridge,
            self.tr("Edit staff member")
            if editing
            else (self.tr("The shop's owner") if first else self.tr("New staff member")),
            self.tr("Save") if editing else self.tr("Add"),
            "staffMemberDialog",
            parent,
        )
        self.person = person
        self.name_edit = QLineEdit(person.name if editing else "", objectName="staffNameEdit")
        self.name_edit.setMaxLength(MAX_NAME_LENGTH)
        self.name_edit.setMinimumWidth(300)
        self.role_combo = QComboBox(objectName="staffRoleCombo")
        for role in ROLES:
            self.role_combo.addItem(role.capitalize(), role.value)
        self.role_combo.setCurrentIndex(self.role_combo.findData(person.role if editing else Role.OWNER.value))
        if not editing and not first:
            self.role_combo.setCurrentIndex(self.role_combo.findData(Role.CASHIER.value))
        self.role_hint = QLabel(objectName="staffRoleHint")
        self.role_hint.setWordWrap(True)
        self.role_hint.setStyleSheet(HINT_STYLE)
        self.active_check = QCheckBox(self.tr("Ma&y sign in"), objectName="staffActiveCheck")
        self.active_check.setChecked(person.active if editing else True)
        self.active_check.setToolTip(
            self.tr("Untick for someone who has left: their name stays in the shop's history.")
        )
        self.pin_edit = pin_edit("staffPinEdit", self.tr("keep the PIN") if editing else self.tr("4 to 8 digits"))
        self.pin_again_edit = pin_edit("staffPinAgainEdit", "" if editing else self.tr("the same again"))
        self.name_error = field_message("staffNameError")
        self.pin_error = field_message("staffPinError")

        form = QFormLayout()
        form.addRow(self.tr("&Name"), with_message(self.name_edit, self.name_error))
        form.addRow(self.tr("&Role"), self.role_combo)
        form.addRow("", self.role_hint)
        if editing:
            form.addRow("", self.active_check)
        else:
            self.active_check.hide()
        form.addRow(self.tr("New &PIN") if editing else self.tr("&PIN"), self.pin_edit)
        form.addRow(self.tr("PIN &again"), with_message(self.pin_again_edit, self.pin_error))
        self.first_note = QLabel(word(FIRST_IS_OWNER), objectName="staffFirstNote")
        self.first_note.setWordWrap(True)
        self.first_note.setVisible(first)
        self.body.addWidget(self.first_note)
        self.body.addLayout(form)
        if editing:
            note = QLabel(self.tr("Leave the PIN blank to keep it."))
            note.setStyleSheet(HINT_STYLE)
            self.body.addWidget(note)
        for edit in (self.name_edit, self.pin_edit, self.pin_again_edit):
            edit.textEdited.connect(self.revalidate)
        self.role_combo.currentIndexChanged.connect(self.revalidate)
        self.active_check.toggled.connect(self.revalidate)
        self._touched = set()
        self.name_edit.textEdited.connect(lambda _t: self._touch("name"))
        self.pin_again_edit.textEdited.connect(lambda _t: self._touch("pin"))
        self.setMinimumWidth(460)
        self.refresh()

    def _touch(self, field: str) -> None:
        self._touched.add(field)
        self.refresh()

    def name(self) -> str:
        return self.name_edit.text().strip()

    def role(self) -> str:
        return self.role_combo.currentData()

    def _pin_problem(self) -> str | None:
        pin, again = self.pin_edit.text(), self.pin_again_edit.text()
        if self.person is not None and not pin and not again:
            return None  # keeps their PIN
        if not complete_pin(pin):
            return self.tr("A PIN is 4 to 8 digits.") if pin or "pin" in self._touched else ""
        if pin != again:
            return self.tr("The two PINs are not the same.") if len(again) >= len(pin) or "pin" in self._touched else ""
        return None

    def refresh(self) -> None:
        self.role_hint.setText(ROLE_HINTS[Role(self.role())])
        show_message(
            self.name_error, self.tr("Staff need a name.") if "name" in self._touched and not self.name() else None
        )
        show_message(self.pin_error, self._pin_problem() or None)
        super().refresh()

    def command(self):
        if not self.name() or self._pin_problem() is not None:
            return None
        pin = self.pin_edit.text()
        if self.person is None:
            return AddStaff(self.name(), self.role(), pin)
        return UpdateStaff(self.person.id, self.name(), self.role(), self.active_check.isChecked(), pin or None)

    def done(self, result: int) -> None:
        for edit in (self.pin_edit, self.pin_again_edit):
            edit.clear()  # not left in memory with the closed dialog longer than needed
        super().done(result)
