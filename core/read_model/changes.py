"""What a catch-up changed, so each list on screen refreshes only its rows."""

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    categories: frozenset[int] = frozenset()
    products: frozenset[int] = frozenset()
    orders: frozenset[int] = frozenset()
    rebuilt: bool = False  # everything may have changed: reload whole lists
    customers: frozenset[int] = frozenset()  # their details, orders or total spent
    settings: bool = False  # the shop's settings (name, currency, tax)
    till_sessions: frozenset[int] = frozenset()  # their cash-up (money taken, moved, counted)
    staff: bool = False  # staff members (a name changed: histories say who)

    def __bool__(self) -> bool:
        return (
            self.rebuilt
            or self.settings
            or self.staff
            or bool(self.categories or self.products or self.orders or self.customers or self.till_sessions)
        )

    @classmethod
    def merge(cls, many: Iterable["Changes"]) -> "Changes":
        """One Changes that says everything ``many`` say (empty for none)."""
        collector = ChangeCollector()
        for changes in many:
            collector.add(changes)
        return collector.freeze()


@dataclass
class ChangeCollector:
    categories: set[int] = field(default_factory=set)
    products: set[int] = field(default_factory=set)
    orders: set[int] = field(default_factory=set)
    rebuilt: bool = False
    customers: set[int] = field(default_factory=set)
    settings: bool = False
    till_sessions: set[int] = field(default_factory=set)
    staff: bool = False

    def add(self, changes: Changes) -> None:
        self.categories |= changes.categories
        self.products |= changes.products
        self.orders |= changes.orders
        self.customers |= changes.customers
        self.rebuilt = self.rebuilt or changes.rebuilt
        self.settings = self.settings or changes.settings
        self.till_sessions |= changes.till_sessions
        self.staff = self.staff or changes.staff

    def freeze(self) -> Changes:
        return Changes(
            frozenset(self.categories),
            frozenset(self.products),
            frozenset(self.orders),
            self.rebuilt,
            frozenset(self.customers),
            self.settings,
            frozenset(self.till_sessions),
            self.staff,
        )
