"""Commands: what a person asks the shop to do. Imperative names, frozen values.

The dispatcher validates them (types included: a price of ``1.5`` or ``"2"`` is
refused), so a command object may hold anything a form typed in.
"""

from dataclasses import dataclass, fields
from typing import ClassVar

from core.domain.order_lines import OrderLine
from core.domain.payment_methods import CARD, CASH, OTHER, PAYMENT_METHODS  # noqa: F401
from core.domain.pricing import Discount  # the type of a line's or an order's discount


class Command:
    """Marker base class of every command."""


@dataclass(frozen=True)
class AddCategory(Command):
    name: str
    parent_id: int | None = None


@dataclass(frozen=True)
class RenameCategory(Command):
    category_id: int
    name: str


@dataclass(frozen=True)
class MoveCategory(Command):
    """Put a category under another one (None: at the top). Never under itself
    or one of its own sub-categories."""

    category_id: int
    parent_id: int | None


@dataclass(frozen=True)
class DeleteCategory(Command):
    """Delete a category. Its own products move to ``move_products_to``
    (required when it holds any); its sub-categories move up to its parent."""

    category_id: int
    move_products_to: int | None = None


@dataclass(frozen=True)
class AddProduct(Command):
    sku: str
    name: str
    category_id: int
    price_cents: int
    stock: int = 0
    barcode: str | None = None
    reorder_level: int = 0
    cost_price_cents: int | None = None
    tax_rate_bp: int | None = None  # basis points (2000 = 20%); None: the category's/shop's
    active: bool = True


@dataclass(frozen=True)
class UpdateProduct(Command):
    """Replace a product's details (not its stock: that moves only through
    stock commands and orders). Past orders keep the price they were sold at."""

    product_id: int
    sku: str
    name: str
    category_id: int
    price_cents: int
    barcode: str | None = None
    reorder_level: int = 0
    cost_price_cents: int | None = None
    tax_rate_bp: int | None = None
    active: bool = True


@dataclass(frozen=True)
class GiveBarcode(Command):
    """Give a product without a barcode the shop's next own EAN-13
    (2000000000015, 2000000000022...), so that its label scans."""

    product_id: int


@dataclass(frozen=True)
class GiveBarcodes(Command):
    """GiveBarcode for many products in one transaction (one approval): each
    of them without a barcode gets the shop's next own EAN-13, in the order
    given; one that has a barcode (given at another till meanwhile) is
    passed over. All or none. Returns ((product id, barcode), ...) for those
    given one."""

    product_ids: tuple[int, ...]


@dataclass(frozen=True)
class ArchiveProduct(Command):
    """Take a product out of the browse list; it stays in past orders."""

    product_id: int


@dataclass(frozen=True)
class RestoreProduct(Command):
    product_id: int


@dataclass(frozen=True)
class DeleteProduct(Command):
    """Only for a product never sold; a sold one can be archived instead."""

    product_id: int


@dataclass(frozen=True)
class ProductRecord:
    """One product of a catalog file, as read (``line`` is its line number)."""

    line: int
    sku: str
    name: str
    category_path: str  # "Home/Kitchen/Mugs"; missing categories are created
    price_cents: int
    stock: int | None = None  # None: leave stock alone (new products: 0)
    barcode: str | None = None
    reorder_level: int | None = None


@dataclass(frozen=True)
class ImportProducts(Command):
    """Create or update products by SKU. Good records are applied, bad ones
    are reported with their line and reason (the result's ``rejected``);
    applying the same records twice changes nothing the second time."""

    records: tuple[ProductRecord, ...]

    # Each record is screened by the handler, which rejects a bad one with
    # its line and keeps the others (core/domain/command_values.py).
    screened_one_by_one: ClassVar[tuple[str, ...]] = ("records",)


@dataclass(frozen=True)
class AddProducts(Command):
    """Many products in one transaction: all are added, or none (the first
    refused one is named in the error). Returns their ids in order."""

    products: tuple[AddProduct, ...]


@dataclass(frozen=True)
class PlaceOrder(Command):
    """Take the lines' stock and record the order, priced with today's prices,
    tax rates and the shop's tax setting. Returns the order number.

    ``request_id``: a text the form makes once per order (``uuid4().hex``);
    sending the same command again (a double click, a retry after a time-out)
    returns the same order number and changes nothing."""

    lines: tuple[OrderLine, ...]
    customer_id: int | None = None  # None: a walk-in customer
    order_discount: Discount | None = None
    request_id: str | None = None


@dataclass(frozen=True)
class RecordPayment(Command):
    """Take a payment for a placed order; the order is paid once its payments
    cover the total. For cash, ``tendered_cents`` is what the customer handed
    over (at least ``amount_cents``; None: the exact amount) and the change is
    the difference. Returns a ``PaymentOutcome``."""

    order_id: int
    method: str  # one of PAYMENT_METHODS
    amount_cents: int
    tendered_cents: int | None = None


@dataclass(frozen=True)
class FulfilOrder(Command):
    """The paid order has been handed over or sent."""

    order_id: int


@dataclass(frozen=True)
class CancelOrder(Command):
    """Cancel an order not yet fulfilled: its stock (less any units already
    returned) goes back, and what was paid (less earlier refunds) is refunded,
    by ``refund_method`` (cash, card, other; None: the way it was paid)."""

    order_id: int
    refund_method: str | None = None


RETURN_REASONS = ("unwanted", "faulty", "wrong item", "other")


@dataclass(frozen=True)
class ReturnLine:
    product_id: int
    quantity: int


