"""Who may send a command: checked by the dispatcher inside the command's
unit of work, before its handler, on the write model's staff rows (never on
what a window greys out). The rules by role are in core/domain/permissions.py.

A shop without staff is run by its owner (``Who``'s default): everything
is allowed, exactly as before staff existed. Once it has staff, every
command but SignIn needs an active staff member signed in, whose role (or
whose approving manager's) allows it.
"""

from typing import NamedTuple

from sqlalchemy import select

from core.domain.permissions import WITHOUT_SIGN_IN, may, refusal
from core.domain.staff import Role, at_least
from core.errors import NotAllowed, SignInFirst
from core.i18n import N_
from core.write_model.schema import staff
from core.write_model.unit_of_work import UnitOfWork


class StaffRow(NamedTuple):
    id: int
    name: str
    role: str
    active: bool


_ROSTER = select(staff.c.id, staff.c.name, staff.c.role, staff.c.active).order_by(staff.c.id)


def roster(uow: UnitOfWork) -> dict[int, StaffRow]:
    """Every staff member by id (no PIN hashes). Kept between commands by the
    dispatcher's cache: StaffAdded and StaffUpdated empty it, as does a commit
    by another till."""
    return uow.cached("staff", lambda: {row.id: StaffRow(*row) for row in uow.conn.execute(_ROSTER)})


def authorize(command, uow: UnitOfWork) -> None:
    """Raise SignInFirst or NotAllowed, having changed nothing, unless
    ``uow.who`` may send ``command``. Sets ``uow.who.staff_name`` to the
    signed-in person's name as the write model has it now."""
    staff_rows = roster(uow)
    if not staff_rows:
        return  # the shop's owner, before it has staff
    name = type(command).__name__
    if name in WITHOUT_SIGN_IN:
        return
    who = uow.who
    me = staff_rows.get(who.staff_id)
    if me is None:
        raise SignInFirst(N_("Sign in first: once a shop has staff, each of them signs in to use it."))
    if not me.active:
        raise SignInFirst(N_("{name} can no longer sign in: sign in as someone else.", name=me.name))
    who.staff_name = me.name
    role = me.role
    if who.approved_by is not None:
        approver = staff_rows.get(who.approved_by)
        if approver is None or not approver.active:
            raise NotAllowed(N_("Only an active manager or owner can approve this."))
        if not at_least(approver.role, Role.MANAGER):
            raise NotAllowed(N_("{name} is a cashier and cannot approve this: ask a manager.", name=approver.name))
        role = _higher(role, approver.role)
    if not may(role, name):
        raise NotAllowed(refusal(name))


def acting_role(uow: UnitOfWork) -> Role:
    """The highest role of who sends the command and who approved it: the
    owner's in a shop without staff."""
    staff_rows = roster(uow)
    if not staff_rows:
        return Role.OWNER
    who = uow.who
    best = Role.CASHIER
    for staff_id in (who.staff_id, who.approved_by):
        row = staff_rows.get(staff_id) if staff_id is not None else None
        if row is not None and at_least(row.role, best):
            best = Role(row.role)
    return best


def _higher(a: str, b: str) -> str:
    return b if at_least(b, Role(a)) else a
