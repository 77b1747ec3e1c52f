"""Events: what happened, in the past tense. Recorded in the outbox table in the
same transaction as the change, then projected into the read model.

Every event carries resulting state (the new stock level, the whole order), not
only a difference, so applying one twice changes nothing.
"""

from dataclasses import asdict, dataclass


class Event:
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
class SoldLine:
    product_id: int
    sku: str
    name: str
    quantity: int
    unit_price_cents: int
    stock_after: int  # the product's stock once this line was taken


@dataclass(frozen=True)
class OrderPlaced(Event):
    order_id: int
    placed_at: str
    total_cents: int
    lines: tuple[SoldLine, ...]


@dataclass(frozen=True)
class Restocked:
    product_id: int
    quantity: int
    stock_after: int


@dataclass(frozen=True)
class OrderCancelled(Event):
    order_id: int
    cancelled_at: str
    restocked: tuple[Restocked, ...]


@dataclass(frozen=True)
class StockReceived(Event):
    product_id: int
    quantity: int
    stock_after: int
    note: str = ""


@dataclass(frozen=True)
class StockAdjusted(Event):
    product_id: int
    change: int  # signed
    stock_after: int
    reason: str
    note: str = ""