@dataclass(frozen=True)
class ReturnItems(Command):
    """Take back units of a paid or fulfilled order: they go back to stock and
    their share of what was paid is refunded. Never more units than were sold,
    however many returns. Returns a ``ReturnOutcome``."""

    order_id: int
    lines: tuple[ReturnLine, ...]
    reason: str = "other"  # one of RETURN_REASONS
    note: str = ""
    refund_method: str | None = None  # cash, card, other; None: the way it was paid


@dataclass(frozen=True)
class AddCustomer(Command):
    """Returns the new customer's number. Blank phone, e-mail or note: none."""

    name: str
    phone: str | None = None
    email: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class UpdateCustomer(Command):
    """Replace a customer's details."""

    customer_id: int
    name: str
    phone: str | None = None
    email: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class UpdateShopSettings(Command):
    """Replace the shop's settings (see ``GetShopSettings`` for today's).
    ``UpdateShopSettings.based_on(settings, name="...")`` changes a few."""

    name: str
    address: str  # may span several lines
    currency_code: str  # ISO 4217: GBP, EUR, ...
    currency_symbol: str
    default_tax_rate_bp: int  # basis points: 2000 is 20%
    prices_include_tax: bool
    language: str = "en"  # receipts and reports: "en" or "ru"

    @classmethod
    def based_on(cls, settings, **changes) -> "UpdateShopSettings":
        values = {f.name: getattr(settings, f.name) for f in fields(cls)}
        return cls(**{**values, **changes})


@dataclass(frozen=True)
class SetCategoryTaxRate(Command):
    """The tax rate of a category's products that have none of their own
    (and of its sub-categories that have none); None: its parent's, or the
    shop's default."""

    category_id: int
    tax_rate_bp: int | None


@dataclass(frozen=True)
class ReceiveStock(Command):
    product_id: int
    quantity: int
    note: str = ""  # supplier, delivery note...


ADJUSTMENT_REASONS = ("damaged", "lost", "stock-take", "other")


@dataclass(frozen=True)
class AdjustStock(Command):
    """Correct stock: either to a ``counted`` level or by a signed ``change``.
    ``seen_stock`` is the level the person saw when they started counting:
    if a sale moved it meanwhile, the count is refused as stale."""

    product_id: int
    reason: str  # one of ADJUSTMENT_REASONS
    counted: int | None = None
    change: int | None = None
    note: str = ""
    seen_stock: int | None = None


# -- staff, signing in and permissions: commands -------------------------------------------
@dataclass(frozen=True)
class AddStaff(Command):
    """Add a staff member who signs in with ``pin`` (4 to 8 digits, kept only
    as a salted hash). The shop's first staff member must be an owner; once
    it has staff, every command needs someone signed in. Returns their number."""

    name: str
    role: str  # owner, manager, cashier (core.domain.staff.Role)
    pin: str


@dataclass(frozen=True)
class UpdateStaff(Command):
    """Replace a staff member's name, role and whether they may sign in;
    ``pin`` None keeps their PIN. The last active owner stays one."""

    staff_id: int
    name: str
    role: str
    active: bool
    pin: str | None = None


@dataclass(frozen=True)
class SignIn(Command):
    """Check ``pin`` against this staff member's PIN, counting wrong ones at
    this till (a pause after MAX_PIN_FAILURES in a row). Returns a
    ``SignInOutcome``; ``Shop.sign_in`` and a manager's approval
    (``Shop.dispatch(..., approved_by=...)``) send it."""

    staff_id: int
    pin: str


# -- till sessions and cash: commands -------------------------------------------------------
@dataclass(frozen=True)
class OpenTill(Command):
    """Open this till's session with the cash put in the drawer to start
    with. Returns the session id. A session opened by itself (a payment with
    no session open) that holds no float yet takes this float instead."""

    opening_float_cents: int


@dataclass(frozen=True)
class CloseTill(Command):
    """Close this till's session with the cash counted in the drawer. Returns
    the session id (its Z number); its report is frozen from then on."""

    counted_cash_cents: int
    note: str = ""


@dataclass(frozen=True)
class PayIn(Command):
    """Cash put into the drawer outside a sale (change from the bank)."""

    amount_cents: int
    reason: str


@dataclass(frozen=True)
class OpenDrawer(Command):
    """ "No sale": the cash drawer opened without a sale or cash move (change
    for a note, a look inside). Recorded, who and when, for the cash-up."""


@dataclass(frozen=True)
class PayOut(Command):
    """Cash taken out of the drawer outside a sale (the window cleaner, banking)."""

    amount_cents: int
    reason: str


@dataclass(frozen=True)
class ReversePayment(Command):
    """Give back a payment taken by mistake, the way it was paid: the order
    goes back to placed (with that amount due again); the payment stays in
    its history, marked reversed, and the till report counts the money out.
    Not once items were taken back or the order was fulfilled or cancelled."""

    payment_id: int


# -- undo and redo ----------------------------------------------------------------------
@dataclass(frozen=True)
class UndoAction(Command):
    """Undo this till's last action, the event at outbox ``position`` (as
    ``Shop.undo_offer`` named it), by a command that compensates it. Refused
    when something else was done at this till since, or the world moved on
    (the stock received is partly sold, the product edited again)."""

    position: int


@dataclass(frozen=True)
class RedoAction(Command):
    """Do again the action at outbox ``position`` that this till's last
    undo undid (as ``Shop.redo_offer`` named it). An undone order is never
    placed again."""

    position: int
