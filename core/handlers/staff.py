"""Handlers for staff: add one, change one, and check a PIN at sign-in.

A PIN is kept only as a salted slow hash (core/domain/pins.py) and never
leaves the ``staff`` table: no event, result or log line carries it or its
hash. Wrong PINs are counted per till in ``sign_in_lock``; SignIn commits
that count even when the PIN is wrong (it returns a refusal instead of
raising, and ``Shop.sign_in`` raises after the commit), so a restart does
not clear a pause.
"""

from datetime import datetime, timedelta

from sqlalchemy import insert, select, update

from core.domain import staff as staff_rules
from core.domain import validation as valid
from core.domain.command_values import shown
from core.domain.pins import hash_pin, pin_matches
from core.domain.staff import MAX_PIN_FAILURES, PIN_PAUSE_SECONDS, Role
from core.errors import InvalidCommand, NotAllowed, UnknownStaff
from core.handlers.permissions import StaffRow, acting_role, roster
from core.i18n import N_
from core.messages.commands import AddStaff, SignIn, UpdateStaff
from core.messages.events import StaffAdded, StaffUpdated
from core.results import SignedIn, SignInOutcome
from core.write_model.schema import sign_in_lock, staff
from core.write_model.unit_of_work import UnitOfWork, inserted_id

_PERSON = select(staff.c.id, staff.c.name, staff.c.role, staff.c.active, staff.c.pin_hash)
_LOCK = select(sign_in_lock.c.failures, sign_in_lock.c.locked_until)


def _active(value) -> bool:
    if type(value) is not bool:
        raise InvalidCommand(N_("Active must be yes or no, not {value}.", value=shown(value)))
    return value


def _check_name_free(staff_rows: dict[int, StaffRow], name: str, staff_id: int | None = None) -> None:
    """Sign-in lists people by name: two of one name could not be told apart."""
    folded = name.casefold()
    for row in staff_rows.values():
        if row.id != staff_id and row.name.casefold() == folded:
            raise InvalidCommand(N_('Another staff member is already called "{name}".', name=row.name))


def add_staff(command: AddStaff, uow: UnitOfWork) -> int:
    name = valid.name(command.name, N_("Staff name"))
    role = staff_rules.role(command.role)
    pin = staff_rules.pin(command.pin)
    staff_rows = roster(uow)
    if not staff_rows and role != Role.OWNER:
        raise InvalidCommand(N_("The first staff member must be an owner, who can then add everyone else."))
    if role == Role.OWNER and acting_role(uow) != Role.OWNER:
        raise NotAllowed(N_("Only an owner can add an owner."))
    _check_name_free(staff_rows, name)
    added_at = uow.now()
    staff_id = inserted_id(
        uow.conn.execute(
            insert(staff).values(name=name, role=role.value, pin_hash=hash_pin(pin), active=True, added_at=added_at)
        )
    )
    uow.record(StaffAdded(staff_id=staff_id, name=name, role=role.value, active=True, added_at=added_at))
    return staff_id


def update_staff(command: UpdateStaff, uow: UnitOfWork) -> None:
    staff_id = valid.identifier(command.staff_id, N_("Staff number"))
    staff_rows = roster(uow)
    old = staff_rows.get(staff_id)
    if old is None:
        raise UnknownStaff(N_("There is no staff member number {staff_id}.", staff_id=staff_id))
    name = valid.name(command.name, N_("Staff name"))
    role = staff_rules.role(command.role)
    active = _active(command.active)
    pin = None if command.pin is None else staff_rules.pin(command.pin)
    if acting_role(uow) != Role.OWNER:
        if old.role == Role.OWNER:
            raise NotAllowed(N_("Only an owner can change {name}'s details: {name} is an owner.", name=old.name))
        if role == Role.OWNER:
            raise NotAllowed(N_("Only an owner can make someone an owner."))
    if old.role == Role.OWNER and old.active and (role != Role.OWNER or not active):
        if not any(r.role == Role.OWNER and r.active for r in staff_rows.values() if r.id != staff_id):
            raise InvalidCommand(
                N_("{name} is the shop's last owner: make someone else an owner first.", name=old.name)
            )
    _check_name_free(staff_rows, name, staff_id)
    values: dict = {"name": name, "role": role.value, "active": active}
    if pin is not None:
        values["pin_hash"] = hash_pin(pin)
    uow.conn.execute(update(staff).where(staff.c.id == staff_id).values(**values))
    uow.record(StaffUpdated(staff_id=staff_id, name=name, role=role.value, active=active, pin_changed=pin is not None))


def _set_lock(uow: UnitOfWork, till: str, failures: int, locked_until: str | None) -> None:
    values = {"failures": failures, "locked_until": locked_until}
    if uow.conn.execute(update(sign_in_lock).where(sign_in_lock.c.till == till).values(**values)).rowcount == 0:
        uow.conn.execute(insert(sign_in_lock).values(till=till, **values))


def sign_in(command: SignIn, uow: UnitOfWork) -> SignInOutcome:
    """The person if ``pin`` is theirs; else the wrong PIN is counted at this
    till (``uow.who.till``), and the fifth in a row pauses sign-in there for
    PIN_PAUSE_SECONDS. While paused no PIN is checked. Only this person's
    PIN is compared, never anyone else's."""
    staff_id = valid.identifier(command.staff_id, N_("Staff number"))
    pin = staff_rules.pin(command.pin)  # not a PIN at all: refused, not counted
    till, now_text = uow.who.till, uow.now()
    now = datetime.fromisoformat(now_text)
    lock = uow.conn.execute(_LOCK.where(sign_in_lock.c.till == till)).first()
    failures, locked_until = (lock.failures, lock.locked_until) if lock is not None else (0, None)
    if locked_until is not None:
        left = (datetime.fromisoformat(locked_until) - now).total_seconds()
        # More than a whole pause left: the clock was put back; the pause is over.
        if 0 < left <= PIN_PAUSE_SECONDS:
            return SignInOutcome(None, 0, int(left) + (left % 1 > 0))
    person = uow.conn.execute(_PERSON.where(staff.c.id == staff_id)).first()
    if person is None:
        raise UnknownStaff(N_("There is no staff member number {staff_id}.", staff_id=staff_id))
    if not person.active:
        raise NotAllowed(N_("{name} can no longer sign in.", name=person.name))
    if pin_matches(pin, person.pin_hash):
        if failures or locked_until is not None:
            _set_lock(uow, till, 0, None)
        return SignInOutcome(SignedIn(person.id, person.name, person.role), MAX_PIN_FAILURES)
    failures += 1
    if failures >= MAX_PIN_FAILURES:
        until = (now + timedelta(seconds=PIN_PAUSE_SECONDS)).isoformat(timespec="seconds")
        _set_lock(uow, till, 0, until)
        return SignInOutcome(None, 0, PIN_PAUSE_SECONDS)
    _set_lock(uow, till, failures, None)
    return SignInOutcome(None, MAX_PIN_FAILURES - failures)
