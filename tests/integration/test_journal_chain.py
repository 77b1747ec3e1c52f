"""The journal's hash chain: a row edited, deleted, swapped or put in with
sqlite3 behind the shop's back is caught, at the first position altered;
archived rows are checked too; a backup manifest holds the latest link."""

import sqlite3

import pytest

from core import open_shop
from core.backups import make_backup
from core.commands import AddCategory, OrderLine, PlaceOrder, ReceiveStock
from core.journal import verify_journal
from core.write_model.engine import sqlite_engine
from core.write_model.journal_chain import link
from core.write_model.outbox_archive import archive_settled_events, record_checkpoint

# About the SQLite file itself: the tests tamper with the SQLite file's rows directly.
pytestmark = pytest.mark.sqlite_only


def rows(db, table="outbox"):
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT * FROM {table} ORDER BY position").fetchall()


def tamper(db, *statements):
    conn = sqlite3.connect(db)
    try:
        with conn:
            for statement, params in statements:
                conn.execute(statement, params)
    finally:
        conn.close()


def test_every_event_is_linked_to_the_one_before(traded_day, data_dir):
    db = data_dir / "shop.sqlite3"
    shop = open_shop(data_dir)  # links the template's events, recorded with their links already
    try:
        shop.dispatch(AddCategory("Hats"))
        verdict = shop.verify_journal()
    finally:
        shop.close()
    events = rows(db)
    links = rows(db, "journal_link")
    assert [p for p, _ in links] == [e[0] for e in events]
    previous = ""
    for event, (_position, stored) in zip(events, links, strict=True):
        previous = link(previous, event)
        assert stored == previous
    assert verdict.whole and verdict.events == len(events)
    assert verdict.problem == f"The journal is whole: {len(events):,} events checked."
    assert verdict.last_link == links[-1][1]


@pytest.mark.parametrize(
    ("kind", "problem"),
    [
        ("edited", "Event 5 was altered, or an event before it was deleted or moved."),
        ("deleted", "Event 5 was deleted from the journal."),
        ("deleted with its link", "Event 6 was altered, or an event before it was deleted or moved."),
        ("swapped", "Event 5 was altered, or an event before it was deleted or moved."),
        ("put in", "Event 1000 has no link"),
        ("staff changed", "Event 5 was altered, or an event before it was deleted or moved."),
    ],
)
def test_tampering_is_caught_at_the_first_row_altered(traded_day, data_dir, kind, problem):
    db = data_dir / "shop.sqlite3"
    assert verify_journal(data_dir).whole
    if kind == "edited":
        tamper(
            db, ("UPDATE outbox SET payload = replace(payload, ?, ?) WHERE position = 5", ('"stock":3', '"stock":30'))
        )
    elif kind == "deleted":
        tamper(db, ("DELETE FROM outbox WHERE position = 5", ()))
    elif kind == "deleted with its link":
        tamper(db, ("DELETE FROM outbox WHERE position = 5", ()), ("DELETE FROM journal_link WHERE position = 5", ()))
    elif kind == "swapped":
        five, six = rows(db)[4], rows(db)[5]
        tamper(
            db,
            ("UPDATE outbox SET event_type = ?, payload = ? WHERE position = 5", (six[1], six[2])),
            ("UPDATE outbox SET event_type = ?, payload = ? WHERE position = 6", (five[1], five[2])),
        )
    elif kind == "put in":
        tamper(db, ("INSERT INTO outbox VALUES (1000, 'CategoryAdded', '{}', '2024-01-01', 0, 'Till 1', NULL)", ()))
    elif kind == "staff changed":
        tamper(db, ("UPDATE outbox SET staff_id = 7 WHERE position = 5", ()))
    verdict = verify_journal(data_dir)
    assert not verdict.whole
    assert verdict.problem.startswith(problem)
    assert verdict.broken_at == int(problem.split()[1])


def test_archived_events_stay_in_the_chain(data_dir):
    shop = open_shop(data_dir)
    try:
        kitchen = shop.dispatch(AddCategory("Kitchen"))
        from core.commands import AddProduct

        mug = shop.dispatch(AddProduct("MUG", "Mug", kitchen, 500, stock=100))
        for _ in range(30):
            shop.dispatch(PlaceOrder((OrderLine(mug, 1),)))
        shop.save_read_model()
        engine = sqlite_engine(data_dir / "shop.sqlite3")
        try:
            record_checkpoint(engine, "Till 1", 32, "2024-03-01T09:00:00+00:00")
            assert archive_settled_events(engine, margin=5) > 20
        finally:
            engine.dispose()
        shop.dispatch(ReceiveStock(mug, 5))
        assert shop.verify_journal().whole
    finally:
        shop.close()
    db = data_dir / "shop.sqlite3"
    tamper(db, ("UPDATE outbox_archive SET recorded_at = '2020-01-01' WHERE position = 10", ()))
    assert verify_journal(data_dir).broken_at == 10


def test_a_backup_manifest_holds_the_latest_link(traded_day, data_dir, tmp_path):
    made = make_backup(data_dir / "shop.sqlite3", tmp_path)
    assert made.manifest.journal_link == verify_journal(data_dir).last_link != ""


def test_a_shop_made_before_links_is_linked_when_opened(traded_day, data_dir):
    db = data_dir / "shop.sqlite3"
    tamper(db, ("DROP TABLE journal_link", ()))
    with pytest.raises(Exception):  # noqa: B017 (the table is gone: no verdict at all)
        verify_journal(data_dir)
    open_shop(data_dir).close()
    assert verify_journal(data_dir).whole
