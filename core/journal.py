"""The journal's tamper evidence, for the window (Help > Verify journal) and
``shop-manager --verify``: check the hash chain over every event
(core/write_model/journal_chain.py) and name the first row altered,
deleted, reordered or put in."""

from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from core.errors import StorageError
from core.write_model.db_errors import storage_error
from core.write_model.engine import sqlite_engine
from core.write_model.journal_chain import Verdict, verify

DATABASE_FILE = "shop.sqlite3"  # core.shop's name

__all__ = ["Verdict", "verify_journal"]


def verify_journal(data_dir) -> Verdict:
    """Check the journal of the shop in ``data_dir`` without opening the
    shop (nothing is written: no migration, no new links)."""
    db_file = Path(data_dir) / DATABASE_FILE
    if not db_file.is_file():
        raise StorageError(f"There is no shop database in {data_dir} to verify.")
    engine = sqlite_engine(db_file)
    try:
        return verify(engine)
    except SQLAlchemyError as exc:
        raise storage_error(exc, "read") from exc
    finally:
        engine.dispose()
