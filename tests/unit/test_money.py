"""Money helpers: int cents in, int cents out, never a float."""

import pytest

from core.money import format_money, parse_money


@pytest.mark.parametrize("cents, text", [
    (0, "£0.00"), (5, "£0.05"), (1234, "£12.34"), (-5, "-£0.05"), (123456789, "£1,234,567.89"),
])
def test_format_money(cents, text):
    assert format_money(cents) == text


def test_format_money_other_symbol():
    assert format_money(250, symbol="€") == "€2.50"


@pytest.mark.parametrize("text, cents", [
    ("12.3", 1230), ("12.34", 1234), ("12", 1200), ("0.1", 10), (".5", 50), ("£1,234.50", 123450),
    ("  7.05 ", 705), ("-0.05", -5), ("$3", 300), ("€3.00", 300),
    ("19.99", 1999),  # 19.99 * 100 is 1998.9999999999998 in floats
])
def test_parse_money(text, cents):
    assert parse_money(text) == cents
    assert type(parse_money(text)) is int


@pytest.mark.parametrize("text", ["", "  ", "abc", "1.234", "1.2.3", "1e3", "12,5.x", "£", "--1"])
def test_parse_money_refuses_what_is_not_an_amount(text):
    with pytest.raises(ValueError):
        parse_money(text)


@pytest.mark.parametrize("cents", [0, 1, 99, 100, 1999, 123456789])
def test_parse_format_round_trip(cents):
    assert parse_money(format_money(cents)) == cents
