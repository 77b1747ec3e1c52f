"""The identity of the database a read model was made from, kept in the read
model's folder (core/write_model/identity.py says what it is), and the
leftovers of saves a killed process never finished."""

import os
import time
from pathlib import Path

from core.read_model.storage import META_FILE
from core.write_model.identity import Identity

IDENTITY_FILE = "store_identity"  # not *.json: the storage keeps only its own tables there


def recorded_identity(folder: Path) -> Identity | None:
    try:
        return Identity.parse((folder / IDENTITY_FILE).read_text(encoding="ascii"))
    except (OSError, ValueError):
        return None


def record_identity(folder: Path, identity: Identity) -> None:
    """Written once the read model holds that database's documents (after a
    rebuild or a catch-up): a crash before means one more rebuild, never a
    read model taken for another database's."""
    path = folder / IDENTITY_FILE
    if recorded_identity(folder) == identity:
        return
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="ascii") as f:
        f.write(f"{identity}\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def forget_documents(folder: Path) -> None:
    """The documents were made from another database: without their meta
    file (and the identity they were recorded with) no opening trusts them,
    so the read model is rebuilt, even if this process dies before it is."""
    for name in (IDENTITY_FILE, META_FILE):
        (folder / name).unlink(missing_ok=True)


def holds_a_shop(folder: Path) -> bool:
    """The folder holds a read model made from some shop's database."""
    return (folder / META_FILE).exists() or (folder / IDENTITY_FILE).exists()


def remove_leftover_temp_files(folder: Path, *, older_than_seconds: float = 60.0) -> int:
    """Delete the temp files of saves that never finished (a killed
    process): those of processes no longer running, and any older than a
    minute (a live save's temp file exists for milliseconds). Returns how many."""
    removed = 0
    stale_before = time.time() - older_than_seconds
    for path in folder.glob(".*.tmp"):
        try:
            pid = _writer_pid(path)  # None: not named as we name them; then age alone decides
            if (pid is not None and not _pid_alive(pid)) or path.stat().st_mtime < stale_before:
                path.unlink()
                removed += 1
        except OSError:
            pass
    return removed


def _writer_pid(path: Path) -> int | None:
    # ".<name>.<pid>.tmp", as storage._write_atomically names them
    parts = path.name.split(".")
    return int(parts[-2]) if len(parts) >= 3 and parts[-2].isdigit() else None


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid() or os.name != "posix":
        # (On Windows os.kill would end the process: age alone decides there.)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process, or cannot tell: leave its file alone
    return True
