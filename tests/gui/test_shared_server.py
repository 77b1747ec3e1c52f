"""File > Connect to a shared shop..., Move this shop to a shared server...
and Use this computer's own shop, by clicking; the password kept in the
system's keyring (a test keyring here), never in a file, and asked at each
start where there is no keyring.

The GUI tier runs on SQLite: a connection that works (and a move) is tested
only on a PostgreSQL run (SHOP_TEST_POSTGRES=1)."""

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import PasswordDeleteError
from PySide6.QtWidgets import QPushButton

from core import open_shop
from core.commands import AddCategory, AddProduct
from core.queries import GetProducts
from core.shared_server import SERVER_FILE, remember_server, saved_server, with_password, without_password
from core.shop import DATABASE_URL_VARIABLE
from shop_gui import server_login
from shop_gui.main_window import MainWindow
from shop_gui.server_password import SERVICE
from tests import postgres_server
from tests.conftest import ON_POSTGRES
from tests.gui.helpers import click, open_dialog, type_into

SECRET = "s3cret-Pa55"
NOWHERE = "postgresql+psycopg://till@/shop?host=/nonexistent-socket-folder"


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps passwords in this process only."""

    priority = 1  # type: ignore[assignment]

    def __init__(self):
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.kept.get((service, username))

    def set_password(self, service, username, password):
        self.kept[(service, username)] = password

    def delete_password(self, service, username):
        if self.kept.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def memory_keyring():
    before = keyring.get_keyring()
    kept = MemoryKeyring()
    keyring.set_keyring(kept)
    yield kept
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring():
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


@pytest.fixture
def till(tmp_path, monkeypatch):
    """This computer's own shop (a SQLite file, even on a PostgreSQL run) in its folder."""
    monkeypatch.delenv(DATABASE_URL_VARIABLE, raising=False)
    data_dir = tmp_path / "till"
    shop = open_shop(data_dir)
    kitchen = shop.dispatch(AddCategory("Kitchen"))
    shop.dispatch(AddProduct("MUG-001", "Blue Enamel Mug", kitchen, 899, stock=3))
    return shop


@pytest.fixture
def window(qtbot, till):
    window = MainWindow(till)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    window.bridge.shop.close()


def _folder_bytes(folder) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def _test_connection(qtbot, window, dialog_name: str, address: str, password: str = ""):
    dialog = open_dialog(window, dialog_name)
    type_into(qtbot, dialog.address, address)
    type_into(qtbot, dialog.password, password)
    with qtbot.waitSignal(dialog.tested, timeout=20_000) as tested:
        click(qtbot, dialog.findChild(QPushButton, "serverGoButton"))
    return dialog, tested.args[0]


def test_a_wrong_address_is_a_sentence_and_nothing_is_kept(qtbot, window, memory_keyring):
    shop, data_dir = window.bridge.shop, window.bridge.shop.data_dir
    assert window.servers.connect_action.isEnabled() and not window.servers.own_action.isEnabled()
    window.servers.connect_action.trigger()
    dialog, worked = _test_connection(qtbot, window, "connectServerDialog", NOWHERE, SECRET)
    assert worked is False
    assert dialog.isVisible()
    text = dialog.outcome.text()
    assert "could not be reached" in text and "\n" not in text and text.endswith(".")
    assert "kept in this computer's keyring" in dialog.keyring_note.text()
    dialog.reject()
    assert window.bridge.shop is shop  # still this computer's own shop
    assert saved_server(data_dir) is None and memory_keyring.kept == {}
    assert SECRET.encode() not in _folder_bytes(data_dir)


def test_parts_that_make_no_address_are_refused_in_the_dialog(qtbot, window, memory_keyring):
    window.servers.connect_action.trigger()
    dialog = open_dialog(window, "connectServerDialog")
    click(qtbot, dialog.findChild(QPushButton, "serverGoButton"))  # no server named
    assert dialog.outcome.text() == "Give the server's name and the database, or a whole address."
    type_into(qtbot, dialog.address, "mysql://till@server/shop")
    click(qtbot, dialog.findChild(QPushButton, "serverGoButton"))
    assert "Only PostgreSQL servers" in dialog.outcome.text()
    dialog.reject()


def test_without_a_keyring_the_dialog_says_the_password_is_asked_at_each_start(qtbot, window, no_keyring):
    window.servers.connect_action.trigger()
    dialog = open_dialog(window, "connectServerDialog")
    assert "no keyring" in dialog.keyring_note.text() and "asks for it at each start" in dialog.keyring_note.text()
    dialog.reject()


def test_changing_which_shop_a_till_uses_waits_for_a_manager_or_owner(qtbot, window, memory_keyring):
    from core.commands import AddStaff

    owner = window.bridge.shop.dispatch(AddStaff("Olive Owner", "owner", "52719384"))
    window.bridge.sign_in(owner, "52719384")
    cashier = window.bridge.dispatch(AddStaff("Cara Cashier", "cashier", "73950126")).result
    servers = window.servers
    assert servers.connect_action.isEnabled() and servers.move_action.isEnabled()
    window.bridge.sign_in(cashier, "73950126")
    assert not servers.connect_action.isEnabled() and not servers.move_action.isEnabled()
    assert (
        servers.connect_action.toolTip() == "Changing which shop this till uses needs a manager or an owner signed in."
    )
    assert servers.connect_to_server() is None  # (a shortcut past the menu: refused in words)
    open_dialog(window, "serverNotice").accept()
    window.bridge.sign_in(owner, "52719384")
    assert servers.connect_action.isEnabled()


