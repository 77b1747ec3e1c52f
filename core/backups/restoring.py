"""Reading a backup file, and restoring it into a shop's folder.

Every check runs before anything in the shop's folder changes: a damaged,
truncated or foreign file is refused with a sentence and nothing moves. A
restore never deletes today's shop: its database and read model move into
a ``before-restore-...`` folder beside them. The restored database gets a
new store id, so no read model made before the restore is ever reused (the
next opening rebuilds it from the restored database).
"""

import hashlib
import logging
import os
import shutil
import sqlite3
import uuid
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from core.backups.manifest import DATABASE_MEMBER, MANIFEST_MEMBER, Contents, Manifest, read_contents, read_identity
from core.errors import BackupRefused, StorageError
from core.i18n import N_
from core.write_model.schema import SCHEMA_VERSION

log = logging.getLogger(__name__)

CHUNK = 1 << 20
DATABASE_FILE = "shop.sqlite3"  # as core.shop names them (not imported: core.shop imports the world)
READ_MODEL_FOLDER = "read_model"
ASIDE_PREFIX = "before-restore-"


@dataclass(frozen=True)
class Backup:
    """A backup file read and checked whole: its manifest."""

    path: Path
    manifest: Manifest


def read_manifest(path: Path) -> Manifest:
    """The manifest of the backup at ``path`` (quick: the database is not
    checked). Raises BackupRefused when it is not a readable backup."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            return Manifest.from_json(archive.read(MANIFEST_MEMBER).decode("utf-8"))
    except FileNotFoundError as exc:
        raise BackupRefused(f"There is no backup file at {path}.") from exc
    except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
        raise BackupRefused(
            f"The file “{path.name}” is damaged or cut short, or is not a Shop Manager backup."
        ) from exc
    except KeyError as exc:
        raise BackupRefused(f"The file “{path.name}” is not a Shop Manager backup: it has no manifest.") from exc
    except (ValueError, TypeError, UnicodeDecodeError) as exc:
        raise BackupRefused(f"The file “{path.name}” is not a Shop Manager backup this version can read.") from exc
    except OSError as exc:
        raise BackupRefused(f"The backup “{path.name}” could not be read: {exc.strerror or exc}.") from exc


def extract_checked(path: Path, target: Path) -> Backup:
    """Unpack the backup's database to ``target`` and check it whole: the
    checksum of its manifest, SQLite's own check, and that it is the shop
    and version the manifest says. Raises BackupRefused (``target`` is
    removed then)."""
    path = Path(path)
    manifest = read_manifest(path)
    if manifest.schema_version > SCHEMA_VERSION:
        raise BackupRefused(
            f"The backup “{path.name}” was made by a newer Shop Manager (data version {manifest.schema_version}); "
            "install that version to restore it."
        )
    try:
        digest = _unpack(path, target)
        if digest != manifest.database_sha256:
            raise BackupRefused(
                f"The backup “{path.name}” is damaged: its database does not match the checksum it was saved with."
            )
        found = _check_database(target, path.name)
        if (found.shop_id, found.schema_version) != (manifest.shop_id, manifest.schema_version):
            raise BackupRefused(
                f"The backup “{path.name}” is damaged: its database is not the one its manifest describes."
            )
    except BaseException:
        _remove_database(target)
        raise
    return Backup(path, manifest)


def _unpack(path: Path, target: Path) -> str:
    digest = hashlib.sha256()
    try:
        with zipfile.ZipFile(path) as archive, archive.open(DATABASE_MEMBER) as src, open(target, "wb") as dst:
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
    except KeyError as exc:
        raise BackupRefused(f"The backup “{path.name}” is not a Shop Manager backup: it holds no database.") from exc
    except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
        raise BackupRefused(
            N_("The backup “{name}” is damaged or cut short: its database cannot be unpacked.", name=path.name)
        ) from exc
    except OSError as exc:
        raise StorageError(
            N_(
                "The backup “{name}” could not be unpacked into {folder}: {problem}.",
                name=path.name,
                folder=str(target.parent),
                problem=exc.strerror or str(exc),
            )
        ) from exc
    return digest.hexdigest()


def _check_database(db_file: Path, name: str) -> Contents:
    try:
        conn = sqlite3.connect(str(db_file))
        try:
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise BackupRefused(f"The backup “{name}” is damaged: its database fails SQLite's check ({check}).")
            return read_contents(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupRefused(f"The backup “{name}” is damaged: its database cannot be read.") from exc


def database_contents(db_file: Path) -> Contents | None:
    """What the shop database ``db_file`` holds now (None: no database, or
    an empty file). It only reads; safe while the shop is open."""
    return _reading(db_file, read_contents)


def database_shop_id(db_file: Path) -> str:
    """The shop id recorded in the shop database ``db_file`` ("" when there
    is no database, or it is from before shops had one). Only that row is
    read: what the window needs at start to find this shop's backups, where
    ``database_contents`` would count a year's orders."""
    return _reading(db_file, lambda conn: read_identity(conn)[0]) or ""


