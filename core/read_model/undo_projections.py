"""Which events were undone (and redone): one document per undone event's
outbox position, so every history can say "Undone by ... at ...". Built
by the appliers from ActionUndone / ActionRedone, and by a rebuild from the
write model's ``undo_link`` rows: the same documents either way."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.messages.events import ActionRedone, ActionUndone
from core.read_model.changes import ChangeCollector
from core.write_model.reading import StoredEvent

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from core.messages.events import Event
    from core.read_model.projector import ReadModel

UNDO_LINKS = "undo_links"


def link_doc(undone_at: str, undone_by: int, till: str, redone_at: str | None) -> dict:
    return {"undone_at": undone_at, "undone_by": undone_by, "till": till, "redone_at": redone_at}


def action_undone(rm: ReadModel, e: ActionUndone, origin: StoredEvent, changes: ChangeCollector) -> None:
    doc = link_doc(origin.recorded_at, origin.staff_id, origin.till, None)
    rm.documents.put(UNDO_LINKS, e.undone_position, doc)
    rm.undo_links[e.undone_position] = doc


def action_redone(rm: ReadModel, e: ActionRedone, origin: StoredEvent, changes: ChangeCollector) -> None:
    old = rm.undo_links.get(e.redone_position)
    if old is None:
        raise KeyError(f"undo of {e.redone_position}")  # never seen: the projector rebuilds
    doc = {**old, "redone_at": origin.recorded_at}
    rm.documents.put(UNDO_LINKS, e.redone_position, doc)
    rm.undo_links[e.redone_position] = doc


def documents_from_snapshot(snap) -> Iterator[tuple[str, int, dict]]:
    for row in snap.undo_links:
        yield UNDO_LINKS, row["position"], link_doc(row["undone_at"], row["undone_by"], row["till"], row["redone_at"])


def index_tables(rm: ReadModel, tables: dict) -> None:
    rm.undo_links = {int(doc_id): doc for doc_id, doc in tables.get(UNDO_LINKS, {}).items()}


APPLIERS: dict[type[Event], Callable[..., None]] = {
    ActionUndone: action_undone,
    ActionRedone: action_redone,
}
