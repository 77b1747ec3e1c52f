"""What a catch-up changed, so each list on screen refreshes only its rows."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    categories: frozenset[int] = frozenset()
    products: frozenset[int] = frozenset()
    orders: frozenset[int] = frozenset()
    rebuilt: bool = False  # everything may have changed: reload whole lists

    def __bool__(self) -> bool:
        return self.rebuilt or bool(self.categories or self.products or self.orders)


@dataclass
class ChangeCollector:
    categories: set[int] = field(default_factory=set)
    products: set[int] = field(default_factory=set)
    orders: set[int] = field(default_factory=set)
    rebuilt: bool = False

    def freeze(self) -> Changes:
        return Changes(frozenset(self.categories), frozenset(self.products),
                       frozenset(self.orders), self.rebuilt)
