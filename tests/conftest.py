"""Shared by every suite. GUI tests run offscreen: no display needed.

PostgreSQL: ``SHOP_TEST_POSTGRES=1`` (``make test-postgres``) runs the
suite with every shop's write model on a throwaway PostgreSQL server
(tests/postgres_server.py), one fresh database per test, handed to
``open_shop`` through SHOP_DATABASE_URL (so a second till in a subprocess
shares it, as tills do). ``SHOP_TEST_POSTGRES_URL`` names a server to use
instead of starting one. Tests about the SQLite file itself are marked
``sqlite_only`` and skipped then. The ``postgres_url`` fixture (a fresh
database) serves PostgreSQL's own tests in either run; they skip when no
server can be had.
"""

import os
import signal
from pathlib import Path

import pytest

from core.domain import pins
from core.shop import DATABASE_URL_VARIABLE
from tests import postgres_server

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop(DATABASE_URL_VARIABLE, None)  # a till's own setting must not leak into the tests

ON_POSTGRES = os.environ.get("SHOP_TEST_POSTGRES", "") not in ("", "0")
SERVER_URL_VARIABLE = "SHOP_TEST_POSTGRES_URL"


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only: about the SQLite file itself; skipped on PostgreSQL")


def pytest_collection_modifyitems(config, items):
    if ON_POSTGRES:
        skip = pytest.mark.skip(reason="about the SQLite file itself (SHOP_TEST_POSTGRES run)")
        for item in items:
            if "sqlite_only" in item.keywords:
                item.add_marker(skip)


def _interrupt(_signum, _frame):
    raise KeyboardInterrupt


@pytest.fixture(scope="session")
def postgres_server_url():
    """A PostgreSQL server's admin URL for this session (SHOP_TEST_POSTGRES_URL,
    or a throwaway one started now); skips the test when neither can be had."""
    given = os.environ.get(SERVER_URL_VARIABLE)
    if given:
        yield given
        return
    if not postgres_server.available():
        if ON_POSTGRES:
            pytest.fail("SHOP_TEST_POSTGRES is set but no PostgreSQL server can be started here")
        pytest.skip("no PostgreSQL here (initdb/pg_ctl), and SHOP_TEST_POSTGRES_URL is not set")
    server = postgres_server.ThrowawayServer()
    # A run stopped with SIGTERM (a CI time-out, kill) still stops its server:
    # as an interrupt, pytest tears the session's fixtures down.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.start()
    except Exception as exc:
        server.stop()
        if ON_POSTGRES:
            raise
        pytest.skip(f"a throwaway PostgreSQL server did not start: {exc}")
    yield server.url()
    server.stop()


@pytest.fixture(scope="session")
def postgres_template(postgres_server_url):
    """A database holding the current schema's empty tables (no shop identity
    yet), copied for each test: far cheaper than creating the tables each time."""
    from core.write_model.engine import create_schema, postgres_engine

    url = postgres_server.new_database(postgres_server_url)
    engine = postgres_engine(url)
    try:
        create_schema(engine)
    finally:
        engine.dispose()  # CREATE DATABASE ... TEMPLATE wants it unused
    yield postgres_server.database_name(url)
    postgres_server.drop_database(postgres_server_url, url)


@pytest.fixture
def postgres_url(postgres_server_url, postgres_template):
    """The URL of a fresh database (the schema's tables, empty), dropped after the test."""
    url = postgres_server.new_database(postgres_server_url, template=postgres_template)
    yield url
    postgres_server.drop_database(postgres_server_url, url)


@pytest.fixture(autouse=True)
def database_per_test(request):
    """On a PostgreSQL run: this test's shops live in a database of their own.
    (Set directly, not with monkeypatch: a test's monkeypatch.undo() must not drop it.)"""
    if not ON_POSTGRES:
        yield None
        return
    url = request.getfixturevalue("postgres_url")
    os.environ[DATABASE_URL_VARIABLE] = url
    try:
        yield url
    finally:
        os.environ.pop(DATABASE_URL_VARIABLE, None)


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """Where a test's shop lives (not made: opening a shop there makes it)."""
    return tmp_path / "shop"


@pytest.fixture(autouse=True)
def cheap_pin_hashes(monkeypatch):
    """PIN hashes at a tiny scrypt cost: a real one takes tens of milliseconds,
    and checking uses the cost stored with each hash (tests/unit/test_pins.py
    checks the real cost once)."""
    monkeypatch.setattr(pins, "SCRYPT_N", 2**4)
