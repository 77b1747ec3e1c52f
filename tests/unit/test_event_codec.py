"""The outbox's payloads and the events they hold: every event class makes the
round trip, old versions are upcast, and nothing else gives old payloads
defaults."""

import dataclasses
import json
import types
import typing

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import json_codec
from core.domain.pricing import Discount
from core.messages.event_codec import EVENT_CLASSES, decode, encode
from core.messages.events import Event, OrderCancelled, OrderPlaced, ProductAdded, SoldLine, StockReceived, TillClosed

# What the outbox can hold: text without lone surrogates, 64-bit numbers.
_SCALARS = {
    str: st.text(st.characters(exclude_categories=("Cs",)), max_size=12),
    int: st.integers(-(2**63), 2**63 - 1),
    bool: st.booleans(),
}


def values_of(hint):
    """Any value of type ``hint`` as events hold them (dataclasses, tuples, None)."""
    if hint in _SCALARS:
        return _SCALARS[hint]
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        return st.one_of(*(st.none() if arg is type(None) else values_of(arg) for arg in typing.get_args(hint)))
    if origin is tuple:
        return st.lists(values_of(typing.get_args(hint)[0]), max_size=3).map(tuple)
    assert dataclasses.is_dataclass(hint), hint
    hints = typing.get_type_hints(hint)
    return st.builds(hint, **{f.name: values_of(hints[f.name]) for f in dataclasses.fields(hint)})


@pytest.mark.parametrize("cls", sorted(EVENT_CLASSES.values(), key=lambda c: c.__name__), ids=lambda c: c.__name__)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_every_event_comes_back_from_its_payload_as_it_was(cls, data):
    event = data.draw(values_of(cls))
    assert decode(cls.__name__, json_codec.loads(encode(event))) == event


def test_every_event_class_is_known_by_its_name():
    defined = {c.__name__ for c in _subclasses(Event)}
    assert set(EVENT_CLASSES) == defined


def test_a_class_past_version_1_has_an_upcaster_for_every_step():
    for cls in EVENT_CLASSES.values():
        for version in range(1, cls.class_version):
            assert callable(getattr(cls, f"upcast_v{version}_v{version + 1}", None)), (cls, version)


def test_a_versioned_payload_says_its_version_and_version_1_payloads_do_not():
    product = ProductAdded(1, "SKU", "Mug", 2, 850, 3, None, 0)
    assert json.loads(encode(product))["class_version"] == ProductAdded.class_version == 2
    assert "class_version" not in json.loads(encode(_any_version_1_event()))


def test_an_order_of_version_1_is_upcast_its_subtotal_being_its_total():
    payload = {
        "order_id": 1,
        "placed_at": "2024-01-02T10:00:00+00:00",
        "total_cents": 2900,
        "lines": [
            {"product_id": 1, "sku": "MUG", "name": "Mug", "quantity": 2, "unit_price_cents": 850, "stock_after": 7}
        ],
    }
    event = decode("OrderPlaced", payload)
    assert event == OrderPlaced(
        1, "2024-01-02T10:00:00+00:00", 2900, (SoldLine(1, "MUG", "Mug", 2, 850, 7),), subtotal_cents=2900
    )


def test_a_sale_of_version_3_records_no_staff_name_nor_category_path():
    """Schema 4 shops kept neither: reports show such sales as "not recorded"."""
    line = {
        "product_id": 1,
        "sku": "MUG",
        "name": "Mug",
        "quantity": 2,
        "unit_price_cents": 850,
        "stock_after": 7,
        "discount": None,
        "line_discount_cents": 0,
        "order_discount_cents": 0,
        "tax_rate_bp": 2000,
        "tax_cents": 283,
        "cost_price_cents": 300,
        "category_id": 4,
    }
    payload = {
        "class_version": 3,
        "order_id": 1,
        "placed_at": "2024-01-02T10:00:00+00:00",
        "total_cents": 1700,
        "lines": [line],
        "customer_id": None,
        "prices_include_tax": True,
        "subtotal_cents": 1700,
        "discount_cents": 0,
        "tax_cents": 283,
        "order_discount": None,
        "session_id": 3,
    }
    event = decode("OrderPlaced", payload)
    assert event.staff_name is None
    assert event.lines[0].category_path is None
    assert event.lines[0].category_id == 4 and event.session_id == 3


def test_old_cancellations_products_and_receipts_are_upcast():
    assert decode("OrderCancelled", {"order_id": 2, "cancelled_at": "t", "restocked": []}) == OrderCancelled(
        2, "t", (), refund_cents=0, refunded_cents=0
    )
    assert (
        decode(
            "ProductAdded",
            {
                "product_id": 1,
                "sku": "S",
                "name": "N",
                "category_id": 1,
                "price_cents": 5,
                "stock": 0,
                "barcode": None,
                "reorder_level": 0,
            },
        ).active
        is True
    )
    assert decode("StockReceived", {"product_id": 1, "quantity": 2, "stock_after": 2}) == StockReceived(1, 2, 2, "")


def test_a_closing_from_before_the_journal_link_was_kept_has_none():
    payload = {
        "session_id": 4,
        "closed_at": "t",
        "closed_by": 1,
        "closed_by_name": "Cara",
        "counted_cash_cents": 500,
        "note": "",
    }
    assert decode("TillClosed", payload) == TillClosed(4, "t", 1, "Cara", 500, "", 0, "")


def test_nested_values_come_back_as_their_types():
    order = OrderPlaced(
        3, "t", 100, (SoldLine(1, "S", "N", 1, 100, 0, Discount.percent(1000)),), order_discount=Discount.amount(5)
    )
    back = decode("OrderPlaced", json_codec.loads(encode(order)))
    assert isinstance(back.lines, tuple) and isinstance(back.lines[0], SoldLine)
    assert back.lines[0].discount == Discount.percent(1000) and back.order_discount == Discount.amount(5)


def test_an_unknown_event_type_or_a_payload_that_does_not_fit_is_refused():
    with pytest.raises(ValueError, match="unknown event type"):
        decode("PriceTagPrinted", {})
    with pytest.raises(TypeError):
        decode("CategoryAdded", {"category_id": 1, "name": "Mugs", "parent_id": None, "colour": "blue"})


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _any_version_1_event() -> Event:
    cls = next(c for c in EVENT_CLASSES.values() if c.class_version == 1 and dataclasses.fields(c))
    values = {f.name: (1 if f.type in (int, "int") else "x") for f in dataclasses.fields(cls)}
    return cls(**values)
