"""Queries and the immutable values they return. Answered by the read model only."""

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from core.domain.order_lines import OrderLine

# The order statuses stay importable from here (core.queries.PLACED...).
from core.domain.order_status import (  # noqa: F401
    CANCELLED,
    FULFILLED,
    ORDER_STATUSES,
    PAID,
    PLACED,
    OrderStatus,
    amount_due,
)
from core.domain.pricing import Discount, TaxBand, line_total
from core.domain.shop_settings import ShopSettings  # noqa: F401  (what GetShopSettings returns)


class Query:
    """Marker base class of every query."""


@dataclass(frozen=True)
class GetCategories(Query):
    """All categories, parents before children, siblings by name."""


@dataclass(frozen=True)
class GetProducts(Query):
    """Products by name. ``category_id`` includes its sub-categories; ``search``
    matches name, SKU or barcode, ignoring case and accents. Active products
    only, or with ``archived=True`` the archived ones only."""

    category_id: int | None = None
    search: str | None = None
    archived: bool = False


@dataclass(frozen=True)
class GetProduct(Query):
    """One product, archived or not (UnknownProduct if there is none)."""

    product_id: int


@dataclass(frozen=True)
class GetLowStock(Query):
    """Active products at or below their reorder level, by name."""


@dataclass(frozen=True)
class GetStockHistory(Query):
    """Every stock movement of a product, oldest first."""

    product_id: int


@dataclass(frozen=True)
class GetProductsByIds(Query):
    """The current state of some products (unknown ids are left out)."""

    product_ids: tuple[int, ...]


@dataclass(frozen=True)
class FindProductByCode(Query):
    """The product whose SKU or barcode is exactly ``code``, or None."""

    code: str


@dataclass(frozen=True)
class GetOrders(Query):
    """Orders, newest first: all of them, or those matching every filter given.

    ``date_from`` and ``date_to`` are days in the computer's time zone, both
    included (a ``datetime`` is an instant: from it, or up to before it);
    ``number`` is an order number (exact).

    Paging: ``limit`` orders at most, numbered below ``before_id`` (the last
    number of the page before); None gives every match."""

    status: str | None = None  # placed, paid, fulfilled, cancelled
    date_from: date | None = None
    date_to: date | None = None
    customer_id: int | None = None
    number: int | None = None
    limit: int | None = None
    before_id: int | None = None


@dataclass(frozen=True)
class CountOrders(Query):
    """How many orders GetOrders with the same filters lists in all (an int),
    for a list that fetches them a page at a time."""

    status: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    customer_id: int | None = None
    number: int | None = None


@dataclass(frozen=True)
class GetOrder(Query):
    """An order with its lines, payments, returns and history (UnknownOrder
    if there is none)."""

    order_id: int


@dataclass(frozen=True)
class QuoteOrder(Query):
    """What these lines would cost if placed now: the same prices, discounts,
    tax rates and rounding as PlaceOrder, for the order form to show."""

    lines: tuple[OrderLine, ...]
    order_discount: Discount | None = None


@dataclass(frozen=True)
class GetReceipt(Query):
    """An order's receipt (a ``core.receipt.Receipt``): plain data to render."""

    order_id: int


@dataclass(frozen=True)
class GetCustomers(Query):
    """Customers by name; ``search`` matches name, phone or e-mail, ignoring
    case and accents."""

    search: str | None = None


@dataclass(frozen=True)
class GetCustomersByIds(Query):
    """Some customers as GetCustomers lists them, in the order asked
    (unknown ids are left out)."""

    customer_ids: tuple[int, ...]


@dataclass(frozen=True)
class GetCustomer(Query):
    """A customer with their orders and what they spent (UnknownCustomer if
    there is none)."""

    customer_id: int


@dataclass(frozen=True)
class GetShopSettings(Query):
    """The shop's settings (defaults until they are first saved)."""


@dataclass(frozen=True)
class CategoryView:
    id: int
    name: str
    parent_id: int | None
    product_count: int  # products here and in every sub-category
    tax_rate_bp: int | None = None  # its own rate; None: its parent's or the shop's


