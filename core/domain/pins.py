"""PINs kept only as salted slow hashes (scrypt), never as typed.

A stored hash says its own cost, ``scrypt$n$r$p$salt_hex$hash_hex``, so a
PIN is checked with the cost it was hashed at: raising ``SCRYPT_N`` later
makes new hashes slower without breaking old ones. Pure: no I/O, no logging
(a PIN must never reach a log).
"""

import hashlib
import hmac
import secrets

# The cost of new hashes: about 16 MiB and tens of milliseconds per hash.
# Tests lower SCRYPT_N (an autouse fixture in tests/conftest.py); it is read
# when a hash is made, not when this module is imported.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32
_SCHEME = "scrypt"
# A stored cost is never trusted beyond this (a damaged or doctored row
# must not make a check take minutes or gigabytes).
_MAX_N, _MAX_R, _MAX_P = 2**20, 32, 16


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=128 * r * (n + p + 2) + 1024 * 1024, dklen=HASH_BYTES
    )


def hash_pin(pin: str) -> str:
    """A new salted hash of ``pin`` at today's cost, as stored."""
    n, r, p = SCRYPT_N, SCRYPT_R, SCRYPT_P
    salt = secrets.token_bytes(SALT_BYTES)
    return f"{_SCHEME}${n}${r}${p}${salt.hex()}${_scrypt(pin, salt, n, r, p).hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    """Is ``pin`` the PIN ``stored`` (a ``hash_pin`` result) was made from?
    Compared in constant time; a malformed ``stored`` matches nothing."""
    try:
        scheme, n_text, r_text, p_text, salt_hex, hash_hex = stored.split("$")
        n, r, p = int(n_text), int(r_text), int(p_text)
        salt, expected = bytes.fromhex(salt_hex), bytes.fromhex(hash_hex)
    except (AttributeError, ValueError):
        return False
    if (
        scheme != _SCHEME
        or not (1 < n <= _MAX_N and n & (n - 1) == 0)
        or not 0 < r <= _MAX_R
        or not 0 < p <= _MAX_P
        or len(expected) != HASH_BYTES
    ):
        return False
    return hmac.compare_digest(_scrypt(pin, salt, n, r, p), expected)
