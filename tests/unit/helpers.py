"""Small helpers shared by the unit tests (fixtures live in conftest.py)."""

import pytest

from core.errors import InvalidCommand, ShopError


def refused(shop, unchanged, readable, command, error=InvalidCommand) -> str:
    """Dispatch a command that must be refused with exactly ``error``, change
    nothing in either store and tell no listener; returns the message."""
    heard = []
    shop.add_listener(heard.append)
    with unchanged(shop):
        with pytest.raises(ShopError) as raised:
            shop.dispatch(command)
    shop.remove_listener(heard.append)
    assert type(raised.value) is error, f"{type(raised.value).__name__}: {raised.value}"
    readable(raised.value)
    assert heard == []
    return str(raised.value)


def dispatch_and_hear(shop, command):
    """Dispatch ``command``; returns (its result, the one Changes listeners got)."""
    heard = []
    shop.add_listener(heard.append)
    try:
        result = shop.dispatch(command)
    finally:
        shop.remove_listener(heard.append)
    assert len(heard) == 1, heard
    return result, heard[0]
