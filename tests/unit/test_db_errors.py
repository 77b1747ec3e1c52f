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
