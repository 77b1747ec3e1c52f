"""The journal: every event in words, newest first, filtered and paged."""

from core.commands import AddCustomer, OrderLine, PlaceOrder, ReceiveStock, RecordPayment, UndoAction
from core.journal import JournalFilter


def whats(page) -> list[str]:
    return [entry.what for entry in page.entries]


def test_the_journal_says_who_did_what_when_and_where(shop, catalog, clock):
    clock.advance(hours=1)
    shop.dispatch(ReceiveStock(catalog.mug, 24))
    jane = shop.dispatch(AddCustomer("Jane Smith"))
    order = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 2), OrderLine(catalog.teapot, 1)), customer_id=jane))
    shop.dispatch(RecordPayment(order, "card", 2 * 850 + 2499))
    page = shop.journal(limit=5)
    assert whats(page) == [
        f"Payment £41.99 by card for order {order}",
        f"Order {order} placed: 3 items, £41.99 for Jane Smith",
        "Till 1 opened by itself",  # the sale opened the till's session
        "Customer Jane Smith added",
        "Received 24 × Blue Enamel Mug, 34 in stock",
    ]
    newest = page.entries[0]
    assert (newest.kind, newest.who, newest.till, newest.at) == (
        "PaymentRecorded",
        "Owner",
        "Till 1",
        "2024-03-01T10:00:00+00:00",
    )
    assert page.more  # the catalog's events are older


def test_pages_follow_one_another_without_gaps(shop, catalog):
    for n in range(7):
        shop.dispatch(ReceiveStock(catalog.trowel, n + 1))
    everything = shop.journal(limit=1000)
    assert not everything.more
    pages, before = [], None
    while True:
        page = shop.journal(before=before, limit=3)
        pages += page.entries
        if not page.more:
            break
        before = page.entries[-1].position
    assert tuple(pages) == everything.entries
    positions = [e.position for e in pages]
    assert positions == sorted(positions, reverse=True)


def test_filters_by_product_order_kind_and_date(shop, catalog, clock):
    clock.advance(days=1)
    shop.dispatch(ReceiveStock(catalog.teapot, 2))
    order = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1), OrderLine(catalog.teapot, 1))))
    shop.dispatch(ReceiveStock(catalog.mug, 1))
    about_teapot = shop.journal(JournalFilter(product_id=catalog.teapot))
    assert [e.kind for e in about_teapot.entries] == ["OrderPlaced", "StockReceived", "ProductAdded"]
    about_order = shop.journal(JournalFilter(order_id=order))
    assert [e.kind for e in about_order.entries] == ["OrderPlaced"]
    received = shop.journal(JournalFilter(kinds=("StockReceived",)))
    assert whats(received) == ["Received 1 × Blue Enamel Mug, 10 in stock", "Received 2 × Café Teapot, 5 in stock"]
    today = shop.journal(JournalFilter(since="2024-03-02T00:00:00+00:00"))
    assert len(today.entries) == 4  # and the till opened by the sale; the catalog was built the day before
    assert shop.journal(JournalFilter(till="Till 9")).entries == ()


def test_an_undone_action_says_by_whom_and_when(shop, catalog):
    shop.dispatch(ReceiveStock(catalog.mug, 5))
    shop.dispatch(UndoAction(shop.undo_offer().position))
    entries = shop.journal(limit=3).entries
    assert entries[0].what == "Undone: receive 5 × Blue Enamel Mug"
    assert entries[1].what == "Stock of Blue Enamel Mug adjusted by -5 (other), 10 in stock"
    assert entries[2].what == "Received 5 × Blue Enamel Mug, 15 in stock"
    assert entries[2].undone == "Undone by Owner at 2024-03-01T09:00:00+00:00"
    assert entries[1].undone is None


def test_the_export_is_a_csv_with_its_checksum_and_signature(shop, catalog, tmp_path):
    import csv
    import hashlib
    import subprocess

    import pytest

    from core.errors import InvalidCommand
    from core.journal_export import export_journal, signature_of

    shop.dispatch(ReceiveStock(catalog.mug, 3))
    target = tmp_path / "journal.csv"
    made = export_journal(shop, target, key="owner's secret")
    rows = list(csv.reader(target.open(encoding="utf-8", newline="")))
    assert rows[0] == ["position", "when_utc", "kind", "who", "approved_by", "till", "what", "undone"]
    assert len(rows) - 1 == made.rows == len(shop.journal(limit=1000).entries)
    assert rows[-1][2:] == ["StockReceived", "Owner", "", "Till 1", "Received 3 × Blue Enamel Mug, 13 in stock", ""]
    assert [int(r[0]) for r in rows[1:]] == sorted(int(r[0]) for r in rows[1:])  # oldest first
    assert made.sha256 == hashlib.sha256(target.read_bytes()).hexdigest()
    checked = subprocess.run(["sha256sum", "-c", "journal.csv.sha256"], cwd=tmp_path, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert (tmp_path / "journal.csv.hmac").read_text() == f"HMAC-SHA256 {made.hmac_sha256}  journal.csv\n"
    assert signature_of(target, "owner's secret") == made.hmac_sha256
    assert signature_of(target, "a guess") != made.hmac_sha256
    unsigned = export_journal(shop, target)
    assert unsigned.hmac_sha256 is None and not (tmp_path / "journal.csv.hmac").exists()
    with pytest.raises(InvalidCommand):
        export_journal(shop, target, key="short")


def test_a_reversed_payment_is_in_words(shop, catalog):
    from core.commands import ReversePayment

    order = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    payment = shop.dispatch(RecordPayment(order, "cash", 850)).payment_id
    shop.dispatch(ReversePayment(payment))
    assert shop.journal(limit=1).entries[0].what == f"Payment £8.50 by cash for order {order} given back"
