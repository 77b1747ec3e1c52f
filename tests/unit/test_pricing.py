"""core.domain.pricing: exact figures for awkward orders, and properties that hold
for any order (hypothesis). Every expected figure here was worked out by hand."""

from fractions import Fraction
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.domain.pricing import (
    Discount,
    PriceLine,
    TaxBand,
    allocate,
    discount_amount,
    price_order,
    resolve_tax_rate,
    round_half_up,
    unit_share,
)


def line(price, quantity=1, rate=0, discount=None):
    return PriceLine(price, quantity, rate, discount)


def figures(priced):
    """(gross, line discount, order share, net, tax, total) per line."""
    return [(l.gross, l.line_discount, l.order_discount_share, l.net, l.tax, l.total) for l in priced.lines]


class TestRoundHalfUp:
    @pytest.mark.parametrize(
        "num, den, expected",
        [
            (0, 3, 0),
            (1, 3, 0),
            (1, 2, 1),
            (3, 2, 2),
            (5, 2, 3),
            (2, 3, 1),
            (49, 100, 0),
            (50, 100, 1),
            (149, 100, 1),
            (150, 100, 2),
            (151, 100, 2),
            (-1, 2, -1),
            (-49, 100, 0),
            (-150, 100, -2),
        ],
    )
    def test_halves_go_up(self, num, den, expected):
        assert round_half_up(num, den) == expected

    def test_huge_values_stay_exact(self):
        # A float would lose the last digit here.
        assert round_half_up(10**30 + 5, 10) == 10**29 + 1


