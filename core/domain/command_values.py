"""What every command's values must be before any handler sees them, checked
in one place from the command dataclasses themselves (their fields, walked
into tuples of records and lines), so a new command is covered without anyone
remembering to: no whole number beyond what a 64-bit column holds, no text
that cannot be stored or that hides control characters, and all text in
Unicode NFC, so that "Café" typed two ways is one name.

The handlers check what each field means (a quantity, a name, a SKU) and
say so with the field's own label; this screen only refuses what no field of
any command may hold, so its messages name fields by a label made from the
field's name."""

import unicodedata
from dataclasses import fields, is_dataclass, replace

from core.errors import InvalidCommand
from core.i18n import N_

# What a signed 64-bit column holds (SQLite's INTEGER, PostgreSQL's BIGINT).
INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1

# Characters no text field may hold, one-line or not: C0 controls but tab,
# newline and carriage return (which the one-line checks refuse where a line
# break makes no sense), DEL, the C1 controls (NEL among them), and the line,
# paragraph, vertical tab and form feed separators. What a form types never
# holds them; a pasted or imported value that does would print or export as
# something else than what the screen showed.
_ALLOWED_CONTROLS = frozenset("\t\n\r")
FORBIDDEN_CHARACTERS = frozenset(
    [chr(c) for c in range(0x20) if chr(c) not in _ALLOWED_CONTROLS]
    + [chr(c) for c in range(0x7F, 0xA0)]
    + ["\u2028", "\u2029", "\ufffe", "\uffff"]
)

_LABELS = {
    "sku": N_("SKU"),
    "pin": N_("PIN"),
    "email": N_("The e-mail address"),
    "bp": N_("rate"),
}


def field_label(name: str) -> str:
    """A field's name as a person would read it: ``order_id`` -> "Order number"."""
    if name in _LABELS:
        return _LABELS[name]
    words = name.split("_")
    if words[-1] == "id" and len(words) > 1:
        words[-1] = "number"
    elif words[-1] in ("cents", "bp") and len(words) > 1:
        words.pop()
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def shown(value, limit: int = 40) -> str:
    """``repr(value)`` cut to about ``limit`` characters: a message quotes
    what was typed, never all 10,000 characters of it."""
    text = repr(value)
    if len(text) <= limit:
        return text
    return text[: limit - 1] + "…"


def screened(command, *, skip: tuple[str, ...] = ()):
    """``command`` with its text in NFC; raises InvalidCommand (nothing
    changed yet) for a value no command may hold. Fields named in ``skip``
    are left as they are: their items are screened one by one by the
    handler (see ``screened_item``)."""
    return _screen(command, "", skip)


def screened_item(item):
    """One item of a batch (an import record), screened like a command: the
    handler rejects a bad item with the reason and keeps the others."""
    return _screen(item, "", ())


def _screen(value, label: str, skip: tuple[str, ...]):
    kind = type(value)
    if kind is str:
        return _text(value, label or N_("A text"))
    if kind is int:
        if not INT64_MIN <= value <= INT64_MAX:
            raise InvalidCommand(N_("{value} is far too large a number.", value=label or "A number"))
        return value
    if kind is tuple or kind is list:
        items = [_screen(item, label, ()) for item in value]
        return kind(items) if any(a is not b for a, b in zip(items, value)) else value
    if is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in fields(value):
            if f.name in skip or not f.init:
                continue
            old = getattr(value, f.name)
            new = _screen(old, field_label(f.name), ())
            if new is not old:
                changes[f.name] = new
        return replace(value, **changes) if changes else value
    return value  # None, bool, floats and the like: the handlers refuse what is wrong


def _text(value: str, label: str) -> str:
    if value.isascii():  # the common case: only the controls need a look
        if value.isprintable():
            return value
    else:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise InvalidCommand(
                N_("{label} holds a character that is not text (a lone surrogate).", label=label)
            ) from None
        value = unicodedata.normalize("NFC", value)
    for ch in value:
        if ch in FORBIDDEN_CHARACTERS:
            raise InvalidCommand(
                N_("{label} holds a control character (U+{ord:04X}), which cannot be stored.", label=label, ord=ord(ch))
            )
    return value
