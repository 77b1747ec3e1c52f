"""Orders parked at this till: the one being built, put aside while the next
customer is served, recalled later. They belong to the till, not the shop
(kept with this computer's settings, local_settings.py), survive a restart,
and reserve no stock: nothing is sold until Place Order. A recalled order is
priced again by the core, so a price changed meanwhile is the one charged.

Each line keeps its product's SKU beside its number: on recall a product is
found by both (a number that now names another product, after a restore or
in another shop opened on this computer, is not trusted)."""

import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from shop_gui import local_settings

PARKED_KEY = "counter/parkedOrders"


@dataclass(frozen=True)
class ParkedLine:
    product_id: int
    sku: str
    name: str
    quantity: int
    discount: str  # as the line discount field shows it: "10%", "1.50", ""


@dataclass(frozen=True)
class ParkedOrder:
    parked_at: str  # ISO 8601, UTC
    lines: tuple[ParkedLine, ...]
    customer_id: int | None = None
    order_discount: str = ""
    total_cents: int = 0  # as priced when parked (the list shows it; recall prices again)

    @property
    def items(self) -> int:
        return sum(line.quantity for line in self.lines)

    def summary(self) -> str:
        names = ", ".join(line.name for line in self.lines[:2])
        more = len(self.lines) - 2
        return names + (f" and {more} more" if more > 0 else "")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")  # also names the parked order


def load() -> list[ParkedOrder]:
    """The parked orders, oldest first; none when the stored value is unreadable."""
    text = local_settings.settings().value(PARKED_KEY, "")
    try:
        stored = json.loads(text) if text else []
        return [
            ParkedOrder(
                parked_at=str(entry["parked_at"]),
                lines=tuple(ParkedLine(**line) for line in entry["lines"]),
                customer_id=entry.get("customer_id"),
                order_discount=str(entry.get("order_discount", "")),
                total_cents=int(entry.get("total_cents", 0)),
            )
            for entry in stored
        ]
    except (ValueError, TypeError, KeyError):
        return []


def save(orders: list[ParkedOrder]) -> None:
    store = local_settings.settings()
    store.setValue(PARKED_KEY, json.dumps([asdict(order) for order in orders]))
    store.sync()


def park(order: ParkedOrder) -> int:
    """Add ``order``; returns how many are parked now."""
    orders = load()
    orders.append(order)
    save(orders)
    return len(orders)


def take(parked_at: str) -> ParkedOrder | None:
    """Remove the order parked at that moment and return it (None: recalled meanwhile)."""
    orders = load()
    found = next((order for order in orders if order.parked_at == parked_at), None)
    if found is not None:
        orders.remove(found)
        save(orders)
    return found
