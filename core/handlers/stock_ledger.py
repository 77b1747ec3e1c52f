"""The stock ledger: one row per stock movement, written by every handler that
moves stock, in the same transaction as the move itself."""

from core.write_model.statements import INSERT_MOVEMENTS
from core.write_model.unit_of_work import UnitOfWork


def record_movements(uow: UnitOfWork, movements: list[dict], *, later: bool = False) -> None:
    """Each movement: product_id, kind (a MovementKind), quantity (signed), stock_after, and
    optionally reason, note, order_id. ``later``: sent with the COMMIT's
    first round trip (``UnitOfWork.write_later``), when nothing in the
    transaction reads the ledger after."""
    if not movements:
        return
    at, staff_id = uow.now(), uow.who.staff_id
    write = uow.write_later if later else (lambda statement, rows: statement.many(uow.conn, rows))
    write(
        INSERT_MOVEMENTS,
        [
            {"at": at, "reason": None, "note": None, "order_id": None, "staff_id": staff_id, **movement}
            for movement in movements
        ],
    )
