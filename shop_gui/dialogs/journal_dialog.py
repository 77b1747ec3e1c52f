"""File > Journal...: every event (when, who, which till, what, whether it
was undone), newest first, a page at a time, filtered by kind, staff,
period, order number, product and customer (found by typing part of a
name). Not modal: selling goes on while it is open."""

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from core.errors import ShopError
from core.journal import KINDS, JournalFilter
from core.journal_export import export_journal
from core.queries import GetCustomers, GetProducts, GetStaff
from shop_gui.dialogs.dialog_base import ShopDialog
from shop_gui.file_places import in_documents
from shop_gui.formatting import count_of
from shop_gui.models.journal_model import JournalModel
from shop_gui.style import ERROR_STYLE
from shop_gui.texts import describe, fill, word
from shop_gui.views.customer_picker import customer_label
from shop_gui.views.search_picker import SearchPicker
from shop_gui.views.tables import read_only_table, set_widths

PAGE = 200
CSV_FILTER = QT_TRANSLATE_NOOP("words", "CSV files (*.csv);;All files (*)")
PERIODS = (
    (QT_TRANSLATE_NOOP("words", "All time"), None),
    (QT_TRANSLATE_NOOP("words", "Today"), 0),
    (QT_TRANSLATE_NOOP("words", "Last 7 days"), 7),
    (QT_TRANSLATE_NOOP("words", "Last 30 days"), 30),
    (QT_TRANSLATE_NOOP("words", "Last 365 days"), 365),
)
OWNER_ID = -1  # the shop's owner before it had staff (core.domain.staff)


