"""The main window: the counter (catalog and order form) and the Orders tab."""

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMessageBox, QSplitter, QTabWidget

from shop_gui.bridge import ShopBridge
from shop_gui.views.catalog_view import CatalogView
from shop_gui.views.order_form import OrderForm
from shop_gui.views.orders_view import OrdersView

STATUS_MESSAGE_MS = 10_000


class _AfterFirstPaint(QObject):
    """Calls ``callback`` from the event loop once ``widget`` has painted."""

    def __init__(self, widget, callback):
        super().__init__(widget)
        self._widget, self._callback = widget, callback
        widget.installEventFilter(self)

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None
            QTimer.singleShot(0, callback)
            QTimer.singleShot(0, self.deleteLater)
        return False


class MainWindow(QMainWindow):
    """The main window for a core ``Shop``."""

    def __init__(self, shop, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Shop Manager")
        self.bridge = ShopBridge(shop, self)
        self.catalog = CatalogView(self.bridge)
        self.order_form = OrderForm(self.bridge)
        self.orders = OrdersView(self.bridge)

        counter = QSplitter(Qt.Orientation.Horizontal, objectName="counter")
        counter.addWidget(self.catalog)
        counter.addWidget(self.order_form)
        counter.setStretchFactor(0, 1)
        counter.setSizes([900, 380])
        self.tabs = QTabWidget(objectName="mainTabs")
        self.tabs.addTab(counter, "&Counter")
        self.tabs.addTab(self.orders, "&Orders")
        self.setCentralWidget(self.tabs)
        self.statusBar().showMessage("Ready", STATUS_MESSAGE_MS)
        self._build_menu()

        self.catalog.productChosen.connect(self.order_form.add_product)
        self.order_form.addRequested.connect(self._add_selected_product)
        self.order_form.orderPlaced.connect(lambda _id, summary: self.show_status(summary))
        self.catalog.message.connect(self.show_status)
        self.orders.message.connect(self.show_status)
        self.bridge.readModelChanged.connect(self._read_model_changed)
        self.bridge.commandFailed.connect(lambda error: self.show_status(str(error)))

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self._place_order_shortcut)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.focus_search)
        self.resize(1280, 800)
        self.catalog.search.setFocus()
        # Search keys and the like are built once the product list is on
        # screen, not before: the window shows sooner on a large catalog.
        _AfterFirstPaint(self.catalog.table.viewport(), self.bridge.warm_up)

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About Shop Manager", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MESSAGE_MS)

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.catalog.search.setFocus()
        self.catalog.search.selectAll()

    def _add_selected_product(self, quantity: int) -> None:
        product = self.catalog.selected_product()
        if product is None:
            self.order_form.show_message("Choose a product in the list first.")
            return
        self.order_form.add_product(product, quantity)

    def _place_order_shortcut(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.order_form.place_order()

    def _read_model_changed(self, changes) -> None:
        self.catalog.apply_changes(changes)
        self.order_form.refresh_products(changes.products)
        self.orders.apply_changes(changes)

    def _about(self) -> None:
        from shop_gui.version import version

        QMessageBox.about(self, "About Shop Manager",
                          f"<b>Shop Manager</b> {version()}<br>Catalog, counter and stock for a small shop.")

    def closeEvent(self, event) -> None:
        self.bridge.close()
        super().closeEvent(event)
