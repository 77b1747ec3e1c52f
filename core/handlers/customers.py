"""Handlers for customers: add one, correct their details."""

import re

from sqlalchemy import insert, select, update

from core.domain import validation as valid
from core.domain.command_values import shown
from core.errors import InvalidCommand, UnknownCustomer
from core.i18n import N_
from core.messages.commands import AddCustomer, UpdateCustomer
from core.messages.events import CustomerAdded, CustomerUpdated
from core.write_model.schema import customer
from core.write_model.unit_of_work import UnitOfWork, inserted_id

MAX_PHONE_LENGTH = 32
MAX_EMAIL_LENGTH = 254
MAX_NOTE_LENGTH = 1000
_PHONE = re.compile(r"^\+?[0-9 ()\-.]+$")
# Deliberately loose: something@something.something, no spaces. Whether
# the address exists only an e-mail can tell.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")


def _optional_text(value, label: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidCommand(N_("{label} must be text, not {value}.", label=label, value=shown(value)))
    return value.strip() or None


def phone(value) -> str | None:
    value = _optional_text(value, N_("The phone number"))
    if value is None:
        return None
    value = " ".join(value.split())
    if len(value) > MAX_PHONE_LENGTH or not _PHONE.match(value) or sum(ch.isdigit() for ch in value) < 3:
        raise InvalidCommand(
            N_('The phone number "{value}" does not look right: use digits, spaces and + ( ) - only.', value=value[:40])
        )
    return value


def email(value) -> str | None:
    value = _optional_text(value, N_("The e-mail address"))
    if value is None:
        return None
    if len(value) > MAX_EMAIL_LENGTH or not _EMAIL.match(value):
        raise InvalidCommand(
            N_(
                'The e-mail address "{value}" does not look right: it should be like name@example.com.',
                value=value[:60],
            )
        )
    return value


def note(value) -> str | None:
    value = _optional_text(value, N_("The note"))
    if value is not None and len(value) > MAX_NOTE_LENGTH:
        raise InvalidCommand(
            N_("The note is too long (at most {MAX_NOTE_LENGTH} characters).", MAX_NOTE_LENGTH=MAX_NOTE_LENGTH)
        )
    return value


def _details(command) -> dict:
    return {
        "name": valid.name(command.name, N_("Customer name")),
        "phone": phone(command.phone),
        "email": email(command.email),
        "note": note(command.note),
    }


def require_customer(uow: UnitOfWork, customer_id, label: str = N_("Customer number")) -> int:
    customer_id = valid.identifier(customer_id, label)
    if uow.conn.execute(select(customer.c.id).where(customer.c.id == customer_id)).first() is None:
        raise UnknownCustomer(N_("There is no customer number {customer_id}.", customer_id=customer_id))
    return customer_id


def add_customer(command: AddCustomer, uow: UnitOfWork) -> int:
    details = _details(command)
    added_at = uow.now()
    customer_id = inserted_id(uow.conn.execute(insert(customer).values(**details, added_at=added_at)))
    uow.record(CustomerAdded(customer_id=customer_id, **details, added_at=added_at))
    return customer_id


def update_customer(command: UpdateCustomer, uow: UnitOfWork) -> None:
    customer_id = require_customer(uow, command.customer_id)
    details = _details(command)
    uow.conn.execute(update(customer).where(customer.c.id == customer_id).values(**details))
    uow.record(CustomerUpdated(customer_id=customer_id, **details))
