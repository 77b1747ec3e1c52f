"""In-memory indexes over the read model's documents.

TinyDB has no indexes and its ``search`` scans and copies every document; at
100,000 products that is far too slow for a keystroke. These indexes are built
from the documents on open and kept current by the projector; queries read
them and hand out immutable values only.
"""

import unicodedata
from collections import Counter

from core.queries import CategoryView, OrderDetail, OrderLineView, OrderSummary, ProductView


def fold(text: str) -> str:
    """Case- and accent-insensitive form for searching: "Café" -> "cafe"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def product_from_doc(doc: dict) -> ProductView:
    return ProductView(doc["id"], doc["sku"], doc["name"], doc["category_id"],
                       doc["price_cents"], doc["stock"], doc["barcode"], doc["reorder_level"])


def order_from_doc(doc: dict) -> OrderDetail:
    lines = tuple(OrderLineView(l["product_id"], l["sku"], l["name"], l["quantity"],
                                l["unit_price_cents"]) for l in doc["lines"])
    return OrderDetail(doc["id"], doc["placed_at"], doc["status"], doc["total_cents"], lines)


class CatalogIndex:
    def __init__(self):
        self.categories: dict[int, tuple[str, int | None]] = {}
        self.products: dict[int, ProductView] = {}
        self.by_sku: dict[str, int] = {}
        self.by_barcode: dict[str, int] = {}
        self._own_counts: Counter = Counter()
        # Ids sorted by name, with aligned search keys and category ids, so a
        # search or a category switch is one pass over flat lists. Rebuilt
        # lazily after products are added (stock changes leave it alone).
        self._sorted_ids: list[int] = []
        self._sorted_keys: list[str] = []
        self._sorted_categories: list[int] = []
        self._order_stale = False

    # -- updates (projector) --------------------------------------------------
    def put_category(self, category_id: int, name: str, parent_id: int | None) -> None:
        self.categories[category_id] = (name, parent_id)

    def put_product(self, view: ProductView) -> None:
        old = self.products.get(view.id)
        if old is not None:
            self._own_counts[old.category_id] -= 1
            self.by_sku.pop(old.sku, None)
            if old.barcode:
                self.by_barcode.pop(old.barcode, None)
        self.products[view.id] = view
        self._own_counts[view.category_id] += 1
        self.by_sku[view.sku] = view.id
        if view.barcode:
            self.by_barcode[view.barcode] = view.id
        if old is None or (old.name, old.sku, old.barcode, old.category_id) != (
                view.name, view.sku, view.barcode, view.category_id):
            self._order_stale = True

    def set_stock(self, product_id: int, stock: int) -> None:
        view = self.products.get(product_id)
        if view is not None and view.stock != stock:
            self.products[product_id] = view._replace(stock=stock)

    # -- reads (queries) --------------------------------------------------------
    def _ensure_order(self) -> None:
        if not self._order_stale:
            return
        ordered = sorted(self.products.values(), key=lambda p: (p.name.casefold(), p.id))
        self._sorted_ids = [p.id for p in ordered]
        self._sorted_keys = [fold(f"{p.name}\n{p.sku}\n{p.barcode or ''}") for p in ordered]
        self._sorted_categories = [p.category_id for p in ordered]
        self._order_stale = False

    def descendants(self, category_id: int) -> set[int]:
        children: dict[int | None, list[int]] = {}
        for cid, (_name, parent) in self.categories.items():
            children.setdefault(parent, []).append(cid)
        found, stack = set(), [category_id]
        while stack:
            cid = stack.pop()
            if cid not in found:
                found.add(cid)
                stack.extend(children.get(cid, ()))
        return found

    def product_ids(self, category_id: int | None, search: str | None) -> list[int]:
        self._ensure_order()
        ids = self._sorted_ids
        needle = fold(search.strip()) if search and search.strip() else None
        if category_id is not None:
            wanted = self.descendants(category_id)
            if needle:
                return [i for i, c, k in zip(ids, self._sorted_categories, self._sorted_keys)
                        if c in wanted and needle in k]
            return [i for i, c in zip(ids, self._sorted_categories) if c in wanted]
        if needle:
            return [i for i, k in zip(ids, self._sorted_keys) if needle in k]
        return ids

    def category_views(self) -> tuple[CategoryView, ...]:
        totals = Counter()
        for cid in self.categories:
            # Walk up from every category; a guard stops a corrupt cycle.
            count, node, seen = self._own_counts[cid], cid, set()
            while node is not None and node not in seen:
                seen.add(node)
                totals[node] += count
                node = self.categories.get(node, ("", None))[1]
        children: dict[int | None, list[int]] = {}
        for cid, (name, parent) in self.categories.items():
            children.setdefault(parent, []).append(cid)
        result, stack = [], sorted(children.get(None, ()), key=lambda c: self.categories[c][0].casefold(), reverse=True)
        while stack:  # parents before children, siblings by name
            cid = stack.pop()
            name, parent = self.categories[cid]
            result.append(CategoryView(cid, name, parent, totals[cid]))
            stack.extend(sorted(children.get(cid, ()), key=lambda c: self.categories[c][0].casefold(), reverse=True))
        return tuple(result)


class OrderIndex:
    def __init__(self):
        self.orders: dict[int, OrderDetail] = {}
        self._summaries: dict[int, OrderSummary] = {}

    def put(self, order: OrderDetail) -> None:
        self.orders[order.id] = order
        self._summaries[order.id] = OrderSummary(
            order.id, order.placed_at, order.status, order.total_cents,
            len(order.lines), sum(l.quantity for l in order.lines))

    def newest_first(self) -> tuple[OrderSummary, ...]:
        return tuple(self._summaries[i] for i in sorted(self._summaries, reverse=True))
