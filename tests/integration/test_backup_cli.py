"""``shop-manager --backup DIR`` and ``--restore FILE``, run as a script
(cron) would: another process, no display, exit status and one sentence."""

import sqlite3

import pytest

from core import open_shop
from core.backups import backups_in
from tests.helpers import run_shop_manager
from tests.integration.conftest import query_state

# About the SQLite file itself: backups copy the SQLite file (on a server, backups are the server's business).
pytestmark = pytest.mark.sqlite_only


@pytest.mark.subprocess
def test_back_up_then_restore_from_the_command_line(traded_day, data_dir, tmp_path):
    _ids, expected = traded_day
    stick = tmp_path / "stick"
    stick.mkdir()
    done = run_shop_manager("--data-dir", data_dir, "--backup", stick)
    assert done.returncode == 0, done.stderr
    (backup,) = [path for _moment, path in backups_in(stick)]
    assert done.stdout.strip() == f"Backed up 3 orders and 3 products to {backup}."

    new_computer = tmp_path / "new-computer"
    done = run_shop_manager("--data-dir", new_computer, "--restore", backup)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Restored the backup of ")
    assert (new_computer / "read_model").is_dir()  # rebuilt before the window starts
    shop = open_shop(new_computer)
    try:
        assert query_state(shop) == expected
    finally:
        shop.close()


@pytest.mark.subprocess
def test_failures_exit_non_zero_with_a_sentence(traded_day, data_dir, tmp_path):
    done = run_shop_manager("--data-dir", data_dir, "--backup", tmp_path / "unplugged")
    assert done.returncode == 1
    assert "is missing" in done.stderr and "Traceback" not in done.stderr
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"not a zip")
    done = run_shop_manager("--data-dir", data_dir, "--restore", bad)
    assert done.returncode == 1
    assert "is damaged or cut short" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.subprocess
def test_verify_exits_non_zero_on_a_break(traded_day, data_dir):
    done = run_shop_manager("--data-dir", data_dir, "--verify")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("The journal is whole: 12 events checked. Latest link: ")
    conn = sqlite3.connect(data_dir / "shop.sqlite3")
    with conn:
        conn.execute("DELETE FROM outbox WHERE position = 7")
    conn.close()
    done = run_shop_manager("--data-dir", data_dir, "--verify")
    assert done.returncode == 2
    assert done.stderr.strip().endswith("Event 7 was deleted from the journal.")
