"""Events: what happened, in the past tense. Recorded in the outbox table in the
same transaction as the change, then projected into the read model.

Every event carries resulting state (the new stock level, the whole order), not
only a difference, so applying one twice changes nothing.

Stored payloads live for years. When an event gains a field, its class's
``class_version`` goes up by one and it gets a static method
``upcast_vN_vM(payload)`` that turns a stored payload of the version before
into the new shape (as eventsourcing does); ``core.messages.event_codec`` is
the one place that applies them. Nothing else supplies defaults for old
payloads.
"""

from dataclasses import Field, asdict, dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from core.domain.pricing import Discount


class Event:
    class_version: ClassVar[int] = 1
    if TYPE_CHECKING:
        # Every event class is a dataclass, so an Event fits what asdict() takes.
        __dataclass_fields__: ClassVar[dict[str, Field[Any]]]

    def to_payload(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class CategoryAdded(Event):
    category_id: int
    name: str
    parent_id: int | None


@dataclass(frozen=True)
class CategoryRenamed(Event):
    category_id: int
    name: str


@dataclass(frozen=True)
class CategoryMoved(Event):
    category_id: int
    parent_id: int | None


@dataclass(frozen=True)
class CategoryDeleted(Event):
    category_id: int


@dataclass(frozen=True)
class ProductAdded(Event):
    product_id: int
    sku: str
    name: str
    category_id: int
    price_cents: int
    stock: int
    barcode: str | None
    reorder_level: int
    cost_price_cents: int | None = None
    tax_rate_bp: int | None = None
    active: bool = True

    class_version: ClassVar[int] = 2

    @staticmethod
    def upcast_v1_v2(payload: dict) -> None:
        """Version 1 (schema 1 shops) had no cost, own tax rate or archiving."""
        payload.setdefault("cost_price_cents", None)
        payload.setdefault("tax_rate_bp", None)
        payload.setdefault("active", True)


@dataclass(frozen=True)
class ProductUpdated(Event):
    """The product's whole new state (stock included, unchanged by this)."""

    product_id: int
    sku: str
    name: str
    category_id: int
    price_cents: int
    stock: int
    barcode: str | None
    reorder_level: int
    cost_price_cents: int | None
    tax_rate_bp: int | None
    active: bool


@dataclass(frozen=True)
class ProductDeleted(Event):
    product_id: int


@dataclass(frozen=True)
class CategoryTaxRateSet(Event):
    category_id: int
    tax_rate_bp: int | None


@dataclass(frozen=True)
class SoldLine:
    product_id: int
    sku: str
    name: str
    quantity: int
    unit_price_cents: int
    stock_after: int  # the product's stock once this line was taken
    discount: Discount | None = None  # the line's discount as asked
    line_discount_cents: int = 0
    order_discount_cents: int = 0  # its share of the order discount
    tax_rate_bp: int = 0
    tax_cents: int = 0
    cost_price_cents: int | None = None  # the product's cost when sold (None: none)
    category_id: int | None = None  # the product's category when sold
    category_path: str | None = None  # that category's full path then (None: not recorded)


@dataclass(frozen=True)
class OrderPlaced(Event):
    order_id: int
    placed_at: str
    total_cents: int
    lines: tuple[SoldLine, ...]
    customer_id: int | None = None
    prices_include_tax: bool = True
    subtotal_cents: int = 0
    discount_cents: int = 0  # the lines' discounts and the order discount
    tax_cents: int = 0
    order_discount: Discount | None = None  # as asked
    session_id: int | None = None  # the till session it was placed in
    staff_name: str | None = None  # who placed it, as they were called then (None: not recorded)

    class_version: ClassVar[int] = 4

    @staticmethod
    def upcast_v1_v2(payload: dict) -> None:
        """Version 1 (schema 1-2 shops): no customers, discounts or tax; what
        was paid for the lines was the total."""
        payload.setdefault("customer_id", None)
        payload.setdefault("prices_include_tax", True)
        payload.setdefault("subtotal_cents", payload["total_cents"])
        payload.setdefault("discount_cents", 0)
        payload.setdefault("tax_cents", 0)
        payload.setdefault("order_discount", None)
        for line in payload["lines"]:
            line.setdefault("discount", None)
            for name in ("line_discount_cents", "order_discount_cents", "tax_rate_bp", "tax_cents"):
                line.setdefault(name, 0)

    @staticmethod
    def upcast_v2_v3(payload: dict) -> None:
        """Version 2 (schema 3 shops) kept no cost or category with a line:
        none is invented (reports count such units as without cost); and had
        no till sessions."""
        payload.setdefault("session_id", None)
        for line in payload["lines"]:
            line.setdefault("cost_price_cents", None)
            line.setdefault("category_id", None)

    @staticmethod
    def upcast_v3_v4(payload: dict) -> None:
        """Version 3 (schema 4 shops) kept neither the staff member's name
        nor the category's path as of the sale: none is invented (reports
        show such sales as "not recorded")."""
        payload.setdefault("staff_name", None)
        for line in payload["lines"]:
            line.setdefault("category_path", None)


@dataclass(frozen=True)
class PaymentRecorded(Event):
    payment_id: int
    order_id: int
    at: str
    method: str
    amount_cents: int
    tendered_cents: int | None
    change_cents: int | None
    paid_cents: int  # the order's payments so far, this one included
    status: str  # the order's status after it
    session_id: int | None = None  # the till session it was taken in

    class_version: ClassVar[int] = 2

    @staticmethod
    def upcast_v1_v2(payload: dict) -> None:
        """Version 1 (schema 3 shops) had no till sessions."""
        payload.setdefault("session_id", None)


@dataclass(frozen=True)
class OrderFulfilled(Event):
    order_id: int
    fulfilled_at: str


@dataclass(frozen=True)
class Restocked:
    product_id: int
    quantity: int
    stock_after: int


@dataclass(frozen=True)
class RefundPart:
    """Money given back one way."""

    method: str  # cash, card, other
    amount_cents: int


@dataclass(frozen=True)
class OrderCancelled(Event):
    order_id: int
    cancelled_at: str
    restocked: tuple[Restocked, ...]  # the units not returned before
    refund_cents: int = 0  # given back by the cancellation
    refunded_cents: int = 0  # the order's refunds in all, this one included
    refunds: tuple[RefundPart, ...] = ()  # refund_cents, by method
    session_id: int | None = None  # the till session it was cancelled in

    class_version: ClassVar[int] = 3

    @staticmethod
    def upcast_v1_v2(payload: dict) -> None:
        """Version 1 (schema 1-2 shops): nothing was paid before a cancellation."""
        payload.setdefault("refund_cents", 0)
        payload.setdefault("refunded_cents", 0)

    @staticmethod
    def upcast_v2_v3(payload: dict) -> None:
        """Version 2 (schema 3 shops) did not say how money went back, nor
        in which till session."""
        payload.setdefault("refunds", [])
        payload.setdefault("session_id", None)


@dataclass(frozen=True)
class ReturnedLine:
    product_id: int
    quantity: int
    refund_cents: int
    tax_cents: int  # the tax part of the refund
    returned_quantity: int  # the line's units returned so far, these included
    refunded_cents: int  # the line's refunds so far, this one included
    stock_after: int


@dataclass(frozen=True)
class ItemsReturned(Event):
    return_id: int
    order_id: int
    at: str
    reason: str
    note: str
    refund_cents: int
    refunded_cents: int  # the order's refunds in all, this one included
    lines: tuple[ReturnedLine, ...]
    refunds: tuple[RefundPart, ...] = ()  # refund_cents, by method
    session_id: int | None = None  # the till session it was taken back in

    class_version: ClassVar[int] = 2

    @staticmethod
    def upcast_v1_v2(payload: dict) -> None:
        """Version 1 (schema 3 shops) did not say how money went back, nor
        in which till session."""
        payload.setdefault("refunds", [])
        payload.setdefault("session_id", None)


@dataclass(frozen=True)
class CustomerAdded(Event):
    customer_id: int
    name: str
    phone: str | None
    email: str | None
    note: str | None
    added_at: str


@dataclass(frozen=True)
class CustomerUpdated(Event):
    customer_id: int
    name: str
    phone: str | None
    email: str | None
    note: str | None


@dataclass(frozen=True)
class ShopSettingsUpdated(Event):
    """The shop's settings, all of them."""

    name: str
    address: str
    currency_code: str
    currency_symbol: str
    default_tax_rate_bp: int
    prices_include_tax: bool
    language: str = "en"  # added later: older events are English shops


@dataclass(frozen=True)
class StockReceived(Event):
    product_id: int
    quantity: int
    stock_after: int
    note: str = ""

    class_version: ClassVar[int] = 2

    @staticmethod
    def upcast_v1_v2(payload: dict) -> None:
        """Version 1 had no note."""
        payload.setdefault("note", "")


@dataclass(frozen=True)
class StockAdjusted(Event):
    product_id: int
    change: int  # signed
    stock_after: int
    reason: str
    note: str = ""

    class_version: ClassVar[int] = 2

    @staticmethod
    def upcast_v1_v2(payload: dict) -> None:
        """Version 1 had no note."""
        payload.setdefault("note", "")


# -- staff, signing in and permissions: events -------------------------------------------
@dataclass(frozen=True)
class StaffAdded(Event):
    """Never the PIN nor its hash."""

    staff_id: int
    name: str
    role: str
    active: bool
    added_at: str


@dataclass(frozen=True)
class StaffUpdated(Event):
    """The staff member's whole new state; ``pin_changed``: they were given a
    new PIN (never the PIN nor its hash)."""

    staff_id: int
    name: str
    role: str
    active: bool
    pin_changed: bool


# -- till sessions and cash: events -------------------------------------------------------
@dataclass(frozen=True)
class TillOpened(Event):
    session_id: int
    till: str
    opened_at: str
    opened_by: int  # staff id
    opened_by_name: str  # as they were called then
    opening_float_cents: int
    opened_automatically: bool  # by a payment, refund, sale or cash move with no session open


@dataclass(frozen=True)
class TillFloatSet(Event):
    """The float counted into a session that had opened by itself."""

    session_id: int
    opening_float_cents: int


@dataclass(frozen=True)
class TillClosed(Event):
    """``journal_position`` / ``journal_link``: the journal's hash chain as
    it stood when the till closed (its latest link and that link's
    position), printed on the Z report."""

    session_id: int
    closed_at: str
    closed_by: int
    closed_by_name: str
    counted_cash_cents: int
    note: str
    journal_position: int
    journal_link: str

    class_version: ClassVar[int] = 2

    @staticmethod
    def upcast_v1_v2(payload: dict) -> None:
        """Version 1 closed a till before the journal's link was kept with it."""
        payload.setdefault("journal_position", 0)
        payload.setdefault("journal_link", "")


@dataclass(frozen=True)
class DrawerOpened(Event):
    """The drawer opened with no sale ("No sale"), in ``session_id``."""

    open_id: int
    session_id: int
    at: str
    staff_id: int
    staff_name: str


@dataclass(frozen=True)
class CashMoved(Event):
    """A pay-in (kind "in") or pay-out ("out")."""

    move_id: int
    session_id: int
    at: str
    kind: str
    amount_cents: int
    reason: str
    staff_id: int
    staff_name: str


@dataclass(frozen=True)
class PaymentReversed(Event):
    """Payment ``payment_id`` was given back (``method``, ``amount_cents``)."""

    payment_id: int
    order_id: int
    at: str
    method: str
    amount_cents: int
    paid_cents: int  # the order's payments now, this reversal taken off
    status: str  # the order's status after it
    session_id: int | None  # the till session the money went out of


# -- undo and redo: events ---------------------------------------------------------------
@dataclass(frozen=True)
class ActionUndone(Event):
    """The action recorded at outbox ``undone_position`` was undone by the
    ``events`` events recorded just before this one, in the same
    transaction (its compensation: the opposite stock movement, the previous
    values, the order's cancellation); history is never deleted."""

    undone_position: int
    undone_type: str  # the undone event's class name
    description: str  # "receive 24 × Blue Enamel Mug"
    events: int
    # What the undone event was about, so every history can mark it: when it
    # was recorded and the ids it names (None where it names none); a stock
    # movement is known by its product, time and the stock after it.
    done_at: str
    product_id: int | None
    order_id: int | None
    payment_id: int | None
    stock_after: int | None

    class_version: ClassVar[int] = 2

    @staticmethod
    def upcast_v1_v2(payload: dict) -> None:
        """Version 1 named only the undone event's position."""
        payload.setdefault("done_at", "")
        for key in ("product_id", "order_id", "payment_id", "stock_after"):
            payload.setdefault(key, None)


@dataclass(frozen=True)
class ActionRedone(Event):
    """The undone action at ``redone_position`` was done again by the
    ``events`` events recorded just before this one."""

    redone_position: int
    description: str
    events: int
