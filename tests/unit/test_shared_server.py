"""The shared server's address kept in a till's folder: never its password
(in the address or its query), and a folder whose shop is on a server is
never opened as the file left behind."""

import pytest

from core import open_shop
from core.errors import StorageError
from core.shared_server import (
    SERVER_FILE,
    address_of,
    forget_server,
    needs_password,
    password_of,
    remember_server,
    saved_server,
    server_name,
    with_password,
    without_password,
)
from core.shop import DATABASE_URL_VARIABLE

SECRET = "s3cr:et@/pw"


@pytest.mark.parametrize(
    "url",
    [
        address_of("shop-server", 5433, "shop", "till", SECRET),
        f"postgresql://till@shop-server/shop?password={SECRET.replace('/', '%2F').replace('@', '%40')}",
        address_of("/var/run/postgresql", 5432, "shop", "till", SECRET),
    ],
)
def test_the_folder_never_holds_the_password(tmp_path, url):
    assert password_of(url) == SECRET
    kept = remember_server(tmp_path, url)
    written = (tmp_path / SERVER_FILE).read_bytes()
    for form in (SECRET, SECRET.replace("/", "%2F"), SECRET.replace("@", "%40"), "s3cr"):
        assert form.encode() not in written
    assert saved_server(tmp_path) == kept == without_password(url)
    assert password_of(kept) is None and needs_password(tmp_path)
    assert with_password(kept, SECRET) == with_password(url, SECRET)
    forget_server(tmp_path)
    assert saved_server(tmp_path) is None and not needs_password(tmp_path)


def test_an_address_without_a_password_needs_none(tmp_path):
    remember_server(tmp_path, address_of("shop-server", None, "shop", "till"))
    assert saved_server(tmp_path) == "postgresql+psycopg://till@shop-server/shop"
    assert not needs_password(tmp_path)


def test_addresses_and_their_names():
    assert address_of("shop-server", 5433, "shop", "till", "pw") == "postgresql+psycopg://till:pw@shop-server:5433/shop"
    assert server_name("postgresql+psycopg://till:pw@shop-server:5433/shop") == "shop on shop-server:5433"
    assert server_name(address_of("/run/pg", 5432, "shop", "till")) == "shop on /run/pg"
    assert without_password("postgresql://till:pw@h/shop") == "postgresql+psycopg://till@h/shop"
    with pytest.raises(StorageError, match="Only PostgreSQL"):
        without_password("mysql://till@h/shop")
    with pytest.raises(StorageError, match="not a database address"):
        without_password("no address at all")


def test_a_folder_whose_shop_is_on_a_server_is_not_opened_as_its_file(tmp_path, monkeypatch):
    monkeypatch.delenv(DATABASE_URL_VARIABLE, raising=False)
    open_shop(tmp_path / "till").close()
    remember_server(tmp_path / "till", "postgresql+psycopg://till:pw@shop-server/shop")
    with pytest.raises(StorageError) as refused:
        open_shop(tmp_path / "till")
    assert "shop on shop-server" in str(refused.value) and "pw" not in str(refused.value)
    forget_server(tmp_path / "till")
    open_shop(tmp_path / "till").close()  # its own shop again
