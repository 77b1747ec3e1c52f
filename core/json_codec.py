"""JSON in and out of the stores, through orjson.

orjson parses the read model's files faster than the standard library and
writes them faster still (docs/adr/0005-other-measured-decisions.md), byte for
byte what
``json.dumps(..., ensure_ascii=False, separators=(",", ":"))`` wrote before,
so files of either age read back the same. It is a well-kept C extension with
wheels for every platform we package for.
"""

import orjson

# Dict keys that are not strings (an id, as in a {product_id: stock} map) are
# written as strings, as the standard library did.
_OPTIONS = orjson.OPT_NON_STR_KEYS

# Raised on malformed input; a subclass of ValueError, as json's is.
DecodeError = orjson.JSONDecodeError

loads = orjson.loads


def dumps(obj) -> bytes:
    """Compact UTF-8 JSON (non-ASCII characters as they are)."""
    return orjson.dumps(obj, option=_OPTIONS)


def dumps_text(obj) -> str:
    """``dumps`` as a str, for a TEXT column (the outbox's payloads)."""
    return orjson.dumps(obj, option=_OPTIONS).decode("utf-8")
