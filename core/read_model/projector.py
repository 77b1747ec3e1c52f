"""The projector: applies outbox events after the checkpoint to the TinyDB
documents and the in-memory indexes, then saves documents and checkpoint.

It is idempotent (events carry resulting state), so replaying an event that
was already applied changes nothing. When the files cannot be trusted
(missing, unparsable, another schema, ahead of the write model) it rebuilds
everything from the write model instead.
"""

import copy
import logging
from collections import defaultdict
from pathlib import Path

from sqlalchemy import Engine
from tinydb import TinyDB
from tinydb.table import Document

from core.handlers.stock_ledger import ADJUSTED, OPENING_NOTE, RECEIVED
from core.read_model import documents as docs
from core.read_model import sales
from core.read_model.changes import ChangeCollector, Changes
from core.read_model.indexes import CatalogIndex, product_from_doc
from core.read_model.storage import CorruptReadModel, ShardedJSONStorage
from core.shop_settings import ShopSettings
from core.write_model.reading import StoredEvent, last_position, read_events_after, read_snapshot

log = logging.getLogger(__name__)

CATCH_UP_BATCH = 2_000
# Past this many pending events a fresh snapshot is faster than replaying them
# one by one (a bulk import, or a long day at another till).
REBUILD_BACKLOG = 20_000


