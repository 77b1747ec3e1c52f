"""How staff events change the read model: the staff documents, the staff
list GetStaff shows, and the names histories say who did what by
(``ReadModel.staff_names``).

Also the rebuild's staff documents from the write model's rows (which hold
no PIN hash: ``read_snapshot`` never selects it), and the index from the
documents. Each applier takes the read model, the event, the event as the
outbox stored it, and the collector of what changed (see catalog_projections).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.messages.events import StaffAdded, StaffUpdated
from core.messages.queries import StaffView
from core.read_model import documents as docs
from core.read_model.changes import ChangeCollector
from core.write_model.reading import StoredEvent

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from core.messages.events import Event
    from core.read_model.projector import ReadModel


def index_staff(rm: ReadModel, doc: dict) -> None:
    """Put one staff document into the read model's staff list and names. A
    new name drops the order details built so far: their histories say who."""
    staff_id, name = doc["id"], doc["name"]
    rm.staff[staff_id] = StaffView(staff_id, name, doc["role"], doc["active"])
    if rm.staff_names.get(staff_id) != name:
        rm.staff_names[staff_id] = name
        rm.orders.forget_details()


def _put_staff(rm: ReadModel, doc: dict, changes: ChangeCollector) -> None:
    rm.documents.put(docs.STAFF, doc["id"], doc)
    index_staff(rm, doc)
    changes.staff = True


def staff_added(rm: ReadModel, e: StaffAdded, origin: StoredEvent, changes: ChangeCollector) -> None:
    _put_staff(rm, docs.staff_doc(e.staff_id, e.name, e.role, e.active, e.added_at), changes)


def staff_updated(rm: ReadModel, e: StaffUpdated, origin: StoredEvent, changes: ChangeCollector) -> None:
    old = rm.documents.get(docs.STAFF, e.staff_id)
    if old is None:
        raise KeyError(f"staff {e.staff_id}")  # never seen: the projector rebuilds
    _put_staff(rm, docs.staff_doc(e.staff_id, e.name, e.role, e.active, old["added_at"]), changes)


def documents_from_snapshot(snap) -> Iterator[tuple[str, int, dict]]:
    """(table name, doc id, document) for every staff member."""
    for row in snap.staff:
        yield docs.STAFF, row["id"], docs.staff_doc(row["id"], row["name"], row["role"], row["active"], row["added_at"])


def index_tables(rm: ReadModel, tables: dict) -> None:
    """Fill the read model's staff list and names from raw documents."""
    for doc in tables.get(docs.STAFF, {}).values():
        index_staff(rm, doc)


APPLIERS: dict[type[Event], Callable[..., None]] = {
    StaffAdded: staff_added,
    StaffUpdated: staff_updated,
}
