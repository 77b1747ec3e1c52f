"""What the database's refusals say: "try again" only where trying again
helps; what to do instead where it does not."""

import sqlite3

import pytest

from core.errors import DatabaseBusy, StorageError
from core.write_model.db_errors import BUSY, storage_error
from tests.unit.conftest import assert_readable


@pytest.mark.parametrize(
    "driver_message, expected_type, says, again",
    [
        ("database is locked", DatabaseBusy, "Another till is holding", True),
        ("attempt to write a readonly database", StorageError, "It is read-only: let this user write", False),
        ("unable to open database file", StorageError, "Its folder cannot be written: let this user write", False),
        ("database or disk is full", StorageError, "The disk holding the shop is full: free some space", True),
        ("database disk image is malformed", StorageError, "It is damaged (database disk image is malformed): ", False),
        ("file is not a database", StorageError, "restore the shop from its latest backup", False),
        ("disk I/O error", StorageError, "(disk I/O error). Please try again.", True),
    ],
)
def test_each_refusal_says_what_to_do(driver_message, expected_type, says, again):
    error = storage_error(sqlite3.OperationalError(driver_message))
    assert type(error) is expected_type
    assert says in str(error)
    assert "nothing was changed" in str(error)
    assert_readable(error)
    # "Try again" only where it can work (once the other till or the disk space is free).
    assert ("try again" in str(error).lower()) == again


def test_busy_is_the_same_sentence_opening_or_writing():
    assert str(storage_error(sqlite3.OperationalError("database is locked"), "opened")) == BUSY


def test_opening_a_damaged_database_does_not_claim_a_change_was_attempted():
    message = str(storage_error(sqlite3.DatabaseError("file is not a database"), "opened"))
    assert message.startswith("The shop's database could not be opened. It is damaged")


# PostgreSQL's messages run to several lines (DETAIL, HINT, CONTEXT): a person gets one sentence.
_PG_DETAIL = (
    "\nDETAIL:  Process 4242 waits for ShareLock on transaction 77; blocked by process 4343.\nHINT:  See server log."
)


@pytest.mark.parametrize(
    "error_class, message, expected_type, says",
    [
        ("DeadlockDetected", "deadlock detected", DatabaseBusy, "Another till is holding"),
        ("SerializationFailure", "could not serialize access", DatabaseBusy, "Another till is holding"),
        ("LockNotAvailable", "canceling statement due to lock timeout", DatabaseBusy, "Another till is holding"),
        ("AdminShutdown", "terminating connection due to administrator command", StorageError, "could not be reached"),
        ("InvalidPassword", 'password authentication failed for user "shop"', StorageError, "refused the login"),
        ("DiskFull", "could not extend file: No space left on device", StorageError, "is full"),
    ],
)
def test_postgresql_refusals_are_one_sentence(error_class, message, expected_type, says):
    psycopg_errors = pytest.importorskip("psycopg.errors")
    from sqlalchemy.exc import OperationalError

    driver_error = getattr(psycopg_errors, error_class)(message + _PG_DETAIL)
    error = storage_error(OperationalError("UPDATE product ...", {}, driver_error))
    assert type(error) is expected_type
    assert says in str(error)
    assert "DETAIL" not in str(error) and "4242" not in str(error)
    assert_readable(error)


def test_a_deadlock_is_run_again_a_lock_timeout_is_not():
    psycopg_errors = pytest.importorskip("psycopg.errors")
    from sqlalchemy.exc import OperationalError

    from core.write_model.db_errors import is_retryable

    def wrapped(name):
        return OperationalError("UPDATE ...", {}, getattr(psycopg_errors, name)("x"))

    assert is_retryable(wrapped("DeadlockDetected")) and is_retryable(wrapped("SerializationFailure"))
    assert not is_retryable(wrapped("LockNotAvailable"))
    assert not is_retryable(OperationalError("BEGIN", {}, sqlite3.OperationalError("database is locked")))
