"""The switchboard of the core's fast paths: one flag per mechanism.

A fast path is a shortcut taken for speed where a plain way gives the same
result: the same rows, the same events, the same answers, the same files.
Each is fenced in a module of its own, named in its flag's comment below, and
has a design note in docs/adr/ (what, why, the measured gain, what guards
it). All are on by default; ``open_shop(..., fast_paths=FastPaths.all_off())``
runs the plain way everywhere, and tests/integration/test_fast_paths.py
proves that every single one off, and all off, change no result.
"""

from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class FastPaths:
    # A sale's statements run straight on the driver's cursor (compiled once
    # by SQLAlchemy) instead of through Connection.execute.
    # core/write_model/direct.py; docs/adr/0001-direct-sql.md
    direct_sql: bool = True
    # The dispatcher keeps its thread's connection open between commands, and
    # the settings and category tax tree read on it.
    # core/write_model/command_cache.py; docs/adr/0002-dispatcher-cache.md
    dispatcher_cache: bool = True
    # A command's events, as just stored, go to the projector instead of
    # being read back from the outbox.
    # core/read_model/committed_events.py; docs/adr/0003-committed-events.md
    committed_events: bool = True
    # Stock-history tables of the read model are parsed when first needed,
    # and appends to unparsed ones wait for that.
    # core/read_model/storage.py (lazy_prefixes); docs/adr/0004-lazy-history.md
    lazy_history: bool = True

    @classmethod
    def all_off(cls) -> "FastPaths":
        """Every mechanism the plain way."""
        return cls(**{f.name: False for f in fields(cls)})

    def without(self, name: str) -> "FastPaths":
        """These fast paths with the one called ``name`` turned off."""
        if name not in self.names():
            raise ValueError(f"no fast path called {name!r}")
        return replace(self, **{name: False})

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))


# The default everywhere: every fast path on.
ALL_ON = FastPaths()
