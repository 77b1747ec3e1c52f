"""The stock ledger: one row per stock movement, written by every handler that
moves stock, in the same transaction as the move itself."""

from core.write_model.statements import INSERT_MOVEMENTS
from core.write_model.unit_of_work import UnitOfWork


def record_movements(uow: UnitOfWork, movements: list[dict]) -> None:
    """Each movement: product_id, kind (a MovementKind), quantity (signed), stock_after, and
    optionally reason, note, order_id."""
    if not movements:
        return
    at, staff_id = uow.now(), uow.who.staff_id
    INSERT_MOVEMENTS.many(
        uow.conn,
        [
            {"at": at, "reason": None, "note": None, "order_id": None, "staff_id": staff_id, **movement}
            for movement in movements
        ],
    )
