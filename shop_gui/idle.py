"""Noticing that nobody has touched the till for a while.

``IdleWatch`` looks at every key press, click, wheel turn and touch the
application gets (an event filter on the QApplication), but only while it
runs: a shop without staff never installs it. The filter only notes the
time; one single-shot timer checks it when the time could be up.
"""

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)


class IdleWatch(QObject):
    """Emits ``idle`` once ``timeout_ms`` pass without input, after ``start``.

    ``clock``: seconds, monotonic (a test may pass its own)."""

    idle = Signal()

    def __init__(self, parent=None, *, clock=time.monotonic):
        super().__init__(parent)
        self._clock = clock
        self._timeout_ms = 0
        self._last_input = 0.0
        self._installed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)

    @property
    def running(self) -> bool:
        return self._installed

    def start(self, timeout_ms: int) -> None:
        """Watch from now on; ``timeout_ms`` 0 or less: stop watching."""
        if timeout_ms <= 0:
            self.stop()
            return
        self._timeout_ms = timeout_ms
        self._last_input = self._clock()
        if not self._installed:
            QApplication.instance().installEventFilter(self)
            self._installed = True
        self._timer.start(timeout_ms)

    def stop(self) -> None:
        self._timer.stop()
        if self._installed:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._installed = False

    def eventFilter(self, watched, event) -> bool:
        if event.type() in _ACTIVITY:
            self._last_input = self._clock()
        return False

    def _check(self) -> None:
        if not self._installed:
            return
        quiet_ms = (self._clock() - self._last_input) * 1000
        if quiet_ms >= self._timeout_ms:
            self.stop()
            self.idle.emit()
        else:
            self._timer.start(max(1, int(self._timeout_ms - quiet_ms)))
