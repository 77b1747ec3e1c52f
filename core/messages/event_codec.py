"""The one place where events become stored payloads and stored payloads
become events again, old versions upcast on the way (see ``core.messages.events``).

A payload is the event's fields as JSON, nested values as objects, tuples as
arrays; an event whose class is past version 1 also carries its
``class_version``. ``decode(type_name, loads(encode(e))) == e`` for every event.
"""

import dataclasses
import types
import typing
from collections.abc import Callable
from functools import partial

from core import json_codec
from core.messages.events import Event

VERSION_KEY = "class_version"


def _event_classes() -> dict[str, type[Event]]:
    found: dict[str, type[Event]] = {}
    pending = list(Event.__subclasses__())
    while pending:
        cls = pending.pop()
        found[cls.__name__] = cls
        pending.extend(cls.__subclasses__())
    return found


# Every event class by the name the outbox stores (its class name).
EVENT_CLASSES: dict[str, type[Event]] = _event_classes()


def encode(event: Event) -> str:
    """The payload to store for ``event`` (a JSON text)."""
    text = json_codec.dumps_text(event)  # orjson writes a dataclass's fields in order
    version = type(event).class_version
    if version == 1:
        return text
    # The version goes first, beside the fields orjson wrote.
    return f'{{"{VERSION_KEY}":{version}' + ("}" if text == "{}" else "," + text[1:])


def decode(type_name: str, payload: dict) -> Event:
    """The event a stored payload holds, upcast to its class's current version.
    ``payload`` (as parsed from the outbox) is consumed. Raises ValueError for
    an event type this version does not know, TypeError/KeyError for a payload
    that does not fit its class."""
    cls = EVENT_CLASSES.get(type_name)
    if cls is None:
        raise ValueError(f"unknown event type {type_name!r}")
    version = payload.pop(VERSION_KEY, 1)
    while version < cls.class_version:
        getattr(cls, f"upcast_v{version}_v{version + 1}")(payload)
        version += 1
    return _builder(cls)(payload)


# -- building dataclasses from parsed JSON, one builder per class -------------------------
_BUILDERS: dict[type, Callable[[dict], typing.Any]] = {}


def _builder(cls: type) -> Callable[[dict], typing.Any]:
    build = _BUILDERS.get(cls)
    if build is None:
        build = _BUILDERS[cls] = _make_builder(cls)
    return build


def _make_builder(cls: type) -> Callable[[dict], typing.Any]:
    hints = typing.get_type_hints(cls)
    converters = {}
    for field in dataclasses.fields(cls):
        convert = _converter(hints[field.name])
        if convert is not None:
            converters[field.name] = convert
    if not converters:
        return partial(_plain, cls)
    return partial(_converted, cls, tuple(converters.items()))


def _plain(cls, payload: dict):
    return cls(**payload)


def _converted(cls, converters, payload: dict):
    for name, convert in converters:
        if name in payload:
            payload[name] = convert(payload[name])
    return cls(**payload)


def _converter(hint) -> Callable | None:
    """How a parsed JSON value becomes a value of type ``hint``; None: as it is."""
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        inner = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        convert = _converter(inner[0]) if len(inner) == 1 else None
        return None if convert is None else partial(_unless_none, convert)
    if origin is tuple:
        item = _converter(typing.get_args(hint)[0])
        return tuple if item is None else partial(_tuple_of, item)
    if dataclasses.is_dataclass(hint):
        return _builder(hint)  # type: ignore[arg-type]
    return None


def _unless_none(convert, value):
    return None if value is None else convert(value)


def _tuple_of(convert, values):
    return tuple(convert(value) for value in values)