class ProductView(NamedTuple):
    # A NamedTuple, not a frozen dataclass: one per product is built at
    # start-up, and a tuple is built much faster (docs/adr/0005).
    id: int
    sku: str
    name: str
    category_id: int
    price_cents: int
    stock: int
    barcode: str | None
    reorder_level: int
    cost_price_cents: int | None = None
    tax_rate_bp: int | None = None  # None: the category's or the shop's rate
    active: bool = True

    @property
    def low_stock(self) -> bool:
        """At or below its reorder level. A product with none (0) is never
        low: 3,181 imported products without a level made a 3,243-row list."""
        return self.reorder_level > 0 and self.stock <= self.reorder_level

    @property
    def out_of_stock(self) -> bool:
        """None left to sell, whatever its reorder level (shown apart from "low")."""
        return self.stock <= 0


@dataclass(frozen=True)
class UndoMark:
    """An action undone (Edit > Undo): by whom and when; ``redone_at`` when
    it was done again since (None: undone now)."""

    undone_at: str  # ISO 8601, UTC
    undone_by: int  # staff id
    undone_by_name: str
    redone_at: str | None = None


@dataclass(frozen=True)
class StockMovement:
    at: str  # ISO 8601, UTC
    kind: str  # received, sold, cancelled, returned, adjusted
    quantity: int  # signed: -2 for two sold
    stock_after: int
    reason: str | None  # damaged, lost, stock-take, other (adjustments)
    note: str | None
    order_id: int | None
    staff_id: int | None = None  # who moved it (core.domain.staff: 0 unknown, -1 the owner)
    by: str | None = None  # their name
    undone: UndoMark | None = None  # a delivery or adjustment undone by Edit > Undo


@dataclass(frozen=True)
class OrderLineView:
    """A line as sold: the price and name of that day, its discounts and tax."""

    product_id: int
    sku: str
    name: str
    quantity: int
    unit_price_cents: int
    discount: Discount | None = None  # the line's discount as asked
    line_discount_cents: int = 0
    order_discount_cents: int = 0  # its share of the order discount
    tax_rate_bp: int = 0
    tax_cents: int = 0
    tax_included: bool = True  # the order's prices contained the tax
    returned_quantity: int = 0
    refunded_cents: int = 0
    cost_price_cents: int | None = None  # the unit cost when sold (None: not known)
    category_id: int | None = None  # the product's category when sold

    @property
    def gross_cents(self) -> int:
        return self.quantity * self.unit_price_cents

    @property
    def discount_cents(self) -> int:
        return self.line_discount_cents + self.order_discount_cents

    @property
    def net_cents(self) -> int:
        return self.gross_cents - self.discount_cents

    @property
    def total_cents(self) -> int:
        """What the customer pays for the line."""
        return line_total(self.net_cents, self.tax_cents, self.tax_included)

    @property
    def returnable_quantity(self) -> int:
        return self.quantity - self.returned_quantity


@dataclass(frozen=True)
class PaymentView:
    id: int
    at: str  # ISO 8601, UTC
    method: str  # cash, card, other
    amount_cents: int
    tendered_cents: int | None  # cash only
    change_cents: int | None


@dataclass(frozen=True)
class ReturnedItemView:
    product_id: int
    sku: str
    name: str
    quantity: int
    refund_cents: int
    tax_cents: int  # the tax part of the refund


@dataclass(frozen=True)
class ReturnView:
    id: int
    at: str
    reason: str
    note: str | None
    refund_cents: int
    items: tuple[ReturnedItemView, ...]


@dataclass(frozen=True)
class OrderHistoryEntry:
    """One thing that happened to an order, oldest first in ``history``.

    ``kind``: placed (amount: the total), payment (amount, method), fulfilled,
    return (amount: the refund, quantity: units back, reason), cancelled
    (amount: the refund, quantity: units back)."""

    at: str | None  # ISO 8601, UTC; None: not recorded (orders older than this record)
    kind: str
    amount_cents: int = 0
    method: str | None = None
    quantity: int | None = None
    reason: str | None = None
    staff_id: int | None = None  # who did it (core.domain.staff: 0 unknown, -1 the owner)
    by: str | None = None  # their name
    approved_by: str | None = None  # the manager who approved it (a cancellation, a return)
    undone: UndoMark | None = None  # placed or paid, then undone by Edit > Undo


@dataclass(frozen=True)
class OrderSummary:
    id: int  # the order number
    placed_at: str  # ISO 8601, UTC
    status: str  # placed, paid, fulfilled or cancelled
    total_cents: int
    line_count: int
    item_count: int
    customer_id: int | None = None  # None: walk-in
    customer_name: str | None = None
    paid_cents: int = 0
    refunded_cents: int = 0

    @property
    def due_cents(self) -> int:
        """What is still to pay (0 once paid, and for a cancelled order)."""
        return amount_due(self.status, self.total_cents, self.paid_cents)


