"""Money helpers: int cents in, int cents out, never a float."""

import pytest

from core.domain.money import format_money, format_percent, minor_digits, parse_money, parse_percent


@pytest.mark.parametrize(
    "cents, text",
    [
        (0, "£0.00"),
        (5, "£0.05"),
        (1234, "£12.34"),
        (-5, "-£0.05"),
        (123456789, "£1,234,567.89"),
    ],
)
def test_format_money(cents, text):
    assert format_money(cents) == text


def test_format_money_other_symbol():
    assert format_money(250, symbol="€") == "€2.50"


@pytest.mark.parametrize(
    "text, cents",
    [
        ("12.3", 1230),
        ("12.34", 1234),
        ("12", 1200),
        ("0.1", 10),
        (".5", 50),
        ("£1,234.50", 123450),
        ("  7.05 ", 705),
        ("-0.05", -5),
        ("$3", 300),
        ("€3.00", 300),
        ("19.99", 1999),  # 19.99 * 100 is 1998.9999999999998 in floats
    ],
)
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


@pytest.mark.parametrize(
    "cents, symbol, digits, text",
    [
        (1234, "€", 2, "€12.34"),
        (1234, "¥", 0, "¥1,234"),
        (-1234, "¥", 0, "-¥1,234"),
        (12345, "KD ", 3, "KD 12.345"),
        (5, "", 3, "0.005"),
        (0, "$", 2, "$0.00"),
    ],
)
def test_format_money_other_currencies(cents, symbol, digits, text):
    assert format_money(cents, symbol, digits) == text


@pytest.mark.parametrize("code, digits", [("GBP", 2), ("EUR", 2), ("JPY", 0), ("jpy", 0), ("KWD", 3), ("XYZ", 2)])
def test_minor_digits(code, digits):
    assert minor_digits(code) == digits


@pytest.mark.parametrize("text, digits, cents", [("1234", 0, 1234), ("12.345", 3, 12345), ("1.2", 3, 1200)])
def test_parse_money_other_digits(text, digits, cents):
    assert parse_money(text, digits) == cents


def test_parse_money_refuses_decimals_a_currency_does_not_have():
    with pytest.raises(ValueError):
        parse_money("12.5", 0)


@pytest.mark.parametrize(
    "bp, text", [(0, "0%"), (2000, "20%"), (3333, "33.33%"), (550, "5.5%"), (10000, "100%"), (5, "0.05%")]
)
def test_format_percent(bp, text):
    assert format_percent(bp) == text
    assert parse_percent(text) == bp


@pytest.mark.parametrize("text, bp", [("20", 2000), (" 17.5 % ", 1750), (".5", 50), ("33.33", 3333)])
def test_parse_percent(text, bp):
    assert parse_percent(text) == bp


@pytest.mark.parametrize("text", ["", "%", "abc", "1.234", "-5", "1.2.3", "1e2"])
def test_parse_percent_refuses_what_is_not_a_percentage(text):
    with pytest.raises(ValueError):
        parse_percent(text)


@pytest.mark.parametrize(
    "text, cents",
    [
        ("2,55", 255),  # a decimal comma, never 255.00
        ("0,5", 50),
        ("1,234.50", 123450),  # thousands separators
        ("1,234,567", 123456700),
    ],
)
def test_parse_money_reads_commas_without_guessing(text, cents):
    assert parse_money(text) == cents


@pytest.mark.parametrize("text", ["1,23,4", "1.234,50", ",", "12,34,5"])
def test_parse_money_refuses_ambiguous_commas(text):
    with pytest.raises(ValueError):
        parse_money(text)


def test_a_too_high_price_is_refused_in_money_not_pence(tmp_path):
    from core import open_shop
    from core.commands import AddCategory, AddProduct
    from core.errors import InvalidCommand

    shop = open_shop(tmp_path)
    category = shop.dispatch(AddCategory("Kitchen"))
    with pytest.raises(InvalidCommand, match=r"^Price cannot be more than 10,000,000\.00\.$"):
        shop.dispatch(AddProduct("X", "Gold Mug", category, 10_000_000_01))
    shop.close()
