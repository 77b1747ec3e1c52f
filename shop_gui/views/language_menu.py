"""File > Language: the window's language on this computer (saved in its
settings, applied at the next start: every window, dialog and number is
built in one language)."""

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from shop_gui import local_settings
from shop_gui.language import LANGUAGES


class LanguageMenu(QMenu):
    def __init__(self, parent, show_status):
        super().__init__(self.tr("&Language"), parent, objectName="languageMenu")
        self._show_status = show_status
        group = QActionGroup(self)
        saved = local_settings.language()
        # The languages by their own names, so whoever cannot read this one finds theirs.
        choices = [("", self.tr("As the system"))] + list(LANGUAGES.items())
        for code, name in choices:
            action = QAction(name, self, checkable=True, objectName=f"language_{code or 'system'}")
            action.setChecked(code == saved)
            action.triggered.connect(lambda _checked=False, code=code: self._choose(code))
            group.addAction(action)
            self.addAction(action)

    def _choose(self, code: str) -> None:
        local_settings.set_language(code)
        self._show_status(self.tr("The language changes when Shop Manager next starts."))
