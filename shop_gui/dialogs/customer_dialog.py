"""Add a customer, or edit one: name, phone, e-mail and a note."""

from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit

from core.commands import AddCustomer, UpdateCustomer
from core.domain.validation import MAX_NAME_LENGTH
from shop_gui.dialogs.command_dialog import CommandDialog, field_message, show_message, with_message
from shop_gui.texts import fill


class CustomerDialog(CommandDialog):
    """New customer (``customer`` None) or edit ``customer`` (a CustomerView
    or CustomerDetail). ``result_value`` is the new customer's number."""

    def __init__(self, bridge, customer=None, parent=None, name: str = ""):
        editing = customer is not None
        super().__init__(
            bridge,
            fill(self.tr("Edit %1"), customer.name) if editing else self.tr("New customer"),
            self.tr("Save") if editing else self.tr("Add customer"),
            "customerDialog",
            parent,
        )
        self.customer = customer
        self.name_edit = QLineEdit(customer.name if editing else name, objectName="customerNameEdit")
        self.name_edit.setMaxLength(MAX_NAME_LENGTH)
        self.name_edit.setMinimumWidth(300)
        self.phone_edit = QLineEdit((customer.phone or "") if editing else "", objectName="customerPhoneEdit")
        self.phone_edit.setPlaceholderText(self.tr("optional"))
        self.email_edit = QLineEdit((customer.email or "") if editing else "", objectName="customerEmailEdit")
        self.email_edit.setPlaceholderText(self.tr("optional"))
        self.note_edit = QPlainTextEdit((customer.note or "") if editing else "", objectName="customerNoteEdit")
        self.note_edit.setPlaceholderText(self.tr("optional: preferences, account details..."))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.note_edit.fontMetrics().lineSpacing() * 3 + 14)
        self.name_error = field_message("customerNameError")

        form = QFormLayout()
        form.addRow(self.tr("&Name"), with_message(self.name_edit, self.name_error))
        form.addRow(self.tr("&Phone"), self.phone_edit)
        form.addRow(self.tr("&E-mail"), self.email_edit)
        form.addRow(self.tr("N&ote"), self.note_edit)
        self.body.addLayout(form)
        for edit in (self.name_edit, self.phone_edit, self.email_edit):
            edit.textEdited.connect(self.revalidate)
        self.note_edit.textChanged.connect(self.revalidate)
        self._touched = bool(self.name_edit.text())
        self.name_edit.textEdited.connect(self._touch)
        self.refresh()

    def _touch(self, *_) -> None:
        self._touched = True
        self.refresh()

    def refresh(self) -> None:
        # A blank name in a dialog just opened is not an error yet: OK is simply off.
        show_message(
            self.name_error, self.tr("A customer needs a name.") if self._touched and not self.name() else None
        )
        super().refresh()

    def name(self) -> str:
        return self.name_edit.text().strip()

    def command(self):
        if not self.name():
            return None
        details = dict(
            name=self.name(),
            phone=self.phone_edit.text().strip() or None,
            email=self.email_edit.text().strip() or None,
            note=self.note_edit.toPlainText().strip() or None,
        )
        if self.customer is None:
            return AddCustomer(**details)
        return UpdateCustomer(self.customer.id, **details)
