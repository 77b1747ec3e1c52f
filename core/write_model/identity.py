"""Which shop, and which copy of it, a database file is: the identity the
read model is checked against at every opening, so that a database copied
over another shop's folder (or restored from a backup) is never read through
the other read model's documents."""

import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, insert, select, text, update

from core.write_model import locks
from core.write_model.schema import shop_identity


@dataclass(frozen=True)
class Identity:
    shop_id: str  # made when the shop was created
    store_id: str  # made anew for each copy, move or restore of its database

    def __str__(self) -> str:
        return f"{self.shop_id} {self.store_id}"

    @classmethod
    def parse(cls, text: str) -> "Identity | None":
        parts = text.split()
        return cls(parts[0], parts[1]) if len(parts) == 2 else None


def where_found(db_file: Path) -> str:
    """The file's path and file id (device and inode): both stay while the
    file stays, and a copy, a move or a restored file changes at least one."""
    found = db_file.stat()
    return f"{db_file.resolve()}|{found.st_dev}:{found.st_ino}"


def where_found_on_server(conn: Connection) -> str:
    """A PostgreSQL database's cluster (its system identifier, where the
    server lets this role read it), name and object id: a dump restored into
    another database, or onto another server, changes at least one. Not the
    address the server was reached at: a till on the server's own computer
    (a Unix socket) and one across the network must agree, or each opening
    would take the database for a copy and rebuild the other's read model."""
    row = conn.execute(
        text(
            "SELECT CASE WHEN has_function_privilege('pg_catalog.pg_control_system()', 'EXECUTE') "
            "THEN (SELECT system_identifier::text FROM pg_catalog.pg_control_system()) ELSE '' END, "
            "current_database(), (SELECT oid FROM pg_database WHERE datname = current_database())"
        )
    ).one()
    return "postgresql://{}/{}|{}".format(*row)


def give_new_store_id(conn: Connection, found_at: str) -> Identity | None:
    """This database is a new copy of its shop (just moved here): a new store
    id, so that no read model fed by the copy it came from is taken for one
    fed by this one. Inside the caller's transaction. None: the shop has no
    identity yet (its first opening makes one)."""
    shop_id = conn.execute(select(shop_identity.c.shop_id).where(shop_identity.c.id == 1)).scalar()
    if shop_id is None:
        return None
    made = Identity(shop_id, uuid.uuid4().hex)
    conn.execute(update(shop_identity).where(shop_identity.c.id == 1).values(store_id=made.store_id, found_at=found_at))
    return made


@dataclass(frozen=True)
class Identified:
    now: Identity
    # What the file said before this opening: differs from ``now`` when it
    # was found elsewhere (a copy, a move, a restore) and got a new store id;
    # None when the identity was made just now (a new shop, or one made
    # before shops had an identity).
    before: Identity | None


def identify(engine: Engine, db_file: Path | None) -> Identified:
    """The database's identity. A file found elsewhere than last time gets
    a new store id (nothing written to it since it was copied, moved or
    restored: ``before`` is still what its read model would have recorded).
    ``db_file`` None: a database on a PostgreSQL server, found by its
    server, name and object id instead."""
    with engine.begin() as conn:  # a write transaction: two tills opening agree
        found_at = where_found(db_file) if db_file is not None else where_found_on_server(conn)
        # Two tills opening a new shop at once: one makes the identity.
        locks.take(conn, locks.SCHEMA)
        row = conn.execute(select(shop_identity).where(shop_identity.c.id == 1)).first()
        if row is None:
            made = Identity(uuid.uuid4().hex, uuid.uuid4().hex)
            conn.execute(
                insert(shop_identity).values(id=1, shop_id=made.shop_id, store_id=made.store_id, found_at=found_at)
            )
            return Identified(made, None)
        before = Identity(row.shop_id, row.store_id)
        if row.found_at != found_at:
            store_id = uuid.uuid4().hex
            conn.execute(
                update(shop_identity).where(shop_identity.c.id == 1).values(store_id=store_id, found_at=found_at)
            )
            return Identified(Identity(row.shop_id, store_id), before)
        return Identified(before, before)
