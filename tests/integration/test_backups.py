"""Backups of real shop folders and restoring them: a consistent copy during
a burst of sales, every kind of damaged file refused with nothing changed,
today's shop kept aside, a new store id so the read model is rebuilt."""

import hashlib
import shutil
import sqlite3
import threading
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from core import open_shop
from core.backups import database_contents, database_shop_id, make_backup, read_manifest, restore_backup
from core.backups.manifest import DATABASE_MEMBER, MANIFEST_MEMBER, Manifest
from core.commands import AddCategory, AddProduct, OrderLine, PlaceOrder, ReceiveStock
from core.errors import BackupRefused, StorageError
from core.read_model.identity import recorded_identity
from core.write_model.schema import SCHEMA_VERSION
from tests.integration.conftest import assert_read_model_matches_write_model, query_state
from tests.unit.conftest import assert_readable

# About the SQLite file itself: backups copy the SQLite file (on a server, backups are the server's business).
pytestmark = pytest.mark.sqlite_only

MOMENT = datetime(2026, 12, 7, 10, 30, tzinfo=UTC)


def at(moment=MOMENT):
    return lambda: moment


@pytest.fixture
def backups(tmp_path) -> Path:
    folder = tmp_path / "usb-stick"
    folder.mkdir()
    return folder


