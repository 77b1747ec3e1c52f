"""Hostile values in every command, generated from the command dataclasses
themselves (their fields and type hints), so a command added later is
attacked without anyone remembering to list it.

For each command class found in ``core.commands``, Hypothesis builds commands
whose fields hold wrong types, huge and negative numbers, unknown ids,
unicode oddities (lone surrogates, control characters, line separators,
invisible characters, decomposed accents) and very long text, mixed with
ordinary values so that some pass the first checks. Every command must be
either accepted, with the read model equal to a rebuild from the write
model, or refused with a ShopError whose message is one readable line, both
stores unchanged. Any other exception fails the test.
"""

import dataclasses
import types
import typing
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import core.commands
from core.dispatcher import COMMAND_HANDLERS
from core.domain.command_values import FORBIDDEN_CHARACTERS
from core.domain.pricing import Discount
from core.errors import ShopError
from core.messages.commands import AddCustomer, Command, OrderLine, PlaceOrder, RecordPayment
from tests.unit.conftest import assert_readable
from tests.unit.test_read_model_projection import documents

COMMAND_CLASSES = sorted(
    (
        value
        for value in vars(core.commands).values()
        if isinstance(value, type) and issubclass(value, Command) and value is not Command
    ),
    key=lambda c: c.__name__,
)

HUGE_NUMBERS = [2**63, 2**63 - 1, -(2**63), -(2**63) - 1, 2**64, 10**30, -(10**30), 2**31, -(2**31) - 1]
ODD_TEXTS = [
    "",
    " ",
    "\u200b",
    "\u200b\u200c\u2060",
    "Mug\udcff",
    "\ud800",
    "\x1b[31mred",
    "bell\x07",
    "del\x7f",
    "c1\x9bcode",
    "nul\x00",
    "Line\u2028Separator",
    "Para\u2029graph",
    "v\x0bt",
    "f\x0cf",
    "nel\x85",
    "\ufeffBOM",
    "\ufffe",
    "\u202eevil",
    "Cafe\u0301",
    "x" * 10_000,
    "\t",
    "a\nb",
    "a\r\nb",
    "🙂",
    "\U0010ffff",
    "../../etc/passwd",
    "Home/" * 30,
    "'; DROP TABLE product; --",
]
# Values a field may need to pass its first checks (so that later ones run).
ORDINARY_TEXTS = [
    "cash",
    "card",
    "other",
    "owner",
    "manager",
    "cashier",
    "damaged",
    "stock-take",
    "unwanted",
    "faulty",
    "percent",
    "amount",
    "GBP",
    "£",
    "1234",
    "52719384",
    "Mug",
    "Home/Kitchen",
    "MUG-BLUE",
    "5012345678900",
    "jane@example.com",
    "+44 1234 567890",
]
OTHER_VALUES = [None, True, False, 1.5, 42.0, float("nan"), float("inf"), b"bytes", [], (), {}, "1", Ellipsis]

hostile_text = st.one_of(
    st.sampled_from(ODD_TEXTS),
    st.sampled_from(ORDINARY_TEXTS),
    st.text(alphabet=st.characters(exclude_categories=()), max_size=12),  # surrogates included
)
hostile_int = st.one_of(
    st.integers(min_value=-3, max_value=12),  # the catalog's ids, and a few unknown ones
    st.sampled_from(HUGE_NUMBERS),
    st.integers(min_value=0, max_value=2_000_000),
    st.integers(),
)
anything_else = st.sampled_from(OTHER_VALUES)


def values_for(hint, depth: int = 0) -> st.SearchStrategy:
    """Values for a field hinted ``hint``: mostly of that type (hostile ones
    among them), sometimes of any other."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*(values_for(arg, depth) for arg in typing.get_args(hint)))
    if hint is type(None):
        return st.none()
    if hint is bool:
        return st.one_of(st.booleans(), st.booleans(), anything_else)
    if hint is int:
        return st.one_of(hostile_int, hostile_int, hostile_int, anything_else)
    if hint is str:
        return st.one_of(hostile_text, hostile_text, hostile_text, anything_else, hostile_int)
    if origin is tuple and depth < 2:
        item = typing.get_args(hint)[0]
        items = st.lists(values_for(item, depth + 1), max_size=4)
        return st.one_of(items.map(tuple), items.map(tuple), items, anything_else)
    if hint is Discount:
        return st.builds(Discount, st.sampled_from(["percent", "amount", "bogus", None]), values_for(int, depth + 1))
    if dataclasses.is_dataclass(hint) and depth < 2:
        return instances_of(hint, depth + 1)
    return anything_else


def instances_of(cls, depth: int = 0) -> st.SearchStrategy:
    """``cls`` built with a value for each of its fields (defaults left out now and then)."""
    hints = typing.get_type_hints(cls)
    strategies = {}
    for field in dataclasses.fields(cls):
        if not field.init:
            continue
        strategy = values_for(hints[field.name], depth)
        if field.default is not dataclasses.MISSING:
            strategy = st.one_of(st.just(field.default), strategy)
        strategies[field.name] = strategy
    return st.fixed_dictionaries(strategies).map(lambda kwargs: cls(**kwargs))


def test_every_command_class_is_attacked():
    """The classes found in core.commands are exactly those the dispatcher runs."""
    assert set(COMMAND_CLASSES) == set(COMMAND_HANDLERS)


def attack(shop, store_state, command) -> None:
    shop.save_read_model()  # "unchanged" compares documents after a save
    before = store_state(shop)
    try:
        shop.dispatch(command)
    except ShopError as exc:
        assert_readable(exc)
        assert len(str(exc)) <= 400, str(exc)
        shop.save_read_model()
        after = store_state(shop)
        for key in before:
            assert after[key] == before[key], f"{key} changed by the refused {command!r:.300}"
    else:
        shop.save_read_model()
        projected = non_empty(documents(shop))
        for text in texts_in(projected):
            assert not FORBIDDEN_CHARACTERS.intersection(text), f"{text!r:.100} stored by {command!r:.300}"
            assert unicodedata.is_normalized("NFC", text), f"{text!r:.100} stored by {command!r:.300}"
        shop.rebuild_read_model()
        assert non_empty(documents(shop)) == projected, f"the read model differs from a rebuild after {command!r:.300}"


def non_empty(tables: dict) -> dict:
    """The tables that hold documents: deleting a table's last product leaves
    it empty, where a rebuild has no such table (the same documents)."""
    return {name: table for name, table in tables.items() if table}


def texts_in(value):
    """Every string in a tree of documents, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts_in(key)
            yield from texts_in(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from texts_in(item)


def seed_orders(shop, catalog) -> None:
    """Orders 1 (placed) and 2 (paid), customer 1 and an open till session,
    so that the small ids the strategies favour name real things."""
    shop.dispatch(AddCustomer("Jane Customer", email="jane@example.com"))
    shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),), customer_id=1))
    paid = shop.dispatch(PlaceOrder((OrderLine(catalog.teapot, 2), OrderLine(catalog.trowel, 1))))
    shop.dispatch(RecordPayment(paid, "cash", 6198, tendered_cents=7000))


@pytest.mark.parametrize("command_class", COMMAND_CLASSES, ids=lambda c: c.__name__)
def test_hostile_values_are_refused_with_a_sentence_or_stored_consistently(command_class, shop, catalog, store_state):
    seed_orders(shop, catalog)

    @settings(
        max_examples=40,
        deadline=None,
        derandomize=True,  # the same examples every run: a failure here is never a fluke
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(instances_of(command_class))
    def run(command):
        attack(shop, store_state, command)

    run()