def _reading[T](db_file: Path, read: Callable[[sqlite3.Connection], T]) -> T | None:
    """``read(connection)`` of the shop database ``db_file``; None when there
    is no database or an empty file. (Not a read-only connection: that one
    would leave a -wal and -shm behind.)"""
    db_file = Path(db_file)
    if not db_file.is_file() or db_file.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(str(db_file), timeout=5.0)
        try:
            return read(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StorageError(
            N_("The shop's database {name} could not be read: {problem}.", name=db_file.name, problem=str(exc))
        ) from exc


@dataclass(frozen=True)
class Restored:
    manifest: Manifest
    kept_aside: Path | None  # where today's shop went (None: there was none)


def restore_backup(
    path: Path, data_dir: Path, *, clock: Callable[[], datetime] = lambda: datetime.now(UTC)
) -> Restored:
    """Restore the backup at ``path`` into the shop folder ``data_dir``. The
    shop must be closed (in this process and at every other till). Today's
    database and read model move aside into ``data_dir/before-restore-<when>``;
    the next ``open_shop`` rebuilds the read model from the restored database.

    Refused (BackupRefused, nothing changed) when the file is damaged, of a
    newer version, or of another shop while this folder's shop holds data
    (an empty shop, as on a new computer, takes the backup's shop id)."""
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    db_file = data_dir / DATABASE_FILE
    incoming = data_dir / f".restoring-{uuid.uuid4().hex}.sqlite3"
    backup = extract_checked(path, incoming)
    try:
        today = database_contents(db_file)
        if today is not None and today.holds_data and today.shop_id and today.shop_id != backup.manifest.shop_id:
            raise BackupRefused(
                f"The file “{Path(path).name}” is a backup of another shop, and this shop holds its own data: "
                "nothing was restored. Restore it into an empty shop folder (a new computer's), "
                "or choose this shop's backup."
            )
        _renew_store_id(incoming)
        aside = _move_aside(data_dir, clock())
        os.replace(incoming, db_file)
    except BaseException:
        _remove_database(incoming)
        raise
    log.info("Restored %s into %s; the shop before it is in %s", path, data_dir, aside)
    return Restored(backup.manifest, aside)


def _renew_store_id(db_file: Path) -> None:
    """A new store id, and no place found: whatever read model exists, none
    was made from this copy."""
    conn = sqlite3.connect(str(db_file))
    try:
        with conn:
            conn.execute("UPDATE shop_identity SET store_id = ?, found_at = '' WHERE id = 1", (uuid.uuid4().hex,))
    finally:
        conn.close()


def _move_aside(data_dir: Path, now: datetime) -> Path | None:
    """Today's database (with its -wal and -shm) and read model, moved into
    a new folder beside them. None when there was nothing to move."""
    moving = [data_dir / DATABASE_FILE, data_dir / f"{DATABASE_FILE}-wal", data_dir / f"{DATABASE_FILE}-shm"]
    moving = [p for p in moving if p.exists()] + [p for p in [data_dir / READ_MODEL_FOLDER] if p.exists()]
    if not moving:
        return None
    stamp = now.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    aside = data_dir / f"{ASIDE_PREFIX}{stamp}"
    n = 1
    while aside.exists():
        n += 1
        aside = data_dir / f"{ASIDE_PREFIX}{stamp}-{n}"
    try:
        aside.mkdir()
        for item in moving:
            shutil.move(str(item), str(aside / item.name))
    except OSError as exc:
        for item in moving:  # put back what moved: the shop stays as it was
            moved = aside / item.name
            if moved.exists() and not item.exists():
                shutil.move(str(moved), str(item))
        raise StorageError(
            N_(
                "Today's shop could not be moved aside into {folder}: {problem}.",
                folder=str(aside),
                problem=exc.strerror or str(exc),
            )
        ) from exc
    return aside


def _remove_database(db_file: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db_file}{suffix}").unlink(missing_ok=True)
