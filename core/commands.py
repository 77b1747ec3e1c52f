"""Commands: what a person asks the shop to do. Imperative names, frozen values.

The dispatcher validates them (types included: a price of ``1.5`` or ``"2"`` is
refused), so a command object may hold anything a form typed in.
"""

from dataclasses import dataclass


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


@dataclass(frozen=True)
class AddProducts(Command):
    """Many products in one transaction: all are added, or none (the first
    refused one is named in the error). Returns their ids in order."""

    products: tuple[AddProduct, ...]


@dataclass(frozen=True)
class OrderLine:
    product_id: int
    quantity: int


@dataclass(frozen=True)
class PlaceOrder(Command):
    lines: tuple[OrderLine, ...]


@dataclass(frozen=True)
class CancelOrder(Command):
    order_id: int


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
