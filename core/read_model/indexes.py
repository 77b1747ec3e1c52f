"""In-memory indexes over the read model's documents.

TinyDB has no indexes and its ``search`` scans and copies every document; at
100,000 products that is far too slow for a keystroke. These indexes are built
from the documents on open and kept current by the projector; queries read
them and hand out immutable values only.
"""

import unicodedata
from bisect import bisect_left
from collections import Counter
from functools import partial
from operator import attrgetter, itemgetter

from core.domain.product_order import name_order
from core.messages.queries import CategoryView, ProductView


def fold(text: str) -> str:
    """Case- and accent-insensitive form for searching: "Café" -> "cafe"."""
    if text.isascii():  # most names: far cheaper, and the same answer
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_product_fields = itemgetter(*ProductView._fields)
_STOCK = ProductView._fields.index("stock")
_new_product = partial(tuple.__new__, ProductView)


def product_from_doc(doc: dict) -> ProductView:
    return _new_product(_product_fields(doc))


def products_from_docs(docs) -> list[ProductView]:
    """``[product_from_doc(d) for d in docs]`` without a Python call per
    document: the fields in ProductView's order by one itemgetter, the tuple
    made by tuple.__new__ (measured: docs/adr/0005-other-measured-decisions.md)."""
    return list(map(_new_product, map(_product_fields, docs)))


def fold_all(texts: list[str]) -> list[str]:
    """``[fold(t) for t in texts]``, much faster for mostly-ASCII text: one
    ``lower()`` over all of them joined, ``fold`` only for the rest."""
    joined = "\x00".join(texts)
    if joined.count("\x00") != len(texts) - 1 or not texts:  # a NUL inside a text
        return [fold(t) for t in texts]
    folded = joined.lower().split("\x00")
    if not joined.isascii():
        for i, text in enumerate(texts):
            if not text.isascii():
                folded[i] = fold(text)
    return folded