class TestDiscounts:
    def test_a_third_off(self):
        # 1000 x 33.33% = 333.3 -> 333; net 667; 20% inclusive tax 667/6 = 111.17 -> 111.
        priced = price_order([line(1000, 1, 2000, Discount.percent(3333))])
        assert figures(priced) == [(1000, 333, 0, 667, 111, 667)]
        assert (priced.subtotal, priced.discount_total, priced.total) == (1000, 333, 667)

    def test_an_amount_that_does_not_divide_evenly_over_equal_lines(self):
        # 100 off three lines of 100: 33.33 each; the spare penny goes to the first.
        priced = price_order([line(100), line(100), line(100)], Discount.amount(100))
        assert [l.order_discount_share for l in priced.lines] == [34, 33, 33]
        assert [l.net for l in priced.lines] == [66, 67, 67]
        assert priced.total == 200

    def test_an_amount_spread_by_largest_remainder(self):
        # 333 over 500/300/200: exactly 166.5, 99.9, 66.6 -> floors 166, 99, 66 (331);
        # the 2 spare pennies go to the largest remainders, .9 and .6.
        priced = price_order([line(500), line(300), line(200)], Discount.amount(333))
        assert [l.order_discount_share for l in priced.lines] == [166, 100, 67]
        assert priced.total == 1000 - 333

    def test_a_third_off_the_order_over_mixed_rates(self):
        # Lines 1000 @20%, 500 @5%, 250 @0%: 33.33% of 1750 = 583.275 -> 583,
        # spread 333.14, 166.57, 83.29 -> 333, 166, 83 (582) + 1 to the .57.
        lines = [line(1000, 1, 2000), line(500, 1, 500), line(250, 1, 0)]
        inclusive = price_order(lines, Discount.percent(3333), prices_include_tax=True)
        assert figures(inclusive) == [
            (1000, 0, 333, 667, 111, 667),  # 667 x 2000/12000 = 111.17
            (500, 0, 167, 333, 16, 333),  # 333 x 500/10500 = 15.86
            (250, 0, 83, 167, 0, 167),
        ]
        assert inclusive.total == 1167 and inclusive.discount_total == 583
        assert inclusive.tax_by_rate == (TaxBand(0, 167, 0), TaxBand(500, 317, 16), TaxBand(2000, 556, 111))

        exclusive = price_order(lines, Discount.percent(3333), prices_include_tax=False)
        assert figures(exclusive) == [
            (1000, 0, 333, 667, 133, 800),  # 667 x 20% = 133.4
            (500, 0, 167, 333, 17, 350),  # 333 x 5% = 16.65
            (250, 0, 83, 167, 0, 167),
        ]
        assert exclusive.total == 1317
        assert exclusive.tax_by_rate == (TaxBand(0, 167, 0), TaxBand(500, 333, 17), TaxBand(2000, 667, 133))

    def test_line_and_order_discounts_together(self):
        # 2 x 1000 less 10% = 1800; 3 x 333 less 100 = 899. 1000 off the order:
        # 666.91 and 333.09 -> 666 + 333, the spare penny to the first (.91).
        priced = price_order(
            [line(1000, 2, 2000, Discount.percent(1000)), line(333, 3, 2000, Discount.amount(100))],
            Discount.amount(1000),
        )
        assert figures(priced) == [
            (2000, 200, 667, 1133, 189, 1133),  # 1133/6 = 188.83
            (999, 100, 333, 566, 94, 566),  # 566/6 = 94.33
        ]
        assert (priced.subtotal, priced.discount_total, priced.total) == (2999, 1300, 1699)
        assert (priced.line_discounts, priced.order_discount, priced.tax_total) == (300, 1000, 283)

    def test_an_amount_larger_than_the_line_stops_at_zero(self):
        priced = price_order([line(300, 1, 2000, Discount.amount(500))])
        assert figures(priced) == [(300, 300, 0, 0, 0, 0)]

    def test_an_amount_larger_than_the_order_stops_at_zero(self):
        priced = price_order([line(300), line(200)], Discount.amount(10_000))
        assert [l.order_discount_share for l in priced.lines] == [300, 200]
        assert priced.total == 0 and priced.discount_total == 500

    def test_a_hundred_percent_off_a_line(self):
        priced = price_order([line(1999, 3, 2000, Discount.percent(10000)), line(500, 1, 2000)])
        assert figures(priced)[0] == (5997, 5997, 0, 0, 0, 0)
        assert priced.total == 500

    def test_a_hundred_percent_off_the_order(self):
        for include in (True, False):
            priced = price_order(
                [line(1999, 3, 2000, Discount.percent(1000)), line(1, 7, 500)],
                Discount.percent(10000),
                prices_include_tax=include,
            )
            assert all(l.net == l.tax == l.total == 0 for l in priced.lines)
            assert (priced.total, priced.discount_total, priced.subtotal) == (0, 5997 + 7, 5997 + 7)
            assert priced.tax_by_rate == (TaxBand(500, 0, 0), TaxBand(2000, 0, 0))

    def test_zero_priced_items(self):
        # A free bag takes no share of the order discount.
        priced = price_order([line(0, 5, 2000), line(1000, 1, 2000)], Discount.amount(500))
        assert figures(priced) == [(0, 0, 0, 0, 0, 0), (1000, 0, 500, 500, 83, 500)]
        only_free = price_order([line(0, 2, 2000)], Discount.amount(100))
        assert figures(only_free) == [(0, 0, 0, 0, 0, 0)] and only_free.total == 0
        assert price_order([line(0, 1)], Discount.percent(5000)).total == 0

    def test_no_lines(self):
        priced = price_order([], Discount.amount(100))
        assert (priced.lines, priced.subtotal, priced.total, priced.tax_by_rate) == ((), 0, 0, ())

    @pytest.mark.parametrize(
        "discount",
        [
            Discount("fraction", 1),
            Discount.percent(10001),
            Discount.percent(-1),
            Discount.amount(-5),
            Discount.amount(1.5),
            Discount.percent("10"),
        ],
    )
    def test_a_malformed_discount_is_an_error(self, discount):
        with pytest.raises(ValueError):
            price_order([line(100)], discount)
        with pytest.raises(ValueError):
            price_order([line(100, 1, 0, discount)])


