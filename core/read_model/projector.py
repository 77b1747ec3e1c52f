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
from collections.abc import Callable
from contextlib import contextmanager
from datetime import date, timedelta
from functools import partial
from pathlib import Path

from sqlalchemy import Engine
from tinydb import TinyDB

from core.domain.shop_settings import ShopSettings
from core.domain.staff import DEFAULT_TILL, FIXED_NAMES
from core.messages.events import Event
from core.messages.queries import StaffView
from core.read_model import (
    catalog_projections,
    report_projections,
    sales,
    sales_projections,
    staff_projections,
    till_projections,
    till_sessions,
    undo_projections,
)
from core.read_model import documents as docs
from core.read_model.changes import ChangeCollector, Changes
from core.read_model.committed_events import follow_checkpoint
from core.read_model.document_store import DocumentStore
from core.read_model.indexes import CatalogIndex, products_from_docs
from core.read_model.partial import Partial
from core.read_model.storage import CorruptReadModel, ShardedJSONStorage
from core.write_model.counter_snapshot import CounterFacts, read_counter_snapshot
from core.write_model.reading import (
    OutboxReader,
    StoredEvent,
    last_order_id,
    last_position,
    link_at,
    read_snapshot,
)

log = logging.getLogger(__name__)

CATCH_UP_BATCH = 2_000
# From this many orders on, a rebuild at opening builds the counter's part
# first and the rest in the background (core/read_model/partial.py).
STAGED_FROM_ORDERS = 20_000
# Past this many pending events a fresh snapshot is faster than replaying them
# one by one (a bulk import, or a long day at another till).
REBUILD_BACKLOG = 20_000


def _saved() -> bool:
    return True


def _not_saved() -> bool:
    return False


