"""What the database's refusals mean to a person: one sentence each, saying
whether trying again helps and, when it does not, what to do instead."""

import sqlite3

from core.errors import DatabaseBusy, StorageError
from core.i18n import N_

BUSY = N_(
    "Another till is holding the shop's database; nothing was changed. "
    "Try again in a moment: it should work once that till has finished."
)


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig if orig is not None else exc)


def is_busy(exc: BaseException) -> bool:
    """The database is locked by another connection (past the busy timeout)."""
    text = _reason(exc).lower()
    return "database is locked" in text or "database is busy" in text or "database table is locked" in text


def storage_error(exc: BaseException, doing: str = "written") -> StorageError:
    """The StorageError to raise for a driver error ``exc`` (the database
    could not be ``doing``: "written", "opened"); nothing was changed."""
    reason = _reason(exc)
    text = reason.lower()
    if is_busy(exc):
        return DatabaseBusy(BUSY)
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
