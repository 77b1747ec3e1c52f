"""Stores that must never be silently replaced or mixed: a missing or empty
database beside a shop's read model is refused; a database copied over
another shop's folder (or restored) gets the read model rebuilt from it; a
whole shop folder copied elsewhere opens without a rebuild; the temp files
of killed saves are cleaned on open."""

import os
import shutil
import sqlite3

import pytest

from core import open_shop
from core.commands import AddCategory, AddProduct
from core.errors import ShopMissing
from core.queries import GetProducts
from core.read_model.identity import IDENTITY_FILE
from core.read_model.projector import ReadModel

# About the SQLite file itself (its versions, copies, locks): not run on PostgreSQL.
pytestmark = pytest.mark.sqlite_only


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _store_id(folder) -> str:
    conn = sqlite3.connect(folder / "shop.sqlite3")
    try:
        return conn.execute("SELECT store_id FROM shop_identity").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("how", ["deleted", "emptied"])
def test_a_missing_or_empty_database_beside_a_shops_lists_is_refused(traded_day, data_dir, how):
    db_file = data_dir / "shop.sqlite3"
    if how == "deleted":
        db_file.unlink()
    else:
        db_file.write_bytes(b"")
    before = _files(data_dir)

    with pytest.raises(ShopMissing) as raised:
        open_shop(data_dir)

    message = str(raised.value)
    # One sentence (naming the file to restore, which assert_readable's
    # ban on "sqlite" would forbid).
    assert message[0].isupper() and message.endswith(".") and "\n" not in message
    assert ("is missing" if how == "deleted" else "is empty") in message
    assert "latest backup" in message
    assert _files(data_dir) == before  # no empty shop made, no list overwritten


def test_a_new_folder_is_still_a_new_shop(tmp_path):
    shop = open_shop(tmp_path / "new")
    try:
        assert shop.ask(GetProducts()) == ()
    finally:
        shop.close()


def _other_shop(folder):
    shop = open_shop(folder)
    try:
        cups = shop.dispatch(AddCategory("Cups"))
        for i in range(5):
            shop.dispatch(AddProduct(f"CUP-{i}", f"Cup {i}", cups, 100 + i, stock=i))
    finally:
        shop.close()


def test_a_database_copied_over_another_shops_folder_is_read_alone(traded_day, data_dir, tmp_path, open_at, state):
    _ids, expected = traded_day
    other = tmp_path / "other"
    _other_shop(other)
    for leftover in other.glob("shop.sqlite3*"):
        leftover.unlink()
    shutil.copy(data_dir / "shop.sqlite3", other / "shop.sqlite3")

    assert state(open_at(other)) == expected
    assert state(open_at(other)) == expected  # and so across reopening


def test_a_database_of_the_same_shop_restored_from_a_backup_is_read_alone(traded_day, data_dir, tmp_path, open_at):
    backup = tmp_path / "backup.sqlite3"
    shutil.copy(data_dir / "shop.sqlite3", backup)
    shop = open_at()
    cups = shop.dispatch(AddCategory("Cups"))
    shop.dispatch(AddProduct("CUP-1", "Cup", cups, 100))
    shop.close()
    for leftover in data_dir.glob("shop.sqlite3*"):
        leftover.unlink()
    shutil.copy(backup, data_dir / "shop.sqlite3")

    assert "CUP-1" not in {p.sku for p in open_at().ask(GetProducts())}


def test_a_whole_shop_folder_copied_elsewhere_opens_without_a_rebuild(
    traded_day, data_dir, tmp_path, open_at, state, monkeypatch
):
    _ids, expected = traded_day
    copy = tmp_path / "copy"
    shutil.copytree(data_dir, copy)
    store_before = _store_id(copy)
    monkeypatch.setattr(ReadModel, "rebuild", lambda self, engine: pytest.fail("rebuilt"))

    assert state(open_at(copy)) == expected
    assert _store_id(copy) != store_before  # a copy is another store of the same shop
    assert (copy / "read_model" / IDENTITY_FILE).read_text().split() == [
        (sqlite3.connect(copy / "shop.sqlite3").execute("SELECT shop_id FROM shop_identity").fetchone()[0]),
        _store_id(copy),
    ]


def test_a_read_model_without_a_recorded_identity_is_rebuilt_once_the_shop_has_one(
    traded_day, data_dir, open_at, state
):
    _ids, expected = traded_day
    open_at().close()  # the shop has an identity now
    (data_dir / "read_model" / IDENTITY_FILE).unlink()
    rebuilt = []
    real = ReadModel.rebuild
    ReadModel.rebuild = lambda self, engine: (rebuilt.append(1), real(self, engine))[1]
    try:
        assert state(open_at()) == expected
    finally:
        ReadModel.rebuild = real
    assert rebuilt == [1]


def test_temp_files_of_killed_saves_are_removed_on_open(traded_day, data_dir, open_at):
    folder = data_dir / "read_model"
    dead = folder / ".products_0.json.999999999.tmp"  # no such process
    dead.write_bytes(b'{"schema": 1, "tab')
    live = folder / f".orders_0.json.{os.getppid()}.tmp"  # a running process, saving right now
    live.write_bytes(b'{"schema": 1, "tab')

    open_at()

    assert not dead.exists()
    assert live.exists()


def test_a_young_temp_file_not_named_by_a_process_is_left_alone(traded_day, data_dir, open_at):
    young = data_dir / "read_model" / ".products_0.json.tmp"
    young.write_bytes(b"{")
    old = data_dir / "read_model" / ".orders_0.json.tmp"
    old.write_bytes(b"{")
    os.utime(old, (1, 1))  # written long ago
    open_at()
    assert young.exists() and not old.exists()
