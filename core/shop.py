"""``open_shop`` wires the shop together: the one place that builds objects."""

import logging
import os
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from core.dispatcher import Dispatcher
from core.domain.money import format_money
from core.domain.staff import DEFAULT_TILL, Who, till_name
from core.errors import InvalidCommand, ShopMissing, SignInPaused, StorageError, WrongPin
from core.fast_paths import ALL_ON, FastPaths
from core.handlers.undo import Offer, redo_offer, undo_offer
from core.history_fill import HistoryFill
from core.i18n import N_
from core.journal import JournalEntry, JournalFilter, JournalPage
from core.journal_words import Names, summary
from core.messages import event_codec
from core.messages.commands import SignIn
from core.read_model.changes import Changes
from core.read_model.identity import (
    forget_documents,
    holds_a_shop,
    record_identity,
    recorded_identity,
    remove_leftover_temp_files,
)
from core.read_model.projector import ReadModel
from core.read_model.queries import QUERY_HANDLERS
from core.read_model.storage import CorruptReadModel
from core.results import ServerLink, SignedIn
from core.shared_server import saved_server, server_name
from core.write_model import wake_ups
from core.write_model.db_errors import is_unreachable, storage_error
from core.write_model.engine import BUSY_TIMEOUT_MS, create_schema, postgres_engine, sqlite_engine
from core.write_model.identity import Identity, identify
from core.write_model.journal_chain import Verdict, latest_link
from core.write_model.journal_chain import extend as link_journal
from core.write_model.journal_chain import latest as latest_in
from core.write_model.journal_chain import verify as verify_chain
from core.write_model.journal_reading import journal_page
from core.write_model.outbox_archive import archive_settled_events, record_checkpoint
from core.write_model.reading import last_position
from core.write_model.requests import forget_old as forget_old_requests
from core.write_model.unit_of_work import UnitOfWork, utc_now

if TYPE_CHECKING:
    from core.write_model.listener import Listener as ServerListener

log = logging.getLogger(__name__)

DATABASE_FILE = "shop.sqlite3"
# A shared server's address for every shop this process opens without one
# (open_shop's database_url wins).
DATABASE_URL_VARIABLE = "SHOP_DATABASE_URL"
READ_MODEL_FOLDER = "read_model"

Listener = Callable[[Changes], None]

# The read model's files are saved once this many events, or this many
# seconds' worth, are unsaved (checked after each command or sync).
SAVE_EVERY_EVENTS = 500
SAVE_EVERY_SECONDS = 5.0


