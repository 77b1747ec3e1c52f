"""Starting the program: arguments, demo shop, the smoke test."""

import subprocess
import sys
from pathlib import Path

import pytest

from core.queries import GetCategories, GetOrders, GetProducts
from shop_gui.app import open_shop_for, parse_args
from shop_gui.version import version
from tests.helpers import REPO, child_env


def run_app(*args, timeout=120):
    return subprocess.run(
        [sys.executable, "-m", "shop_gui", *args],
        capture_output=True,
        text=True,
        env=child_env(QT_QPA_PLATFORM="offscreen"),
        timeout=timeout,
        cwd=REPO,
    )


@pytest.mark.subprocess
def test_smoke_test_places_an_order_and_exits_zero():
    done = run_app("--smoke-test")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Smoke test passed:")
    assert "Traceback" not in done.stderr


@pytest.mark.subprocess
def test_version():
    done = run_app("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"shop-manager {version()}"
    assert version() != "unknown"


def test_arguments():
    args = parse_args(["--data-dir", "/somewhere", "--demo"])
    assert args.data_dir == Path("/somewhere") and args.demo and not args.smoke_test


def test_demo_seeds_an_empty_folder_once_and_later_starts_open_the_same_shop(tmp_path, monkeypatch):
    monkeypatch.setattr("core.demo_trading.DAYS", 3)  # three months in make run; 3 days here
    shop = open_shop_for(tmp_path, demo=True)
    categories = shop.ask(GetCategories())
    products = shop.ask(GetProducts())
    assert len(categories) >= 8 and any(c.parent_id for c in categories)
    assert len(products) >= 300
    orders = shop.ask(GetOrders())
    assert len(orders) >= 3 * 20  # trading behind it: every tab has something to show
    shop.close()

    again = open_shop_for(tmp_path, demo=True)  # not seeded twice
    assert again.ask(GetOrders()) == orders
    assert again.ask(GetProducts()) == products
    assert again.ask(GetCategories()) == categories
    again.close()


def test_the_collector_is_off_for_start_up_and_back_on_once_the_window_is_up(monkeypatch):
    import gc

    import shop_gui.app as app
    import shop_gui.start as start

    seen = {}

    def the_app(argv):
        seen["starting"] = gc.isenabled()
        start.collect_from_now_on()  # what main does once the window is shown
        seen["running"] = gc.isenabled()
        return 0

    monkeypatch.setattr(app, "main", the_app)
    try:
        assert start.main([]) == 0
    finally:
        gc.enable()
    assert seen == {"starting": False, "running": True}


def test_a_shared_server_is_chosen_with_database_url(tmp_path, postgres_url):
    args = parse_args(["--data-dir", str(tmp_path / "till"), "--database-url", postgres_url])
    shop = open_shop_for(args.data_dir, demo=True, database_url=args.database_url)  # no demo on a server
    try:
        assert shop.ask(GetCategories()) == ()
        assert not (tmp_path / "till" / "shop.sqlite3").exists()  # the write model is on the server
    finally:
        shop.close()
