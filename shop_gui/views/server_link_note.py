"""The status bar's note while the shop's server cannot be reached: it says
so, counts down to the next try, and goes once the server is back (the
till then catches up by itself: shop_gui/bridge.py)."""

import math
import time

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel

from shop_gui.formatting import count_of
from shop_gui.style import STRONG_ERROR_STYLE
from shop_gui.texts import fill


class ServerLinkNote(QLabel):
    """Follows ``bridge.serverLinkChanged``. Hidden while the till listens
    (and always on SQLite). Signals: message(str), a sentence for the status
    bar when the server is back."""

    message = Signal(str)

    def __init__(self, bridge, parent=None, *, clock=time.monotonic):
        super().__init__(parent, objectName="serverLink")
        self._clock = clock
        self._next_try: float | None = None
        self._lost = False
        self.setStyleSheet(STRONG_ERROR_STYLE)
        self.setToolTip(
            self.tr(
                "This till cannot reach the shop's server: the network or the server is down. The lists show "
                "what the till knew; sales and other changes are refused, with nothing half-done, until it is "
                "back. Shop Manager keeps trying and catches up by itself."
            )
        )
        self.hide()
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._show_countdown)
        bridge.serverLinkChanged.connect(self.show_link)

    def show_link(self, link) -> None:
        if link.listening or link.reachable:
            self._countdown.stop()
            self.hide()
            if self._lost:
                self._lost = False
                self.message.emit(self.tr("The shop's server can be reached again; this till is up to date."))
            return
        self._lost = True
        self._next_try = None if link.retry_in is None else self._clock() + link.retry_in
        self._show_countdown()
        self._countdown.start()
        self.show()

    def _show_countdown(self) -> None:
        left = 0 if self._next_try is None else math.ceil(self._next_try - self._clock())
        if left > 0:
            self.setText(fill(self.tr("Shop server unreachable: trying again in %1"), count_of(left, "second")))
        else:
            self.setText(self.tr("Shop server unreachable: trying again now…"))