def folder_fingerprint(folder: Path) -> dict:
    """Every file under ``folder`` and a hash of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_a_backup_holds_the_shop_and_says_what_is_in_it(traded_day, data_dir, backups):
    ids, expected = traded_day
    made = make_backup(data_dir / "shop.sqlite3", backups, clock=at())
    assert made.path.parent == backups and made.path.name.endswith("-20261207-103000.zip")
    assert list(backups.iterdir()) == [made.path]  # nothing half-written left behind
    assert not list(data_dir.glob(".backup-copy-*"))
    manifest = read_manifest(made.path)
    assert manifest == made.manifest
    today = database_contents(data_dir / "shop.sqlite3")
    assert (manifest.shop_id, manifest.store_id) == (today.shop_id, today.store_id)
    assert database_shop_id(data_dir / "shop.sqlite3") == today.shop_id != ""  # the window's cheap ask
    assert manifest.schema_version == SCHEMA_VERSION
    assert (manifest.orders, manifest.products, manifest.categories) == (3, 3, 3)
    assert manifest.last_order_id == ids["last"]
    assert manifest.last_position == today.last_position > 0
    assert manifest.made_at == "2026-12-07T10:30:00+00:00"
    with zipfile.ZipFile(made.path) as archive:
        database = archive.read(DATABASE_MEMBER)
        info = archive.getinfo(DATABASE_MEMBER)
    assert info.compress_type == zipfile.ZIP_DEFLATED and made.compressed_bytes < len(database)
    assert hashlib.sha256(database).hexdigest() == manifest.database_sha256
    assert len(database) == manifest.database_bytes


def test_restore_brings_the_shop_back_and_keeps_todays_aside(traded_day, data_dir, backups, state):
    ids, expected = traded_day
    made = make_backup(data_dir / "shop.sqlite3", backups, clock=at())
    shop = open_shop(data_dir)
    before_restore = database_contents(data_dir / "shop.sqlite3")
    shop.dispatch(ReceiveStock(ids["mug"], 40))
    shop.dispatch(PlaceOrder((OrderLine(ids["mug"], 5),)))
    later = query_state(shop)
    shop.close()
    today_files = folder_fingerprint(data_dir)

    restored = restore_backup(made.path, data_dir, clock=at())

    assert restored.manifest == made.manifest
    aside = restored.kept_aside
    assert aside is not None and aside.parent == data_dir and aside.name == "before-restore-20261207-103000"
    assert folder_fingerprint(aside) == today_files  # today's shop, whole, untouched
    after = database_contents(data_dir / "shop.sqlite3")
    assert after.shop_id == before_restore.shop_id
    assert after.store_id not in (before_restore.store_id, made.manifest.store_id)  # a new store id
    assert not (data_dir / "read_model").exists()

    shop = open_shop(data_dir)
    try:
        assert query_state(shop) == expected
        assert_read_model_matches_write_model(shop, data_dir)
        assert recorded_identity(data_dir / "read_model").store_id != before_restore.store_id
    finally:
        shop.close()
    # Today's shop, kept aside, still opens as it was.
    kept = open_shop(aside)
    try:
        assert query_state(kept) == later
    finally:
        kept.close()


def test_a_backup_during_a_burst_of_sales_is_consistent(data_dir, backups, tmp_path):
    shop = open_shop(data_dir)
    mugs = shop.dispatch(AddCategory("Mugs"))
    products = [shop.dispatch(AddProduct(f"MUG-{i}", f"Mug {i}", mugs, 500 + i, stock=10_000)) for i in range(5)]
    stop = threading.Event()
    placed: list[int] = []

    def sell():
        n = 0
        while not stop.is_set() or n < 20:
            lines = tuple(OrderLine(products[(n + k) % 5], 1 + k) for k in range(3))
            placed.append(shop.dispatch(PlaceOrder(lines)))
            n += 1

    seller = threading.Thread(target=sell)
    seller.start()
    try:
        made = [make_backup(data_dir / "shop.sqlite3", backups, clock=at(MOMENT + timedelta(days=d))) for d in range(3)]
    finally:
        stop.set()
        seller.join()
    shop.close()
    assert len(placed) >= 20
    for backup in made:
        target = tmp_path / f"restored-{backup.path.stem}"
        restore_backup(backup.path, target)
        conn = sqlite3.connect(target / "shop.sqlite3")
        try:
            orders = conn.execute("SELECT id, total_cents FROM shop_order").fetchall()
            assert len(orders) == backup.manifest.orders
            for order_id, total in orders:  # every order whole: its lines, its event
                lines = conn.execute(
                    "SELECT sum(quantity * unit_price_cents), count(*) FROM order_line WHERE order_id = ?",
                    (order_id,),
                ).fetchone()
                assert lines == (total, 3)
            sold = dict(conn.execute("SELECT product_id, sum(quantity) FROM order_line GROUP BY product_id"))
            for product_id, stock in conn.execute("SELECT id, stock FROM product"):
                assert stock + sold.get(product_id, 0) == 10_000  # every sale's stock taken, none twice
            placed_events = conn.execute("SELECT count(*) FROM outbox WHERE event_type = 'OrderPlaced'").fetchone()
            assert placed_events[0] == len(orders)
        finally:
            conn.close()
        copy = open_shop(target)  # the copy opens and rebuilds
        try:
            assert len(query_state(copy)["orders"]) == backup.manifest.orders
            assert_read_model_matches_write_model(copy, target)
        finally:
            copy.close()


def test_an_empty_shop_adopts_another_shops_backup(traded_day, data_dir, backups, tmp_path):
    ids, expected = traded_day
    made = make_backup(data_dir / "shop.sqlite3", backups, clock=at())
    new_computer = tmp_path / "new-computer"
    open_shop(new_computer).close()  # the app opened once: an empty shop of its own
    restored = restore_backup(made.path, new_computer)
    assert restored.kept_aside is not None  # even an empty shop is kept, never deleted
    shop = open_shop(new_computer)
    try:
        assert query_state(shop) == expected
        assert database_contents(new_computer / "shop.sqlite3").shop_id == made.manifest.shop_id
    finally:
        shop.close()


def _rewrite(source: Path, target: Path, *, manifest=None, database=None, drop=()) -> Path:
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist() if name not in drop}
    if manifest is not None:
        members[MANIFEST_MEMBER] = manifest.encode()
    if database is not None:
        members[DATABASE_MEMBER] = database
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return target


def _damaged(kind: str, good: Path, tmp_path: Path) -> Path:
    bad = tmp_path / f"{kind}.zip"
    data = good.read_bytes()
    with zipfile.ZipFile(good) as archive:
        manifest = Manifest.from_json(archive.read(MANIFEST_MEMBER).decode())
        database = archive.read(DATABASE_MEMBER)
    if kind == "truncated":
        bad.write_bytes(data[: len(data) // 2])
    elif kind == "empty":
        bad.write_bytes(b"")
    elif kind == "not a backup":
        bad.write_bytes(b"name,price\nmug,8.50\n")
    elif kind == "flipped byte":
        with zipfile.ZipFile(good) as archive:
            offset = archive.getinfo(DATABASE_MEMBER).header_offset + 200
        bad.write_bytes(data[:offset] + bytes([data[offset] ^ 0xFF]) + data[offset + 1 :])
    elif kind == "no manifest":
        _rewrite(good, bad, drop=(MANIFEST_MEMBER,))
    elif kind == "no database":
        _rewrite(good, bad, drop=(DATABASE_MEMBER,))
    elif kind == "other database":
        _rewrite(good, bad, database=database[:4096] + b"\0" * (len(database) - 4096))
    elif kind == "garbled manifest":
        _rewrite(good, bad, manifest="{not json")
    elif kind == "newer version":
        import dataclasses

        _rewrite(good, bad, manifest=dataclasses.replace(manifest, schema_version=SCHEMA_VERSION + 1).to_json())
    elif kind == "checksum right, database not a database":
        import dataclasses

        junk = b"x" * 8192
        newer = dataclasses.replace(manifest, database_sha256=hashlib.sha256(junk).hexdigest())
        _rewrite(good, bad, manifest=newer.to_json(), database=junk)
    elif kind == "missing":
        return tmp_path / "nowhere.zip"
    else:
        raise AssertionError(kind)
    return bad


DAMAGE = [
    "truncated",
    "empty",
    "not a backup",
    "flipped byte",
    "no manifest",
    "no database",
    "other database",
    "garbled manifest",
    "newer version",
    "checksum right, database not a database",
    "missing",
]


@pytest.mark.parametrize("kind", DAMAGE)
def test_a_damaged_backup_is_refused_and_nothing_changes(kind, traded_day, data_dir, backups, tmp_path):
    made = make_backup(data_dir / "shop.sqlite3", backups, clock=at())
    bad = _damaged(kind, made.path, tmp_path)
    before = folder_fingerprint(data_dir)
    with pytest.raises(BackupRefused) as refused:
        restore_backup(bad, data_dir, clock=at())
    assert_readable(refused.value)
    assert folder_fingerprint(data_dir) == before
    assert not list(data_dir.glob(".restoring-*"))


def test_another_shops_backup_is_refused_when_this_shop_holds_data(traded_day, data_dir, backups, tmp_path):
    other = tmp_path / "other-shop"
    shop = open_shop(other)
    shop.dispatch(AddCategory("Hats"))
    shop.close()
    made = make_backup(other / "shop.sqlite3", backups, clock=at())
    before = folder_fingerprint(data_dir)
    with pytest.raises(BackupRefused, match="another shop") as refused:
        restore_backup(made.path, data_dir, clock=at())
    assert_readable(refused.value)
    assert folder_fingerprint(data_dir) == before


def test_a_missing_backup_folder_or_database_is_said(traded_day, data_dir, tmp_path):
    with pytest.raises(StorageError, match="is missing"):
        make_backup(data_dir / "shop.sqlite3", tmp_path / "unplugged")
    with pytest.raises(StorageError, match="no shop database"):
        make_backup(tmp_path / "nothing.sqlite3", tmp_path)


def test_a_backup_of_an_open_shop_with_a_wal_holds_the_latest_commit(data_dir, backups, tmp_path):
    shop = open_shop(data_dir)
    try:
        shop.dispatch(AddCategory("Only in the WAL so far"))
        assert Path(f"{data_dir / 'shop.sqlite3'}-wal").exists()
        made = make_backup(data_dir / "shop.sqlite3", backups, clock=at())
    finally:
        shop.close()
    target = tmp_path / "restored"
    restore_backup(made.path, target)
    restored = open_shop(target)
    try:
        assert [c.name for c in query_state(restored)["categories"]] == ["Only in the WAL so far"]
    finally:
        restored.close()


def test_restoring_twice_keeps_both_shops_aside(traded_day, data_dir, backups):
    made = make_backup(data_dir / "shop.sqlite3", backups, clock=at())
    first = restore_backup(made.path, data_dir, clock=at())
    shutil.rmtree(data_dir / "read_model", ignore_errors=True)
    second = restore_backup(made.path, data_dir, clock=at())
    assert first.kept_aside != second.kept_aside
    assert first.kept_aside.exists() and second.kept_aside.exists()


def test_the_shop_id_of_no_database_is_empty_and_of_a_damaged_one_a_sentence(tmp_path):
    assert database_shop_id(tmp_path / "shop.sqlite3") == ""
    (tmp_path / "shop.sqlite3").write_bytes(b"not a database, but long enough to look like one" * 100)
    with pytest.raises(StorageError) as refused:
        database_shop_id(tmp_path / "shop.sqlite3")
    assert "could not be read" in str(refused.value)
