"""Right of the counter: who it is for, the order being built with its
discounts, the totals as the core prices them, and Place Order."""

from uuid import uuid4

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.commands import PlaceOrder
from core.domain.money import format_percent, parse_percent
from core.domain.pricing import FULL_BP, PERCENT, Discount
from core.domain.validation import MAX_QUANTITY
from core.errors import ShopError
from core.queries import FindProductByCode, GetProductsByIds, ProductView, QuoteOrder
from shop_gui import approval, parked_orders
from shop_gui.formatting import count_of, money, parse_amount
from shop_gui.models.cart_model import CartModel, discount_text
from shop_gui.models.customer_directory import CustomerDirectory
from shop_gui.parked_orders import ParkedLine, ParkedOrder
from shop_gui.style import ERROR_COLOR, ERROR_STYLE, STRONG_ERROR_STYLE, bold
from shop_gui.texts import describe, fill, word
from shop_gui.views.customer_picker import CustomerPicker
from shop_gui.views.message_boxes import confirm_action
from shop_gui.views.number_field import WholeNumberSpinBox
from shop_gui.views.quantity_delegate import QuantityDelegate
from shop_gui.views.tables import ENTER_KEYS, ListTable

DISCOUNT_HINT = QT_TRANSLATE_NOOP("words", "10% or 1.50")
DISCOUNT_PROBLEM = QT_TRANSLATE_NOOP("words", "A discount is a percentage such as 10% or an amount such as 1.50.")


def parse_discount(text: str) -> Discount | None:
    """``"10%"`` -> 10% off, ``"1.50"`` -> 1.50 off, blank -> None; ValueError otherwise."""
    text = text.strip()
    if not text:
        return None
    if text.endswith("%"):
        basis_points = parse_percent(text)
        if basis_points > FULL_BP:
            raise ValueError("more than 100%")
        return Discount.percent(basis_points) if basis_points else None
    cents = parse_amount(text)
    if cents < 0:
        raise ValueError("negative")
    return Discount.amount(cents) if cents else None


