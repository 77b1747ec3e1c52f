"""A catalog file is imported as a stream: the first progress report comes
after a bounded read, Cancel takes effect after at most one more batch,
memory grows with the file's distinct SKUs (a few dozen bytes each), not with
the file, and a file that is not UTF-8 is still refused before anything is
imported. (Timings: bench/import_timing.py.)"""

import tracemalloc

import pytest

from core import catalog_csv
from core.catalog_csv import SERVER_BATCH, CatalogFileError, CatalogImportStopped, import_catalog
from core.errors import DatabaseBusy
from core.queries import GetProducts
from core.results import ImportOutcome
from core.write_model.db_errors import BUSY

HEADER = "sku,name,category,price,stock,barcode\n"


def catalog_file(tmp_path, rows: int, name="big.csv", tail: bytes = b"") -> "Path":  # noqa: F821
    path = tmp_path / name
    with open(path, "wb") as f:
        f.write(HEADER.encode())
        for i in range(rows):
            f.write(f"SKU-{i:07},Product number {i} with a name,Home/Kitchen,{i % 1000}.99,{i % 50},\n".encode())
        f.write(tail)
    return path


class CountingShop:
    """Takes each batch without storing it: what is measured is the reading."""

    def __init__(self):
        self.batches = []

    def dispatch(self, command):
        self.batches.append(len(command.records))
        return ImportOutcome(created=len(command.records))

    def ask(self, query):
        return None


@pytest.fixture
def streams(monkeypatch):
    """Every CatalogStream import_catalog opens, to look at what it read."""
    opened = []
    real = catalog_csv.CatalogStream

    class Watched(real):
        def __init__(self, path, choices=None):
            super().__init__(path, choices)
            opened.append(self)

    monkeypatch.setattr(catalog_csv, "CatalogStream", Watched)
    return opened


def test_the_first_progress_report_comes_after_a_bounded_read(tmp_path, streams, monkeypatch):
    monkeypatch.setattr(catalog_csv, "READ_AHEAD", 200)
    reports = []

    def progress(done, total):
        reports.append((done, total, streams[0].rows))

    report = import_catalog(CountingShop(), catalog_file(tmp_path, 5_000), batch_size=100, progress=progress)

    done, total, rows_read = reports[0]
    assert done == 0 and rows_read <= 200
    assert abs(total - 5_000) <= 250  # estimated from the part read
    assert reports[-1][:2] == (5_000, 5_000) and report.total_records == 5_000 and not report.estimated
    assert all(rows <= done + 200 + 100 for done, _total, rows in reports)  # never far ahead


def test_cancel_takes_effect_after_a_bounded_read(tmp_path, streams, monkeypatch):
    monkeypatch.setattr(catalog_csv, "READ_AHEAD", 200)
    shop = CountingShop()
    asked = []

    def cancelled():
        asked.append(True)
        return len(asked) > 2  # Cancel pressed during the second batch

    report = import_catalog(shop, catalog_file(tmp_path, 50_000), batch_size=100, cancelled=cancelled)

    assert report.cancelled and shop.batches == [100, 100]
    assert streams[0].rows <= 200 + 2 * 100
    assert report.estimated and abs(report.total_records - 50_000) <= 2_500


def test_a_long_stretch_of_bad_rows_is_read_a_part_at_a_time(tmp_path, monkeypatch):
    monkeypatch.setattr(catalog_csv, "READ_AHEAD", 200)
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + "".join(f"S-{i},,Home,1.00,1,\n" for i in range(5_000)))  # no names
    asked = []
    report = import_catalog(CountingShop(), path, batch_size=100, cancelled=lambda: asked.append(1) or len(asked) > 3)
    assert report.cancelled and report.rows <= 4 * 200


def test_memory_grows_with_distinct_skus_not_with_the_file(tmp_path):
    peaks = {}
    for rows in (10_000, 40_000):
        path = catalog_file(tmp_path, rows, f"rows{rows}.csv")
        tracemalloc.start()
        try:
            import_catalog(CountingShop(), path, batch_size=500)
            peaks[rows] = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    per_row = (peaks[40_000] - peaks[10_000]) / 30_000
    # Reading whole files cost ~850 bytes a row here (the text and every record).
    assert per_row < 200, per_row


def test_a_file_that_is_not_utf8_far_down_imports_nothing(shop, tmp_path, unchanged):
    path = catalog_file(tmp_path, 30_000, tail=b"BAD-1,Caf\xe9 au lait,Home,1.00,1,\n")
    with unchanged(shop), pytest.raises(CatalogFileError) as raised:
        import_catalog(shop, path, batch_size=1_000)
    assert str(raised.value).startswith('Line 30002 of "big.csv" is not UTF-8 text')


def test_a_row_that_cannot_be_read_past_the_batches_applied_stops_the_import(shop, tmp_path):
    monster = b'HUGE-1,"' + b"x" * 200_000 + b'",Home,1.00,1,\n'  # past the CSV module's field limit
    path = catalog_file(tmp_path, 25_000, tail=monster)
    with pytest.raises(CatalogImportStopped) as raised:
        import_catalog(shop, path, batch_size=SERVER_BATCH)  # the same batches on a file and on a server
    assert "could not be read" in str(raised.value)
    assert "products before it were imported" in str(raised.value)
    applied = raised.value.report.batches_applied
    assert applied >= 1 and len(shop.ask(GetProducts())) == applied * SERVER_BATCH


class BusyShop:
    """A real shop behind another till that holds the database for the
    first ``busy`` tries of each batch."""

    def __init__(self, shop, busy: int):
        self._shop, self._busy, self.tries = shop, busy, 0

    def dispatch(self, command):
        self.tries += 1
        if self.tries <= self._busy:
            raise DatabaseBusy(BUSY)
        self.tries = 0
        return self._shop.dispatch(command)

    def ask(self, query):
        return self._shop.ask(query)


def test_a_batch_is_sent_again_while_another_till_holds_the_database(shop, tmp_path, monkeypatch):
    monkeypatch.setattr(catalog_csv, "BUSY_PAUSE_S", 0)
    report = import_catalog(BusyShop(shop, busy=3), catalog_file(tmp_path, 250), batch_size=100)
    assert (report.cancelled, report.batches_applied, report.outcome.created) == (False, 3, 250)


def test_an_import_stops_when_the_database_stays_held(shop, tmp_path, monkeypatch):
    monkeypatch.setattr(catalog_csv, "BUSY_PAUSE_S", 0)
    with pytest.raises(CatalogImportStopped) as raised:
        import_catalog(BusyShop(shop, busy=catalog_csv.BUSY_RETRIES + 1), catalog_file(tmp_path, 50), batch_size=10)
    assert "Another till is holding the shop's database" in str(raised.value)
    assert raised.value.report.batches_applied == 0 and shop.ask(GetProducts()) == ()
