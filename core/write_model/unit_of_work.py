"""One command, one transaction: the change and its events commit together."""

import json
from datetime import datetime, timezone
from typing import Callable

from sqlalchemy import Connection, Engine

from core.events import Event
from core.write_model.statements import INSERT_EVENTS


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class UnitOfWork:
    """Context manager around a write transaction. Rolls back unless
    ``commit`` was called, so a handler that raises leaves nothing behind."""

    def __init__(self, engine: Engine, clock: Callable[[], datetime] = utc_now):
        self._engine = engine
        self._clock = clock
        self.events: list[Event] = []
        self.conn: Connection | None = None

    def __enter__(self) -> "UnitOfWork":
        self.conn = self._engine.connect()
        self._txn = self.conn.begin()
        return self

    def __exit__(self, *exc_info) -> None:
        try:
            if self._txn.is_active:
                self._txn.rollback()
        finally:
            self.conn.close()

    def now(self) -> str:
        """The current time as stored: ISO 8601, UTC, to the second."""
        return self._clock().astimezone(timezone.utc).isoformat(timespec="seconds")

    def record(self, event: Event) -> None:
        self.events.append(event)

    def commit(self) -> None:
        if self.events:
            now = self.now()
            self.conn.execute(INSERT_EVENTS, [
                {"event_type": type(e).__name__,
                 "payload": json.dumps(e.to_payload(), ensure_ascii=False),
                 "recorded_at": now}
                for e in self.events
            ])
        self._txn.commit()