@dataclass(frozen=True)
class OrderDetail:
    id: int
    placed_at: str
    status: str
    total_cents: int
    lines: tuple[OrderLineView, ...]
    customer_id: int | None = None
    customer_name: str | None = None
    prices_include_tax: bool = True
    subtotal_cents: int = 0
    discount_cents: int = 0  # the lines' discounts and the order discount
    tax_cents: int = 0
    order_discount: Discount | None = None  # as asked
    tax_by_rate: tuple[TaxBand, ...] = ()
    paid_cents: int = 0
    refunded_cents: int = 0
    payments: tuple[PaymentView, ...] = ()
    returns: tuple[ReturnView, ...] = ()
    history: tuple[OrderHistoryEntry, ...] = ()
    fulfilled_at: str | None = None
    cancelled_at: str | None = None

    @property
    def due_cents(self) -> int:
        return amount_due(self.status, self.total_cents, self.paid_cents)

    @property
    def order_discount_cents(self) -> int:
        return sum(line.order_discount_cents for line in self.lines)

    @property
    def change_cents(self) -> int:
        return sum(p.change_cents or 0 for p in self.payments)


@dataclass(frozen=True)
class CustomerView:
    id: int
    name: str
    phone: str | None
    email: str | None
    note: str | None
    order_count: int = 0
    spent_cents: int = 0  # paid less refunded, over all their orders


@dataclass(frozen=True)
class CustomerDetail:
    id: int
    name: str
    phone: str | None
    email: str | None
    note: str | None
    added_at: str
    orders: tuple[OrderSummary, ...]  # newest first
    spent_cents: int


@dataclass(frozen=True)
class QuotedLine:
    product_id: int
    sku: str
    name: str
    quantity: int
    unit_price_cents: int
    discount: Discount | None
    tax_rate_bp: int
    gross_cents: int
    line_discount_cents: int
    order_discount_cents: int
    net_cents: int
    tax_cents: int
    total_cents: int


@dataclass(frozen=True)
class OrderQuote:
    lines: tuple[QuotedLine, ...]  # one per product, by product number, as an order keeps them
    subtotal_cents: int
    discount_cents: int
    tax_cents: int
    tax_by_rate: tuple[TaxBand, ...]
    total_cents: int
    prices_include_tax: bool


# -- staff, signing in and permissions: queries and values -------------------------------------------
@dataclass(frozen=True)
class GetStaff(Query):
    """Every staff member, inactive ones included, by name (no PINs)."""


@dataclass(frozen=True)
class GetStaffMember(Query):
    """One staff member (UnknownStaff if there is none)."""

    staff_id: int


@dataclass(frozen=True)
class StaffView:
    id: int
    name: str
    role: str  # owner, manager, cashier
    active: bool  # may sign in


# -- till sessions and cash: queries and values -------------------------------------------------------
@dataclass(frozen=True)
class GetTillReport(Query):
    """A till session's report: ``session_id`` None is this till's open
    session (the X report); a closed session's report is its Z report."""

    session_id: int | None = None


@dataclass(frozen=True)
class GetTillSessions(Query):
    """Every till session of every till, newest first."""


@dataclass(frozen=True)
class GetOpenTillSession(Query):
    """This till's open session, or None."""


@dataclass(frozen=True)
class CashMoveView:
    at: str
    kind: str  # in, out
    amount_cents: int
    reason: str
    by: str  # who, as they were called then


@dataclass(frozen=True)
class DrawerOpenView:
    at: str
    by: str  # who, as they were called then


@dataclass(frozen=True)
class TillSessionSummary:
    session_id: int
    till: str
    opened_at: str
    closed_at: str | None
    opened_by: str
    closed_by: str | None
    expected_cash_cents: int
    counted_cash_cents: int | None
    difference_cents: int | None


