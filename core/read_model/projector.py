"""The projector: applies outbox events after the checkpoint to the TinyDB
documents and the in-memory indexes, then saves documents and checkpoint.

It is idempotent (events carry resulting state), so replaying an event that
was already applied changes nothing. When the files cannot be trusted
(missing, unparsable, another schema, ahead of the write model) it rebuilds
everything from the write model instead.
"""

import gc
import logging
from collections import defaultdict
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from sqlalchemy import Engine
from tinydb import TinyDB

from core.domain.stock_moves import OPENING_NOTE, MovementKind
from core.read_model import documents as docs
from core.read_model import sales
from core.read_model.changes import ChangeCollector, Changes
from core.read_model.indexes import CatalogIndex, product_from_doc, products_from_docs
from core.read_model.storage import CorruptReadModel, ShardedJSONStorage
from core.read_model.committed_events import follow_checkpoint
from core.domain.shop_settings import ShopSettings
from core.write_model.reading import OutboxReader, StoredEvent, last_position, read_snapshot

log = logging.getLogger(__name__)

CATCH_UP_BATCH = 2_000
# Past this many pending events a fresh snapshot is faster than replaying them
# one by one (a bulk import, or a long day at another till).
REBUILD_BACKLOG = 20_000


@contextmanager
def _gc_paused():
    """Loading 100,000 documents allocates a few hundred thousand dicts and
    tuples; the cyclic GC would scan them all several times over (a tenth of
    the opening time) looking for cycles they cannot have. Reference counting
    still frees everything as usual.

    What was loaded is frozen (moved out of the GC's generations) before the
    GC comes back on: otherwise the first allocation after it would scan
    every one of those objects as "new" (20-50 ms at 100,000 products)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()


class ReadModel:
    """The TinyDB documents plus their indexes, kept by projecting events.

    The documents live in ``storage`` (TinyDB's storage, one dict per table,
    documents keyed by ``str(doc_id)``); ``db`` is TinyDB over it. The
    projector edits the storage's tables in place and touches them: TinyDB's
    ``upsert``/``update`` would copy a whole table twice per document, and a
    catch-up changes many documents of few tables.
    """

    def __init__(self, folder: Path, *, lazy_history: bool = True):
        # Fast path (FastPaths.lazy_history, docs/adr/0004-lazy-history.md):
        # the stock history is most of the bytes and is read one product at a
        # time, so its tables are parsed when first needed, not at opening.
        self.storage = ShardedJSONStorage(folder, docs.SCHEMA_VERSION,
                                          lazy_prefixes=(docs.HISTORY_PREFIX,) if lazy_history else ())
        self.db = TinyDB(storage=lambda: self.storage)
        self.catalog = CatalogIndex()
        self.orders = sales.OrderIndex()
        self.customers = sales.CustomerIndex()
        self.settings = ShopSettings()
        self.category_tax: dict[int, int] = {}  # categories with a tax rate of their own
        self._applied = 0
        self._reader: OutboxReader | None = None
        # A table parsed only when saving turned out damaged: the next
        # catch-up rebuilds (saving has no engine to rebuild from).
        self.damaged = False
        # catalog.order_version of the name order in the storage, if any.
        self._stored_order: int | None = None

    def _events_after(self, engine: Engine, position: int) -> list[StoredEvent]:
        reader = self._reader
        if reader is None or reader.engine is not engine:
            if reader is not None:
                reader.close()
            reader = self._reader = OutboxReader(engine)
        return reader.events_after(position, CATCH_UP_BATCH)

    def close(self) -> None:
        """Give back the connection kept for reading events (before the
        engine is disposed)."""
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    @property
    def checkpoint(self) -> int:
        """The last outbox position applied in memory (saved, or about to be)."""
        return self._applied

    @property
    def unsaved_events(self) -> int:
        """Outbox positions applied in memory but not yet saved."""
        return self._applied - self.storage.checkpoint

    def save(self) -> bool:
        """Write changed documents and the checkpoint; False if the disk
        refused (the documents in memory stay right, and the next save or the
        next start's catch-up makes up for it, or, if a file turned out
        damaged, a rebuild: see ``damaged``). The name order is saved with
        other changes only: a save with nothing else to write writes nothing
        (a query that sorted is not a change to the files)."""
        try:
            storage = self.storage
            if storage.has_deferred_edits or storage.is_dirty(self._applied):
                self._store_order()
            storage.flush(self._applied)
            return True
        except CorruptReadModel as exc:
            log.warning("Could not save the read model, it will be rebuilt: %s", exc)
            self.damaged = True
            return False
        except OSError as exc:
            log.warning("Could not save the read model: %s", exc)
            return False

    def _store_order(self) -> None:
        """Put the catalog's name order beside the products it orders, so the
        next opening adopts it instead of sorting. An order not made since
        the products changed (between an import's batches, say) is taken
        out rather than left wrong: that opening sorts."""
        catalog = self.catalog
        if catalog.order_stale:
            self._remove_doc(docs.PRODUCT_ORDER, docs.PRODUCT_ORDER_DOC_ID)
            self._stored_order = None
        elif catalog.order_version != self._stored_order:
            self._put_doc(docs.PRODUCT_ORDER, docs.PRODUCT_ORDER_DOC_ID, {"ids": catalog.ordered_ids()})
            self._stored_order = catalog.order_version

    # -- opening ------------------------------------------------------------------
    def open(self, engine: Engine) -> Changes:
        """Load the files and catch up, or rebuild when they cannot be trusted."""
        if not self.storage.folder.exists():
            log.info("New read model in %s", self.storage.folder)
            return self.rebuild(engine)
        try:
            with _gc_paused():
                self.storage.load()
                if self.storage.checkpoint > last_position(engine):
                    raise CorruptReadModel("read model is ahead of the write model")
                self._index_all()
            self._applied = self.storage.checkpoint
        except CorruptReadModel as exc:
            log.warning("Rebuilding the read model: %s", exc)
            return self.rebuild(engine)
        return self.catch_up(engine)

    def _index_all(self) -> None:
        self.catalog, self.orders, self.customers = CatalogIndex(), sales.OrderIndex(), sales.CustomerIndex()
        # Raw documents from our own storage: building 100,000 TinyDB Document
        # copies just to read them once would double the start-up time.
        try:
            tables = self.storage.read()
            for doc_id, doc in tables.get(docs.CATEGORIES, {}).items():
                self.catalog.put_category(int(doc_id), doc["name"], doc["parent_id"])
            views = []
            for name, table in tables.items():
                if name.startswith(docs.PRODUCTS_PREFIX):
                    views += products_from_docs(table.values())
            self.catalog.load_products(views)
            sales.index_tables(self, tables)
            # The name order now (saved, or sorted); search keys once painted (warm_up).
            saved = tables.get(docs.PRODUCT_ORDER, {}).get(str(docs.PRODUCT_ORDER_DOC_ID))
            if saved is not None and self.catalog.adopt_order(saved["ids"]):
                self._stored_order = self.catalog.order_version
            else:
                self._stored_order = None
                self.catalog.ensure_order()
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise CorruptReadModel(f"unexpected document: {exc!r}") from exc

    # -- rebuild ------------------------------------------------------------------
    def rebuild(self, engine: Engine) -> Changes:
        """Replace every document with what the write model holds now."""
        with _gc_paused():
            return self._rebuild(engine)

    def _rebuild(self, engine: Engine) -> Changes:
        self.damaged = False
        snap = read_snapshot(engine)
        self.db.drop_tables()  # also forgets TinyDB's cached Table objects
        self.storage.reset()
        # The tables are built straight into the storage, as TinyDB keeps them
        # (documents by str(doc_id)): no Document objects, no table copies.
        tables: dict[str, dict] = {docs.CATEGORIES: {
            str(c["id"]): docs.category_doc(c["name"], c["parent_id"], c["tax_rate_bp"])
            for c in snap.categories}}
        products_table = docs.products_table
        for p in snap.products:
            doc = docs.product_doc(p)
            tables.setdefault(products_table(doc["id"]), {})[str(doc["id"])] = doc
        for name, doc_id, doc in sales.documents_from_snapshot(snap):
            tables.setdefault(name, {})[str(doc_id)] = doc
        moves_by_product = defaultdict(list)
        for m in snap.movements:  # all older than the snapshot's position
            moves_by_product[m["product_id"]].append(docs.move_doc(
                snap.position, m["at"], m["kind"], m["quantity"], m["stock_after"], m["reason"],
                m["note"], m["order_id"]))
        for product_id, moves in moves_by_product.items():
            tables.setdefault(docs.history_table(product_id), {})[str(product_id)] = \
                docs.history_doc(product_id, moves)
        self.storage.replace_all(tables)
        self._index_all()
        self._applied = snap.position
        self._store_order()
        self.storage.flush(snap.position)
        self.storage.remove_unlisted_files()
        return Changes(rebuilt=True)

    # -- catching up ----------------------------------------------------------------
    def catch_up(self, engine: Engine, save: bool = True, committed=()) -> Changes:
        """Apply every event recorded after the checkpoint (this process's and
        other tills'), then save unless told not to. Returns what changed.

        ``committed``: events this process has just stored, applied as they
        are instead of being read back when they follow the checkpoint (fast
        path: core/read_model/committed_events.py)."""
        if self.damaged:
            return self.rebuild(engine)
        changes = ChangeCollector()
        position = self.checkpoint
        try:
            follows = follow_checkpoint(committed, position, REBUILD_BACKLOG)
            for event in committed if follows else ():
                self._apply(event, changes)
                position = event.position
            while not follows:
                batch = self._events_after(engine, position)
                if len(batch) == CATCH_UP_BATCH and position == self.checkpoint and \
                        last_position(engine) - position > REBUILD_BACKLOG:
                    # A bulk import, or a long day at another till: a fresh
                    # snapshot is faster than replaying events one by one.
                    return self.rebuild(engine)
                for event in batch:
                    self._apply(event, changes)
                    position = event.position
                if len(batch) < CATCH_UP_BATCH:
                    break
        except CorruptReadModel as exc:
            # A table file read only now (the stock history) is damaged.
            log.warning("Rebuilding the read model: %s", exc)
            return self.rebuild(engine)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            # An event we cannot apply: never leave a half-applied model behind.
            log.error("Projection failed at position %s (%r); rebuilding", position, exc)
            return self.rebuild(engine)
        self._applied = position
        if save and not self.save() and self.damaged:
            return self.rebuild(engine)
        return changes.freeze()

    def _apply(self, event: StoredEvent, changes: ChangeCollector) -> None:
        apply = _APPLIERS.get(event.event_type)
        if apply is None:
            raise ValueError(f"unknown event type {event.event_type!r}")
        self._event = event
        apply(self, event.payload, changes)

    # -- documents, edited in place -------------------------------------------------------
    def _put_doc(self, table_name: str, doc_id: int, doc: dict) -> None:
        """Insert or replace (an upsert) one document."""
        self.storage.table(table_name)[str(doc_id)] = doc
        self.storage.touch(table_name)

    def _doc(self, table_name: str, doc_id: int) -> dict | None:
        """One document, to change in place and put back with ``_put_doc``
        (or ``storage.touch``); or None."""
        table = self.storage.get(table_name)
        return None if table is None else table.get(str(doc_id))

    def _remove_doc(self, table_name: str, doc_id: int) -> None:
        table = self.storage.get(table_name)
        if table is not None and table.pop(str(doc_id), None) is not None:
            self.storage.touch(table_name)

    def _add_moves(self, moves: dict[int, tuple]) -> None:
        """Append a stock movement per product id: (kind, quantity, stock_after,
        reason, note, order_id). A history table not parsed yet is not parsed
        for this (``storage.edit`` defers the append)."""
        event = self._event
        position, at = event.position, event.recorded_at
        edit, history_table = self.storage.edit, docs.history_table
        for product_id, move in moves.items():
            edit(history_table(product_id), partial(_append_move, product_id, docs.move_doc(position, at, *move)))

    # -- one function per event type ---------------------------------------------------
    def _category_added(self, p: dict, changes: ChangeCollector) -> None:
        self._put_category(p["category_id"], p["name"], p["parent_id"], changes)

    def _category_renamed(self, p: dict, changes: ChangeCollector) -> None:
        if p["category_id"] not in self.catalog.categories:
            return  # a replayed event of a category deleted since: nothing to do
        _name, parent_id = self.catalog.categories[p["category_id"]]
        self._put_category(p["category_id"], p["name"], parent_id, changes)

    def _category_moved(self, p: dict, changes: ChangeCollector) -> None:
        if p["category_id"] not in self.catalog.categories:
            return  # a replayed event of a category deleted since: nothing to do
        name, old_parent = self.catalog.categories[p["category_id"]]
        # The old and the new ancestors' product counts change with it.
        changes.categories.update(self._ancestors_and_self(old_parent))
        self._put_category(p["category_id"], name, p["parent_id"], changes)
        changes.categories.update(self._ancestors_and_self(p["parent_id"]))

    def _category_deleted(self, p: dict, changes: ChangeCollector) -> None:
        self._remove_doc(docs.CATEGORIES, p["category_id"])
        self.catalog.remove_category(p["category_id"])
        self.category_tax.pop(p["category_id"], None)
        changes.categories.add(p["category_id"])

    def _put_category(self, category_id: int, name: str, parent_id: int | None, changes) -> None:
        self._put_doc(docs.CATEGORIES, category_id,
                      docs.category_doc(name, parent_id, self.category_tax.get(category_id)))
        self.catalog.put_category(category_id, name, parent_id)
        changes.categories.add(category_id)

    def _put_product(self, p: dict, changes: ChangeCollector) -> dict:
        doc = docs.product_doc(p)
        old = self.catalog.products.get(doc["id"])
        self._put_doc(docs.products_table(doc["id"]), doc["id"], doc)
        self.catalog.put_product(product_from_doc(doc))
        changes.products.add(doc["id"])
        # Its categories and their ancestors: their product counts may change.
        for category_id in {doc["category_id"], old.category_id if old else None} - {None}:
            changes.categories.update(self._ancestors_and_self(category_id))
        return doc

    def _ancestors_and_self(self, category_id: int) -> set[int]:
        seen = set()
        while category_id is not None and category_id not in seen:
            seen.add(category_id)
            category_id = self.catalog.categories.get(category_id, ("", None))[1]
        return seen

    def _product_added(self, p: dict, changes: ChangeCollector) -> None:
        doc = self._put_product(p, changes)
        if doc["stock"]:
            self._add_moves({doc["id"]: (MovementKind.RECEIVED, doc["stock"], doc["stock"], None, OPENING_NOTE, None)})

    def _product_updated(self, p: dict, changes: ChangeCollector) -> None:
        self._put_product(p, changes)

    def _product_deleted(self, p: dict, changes: ChangeCollector) -> None:
        product_id = p["product_id"]
        old = self.catalog.products.get(product_id)
        self._remove_doc(docs.products_table(product_id), product_id)
        self._remove_doc(docs.history_table(product_id), product_id)
        self.catalog.remove_product(product_id)
        changes.products.add(product_id)
        if old is not None:
            changes.categories.update(self._ancestors_and_self(old.category_id))

    def _set_stock_levels(self, levels: dict[int, int], changes: ChangeCollector) -> None:
        for product_id, stock in levels.items():
            name = docs.products_table(product_id)
            doc = self._doc(name, product_id)
            if doc is not None:  # as TinyDB's update(doc_ids=...): unknown ids are skipped
                doc["stock"] = stock
                self.storage.touch(name)
            self.catalog.set_stock(product_id, stock)
        changes.products.update(levels)

    def _stock_received(self, p: dict, changes: ChangeCollector) -> None:
        self._set_stock_levels({p["product_id"]: p["stock_after"]}, changes)
        self._add_moves({p["product_id"]: (MovementKind.RECEIVED, p["quantity"], p["stock_after"], None,
                                           p.get("note"), None)})

    def _stock_adjusted(self, p: dict, changes: ChangeCollector) -> None:
        self._set_stock_levels({p["product_id"]: p["stock_after"]}, changes)
        self._add_moves({p["product_id"]: (MovementKind.ADJUSTED, p["change"], p["stock_after"], p["reason"],
                                           p.get("note"), None)})


def _append_move(product_id: int, move: list, table: dict) -> bool:
    """Add ``move`` to the end of the product's history in ``table``. A
    replayed event is recognised by its position and not recorded twice."""
    key = str(product_id)
    doc = table.get(key)
    if doc is None:
        doc = table[key] = docs.history_doc(product_id)
    history = doc["moves"]
    if history and history[-1][0] >= move[0]:
        return False
    history.append(move)
    return True


_APPLIERS = {
    "CategoryAdded": ReadModel._category_added,
    "CategoryRenamed": ReadModel._category_renamed,
    "CategoryMoved": ReadModel._category_moved,
    "CategoryDeleted": ReadModel._category_deleted,
    "ProductAdded": ReadModel._product_added,
    "ProductUpdated": ReadModel._product_updated,
    "ProductDeleted": ReadModel._product_deleted,
    "StockReceived": ReadModel._stock_received,
    "StockAdjusted": ReadModel._stock_adjusted,
    **sales.PROJECTIONS,  # orders, payments, returns, customers, settings, tax rates
}