class Shop:
    """A shop's write model, read model and the dispatcher between them.

    After every command (and every ``sync``) the read model is brought up to
    date with *all* recorded events, other tills' included, and each listener
    is told what changed.
    """

    def __init__(
        self,
        engine,
        read_model: ReadModel,
        dispatcher: Dispatcher,
        *,
        fast_paths: FastPaths = ALL_ON,
        clock: Callable[[], datetime] = utc_now,
        origin: str | None = None,
    ):
        self._engine = engine
        self._clock = clock
        self._read_model = read_model
        self._dispatcher = dispatcher
        # Fast path (FastPaths.committed_events): a command's events go to the
        # read model as stored (core/read_model/committed_events.py). Off:
        # the read model reads them back from the outbox.
        self._hand_over_committed = fast_paths.committed_events
        self._listeners: list[Listener] = []
        # One caller at a time: a long import runs in a worker thread while
        # the window keeps asking queries. Held for one command or query.
        self._lock = threading.RLock()
        # The SQLite commit is what makes a command durable; the read model is
        # rebuilt from the outbox whenever in doubt, so its files are saved in
        # batches (batch_saves), on close, and when asked (save_read_model).
        self._save_each_command = False
        self._save_every_events: int | None = SAVE_EVERY_EVENTS
        self._save_every_seconds: float | None = SAVE_EVERY_SECONDS
        self._unsaved_since: float | None = None
        self._monotonic = time.monotonic
        self._signed_in: SignedIn | None = None  # who is signed in at this till (not kept on disk)
        # A partial read model's history, being built (core/history_fill.py).
        self._history: HistoryFill | None = None
        self._history_installed = False  # the next sync says "rebuilt"
        self._identity: Identity | None = None  # of the database the history is built from
        self._closed = False
        self.data_dir: Path | None = None  # the shop's folder (open_shop sets it)
        # On a shared server: this shop's wake-up token (core/write_model/wake_ups.py),
        # the thread listening for other tills' commits, and what it last said.
        self._origin = origin
        self._listener: ServerListener | None = None
        self._server_link: ServerLink | None = None
        # Set when the listener lost the server: the connections kept open
        # (the dispatcher's, the outbox reader's) died with it, so the next
        # command or sync starts on fresh ones instead of failing once on them.
        self._connections_lost = False

    @property
    def database_file(self) -> Path | None:
        """The write model's SQLite file (what a backup copies)."""
        return None if self.data_dir is None else self.data_dir / DATABASE_FILE

    @property
    def save_after_each_command(self) -> bool:
        """True: the read model's files are written after every command (slow:
        several fsyncs each). Set False, a caller saves them itself
        (``save_read_model``), as the window does once its lists are repainted;
        ``batch_saves`` chooses batches again."""
        return self._save_each_command

    @save_after_each_command.setter
    def save_after_each_command(self, value: bool) -> None:
        self._save_each_command = bool(value)
        self._save_every_events = self._save_every_seconds = None

    def batch_saves(
        self, *, events: int | None = None, seconds: float | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        """Save the read model after ``events`` unsaved events or once the
        oldest unsaved one is ``seconds`` old, whichever comes first (checked
        after each command or sync); the default is SAVE_EVERY_EVENTS or
        SAVE_EVERY_SECONDS. The SQLite commit is what makes a command durable; the read model is
        rebuildable, so a crash only means the next start catches up from the
        last save. ``save_read_model`` and ``close`` still save at once."""
        if events is None and seconds is None:
            raise ValueError("batch_saves needs events or seconds")
        self._save_each_command = False
        self._save_every_events, self._save_every_seconds = events, seconds
        self._monotonic = clock

    @property
    def till(self) -> str:
        """The till this process is."""
        return self._dispatcher.till

    def stop_flushing_commits(self) -> None:
        """Only for a shop built to be thrown away (core/demo_trading.py): its
        commits no longer wait for the disk, so a power cut may lose the last."""
        from core.write_model.engine import not_durable

        not_durable(self._engine)

    def dispatch(self, command, approved_by: tuple[int, str] | None = None):
        """Run a command as whoever is signed in at this till (the shop's
        owner while it has no staff). Returns its result (a new id for
        Add*/PlaceOrder); raises a ShopError, having changed nothing, when it
        is refused: NotAllowed when their role does not allow it, SignInFirst
        when the shop has staff and nobody is signed in.

        ``approved_by``: (staff id, PIN) of a manager or owner who approves
        this one command for the person signed in. Their PIN is checked as at
        sign-in (a wrong one raises WrongPin and counts towards this till's
        pause); the outbox records both people."""
        with self._lock:
            who = self._who()
            if approved_by is not None:
                if not (isinstance(approved_by, tuple) and len(approved_by) == 2):
                    raise InvalidCommand(N_("An approval is a manager's staff number and PIN."))
                who.approved_by = self._check_pin(*approved_by).id
            return self._run(command, who)

    def _run(self, command, who: Who):
        self._drop_lost_connections()
        reached = True
        try:
            result = self._dispatcher.dispatch(command, who)
        except StorageError as exc:
            reached = not is_unreachable(exc.__cause__ or exc)
            raise
        except DBAPIError as exc:  # no connection could be made for the command at all
            reached = not is_unreachable(exc)
            raise storage_error(exc) from exc
        finally:
            # Also after a refusal: "only 2 left" may be news from another
            # till (not when the server could not be reached: nothing to read).
            committed = self._dispatcher.take_committed()
            if reached:
                self.sync(committed if self._hand_over_committed else ())
        listener = self._listener
        if listener is not None and self._server_link is not None and not self._server_link.listening:
            listener.retry_now()  # the server answered: no need to wait out the back-off
        return result

    # -- a shared server: wake-ups and the link -----------------------------------------
    def watch_server(
        self,
        on_news: Callable[[], None] | None = None,
        on_link: Callable[[ServerLink], None] | None = None,
    ) -> bool:
        """On a shared PostgreSQL server: listen, in a thread of its own, for
        other tills' commits (core/write_model/listener.py), and catch up
        within moments of each. ``on_news()`` is called on that thread when
        there is news; None syncs the read model there and then (a window
        passes a call that wakes its own thread, which syncs). ``on_link``
        is told each ServerLink: listening, or the server unreachable and
        tried again with back-off (the read model keeps answering; commands
        are refused with a sentence); once it is back, ``on_news`` catches
        up. Returns False, doing nothing, on SQLite (no server to listen
        to: the window's poll finds other tills' work). ``close`` stops it."""
        if self._engine.dialect.name != "postgresql":
            return False
        if self._listener is not None:
            raise RuntimeError("this shop is already watching its server")
        # psycopg, imported only for a shop on a server.
        from core.write_model.listener import Listener as ServerListener

        def heard() -> None:
            if on_news is None:
                self.sync()
            else:
                on_news()

        def link_changed(link: ServerLink) -> None:
            was, self._server_link = self._server_link, link
            if not link.listening and (was is None or was.listening):
                self._connections_lost = True
                log.warning("The shop's server cannot be reached: %s", link.reason)
            elif link.listening and was is not None and not was.listening:
                log.info("The shop's server can be reached again")
            if on_link is not None:
                on_link(link)

        self._listener = ServerListener(self._engine, self._origin, heard, link_changed)
        self._listener.start()
        return True

    @property
    def on_server(self) -> bool:
        """The write model is on a shared PostgreSQL server (other tills wait
        for this one's commands there)."""
        return self._engine.dialect.name == "postgresql"

    @property
    def server_link(self) -> ServerLink | None:
        """What the listener last said (None on SQLite, or before ``watch_server``
        has heard from the server)."""
        return self._server_link

    def stop_watching(self) -> None:
        """Stop listening to the server (``close`` does it too)."""
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.stop()

    def _drop_lost_connections(self) -> None:
        # Under the shop's lock: nothing is using them meanwhile.
        if self._connections_lost:
            self._connections_lost = False
            self._dispatcher.close()
            self._read_model.close()

    def verify_journal(self) -> Verdict:
        """Check the hash chain over every event (core/write_model/journal_chain.py)
        on a connection of its own: the shop's lock is not held meanwhile."""
        return verify_chain(self._engine)

    def journal(self, wanted: JournalFilter | None = None, before: int | None = None, limit: int = 100) -> JournalPage:
        """A page of the journal, newest first: the events matching ``wanted``
        below position ``before``, in words, with who did them (today's
        names) and whether they are undone. Read from the outbox by position,
        so a page costs the same after a year as after a day."""
        with self._engine.connect().execution_options(write=False) as conn:
            rows, more = journal_page(conn, wanted or JournalFilter(), before, max(1, min(int(limit), 1000)))
        with self._lock:
            return JournalPage(tuple(self._journal_entry(row) for row in rows), more)

    def _journal_entry(self, row) -> JournalEntry:
        rm = self._read_model
        settings = rm.settings
        products, categories = rm.catalog.products, rm.catalog.categories
        customers = rm.customers.customers

        def product(product_id: int) -> str:
            found = products.get(product_id)
            return found.name if found is not None else N_("product {id}", id=product_id)

        def category_name(category_id: int | None) -> str:
            if category_id is None:
                return N_("the top")
            found = categories.get(category_id)
            return found[0] if found is not None else N_("category {id}", id=category_id)

        def customer(customer_id: int | None) -> str:
            found = customers.get(customer_id) if customer_id is not None else None
            return found["name"] if found is not None else N_("customer {id}", id=customer_id)

        def money(cents: int) -> str:
            return format_money(cents, settings.currency_symbol, settings.minor_digits)

        names = Names(product, category_name, customer, money)
        try:
            what = summary(event_codec.decode(row.event_type, dict(row.payload)), names)
        except (ValueError, TypeError, KeyError):
            what = row.event_type  # an event this version cannot read: named, not hidden
        link = rm.undo_links.get(row.position)
        undone = None
        if link is not None and link["redone_at"] is None:
            undone = N_("Undone by {name} at {at}", name=rm.staff_name(link["undone_by"]), at=link["undone_at"])
        approved = rm.staff_name(row.approved_by) if row.approved_by is not None else None
        who = rm.staff_name(row.staff_id) or ""
        return JournalEntry(row.position, row.recorded_at, row.event_type, who, row.till, approved, what, undone)

    def journal_link(self) -> str:
        """The latest link of the journal's chain (a Z report prints it)."""
        return latest_link(self._engine)

    def journal_head(self) -> tuple[int, str]:
        """The journal chain's latest link and its position (0 and "" before
        any event): an X report prints both, so the link can be checked
        against the journal's row at that position."""
        try:
            with self._engine.connect().execution_options(write=False) as conn:
                return latest_in(conn)
        except SQLAlchemyError as exc:
            raise storage_error(exc, "read") from exc

    # -- undo and redo: what this till may undo or redo now ---------------------------
    def undo_offer(self) -> Offer:
        """What Edit > Undo would undo now at this till (its position for
        UndoAction, and its name), or why the last action cannot be undone.
        Read from the write model, where the undo itself decides."""
        return self._offer(undo_offer)

    def redo_offer(self) -> Offer:
        """What Edit > Redo would do again now at this till, or why not."""
        return self._offer(redo_offer)

    def _offer(self, offer: Callable[[UnitOfWork], Offer]) -> Offer:
        with self._lock:
            who = self._who()
            with self._engine.connect().execution_options(write=False) as conn:
                with UnitOfWork(self._engine, self._clock, connection=conn, who=who) as uow:
                    return offer(uow)

    def _who(self) -> Who:
        person = self._signed_in
        if person is None:
            return Who(self.till)
        return Who(self.till, person.id, person.name)

    def _check_pin(self, staff_id, pin) -> SignedIn:
        """The person if ``pin`` is theirs; else WrongPin or SignInPaused,
        raised once the wrong PIN is counted (committed) at this till."""
        outcome = self._run(SignIn(staff_id, pin), Who(self.till))
        if outcome.signed_in is not None:
            return outcome.signed_in
        if outcome.paused_seconds:
            seconds = outcome.paused_seconds
            message = (
                N_("Too many wrong PINs at this till: try again in {seconds} second.", seconds=seconds)
                if seconds == 1
                else N_("Too many wrong PINs at this till: try again in {seconds} seconds.", seconds=seconds)
            )
            raise SignInPaused(message, seconds)
        left = outcome.tries_left
        raise WrongPin(
            N_("That PIN is not right: {left} more try before sign-in pauses.", left=left)
            if left == 1
            else N_("That PIN is not right: {left} more tries before sign-in pauses.", left=left),
            left,
        )

    def sign_in(self, staff_id: int, pin: str) -> SignedIn:
        """Sign this staff member in at this till if ``pin`` is theirs (only
        theirs is checked). Raises WrongPin, SignInPaused (after
        MAX_PIN_FAILURES wrong PINs in a row at this till, for
        PIN_PAUSE_SECONDS), NotAllowed (no longer active) or UnknownStaff;
        whoever was signed in stays so then."""
        with self._lock:
            self._signed_in = self._check_pin(staff_id, pin)
            return self._signed_in

    def sign_out(self) -> None:
        """Nobody is signed in at this till now."""
        with self._lock:
            self._signed_in = None

    @property
    def signed_in(self) -> SignedIn | None:
        """Who is signed in at this till (their name and role as the read
        model has them now), or None."""
        with self._lock:
            person = self._signed_in
            if person is None:
                return None
            now = self._read_model.staff.get(person.id)
            if now is not None and (now.name, now.role) != (person.name, person.role):
                person = self._signed_in = SignedIn(person.id, now.name, now.role)
            return person

    def ask(self, query):
        """The read model's answer to ``query``. While the read model's
        history is still being built (core/read_model/partial.py), a query
        the counter's part cannot answer exactly waits for it."""
        handler = QUERY_HANDLERS.get(type(query))
        if handler is None:
            raise InvalidCommand(N_("Unknown query: {kind}.", kind=type(query).__name__))
        with self._lock:
            partial = self._read_model.partial
            if partial is None:
                return self._answer(handler, query)
            answered, answer = partial.answers(query, lambda: self._answer(handler, query))
            if answered:
                return answer
        self._wait_for_history()
        with self._lock:
            return self._answer(handler, query)

    def _answer(self, handler, query):
        try:
            return handler(query, self._read_model)
        except CorruptReadModel as exc:
            # A table file read only now (the stock history) is damaged:
            # rebuild from the write model, then answer from that.
            log.warning("Rebuilding the read model: %s", exc)
            self.rebuild_read_model()
            return handler(query, self._read_model)

    # -- a long history, built in the background -----------------------------------
    @property
    def loading_history(self) -> bool:
        """True while the read model holds only the counter's part."""
        return self._read_model.partial is not None

    def _fill_history(self, lazy_history: bool, identity: Identity) -> None:
        rm = self._read_model
        self._history = HistoryFill(self._engine, rm.storage.folder, rm.till, lazy_history, self._install_history)
        self._identity = identity
        self._history.start()

    def _install_history(self) -> None:
        """In the history's thread, once it is built: swap it in."""
        fill = self._history
        with self._lock:
            if fill is None or fill.complete is None:
                return  # failed: a query that needs the history rebuilds the plain way
            if self._read_model.partial is None:
                fill.discard()  # rebuilt in the foreground meanwhile
                return
            complete = fill.install()
            if self._identity is not None:
                record_identity(complete.storage.folder, self._identity)
            complete.catch_up(self._engine, save=False)
            complete.close()
            old, self._read_model = self._read_model, complete
            old.close()
            self._history_installed = True

    def _wait_for_history(self) -> None:
        if self._history is not None:
            self._history.wait()
        with self._lock:
            if self._read_model.partial is not None:  # it failed: the plain way
                self.rebuild_read_model()

    def sync(self, committed=()) -> Changes:
        """Apply events recorded since the last look (cheap when there are
        none). ``committed``: the events this process's command just stored."""
        try:
            with self._lock:
                self._drop_lost_connections()
                changes = self._read_model.catch_up(
                    self._engine, save=self.save_after_each_command, committed=committed
                )
                if self._history_installed:  # every list shows the whole history now
                    self._history_installed = False
                    changes = Changes(rebuilt=True)
                if not self.save_after_each_command:
                    self._save_if_due()
                self._notify(changes)
            return changes
        except Exception:
            # The command itself is committed; a read model that could not
            # follow must not turn a stored order into a reported failure.
            # The next sync (or the next start) catches up from the checkpoint.
            log.exception("Could not bring the read model up to date")
            return Changes()

    def _save_if_due(self) -> None:
        every_events, every_seconds = self._save_every_events, self._save_every_seconds
        if every_events is None and every_seconds is None:
            return  # the owner saves (a window: after the repaint)
        unsaved = self._read_model.unsaved_events
        if unsaved <= 0:
            self._unsaved_since = None
            return
        now = self._monotonic()
        if self._unsaved_since is None:
            self._unsaved_since = now
        if (every_events is not None and unsaved >= every_events) or (
            every_seconds is not None and now - self._unsaved_since >= every_seconds
        ):
            if self._read_model.save():
                self._unsaved_since = None

    def has_news(self) -> bool:
        """True when events were recorded (by another till) since the last sync."""
        return self._history_installed or last_position(self._engine) > self._read_model.checkpoint

    def warm_up(self) -> None:
        """Build what the first search, category switch or scan would build
        (docs/adr/0005-other-measured-decisions.md). Opening leaves it out so
        the window shows sooner; a window calls this once it is painted."""
        with self._lock:  # an import in a worker thread may be projecting
            self._read_model.catalog.prepare()

    def rebuild_read_model(self) -> Changes:
        with self._lock:
            changes = self._read_model.rebuild(self._engine)
            self._notify(changes)
            return changes

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def _notify(self, changes: Changes) -> None:
        if changes:
            for listener in list(self._listeners):
                listener(changes)

    def save_read_model(self) -> bool:
        """Write the read model's unsaved changes (cheap when there are none);
        a file found damaged on the way is replaced by a rebuild. The files
        are written and fsynced outside the shop's lock: a command arriving
        meanwhile (Place Order while the last sale is being saved) goes on at
        once, and what it changes is written by the next save."""
        with self._lock:
            write = self._read_model.begin_save()
            if self._read_model.damaged:
                self.rebuild_read_model()  # saves as it goes
                return True
            self._unsaved_since = None  # nothing unsaved is waiting any more
        return write()

    def settle_outbox(self) -> int:
        """Record how far this till's saved read model has read, then move
        the events every till has read to the archive (a few seconds at
        most; core/write_model/outbox_archive.py) and forget request ids a
        month old (core/write_model/requests.py). Returns how many events
        moved; a database that refuses is logged, never raised: closing goes on."""
        with self._lock:
            if self._read_model.partial is not None:
                return 0  # nothing saved yet to say it has read
            try:
                at = self._clock()
                now = at.isoformat(timespec="seconds")
                record_checkpoint(self._engine, self._read_model.till, self._read_model.storage.checkpoint, now)
                forget_old_requests(self._engine, at)
                return archive_settled_events(self._engine)
            except SQLAlchemyError as exc:
                log.warning("Could not archive the outbox's settled events: %s", exc)
                return 0

    def close(self) -> None:
        """Save, settle and let go of the files; a second call does nothing
        (a restore closes the shop before its window does)."""
        if self._closed:
            return
        self._closed = True
        # Not under the lock: the listener's thread may be waiting for it (a sync).
        self.stop_watching()
        if self._history is not None:
            # Its thread uses the engine; what it built is swapped in and
            # saved below, so the next opening need not build it again.
            self._history.wait()
        with self._lock:
            if self._read_model.partial is None and self._read_model.save():
                self.settle_outbox()
            self._read_model.close()
            self._dispatcher.close()
            self._engine.dispose()


def _refuse_to_replace_a_shop(db_file: Path, folder: Path) -> None:
    """A folder whose read model was made from a database that is now
    missing or empty held a shop: opening would make an empty one in its
    place, so refuse (nothing is created or changed)."""
    if db_file.exists() and db_file.stat().st_size > 0:
        return
    if not holds_a_shop(folder):
        return
    what = N_("is missing") if not db_file.exists() else N_("is empty (0 bytes)")
    raise ShopMissing(
        N_(
            "The shop's database {name} {what} in {parent}, though the folder holds a shop's lists, so nothing "
            "was opened or changed: copy {name} back from the shop's latest backup into that folder, then open "
            "the shop again (to start an empty shop there instead, move the {name2} folder away first).",
            name=db_file.name,
            what=what,
            parent=db_file.parent,
            name2=folder.name,
        )
    )


def open_shop(
    data_dir,
    *,
    till: str = DEFAULT_TILL,
    clock: Callable[[], datetime] = utc_now,
    fast_paths: FastPaths = ALL_ON,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    database_url: str | None = None,
) -> Shop:
    """Open the shop kept in ``data_dir``, creating the folder and both stores
    when new, and bringing the read model up to date (or rebuilding it).
    Raises StorageError, with a sentence saying why, when it cannot.

    ``till``: the till this process is (two processes on one folder with
    different names are two tills); every command it runs is stamped with it.
    ``fast_paths``: which shortcuts taken for speed are on (all, by default);
    each one off gives the same results the plain way (core/fast_paths.py).
    ``busy_timeout_ms``: how long a command waits for another till's write
    lock before DatabaseBusy (a window passes a short one and retries).
    ``database_url``: None keeps the write model in the folder's SQLite file;
    a ``postgresql+psycopg://user:password@server/database`` URL keeps it on
    that PostgreSQL server, shared by every till (each keeps its own read
    model in ``data_dir``). Without one, the environment's
    SHOP_DATABASE_URL, if set, is used."""
    data_dir = Path(data_dir)
    till = till_name(till)
    engine = None
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        folder = data_dir / READ_MODEL_FOLDER
        if database_url is None:
            database_url = os.environ.get(DATABASE_URL_VARIABLE) or None
        db_file: Path | None = None
        if database_url is None and (server := saved_server(data_dir)) is not None:
            # Moved or connected to a server: the file left behind is an old copy, never sold into.
            raise StorageError(
                N_(
                    "This till's shop is on the shared server {server}: open it there (Shop Manager asks for "
                    "the password), or give its address with --database-url.",
                    server=server_name(server),
                )
            )
        origin = None
        if database_url is None:
            db_file = data_dir / DATABASE_FILE
            _refuse_to_replace_a_shop(db_file, folder)
            engine = sqlite_engine(db_file, busy_timeout_ms)
        else:
            engine = postgres_engine(database_url, busy_timeout_ms)
            origin = wake_ups.tag(engine)  # before its first connection
        create_schema(engine)
        link_journal(engine)  # events recorded without their link (an older version) get it now
        identified = identify(engine, db_file)
        read_model = ReadModel(folder, lazy_history=fast_paths.lazy_history)
        read_model.till = till
        if folder.exists():
            if removed := remove_leftover_temp_files(folder):
                log.info("Removed %d temp files of unfinished saves in %s", removed, folder)
        recorded = recorded_identity(folder)
        # The documents were made from this database (or from it before it
        # was copied or moved here with them, untouched since), or from a
        # shop made before shops had an identity: trusted (and caught up,
        # or rebuilt if their checkpoint is past the database's last
        # position). Made from another: rebuilt, never mixed with it.
        if folder.exists() and recorded not in (identified.now, identified.before):
            log.warning("Rebuilding the read model: made from %s, the database is %s", recorded, identified.now)
            forget_documents(folder)  # never trusted again, whatever happens next: open rebuilds
        read_model.open(engine, counter_first=True)
        if read_model.partial is None:  # else once the complete model is in its folder
            record_identity(folder, identified.now)
        shop = Shop(
            engine,
            read_model,
            Dispatcher(engine, clock, fast_paths=fast_paths, till=till),
            fast_paths=fast_paths,
            clock=clock,
            origin=origin,
        )
        shop.data_dir = data_dir
        if read_model.partial is not None:
            shop._fill_history(fast_paths.lazy_history, identified.now)
        return shop
    except BaseException as exc:
        if engine is not None:
            engine.dispose()
        if isinstance(exc, OSError):
            raise StorageError(
                N_("The shop in {data_dir} could not be opened: {value}.", data_dir=data_dir, value=exc.strerror or exc)
            ) from exc
        if isinstance(exc, SQLAlchemyError):  # not a database, locked for too long...
            raise storage_error(exc, "opened") from exc
        raise
