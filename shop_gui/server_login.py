"""Which database a till opens at start: ``--database-url``, else
SHOP_DATABASE_URL, else the server its folder records (File > Connect to a
shared shop..., or ``--move-to-database``) with the password from the
system's keyring, or typed by the person when no keyring keeps it; else
the folder's own shop."""

import os
from collections.abc import Callable
from dataclasses import dataclass

from core.shared_server import needs_password, saved_server, with_password
from shop_gui import server_password

DATABASE_URL_VARIABLE = "SHOP_DATABASE_URL"  # core.shop's


class NoPassword(Exception):
    """The person closed the password question: nothing is opened."""


@dataclass(frozen=True)
class Login:
    url: str | None  # None: the folder's own shop (or SHOP_DATABASE_URL's)
    address: str | None = None  # the saved server's address, without the password
    typed: str | None = None  # a password the person typed (kept in the keyring once it opened)


def login(data_dir, given: str | None, ask_password: Callable[[str, bool], str | None]) -> Login:
    """``ask_password(address, keyring_available)``: the password the
    person types for ``address``, or None when they cancel (NoPassword)."""
    if given:
        return Login(given)
    if os.environ.get(DATABASE_URL_VARIABLE):
        return Login(None)
    address = saved_server(data_dir)
    if address is None:
        return Login(None)
    if not needs_password(data_dir):
        return Login(address, address)
    password = server_password.saved_password(address)
    if password:
        return Login(with_password(address, password), address)
    typed = ask_password(address, server_password.keyring_available())
    if not typed:
        raise NoPassword(address)
    return Login(with_password(address, typed), address, typed)


def opened(found: Login) -> None:
    """The shop opened with ``found``: a password typed is kept in the
    keyring (where there is one), so the next start asks no more."""
    if found.typed and found.address:
        server_password.save_password(found.address, found.typed)
