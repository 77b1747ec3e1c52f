"""Edit > Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z): this till's last action,
undone by a command that compensates it (core/handlers/undo.py), never by
deleting history. The menu item names the action ("Undo receive 24 × Blue
Enamel Mug"); what cannot be undone is refused with a sentence.

In a text field Ctrl+Z undoes the typing, as everywhere else: the field
takes the key first.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from core.commands import RedoAction, UndoAction
from core.errors import ShopError
from shop_gui import approval
from shop_gui.texts import describe, fill, word

NOTHING_TO_UNDO = QT_TRANSLATE_NOOP("words", "Nothing done at this till can be undone.")
NOTHING_TO_REDO = QT_TRANSLATE_NOOP("words", "There is nothing to redo at this till.")


class UndoActions(QObject):
    """Signals:
    message(str): what was undone or redone, or why not (status bar).
    done(object): an undo or redo was stored (its Outcome).
    """

    message = Signal(str)
    done = Signal(object)

    def __init__(self, bridge, window):
        super().__init__(window)
        self._bridge, self._window = bridge, window
        self.undo_action = QAction(self.tr("&Undo"), self, objectName="undoAction", shortcut=QKeySequence("Ctrl+Z"))
        self.undo_action.setStatusTip(self.tr("Undo the last thing done at this till"))
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(
            self.tr("&Redo"), self, objectName="redoAction", shortcut=QKeySequence("Ctrl+Shift+Z")
        )
        self.redo_action.setStatusTip(self.tr("Do again what was just undone at this till"))
        self.redo_action.triggered.connect(self.redo)

    def menu(self, menu_bar) -> QMenu:
        """The Edit menu, added to ``menu_bar``; its items name the actions as it opens."""
        # No Alt letter: E, d, i and t are taken (Customer, Line discount, Fulfil, Till).
        menu = menu_bar.addMenu(self.tr("Edit"))
        menu.setObjectName("editMenu")
        menu.addActions([self.undo_action, self.redo_action])
        menu.aboutToShow.connect(self.refresh)
        return menu

    def _offers(self):
        shop = self._bridge.shop
        try:
            return shop.undo_offer(), shop.redo_offer()
        except ShopError as exc:
            self.message.emit(describe(exc))
            return None, None

    def refresh(self) -> None:
        """Name what Undo and Redo would do now."""
        undo, redo = self._offers()
        names = (
            (self.undo_action, undo, self.tr("&Undo %1"), self.tr("&Undo")),
            (self.redo_action, redo, self.tr("&Redo %1"), self.tr("&Redo")),
        )
        for action, offer, named_text, bare_text in names:
            named = offer is not None and offer.position is not None
            action.setText(fill(named_text, describe(offer.description)) if named else bare_text)
            # A refusal stays clickable: choosing it says why.
            action.setEnabled(offer is not None and (named or offer.refusal is not None))
            action.setToolTip(
                describe(offer.refusal) if offer is not None and offer.refusal else action.text().replace("&", "")
            )

    def undo(self) -> None:
        offer, _redo = self._offers()
        if offer is not None:
            self._send(offer, UndoAction, self.tr("Undone: %1."), NOTHING_TO_UNDO)

    def redo(self) -> None:
        _undo, offer = self._offers()
        if offer is not None:
            self._send(offer, RedoAction, self.tr("Redone: %1."), NOTHING_TO_REDO)

    def _send(self, offer, command_class, past: str, nothing: str) -> None:
        if offer.position is None:
            self.message.emit(describe(offer.refusal) if offer.refusal else word(nothing))
            return

        def finished(outcome) -> None:
            if outcome.ok:
                self.message.emit(fill(past, describe(outcome.result)))
                self.done.emit(outcome)
            elif outcome.error is not None:
                self.message.emit(describe(outcome.error))
            self.refresh()

        approval.dispatch(self._bridge, command_class(offer.position), self._window, finished)
