"""The journal: every event in words, a page at a time (the Journal view),
and its tamper evidence, for the window (Help > Verify journal) and
``shop-manager --verify``: check the hash chain over every event
(core/write_model/journal_chain.py) and name the first row altered,
deleted, reordered or put in."""

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from core.errors import StorageError
from core.i18n import N_
from core.journal_words import KINDS
from core.write_model.db_errors import storage_error
from core.write_model.engine import sqlite_engine
from core.write_model.journal_chain import Verdict, verify
from core.write_model.journal_reading import JournalFilter

DATABASE_FILE = "shop.sqlite3"  # core.shop's name

__all__ = ["KINDS", "JournalEntry", "JournalFilter", "JournalPage", "Verdict", "verify_journal"]


@dataclass(frozen=True)
class JournalEntry:
    position: int
    at: str  # ISO UTC
    kind: str  # the event's class name (KINDS names it)
    who: str  # the staff member's name today ("Owner" before staff)
    till: str
    approved_by: str | None
    what: str  # in words
    undone: str | None  # "Undone by Cara at 2026-12-07T10:30:00+00:00" (None: not undone now)


@dataclass(frozen=True)
class JournalPage:
    entries: tuple[JournalEntry, ...]  # newest first
    more: bool  # older entries match too: ask again with before=entries[-1].position


def verify_journal(data_dir) -> Verdict:
    """Check the journal of the shop in ``data_dir`` without opening the
    shop (nothing is written: no migration, no new links)."""
    db_file = Path(data_dir) / DATABASE_FILE
    if not db_file.is_file():
        raise StorageError(N_("There is no shop database in {folder} to verify.", folder=str(data_dir)))
    engine = sqlite_engine(db_file)
    try:
        return verify(engine)
    except SQLAlchemyError as exc:
        raise storage_error(exc, "read") from exc
    finally:
        engine.dispose()
