"""Queries and the immutable values they return. Answered by the read model only."""

from dataclasses import dataclass
from typing import NamedTuple


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
    """All orders, newest first."""


@dataclass(frozen=True)
class GetOrder(Query):
    order_id: int


@dataclass(frozen=True)
class CategoryView:
    id: int
    name: str
    parent_id: int | None
    product_count: int  # products here and in every sub-category


class ProductView(NamedTuple):
    # A NamedTuple, not a frozen dataclass: 100,000 of these are built at
    # start-up, and a tuple is built about five times faster.
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
        return self.stock <= self.reorder_level


@dataclass(frozen=True)
class StockMovement:
    at: str  # ISO 8601, UTC
    kind: str  # received, sold, cancelled, returned, adjusted
    quantity: int  # signed: -2 for two sold
    stock_after: int
    reason: str | None  # damaged, lost, stock-take, other (adjustments)
    note: str | None
    order_id: int | None


@dataclass(frozen=True)
class OrderLineView:
    product_id: int
    sku: str
    name: str
    quantity: int
    unit_price_cents: int

    @property
    def total_cents(self) -> int:
        return self.quantity * self.unit_price_cents


@dataclass(frozen=True)
class OrderSummary:
    id: int
    placed_at: str  # ISO 8601, UTC
    status: str  # "placed" or "cancelled"
    total_cents: int
    line_count: int
    item_count: int


@dataclass(frozen=True)
class OrderDetail:
    id: int
    placed_at: str
    status: str
    total_cents: int
    lines: tuple[OrderLineView, ...]
