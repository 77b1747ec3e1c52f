"""The notes and coins of a currency, for counting a till's drawer: how many
of each, times its value, is the cash counted. Values are ints of the minor
unit (pence, cents, kopecks), largest first.

GBP, EUR, USD, RUB, KZT and BYN have their own tables; any other currency gets the
1-2-5 series from its smallest useful unit to 100 major units (coins up to 2
major units, notes above), which is how most currencies are cut."""

from collections.abc import Iterable
from dataclasses import dataclass

from core.domain.command_values import shown
from core.domain.money import minor_digits
from core.errors import InvalidCommand
from core.i18n import N_

NOTE, COIN = "note", "coin"
MAX_COUNT = 1_000_000  # of one denomination: far above any drawer


@dataclass(frozen=True)
class Denomination:
    value: int  # in minor units
    kind: str  # NOTE or COIN


def _table(notes: Iterable[int], coins: Iterable[int]) -> tuple[Denomination, ...]:
    return tuple(Denomination(v, NOTE) for v in notes) + tuple(Denomination(v, COIN) for v in coins)


TABLES: dict[str, tuple[Denomination, ...]] = {
    # Bank of England notes; the Royal Mint's coins, £2 to 1p.
    "GBP": _table((5000, 2000, 1000, 500), (200, 100, 50, 20, 10, 5, 2, 1)),
    # Euro notes in everyday use (the €500 is no longer issued); every coin.
    "EUR": _table((20000, 10000, 5000, 2000, 1000, 500), (200, 100, 50, 20, 10, 5, 2, 1)),
    # Federal Reserve notes, $100 to $1; coins, the half dollar to the cent (a
    # dollar coin is counted with the $1 notes: one value is one row).
    "USD": _table((10000, 5000, 2000, 1000, 500, 200, 100), (50, 25, 10, 5, 1)),
    # Bank of Russia notes, 5,000 to 50 roubles; coins, 10 roubles to 10 kopecks
    # (the 1 and 5 kopeck coins are not used in shops: totals are rounded to 10).
    "RUB": _table((500000, 200000, 100000, 50000, 20000, 10000, 5000), (1000, 500, 200, 100, 50, 10)),
    # National Bank of Kazakhstan notes, 20,000 to 500 tenge; coins, 200 to 1 tenge
    # (prices are in whole tenge: the tiyn is not used).
    "KZT": _table((2000000, 1000000, 500000, 200000, 100000, 50000), (20000, 10000, 5000, 2000, 1000, 500, 200, 100)),
    # National Bank of Belarus notes, 200 to 5 roubles (the 500 is rare); coins, 2 roubles to 1 kopeck.
    "BYN": _table((20000, 10000, 5000, 2000, 1000, 500), (200, 100, 50, 20, 10, 5, 2, 1)),
}


def _default(digits: int) -> tuple[Denomination, ...]:
    """1-2-5 from the smallest useful unit (a cent; a whole unit for a currency
    without one) to 100 major units, or 10,000 units without a minor unit."""
    smallest = 10 ** max(digits - 2, 0)
    largest = 100 * 10**digits if digits else 10_000
    coin_limit = 2 * 10**digits if digits else 500
    values = []
    step = smallest
    while step <= largest:
        values += [v for v in (step, 2 * step, 5 * step) if v <= largest]
        step *= 10
    return tuple(Denomination(v, COIN if v <= coin_limit else NOTE) for v in sorted(values, reverse=True))


def denominations(currency_code: str) -> tuple[Denomination, ...]:
    """The notes and coins of ``currency_code`` (any case), largest first."""
    code = currency_code.strip().upper()
    return TABLES.get(code) or _default(minor_digits(code))


def count_total(counts: Iterable[tuple[int, int]]) -> int:
    """The cash in ``(value, how many)`` pairs, in minor units (exact). A count
    must be a whole number from 0 to ``MAX_COUNT``."""
    total = 0
    for value, count in counts:
        for number, label in ((value, N_("A denomination")), (count, N_("A count"))):
            if type(number) is not int:  # bool, 1.5 and "2" are not counts
                raise InvalidCommand(
                    N_("{label} must be a whole number, not {value}.", label=label, value=shown(number))
                )
        if value <= 0:
            raise InvalidCommand(N_("A denomination must be more than nothing."))
        if not 0 <= count <= MAX_COUNT:
            raise InvalidCommand(N_("A count is from 0 to {MAX_COUNT:,}.", MAX_COUNT=MAX_COUNT))
        total += value * count
    return total


def quick_cash(due: int, currency_code: str, count: int = 3) -> tuple[int, ...]:
    """The amounts a customer most likely hands over for ``due`` (minor units),
    above it: ``due`` rounded up to each note of the currency (£26 -> £30,
    £40, £50) and one largest note more, the ``count`` smallest, smallest first."""
    if due <= 0:
        return ()
    notes = sorted(d.value for d in denominations(currency_code) if d.kind == NOTE)
    above = {-(-due // note) * note for note in notes}
    above.add((due // notes[-1] + 1) * notes[-1])  # the largest note once more: £50 due, £100 given
    return tuple(sorted(amount for amount in above if amount > due))[:count]