class CatalogIndex:
    def __init__(self):
        self.categories: dict[int, tuple[str, int | None]] = {}
        self.products: dict[int, ProductView] = {}
        # Built on first use (see ``prepare``), then kept current.
        self._by_sku: dict[str, int] | None = {}
        self._by_barcode: dict[str, int] | None = {}
        self._own_counts: Counter = Counter()
        self.low_stock: set[int] = set()  # active products at or below reorder level
        # Every active product in name order, with aligned search keys and
        # category ids, so "All products" is one tuple() and a search is one
        # pass over flat lists. Rebuilt lazily after products are added,
        # renamed, moved or archived; stock changes patch the one view in
        # place. The search keys and category ids are built on first use (or
        # by ``prepare``): opening the shop only sorts.
        self._sorted_views: list[ProductView] = []
        self._sorted_names: list[str] | None = []  # casefolded, for binary search
        self._sorted_keys: list[str] | None = []
        self._sorted_categories: list[int] | None = []
        self._order_stale = False
        # Goes up each time the name order is made afresh (sorted or adopted).
        self.order_version = 0
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
        if self._by_sku is not None:
            self._by_sku.pop(old.sku, None)
        if old.barcode and self._by_barcode is not None:
            self._by_barcode.pop(old.barcode, None)
        self.low_stock.discard(old.id)

    def _track_low_stock(self, view: ProductView) -> None:
        if view.active and view.low_stock:
            self.low_stock.add(view.id)
        else:
            self.low_stock.discard(view.id)

    def load_products(self, views: list[ProductView]) -> None:
        """Many products at once (opening, rebuilding): ``put_product`` for
        each, in a few C-speed passes when the index has no products yet."""
        if self.products:
            for view in views:
                self.put_product(view)
            return
        self.products = dict(zip(map(attrgetter("id"), views), views))
        self._by_sku = self._by_barcode = None  # built on first use
        self._own_counts = Counter([v.category_id for v in views if v.active])
        self.low_stock = {v.id for v in views if v.active and v.low_stock}
        self._order_stale = True

    def put_product(self, view: ProductView) -> None:
        old = self.products.get(view.id)
        by_sku, by_barcode = self._by_sku, self._by_barcode
        if old is not None:
            self._forget(old)
        self.products[view.id] = view
        self._track_low_stock(view)
        if view.active:  # the tree counts what the lists show
            self._own_counts[view.category_id] += 1
        if by_sku is not None:
            by_sku[view.sku] = view.id
        if view.barcode and by_barcode is not None:
            by_barcode[view.barcode] = view.id
        if old is None or (old.name, old.sku, old.barcode, old.category_id, old.active) != (
            view.name,
            view.sku,
            view.barcode,
            view.category_id,
            view.active,
        ):
            self._order_stale = True
        elif not self._order_stale and view.active:
            self._patch_sorted(view)

    def set_stock(self, product_id: int, stock: int) -> None:
        view = self.products.get(product_id)
        if view is not None and view.stock != stock:
            # (view._replace(stock=stock), without its Python-level loop)
            view = _new_product(view[:_STOCK] + (stock,) + view[_STOCK + 1 :])
            self.products[product_id] = view
            self._track_low_stock(view)
            if not self._order_stale and view.active:
                self._patch_sorted(view)

    def _patch_sorted(self, view: ProductView) -> None:
        """Replace a product's entry in name order (same name and id as
        before): found by binary search over the casefolded names, so there
        is no 100,000-entry position dict to build at start-up."""
        names = self._sorted_names
        if names is None:
            names = self._sorted_names = [v.name.casefold() for v in self._sorted_views]
        views, key, product_id = self._sorted_views, view.name.casefold(), view.id
        position = bisect_left(names, key)
        while position < len(views) and names[position] == key:  # same name: by id
            if views[position].id == product_id:
                views[position] = view
                return
            position += 1
        self._order_stale = True  # cannot happen while in order; sort again rather than guess

    # -- reads (queries) --------------------------------------------------------
    @property
    def by_sku(self) -> dict[str, int]:
        if self._by_sku is None:
            self._by_sku = {v.sku: v.id for v in self.products.values()}
        return self._by_sku

    @property
    def by_barcode(self) -> dict[str, int]:
        if self._by_barcode is None:
            self._by_barcode = {v.barcode: v.id for v in self.products.values() if v.barcode}
        return self._by_barcode

    def prepare(self) -> None:
        """Build now whatever the first search, category or scan would build
        (noticeable in a large catalog: docs/adr/0005-other-measured-decisions.md),
        for idle time after the window is painted, so opening the shop does
        not wait for it."""
        self.ensure_order()
        self._search_keys()
        self._categories_in_order()
        if self._sorted_names is None:
            self._sorted_names = [v.name.casefold() for v in self._sorted_views]
        _ = self.by_sku, self.by_barcode  # the properties build them

    def _search_keys(self) -> list[str]:
        keys = self._sorted_keys
        if keys is None:
            keys = self._sorted_keys = fold_all([f"{p.name}\n{p.sku}\n{p.barcode or ''}" for p in self._sorted_views])
        return keys

    def _categories_in_order(self) -> list[int]:
        categories = self._sorted_categories
        if categories is None:
            categories = self._sorted_categories = list(map(attrgetter("category_id"), self._sorted_views))
        return categories

    @property
    def order_stale(self) -> bool:
        """True while products changed since the name order was made."""
        return self._order_stale

    def ordered_ids(self) -> list[int]:
        """The active products' ids in name order (call ``ensure_order`` first)."""
        return list(map(attrgetter("id"), self._sorted_views))

    def adopt_order(self, product_ids) -> bool:
        """Take a name order saved earlier (``ordered_ids``) instead of
        sorting, a large part of opening a large catalog
        (docs/adr/0005-other-measured-decisions.md). Refused, changing
        nothing, unless it names every active product exactly once."""
        products = self.products
        try:
            views = [products[i] for i in product_ids]
        except (KeyError, TypeError):
            return False
        active = sum(self._own_counts.values())
        if len(views) != active or len(set(product_ids)) != active or not all(map(attrgetter("active"), views)):
            return False
        self._set_order(views)
        return True

    def _set_order(self, views: list[ProductView]) -> None:
        self._sorted_views = views
        self._sorted_names = self._sorted_keys = self._sorted_categories = None  # built on first use
        self._category_positions.clear()
        self._order_stale = False
        self.order_version += 1

    def ensure_order(self) -> None:
        """Sort the catalog now if it needs it (a query would do it anyway)."""
        if not self._order_stale:
            return
        # name_order (casefolded name, then id) of the active products in
        # C-speed passes: by id first, then a stable sort on the names alone.
        by_id = sorted([p for p in self.products.values() if p.active], key=itemgetter(0))
        names = [v.name.casefold() for v in by_id]
        self._set_order([by_id[i] for i in sorted(range(len(by_id)), key=names.__getitem__)])

    def archived_views(self, category_id: int | None, search: str | None) -> tuple[ProductView, ...]:
        """Archived products (few: no index needed), filtered like product_views."""
        wanted = None if category_id is None else self.descendants(category_id)
        needle = fold(search.strip()) if search and search.strip() else None
        found = [
            p
            for p in self.products.values()
            if not p.active
            and (wanted is None or p.category_id in wanted)
            and (needle is None or needle in fold(f"{p.name}\n{p.sku}\n{p.barcode or ''}"))
        ]
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
            return tuple([v for v, k in zip(views, self._search_keys()) if needle in k])
        positions = self._positions_in(category_id)
        if needle is None:
            return tuple([views[i] for i in positions])
        keys = self._search_keys()
        return tuple([views[i] for i in positions if needle in keys[i]])

    def _positions_in(self, category_id: int) -> list[int]:
        positions = self._category_positions.get(category_id)
        if positions is None:
            wanted = self.descendants(category_id)
            positions = [i for i, c in enumerate(self._categories_in_order()) if c in wanted]
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
        totals: Counter[int] = Counter()  # category id -> products in it and below
        for cid in self.categories:
            # Walk up from every category; a guard stops a corrupt cycle.
            node: int | None
            count, node, seen = self._own_counts[cid], cid, set()
            while node is not None and node not in seen:
                seen.add(node)
                totals[node] += count
                node = self.categories.get(node, ("", None))[1]
        children: dict[int | None, list[int]] = {}
        for cid, (_name, parent) in self.categories.items():
            children.setdefault(parent, []).append(cid)
        result, stack = [], sorted(children.get(None, ()), key=lambda c: self.categories[c][0].casefold(), reverse=True)
        while stack:  # parents before children, siblings by name
            cid = stack.pop()
            name, parent = self.categories[cid]
            result.append(CategoryView(cid, name, parent, totals[cid]))
            stack.extend(sorted(children.get(cid, ()), key=lambda c: self.categories[c][0].casefold(), reverse=True))
        return tuple(result)
