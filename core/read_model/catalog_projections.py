"""How catalog events change the read model: categories, products, stock.

Each applier takes the read model, the event, the event as the outbox stored it
(position, time, who, till), and the collector of what changed. They are idempotent:
events carry resulting state, and stock movements are recognised by position.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.domain.stock_moves import OPENING_NOTE, MovementKind
from core.messages.events import (
    CategoryAdded,
    CategoryDeleted,
    CategoryMoved,
    CategoryRenamed,
    ProductAdded,
    ProductDeleted,
    ProductUpdated,
    StockAdjusted,
    StockReceived,
)
from core.read_model import documents as docs
from core.read_model.changes import ChangeCollector
from core.read_model.indexes import product_from_doc
from core.write_model.reading import StoredEvent

if TYPE_CHECKING:
    from collections.abc import Callable

    from core.messages.events import Event
    from core.read_model.projector import ReadModel


def category_added(rm: ReadModel, e: CategoryAdded, origin: StoredEvent, changes: ChangeCollector) -> None:
    _put_category(rm, e.category_id, e.name, e.parent_id, changes)


def category_renamed(rm: ReadModel, e: CategoryRenamed, origin: StoredEvent, changes: ChangeCollector) -> None:
    if e.category_id not in rm.catalog.categories:
        return  # a replayed event of a category deleted since: nothing to do
    _name, parent_id = rm.catalog.categories[e.category_id]
    _put_category(rm, e.category_id, e.name, parent_id, changes)


def category_moved(rm: ReadModel, e: CategoryMoved, origin: StoredEvent, changes: ChangeCollector) -> None:
    if e.category_id not in rm.catalog.categories:
        return  # a replayed event of a category deleted since: nothing to do
    name, old_parent = rm.catalog.categories[e.category_id]
    # The old and the new ancestors' product counts change with it.
    changes.categories.update(ancestors_and_self(rm, old_parent))
    _put_category(rm, e.category_id, name, e.parent_id, changes)
    changes.categories.update(ancestors_and_self(rm, e.parent_id))


def category_deleted(rm: ReadModel, e: CategoryDeleted, origin: StoredEvent, changes: ChangeCollector) -> None:
    rm.documents.remove(docs.CATEGORIES, e.category_id)
    rm.catalog.remove_category(e.category_id)
    rm.category_tax.pop(e.category_id, None)
    changes.categories.add(e.category_id)


def _put_category(rm: ReadModel, category_id: int, name: str, parent_id: int | None, changes: ChangeCollector) -> None:
    rm.documents.put(docs.CATEGORIES, category_id, docs.category_doc(name, parent_id, rm.category_tax.get(category_id)))
    rm.catalog.put_category(category_id, name, parent_id)
    changes.categories.add(category_id)


def ancestors_and_self(rm: ReadModel, category_id: int | None) -> set[int]:
    seen: set[int] = set()
    while category_id is not None and category_id not in seen:
        seen.add(category_id)
        category_id = rm.catalog.categories.get(category_id, ("", None))[1]
    return seen


def _put_product(rm: ReadModel, e: ProductAdded | ProductUpdated, changes: ChangeCollector) -> dict:
    doc = docs.product_doc(vars(e))
    old = rm.catalog.products.get(doc["id"])
    rm.documents.put(docs.products_table(doc["id"]), doc["id"], doc)
    rm.catalog.put_product(product_from_doc(doc))
    changes.products.add(doc["id"])
    # Its categories and their ancestors: their product counts may change.
    for category_id in {doc["category_id"], old.category_id if old else None} - {None}:
        changes.categories.update(ancestors_and_self(rm, category_id))
    return doc


def product_added(rm: ReadModel, e: ProductAdded, origin: StoredEvent, changes: ChangeCollector) -> None:
    doc = _put_product(rm, e, changes)
    if doc["stock"]:
        rm.documents.append_moves(
            origin, {doc["id"]: (MovementKind.RECEIVED, doc["stock"], doc["stock"], None, OPENING_NOTE, None)}
        )


def product_updated(rm: ReadModel, e: ProductUpdated, origin: StoredEvent, changes: ChangeCollector) -> None:
    _put_product(rm, e, changes)


def product_deleted(rm: ReadModel, e: ProductDeleted, origin: StoredEvent, changes: ChangeCollector) -> None:
    product_id = e.product_id
    old = rm.catalog.products.get(product_id)
    rm.documents.remove(docs.products_table(product_id), product_id)
    rm.documents.remove_history(product_id)
    rm.catalog.remove_product(product_id)
    changes.products.add(product_id)
    if old is not None:
        changes.categories.update(ancestors_and_self(rm, old.category_id))


def set_stock_levels(rm: ReadModel, levels: dict[int, int], changes: ChangeCollector) -> None:
    """Products' new stock levels, as an event that moved stock says them."""
    for product_id, stock in levels.items():
        name = docs.products_table(product_id)
        doc = rm.documents.get(name, product_id)
        if doc is not None:  # as TinyDB's update(doc_ids=...): unknown ids are skipped
            doc["stock"] = stock
            rm.documents.changed(name)
        rm.catalog.set_stock(product_id, stock)
    changes.products.update(levels)


def stock_received(rm: ReadModel, e: StockReceived, origin: StoredEvent, changes: ChangeCollector) -> None:
    set_stock_levels(rm, {e.product_id: e.stock_after}, changes)
    rm.documents.append_moves(
        origin, {e.product_id: (MovementKind.RECEIVED, e.quantity, e.stock_after, None, e.note, None)}
    )


def stock_adjusted(rm: ReadModel, e: StockAdjusted, origin: StoredEvent, changes: ChangeCollector) -> None:
    set_stock_levels(rm, {e.product_id: e.stock_after}, changes)
    rm.documents.append_moves(
        origin, {e.product_id: (MovementKind.ADJUSTED, e.change, e.stock_after, e.reason, e.note, None)}
    )


# Each takes (read model, event of its class, the event as stored (position, time, who), changes).
APPLIERS: dict[type[Event], Callable[..., None]] = {
    CategoryAdded: category_added,
    CategoryRenamed: category_renamed,
    CategoryMoved: category_moved,
    CategoryDeleted: category_deleted,
    ProductAdded: product_added,
    ProductUpdated: product_updated,
    ProductDeleted: product_deleted,
    StockReceived: stock_received,
    StockAdjusted: stock_adjusted,
}