# -- at start ------------------------------------------------------------------------------------
def _never_asked(address, keyring_available):
    raise AssertionError("asked for a password")


def test_at_start_the_saved_server_opens_with_the_keyrings_password(tmp_path, memory_keyring, monkeypatch):
    monkeypatch.delenv(DATABASE_URL_VARIABLE, raising=False)
    assert server_login.login(tmp_path, None, _never_asked).url is None  # the folder's own shop
    url = "postgresql+psycopg://till:" + SECRET + "@shop-server/shop"
    address = remember_server(tmp_path, url)
    memory_keyring.set_password(SERVICE, address, SECRET)
    found = server_login.login(tmp_path, None, _never_asked)
    assert found.url == url and found.typed is None
    # --database-url wins, and so does SHOP_DATABASE_URL (then open_shop reads it).
    assert server_login.login(tmp_path, "postgresql+psycopg://other/shop", _never_asked).url == (
        "postgresql+psycopg://other/shop"
    )
    monkeypatch.setenv(DATABASE_URL_VARIABLE, "postgresql+psycopg://other/shop")
    assert server_login.login(tmp_path, None, _never_asked).url is None


def test_without_a_keyring_the_password_is_typed_at_each_start_and_kept_nowhere(tmp_path, no_keyring, monkeypatch):
    monkeypatch.delenv(DATABASE_URL_VARIABLE, raising=False)
    address = remember_server(tmp_path, "postgresql+psycopg://till:" + SECRET + "@shop-server/shop")
    asked = []

    def ask(address, keyring_available):
        asked.append((address, keyring_available))
        return SECRET

    for _start in range(2):
        found = server_login.login(tmp_path, None, ask)
        assert found.url == with_password(address, SECRET)
        server_login.opened(found)  # the keyring would keep it: there is none
    assert asked == [(address, False)] * 2
    assert SECRET.encode() not in _folder_bytes(tmp_path)
    with pytest.raises(server_login.NoPassword):
        server_login.login(tmp_path, None, lambda *_: None)  # closed the question


def test_a_password_typed_at_start_goes_into_the_keyring_once_it_worked(tmp_path, memory_keyring, monkeypatch):
    monkeypatch.delenv(DATABASE_URL_VARIABLE, raising=False)
    address = remember_server(tmp_path, "postgresql+psycopg://till:" + SECRET + "@shop-server/shop")
    found = server_login.login(tmp_path, None, lambda *_: SECRET)
    assert memory_keyring.kept == {}  # not before the shop opened with it
    server_login.opened(found)
    assert memory_keyring.kept == {(SERVICE, address): SECRET}
    assert server_login.login(tmp_path, None, _never_asked).url == with_password(address, SECRET)


# -- on a PostgreSQL run: connecting and moving for real -----------------------------------------------
on_postgres = pytest.mark.skipif(not ON_POSTGRES, reason="the GUI tier runs on SQLite (SHOP_TEST_POSTGRES=1)")


@pytest.fixture
def empty_database(postgres_server_url):
    url = postgres_server.new_database(postgres_server_url)
    yield url
    postgres_server.drop_database(postgres_server_url, url)


@on_postgres
def test_connecting_and_going_back_by_clicking(qtbot, window, memory_keyring, empty_database, monkeypatch):
    own, data_dir = window.bridge.shop, window.bridge.shop.data_dir
    url = with_password(empty_database, SECRET)  # (the test server trusts; the password is only kept)
    window.servers.connect_action.trigger()
    with qtbot.waitSignal(window.servers.switched, timeout=30_000):
        dialog, worked = _test_connection(qtbot, window, "connectServerDialog", empty_database, SECRET)
    assert worked is True
    assert window.bridge.shop is not own and window.servers.on_server
    assert window.bridge.ask(GetProducts()) == ()  # an empty shop on the server
    assert saved_server(data_dir) == without_password(url)
    assert memory_keyring.kept == {(SERVICE, without_password(url)): SECRET}
    assert SECRET.encode() not in (data_dir / SERVER_FILE).read_bytes()
    assert SECRET.encode() not in _folder_bytes(data_dir)
    assert window.servers.own_action.isEnabled() and not window.servers.move_action.isEnabled()

    monkeypatch.setattr(window.servers, "confirm_own_shop", lambda: True)
    with qtbot.waitSignal(window.servers.switched, timeout=30_000) as back:
        window.servers.own_action.trigger()
    assert back.args == [None]
    assert [p.name for p in window.bridge.ask(GetProducts())] == ["Blue Enamel Mug"]
    assert saved_server(data_dir) is None and memory_keyring.kept == {}


@on_postgres
def test_moving_the_shop_by_clicking(qtbot, window, memory_keyring, empty_database):
    data_dir = window.bridge.shop.data_dir
    window.servers.move_action.trigger()
    with qtbot.waitSignal(window.servers.moveFinished, timeout=60_000) as finished:
        _test_connection(qtbot, window, "moveToServerDialog", empty_database, SECRET)
    assert finished.args == [True]
    notice = open_dialog(window, "serverNotice")
    assert "Moved 0 orders, 1 product" in notice.text()
    notice.accept()
    assert window.servers.on_server and saved_server(data_dir) == without_password(empty_database)
    assert [p.name for p in window.bridge.ask(GetProducts())] == ["Blue Enamel Mug"]
