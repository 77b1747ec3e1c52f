"""Interaction-to-repaint timings on REAL widgets (offscreen), for any window
whose children carry the objectNames of ``shop_gui.main_window.MainWindow``:
categoryTree, productTable, productSearch, quantitySpinBox, addToCartButton,
placeOrderButton. The naive baseline's window carries the same names, so both
are driven by exactly the same code.

Every sample is: t0, a real input event (QTest mouse click / key click), then
the event loop is spun (``processEvents``, busy, no sleeping) until the product
table shows the effect -- the stock cell of the ordered row changed, or the
table's model signalled a change -- then ``table.viewport().repaint()`` paints
synchronously, then t1. Work the window defers (queued calls, debounce timers)
is therefore inside the sample; only work scheduled after the table already
shows the new state falls outside it. Each sample is also checked: the stock
went down by exactly the quantity ordered, a paint event reached the viewport,
the searched rows match the term.
"""

import re
import time

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLineEdit, QWidget

ALL_PRODUCTS = "All products"
# Looked up once: an enum attribute lookup per spin would be harness overhead.
_ALL_EVENTS = QEventLoop.ProcessEventsFlag.AllEvents


class BenchError(RuntimeError):
    pass


def now_ms() -> float:
    return time.perf_counter_ns() / 1e6


def spin_until(predicate, timeout_s: float, what: str) -> None:
    app = QApplication.instance()
    deadline = time.perf_counter() + timeout_s
    while not predicate():
        app.processEvents(_ALL_EVENTS)
        if time.perf_counter() > deadline:
            raise BenchError(f"timed out after {timeout_s:g} s waiting for {what}")


def settle(ms: float) -> None:
    """Let the window finish whatever it queued (untimed)."""
    app = QApplication.instance()
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        app.processEvents(_ALL_EVENTS)


class PaintCounter(QObject):
    def __init__(self, widget: QWidget):
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


class ModelChanges:
    """Counts change signals of whatever model the table shows (a swapped-in
    model counts as a change too)."""

    SIGNALS = ("modelReset", "layoutChanged", "rowsInserted", "rowsRemoved", "rowsMoved", "dataChanged")

    def __init__(self, table):
        self.table = table
        self.model = None
        self.count = 0
        self._attach()

    def _bump(self, *args):
        self.count += 1

    def _attach(self):
        self.model = self.table.model()
        for name in self.SIGNALS:
            getattr(self.model, name).connect(self._bump)

    def current(self) -> int:
        if self.table.model() is not self.model:
            self.count += 1
            self._attach()
        return self.count


class DialogWatchdog(QObject):
    """Closes any modal dialog (a confirmation box would block the click
    forever offscreen) and remembers that one appeared."""

    def __init__(self):
        super().__init__()
        self.seen: list[str] = []
        self.timer = QTimer(self)
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._check)
        self.timer.start()

    def _check(self):
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog):
            text = getattr(modal, "text", lambda: "")()
            self.seen.append(f"{type(modal).__name__}: {text}"[:200])
            modal.reject()


