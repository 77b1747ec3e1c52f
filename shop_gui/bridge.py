"""The one QObject that talks to the core Shop."""

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from core import Changes
from core.errors import ShopError

log = logging.getLogger(__name__)

UNEXPECTED = ("Something went wrong and nothing was changed. Please try again; "
              "if it happens again, the log file says what went wrong.")


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
    """

    readModelChanged = Signal(object)
    commandSucceeded = Signal(object, object)
    commandFailed = Signal(object)

    POLL_INTERVAL_MS = 2000
    # Read-model files are written this long after the last change, once the
    # lists have repainted; a burst of scans is saved once.
    SAVE_DELAY_MS = 50

    def __init__(self, shop, parent=None):
        super().__init__(parent)
        self._shop = shop
        self._dispatching = False
        self._pending: list[Changes] = []
        shop.add_listener(self._collect)
        shop.save_after_each_command = False
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(self.SAVE_DELAY_MS)
        self._save_timer.timeout.connect(shop.save_read_model)
        # Other tills write to the same database: look for their events now
        # and then, so stock on screen never stays stale for long.
        self._poll = QTimer(self)
        self._poll.setInterval(self.POLL_INTERVAL_MS)
        self._poll.timeout.connect(self.sync)
        self._poll.start()

    @property
    def shop(self):
        return self._shop

    def dispatch(self, command) -> Outcome:
        """Run ``command`` and say what became of it; the signals say it too."""
        if self._dispatching:
            # A slot reacting to a change must not re-enter the dispatcher.
            QTimer.singleShot(0, lambda: self.dispatch(command))
            return Outcome(queued=True)
        self._dispatching = True
        error = None
        result = None
        try:
            result = self._shop.dispatch(command)
        except ShopError as exc:
            error = exc
        except Exception:  # a bug: log it, tell the person something useful
            log.exception("Command %r failed unexpectedly", command)
            error = ShopError(UNEXPECTED)
        finally:
            self._dispatching = False
        self._emit_pending()
        if error is not None:
            self.commandFailed.emit(error)
            return Outcome(error=error)
        self.commandSucceeded.emit(command, result)
        return Outcome(result=result)

    def ask(self, query):
        return self._shop.ask(query)

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

    def _collect(self, changes: Changes) -> None:
        # Called by the core mid-dispatch; emitted once the dispatch is over.
        self._pending.append(changes)

    def _emit_pending(self) -> None:
        pending, self._pending = self._pending, []
        if pending:
            self._save_timer.start()  # (re)started: after the repaint
        for changes in pending:
            self.readModelChanged.emit(changes)

    def close(self) -> None:
        self._poll.stop()
        self._save_timer.stop()
        self._shop.save_read_model()
        self._shop.save_after_each_command = True
        self._shop.remove_listener(self._collect)
