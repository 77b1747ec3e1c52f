"""Making a backup: a consistent copy of the live write model by SQLite's
online backup API, compressed with its manifest into one file.

Why the backup API and not a file copy: a copy of a live WAL database can
catch a page half-written, or miss what is still in the -wal file. The API
copies one snapshot: in WAL mode it reads as any reader does, so a sale at
another till (or in this window) goes on while it runs. The uncompressed
copy is made on the shop's own disk and compressed from there, so a slow USB
stick or NAS share only slows the backup, never the till.
"""

import hashlib
import logging
import os
import sqlite3
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from core.backups.manifest import DATABASE_MEMBER, MANIFEST_MEMBER, Manifest, read_contents
from core.backups.naming import backup_name
from core.backups.rotation import DEFAULT_POLICY, RotationPolicy, rotate
from core.errors import StorageError
from core.i18n import N_

log = logging.getLogger(__name__)

CHUNK = 1 << 22  # few, long C calls: the GIL is rarely taken back from a sale
BUSY_TIMEOUT_S = 30.0  # a copy waits this long for a till's checkpoint, never fails at once


@dataclass(frozen=True)
class BackupMade:
    path: Path
    manifest: Manifest
    compressed_bytes: int
    removed: tuple[Path, ...]  # older backups the rotation removed


def make_backup(
    db_file: Path,
    folder: Path,
    *,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    policy: RotationPolicy = DEFAULT_POLICY,
    app_version: str = "",
    work_dir: Path | None = None,
) -> BackupMade:
    """Back the database ``db_file`` up into ``folder`` (which must exist),
    then remove this shop's older backups there that ``policy`` no longer
    keeps. Raises StorageError with a sentence when it cannot (nothing is
    left behind then: a half-written backup never looks like one).
    ``work_dir``: where the uncompressed copy is made (the database's folder)."""
    db_file, folder = Path(db_file), Path(folder)
    if not db_file.is_file():
        raise StorageError(N_("There is no shop database at {path} to back up.", path=str(db_file)))
    if not folder.is_dir():
        raise StorageError(
            N_(
                "The backup folder {folder} is missing: is the USB stick or network share connected?",
                folder=str(folder),
            )
        )
    work_dir = Path(work_dir) if work_dir is not None else db_file.parent
    copy = work_dir / f".backup-copy-{uuid.uuid4().hex}.sqlite3"
    made_at = clock().astimezone(UTC)
    try:
        contents = _copy(db_file, copy)
        target = folder / backup_name(contents.shop_id, made_at)
        manifest = _write_archive(copy, target, made_at, contents, app_version)
    except sqlite3.DatabaseError as exc:
        raise StorageError(
            N_("The shop's database could not be copied for a backup: {problem}.", problem=str(exc))
        ) from exc
    except OSError as exc:
        raise StorageError(
            N_(
                "The backup could not be written to {folder}: {problem}.",
                folder=str(folder),
                problem=exc.strerror or str(exc),
            )
        ) from exc
    finally:
        copy.unlink(missing_ok=True)
    removed = rotate(folder, contents.shop_id, policy, keep=target)
    log.info("Backed up to %s (%s events, %s orders)", target, manifest.last_position, manifest.orders)
    return BackupMade(target, manifest, target.stat().st_size, tuple(removed))


def _copy(db_file: Path, copy: Path):
    """One snapshot of the live database into ``copy`` (one backup step: it
    reads as a single read transaction), standing alone (no -wal beside it)."""
    source = sqlite3.connect(str(db_file), timeout=BUSY_TIMEOUT_S)
    try:
        target = sqlite3.connect(str(copy))
        try:
            source.backup(target)  # pages=-1: every page in one step, one snapshot
            target.execute("PRAGMA journal_mode=DELETE")
            check = target.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise sqlite3.DatabaseError(f"the copy fails SQLite's check ({check})")
            return read_contents(target)
        finally:
            target.close()
    finally:
        source.close()


def _write_archive(copy: Path, target: Path, made_at: datetime, contents, app_version: str) -> Manifest:
    """The copy, compressed, and its manifest in one zip file, written under
    a temporary name and renamed once whole and on the disk."""
    partial = target.with_name(f".{target.name}.partial")
    digest, size = hashlib.sha256(), 0
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            with open(copy, "rb") as src, archive.open(DATABASE_MEMBER, "w", force_zip64=True) as dst:
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    dst.write(chunk)
            manifest = Manifest(
                made_at=made_at.isoformat(timespec="seconds"),
                shop_id=contents.shop_id,
                store_id=contents.store_id,
                schema_version=contents.schema_version,
                last_position=contents.last_position,
                products=contents.products,
                categories=contents.categories,
                customers=contents.customers,
                orders=contents.orders,
                last_order_id=contents.last_order_id,
                last_order_at=contents.last_order_at,
                database_bytes=size,
                database_sha256=digest.hexdigest(),
                app_version=app_version,
                journal_link=contents.journal_link,
            )
            archive.writestr(MANIFEST_MEMBER, manifest.to_json())
        with open(partial, "rb") as f:
            os.fsync(f.fileno())
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return manifest