class TestHalfPennyTies:
    def test_exclusive_tax_ties_round_up(self):
        # 10 x 5% = 0.5 -> 1; 30 x 5% = 1.5 -> 2; 29 x 5% = 1.45 -> 1; 9 x 5% = 0.45 -> 0.
        priced = price_order(
            [line(10, 1, 500), line(30, 1, 500), line(29, 1, 500), line(9, 1, 500)], prices_include_tax=False
        )
        assert [(l.tax, l.total) for l in priced.lines] == [(1, 11), (2, 32), (1, 30), (0, 9)]
        assert priced.tax_by_rate == (TaxBand(500, 78, 4),)

    def test_inclusive_tax_ties_round_up(self):
        # 20% inclusive is net/6: 3 -> 0.5 -> 1; 9 -> 1.5 -> 2; 2 -> 0.33 -> 0; 4 -> 0.67 -> 1.
        priced = price_order([line(3, 1, 2000), line(9, 1, 2000), line(2, 1, 2000), line(4, 1, 2000)])
        assert [(l.tax, l.total) for l in priced.lines] == [(1, 3), (2, 9), (0, 2), (1, 4)]
        assert priced.tax_by_rate == (TaxBand(2000, 14, 4),)

    def test_discount_ties_round_up_so_the_net_rounds_down(self):
        # 50% of 1p = 0.5 -> 1 off; 25% of 2p = 0.5 -> 1 off; 25% of 6p = 1.5 -> 2 off.
        priced = price_order(
            [
                line(1, 1, 0, Discount.percent(5000)),
                line(2, 1, 0, Discount.percent(2500)),
                line(6, 1, 0, Discount.percent(2500)),
            ]
        )
        assert [(l.line_discount, l.net) for l in priced.lines] == [(1, 0), (1, 1), (2, 4)]

    def test_an_order_percentage_tie_rounds_up_once_for_the_order(self):
        # 5% of 30 = 1.5 -> 2 for the order (not 0.5 + 0.5 + 0.5 rounded per line = 3).
        priced = price_order([line(10), line(10), line(10)], Discount.percent(500))
        assert priced.order_discount == 2
        assert [l.order_discount_share for l in priced.lines] == [1, 1, 0]


class TestAllocate:
    def test_parts_add_up_and_ties_favour_the_earlier(self):
        assert allocate(10, [1, 1, 1]) == [4, 3, 3]
        assert allocate(2, [1, 1, 1]) == [1, 1, 0]
        assert allocate(0, [5, 0, 3]) == [0, 0, 0]
        assert allocate(0, []) == []
        assert allocate(0, [0, 0]) == [0, 0]

    def test_nothing_to_spread_over(self):
        with pytest.raises(ValueError):
            allocate(1, [0, 0])


class TestUnitShare:
    def test_returning_units_one_by_one_refunds_the_line_exactly(self):
        # 1000 over 3 units: 334, 333, 333.
        assert [unit_share(1000, 3, k, k + 1) for k in range(3)] == [334, 333, 333]
        assert unit_share(1000, 3, 0, 3) == 1000
        assert unit_share(1000, 3, 1, 3) == 666

    def test_out_of_range(self):
        for args in ((100, 3, 2, 4), (100, 3, 2, 1), (100, 0, 0, 0), (100, 3, -1, 1)):
            with pytest.raises(ValueError):
                unit_share(*args)


class TestResolveTaxRate:
    # Home (5%) > Kitchen (none) > Mugs (none); Garden (none); Books (0%).
    CATEGORIES = {1: (None, 500), 2: (1, None), 3: (2, None), 4: (None, None), 5: (None, 0)}

    @pytest.mark.parametrize(
        "own, category, expected",
        [
            (1000, 3, 1000),  # the product's own rate wins
            (0, 3, 0),  # even 0%
            (None, 3, 500),  # Mugs -> Kitchen -> Home
            (None, 1, 500),
            (None, 4, 2000),  # nothing set: the shop's default
            (None, 5, 0),  # a category's 0% is a rate, not "inherit"
            (None, 99, 2000),
            (None, None, 2000),
        ],
    )
    def test_falls_back_up_the_tree(self, own, category, expected):
        assert resolve_tax_rate(own, category, self.CATEGORIES, 2000) == expected

    def test_a_cycle_ends(self):
        assert resolve_tax_rate(None, 1, {1: (2, None), 2: (1, None)}, 700) == 700