class ReadModel:
    """The TinyDB documents plus their indexes, kept by projecting events."""

    def __init__(self, folder: Path):
        self.storage = ShardedJSONStorage(folder, docs.SCHEMA_VERSION)
        self.db = TinyDB(storage=lambda: self.storage)
        self.catalog = CatalogIndex()
        self.orders = sales.OrderIndex()
        self.customers = sales.CustomerIndex()
        self.settings = ShopSettings()
        self.category_tax: dict[int, int] = {}  # categories with a tax rate of their own
        self._applied = 0

    @property
    def checkpoint(self) -> int:
        """The last outbox position applied in memory (saved, or about to be)."""
        return self._applied

    def save(self) -> bool:
        """Write changed documents and the checkpoint; False if the disk
        refused (the documents in memory stay right, and the next save or the
        next start's catch-up makes up for it)."""
        try:
            self.storage.flush(self._applied)
            return True
        except OSError as exc:
            log.warning("Could not save the read model: %s", exc)
            return False

    # -- opening ------------------------------------------------------------------
    def open(self, engine: Engine) -> Changes:
        """Load the files and catch up, or rebuild when they cannot be trusted."""
        if not self.storage.folder.exists():
            log.info("New read model in %s", self.storage.folder)
            return self.rebuild(engine)
        try:
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
            for name, table in self.storage.read().items():
                if name == docs.CATEGORIES:
                    for doc_id, doc in table.items():
                        self.catalog.put_category(int(doc_id), doc["name"], doc["parent_id"])
                elif name.startswith(docs.PRODUCTS_PREFIX):
                    for doc in table.values():
                        self.catalog.put_product(product_from_doc(doc))
            sales.index_tables(self, self.storage.read())
            self.catalog.ensure_order()  # now, not on the first keystroke
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise CorruptReadModel(f"unexpected document: {exc!r}") from exc

    # -- rebuild ------------------------------------------------------------------
    def rebuild(self, engine: Engine) -> Changes:
        """Replace every document with what the write model holds now."""
        snap = read_snapshot(engine)
        self.db.drop_tables()
        self.storage.reset()
        self.db.table(docs.CATEGORIES).insert_multiple(
            Document(docs.category_doc(c["name"], c["parent_id"], c["tax_rate_bp"]), doc_id=c["id"])
            for c in snap.categories)
        by_table = defaultdict(list)
        for p in snap.products:
            by_table[docs.products_table(p["id"])].append(Document(docs.product_doc(p), doc_id=p["id"]))
        for name, doc_id, doc in sales.documents_from_snapshot(snap):
            by_table[name].append(Document(doc, doc_id=doc_id))
        moves_by_product = defaultdict(list)
        for m in snap.movements:  # all older than the snapshot's position
            moves_by_product[m["product_id"]].append(docs.move_doc(
                snap.position, m["at"], m["kind"], m["quantity"], m["stock_after"], m["reason"],
                m["note"], m["order_id"]))
        for product_id, moves in moves_by_product.items():
            by_table[docs.history_table(product_id)].append(
                Document(docs.history_doc(product_id, moves), doc_id=product_id))
        for name, documents in by_table.items():
            self.db.table(name).insert_multiple(documents)
        self._index_all()
        self._applied = snap.position
        self.storage.flush(snap.position)
        self.storage.remove_unlisted_files()
        return Changes(rebuilt=True)

    # -- catching up ----------------------------------------------------------------
    def catch_up(self, engine: Engine, save: bool = True) -> Changes:
        """Apply every event recorded after the checkpoint (this process's and
        other tills'), then save unless told not to. Returns what changed."""
        changes = ChangeCollector()
        position = self.checkpoint
        if last_position(engine) - position > REBUILD_BACKLOG:
            return self.rebuild(engine)
        try:
            while True:
                batch = read_events_after(engine, position, CATCH_UP_BATCH)
                for event in batch:
                    self._apply(event, changes)
                    position = event.position
                if len(batch) < CATCH_UP_BATCH:
                    break
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            # An event we cannot apply: never leave a half-applied model behind.
            log.error("Projection failed at position %s (%r); rebuilding", position, exc)
            return self.rebuild(engine)
        self._applied = position
        if save:
            self.save()
        return changes.freeze()

    def _apply(self, event: StoredEvent, changes: ChangeCollector) -> None:
        apply = _APPLIERS.get(event.event_type)
        if apply is None:
            raise ValueError(f"unknown event type {event.event_type!r}")
        self._event = event
        apply(self, event.payload, changes)

    # -- documents --------------------------------------------------------------------------
    def _put_doc(self, table_name: str, doc_id: int, doc: dict) -> None:
        """Insert or replace (an upsert) one document."""
        self.db.table(table_name).upsert(Document(doc, doc_id=doc_id))

    def _doc(self, table_name: str, doc_id: int) -> dict | None:
        """A copy of one document, to change and put back with ``_put_doc``; or None."""
        doc = self.db.table(table_name).get(doc_id=doc_id)
        return None if doc is None else copy.deepcopy(dict(doc))

    def _add_moves(self, moves: dict[int, tuple]) -> None:
        """Append a stock movement per product id: (kind, quantity, stock_after,
        reason, note, order_id). A replayed event is recognised by its
        position and not appended twice."""
        event = self._event
        by_table = defaultdict(list)
        for product_id in moves:
            by_table[docs.history_table(product_id)].append(product_id)
        def append(doc):
            history = doc["moves"]
            if not history or history[-1][0] < event.position:
                history.append(docs.move_doc(event.position, event.recorded_at, *moves[doc["id"]]))

        for name, ids in by_table.items():
            table = self.db.table(name)
            missing = [i for i in ids if not table.contains(doc_id=i)]
            if missing:
                table.insert_multiple(Document(docs.history_doc(i), doc_id=i) for i in missing)
            table.update(append, doc_ids=ids)  # one table write per shard

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
        self.db.table(docs.CATEGORIES).remove(doc_ids=[p["category_id"]])
        self.catalog.remove_category(p["category_id"])
        self.category_tax.pop(p["category_id"], None)
        changes.categories.add(p["category_id"])

    def _put_category(self, category_id: int, name: str, parent_id: int | None, changes) -> None:
        self.db.table(docs.CATEGORIES).upsert(Document(
            docs.category_doc(name, parent_id, self.category_tax.get(category_id)), doc_id=category_id))
        self.catalog.put_category(category_id, name, parent_id)
        changes.categories.add(category_id)

    def _put_product(self, p: dict, changes: ChangeCollector) -> dict:
        doc = docs.product_doc(p)
        old = self.catalog.products.get(doc["id"])
        self.db.table(docs.products_table(doc["id"])).upsert(Document(doc, doc_id=doc["id"]))
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
            self._add_moves({doc["id"]: (RECEIVED, doc["stock"], doc["stock"], None, OPENING_NOTE, None)})

    def _product_updated(self, p: dict, changes: ChangeCollector) -> None:
        self._put_product(p, changes)

    def _product_deleted(self, p: dict, changes: ChangeCollector) -> None:
        product_id = p["product_id"]
        old = self.catalog.products.get(product_id)
        self.db.table(docs.products_table(product_id)).remove(doc_ids=[product_id])
        history = self.db.table(docs.history_table(product_id))
        if history.contains(doc_id=product_id):
            history.remove(doc_ids=[product_id])
        self.catalog.remove_product(product_id)
        changes.products.add(product_id)
        if old is not None:
            changes.categories.update(self._ancestors_and_self(old.category_id))

    def _set_stock_levels(self, levels: dict[int, int], changes: ChangeCollector) -> None:
        by_table = defaultdict(list)
        for product_id in levels:
            by_table[docs.products_table(product_id)].append(product_id)

        def set_level(doc):
            doc["stock"] = levels[doc["id"]]

        for name, ids in by_table.items():
            self.db.table(name).update(set_level, doc_ids=ids)  # one table write per shard
        for product_id, stock in levels.items():
            self.catalog.set_stock(product_id, stock)
        changes.products.update(levels)

    def _stock_received(self, p: dict, changes: ChangeCollector) -> None:
        self._set_stock_levels({p["product_id"]: p["stock_after"]}, changes)
        self._add_moves({p["product_id"]: (RECEIVED, p["quantity"], p["stock_after"], None,
                                           p.get("note"), None)})

    def _stock_adjusted(self, p: dict, changes: ChangeCollector) -> None:
        self._set_stock_levels({p["product_id"]: p["stock_after"]}, changes)
        self._add_moves({p["product_id"]: (ADJUSTED, p["change"], p["stock_after"], p["reason"],
                                           p.get("note"), None)})


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
