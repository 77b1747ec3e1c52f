"""Wake-ups on a shared PostgreSQL server: every command that records events
also NOTIFYs one channel, so the other tills (listening on it, see
core/write_model/listener.py) catch up within moments instead of at their
next poll. PostgreSQL delivers a notification at COMMIT and drops it on
ROLLBACK, so a till is never woken for a command that did not happen.

The notification says which engine sent it (its origin, a token made per
opened shop): a till ignores its own, having caught up after its command
already. Nothing here runs on SQLite."""

import uuid

from sqlalchemy import Connection, Engine, event

CHANNEL = "shop_outbox"
_ORIGIN = "shop_origin"  # the key in each pooled connection's info


def tag(engine: Engine) -> str:
    """Stamp every connection ``engine`` makes from now on with a new
    origin token, and return it (before the engine's first connection)."""
    token = uuid.uuid4().hex

    @event.listens_for(engine, "connect")
    def _stamp(_dbapi_connection, record):
        record.info[_ORIGIN] = token

    return token


def origin(conn: Connection) -> str:
    """The token of the engine ``conn`` came from ("" if it was never tagged)."""
    return conn.info.get(_ORIGIN, "")