class WindowDriver:
    def __init__(self, window: QWidget):
        self.window = window
        self.tree = self._child("categoryTree")
        self.table = self._child("productTable")
        self.search = self._child("productSearch", QLineEdit)
        self.quantity = window.findChild(QWidget, "quantitySpinBox")
        self.add_button = self._child("addToCartButton", QAbstractButton)
        self.place_button = self._child("placeOrderButton", QAbstractButton)
        self.paints = PaintCounter(self.table.viewport())
        self.changes = ModelChanges(self.table)
        self.watchdog = DialogWatchdog()

    def _child(self, name: str, cls=QWidget):
        widget = self.window.findChild(cls, name)
        if widget is None:
            raise BenchError(f"the window has no {cls.__name__} named {name!r}")
        return widget

    # -- the product table ----------------------------------------------------
    def column(self, title: str) -> int:
        model = self.table.model()
        for c in range(model.columnCount()):
            if str(model.headerData(c, Qt.Orientation.Horizontal) or "").strip().lower() == title.lower():
                return c
        raise BenchError(f"the product table has no {title!r} column")

    def cell(self, row: int, col: int) -> str:
        value = self.table.model().index(row, col).data(Qt.ItemDataRole.DisplayRole)
        return "" if value is None else str(value)

    def rows(self) -> int:
        return self.table.model().rowCount()

    def click_cell(self, row: int, col: int) -> None:
        index = self.table.model().index(row, col)
        self.table.scrollTo(index)
        QTest.mouseClick(
            self.table.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            self.table.visualRect(index).center(),
        )

    # -- the category tree ----------------------------------------------------
    def tree_index(self, name: str):
        model = self.tree.model()
        label = re.compile(re.escape(name) + r"(\s*[\(\[].*)?")
        stack = [model.index(r, 0) for r in range(model.rowCount())]
        while stack:
            index = stack.pop(0)
            if label.fullmatch(str(index.data() or "").strip()):
                return index
            stack.extend(model.index(r, 0, index) for r in range(model.rowCount(index)))
        raise BenchError(f"no category {name!r} in the category tree")

    def click_category(self, name: str) -> None:
        index = self.tree_index(name)
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        self.tree.scrollTo(index)
        QTest.mouseClick(
            self.tree.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            self.tree.visualRect(index).center(),
        )

    def show_category(self, name: str, settle_ms: float) -> None:
        self.click_category(name)
        settle(settle_ms)
        if self.tree.currentIndex() != self.tree_index(name):
            raise BenchError(f"clicking {name!r} in the tree did not select it")

    def clear_search(self, settle_ms: float) -> None:
        if self.search.text():
            self.search.setFocus()
            QTest.keyClick(self.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            QTest.keyClick(self.search, Qt.Key.Key_Backspace)
            settle(settle_ms)


def _stock_number(text: str) -> int:
    digits = re.sub(r"[^\d-]", "", text)
    if not digits:
        raise BenchError(f"stock cell {text!r} holds no number")
    return int(digits)


def _signature(d: WindowDriver) -> tuple:
    """What the table shows: its row count and the first rows' first cells."""
    return (d.rows(), *(d.cell(r, 0) for r in range(min(30, d.rows()))))


def time_place_order(
    d: WindowDriver,
    category: str,
    repeats: int,
    warmup: int,
    settle_ms: float,
    timeout_s: float,
    offset: int = 0,
    before_place=None,
) -> list[float]:
    """Select a row, add it to the order (untimed; then ``before_place()``,
    untimed too, e.g. choosing a customer), then time Place Order -> stock
    cell changed -> viewport repainted."""
    d.clear_search(settle_ms)
    d.show_category(category, settle_ms)
    sku_col, name_col, stock_col = d.column("SKU"), d.column("Name"), d.column("Stock")
    if hasattr(d.quantity, "setValue"):
        d.quantity.setValue(1)
    samples = []
    for i in range(warmup + repeats):
        row = (offset + i) % min(10, d.rows())
        d.click_cell(row, name_col)
        settle(settle_ms / 5)
        sku, before = d.cell(row, sku_col), d.cell(row, stock_col)
        QTest.mouseClick(d.add_button, Qt.MouseButton.LeftButton)
        if before_place is not None:
            before_place()
        settle(settle_ms / 5)
        paints = d.paints.count

        t0 = now_ms()
        QTest.mouseClick(d.place_button, Qt.MouseButton.LeftButton)
        spin_until(
            lambda row=row, before=before: d.cell(row, stock_col) != before,
            timeout_s,
            f"the stock cell of {sku} to change after Place Order",
        )
        d.table.viewport().repaint()
        t1 = now_ms()

        after = d.cell(row, stock_col)
        if d.cell(row, sku_col) != sku:
            raise BenchError(f"row {row} shows {d.cell(row, sku_col)} after the order, not {sku}")
        if _stock_number(after) != _stock_number(before) - 1:
            raise BenchError(f"{sku}: stock went from {before!r} to {after!r}, expected one less")
        if d.paints.count == paints:
            raise BenchError("the product table's viewport was not painted")
        if i >= warmup:
            samples.append(t1 - t0)
        settle(settle_ms)
    return samples


def time_switch_category(
    d: WindowDriver,
    sequence: list[str],
    repeats: int,
    warmup: int,
    settle_ms: float,
    timeout_s: float,
    timed=None,
    offset: int = 0,
) -> list[float]:
    """Click a category in the tree -> table changed -> viewport repainted.
    Rotates through ``sequence``; records clicks on the names in ``timed``
    (default: every click) until it has ``repeats`` samples after ``warmup``."""
    d.clear_search(settle_ms)
    d.show_category(sequence[(offset - 1) % len(sequence)], settle_ms)
    samples, seen, i = [], 0, offset
    while len(samples) < repeats:
        name = sequence[i % len(sequence)]
        i += 1
        index = d.tree_index(name)
        d.tree.scrollTo(index)
        settle(settle_ms / 5)
        shown_before = _signature(d)
        changes, paints = d.changes.current(), d.paints.count

        t0 = now_ms()
        QTest.mouseClick(
            d.tree.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            d.tree.visualRect(index).center(),
        )
        spin_until(
            lambda changes=changes: d.changes.current() != changes,
            timeout_s,
            f"the product table to change after clicking {name!r}",
        )
        d.table.viewport().repaint()
        t1 = now_ms()

        if d.tree.currentIndex() != index:
            raise BenchError(f"clicking {name!r} did not select it")
        if d.rows() == 0 or _signature(d) == shown_before:
            raise BenchError(f"the table did not show {name!r}'s products ({d.rows()} rows, first {d.cell(0, 0)!r})")
        if d.paints.count == paints:
            raise BenchError("the product table's viewport was not painted")
        if timed is None or name in timed:
            seen += 1
            if seen > warmup:
                samples.append(t1 - t0)
        settle(settle_ms)
    return samples


def time_search_keystroke(
    d: WindowDriver, terms: list[str], repeats: int, warmup: int, settle_ms: float, timeout_s: float, offset: int = 0
) -> list[float]:
    """With "All products" shown and a term's first letters typed (untimed),
    time the key click of its last letter -> table changed -> repainted."""
    d.clear_search(settle_ms)
    d.show_category(ALL_PRODUCTS, settle_ms)
    name_col, sku_col = d.column("Name"), d.column("SKU")
    samples = []
    for i in range(warmup + repeats):
        term = terms[(offset + i) % len(terms)]
        # Untimed: the first letters at once (one search, not one per letter:
        # the naive design takes ~1 s per keystroke at 100,000 products).
        d.search.setFocus()
        d.search.setText(term[:-1])
        d.search.end(False)
        settle(settle_ms)
        if d.search.text() != term[:-1]:
            raise BenchError(f"the search box holds {d.search.text()!r}, not {term[:-1]!r}")
        changes, paints = d.changes.current(), d.paints.count

        t0 = now_ms()
        QTest.keyClick(d.search, term[-1])
        spin_until(
            lambda changes=changes: d.changes.current() != changes,
            timeout_s,
            f"the product table to change after typing {term!r}",
        )
        d.table.viewport().repaint()
        t1 = now_ms()

        if d.search.text() != term:
            raise BenchError(f"the search box holds {d.search.text()!r}, not {term!r}")
        if d.rows() == 0:
            raise BenchError(f"searching {term!r} showed no products")
        first = (d.cell(0, name_col) + " " + d.cell(0, sku_col)).casefold()
        if term.casefold() not in first:
            raise BenchError(f"searching {term!r} shows {first!r} first")
        if d.paints.count == paints:
            raise BenchError("the product table's viewport was not painted")
        if i >= warmup:
            samples.append(t1 - t0)
    d.clear_search(settle_ms)
    return samples


# The figures, in table order: (key, label, target median, target p90).
FIGURES = (
    ("place_category", "Place Order -> repaint (category)", 16, 25),
    ("place_all", "Place Order -> repaint (All products)", 16, 25),
    ("switch", "Switch category -> repaint", 20, None),
    ("switch_all", "Switch to All products -> repaint", 20, None),
    ("search", "Search keystroke -> repaint", 40, None),
)


def _prepare(window: QWidget, settle_ms: float) -> WindowDriver:
    window.resize(1280, 800)
    window.show()
    QTest.qWaitForWindowExposed(window)
    settle(settle_ms * 3)
    return WindowDriver(window)


def measure_windows(
    windows: dict,
    manifest: dict,
    repeats: int,
    warmup: int = 2,
    chunk: int = 5,
    settle_ms: float = 30,
    timeout_s: float = 60,
    log=print,
    problems=None,
):
    """All GUI figures for several windows (ours and the baseline), taken in
    alternating chunks of ``chunk`` samples so that both see the same machine
    conditions (other processes' CPU and disk load drifts over minutes).
    Returns {window label: {figure key: samples}}; a window that fails stops
    being measured and the failure is appended to ``problems``."""
    problems = [] if problems is None else problems
    drivers = {label: _prepare(w, settle_ms) for label, w in windows.items()}
    cats = manifest["categories"]
    top = next(c["name"] for c in cats if c["parent_id"] is None)
    # Tree order: parents before their children, "All products" in between.
    sequence = []
    for c in cats:
        if c["parent_id"] is None:
            sequence.append(c["name"])
            sequence.extend(k["name"] for k in cats if k["parent_id"] == c["id"])
    sequence.insert(len(sequence) // 2, ALL_PRODUCTS)
    terms = manifest["search_terms"]
    steps = {
        "place_category": lambda d, n, w, o: time_place_order(d, top, n, w, settle_ms, timeout_s, o),
        "place_all": lambda d, n, w, o: time_place_order(d, ALL_PRODUCTS, n, w, settle_ms, timeout_s, o),
        "switch": lambda d, n, w, o: time_switch_category(d, sequence, n, w, settle_ms, timeout_s, offset=o),
        "switch_all": lambda d, n, w, o: time_switch_category(
            d, [top, ALL_PRODUCTS], n, w, settle_ms, timeout_s, timed={ALL_PRODUCTS}
        ),
        "search": lambda d, n, w, o: time_search_keystroke(d, terms, n, w, settle_ms, timeout_s, o),
    }
    results = {label: {} for label in windows}
    broken = set()
    for key, step in steps.items():
        spent = dict.fromkeys(drivers, 0.0)
        done = 0
        while done < repeats:
            n = min(chunk, repeats - done)
            w = warmup if done == 0 else 0
            for label, d in drivers.items():
                if label in broken:
                    continue
                t = time.perf_counter()
                try:
                    d.window.activateWindow()
                    results[label].setdefault(key, []).extend(step(d, n, w, done + (warmup if done else 0)))
                except Exception as exc:
                    import traceback

                    broken.add(label)
                    problems.append(f"{label}, {key}: {exc!r}\n{traceback.format_exc(limit=4)}")
                    log(f"    {label} FAILED at {key}: {exc!r}")
                spent[label] += time.perf_counter() - t
            done += n
        log(f"    {key}: " + ", ".join(f"{label} {secs:.1f} s" for label, secs in spent.items()))
    for label, d in drivers.items():
        if d.watchdog.seen:
            log(f"    {label}: dialogs that popped up (and were closed): {sorted(set(d.watchdog.seen))}")
        d.watchdog.timer.stop()
    return results
