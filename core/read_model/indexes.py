"""In-memory indexes over the read model's documents.

TinyDB has no indexes and its ``search`` scans and copies every document; at
100,000 products that is far too slow for a keystroke. These indexes are built
from the documents on open and kept current by the projector; queries read
them and hand out immutable values only.
"""

import unicodedata
from collections import Counter

from core.queries import CategoryView, ProductView


def fold(text: str) -> str:
    """Case- and accent-insensitive form for searching: "Café" -> "cafe"."""
    if text.isascii():  # most names: 7x faster, and the same answer
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_order(product: ProductView) -> tuple[str, int]:
    """The order every product list comes in (and the GUI relies on)."""
    return product.name.casefold(), product.id


def product_from_doc(doc: dict) -> ProductView:
    return ProductView(doc["id"], doc["sku"], doc["name"], doc["category_id"],
                       doc["price_cents"], doc["stock"], doc["barcode"], doc["reorder_level"],
                       doc["cost_price_cents"], doc["tax_rate_bp"], doc["active"])


class CatalogIndex:
    def __init__(self):
        self.categories: dict[int, tuple[str, int | None]] = {}
        self.products: dict[int, ProductView] = {}
        self.by_sku: dict[str, int] = {}
        self.by_barcode: dict[str, int] = {}
        self._own_counts: Counter = Counter()
        self.low_stock: set[int] = set()  # active products at or below reorder level
        # Every active product in name order, with aligned search keys and
        # category ids, so "All products" is one tuple() and a search is one
        # pass over flat lists. Rebuilt lazily after products are added,
        # renamed, moved or archived; stock changes patch the view in place.
        self._sorted_views: list[ProductView] = []
        self._sorted_keys: list[str] = []
        self._sorted_categories: list[int] = []
        self._position: dict[int, int] = {}
        self._order_stale = False
        # Positions (in name order) of each category's products, including
        # sub-categories, filled as categories are shown.
        self._category_positions: dict[int, list[int]] = {}

    # -- updates (projector) --------------------------------------------------
    def put_category(self, category_id: int, name: str, parent_id: int | None) -> None:
        self.categories[category_id] = (name, parent_id)
        self._category_positions.clear()  # the tree changed shape

    def remove_category(self, category_id: int) -> None:
        self.categories.pop(category_id, None)
        self._category_positions.clear()

    def remove_product(self, product_id: int) -> None:
        old = self.products.pop(product_id, None)
        if old is not None:
            self._forget(old)
            self._order_stale = True

    def _forget(self, old: ProductView) -> None:
        if old.active:
            self._own_counts[old.category_id] -= 1
        self.by_sku.pop(old.sku, None)
        if old.barcode:
            self.by_barcode.pop(old.barcode, None)
        self.low_stock.discard(old.id)

    def _track_low_stock(self, view: ProductView) -> None:
        if view.active and view.low_stock:
            self.low_stock.add(view.id)
        else:
            self.low_stock.discard(view.id)

    def put_product(self, view: ProductView) -> None:
        old = self.products.get(view.id)
        if old is not None:
            self._forget(old)
        self.products[view.id] = view
        self._track_low_stock(view)
        if view.active:  # the tree counts what the lists show
            self._own_counts[view.category_id] += 1
        self.by_sku[view.sku] = view.id
        if view.barcode:
            self.by_barcode[view.barcode] = view.id
        if old is None or (old.name, old.sku, old.barcode, old.category_id, old.active) != (
                view.name, view.sku, view.barcode, view.category_id, view.active):
            self._order_stale = True
        elif not self._order_stale and view.active:
            self._sorted_views[self._position[view.id]] = view

    def set_stock(self, product_id: int, stock: int) -> None:
        view = self.products.get(product_id)
        if view is not None and view.stock != stock:
            view = view._replace(stock=stock)
            self.products[product_id] = view
            self._track_low_stock(view)
            if not self._order_stale and view.active:
                self._sorted_views[self._position[product_id]] = view

    # -- reads (queries) --------------------------------------------------------
    def ensure_order(self) -> None:
        """Sort the catalog now if it needs it (a query would do it anyway)."""
        if not self._order_stale:
            return
        ordered = sorted((p for p in self.products.values() if p.active), key=name_order)
        self._sorted_views = ordered
        self._sorted_keys = [fold(f"{p.name}\n{p.sku}\n{p.barcode or ''}") for p in ordered]
        self._sorted_categories = [p.category_id for p in ordered]
        self._position = {p.id: i for i, p in enumerate(ordered)}
        self._category_positions.clear()
        self._order_stale = False

    def archived_views(self, category_id: int | None, search: str | None) -> tuple[ProductView, ...]:
        """Archived products (few: no index needed), filtered like product_views."""
        wanted = None if category_id is None else self.descendants(category_id)
        needle = fold(search.strip()) if search and search.strip() else None
        found = [p for p in self.products.values() if not p.active
                 and (wanted is None or p.category_id in wanted)
                 and (needle is None or needle in fold(f"{p.name}\n{p.sku}\n{p.barcode or ''}"))]
        return tuple(sorted(found, key=name_order))

    def low_stock_views(self) -> tuple[ProductView, ...]:
        return tuple(sorted((self.products[i] for i in self.low_stock), key=name_order))

    def product_views(self, category_id: int | None, search: str | None) -> tuple[ProductView, ...]:
        """Active products in name order: a category with its sub-categories,
        and/or the matches of ``search`` (name, SKU or barcode, any case or accent)."""
        self.ensure_order()
        views = self._sorted_views
        needle = fold(search.strip()) if search and search.strip() else None
        if category_id is None:
            if needle is None:
                return tuple(views)
            return tuple([v for v, k in zip(views, self._sorted_keys) if needle in k])
        positions = self._positions_in(category_id)
        if needle is None:
            return tuple([views[i] for i in positions])
        keys = self._sorted_keys
        return tuple([views[i] for i in positions if needle in keys[i]])

    def _positions_in(self, category_id: int) -> list[int]:
        positions = self._category_positions.get(category_id)
        if positions is None:
            wanted = self.descendants(category_id)
            positions = [i for i, c in enumerate(self._sorted_categories) if c in wanted]
            self._category_positions[category_id] = positions
        return positions

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