@dataclass(frozen=True)
class TillReport:
    """A till session's cash-up. Money taken and refunded is by method, in
    PAYMENT_METHODS order (a method with nothing is left out); the orders
    counted are those placed in the session; cancellations and returns count
    where they happened. Names are as they were then."""

    session_id: int
    till: str
    opened_at: str
    opened_by: str
    opened_automatically: bool
    closed_at: str | None
    closed_by: str | None
    opening_float_cents: int
    taken_by_method: tuple[tuple[str, int], ...]  # payments less change
    refunded_by_method: tuple[tuple[str, int], ...]
    paid_in_cents: int
    paid_out_cents: int
    expected_cash_cents: int  # float + cash taken - cash refunded + paid in - paid out
    counted_cash_cents: int | None  # None while open
    difference_cents: int | None  # counted - expected; None while open
    orders: int
    units: int
    total_cents: int
    tax_by_rate: tuple[TaxBand, ...]
    discounts_cents: int
    cancelled_orders: int
    cancelled_cents: int
    returns: int
    returned_cents: int
    cash_moves: tuple[CashMoveView, ...]
    note: str | None = None
    drawer_opens: int = 0  # "No sale": the drawer opened without a sale or cash move
    drawer_opened: tuple[DrawerOpenView, ...] = ()  # each of them, oldest first
    # The journal's hash chain as it stood when the till closed: its latest
    # link and that link's position (None: open, or closed by an older version).
    journal_position: int | None = None
    journal_link: str | None = None


# -- sales reports ----------------------------------------------------------------------
@dataclass(frozen=True)
class GetSalesReport(Query):
    """Sales from ``date_from`` to ``date_to`` (days in the computer's time
    zone, both included), one row per ``group_by``: "day", "week", "month",
    "hour", "product", "category", "staff" or "till". A sale counts on the
    day (hour, week, month) it was placed; cancelled orders count nowhere;
    returns count on the day they were taken. ``limit``: keep only the N
    rows that sold the most units (top N), in the grouping's order."""

    date_from: date
    date_to: date
    group_by: str = "day"
    limit: int | None = None


@dataclass(frozen=True)
class SalesReportRow:
    """One group's figures, in minor units. ``key``: ``2011-03-04``,
    ``2011-W09``, ``2011-03``, ``09``, a SKU, a category path, a staff
    member's or a till's name ("" where not recorded); ``label``: what a
    person reads (the product's name; the key otherwise)."""

    key: str
    label: str
    orders: int  # orders in the row (product, category: orders that contain it)
    units: int
    gross_cents: int  # price x units
    discount_cents: int  # line and order discounts
    net_cents: int  # gross - discount
    tax_cents: int
    total_cents: int  # what customers paid
    cost_cents: int  # cost when sold x units (lines without a cost count 0)
    margin_cents: int  # total - tax - cost
    units_without_cost: int
    returned_units: int
    refunded_cents: int
    net_margin_cents: int  # margin - (refunded - the refunds' tax - the returned units' cost)


@dataclass(frozen=True)
class SalesReport:
    """``rows`` in key order (products: most units sold first); ``total``:
    the sum of every row of the period (``limit`` or not), except
    ``orders``, which is the number of orders in the period."""

    date_from: date
    date_to: date
    group_by: str
    rows: tuple[SalesReportRow, ...]
    total: SalesReportRow


@dataclass(frozen=True)
class GetSlowMovers(Query):
    """Active products with stock on hand that sold nothing from
    ``date_from`` to ``date_to`` (days, included; a sale known by the SKU it
    was sold under), by name: ProductViews."""

    date_from: date
    date_to: date


@dataclass(frozen=True)
class GetStockValue(Query):
    """What the stock on hand of active products is worth, by category (its
    own products, not its sub-categories'): a StockValue."""


@dataclass(frozen=True)
class StockValueRow:
    """``key``: the category's full path ("Home/Kitchen/Mugs"); at cost:
    stock x cost price (products without a cost count 0, their units in
    ``units_without_cost``); at price: stock x today's price."""

    key: str
    products: int  # with stock on hand
    units: int
    cost_cents: int
    price_cents: int
    units_without_cost: int


@dataclass(frozen=True)
class StockValue:
    rows: tuple[StockValueRow, ...]  # by path
    total: StockValueRow


# -- undo ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class GetUndoneActions(Query):
    """Every event that was undone (and whether it was redone since), by
    its outbox position: what a history shows as "Undone by ... at ..."."""


@dataclass(frozen=True)
class UndoneAction:
    position: int  # the undone event's
    undone_at: str
    undone_by: int  # staff id
    undone_by_name: str
    till: str
    redone_at: str | None  # None: undone now
