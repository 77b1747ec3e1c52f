"""The one QObject that talks to the core Shop."""

import dataclasses
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEventLoop, QObject, Qt, QThread, QTimer, Signal

from core import Changes
from core.errors import DatabaseBusy, ShopError
from shop_gui.texts import word

log = logging.getLogger(__name__)

# Said while another till holds the database and the bridge waits to try again.
TRYING_AGAIN = QT_TRANSLATE_NOOP(
    "words", "Another till is holding the shop's database; nothing was changed yet. Trying again..."
)

UNEXPECTED = QT_TRANSLATE_NOOP(
    "words",
    "Something went wrong and nothing was changed. Please try again; "
    "if it happens again, the log file says what went wrong.",
)


@dataclass(frozen=True)
class Outcome:
    """What became of a dispatched command."""

    result: object = None
    error: ShopError | None = None
    queued: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None and not self.queued


class ShopBridge(QObject):
    """Sends commands and queries to a core ``Shop`` for the widgets.

    Signals:
        readModelChanged(Changes): the read model is up to date after a command
            or after other tills' work arrived; lists refresh the named rows.
        commandSucceeded(command, result): a command was stored.
        commandFailed(ShopError): a command was refused; nothing changed.
        signedInChanged(SignedIn | None): someone signed in at this till, or
            nobody is signed in any more.
        busy(str): another till holds the database; the command is tried
            again shortly (the window repaints meanwhile).
        serverLinkChanged(ServerLink): on a shared server, whether this till
            hears other tills' work the moment it is committed, or the server
            cannot be reached and is tried again (core's Shop.watch_server).
    """

    readModelChanged = Signal(object)
    commandSucceeded = Signal(object, object)
    commandFailed = Signal(object)
    signedInChanged = Signal(object)
    busy = Signal(str)
    serverLinkChanged = Signal(object)
    # Changes made by a worker thread (an import), delivered to the GUI thread.
    _changesFromWorker = Signal(object)
    # From the shop's listener thread (a shared server), delivered to the GUI
    # thread: another till committed; the link changed.
    _woken = Signal()
    _linkFromListener = Signal(object)

    # The timers' intervals as the app runs them (the constructor's defaults;
    # tests pass short ones rather than wait for a real poll).
    # Other tills write to the same database: look for their events this often.
    POLL_INTERVAL_MS = 2000
    # A worker's commands (an import: thousands of rows a batch) refresh the
    # lists at most this often, their changes merged into one.
    WORKER_REFRESH_MS = 2000
    # Read-model files are written once the till has had no change for this
    # long (a sale's repaint, the next scans and clicks never share the
    # machine with the save), but never more than SAVE_AT_LATEST_MS after the
    # first unsaved change. The commits are what keep the orders; the files
    # only spare the next start a catch-up.
    SAVE_DELAY_MS = 1000
    SAVE_AT_LATEST_MS = 5000
    # Another till holding the database's write lock: the core waits its
    # busy timeout (short in the window: app.GUI_BUSY_TIMEOUT_MS), then the
    # bridge pauses this long, repainting, and tries again, this many times.
    BUSY_PAUSE_MS = 250
    BUSY_RETRIES = 12

    def __init__(
        self,
        shop,
        parent=None,
        *,
        poll_interval_ms: int = POLL_INTERVAL_MS,
        worker_refresh_ms: int = WORKER_REFRESH_MS,
        save_delay_ms: int = SAVE_DELAY_MS,
        save_at_latest_ms: int = SAVE_AT_LATEST_MS,
        busy_pause_ms: int = BUSY_PAUSE_MS,
        busy_retries: int = BUSY_RETRIES,
    ):
        super().__init__(parent)
        self._shop = shop
        self._busy_pause_ms, self._busy_retries = busy_pause_ms, busy_retries
        self._dispatching = False
        self._pending: list[Changes] = []
        shop.add_listener(self._collect)
        self._changesFromWorker.connect(self._deliver_worker_changes, Qt.ConnectionType.QueuedConnection)
        self._worker_changes: list[Changes] = []
        self._worker_timer = QTimer(self)
        self._worker_timer.setSingleShot(True)
        self._worker_timer.setInterval(worker_refresh_ms)
        self._worker_timer.timeout.connect(self.flush_worker_changes)
        # The worker making those changes (an ImportWorker), held between its
        # batches while the lists refresh: their queries then wait for one
        # batch at most, not for one batch each.
        self.worker_gate = None
        shop.save_after_each_command = False
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_delay_ms, self._save_at_latest_ms = save_delay_ms, max(save_delay_ms, save_at_latest_ms)
        self._save_timer.timeout.connect(self._save_in_background)
        self._unsaved_since: float | None = None  # monotonic seconds of the first unsaved change
        # The save fsyncs a few files (4-12 ms): on a thread of its own, so no
        # repaint or click waits for the disk. It holds the shop's lock only
        # while it encodes them (Shop.save_read_model): a command arriving
        # while they are written goes on at once.
        self._saver = ThreadPoolExecutor(max_workers=1, thread_name_prefix="read-model-save")
        self._save_job = None
        # Other tills write to the same database: look for their events now
        # and then, so stock on screen never stays stale for long.
        self._poll = QTimer(self)
        self._poll.setInterval(poll_interval_ms)
        self._poll.timeout.connect(self.sync)
        self._poll.start()
        # On a shared server the shop's listener wakes this till the moment
        # another commits; the poll stays only while it cannot listen but
        # can reach the server. While the server cannot be reached at all,
        # the listener's retries (with back-off) stand in for the poll: each
        # poll could wait out a connect timeout with the window frozen.
        self._woken.connect(self.sync, Qt.ConnectionType.QueuedConnection)
        self._linkFromListener.connect(self._link_changed, Qt.ConnectionType.QueuedConnection)
        self.server_link = None  # the last ServerLink (None: SQLite, or not heard yet)
        self._closed = False
        self._watch(shop)

    @property
    def shop(self):
        return self._shop

    def dispatch(self, command, approved_by: tuple[int, str] | None = None) -> Outcome:
        """Run ``command`` and say what became of it; the signals say it too.

        ``approved_by``: (staff id, PIN) of the manager or owner approving
        this one command for whoever is signed in (``Shop.dispatch``); a wrong
        PIN is refused with WrongPin. shop_gui/approval.py asks for it."""
        if self._dispatching:
            # A slot reacting to a change must not re-enter the dispatcher.
            QTimer.singleShot(0, lambda: self.dispatch(command, approved_by))
            return Outcome(queued=True)
        self._dispatching = True
        error = None
        result = None
        try:
            result = self._retrying_while_busy(lambda: self._shop.dispatch(command, approved_by=approved_by))
        except ShopError as exc:
            error = exc
        except Exception:  # a bug: log it (never a PIN), tell the person something useful
            log.exception("Command %s failed unexpectedly", loggable(command))
            error = ShopError(word(UNEXPECTED))
        finally:
            self._dispatching = False
        self._emit_pending()
        if error is not None:
            self.commandFailed.emit(error)
            return Outcome(error=error)
        self.commandSucceeded.emit(command, result)
        return Outcome(result=result)

    def _retrying_while_busy(self, call):
        """``call()``, tried again while another till holds the database
        (DatabaseBusy: nothing was changed), up to ``busy_retries`` times.
        Between tries the window repaints and its timers run, but clicks and
        keys wait, so nothing is sent twice meanwhile."""
        for attempt in range(self._busy_retries + 1):
            try:
                return call()
            except DatabaseBusy:
                if attempt == self._busy_retries:
                    raise
                self.busy.emit(word(TRYING_AGAIN))
                loop = QEventLoop()
                QTimer.singleShot(self._busy_pause_ms, loop.quit)
                loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        raise AssertionError("unreachable")  # the last attempt returned or raised

    def ask(self, query):
        return self._shop.ask(query)

    # -- who is signed in at this till -----------------------------------------------------------
    @property
    def signed_in(self):
        """Who is signed in at this till (a SignedIn: id, name, role), or None."""
        return self._shop.signed_in

    def sign_in(self, staff_id: int, pin: str) -> Outcome:
        """Sign this staff member in if ``pin`` is theirs. A refusal (WrongPin
        with the tries left, SignInPaused with the seconds, NotAllowed, ...)
        is the outcome's error; whoever was signed in stays so then."""
        if self._dispatching:
            return Outcome(error=ShopError(self.tr("Please try again in a moment.")))
        self._dispatching = True
        error, person = None, None
        try:
            person = self._retrying_while_busy(lambda: self._shop.sign_in(staff_id, pin))
        except ShopError as exc:
            error = exc
        except Exception:  # a bug: logged without the PIN
            log.exception("Signing in staff member %s failed unexpectedly", staff_id)
            error = ShopError(word(UNEXPECTED))
        finally:
            self._dispatching = False
        self._emit_pending()
        if error is not None:
            return Outcome(error=error)
        self.signedInChanged.emit(person)
        return Outcome(result=person)

    def sign_out(self) -> None:
        """Nobody is signed in at this till now."""
        was = self._shop.signed_in
        self._shop.sign_out()
        if was is not None:
            self.signedInChanged.emit(None)

    def warm_up(self) -> None:
        """Let the core build what the first search or scan needs, now that
        the window is on screen (idle time, not start-up time)."""
        try:
            self._shop.warm_up()
        except Exception:  # an optimisation only: the first query builds it anyway
            log.exception("Warming up the lists failed")

    def sync(self) -> None:
        """Pick up events recorded by other tills (cheap when there are none)."""
        if self._dispatching:
            return
        try:
            if self._shop.has_news():
                self._shop.sync()
        except Exception:
            log.exception("Looking for other tills' changes failed")
        self._emit_pending()

    @property
    def polling(self) -> bool:
        """True while the bridge looks for other tills' work on its timer."""
        return self._poll.isActive()

    def _watch(self, shop) -> None:
        # Emitting a signal is safe from the listener's thread: Qt queues it here.
        shop.watch_server(on_news=self._woken.emit, on_link=self._linkFromListener.emit)

    def _link_changed(self, link) -> None:
        if self._closed:
            return  # queued before the listener stopped
        self.server_link = link
        if link.listening or not link.reachable:
            self._poll.stop()
        elif not self._poll.isActive():
            self._poll.start()
        self.serverLinkChanged.emit(link)

    def _collect(self, changes: Changes) -> None:
        # Called by the core mid-dispatch; emitted once the dispatch is over.
        if QThread.currentThread() == self.thread():
            self._pending.append(changes)
        else:  # a worker's command: Qt queues it over to the GUI thread
            self._changesFromWorker.emit(changes)

    def _deliver_worker_changes(self, changes: Changes) -> None:
        self._worker_changes.append(changes)
        if not self._worker_timer.isActive():
            self._worker_timer.start()

    def flush_worker_changes(self) -> None:
        """Hand the worker's changes so far to the lists now (a finished import)."""
        self._worker_timer.stop()
        if not self._worker_changes:
            return
        merged, self._worker_changes = Changes.merge(self._worker_changes), []
        self._pending.append(merged)
        if self._dispatching:
            return
        gate = self.worker_gate
        if gate is not None:
            gate.hold()
        try:
            # Not saved from here: the worker saves the read model when it is done.
            self._emit_pending(save=False)
        finally:
            if gate is not None:
                gate.release()

    def _emit_pending(self, save: bool = True) -> None:
        pending, self._pending = self._pending, []
        if pending and save:
            self._schedule_save()
        for changes in pending:
            self.readModelChanged.emit(changes)

    def _schedule_save(self) -> None:
        """(Re)start the save's timer: SAVE_DELAY_MS from now, or sooner if the
        first unsaved change would otherwise wait past SAVE_AT_LATEST_MS."""
        now = time.monotonic()
        if self._unsaved_since is None:
            self._unsaved_since = now
        left_ms = self._save_at_latest_ms - (now - self._unsaved_since) * 1000
        self._save_timer.start(max(0, min(self._save_delay_ms, int(left_ms))))

    def _save_in_background(self) -> None:
        self._unsaved_since = None
        job = self._save_job
        # One queued save is enough: it writes whatever has changed by the time it runs.
        if job is None or job.done() or job.running():
            self._save_job = self._saver.submit(self._save_quietly)

    def _save_quietly(self) -> None:
        try:
            self._shop.save_read_model()
        except Exception:  # the commands are committed; the next save or start makes up for it
            log.exception("Saving the read model failed")

    def replace_shop(self, shop) -> None:
        """Go on with ``shop`` instead (the shop's folder restored from a
        backup; the old one is closed by the caller): nobody is signed in
        there, and every list reloads."""
        self._save_timer.stop()
        self._saver.submit(lambda: None).result()  # a save in flight is over
        self._shop.remove_listener(self._collect)
        self._shop.stop_watching()
        self._shop = shop
        shop.save_after_each_command = False
        shop.add_listener(self._collect)
        self.server_link = None
        self._poll.start()
        self._watch(shop)
        self.signedInChanged.emit(None)
        self.readModelChanged.emit(Changes(rebuilt=True))

    def close(self) -> None:
        self._shop.stop_watching()  # before the signals its thread emits go
        self._closed = True
        self._poll.stop()
        self._worker_timer.stop()
        self._save_timer.stop()
        self._saver.shutdown(wait=True)
        self._shop.save_read_model()
        self._shop.save_after_each_command = True
        self._shop.remove_listener(self._collect)


def loggable(command) -> str:
    """``command`` as a log line may show it: never a PIN (AddStaff, UpdateStaff)."""
    if dataclasses.is_dataclass(command) and not isinstance(command, type):
        hidden = {f.name: "<hidden>" for f in dataclasses.fields(command) if "pin" in f.name}
        if hidden:
            return repr(dataclasses.replace(command, **hidden))
    return repr(command)


class ReadModelSubscription:
    """``slot`` connected to ``bridge.readModelChanged`` until ``end()``: a
    dialog following the read model while it is open. ``end()`` may be called
    again (from both ``done()`` and ``closeEvent()``): it disconnects once."""

    def __init__(self, bridge: ShopBridge, slot):
        self._bridge, self._slot = bridge, slot
        bridge.readModelChanged.connect(slot)

    def end(self) -> None:
        if self._slot is not None:
            self._bridge.readModelChanged.disconnect(self._slot)
            self._slot = None
