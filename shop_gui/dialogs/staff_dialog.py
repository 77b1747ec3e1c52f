"""File > Staff...: everyone who works in the shop (name, role, whether
they may still sign in); Add and Edit open the staff member dialog. On this
computer, how long the till waits before signing an idle person out.

The list follows the read model (another till may add or rename someone)."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout

from core.domain.staff import Role, at_least
from shop_gui import local_settings
from shop_gui.bridge import ReadModelSubscription
from shop_gui.dialogs.command_dialog import close_buttons, open_dialog
from shop_gui.dialogs.dialog_base import ShopDialog
from shop_gui.dialogs.staff_member_dialog import StaffMemberDialog
from shop_gui.models.staff_model import StaffTableModel
from shop_gui.style import HINT_STYLE
from shop_gui.texts import fill, word
from shop_gui.views.tables import keeping_current_row, read_only_table, select_row, set_widths

NO_STAFF_YET = QT_TRANSLATE_NOOP(
    "words",
    "No staff yet: whoever uses this computer may do everything, as the shop's owner, "
    "and nobody signs in. Add the first staff member, the owner, to have everyone "
    "sign in with a PIN; the owner then adds the others.",
)
WITH_STAFF = QT_TRANSLATE_NOOP(
    "words",
    "Everyone signs in with their PIN. What a cashier may not do on their own, "
    "a manager approves with their PIN there and then.",
)


class StaffDialog(ShopDialog):
    """Signals:
    message(str): what was done (status bar).
    idleMinutesChanged(int): the idle sign-out setting of this computer changed.
    """

    message = Signal(str)
    idleMinutesChanged = Signal(int)

    def __init__(self, bridge, parent=None):
        super().__init__(parent, objectName="staffDialog")
        self._bridge = bridge
        self.setWindowTitle(self.tr("Staff"))
        self.note = QLabel(objectName="staffNote")
        self.note.setWordWrap(True)
        self.model = StaffTableModel(bridge, self)
        self.table = read_only_table("staffTable", self.model)
        self.table.setAccessibleName(self.tr("Staff"))
        self.table.setWordWrap(False)
        set_widths(self.table, {StaffTableModel.ROLE: 100, StaffTableModel.ACTIVE: 150}, stretch=StaffTableModel.NAME)
        self.add_button = QPushButton(self.tr("&Add..."), objectName="addStaffButton")
        self.add_button.setToolTip(self.tr("A new staff member, with their role and PIN"))
        self.edit_button = QPushButton(self.tr("&Edit..."), objectName="editStaffButton")
        self.edit_button.setToolTip(self.tr("Their name, role, whether they may sign in, a new PIN"))
        self.idle_spin = QSpinBox(objectName="idleSignOutSpin")
        self.idle_spin.setRange(0, local_settings.MAX_IDLE_SIGN_OUT_MINUTES)
        self.idle_spin.setSuffix(self.tr(" minutes"))
        self.idle_spin.setSpecialValueText("never")
        self.idle_spin.setValue(local_settings.idle_sign_out_minutes())
        self.idle_label = QLabel(self.tr("Sign &out when idle for"), objectName="idleSignOutLabel")
        self.idle_label.setBuddy(self.idle_spin)
        self.idle_hint = QLabel(self.tr("on this computer"), objectName="idleSignOutHint")
        self.idle_hint.setStyleSheet(HINT_STYLE)
        self._layout()
        self.add_button.clicked.connect(lambda _c=False: self.add())
        self.edit_button.clicked.connect(lambda _c=False: self.edit())
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update())
        self.idle_spin.valueChanged.connect(self._idle_changed)
        self._following = ReadModelSubscription(bridge, self._read_model_changed)
        self.resize(560, 420)
        self._update()
        if self.model.rowCount():
            select_row(self.table, 0)

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        idle = QHBoxLayout()
        idle.addWidget(self.idle_label)
        idle.addWidget(self.idle_spin)
        idle.addWidget(self.idle_hint)
        idle.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addSpacing(6)
        layout.addLayout(idle)
        layout.addWidget(close_buttons(self.reject))

    # -- what it shows -----------------------------------------------------------------------------
    def current(self):
        return self.model.person_at(self.table.currentIndex().row())

    def _update(self) -> None:
        has_staff = bool(self.model.people())
        self.note.setText(word(WITH_STAFF if has_staff else NO_STAFF_YET))
        self.edit_button.setEnabled(self.current() is not None)
        self.add_button.setText(self.tr("&Add...") if has_staff else self.tr("&Add the owner..."))
        for widget in (self.idle_label, self.idle_spin, self.idle_hint):
            widget.setVisible(has_staff)  # without staff nobody is signed in to sign out
        person = self._bridge.signed_in
        may_set = person is not None and at_least(person.role, Role.MANAGER)
        self.idle_spin.setEnabled(may_set)
        self.idle_spin.setToolTip(
            self.tr("0: never. A setting of this computer, not of the shop.")
            if may_set
            else self.tr("A manager or an owner sets this (signed in at this computer).")
        )

    def _read_model_changed(self, changes) -> None:
        if changes.staff or changes.rebuilt:
            keeping_current_row(self.table, self.model.reload)
            self._update()

    def _idle_changed(self, minutes: int) -> None:
        local_settings.set_idle_sign_out_minutes(minutes)
        self.idleMinutesChanged.emit(minutes)

    # -- add and edit ------------------------------------------------------------------------------
    def add(self) -> StaffMemberDialog:
        first = not self.model.people()
        dialog = StaffMemberDialog(self._bridge, None, self, first=first)

        def added():
            row = self.model.row_of(dialog.result_value)
            if row is not None:
                select_row(self.table, row)
            self.message.emit(
                fill(
                    QCoreApplication.translate("staff_dialog", "%1 added as %2."),
                    dialog.name(),
                    "the owner" if first else dialog.role(),
                )
            )

        return open_dialog(dialog, added)

    def edit(self) -> StaffMemberDialog | None:
        person = self.current()
        if person is None:
            return None
        dialog = StaffMemberDialog(self._bridge, person, self)
        return open_dialog(dialog, lambda: self.message.emit(fill(self.tr("%1's details saved."), dialog.name())))

    def done(self, result: int) -> None:
        self._following.end()
        super().done(result)

    def open(self) -> None:
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        super().open()
