"""The notes and coins a drawer is counted in, and the count's total."""

import pytest

from core.domain.denominations import COIN, NOTE, TABLES, Denomination, count_total, denominations, quick_cash
from core.errors import InvalidCommand


@pytest.mark.parametrize("code", [*TABLES, "JPY", "KWD", "CHF", "XYZ"])
def test_every_table_is_largest_first_with_notes_above_coins(code):
    table = denominations(code)
    values = [d.value for d in table]
    assert values == sorted(set(values), reverse=True)  # no value twice
    assert all(type(v) is int and v > 0 for v in values)
    kinds = [d.kind for d in table]
    assert set(kinds) <= {NOTE, COIN}
    assert kinds == sorted(kinds, key=lambda k: k != NOTE)  # every note before every coin


def test_pound_sterling():
    assert denominations("GBP") == tuple(
        [Denomination(v, NOTE) for v in (5000, 2000, 1000, 500)]
        + [Denomination(v, COIN) for v in (200, 100, 50, 20, 10, 5, 2, 1)]
    )


def test_euro_us_dollar_and_rouble():
    eur = denominations("eur")  # any case
    assert [d.value for d in eur if d.kind == NOTE] == [20000, 10000, 5000, 2000, 1000, 500]
    assert [d.value for d in eur if d.kind == COIN] == [200, 100, 50, 20, 10, 5, 2, 1]
    usd = denominations("USD")
    assert 25 in [d.value for d in usd] and 200 in [d.value for d in usd if d.kind == NOTE]
    rub = denominations(" RUB ")
    assert rub[0] == Denomination(500000, NOTE)  # 5,000 roubles
    assert rub[-1] == Denomination(10, COIN)  # 10 kopecks


def test_another_currency_gets_the_one_two_five_series():
    chf = denominations("CHF")
    assert [d.value for d in chf] == [10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1]
    assert [d.kind for d in chf].count(NOTE) == 5  # 100 down to 5; coins from 2
    jpy = denominations("JPY")  # no minor unit
    assert jpy[0] == Denomination(10000, NOTE) and jpy[-1] == Denomination(1, COIN)
    assert Denomination(500, COIN) in jpy and Denomination(1000, NOTE) in jpy
    kwd = denominations("KWD")  # three decimals: from 10 fils to 100 dinars
    assert kwd[0].value == 100_000 and kwd[-1].value == 10


def test_count_total_is_exact():
    assert count_total([]) == 0
    assert count_total([(2000, 3), (500, 1), (200, 0), (1, 7)]) == 6507
    counts = [(d.value, 1) for d in denominations("GBP")]
    assert count_total(counts) == 8888  # one of each: £88.88


@pytest.mark.parametrize(
    "pair",
    [(100, -1), (100, 1.5), (100, "2"), (100, True), (0, 1), (-5, 1), (1.0, 1), (100, 1_000_001)],
)
def test_count_total_refuses_what_is_not_a_count(pair):
    with pytest.raises(InvalidCommand):
        count_total([pair])


def test_quick_cash_is_the_due_rounded_up_to_each_note():
    assert quick_cash(2600, "GBP") == (3000, 4000, 5000)
    assert quick_cash(2499, "GBP") == (2500, 3000, 4000)
    assert quick_cash(5000, "GBP") == (6000, 10000)  # never the exact amount: that has its own button
    assert quick_cash(1234, "USD", count=2) == (1300, 1400)
    assert quick_cash(0, "GBP") == ()
