"""Each command's request id, stored once by the transaction that carries the
command out, with the command's answer.

A till cannot always know whether its command was done: the connection may
break after the server committed and before the answer came back. Running
the command again could then take a payment, a delivery or a pay-in twice.
So every unit of work records its request id (``command_request``, unique)
in the same transaction: a command run again looks for its id first and,
finding it, answers as the first time did instead of doing it again
(core/dispatcher.py). Two transactions with one id can never both commit.
"""

import dataclasses
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Engine, bindparam, delete, insert, select
from sqlalchemy.exc import IntegrityError

from core import json_codec, results
from core.domain.order_lines import MAX_REQUEST_ID_LENGTH
from core.write_model.direct import Direct
from core.write_model.schema import command_request

INSERT_REQUEST = Direct(insert(command_request), columns=("request_id", "result", "recorded_at"))
_FIND = select(command_request.c.result).where(command_request.c.request_id == bindparam("request_id"))

# "Not found", as None is a result (most commands answer None).
MISSING = object()

# The classes a command's answer may be besides plain values, by name.
_RESULT_CLASSES = {
    cls.__name__: cls
    for cls in vars(results).values()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == results.__name__
}


def new_id() -> str:
    return uuid.uuid4().hex


def request_id_of(command) -> str:
    """The command's own request id when it carries a usable one (a form's
    PlaceOrder: the same id across a person's retries and across tills),
    else a new one for this dispatch."""
    given = getattr(command, "request_id", None)
    if isinstance(given, str) and given and len(given) <= MAX_REQUEST_ID_LENGTH and given.isprintable():
        return given
    return new_id()


def find(conn: Connection, request_id: str):
    """The stored answer (decoded) of the command that carried ``request_id``,
    or MISSING if none committed."""
    row = conn.execute(_FIND, {"request_id": request_id}).first()
    return MISSING if row is None else decode(row.result)


def is_duplicate(exc: BaseException) -> bool:
    """``exc`` says another transaction already stored this request id."""
    return isinstance(exc, IntegrityError) and command_request.name in str(getattr(exc, "orig", exc))


def encode(result) -> str | None:
    """The answer as JSON (None: nothing to keep, as the command answered None)."""
    if result is None:
        return None
    return json_codec.dumps_text(_plain(result))


def decode(text: str | None):
    return None if text is None else _typed(json_codec.loads(text))


def _plain(value):
    if value is None or isinstance(value, bool | int | str | float):
        return value
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    name = type(value).__name__
    if _RESULT_CLASSES.get(name) is type(value):
        return {"$": name, **{f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    raise TypeError(f"a command's answer of type {name} cannot be stored")


def _typed(value):
    if isinstance(value, list):
        return tuple(_typed(v) for v in value)
    if isinstance(value, dict):
        fields = {k: _typed(v) for k, v in value.items() if k != "$"}
        return _RESULT_CLASSES[value["$"]](**fields)
    return value


# How long a command's request id is kept. A retry comes within seconds or
# minutes of its command (the connection broke, the person pressed again);
# a sale's own id stays with its order for good (shop_order.request_id).
KEPT_FOR = timedelta(days=30)
_FORGET = delete(command_request).where(command_request.c.recorded_at < bindparam("before"))


def forget_old(engine: Engine, now: datetime) -> int:
    """Delete the request ids recorded more than ``KEPT_FOR`` before ``now``
    (at closing: one row a command would otherwise grow the database for
    years); returns how many."""
    before = (now - KEPT_FOR).astimezone(UTC).isoformat(timespec="seconds")
    with engine.begin() as conn:
        return conn.execute(_FORGET, {"before": before}).rowcount
