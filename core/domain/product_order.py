"""The order every product list comes in: by name ignoring case, then by
number. The read model's indexes keep it; the window's lists rely on it."""

from typing import Protocol


class _Named(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def id(self) -> int: ...


def name_order(product: _Named) -> tuple[str, int]:
    return product.name.casefold(), product.id
