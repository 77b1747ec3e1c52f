"""What the database's refusals mean to a person: one sentence each, saying
whether trying again helps and, when it does not, what to do instead."""

import sqlite3

from core.errors import DatabaseBusy, StorageError
from core.i18n import N_

BUSY = N_(
    "Another till is holding the shop's database; nothing was changed. "
    "Try again in a moment: it should work once that till has finished."
)


# PostgreSQL's SQLSTATEs that mean "another till got in the way: the same
# command, run again, can succeed".
SERIALIZATION_FAILURE = "40001"
DEADLOCK_DETECTED = "40P01"
LOCK_NOT_AVAILABLE = "55P03"  # lock_timeout passed
RETRYABLE = frozenset({SERIALIZATION_FAILURE, DEADLOCK_DETECTED})
_UNREACHABLE = ("08",)  # connection exceptions
_NO_LOGIN = ("28",)  # invalid authorization
UNREACHABLE = N_(
    "The shop's server could not be reached; nothing was changed. Check the network and that the server "
    "is running: Shop Manager keeps trying, and this till's lists stay as they were meanwhile."
)


def _reason(exc: BaseException) -> str:
    """The driver's message on one line (PostgreSQL's run to several: DETAIL, HINT...)."""
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc)
    first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return " ".join(first.split()).rstrip(".")


def sqlstate(exc: BaseException) -> str | None:
    """PostgreSQL's SQLSTATE code of a driver error (None on SQLite)."""
    orig = getattr(exc, "orig", exc)
    return getattr(orig, "sqlstate", None)


def is_retryable(exc: BaseException) -> bool:
    """A deadlock or serialization failure: run the whole command again."""
    return sqlstate(exc) in RETRYABLE


def is_busy(exc: BaseException) -> bool:
    """The database is locked by another connection (past the busy timeout)."""
    if sqlstate(exc) in (LOCK_NOT_AVAILABLE, *RETRYABLE):
        return True
    text = _reason(exc).lower()
    return "database is locked" in text or "database is busy" in text or "database table is locked" in text


def is_unreachable(exc: BaseException) -> bool:
    """The server is down, the network dropped, or the connection broke."""
    code = sqlstate(exc)
    if code is not None:
        return code.startswith(_UNREACHABLE) or code == "57P01"  # admin shutdown
    if getattr(exc, "connection_invalidated", False):
        return True
    text = _reason(exc).lower()
    return any(
        phrase in text
        for phrase in (
            "connection refused",
            "connection is bad",
            "connection to server",
            "could not connect",
            "server closed the connection",
            "connection is lost",
            "connection failed",
            "no route to host",
            "timeout expired",
            "could not translate host name",
            "the connection is closed",
            "consuming input failed",
            "terminating connection",
        )
    )


def storage_error(exc: BaseException, doing: str = "written") -> StorageError:
    """The StorageError to raise for a driver error ``exc`` (the database
    could not be ``doing``: "written", "opened"); nothing was changed."""
    reason = _reason(exc)
    text = reason.lower()
    if is_busy(exc):
        return DatabaseBusy(BUSY)
    if is_unreachable(exc):
        if doing == "written":
            return StorageError(UNREACHABLE)
        return StorageError(
            N_(
                "The shop's server could not be reached: check the network, the address and that the server "
                "is running, then try again."
            )
        )
    code = sqlstate(exc) or ""
    if code.startswith(_NO_LOGIN):
        return StorageError(
            N_(
                "The shop's server refused the login ({reason}): check the user name and password in the address.",
                reason=reason,
            )
        )
    if code == "3D000":  # invalid_catalog_name
        return StorageError(
            N_(
                "The shop's server has no such database ({reason}): create it first (see the README), "
                "or check its name in the address.",
                reason=reason,
            )
        )
    head = (
        N_("The shop's database could not be written; nothing was changed")
        if doing == "written"
        else N_("The shop's database could not be opened")
    )
    if "readonly" in text or "read-only" in text:
        return StorageError(
            N_(
                "{head}. It is read-only: let this user write to the shop's folder, or move the shop to a folder "
                "that can be written, then start Shop Manager again.",
                head=head,
            )
        )
    if "unable to open database file" in text:  # a folder this user may not write (its -wal file)
        return StorageError(
            N_(
                "{head}. Its folder cannot be written: let this user write to the shop's folder, or move the "
                "shop to a folder that can be written, then start Shop Manager again.",
                head=head,
            )
        )
    if "disk is full" in text or "no space" in text:
        return StorageError(
            N_("{head}. The disk holding the shop is full: free some space on it, then try again.", head=head)
        )
    if "malformed" in text or "not a database" in text or "file is encrypted" in text:
        return StorageError(
            N_(
                "{head}. It is damaged ({reason}): close Shop Manager and restore the shop from its latest backup.",
                head=head,
                reason=reason,
            )
        )
    return StorageError(N_("{head} ({reason}). Please try again.", head=head, reason=reason))


def begin_or_refuse(driver_connection, statement: str) -> None:
    """Run BEGIN on the driver (the engine's begin hook); a lock held past
    the busy timeout, or a database that cannot be written, becomes a
    StorageError sentence rather than the driver's exception."""
    try:
        driver_connection.execute(statement).close()
    except sqlite3.Error as exc:
        raise storage_error(exc) from exc
