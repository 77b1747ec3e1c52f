"""PINs are kept as salted scrypt hashes that say their own cost."""

import pytest

from core.domain import pins


def test_a_hash_is_salted_says_its_cost_and_never_holds_the_pin(monkeypatch):
    monkeypatch.setattr(pins, "SCRYPT_N", 2**14)  # the real cost, once
    pin = "90817263"  # eight digits: no chance that random hex holds them
    first, second = pins.hash_pin(pin), pins.hash_pin(pin)
    assert first != second  # salted
    scheme, n, r, p, salt, digest = first.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    assert len(bytes.fromhex(salt)) == pins.SALT_BYTES and len(bytes.fromhex(digest)) == pins.HASH_BYTES
    assert pin not in first and pin.encode().hex() not in first
    assert pins.pin_matches(pin, first) and pins.pin_matches(pin, second)
    assert not pins.pin_matches("90817264", first)


def test_a_hash_is_checked_at_the_cost_it_was_made_with(monkeypatch):
    old = pins.hash_pin("0000")  # the tests' cheap cost
    monkeypatch.setattr(pins, "SCRYPT_N", 2**5)
    new = pins.hash_pin("0000")
    assert old.split("$")[1] != new.split("$")[1]
    assert pins.pin_matches("0000", old) and pins.pin_matches("0000", new)


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "1234",
        None,
        "bcrypt$16$8$1$00$00",
        "scrypt$16$8$1$zz$00",
        "scrypt$15$8$1$00$" + "00" * 32,  # not a power of two
        "scrypt$1048576000$8$1$00$" + "00" * 32,  # beyond any cost we make
        "scrypt$16$8$1$00$00",  # too short a hash
    ],
)
def test_a_damaged_hash_matches_nothing(stored):
    assert not pins.pin_matches("1234", stored)
