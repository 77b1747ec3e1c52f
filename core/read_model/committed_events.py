"""Fast path: a command's own events go to the projector as they were stored.

Switch: ``FastPaths.committed_events`` (core/fast_paths.py); ``Shop.dispatch``
hands the events over only when it is on. Design note, with the measured
gain and what guards it: docs/adr/0003-committed-events.md.

After a command, the read model must apply every event after its checkpoint.
The plain way reads them back from the outbox. But the unit of work has just
written this command's events itself and knows them exactly as a reader of
the outbox would get them (positions by ``INSERT ... RETURNING``, payloads
parsed back from the JSON written). When they directly follow the
checkpoint, nobody else's event came in between, and they can be applied as
they are. Another till's event stored after them is read by the next
catch-up, as if it had come a moment later.
"""

from collections.abc import Sequence

from core.write_model.reading import StoredEvent


def follow_checkpoint(committed: Sequence[StoredEvent], checkpoint: int, most: int) -> bool:
    """True if ``committed`` (this process's command's events, in order) can
    be applied instead of reading the outbox after ``checkpoint``: they start
    right after it, and there are no more than ``most`` (past that a rebuild
    may be the better way, which only the plain path decides)."""
    return bool(committed) and committed[0].position == checkpoint + 1 and len(committed) <= most