class OrderForm(QWidget):
    """Customer, quantity, "Add to order", the lines with their discounts, the
    order discount, the totals, and Place Order.

    Each form carries a request id (made once per order): the core stores an
    order once per id, so a double click or a retry never makes two.

    Signals:
        addRequested(int): "Add to order" was clicked with this quantity.
        orderPlaced(int, str): an order was stored; its number and a summary.
        newCustomerRequested(str): "New customer..." with what was typed.
    """

    addRequested = Signal(int)
    orderPlaced = Signal(int, str)
    newCustomerRequested = Signal(str)

    def __init__(self, bridge, parent=None, *, customers: CustomerDirectory | None = None):
        super().__init__(parent)
        self._bridge = bridge
        # The window's shared customers (it reloads them); our own otherwise.
        self._shared_customers = customers is not None
        self._customers = customers if customers is not None else CustomerDirectory(bridge, self)
        self.cart = CartModel(self)
        self.quote = None
        self._quoting = False
        self._quote_problem = None
        self._problems: set[str] = set()  # fields whose text is not a discount
        self.request_id = uuid4().hex
        self._build()
        self._layout()
        self._connect()
        self._current_line_changed()
        self._cart_changed()

    # -- building the form -------------------------------------------------------------
    def _build(self) -> None:
        self.customer_picker = CustomerPicker(self._bridge, customers=self._customers)
        self.new_customer_button = QPushButton(self.tr("New..."), objectName="newCustomerFromOrderButton")
        self.new_customer_button.setToolTip(self.tr("Add a customer and put this order in their name"))

        self.quantity = WholeNumberSpinBox(name="quantitySpinBox")  # letters are shown, and refused
        self.quantity.setRange(1, MAX_QUANTITY)
        self.quantity.setAccessibleName(self.tr("Quantity"))
        self.add_button = QPushButton(self.tr("Add to order"), objectName="addToCartButton")

        self.quantity.installEventFilter(self)  # Enter adds
        self.table = ListTable("cartTable")
        self.table.setModel(self.cart)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # The quantity is changed in place: double-click it, F2, or type a number on the line.
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setItemDelegateForColumn(
            CartModel.QUANTITY, QuantityDelegate(MAX_QUANTITY, self.show_message, self.table)
        )
        self.table.on_delete = lambda index: self.remove_selected_line()
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("Order lines"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(CartModel.PRODUCT, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (CartModel.QUANTITY, 52),  # room for the spin box that edits it
            (CartModel.PRICE, 72),
            (CartModel.DISCOUNT, 72),
            (CartModel.TOTAL, 80),
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)

        self.remove_button = QPushButton(self.tr("Remove line"), objectName="removeLineButton")
        self.line_discount = QLineEdit(objectName="lineDiscountEdit")
        self.line_discount.setPlaceholderText(word(DISCOUNT_HINT))
        self.line_discount.setAccessibleName(self.tr("Discount on the chosen line"))
        self.line_discount.setToolTip(
            self.tr("Discount on the chosen line: a percentage (10%) or an amount off the whole line (1.50)")
        )
        self.line_discount.setMaximumWidth(96)
        self.order_discount = QLineEdit(objectName="orderDiscountEdit")
        self.order_discount.setPlaceholderText(word(DISCOUNT_HINT))
        self.order_discount.setAccessibleName(self.tr("Discount on the whole order"))
        self.order_discount.setToolTip(
            self.tr("Discount on the whole order, after the lines' own: a percentage (10%) or an amount (5.00)")
        )
        self.order_discount.setMaximumWidth(96)
        self.discount_message = QLabel(objectName="discountMessage")
        self.discount_message.setWordWrap(True)
        self.discount_message.setStyleSheet(ERROR_STYLE)
        self.discount_message.hide()

        # The totals, as the core prices them (QuoteOrder): what Place Order will store.
        self.subtotal = QLabel(objectName="subtotalLabel")
        self.discounts = QLabel(objectName="discountTotalLabel")
        self.tax = QLabel(objectName="taxLabel")
        self.tax_caption = QLabel(self.tr("Tax"))
        self.total = QLabel(objectName="orderTotal")
        bold(self.total, 1.4)

        # Refusals are shown here, beside the lines they concern, not in a dialog.
        self.message = QLabel(objectName="orderMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(STRONG_ERROR_STYLE)
        self.message.hide()

        self.place_button = QPushButton(self.tr("Place Order"), objectName="placeOrderButton")
        self.place_button.setToolTip(self.tr("Place the order (Ctrl+Enter), then take payment"))
        self.place_button.setMinimumHeight(44)
        bold(self.place_button)
        self.place_button.setDefault(True)

    def _layout(self) -> None:
        title = QLabel(self.tr("Order"))
        bold(title, 1.3)

        customer_label = QLabel(self.tr("Custo&mer"))
        customer_label.setBuddy(self.customer_picker)
        customer_row = QHBoxLayout()
        customer_row.addWidget(customer_label)
        customer_row.addWidget(self.customer_picker, 1)
        customer_row.addWidget(self.new_customer_button)

        add_row = QHBoxLayout()
        add_row.addWidget(QLabel(self.tr("Quantity")))
        add_row.addWidget(self.quantity)
        add_row.addWidget(self.add_button, 1)

        line_discount_label = QLabel(self.tr("Line &discount"))
        line_discount_label.setBuddy(self.line_discount)
        order_discount_label = QLabel(self.tr("O&rder discount"))
        order_discount_label.setBuddy(self.order_discount)
        discount_grid = QGridLayout()
        discount_grid.addWidget(self.remove_button, 0, 0)
        discount_grid.setColumnStretch(1, 1)
        discount_grid.addWidget(line_discount_label, 0, 2, Qt.AlignmentFlag.AlignRight)
        discount_grid.addWidget(self.line_discount, 0, 3)
        discount_grid.addWidget(order_discount_label, 1, 2, Qt.AlignmentFlag.AlignRight)
        discount_grid.addWidget(self.order_discount, 1, 3)

        totals = QGridLayout()
        totals.setColumnStretch(0, 1)
        totals.setVerticalSpacing(2)
        totals.setHorizontalSpacing(18)
        for row, (caption, value) in enumerate(
            (
                (QLabel(self.tr("Subtotal")), self.subtotal),
                (QLabel(self.tr("Discounts")), self.discounts),
                (self.tax_caption, self.tax),
            )
        ):
            totals.addWidget(caption, row, 1)
            totals.addWidget(value, row, 2, Qt.AlignmentFlag.AlignRight)
        totals.addWidget(self.total, 3, 0, 1, 3, Qt.AlignmentFlag.AlignRight)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(customer_row)
        layout.addLayout(add_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(discount_grid)
        layout.addWidget(self.discount_message)
        layout.addLayout(totals)
        layout.addWidget(self.message)
        layout.addWidget(self.place_button)

    def _connect(self) -> None:
        self.add_button.clicked.connect(self._add_clicked)
        self.remove_button.clicked.connect(self.remove_selected_line)
        self.place_button.clicked.connect(self.place_order)
        self.new_customer_button.clicked.connect(
            lambda: self.newCustomerRequested.emit(self.customer_picker.typed_text())
        )
        self.line_discount.textEdited.connect(self._line_discount_edited)
        self.order_discount.textEdited.connect(self._order_discount_edited)
        for signal in (self.cart.rowsInserted, self.cart.rowsRemoved, self.cart.modelReset, self.cart.dataChanged):
            signal.connect(self._cart_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_line_changed)
        self.table.selectionModel().currentChanged.connect(self._keep_on_quantity)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.cart.quantityEdited.connect(self._quantity_edited)

    # -- building the order ---------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        if watched is self.quantity and event.type() == QEvent.Type.KeyPress and event.key() in ENTER_KEYS:
            if self.quantity.problem() is None:
                self.quantity.interpretText()
            self.add_button.click()
            return True
        return super().eventFilter(watched, event)

    def _add_clicked(self) -> None:
        problem = self.quantity.problem()
        if problem is not None:  # "2x" or a code scanned into Quantity: never a silently different number
            self.show_message(fill(self.tr("Quantity: %1"), problem))
            return
        self.addRequested.emit(self.quantity.value())

    def add_product(self, product: ProductView, quantity: int | None = None) -> None:
        row = self.cart.add(product, quantity or self.quantity.value())
        self.quantity.setValue(1)
        self.clear_message()
        self._say_if_short(row)

    def _say_if_short(self, row: int) -> None:
        """A line asking for more than is left is marked now, not only refused at Place Order."""
        line = self.cart.row_value(row)
        if line is not None and self.cart.short_of_stock(line):
            self.show_message(self.cart.short_text(line))

    def _quantity_edited(self, row: int) -> None:
        self.clear_message()
        self._say_if_short(row)

    def remove_selected_line(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.cart.remove(index.row())
            self.clear_message()

    def apply_changes(self, changes, *, currency_changed: bool = False) -> None:
        """ChangeAware: the products in the order, the customers to choose
        from, and the totals when prices may differ."""
        self.refresh_products(changes.products)
        if (changes.customers or changes.rebuilt) and not self._shared_customers:
            self._customers.reload()  # the picker follows
        if currency_changed:
            self.cart.repaint_all()
        if changes.settings or changes.categories or changes.rebuilt:
            self.prices_changed()  # the currency, tax included or not, a category's tax rate

    def refresh_products(self, product_ids) -> None:
        in_cart = set(self.cart.product_ids()) & set(product_ids)
        if in_cart:
            self.cart.update_products(self._bridge.ask(GetProductsByIds(tuple(in_cart))))

    def order_discount_value(self) -> Discount | None:
        try:
            return parse_discount(self.order_discount.text())
        except ValueError:
            return None

    def set_customer(self, customer_id: int | None) -> None:
        if not self.customer_picker.set_customer(customer_id):  # added before any notice said so
            self._customers.reload()
            self.customer_picker.set_customer(customer_id)

    def _current_row(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else None

    def _keep_on_quantity(self, current, _previous) -> None:
        """The current cell of a line is its quantity: F2 or a digit typed edits it."""
        if current.isValid() and current.column() != CartModel.QUANTITY:
            self.table.selectionModel().setCurrentIndex(
                current.siblingAtColumn(CartModel.QUANTITY), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    def _current_line_changed(self, *_) -> None:
        row = self._current_row()
        self.line_discount.setEnabled(row is not None)
        self.line_discount.setText(discount_text(self.cart.discount_at(row)) if row is not None else "")
        self._set_problem("line", False)

    def _line_discount_edited(self, text: str) -> None:
        row = self._current_row()
        if row is None:
            return
        try:
            discount = parse_discount(text)
        except ValueError:
            self._set_problem("line", True)
            return
        self._set_problem("line", False)
        self.cart.set_discount(row, discount)

    def _order_discount_edited(self, text: str) -> None:
        try:
            parse_discount(text)
        except ValueError:
            self._set_problem("order", True)
            return
        self._set_problem("order", False)
        self._requote()

    def _set_problem(self, field: str, wrong: bool) -> None:
        (self._problems.add if wrong else self._problems.discard)(field)
        edit = self.line_discount if field == "line" else self.order_discount
        edit.setStyleSheet(f"border: 1px solid {ERROR_COLOR};" if wrong else "")
        self.discount_message.setText(word(DISCOUNT_PROBLEM))
        self.discount_message.setVisible(bool(self._problems))
        self._update_buttons()

    # -- the totals ------------------------------------------------------------------------
    def _cart_changed(self, *_) -> None:
        if not self._quoting:
            self._requote()
        if self._current_row() is None and self.line_discount.isEnabled():
            self._current_line_changed()  # the chosen line went (a reset says nothing of it)
        self._update_buttons()

    def _requote(self) -> None:
        """Ask the core what the lines cost: the totals shown are the ones Place Order stores."""
        self.quote = None
        problem = None
        if not self.cart.is_empty():
            try:
                self.quote = self._bridge.ask(QuoteOrder(self.cart.order_lines(), self.order_discount_value()))
            except ShopError as error:  # a product deleted at another till...
                problem = describe(error)
        if problem:
            self.show_message(problem)
        elif self._quote_problem and self.message.text() == self._quote_problem:
            self.clear_message()  # (a refusal of Place Order stays until the lines change)
        self._quote_problem = problem
        self._quoting = True
        try:
            self.cart.set_quote(self.quote)
        finally:
            self._quoting = False
        self._show_totals()

    def _show_totals(self) -> None:
        quote = self.quote
        if quote is None:
            subtotal = self.cart.total_cents()
            self.subtotal.setText(money(subtotal))
            self.discounts.setText(money(0))
            self.tax.setText("")
            self.tax_caption.setText(self.tr("Tax"))
            self.total.setText(fill(self.tr("Total %1"), money(subtotal)))
            self.discounts.setToolTip("")
            return
        self.subtotal.setText(money(quote.subtotal_cents))
        self.discounts.setText(money(-quote.discount_cents) if quote.discount_cents else money(0))
        line_off = sum(line.line_discount_cents for line in quote.lines)
        order_off = sum(line.order_discount_cents for line in quote.lines)
        self.discounts.setToolTip(
            fill(self.tr("Lines: %1; order: %2"), money(line_off), money(order_off)) if quote.discount_cents else ""
        )
        rates = ", ".join(format_percent(band.rate_bp) for band in quote.tax_by_rate)
        self.tax_caption.setText(
            fill(self.tr("Tax included (%1)"), rates) if quote.prices_include_tax else fill(self.tr("Tax (%1)"), rates)
        )
        self.tax.setText(money(quote.tax_cents))
        self.tax.setToolTip(
            "\n".join(
                f"{format_percent(band.rate_bp)} on {money(band.taxable)}: {money(band.tax)}"
                for band in quote.tax_by_rate
            )
        )
        self.total.setText(fill(self.tr("Total %1"), money(quote.total_cents)))

    def total_cents(self) -> int:
        return self.quote.total_cents if self.quote is not None else self.cart.total_cents()

    def prices_changed(self) -> None:
        """The shop's settings or a category's tax rate changed: ask the core again."""
        self._requote()

    # -- parking it (shop_gui/parked_orders.py) ------------------------------------------
    def parked(self) -> ParkedOrder | None:
        """The order being built, to park (None: no lines)."""
        if self.cart.is_empty():
            return None
        lines = tuple(
            ParkedLine(
                line.product.id, line.product.sku, line.product.name, line.quantity, discount_text(line.discount)
            )
            for line in self.cart.lines()
        )
        return ParkedOrder(
            parked_orders.now(),
            lines,
            customer_id=self.customer_picker.customer_id(),
            order_discount=self.order_discount.text().strip(),
            total_cents=self.total_cents(),
        )

    def start_afresh(self) -> None:
        """An empty order for the next customer (the last one parked, or placed)."""
        self.request_id = uuid4().hex  # the next order is another order
        self.cart.clear()
        self.order_discount.clear()
        self._set_problem("order", False)
        self.customer_picker.set_customer(None)
        self._requote()
        self.clear_message()

    def recall(self, order: ParkedOrder) -> list[str]:
        """Build ``order`` again, priced as of now. Returns the names of the
        products no longer for sale (left out)."""
        by_id = {p.id: p for p in self._bridge.ask(GetProductsByIds(tuple(line.product_id for line in order.lines)))}
        gone = []
        for parked_line in order.lines:
            product = by_id.get(parked_line.product_id)
            if product is None or product.sku != parked_line.sku:
                product = self._bridge.ask(FindProductByCode(parked_line.sku))
            if product is None or not product.active:
                gone.append(parked_line.name)
                continue
            row = self.cart.add(product, parked_line.quantity)
            try:
                self.cart.set_discount(row, parse_discount(parked_line.discount))
            except ValueError:
                pass  # cannot happen for text the field showed; the line stays undiscounted
        if order.customer_id is not None:
            self.set_customer(order.customer_id)
        self.order_discount.setText(order.order_discount)
        self._order_discount_edited(order.order_discount)
        self._current_line_changed()
        return gone

    # -- placing it ----------------------------------------------------------------------
    def place_order(self) -> None:
        # Disabled until the dispatch is over; a second click of a double
        # click then meets an empty cart and a disabled button. The request
        # id makes a repeat harmless even if it got through.
        self.place_button.setEnabled(False)
        try:
            if self._problems:
                self.show_message(word(DISCOUNT_PROBLEM))
                return
            for question in self.doubts():
                if not self.confirm(question):
                    return
            lines = self.cart.order_lines()
            items = sum(line.quantity for line in lines)
            command = PlaceOrder(
                lines,
                customer_id=self.customer_picker.customer_id(),
                order_discount=self.order_discount_value(),
                request_id=self.request_id,
            )
            approval.dispatch(self._bridge, command, self, lambda outcome: self._placed(outcome, items))
        finally:
            self._update_buttons()

    def doubts(self) -> list[str]:
        """A line discount larger than its line (the core gives the line away free): asked first."""
        questions = []
        for line in self.cart.lines():
            gross = line.product.price_cents * line.quantity
            if line.discount is not None and line.discount.kind != PERCENT and line.discount.value > gross:
                questions.append(
                    fill(
                        self.tr("The discount on %1, %2, is more than the line (%3): give the line away free?"),
                        line.product.name,
                        money(line.discount.value),
                        money(gross),
                    )
                )
        return questions

    def confirm(self, question: str) -> bool:  # tests replace it
        return confirm_action(self, self.tr("Place Order"), question, self.tr("&Place order"), self.tr("&Change it"))

    def _placed(self, outcome, items: int) -> None:
        if outcome.ok:
            total = self.total_cents()
            self.start_afresh()
            self.orderPlaced.emit(
                outcome.result,
                fill(self.tr("Order %1 placed: %2, %3."), outcome.result, count_of(items, "item"), money(total)),
            )
        elif outcome.error is not None:
            self.show_message(describe(outcome.error))
        self._update_buttons()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def clear_message(self) -> None:
        self.message.clear()
        self.message.hide()

    def _update_buttons(self, *_) -> None:
        self.place_button.setEnabled(not self.cart.is_empty() and not self._problems)
        self.remove_button.setEnabled(self.table.currentIndex().isValid())
