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
class AddProduct(Command):
    sku: str
    name: str
    category_id: int
    price_cents: int
    stock: int = 0
    barcode: str | None = None
    reorder_level: int = 0


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
