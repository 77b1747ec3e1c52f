"""What a backup file holds, written beside the database in the file itself
(``manifest.json``): enough to show the person what a restore would bring
back, and to check that the copy is whole (its checksum)."""

import dataclasses
import json
import sqlite3
from dataclasses import dataclass

FORMAT = "shop-manager-backup"
FORMAT_VERSION = 1
MANIFEST_MEMBER = "manifest.json"
DATABASE_MEMBER = "shop.sqlite3"


@dataclass(frozen=True)
class Manifest:
    made_at: str  # ISO 8601, UTC
    shop_id: str
    store_id: str  # of the database the copy was made from
    schema_version: int
    last_position: int  # the last outbox position (archive included); 0: no event
    products: int
    categories: int
    customers: int
    orders: int
    last_order_id: int | None
    last_order_at: str | None
    database_bytes: int
    database_sha256: str
    app_version: str = ""
    journal_link: str = ""  # the journal's latest link: a rewritten chain is caught against it

    def to_json(self) -> str:
        return json.dumps({"format": FORMAT, "format_version": FORMAT_VERSION, **dataclasses.asdict(self)}, indent=2)

    @classmethod
    def from_json(cls, text: str) -> "Manifest":
        """Raises ValueError when ``text`` is not a manifest this version reads."""
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("not a Shop Manager backup manifest")
        if data.get("format_version") != FORMAT_VERSION:
            raise ValueError(f"backup format {data.get('format_version')!r}")
        fields = {f.name: f for f in dataclasses.fields(cls)}
        values = {name: data[name] for name in fields if name in data}
        missing = [f.name for f in fields.values() if f.name not in values and f.default is dataclasses.MISSING]
        if missing:
            raise ValueError(f"manifest lacks {', '.join(missing)}")
        return cls(**values)


@dataclass(frozen=True)
class Contents:
    """What a database holds, as a manifest and the restore dialog say it."""

    shop_id: str
    store_id: str
    schema_version: int
    last_position: int
    products: int
    categories: int
    customers: int
    orders: int
    last_order_id: int | None
    last_order_at: str | None
    journal_link: str = ""

    @property
    def holds_data(self) -> bool:
        """Anything at all was ever recorded in it (an event, a product...)."""
        return bool(self.last_position or self.products or self.categories or self.orders or self.customers)


def _count(conn: sqlite3.Connection, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # our own table names


def read_identity(conn: sqlite3.Connection) -> tuple[str, str]:
    """(shop id, store id) of the database behind ``conn``; ("", "") for one
    made before shops had an identity."""
    try:
        identity = conn.execute("SELECT shop_id, store_id FROM shop_identity WHERE id = 1").fetchone()
    except sqlite3.OperationalError:  # made before shops had an identity
        return "", ""
    return identity if identity is not None else ("", "")


def read_contents(conn: sqlite3.Connection) -> Contents:
    """What the database behind ``conn`` holds (it must have the shop's tables)."""
    shop_id, store_id = read_identity(conn)
    version = conn.execute("SELECT max(version) FROM schema_info").fetchone()[0] or 0
    positions = [conn.execute(f"SELECT max(position) FROM {t}").fetchone()[0] for t in _event_tables(conn)]
    last = conn.execute("SELECT id, placed_at FROM shop_order ORDER BY id DESC LIMIT 1").fetchone()
    return Contents(
        shop_id=shop_id,
        store_id=store_id,
        schema_version=version,
        last_position=max([p for p in positions if p is not None], default=0),
        products=_count(conn, "product"),
        categories=_count(conn, "category"),
        customers=_count(conn, "customer"),
        orders=_count(conn, "shop_order"),
        last_order_id=last[0] if last else None,
        last_order_at=last[1] if last else None,
        journal_link=_latest_link(conn),
    )


def _latest_link(conn: sqlite3.Connection) -> str:
    try:
        row = conn.execute("SELECT link FROM journal_link ORDER BY position DESC LIMIT 1").fetchone()
    except sqlite3.OperationalError:  # made before the journal had links
        return ""
    return row[0] if row else ""


def _event_tables(conn: sqlite3.Connection) -> list[str]:
    # outbox_archive came with schema 5: an older backup has only the outbox.
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return [t for t in ("outbox", "outbox_archive") if t in names]
