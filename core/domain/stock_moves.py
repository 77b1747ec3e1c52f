"""Kinds of stock movement, as the stock ledger and the stock history record
them. ``ORDER_CANCELLED`` is stock put back by a cancelled order: the same
word as the order status, a different thing."""

from enum import StrEnum


class MovementKind(StrEnum):
    RECEIVED = "received"
    SOLD = "sold"
    ORDER_CANCELLED = "cancelled"
    RETURNED = "returned"
    ADJUSTED = "adjusted"


OPENING_NOTE = "Opening stock"  # the note on a new product's first stock
