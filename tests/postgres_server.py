"""A throwaway PostgreSQL server for the tests: ``initdb`` into a temp
folder, ``pg_ctl start`` listening on a Unix socket only (no TCP port to
collide with), stopped and deleted at the end. Any packaged cluster is left
alone.

initdb and postgres refuse to run as root: as root they run as the
``postgres`` user (Debian's ``postgresql`` package makes it) via ``runuser``,
in a folder that user owns, with a socket folder root can reach.

Also a script (``python -m tests.postgres_server``) that prints the URL of a
server it keeps running until interrupted (for ``make bench`` by hand)."""

import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

BIN_FOLDERS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)  # the newest first


def _binary(name: str) -> str | None:
    for folder in BIN_FOLDERS:
        if (folder / name).exists():
            return str(folder / name)
    return shutil.which(name)


def available() -> bool:
    """initdb and pg_ctl are here, and (as root) a ``postgres`` user to run them."""
    if _binary("initdb") is None or _binary("pg_ctl") is None:
        return False
    if os.geteuid() == 0:
        return shutil.which("runuser") is not None and _user_exists("postgres")
    return True


def _user_exists(name: str) -> bool:
    import pwd

    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


class ThrowawayServer:
    """``start()`` then ``url(database)``; ``stop()`` removes everything."""

    def __init__(self, durable: bool = False):
        """``durable``: commits wait for the disk, as on a real server (benchmarks)."""
        self.durable = durable
        self.folder = Path(tempfile.mkdtemp(prefix="shop-pg-"))
        self.data = self.folder / "data"
        self.socket = self.folder / "socket"
        self._as_postgres = os.geteuid() == 0
        self.started = False

    def _run(self, *args: str) -> None:
        command = list(args)
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def start(self) -> "ThrowawayServer":
        self.socket.mkdir()
        if self._as_postgres:
            shutil.chown(self.folder, "postgres")
            shutil.chown(self.socket, "postgres")
        self.folder.chmod(0o755)  # root (and the tests) reach the socket inside
        self._run(
            _binary("initdb") or "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )
        self.resume()
        return self

    def resume(self) -> None:
        """Start the server on its data folder (after ``halt``: as it was)."""
        # Durability is not what these tests are about: no fsync (several
        # times faster), enough connections for the racing-process tests.
        options = f"-c listen_addresses='' -c unix_socket_directories='{self.socket}' -c max_connections=200"
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run(
            _binary("pg_ctl") or "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "server.log"),
            "-o",
            options,
            "-w",
            "start",
        )
        self.started = True

    def halt(self) -> None:
        """Stop the server, keeping its data (a server restarted mid-day:
        ``resume`` starts it again). Fast shutdown: every session is told
        and ended, committed work is kept, open transactions roll back."""
        if self.started:
            self._run(_binary("pg_ctl") or "pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
            self.started = False

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@/{database}?host={self.socket}"

    def stop(self) -> None:
        try:
            if self.started:
                self._run(_binary("pg_ctl") or "pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            self.started = False
            shutil.rmtree(self.folder, ignore_errors=True)


def admin_connection(url: str):
    """A psycopg connection in autocommit (CREATE DATABASE refuses a transaction)."""
    import psycopg

    return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)


def new_database(server_url: str, template: str | None = None) -> str:
    """A fresh, empty database on the server (or a copy of ``template``); its URL."""
    name = f"shop_{uuid.uuid4().hex[:16]}"
    with admin_connection(server_url) as conn:
        conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    return with_database(server_url, name)


def with_database(url: str, database: str) -> str:
    """``url`` naming ``database`` instead (query string kept)."""
    head, _sep, query = url.partition("?")
    base = head.rsplit("/", 1)[0]
    return f"{base}/{database}" + (f"?{query}" if query else "")


def database_name(url: str) -> str:
    return url.partition("?")[0].rsplit("/", 1)[1]


def drop_database(server_url: str, url: str) -> None:
    with admin_connection(server_url) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{database_name(url)}" WITH (FORCE)')


if __name__ == "__main__":
    server = ThrowawayServer().start()
    print(server.url(), flush=True)
    try:
        import time

        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
