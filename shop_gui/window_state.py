"""How the window was left on this computer: its size and place, where each
splitter stood, each list's column widths and order, the tab it was on.
Kept with the computer's settings (local_settings.py), not the shop's: two
tills with different screens each keep their own."""

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtWidgets import QDialog, QMainWindow, QSplitter, QTableView, QTabWidget, QWidget

from shop_gui import local_settings

GEOMETRY_KEY = "window/geometry"
TAB_KEY = "window/tab"
SPLITTER_KEY = "window/splitters/{}"
COLUMNS_KEY = "window/columns/{}"
COLUMN_COUNT_KEY = "window/columnCount/{}"

# The size the window opens at the first time, if the screen has room for it.
PREFERRED_SIZE = QSize(1280, 800)
# Room left for the window manager's title bar, borders and a panel or task bar.
FRAME_ALLOWANCE = QSize(16, 64)


def _in_window(window: QWidget, kind) -> list:
    """Named widgets of ``kind`` in the window itself, not in a dialog open over it."""

    def in_dialog(widget) -> bool:
        while widget is not None and widget is not window:
            if isinstance(widget, QDialog):
                return True
            widget = widget.parentWidget()
        return False

    return [w for w in window.findChildren(kind) if w.objectName() and not in_dialog(w)]


def _tab_key(tabs: QTabWidget, index: int) -> str:
    """A tab's page by its objectName, else by its caption ("&Low stock (12)" -> "Low stock")."""
    name = tabs.widget(index).objectName() if index >= 0 else ""
    return name or tabs.tabText(index).replace("&", "").split(" (")[0]


def fit_to_screen(window: QWidget) -> None:
    """The first size: the preferred one, or less, so that the whole window
    (its frame included) is on the screen it opens on, centred there."""
    screen = window.screen()
    if screen is None:
        window.resize(PREFERRED_SIZE)
        return
    available = screen.availableGeometry()
    size = PREFERRED_SIZE.boundedTo(available.size() - FRAME_ALLOWANCE).expandedTo(window.minimumSizeHint())
    window.resize(size)
    window.move(
        available.x() + max(0, (available.width() - size.width()) // 2),
        available.y() + max(0, (available.height() - size.height() - FRAME_ALLOWANCE.height()) // 2),
    )


def restore(window: QMainWindow, tabs: QTabWidget) -> None:
    """Put the window as it was left on this computer; the first time, fit it to the screen."""
    store = local_settings.settings()
    geometry = store.value(GEOMETRY_KEY)
    if not isinstance(geometry, QByteArray) or not window.restoreGeometry(geometry):
        fit_to_screen(window)
    for splitter in _in_window(window, QSplitter):
        state = store.value(SPLITTER_KEY.format(splitter.objectName()))
        if isinstance(state, QByteArray):
            splitter.restoreState(state)
    for table in _in_window(window, QTableView):
        header = table.horizontalHeader()
        name = table.objectName()
        state = store.value(COLUMNS_KEY.format(name))
        # Columns added or taken away since: the old widths would land on other columns.
        if isinstance(state, QByteArray) and str(store.value(COLUMN_COUNT_KEY.format(name))) == str(header.count()):
            header.restoreState(state)
    tab = store.value(TAB_KEY)
    for index in range(tabs.count()):
        if tab and _tab_key(tabs, index) == tab:
            tabs.setCurrentIndex(index)


def save(window: QMainWindow, tabs: QTabWidget) -> None:
    store = local_settings.settings()
    store.setValue(GEOMETRY_KEY, window.saveGeometry())
    for splitter in _in_window(window, QSplitter):
        store.setValue(SPLITTER_KEY.format(splitter.objectName()), splitter.saveState())
    for table in _in_window(window, QTableView):
        header = table.horizontalHeader()
        store.setValue(COLUMNS_KEY.format(table.objectName()), header.saveState())
        store.setValue(COLUMN_COUNT_KEY.format(table.objectName()), header.count())
    store.setValue(TAB_KEY, _tab_key(tabs, tabs.currentIndex()))
    store.sync()