@contextmanager
def _gc_paused():
    """Loading or rebuilding allocates a few hundred thousand dicts and tuples
    that cannot form cycles; the cyclic GC would scan them all several times
    over. Reference counting still frees everything as usual. (Freezing what
    lives on is the program's choice, not the core's: shop_gui.start.)"""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class ReadModel:
    """The TinyDB documents plus their indexes, kept by projecting events.

    The documents live in ``storage`` (TinyDB's storage, one dict per table,
    documents keyed by ``str(doc_id)``); ``db`` is TinyDB over it; the
    projections change them through ``documents`` (a DocumentStore), one
    applier per event class (``APPLIERS``).
    """

    def __init__(self, folder: Path, *, lazy_history: bool = True):
        # Fast path (FastPaths.lazy_history, docs/adr/0004-lazy-history.md):
        # the stock history is most of the bytes and is read one product at a
        # time, so its tables are parsed when first needed, not at opening.
        # Orders' full documents are read one shard at a time, when an order
        # is opened or changed: opening parses only their compact index.
        # So are till sessions' documents: a report reads its session's.
        # The reports' tables by month too: a report reads the months it covers.
        lazy: tuple[str, ...] = (
            docs.ORDERS_PREFIX,
            docs.ORDER_INDEX_PREFIX,
            docs.CUSTOMER_ORDERS_PREFIX,
            till_sessions.TABLE_PREFIX,
        )
        if lazy_history:
            lazy += (docs.HISTORY_PREFIX, *report_projections.LAZY_PREFIXES)
        self.storage = ShardedJSONStorage(folder, docs.SCHEMA_VERSION, lazy_prefixes=lazy)
        self.db = TinyDB(storage=lambda: self.storage)
        self.documents = DocumentStore(self.storage)  # what the projections edit
        self.catalog = CatalogIndex()
        self.orders = self._new_order_index()
        self.customers = sales.CustomerIndex()
        self.settings = ShopSettings()
        self.category_tax: dict[int, int] = {}  # categories with a tax rate of their own
        self.staff_names: dict[int, str] = dict(FIXED_NAMES)  # who did things, by staff id
        self.undo_links: dict[int, dict] = {}  # undone events by position (undo_projections)
        self.till_sessions = self._new_till_sessions()
        self.till = DEFAULT_TILL  # the till this process is (open_shop says)
        self.staff: dict[int, StaffView] = {}  # the staff list (staff_projections)
        # Sales reports: each report table's changes (counted in memory), and the
        # rankings by units report_queries made of them (report_projections).
        self.report_versions: dict[str, int] = {}
        self.report_rankings: dict[tuple, tuple] = {}
        # Each item group's rows summed over the months of the last period
        # asked but its latest (report_queries.Period.item_groups).
        self.report_sums: dict[str, tuple] = {}
        self._applied = 0
        self._last_link: list | None = None  # see _last_event
        self._reader: OutboxReader | None = None
        # A table parsed only when saving turned out damaged: the next
        # catch-up rebuilds (saving has no engine to rebuild from).
        self.damaged = False
        # catalog.order_version of the name order in the storage, if any.
        self._stored_order: int | None = None
        # Set while only the counter's part is in (core/read_model/partial.py).
        self.partial: Partial | None = None

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

    def _new_order_index(self) -> sales.OrderIndex:
        orders = sales.OrderIndex()
        orders.staff_name = self.staff_name
        orders.undo_marks = partial(undo_projections.order_marks, self)
        orders.store = self.documents
        return orders

    def _new_till_sessions(self) -> till_sessions.TillSessions:
        sessions = till_sessions.TillSessions()
        sessions.table = self.storage.get
        return sessions

    def staff_name(self, staff_id: int | None) -> str | None:
        """The name of whoever ``staff_id`` is (None for None)."""
        if staff_id is None:
            return None
        return self.staff_names.get(staff_id) or f"Staff {staff_id}"

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
        return self.begin_save()()

    def begin_save(self) -> Callable[[], bool]:
        """``save`` in two halves: this one, under the shop's lock, takes what
        is to be written (``damaged`` is set if a file turned out damaged on
        the way); the call it returns writes it, with no lock needed, and
        says whether it was saved. It must be made (storage.begin_flush)."""
        if self.partial is not None:
            return _saved  # never saved: the complete model replaces it
        try:
            storage = self.storage
            if storage.has_deferred_edits or storage.is_dirty(self._applied):
                self._store_order()
            write = storage.begin_flush(self._applied, self._last_event())
        except CorruptReadModel as exc:
            log.warning("Could not save the read model, it will be rebuilt: %s", exc)
            self.damaged = True
            return _not_saved
        except OSError as exc:
            log.warning("Could not save the read model: %s", exc)
            return _not_saved
        if write is None:
            return _saved

        def finish() -> bool:
            try:
                write()
                return True
            except OSError as exc:
                log.warning("Could not save the read model: %s", exc)
                return False

        return finish

    def _store_order(self) -> None:
        """Put the catalog's name order beside the products it orders, so the
        next opening adopts it instead of sorting. An order not made since
        the products changed (between an import's batches, say) is taken
        out rather than left wrong: that opening sorts."""
        catalog = self.catalog
        if catalog.order_stale:
            self.documents.remove(docs.PRODUCT_ORDER, docs.PRODUCT_ORDER_DOC_ID)
            self._stored_order = None
        elif catalog.order_version != self._stored_order:
            self.documents.put(docs.PRODUCT_ORDER, docs.PRODUCT_ORDER_DOC_ID, {"ids": catalog.ordered_ids()})
            self._stored_order = catalog.order_version

    # -- opening ------------------------------------------------------------------
    def open(self, engine: Engine, *, counter_first: bool = False) -> Changes:
        """Load the files and catch up, or rebuild when they cannot be trusted.
        ``counter_first``: a shop with a long history is rebuilt in two
        stages, and this one builds only the counter's part (``partial``)."""
        if not self.storage.folder.exists():
            log.info("New read model in %s", self.storage.folder)
            return self._rebuild_on_open(engine, counter_first)
        try:
            with _gc_paused():
                self.storage.load()
                self._last_link = None  # the saved one stands until a linked event is applied
                if self.storage.checkpoint > last_position(engine):
                    raise CorruptReadModel("read model is ahead of the write model")
                self._check_last_event(engine)
                self._index_all()
            self._applied = self.storage.checkpoint
        except CorruptReadModel as exc:
            log.warning("Rebuilding the read model: %s", exc)
            return self._rebuild_on_open(engine, counter_first)
        return self.catch_up(engine, counter_first=counter_first)

    def _check_last_event(self, engine: Engine) -> None:
        """The write model still holds, at the position the documents were
        saved up to, the very event they were made from (its journal link):
        a database put back to an earlier point and written to since (a
        server restored in place, keeping its identity) has other events
        there, and documents made from those would mix two histories."""
        stamp = self.storage.last_event
        if stamp is None:
            return  # saved by an earlier release, or before the event was linked
        position, link = stamp
        if type(position) is not int or not isinstance(link, str):
            raise CorruptReadModel(f"bad last event {stamp!r}")
        if link_at(engine, position) != link:
            raise CorruptReadModel(f"the write model's event at {position} is not the one the read model was made from")

    def _last_event(self) -> list | None:
        """[position, journal link] of the last event applied whose link came
        with it, else the one saved before."""
        return self._last_link if self._last_link is not None else self.storage.last_event

    def _rebuild_on_open(self, engine: Engine, counter_first: bool) -> Changes:
        if counter_first and last_order_id(engine) >= STAGED_FROM_ORDERS:
            return self.rebuild_counter(engine)
        return self.rebuild(engine)

    def rebuild_counter(self, engine: Engine) -> Changes:
        """The first stage of a rebuild: what the counter needs, in memory
        only (``partial``), then the events since."""
        since = sales.time_bound(date.today() - timedelta(days=1), end=False)
        assert since is not None
        with _gc_paused():
            snap, facts = read_counter_snapshot(engine, since)
            self.storage.reset()
            self.storage.replace_all(self._tables_of(snap))
            self._index_all(counter=facts)
        self.partial = Partial(
            first_recent_id=facts.first_recent_id,
            since=since,
            order_ids=set(facts.order_ids),
            open_sessions={s["id"] for s in snap.till_sessions},
        )
        self._applied = snap.position
        self.catch_up(engine)
        return Changes(rebuilt=True)

    def _index_all(self, counter: CounterFacts | None = None) -> None:
        self.catalog, self.orders, self.customers = CatalogIndex(), self._new_order_index(), sales.CustomerIndex()
        self.staff_names, self.staff = dict(FIXED_NAMES), {}
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
            if counter is not None:  # the whole shop's figures, not only those of the orders in
                self.orders.seed_totals(counter.order_count, counter.customer_totals)
            self.till_sessions = self._new_till_sessions()
            self.till_sessions.load(tables)
            staff_projections.index_tables(self, tables)
            undo_projections.index_tables(self, tables)
            report_projections.check_zone(tables)
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
        self.partial = None
        snap = read_snapshot(engine)
        self.db.drop_tables()  # also forgets TinyDB's cached Table objects
        self.storage.reset()
        self.storage.replace_all(self._tables_of(snap))
        self._index_all()
        self._applied = snap.position
        self._store_order()
        link = link_at(engine, snap.position) if snap.position else None
        self._last_link = None if link is None else [snap.position, link]
        self.storage.flush(snap.position, self._last_link)
        self.storage.remove_unlisted_files()
        return Changes(rebuilt=True)

    @staticmethod
    def _tables_of(snap) -> dict[str, dict]:
        """Every table, from a snapshot of the write model."""
        # The tables are built straight into the storage, as TinyDB keeps them
        # (documents by str(doc_id)): no Document objects, no table copies.
        tables: dict[str, dict] = {
            docs.CATEGORIES: {
                str(c["id"]): docs.category_doc(c["name"], c["parent_id"], c["tax_rate_bp"]) for c in snap.categories
            }
        }
        products_table = docs.products_table
        for p in snap.products:
            doc = docs.product_doc(p)
            tables.setdefault(products_table(doc["id"]), {})[str(doc["id"])] = doc
        for session in till_sessions.documents_from_snapshot(snap):
            tables[till_sessions.table_of(session["id"])] = {str(session["id"]): session}
            index = tables.setdefault(till_sessions.index_table_of(session["id"]), {})
            index[str(session["id"])] = till_sessions.index_row(session)
        for name, doc_id, doc in sales.documents_from_snapshot(snap):
            tables.setdefault(name, {})[str(doc_id)] = doc
        for name, doc_id, doc in staff_projections.documents_from_snapshot(snap):
            tables.setdefault(name, {})[str(doc_id)] = doc
        for name, doc_id, doc in undo_projections.documents_from_snapshot(snap):
            tables.setdefault(name, {})[str(doc_id)] = doc
        tables.update(report_projections.documents_from_snapshot(snap))
        moves_by_product = defaultdict(list)
        for m in snap.movements:  # all older than the snapshot's position
            moves_by_product[m["product_id"], m["at"][:7]].append(
                docs.move_doc(
                    snap.position,
                    m["at"],
                    m["kind"],
                    m["quantity"],
                    m["stock_after"],
                    m["reason"],
                    m["note"],
                    m["order_id"],
                    staff_id=m["staff_id"],
                )
            )
        for (product_id, month), moves in moves_by_product.items():
            tables.setdefault(docs.history_table(product_id, month), {})[str(product_id)] = docs.history_doc(
                product_id, moves
            )
        return tables

    # -- catching up ----------------------------------------------------------------
    def catch_up(self, engine: Engine, save: bool = True, committed=(), *, counter_first: bool = False) -> Changes:
        """Apply every event recorded after the checkpoint (this process's and
        other tills'), then save unless told not to. Returns what changed.

        ``committed``: events this process has just stored, applied as they
        are instead of being read back when they follow the checkpoint (fast
        path: core/read_model/committed_events.py). ``counter_first``: a
        backlog too long to replay is rebuilt counter first (at opening)."""
        if self.damaged:
            return self.rebuild(engine)
        changes = ChangeCollector()
        position = self.checkpoint
        linked = None  # [position, journal link] of the last linked event applied
        try:
            follows = follow_checkpoint(committed, position, REBUILD_BACKLOG)
            for event in committed if follows else ():
                self._apply(event, changes)
                position = event.position
                if event.link is not None:
                    linked = [position, event.link]
            while not follows:
                batch = self._events_after(engine, position)
                if (
                    len(batch) == CATCH_UP_BATCH
                    and position == self.checkpoint
                    and last_position(engine) - position > REBUILD_BACKLOG
                ):
                    # A bulk import, or a long day at another till: a fresh
                    # snapshot is faster than replaying events one by one.
                    return self._rebuild_on_open(engine, counter_first)
                for event in batch:
                    self._apply(event, changes)
                    position = event.position
                    if event.link is not None:
                        linked = [position, event.link]
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
        if linked is not None:
            self._last_link = linked
        if save and not self.save() and self.damaged:
            return self.rebuild(engine)
        return changes.freeze()

    def _apply(self, stored: StoredEvent, changes: ChangeCollector) -> None:
        event = stored.event
        appliers = APPLIERS.get(type(event))
        if appliers is None:
            raise ValueError(f"no projection for {type(event).__name__}")
        partial = self.partial
        for apply in appliers:
            if partial is None:
                apply(self, event, stored, changes)
                continue
            try:
                apply(self, event, stored, changes)
            except KeyError as missing:
                # About history not in yet (an old order, a closed session):
                # the complete model, built after, has it.
                partial.lagging = True
                partial.skipped.append(f"{type(event).__name__} at {stored.position}: {missing}")


def _every_applier(*modules) -> dict[type[Event], tuple[Callable[..., None], ...]]:
    """Each event class's appliers, in the order of ``modules``: a sale
    changes the order's documents, then its till session's."""
    found: dict[type[Event], tuple[Callable[..., None], ...]] = {}
    for module in modules:
        for event_class, apply in module.APPLIERS.items():
            found[event_class] = (*found.get(event_class, ()), apply)
    return found


APPLIERS = _every_applier(
    catalog_projections,
    sales_projections,
    till_projections,
    staff_projections,
    report_projections,
    undo_projections,
)
