"""A till's shop on a shared PostgreSQL server: the server's address kept
in the till's folder (never its password: the window keeps that in the
system's keyring), a look at a server before connecting to it, and moving
the folder's own shop there (core/write_model/move_to_server.py).

The public face for the window and the command line: no SQLAlchemy types
cross it, only strings and small values."""

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, inspect, select
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError

from core.errors import StorageError
from core.i18n import N_
from core.write_model.db_errors import storage_error
from core.write_model.engine import POSTGRES_DRIVER, postgres_engine, postgres_url
from core.write_model.move_to_server import Moved, Totals, move_to_server
from core.write_model.schema import outbox, product, shop_order

__all__ = [
    "Moved",
    "ServerLook",
    "Totals",
    "address_of",
    "forget_server",
    "look_at_server",
    "move_shop",
    "needs_password",
    "password_of",
    "remember_server",
    "saved_server",
    "server_name",
    "with_password",
    "without_password",
]

# The server's address, without its password, in the till's folder: the next
# start opens the shop there. One line; removed when the till goes back to
# its own shop.
SERVER_FILE = "shared_server.url"
DATABASE_FILE = "shop.sqlite3"  # core.shop.DATABASE_FILE


def _parsed(url: str) -> URL:
    return postgres_url(url)


def without_password(url: str) -> str:
    """``url`` with no password in it (neither user:password@ nor ?password=)."""
    parsed = _parsed(url)
    query = {k: v for k, v in parsed.query.items() if k != "password"}
    # (URL.set leaves a value given as None as it was: a new tuple instead)
    return parsed._replace(password=None).set(query=query).render_as_string(hide_password=False)


def password_of(url: str) -> str | None:
    """The password written in ``url``, if any."""
    parsed = _parsed(url)
    found = parsed.password if parsed.password is not None else parsed.query.get("password")
    if isinstance(found, tuple):
        found = found[-1]
    return None if found in (None, "") else str(found)


def with_password(url: str, password: str | None) -> str:
    """``url`` with ``password`` in it (None or "": as it is, without one)."""
    parsed = _parsed(without_password(url))
    if password:
        parsed = parsed.set(password=password)
    return parsed.render_as_string(hide_password=False)


def address_of(host: str, port: int | None, database: str, user: str, password: str | None = None) -> str:
    """The address of ``database`` on ``host`` (a name, an IP, or a folder
    holding the server's Unix socket), as ``user``."""
    host = host.strip()
    on_socket = host.startswith("/")
    parsed = URL.create(
        POSTGRES_DRIVER,
        username=user.strip() or None,
        password=password or None,
        host=None if on_socket or not host else host,
        port=None if on_socket else port,
        database=database.strip() or None,
        query={"host": host} if on_socket else {},
    )
    return parsed.render_as_string(hide_password=False)


def server_name(url: str) -> str:
    """How a sentence names it: "shop on server:5432" (or "on localhost")."""
    parsed = _parsed(url)
    host = parsed.host or parsed.query.get("host") or "localhost"
    if isinstance(host, tuple):
        host = host[-1]
    where = host if parsed.port is None else f"{host}:{parsed.port}"
    return f"{parsed.database or ''} on {where}"


# -- the address in the till's folder ---------------------------------------------------
def _saved_lines(data_dir) -> list[str]:
    try:
        return (Path(data_dir) / SERVER_FILE).read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return []


def saved_server(data_dir) -> str | None:
    """The address of the server this till's shop is on (no password), or
    None: the shop is the folder's own."""
    lines = _saved_lines(data_dir)
    return (lines[0].strip() or None) if lines else None


def needs_password(data_dir) -> bool:
    """The saved server was reached with a password (kept elsewhere: the
    system's keyring, or asked at each start)."""
    return _PASSWORD_LINE in (line.strip() for line in _saved_lines(data_dir)[1:])


_PASSWORD_LINE = "with a password"


def remember_server(data_dir, url: str) -> str:
    """Open the shop on the server at ``url`` from the next start on. Only
    the address is written, and whether it needs a password, never the
    password itself. Returns the address written."""
    kept = without_password(url)
    folder = Path(data_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{SERVER_FILE}.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(kept + "\n" + (_PASSWORD_LINE + "\n" if password_of(url) else ""))
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, folder / SERVER_FILE)
    except OSError as exc:
        raise StorageError(
            N_("The shop's folder {folder} could not be written: {reason}.", folder=str(folder), reason=exc.strerror)
        ) from exc
    return kept


def forget_server(data_dir) -> None:
    """The till opens the folder's own shop again from the next start on."""
    try:
        (Path(data_dir) / SERVER_FILE).unlink(missing_ok=True)
    except OSError as exc:
        raise StorageError(
            N_("The shop's folder {folder} could not be written: {reason}.", folder=str(data_dir), reason=exc.strerror)
        ) from exc


# -- a look at a server -------------------------------------------------------------------
@dataclass(frozen=True)
class ServerLook:
    """What a connection test found on the server."""

    holds_shop: bool  # False: an empty database (a shop can be moved there)
    products: int
    orders: int


def look_at_server(url: str) -> ServerLook:
    """Connect to ``url`` and see what it holds. Raises StorageError with a
    sentence (no server there, a wrong password, no such database...)."""
    engine = postgres_engine(url)
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            if not {product.name, shop_order.name} <= tables:
                return ServerLook(False, 0, 0)
            products = conn.execute(select(func.count()).select_from(product)).scalar_one()
            orders = conn.execute(select(func.count()).select_from(shop_order)).scalar_one()
            return ServerLook(products > 0 or orders > 0 or _has_events(conn), int(products), int(orders))
    except SQLAlchemyError as exc:
        raise storage_error(exc, "opened") from exc
    finally:
        engine.dispose()


def _has_events(conn) -> bool:
    return conn.execute(select(outbox.c.position).limit(1)).first() is not None


# -- moving the folder's shop there -----------------------------------------------------------
def move_shop(data_dir, url: str) -> Moved:
    """Copy the shop in ``data_dir``'s own file into the empty database at
    ``url`` (checked: counts, totals, the journal), then record the server
    in the folder so the till opens the shop there from now on. The file is
    left as it was. Raises StorageError, with a sentence, having changed
    nothing, when it cannot (a database that is not empty, a shop already
    on a server)."""
    data_dir = Path(data_dir)
    already = saved_server(data_dir)
    if already is not None:
        raise StorageError(
            N_(
                "This till's shop is on the server already ({server}), so nothing was moved.",
                server=server_name(already),
            )
        )
    moved = move_to_server(data_dir / DATABASE_FILE, url)
    remember_server(data_dir, url)
    return moved