# -- properties ----------------------------------------------------------------------------
rates = st.sampled_from([0, 500, 2000, 3333, 10000]) | st.integers(0, 10000)
discounts = (
    st.none() | st.builds(Discount.percent, st.integers(0, 10000)) | st.builds(Discount.amount, st.integers(0, 200_000))
)
price_lines = st.builds(PriceLine, st.integers(0, 100_000), st.integers(0, 50), rates, discounts)


@given(st.lists(price_lines, max_size=8), discounts, st.booleans())
def test_totals_add_up(lines, order_discount, include):
    priced = price_order(lines, order_discount, include)
    assert len(priced.lines) == len(lines)
    assert priced.subtotal == sum(l.gross for l in priced.lines)
    assert priced.subtotal - priced.discount_total == sum(l.net for l in priced.lines)
    assert priced.total == sum(l.total for l in priced.lines)
    assert priced.total == sum(b.taxable + b.tax for b in priced.tax_by_rate)
    assert priced.tax_total == sum(b.tax for b in priced.tax_by_rate)
    if include:
        assert priced.total == sum(l.net for l in priced.lines)
    else:
        assert priced.total == sum(l.net + l.tax for l in priced.lines)
    assert [b.rate_bp for b in priced.tax_by_rate] == sorted({l.tax_rate_bp for l in lines})


@given(st.lists(price_lines, max_size=8), discounts, st.booleans())
def test_the_order_discount_is_shared_exactly_and_nothing_goes_negative(lines, order_discount, include):
    priced = price_order(lines, order_discount, include)
    after_lines = [l.gross - l.line_discount for l in priced.lines]
    assert priced.order_discount == discount_amount(order_discount, sum(after_lines))
    for source, l, after in zip(lines, priced.lines, after_lines):
        assert l.gross == source.unit_price_cents * source.quantity
        assert 0 <= l.line_discount <= l.gross
        assert 0 <= l.order_discount_share <= after
        assert 0 <= l.net <= l.gross
        assert 0 <= l.tax <= l.total
        assert 0 <= l.total
        exact = Fraction(l.net * source.tax_rate_bp, (10000 + source.tax_rate_bp) if include else 10000)
        assert abs(l.tax - exact) <= Fraction(1, 2)
        if after:  # shares follow the lines' value within a penny
            exact_share = Fraction(priced.order_discount * after, sum(after_lines))
            assert abs(l.order_discount_share - exact_share) < 1
    assert priced.total >= 0


@given(st.integers(0, 10**9), st.lists(st.integers(0, 10**6), min_size=1, max_size=10))
def test_allocate_is_exact_and_proportional(amount, weights):
    if sum(weights) == 0:
        return
    amount = min(amount, sum(weights))
    parts = allocate(amount, weights)
    assert sum(parts) == amount
    for part, weight in zip(parts, weights):
        assert abs(part - Fraction(amount * weight, sum(weights))) < 1
        assert 0 <= part <= weight


@given(st.integers(0, 10**7), st.integers(1, 40), st.data())
def test_returns_in_any_steps_refund_the_whole_amount_once(amount, units, data):
    cuts = sorted(data.draw(st.lists(st.integers(0, units), max_size=6)))
    points = [0, *cuts, units]
    refunds = [unit_share(amount, units, a, b) for a, b in pairwise(points)]
    assert sum(refunds) == amount
    for (a, b), refund in zip(pairwise(points), refunds):
        assert (b - a) * (amount // units) <= refund <= (b - a) * (amount // units + 1)
