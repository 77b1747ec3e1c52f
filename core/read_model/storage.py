"""A TinyDB storage that keeps every table in its own file, written atomically.

Why not TinyDB's JSONStorage: it rewrites the whole database in place on every
write, so a crash mid-write corrupts it, and the cost of one write grows with
the catalog. Here the database lives in memory; ``flush`` writes only the
tables whose contents changed since the last flush, each to a temp file that is
fsynced and then renamed over the old one, and last a ``meta.json`` naming the
tables and the outbox position (checkpoint) they are complete up to. Every
table file carries that checkpoint too, in the same write as its documents.

A crash between two file replacements leaves tables newer than ``meta.json``;
that is safe because projecting events is idempotent and catch-up replays from
meta's checkpoint, in order, converging on the same documents.

A table file can also be *older* than meta expects: two tills share this
folder, and a slower one may replace a file with its older copy after the
other has saved a newer one (and later written meta without touching that
file again). So meta also records the checkpoint each table file was written
at, and ``load`` replays from the oldest file that is behind its record.

Fast path: lazy tables (``lazy_prefixes``; switch ``FastPaths.lazy_history``,
core/fast_paths.py; design note docs/adr/0004-lazy-history.md). Some tables
(the stock history: every product's movements, most of the bytes on disk)
are read only when first needed. ``load`` reads just the start of
such a file -- the writer puts schema, table and checkpoint before the
documents -- which is enough for the older-copy check above; the documents are
parsed by ``table``/``get``/``ensure_loaded``, which raise CorruptReadModel if
the file turns out damaged then. A table never loaded is clean: it is neither
rewritten nor deleted, and meta keeps naming it with its checkpoint. A change
to such a table (``edit``: a sale appending to a product's stock history) is
kept and made when the file is parsed: by a query, or by the next ``flush``,
which runs after the window has repainted; the sale itself parses nothing.
With no ``lazy_prefixes`` (the plain way) every table is parsed by ``load``
and every ``edit`` is made at once.

The manifest is in two parts, so that what a save writes does not grow with
the years (docs/adr/0006-years-of-orders.md): a base file
(``meta_base_<checkpoint>_<pid>.json``) naming every table with the checkpoint
its file was written at, written again only when the changes since it pile
up, and ``meta.json``, written on every save, naming the base, the tables
written since it and the ones removed since it. ``meta.json`` is the one
that counts: a base it does not name is litter, a base it names that is
missing makes the read model damaged (rebuilt), never silently trusted.
"""

import os
import re
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tinydb.storages import Storage

from core import json_codec

META_FILE = "meta.json"
_BASE_NAME = re.compile(r"^meta_base_[0-9]+_[0-9]+\.json$")
# A new base once this many tables were written or removed since the last
# one: meta.json stays a few dozen KB, and a base is written every few weeks
# of a busy shop's trading.
REBASE_AFTER = 512
_SAFE_NAME = re.compile(r"^[A-Za-z0-9_.-]+$")
# How ``flush`` starts every table file (``_dumps`` keeps the key order).
_HEADER = re.compile(rb'^\{"schema":(-?[0-9]+),"table":"([A-Za-z0-9_.-]+)","checkpoint":(-?[0-9]+),"documents":\{')
_HEADER_BYTES = 256


class CorruptReadModel(Exception):
    """The read-model files are missing, unparsable or of another schema."""


def _write_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


# From this many files on, a flush (a rebuild, a long catch-up) writes them
# all first and fsyncs them on a few threads while the next one is encoded:
# fsync waits on the disk with the GIL released, and concurrent fsyncs share
# journal commits. Each file is still fsynced before it replaces the old one.
PARALLEL_WRITES_FROM = 8
_FSYNC_THREADS = 4


def _fsync_and_close(f) -> None:
    try:
        f.flush()
        os.fsync(f.fileno())
    finally:
        f.close()


def _write_all_atomically(items) -> list[Path]:
    """``_write_atomically`` for each ``(path, data)``; returns the paths
    written. Nothing is renamed unless every file was written and fsynced."""
    pending = []
    try:
        with ThreadPoolExecutor(max_workers=_FSYNC_THREADS) as pool:
            for path, data in items:
                tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
                f = open(tmp, "wb")
                try:
                    f.write(data)
                except BaseException:
                    f.close()
                    raise
                pending.append((path, tmp, pool.submit(_fsync_and_close, f)))
            for _path, _tmp, done in pending:
                done.result()
    except BaseException:
        for _path, tmp, _done in pending:
            try:
                tmp.unlink()
            except OSError:
                pass
        raise
    for path, tmp, _done in pending:
        os.replace(tmp, path)
    return [path for path, _tmp, _done in pending]


