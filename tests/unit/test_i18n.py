"""core.i18n: a sentence that is its English text and remembers its
template and values, for the window to translate."""

import pickle

import pytest

from core.errors import InvalidCommand, OutOfStock
from core.i18n import N_, Text, joined, reason_of


def test_a_sentence_is_its_english_text_with_its_template_and_values():
    text = N_("Only {available} left of {name}.", available=2, name="Blue Mug")
    assert text == "Only 2 left of Blue Mug."
    assert isinstance(text, str)
    assert text.template == "Only {available} left of {name}."
    assert text.values == {"available": 2, "name": "Blue Mug"}


def test_a_sentence_without_values_is_its_template_even_with_braces():
    assert N_("Order {id} is already paid.") == "Order {id} is already paid."


def test_an_error_keeps_the_sentence_and_str_reads_english():
    error = OutOfStock(N_("{name} is out of stock.", name="Teapot"), product_id=3, available=0)
    assert str(error) == "Teapot is out of stock."
    assert error.args[0].template == "{name} is out of stock."


def test_a_sentence_survives_pickling_as_itself():
    text = pickle.loads(pickle.dumps(N_("{label} cannot be empty.", label=N_("Product name"))))
    assert isinstance(text, Text) and text.values["label"].template == "Product name"


def test_problems_joined_keep_each_sentence():
    both = joined([N_("Price is missing."), N_('SKU "{sku}" is already on line {line}.', sku="A-1", line=3)])
    assert both == 'Price is missing. SKU "A-1" is already on line 3.'
    assert [v.template for v in both.values.values()] == ["Price is missing.", 'SKU "{sku}" is already on line {line}.']


def test_reason_of_an_exception_keeps_its_sentence():
    with pytest.raises(InvalidCommand) as raised:
        raise InvalidCommand(N_("{label} cannot be empty.", label="Name"))
    assert isinstance(reason_of(raised.value), Text)
    assert reason_of(ValueError("plain")) == "plain"


def test_the_core_marks_its_sentences(tmp_path):
    """A refusal from a real shop carries its template (the window translates it)."""
    from core import open_shop
    from core.commands import AddCategory

    shop = open_shop(tmp_path / "shop")
    try:
        with pytest.raises(InvalidCommand) as raised:
            shop.dispatch(AddCategory("  "))
    finally:
        shop.close()
    message = raised.value.args[0]
    assert isinstance(message, Text) and message.template.startswith("{label}")
