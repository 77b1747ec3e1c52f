"""A till's ear on the shared PostgreSQL server: a thread with a connection
of its own that LISTENs on the wake-up channel (core/write_model/wake_ups.py)
and calls ``on_news`` when another till has committed, so this till catches
up within moments. It also watches the link: a server that is down or a
network that dropped is reported (``on_link``, a ServerLink) and tried again
after 1, 2, 4, ... 30 seconds; once back, ``on_news`` catches up with what
was committed meanwhile. No Qt here: the window turns both calls into
signals on its own thread (shop_gui/bridge.py)."""

import logging
import os
import select
import threading
from collections.abc import Callable, Sequence

import psycopg
from sqlalchemy import Engine

from core.results import ServerLink
from core.write_model import wake_ups
from core.write_model.db_errors import is_unreachable
from core.write_model.engine import CONNECT_TIMEOUT_SECONDS, TCP_OPTIONS

log = logging.getLogger(__name__)

# The pauses between tries while the server cannot be reached (the last
# one repeats): a server restarted is back within seconds, one that is down
# for longer is not asked more than twice a minute by each till.
BACK_OFF_SECONDS: tuple[float, ...] = (1, 2, 4, 8, 16, 30)
# With nothing heard for this long, the connection is asked if it is still
# there (a server gone without a word; TCP_OPTIONS bound how long that takes).
CHECK_EVERY_SECONDS = 15.0


class Listener:
    """``start()`` listens until ``stop()``. ``on_news()`` and
    ``on_link(ServerLink)`` are called on the listener's own thread; an
    exception they raise is logged, and listening goes on. ``origin``: this
    shop's wake-up token (its own commits wake nobody here)."""

    def __init__(
        self,
        engine: Engine,
        origin: str | None,
        on_news: Callable[[], None],
        on_link: Callable[[ServerLink], None],
        *,
        back_off: Sequence[float] | None = None,
        check_every: float | None = None,
    ):
        cargs, cparams = engine.dialect.create_connect_args(engine.url)
        self._cargs = cargs
        self._cparams = {
            **cparams,
            **TCP_OPTIONS,
            "connect_timeout": CONNECT_TIMEOUT_SECONDS,
            "application_name": "shop-manager listener",
            "autocommit": True,
        }
        self._origin = origin
        self._on_news, self._on_link = on_news, on_link
        self._back_off = tuple(back_off or BACK_OFF_SECONDS)
        self._check_every = CHECK_EVERY_SECONDS if check_every is None else check_every
        self._stop = threading.Event()
        # Written to wake the thread from its select(): stop, or try now.
        self._wake_read, self._wake_write = os.pipe()
        self._thread = threading.Thread(target=self._run, name="server-listener", daemon=True)
        self.link: ServerLink | None = None  # the last one reported

    def start(self) -> None:
        self._thread.start()

    def retry_now(self) -> None:
        """Stop waiting out the back-off and try the server now (a command
        just reached it)."""
        self._poke()

    def stop(self, timeout: float = 10.0) -> None:
        """End the thread (it closes its connection) and wait for it."""
        self._stop.set()
        self._poke()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout)
        if not self._thread.is_alive():
            for fd in (self._wake_read, self._wake_write):
                try:
                    os.close(fd)
                except OSError:
                    pass

    def _poke(self) -> None:
        try:
            os.write(self._wake_write, b"!")
        except OSError:  # stopped and closed already, or the pipe is full (a poke is waiting)
            pass

    def _drain(self) -> None:
        try:
            os.read(self._wake_read, 4096)
        except OSError:
            pass

    # -- the thread ------------------------------------------------------------------
    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                conn = connect(*self._cargs, **self._cparams)
            except psycopg.Error as exc:
                pause = self._back_off[min(failures, len(self._back_off) - 1)]
                failures += 1
                self._report(ServerLink(False, not is_unreachable(exc), pause, _one_line(exc)))
                self._wait(pause)
                continue
            try:
                conn.execute(f"LISTEN {wake_ups.CHANNEL}")
                failures = 0
                self._report(ServerLink(True))
                self._call(self._on_news)  # what was committed before it listened
                self._listen(conn)
            except psycopg.Error as exc:
                # Tried again at once: a restarted server is often back already.
                log.warning("Stopped hearing from the shop's server: %s", _one_line(exc))
                self._report(ServerLink(False, not is_unreachable(exc), 0, _one_line(exc)))
            finally:
                conn.close()

    def _listen(self, conn: psycopg.Connection) -> None:
        """Until stopped (returns) or the connection is lost (raises)."""
        socket = conn.fileno()
        while True:
            ready, _, _ = select.select([socket, self._wake_read], [], [], self._check_every)
            if self._wake_read in ready:
                self._drain()
                if self._stop.is_set():
                    return
            if socket in ready:
                heard = list(conn.notifies(timeout=0))
                if any(n.payload != self._origin for n in heard):
                    self._call(self._on_news)
                elif not heard:
                    conn.execute("SELECT 1")  # readable, nothing said: the server may have gone
            elif not ready:
                conn.execute("SELECT 1")  # quiet for long: still there?

    def _wait(self, seconds: float) -> None:
        ready, _, _ = select.select([self._wake_read], [], [], seconds)
        if ready:
            self._drain()

    def _report(self, link: ServerLink) -> None:
        self.link = link
        self._call(lambda: self._on_link(link))

    def _call(self, callback: Callable[[], None]) -> None:
        if self._stop.is_set():
            return
        try:
            callback()
        except Exception:  # the listener goes on; the poll or the next command catches up
            log.exception("A wake-up from the shop's server could not be handled")


def connect(*args, **kwargs) -> psycopg.Connection:
    """The listener's own connection (a test stands in for the server here)."""
    return psycopg.connect(*args, **kwargs)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__