def _fsync_dir(folder: Path) -> None:
    # Makes the renames themselves durable (POSIX); not possible on Windows.
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


_dumps = json_codec.dumps


class ShardedJSONStorage(Storage):
    """In-memory TinyDB storage persisted as one JSON file per table.

    Tables change in two ways. Through TinyDB: it hands ``write`` a dict whose
    changed tables are new dict objects, so such a table is dirty when its
    object is not the one we last flushed. Or in place, by the projector (a
    TinyDB ``update`` copies the whole table twice per call; editing the
    documents directly and saying so with ``touch`` costs nothing): such a
    table is dirty when it was touched since the last flush.
    """

    def __init__(self, folder, schema_version: int, lazy_prefixes: tuple[str, ...] = ()):
        self.folder = Path(folder)
        self.schema_version = schema_version
        # Fast path: tables whose name starts so are parsed when first needed.
        self.lazy_prefixes = tuple(lazy_prefixes)
        # Tables named by meta whose file is not parsed yet: name -> the
        # checkpoint its header gave at load. Never in ``_tables``.
        self._lazy: dict[str, int] = {}
        # Changes to tables in ``_lazy``, in order, made when they are parsed.
        self._deferred: dict[str, list[Callable[[dict], bool]]] = {}
        self._tables: dict[str, dict] = {}
        self._flushed: dict[str, dict] = {}
        self._touched: set[str] = set()  # changed in place since the last flush
        self._written_at: dict[str, int] = {}  # checkpoint of each table's file
        # names(prefix) as last listed; emptied whenever a table comes or goes.
        self._names: dict[str, list[str]] = {}
        self.checkpoint = 0
        # [position, journal link] of the last event the saved documents hold
        # (the projector's; None when not known), kept in meta.json.
        self.last_event: list | None = None
        self._forget_base()
        # Held from a flush's first half to the end of its writes: one writer
        # of the folder at a time, and nothing reloads or resets under it.
        self._disk = threading.Lock()

    def _forget_base(self) -> None:
        """The next flush writes a new base manifest naming every table."""
        self._base: str | None = None  # the base file meta.json names
        self._in_base: frozenset[str] = frozenset()
        self._since_base: dict[str, int] = {}  # written since the base: checkpoint
        self._removed_since_base: set[str] = set()  # named by the base, gone since

    # -- TinyDB's Storage interface ------------------------------------------
    def read(self):
        return self._tables

    def write(self, data) -> None:
        for name in self._lazy.keys() & data.keys():
            del self._lazy[name]  # written through TinyDB without loading it first
            self._deferred.pop(name, None)
        self._tables = data
        self._names.clear()

    def close(self) -> None:
        pass

    # -- in-place edits (the projector) ------------------------------------------
    def table(self, name: str) -> dict:
        """The documents of table ``name`` (created empty if missing), keyed by
        ``str(doc_id)`` as TinyDB keeps them. Call ``touch`` after changing it."""
        table = self._tables.get(name)
        if table is None:
            if name in self._lazy:
                return self._load_lazy(name)
            table = self._tables[name] = {}
            self._names.clear()
        return table

    def get(self, name: str) -> dict | None:
        """The documents of table ``name``, or None if there is no such table
        (read from its file first if not loaded yet)."""
        table = self._tables.get(name)
        if table is None and name in self._lazy:
            table = self._load_lazy(name)
        return table

    def ensure_loaded(self, name: str) -> None:
        """Parse table ``name``'s file now if it was left for later (before
        reading it through TinyDB). Raises CorruptReadModel if it is damaged."""
        if name in self._lazy:
            self._load_lazy(name)

    def load_all(self) -> dict[str, dict]:
        """Every table, the deferred ones parsed now."""
        for name in list(self._lazy):
            self._load_lazy(name)
        return self._tables

    def names(self, prefix: str) -> list[str]:
        """The names of the tables starting with ``prefix`` (loaded or not), sorted."""
        found = self._names.get(prefix)
        if found is None:
            # A product's stock history asks after every sale; a year of
            # trading leaves thousands of tables to look through.
            found = self._names[prefix] = sorted(
                name for name in self._tables.keys() | self._lazy.keys() if name.startswith(prefix)
            )
        return list(found)

    @property
    def has_deferred_edits(self) -> bool:
        """True while an ``edit`` waits for its table to be parsed."""
        return bool(self._deferred)

    @property
    def unloaded(self) -> frozenset[str]:
        """The tables whose file is not parsed yet."""
        return frozenset(self._lazy)

    def edit(self, name: str, change: Callable[[dict], bool]) -> None:
        """Change table ``name``'s documents in place: ``change(documents)``
        returns True if it changed anything (then the table is written at the
        next flush). For a table whose file is not parsed yet, the change is
        made when it is -- at the latest by the next flush -- so that a
        command never waits for a file it only adds to."""
        if self._tables.get(name) is None and name in self._lazy:
            self._deferred.setdefault(name, []).append(change)
        elif change(self.table(name)):
            self._touched.add(name)

    def touch(self, name: str) -> None:
        """Table ``name`` was changed in place: write it at the next flush."""
        self._touched.add(name)

    def replace_all(self, tables: dict[str, dict]) -> None:
        """Every table at once (a rebuild): all are written at the next flush."""
        with self._disk:
            self._replace_all(tables)

    def _replace_all(self, tables: dict[str, dict]) -> None:
        self._tables = tables
        self._touched = set(tables)
        self._lazy = {}
        self._names.clear()
        self._deferred = {}
        self._forget_base()  # the base may name tables the rebuild drops

    # -- persistence -----------------------------------------------------------
    def load(self) -> None:
        """Read every table named by the manifest; raise CorruptReadModel if any
        file is missing, unparsable or of another schema version."""
        with self._disk:
            self._load()

    def _load(self) -> None:
        try:
            meta = json_codec.loads((self.folder / META_FILE).read_bytes())
            if meta.get("schema") != self.schema_version:
                raise CorruptReadModel(f"schema {meta.get('schema')!r}, expected {self.schema_version}")
            checkpoint = meta["checkpoint"]
            if type(checkpoint) is not int or checkpoint < 0:
                raise CorruptReadModel(f"bad checkpoint {checkpoint!r}")
            base, in_base, expected, since_base, removed = self._manifest(meta)
            tables, written_at, lazy = {}, {}, {}
            for name in expected:
                if not _SAFE_NAME.match(name):
                    raise CorruptReadModel(f"bad table name {name!r}")
                header = self._header(name) if name.startswith(self.lazy_prefixes) else None
                if header is not None:  # parsed when first needed
                    lazy[name] = written_at[name] = header
                else:
                    tables[name], written_at[name] = self._read_table(name)
                if written_at[name] < expected[name]:
                    # An older copy than the manifest's: replay from its checkpoint.
                    checkpoint = min(checkpoint, written_at[name])
        except CorruptReadModel:
            raise
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise CorruptReadModel(str(exc)) from exc
        self._tables = tables
        self._flushed = dict(tables)
        self._touched = set()
        self._written_at = written_at
        self._lazy = lazy
        self._names.clear()
        self._deferred = {}
        self.checkpoint = checkpoint
        self.last_event = meta.get("last_event")
        self._base, self._in_base = base, in_base
        self._since_base, self._removed_since_base = since_base, removed

    def _manifest(self, meta: dict) -> tuple[str | None, frozenset[str], dict[str, int], dict[str, int], set[str]]:
        """(base file, names in it, every table -> the checkpoint its file should
        have, written since the base, removed since the base) from meta.json."""
        if "tables" in meta:
            # One file naming everything, as releases before the base wrote it
            # ("written_at" missing in the first one: trusted as it was then).
            recorded = meta.get("written_at", {})
            expected = {name: recorded.get(name, 0) for name in meta["tables"]}
            return None, frozenset(), expected, dict(expected), set()
        base = meta["base"]
        if not isinstance(base, str) or not _BASE_NAME.match(base):
            raise CorruptReadModel(f"bad base manifest name {base!r}")
        based = json_codec.loads((self.folder / base).read_bytes())
        if based.get("schema") != self.schema_version or not isinstance(based["written_at"], dict):
            raise CorruptReadModel(f"base manifest {base} does not match")
        expected = dict(based["written_at"])
        in_base = frozenset(expected)
        removed = set(meta["removed"])
        for name in removed:
            expected.pop(name, None)
        since_base = meta["written_at"]
        if not isinstance(since_base, dict):
            raise CorruptReadModel("meta.json's tables written since the base are not a mapping")
        expected.update(since_base)
        if any(type(at) is not int for at in expected.values()):
            raise CorruptReadModel("a table's checkpoint in the manifest is not a number")
        return base, in_base, expected, dict(since_base), removed

    def _read_table(self, name: str) -> tuple[dict, int]:
        """(documents, checkpoint) of a table file; raises what ``load`` catches."""
        doc = json_codec.loads((self.folder / f"{name}.json").read_bytes())
        if doc.get("schema") != self.schema_version or doc.get("table") != name:
            raise CorruptReadModel(f"table file {name} does not match")
        if not isinstance(doc["documents"], dict):
            raise CorruptReadModel(f"table file {name} has no documents")
        if type(doc["checkpoint"]) is not int:
            raise CorruptReadModel(f"table file {name} has a bad checkpoint")
        return doc["documents"], doc["checkpoint"]

    def _header(self, name: str) -> int | None:
        """The checkpoint at the start of table ``name``'s file, if the file
        starts as ``flush`` writes it for this schema; None if it does not (then
        ``load`` parses it whole and judges). Raises OSError if it is missing."""
        # os.open/os.read: a year of trading leaves thousands of these files,
        # and a Python file object costs more than the read itself.
        fd = os.open(os.path.join(self.folder, f"{name}.json"), os.O_RDONLY)
        try:
            found = _HEADER.match(os.read(fd, _HEADER_BYTES))
        finally:
            os.close(fd)
        if found is None or int(found[1]) != self.schema_version or found[2].decode() != name:
            return None
        return int(found[3])

    def _load_lazy(self, name: str) -> dict:
        try:
            documents, checkpoint = self._read_table(name)
        except CorruptReadModel:
            raise
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise CorruptReadModel(f"table file {name}: {exc}") from exc
        if checkpoint < self._lazy[name]:
            # Replaced by an older copy since load: its missing events were
            # not replayed (load judged the newer copy). Not to be trusted.
            raise CorruptReadModel(f"table file {name} went back to checkpoint {checkpoint}")
        del self._lazy[name]
        # Exactly what is on disk: clean until changed.
        self._tables[name] = self._flushed[name] = documents
        self._written_at[name] = checkpoint
        changed = False
        try:
            for change in self._deferred.pop(name, ()):
                changed = change(documents) or changed
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
            raise CorruptReadModel(f"table file {name}: unexpected document: {exc!r}") from exc
        if changed:
            self._touched.add(name)
        return documents

    def reset(self) -> None:
        """Forget everything in memory (before a rebuild)."""
        with self._disk:
            self._reset()

    def _reset(self) -> None:
        self._lazy = {}
        self._deferred = {}
        self._tables = {}
        self._names.clear()
        self._flushed = {}
        self._touched = set()
        self._written_at = {}
        self.checkpoint = 0
        self.last_event = None
        self._forget_base()

    def _changed(self, name: str, table: dict) -> bool:
        return name in self._touched or self._flushed.get(name) is not table

    def is_dirty(self, checkpoint: int) -> bool:
        return (
            checkpoint != self.checkpoint
            or any(self._changed(name, table) for name, table in self._tables.items())
            or self._flushed.keys() != self._tables.keys()
        )

    def flush(self, checkpoint: int, last_event: list | None = None) -> None:
        """Persist changed tables, then meta.json with ``checkpoint`` (and
        ``last_event``, what the documents were made up to), all under the
        caller's lock. Raises CorruptReadModel, having written nothing, if a
        table parsed now to make its deferred changes turns out damaged."""
        write = self._begin_flush(checkpoint, last_event, encode_now=False)
        if write is not None:
            write()

    def begin_flush(self, checkpoint: int, last_event: list | None = None) -> Callable[[], None] | None:
        """``flush`` in two halves, so that commands need not wait for the
        disk. This half (under the caller's lock) encodes the changed tables
        and the manifest as they are now; the call it returns (None: nothing
        to write) writes and fsyncs them, and needs no lock: documents changed
        meanwhile are written by the next flush. The call must be made: the
        next flush, load or reset waits until it has returned. If it raises
        (OSError), what it was to write is written by the next flush."""
        return self._begin_flush(checkpoint, last_event, encode_now=True)

    def _begin_flush(self, checkpoint: int, last_event: list | None, encode_now: bool) -> Callable[[], None] | None:
        self._disk.acquire()  # released by the write, or below
        try:
            for name in list(self._deferred):
                self._load_lazy(name)
            if not self.is_dirty(checkpoint):
                self._disk.release()
                return None
            changed = [name for name, table in self._tables.items() if self._changed(name, table)]
            for name in changed:
                if not _SAFE_NAME.match(name):
                    raise ValueError(f"unsafe table name {name!r}")
            removed = list(self._flushed.keys() - self._tables.keys())
            tables = self._tables
            schema, folder = self.schema_version, self.folder

            def table_file(name):
                documents = {"schema": schema, "table": name, "checkpoint": checkpoint, "documents": tables[name]}
                return folder / f"{name}.json", _dumps(documents)

            # A rebuild's flush (under the lock throughout) encodes each table
            # as the one before it is fsynced, never all of them in memory at once.
            files = [table_file(name) for name in changed] if encode_now else map(table_file, changed)
            for name in changed:
                self._written_at[name] = self._since_base[name] = checkpoint
                self._removed_since_base.discard(name)
            for name in removed:
                self._since_base.pop(name, None)
                if name in self._in_base:
                    self._removed_since_base.add(name)
            old_base = self._base
            manifest = self._encode_manifest(checkpoint, last_event)
            new_base = self._base
            self._flushed = dict(self._tables)
            self._touched = set()
        except BaseException:
            self._disk.release()
            raise

        def write() -> None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
                if len(changed) >= PARALLEL_WRITES_FROM:
                    _write_all_atomically(files)
                else:
                    for path, data in files:
                        _write_atomically(path, data)
                for name in removed:
                    (folder / f"{name}.json").unlink(missing_ok=True)
                for path, data in manifest:
                    _write_atomically(path, data)
                if old_base is not None and old_base != new_base:
                    _fsync_dir(folder)  # the new manifest is durable before the old base goes
                    (folder / old_base).unlink(missing_ok=True)
                _fsync_dir(folder)
                self.checkpoint, self.last_event = checkpoint, last_event
            except BaseException:
                self._touched.update(changed)  # written again by the next flush
                for name in removed:
                    self._flushed.setdefault(name, {})  # and removed again
                self._forget_base()
                raise
            finally:
                self._disk.release()

        return write

    def _encode_manifest(self, checkpoint: int, last_event: list | None) -> list[tuple[Path, bytes]]:
        """meta.json (and first a new base, when due) for the tables as they are."""
        files = []
        if (
            self._base is None
            or len(self._since_base) + len(self._removed_since_base) > REBASE_AFTER
            or not (self.folder / self._base).exists()  # another till's flush removed it
        ):
            names = sorted(self._tables.keys() | self._lazy.keys())
            base = f"meta_base_{checkpoint}_{os.getpid()}.json"
            written_at = {name: self._written_at.get(name, 0) for name in names}
            files.append((self.folder / base, _dumps({"schema": self.schema_version, "written_at": written_at})))
            self._base, self._in_base = base, frozenset(names)
            self._since_base, self._removed_since_base = {}, set()
        meta = {
            "schema": self.schema_version,
            "checkpoint": checkpoint,
            "base": self._base,
            "written_at": dict(sorted(self._since_base.items())),
            "removed": sorted(self._removed_since_base),
            "last_event": last_event,
        }
        files.append((self.folder / META_FILE, _dumps(meta)))
        return files

    def manifest_files(self) -> tuple[str, ...]:
        """The manifest's files as they are now: meta.json and its base."""
        return (META_FILE, self._base) if self._base else (META_FILE,)

    def remove_unlisted_files(self) -> None:
        """Delete table files no longer named by meta (left by a rebuild)."""
        with self._disk:
            self._remove_unlisted_files()

    def _remove_unlisted_files(self) -> None:
        keep = {f"{name}.json" for name in self._tables.keys() | self._lazy.keys()} | set(self.manifest_files())
        for path in self.folder.glob("*.json"):
            if path.name not in keep:
                path.unlink(missing_ok=True)
        # Temp files of a process that died mid-write; a live writer's temp
        # file exists for milliseconds, so anything a minute old is litter.
        stale_before = time.time() - 60
        for path in self.folder.glob(".*.tmp"):
            try:
                if path.stat().st_mtime < stale_before:
                    path.unlink()
            except OSError:
                pass


def recorded_tables(folder: Path, schema_version: int) -> tuple[int, dict[str, int]]:
    """(checkpoint, every table -> the checkpoint its file was written at) as
    the manifest in ``folder`` records them: for tools and tests."""
    meta = json_codec.loads((Path(folder) / META_FILE).read_bytes())
    _base, _in_base, expected, _since, _removed = ShardedJSONStorage(folder, schema_version)._manifest(meta)
    return meta["checkpoint"], expected
