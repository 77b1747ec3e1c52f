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


class RefreshedWhenShown:
    """For a tab's view (a QWidget): while it is hidden (another tab is
    chosen, or the sign-in screen shows), ``apply_changes`` only remembers
    what changed; once shown, or asked with ``catch_up``, the view applies it
    all at once (``_apply_changes``, the subclass's). A list nobody looks at
    costs no query.

    The subclass calls ``_init_refreshed_when_shown()`` in its ``__init__``."""

    def _init_refreshed_when_shown(self) -> None:
        from core import Changes

        self._missed = Changes()
        self._missed_currency = False

    def apply_changes(self, changes: "Changes", *, currency_changed: bool = False) -> None:
        if self.isVisible():
            self._apply_changes(changes, currency_changed=currency_changed)
            return
        if changes:
            self._missed = type(changes).merge((self._missed, changes))
        self._missed_currency = self._missed_currency or currency_changed

    @property
    def stale(self) -> bool:
        """Changes were put off while the view was hidden."""
        return bool(self._missed) or self._missed_currency

    def catch_up(self) -> None:
        """Apply the changes put off while hidden (nothing if none)."""
        if not self.stale:
            return
        changes, currency_changed = self._missed, self._missed_currency
        self._init_refreshed_when_shown()
        self._apply_changes(changes, currency_changed=currency_changed)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.catch_up()

    def _apply_changes(self, changes: "Changes", *, currency_changed: bool = False) -> None:
        raise NotImplementedError