class JournalDialog(ShopDialog):
    """``product_id``: opened filtered by that product (from its stock history)."""

    def __init__(self, bridge, parent=None, *, clock=None, product_id: int | None = None):
        super().__init__(parent)
        self.setObjectName("journalDialog")
        self.setWindowTitle(self.tr("Journal"))
        self._bridge = bridge
        self._clock = clock or (lambda: datetime.now(UTC))
        self.kind = QComboBox(objectName="journalKind")
        self.kind.addItem(self.tr("All kinds"), None)
        for name, words in sorted(((n, describe(w)) for n, w in KINDS.items()), key=lambda item: item[1]):
            self.kind.addItem(words, name)
        self.staff = QComboBox(objectName="journalStaff")
        self.staff.addItem(self.tr("Everyone"), None)
        self.staff.addItem(self.tr("Owner (before staff)"), OWNER_ID)
        try:
            for person in bridge.ask(GetStaff()):
                self.staff.addItem(person.name, person.id)
        except ShopError:
            pass
        self.period = QComboBox(objectName="journalPeriod")
        for label, days in PERIODS:
            self.period.addItem(word(label), days)
        for combo in (self.kind, self.staff, self.period):  # never as wide as a 200-character name
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        self.order = QLineEdit(objectName="journalOrder")
        self.order.setPlaceholderText(self.tr("any"))
        self.order.setMaximumWidth(90)
        self.product = SearchPicker("journalProduct", self.tr("Any product"), self._products)
        self.product.setToolTip(self.tr("Type part of a product's name or SKU"))
        self.customer = SearchPicker("journalCustomer", self.tr("Any customer"), self._customers)
        self.customer.setToolTip(self.tr("Type part of a customer's name, phone or e-mail"))
        if product_id is not None:
            self.product.choose(product_id)
        self.model = JournalModel(self)
        self.table = read_only_table("journalTable", self.model)
        set_widths(
            self.table, {JournalModel.WHEN: 130, JournalModel.WHO: 130, JournalModel.TILL: 80}, JournalModel.WHAT
        )
        self.more = QPushButton(self.tr("Show &older"), objectName="journalMore")
        self.more.clicked.connect(self.show_older)
        self.export = QPushButton(self.tr("&Export..."), objectName="journalExport")
        self.export.setToolTip(
            self.tr("The events shown by the filters, as a CSV file with a checksum file (and a signature)")
        )
        self.export.clicked.connect(self.export_shown)
        self.outcome = QLabel(objectName="journalOutcome")
        self.outcome.setWordWrap(True)
        self.problem = QLabel(objectName="journalProblem")
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.hide()

        filters = QHBoxLayout()
        for text, field in (
            (self.tr("&Kind:"), self.kind),
            (self.tr("&Staff:"), self.staff),
            (self.tr("&Period:"), self.period),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            filters.addWidget(label)
            filters.addWidget(field)
        order_label = QLabel(self.tr("Order &no.:"))
        order_label.setBuddy(self.order)
        filters.addWidget(order_label)
        filters.addWidget(self.order)
        filters.addStretch(1)
        about = QHBoxLayout()
        for text, field in ((self.tr("Pro&duct:"), self.product), (self.tr("C&ustomer:"), self.customer)):
            label = QLabel(text)
            label.setBuddy(field)
            about.addWidget(label)
            about.addWidget(field, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.more)
        bottom.addWidget(self.export)
        bottom.addWidget(self.outcome, 1)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(about)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        room = self.screen().availableGeometry() if self.screen() else None
        # Wide enough for a sentence a row, never wider than a small screen.
        self.resize(min(900, room.width() - 40) if room else 900, min(520, room.height() - 80) if room else 520)
        for combo in (self.kind, self.staff, self.period):
            combo.currentIndexChanged.connect(self.reload)
        self.order.textChanged.connect(self.reload)  # a page is a few milliseconds: as it is typed
        for picker in (self.product, self.customer):
            picker.chosenChanged.connect(lambda _id: self.reload())
        self.reload()

    def wanted(self) -> JournalFilter | None:
        """The filter the fields say (None, with a sentence shown, when the order number is not one)."""
        kind, staff_id, days = self.kind.currentData(), self.staff.currentData(), self.period.currentData()
        since = None
        if days is not None:
            today = self._clock().astimezone().replace(hour=0, minute=0, second=0, microsecond=0)
            since = (today - timedelta(days=days)).astimezone(UTC).isoformat(timespec="seconds")
        text = self.order.text().strip().lstrip("#")
        if text and not text.isdigit():
            self._say(fill(self.tr("“%1” is not an order number: type its digits only."), self.order.text()))
            return None
        return JournalFilter(
            kinds=(kind,) if kind else (),
            staff_id=staff_id,
            since=since,
            order_id=int(text) if text else None,
            product_id=self.product.chosen_id(),
            customer_id=self.customer.chosen_id(),
        )

    # -- what the pickers offer (asked for when first used) ----------------------------
    def _products(self):
        try:
            products = self._bridge.ask(GetProducts()) + self._bridge.ask(GetProducts(archived=True))
        except ShopError:
            return ()
        return sorted(((f"{p.name} ({p.sku})", p.id, None) for p in products), key=lambda e: e[0].casefold())

    def _customers(self):
        try:
            return tuple((customer_label(c), c.id, c.email or None) for c in self._bridge.ask(GetCustomers()))
        except ShopError:
            return ()

    def _say(self, text: str | None) -> None:
        self.problem.setText(text or "")
        self.problem.setVisible(text is not None)

    def _page(self, before: int | None):
        wanted = self.wanted()
        if wanted is None:
            return None
        try:
            page = self._bridge.shop.journal(wanted, before, PAGE)
        except ShopError as exc:
            self._say(str(exc))
            return None
        self._say(None)
        return page

    def reload(self) -> None:
        page = self._page(None)
        if page is not None:
            self.model.show(page.entries)
            self.more.setEnabled(page.more)

    # -- export (tests replace the two questions) ---------------------------------------
    def choose_export_path(self) -> str | None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export journal"), in_documents("journal.csv"), word(CSV_FILTER)
        )
        return path or None

    def ask_key(self) -> str | None:
        """The owner's signing key ("" for none); None: the export was cancelled."""
        key, ok = QInputDialog.getText(
            self,
            self.tr("Sign the export"),
            self.tr("Signing key (leave empty for no signature; keep it safe: it proves the file is yours):"),
            QLineEdit.EchoMode.Password,
        )
        return key if ok else None

    def export_shown(self) -> None:
        wanted = self.wanted()
        path = self.choose_export_path() if wanted is not None else None
        key = self.ask_key() if path else None
        if not path or key is None:
            return
        try:
            made = export_journal(self._bridge.shop, path, key=key or None, wanted=wanted)
        except ShopError as exc:
            self._say(describe(exc))
            return
        self._say(None)
        what = count_of(made.rows, "event")
        if made.hmac_sha256:
            text = self.tr("Exported %1 to %2 (checksum in .sha256 and .hmac).")
        else:
            text = self.tr("Exported %1 to %2 (checksum in .sha256).")
        self.outcome.setText(fill(text, what, made.path.name))

    def show_older(self) -> None:
        page = self._page(self.model.last_position())
        if page is not None:
            self.model.append(page.entries)
            self.more.setEnabled(page.more)
