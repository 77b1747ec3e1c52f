"""How the main window hands read-model changes to its views."""

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from core import Changes


class ChangeAware(Protocol):
    """A view that keeps itself up to date with the read model: the window
    calls ``apply_changes`` on each of its views after every command and
    every catch-up with the other tills (``ShopBridge.readModelChanged``),
    and never reaches into their models."""

    def apply_changes(self, changes: "Changes", *, currency_changed: bool = False) -> None:
        """Refresh what ``changes`` concern. ``currency_changed``: the shop's
        currency is another one now (``formatting`` already shows it), so
        every amount on screen reads differently, even in rows kept as they were."""
