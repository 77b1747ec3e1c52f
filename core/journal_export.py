"""The journal for an accountant or auditor: a CSV file of every event (or
those a filter keeps), a ``.sha256`` file beside it in the format
``sha256sum -c`` reads, and, when the owner gives a key, a ``.hmac`` file
(HMAC-SHA256 of the CSV's bytes): only someone holding the key could have
made it, so an edited copy is caught even if its checksum was redone."""

import csv
import hashlib
import hmac
import io
import os
from dataclasses import dataclass
from pathlib import Path

from core.errors import InvalidCommand, StorageError
from core.i18n import N_
from core.journal import JournalFilter

HEADER = ("position", "when_utc", "kind", "who", "approved_by", "till", "what", "undone")
PAGE = 1000


@dataclass(frozen=True)
class JournalExport:
    path: Path
    rows: int
    sha256: str
    hmac_sha256: str | None
    journal_link: str  # the chain's latest link when it was made


def export_journal(shop, path, *, key: str | None = None, wanted: JournalFilter | None = None) -> JournalExport:
    """Write the journal to ``path`` (oldest first) with its checksum file,
    and its HMAC file when ``key`` is given (at least 8 characters)."""
    path = Path(path)
    if key is not None and len(key) < 8:
        raise InvalidCommand(N_("A signing key needs at least 8 characters."))
    entries, before = [], None
    while True:
        page = shop.journal(wanted, before, PAGE)
        entries += page.entries
        if not page.more:
            break
        before = page.entries[-1].position
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(HEADER)
    for e in reversed(entries):
        writer.writerow((e.position, e.at, e.kind, e.who, e.approved_by or "", e.till, e.what, e.undone or ""))
    data = text.getvalue().encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    signature = hmac.new(key.encode("utf-8"), data, hashlib.sha256).hexdigest() if key is not None else None
    try:
        _write(path, data)
        _write(path.with_name(path.name + ".sha256"), f"{digest}  {path.name}\n".encode("ascii"))
        signed = path.with_name(path.name + ".hmac")
        if signature is not None:
            _write(signed, f"HMAC-SHA256 {signature}  {path.name}\n".encode("ascii"))
        else:
            signed.unlink(missing_ok=True)  # an old signature must not vouch for this file
    except OSError as exc:
        raise StorageError(
            N_(
                "The journal could not be written to {path}: {problem}.",
                path=str(path),
                problem=exc.strerror or str(exc),
            )
        ) from exc
    return JournalExport(path, len(entries), digest, signature, shop.journal_link())


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def signature_of(path, key: str) -> str:
    """The HMAC-SHA256 of the file at ``path`` with ``key`` (to check a ``.hmac`` file)."""
    return hmac.new(key.encode("utf-8"), Path(path).read_bytes(), hashlib.sha256).hexdigest()
