"""The main window: the counter (catalog and order form), the Orders, Low
stock and Customers tabs, File > Shop settings and Staff, the Till menu;
in a shop with staff, the sign-in screen instead of all that while nobody
is signed in."""

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
)

from core.domain.permissions import may
from core.queries import GetShopSettings
from shop_gui import formatting, window_state
from shop_gui.bridge import ShopBridge
from shop_gui.dialogs.command_dialog import open_dialog
from shop_gui.dialogs.customer_dialog import CustomerDialog
from shop_gui.dialogs.keyboard_map import KeyboardMapDialog
from shop_gui.dialogs.recall_dialog import RecallDialog
from shop_gui.dialogs.settings_dialog import SettingsDialog
from shop_gui.models.customer_directory import CustomerDirectory
from shop_gui.style import STRONG_ERROR_STYLE
from shop_gui.texts import describe, fill
from shop_gui.till_hardware import TillHardware
from shop_gui.views import park_actions
from shop_gui.views.backup_actions import BackupActions
from shop_gui.views.catalog_files import CatalogFiles
from shop_gui.views.catalog_view import CatalogView
from shop_gui.views.change_aware import ChangeAware
from shop_gui.views.customers_view import CustomersView
from shop_gui.views.journal_actions import JournalActions
from shop_gui.views.language_menu import LanguageMenu
from shop_gui.views.low_stock_view import LowStockView
from shop_gui.views.message_boxes import confirm_action
from shop_gui.views.order_form import OrderForm
from shop_gui.views.orders_view import OrdersView
from shop_gui.views.reports_view import ReportsView
from shop_gui.views.server_actions import ServerActions
from shop_gui.views.server_link_note import ServerLinkNote
from shop_gui.views.staff_actions import MINUTE_MS, StaffActions
from shop_gui.views.till_actions import TillActions
from shop_gui.views.undo_actions import UndoActions

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
    """The main window for a core ``Shop``.

    ``pay_after_placing``: after Place Order, the Pay dialog opens for the new
    order (skipping it leaves the order placed). The ``*_ms`` intervals go to
    the ShopBridge's timers; the app leaves them at their defaults, as it
    does ``idle_minute_ms``: how long one minute of the idle sign-out
    setting lasts (a test makes it short)."""

    pay_after_placing = True

    def __init__(
        self,
        shop,
        parent=None,
        *,
        poll_interval_ms: int = ShopBridge.POLL_INTERVAL_MS,
        worker_refresh_ms: int = ShopBridge.WORKER_REFRESH_MS,
        save_delay_ms: int = ShopBridge.SAVE_DELAY_MS,
        idle_minute_ms: int = MINUTE_MS,
    ):
        super().__init__(parent)
        self._idle_minute_ms = idle_minute_ms
        self._importing = False
        self._alert: str | None = None  # the status bar shows it in red
        self.setWindowTitle(self.tr("Shop Manager"))
        self.bridge = ShopBridge(
            shop,
            self,
            poll_interval_ms=poll_interval_ms,
            worker_refresh_ms=worker_refresh_ms,
            save_delay_ms=save_delay_ms,
        )
        formatting.use_settings(self.bridge.ask(GetShopSettings()))  # before anything shows money
        self._build()
        self._layout()
        self._build_menu()
        self._connect()
        self._update_export_action()
        self._add_shortcuts()
        window_state.restore(self, self.tabs)  # as left on this computer; the first time, fit to the screen
        self.catalog.search.setFocus()
        self._set_locked(self.staff.locked)
        # Search keys and the like are built once the product list (or the
        # sign-in screen) is on screen, not before: the window shows sooner
        # on a large catalog.
        first = self.staff.screen if self.staff.locked else self.catalog.table.viewport()
        _AfterFirstPaint(first, self.bridge.warm_up)

    # -- building the window ------------------------------------------------------------------
    def _build(self) -> None:
        """The views, each over the bridge; one list of customers for the
        picker, the Orders tab's filter and the Customers tab (asked for once
        per change, in ``_read_model_changed``)."""
        self.customer_directory = CustomerDirectory(self.bridge, self)
        self.catalog = CatalogView(self.bridge)
        self.order_form = OrderForm(self.bridge, customers=self.customer_directory)
        self.orders = OrdersView(self.bridge, customers=self.customer_directory)
        self.low_stock = LowStockView(self.bridge)
        self.customers = CustomersView(self.bridge, customers=self.customer_directory)
        self.reports = ReportsView(self.bridge)
        self.files = CatalogFiles(self.bridge, self)
        self.parking = park_actions.ParkActions(self.order_form, self)
        self.backups = BackupActions(self.bridge, self)  # File > Back up now..., Restore; the warning
        self.servers = ServerActions(self.bridge, self)  # File > Connect to a shared shop..., Move..., Own shop
        # Each keeps itself up to date; the window only hands them the changes.
        self._change_aware: tuple[ChangeAware, ...] = (
            self.catalog,
            self.order_form,
            self.orders,
            self.low_stock,
            self.customers,
            self.reports,
        )

    def _layout(self) -> None:
        """The counter (catalog and order form side by side) and the other tabs."""
        counter = QSplitter(Qt.Orientation.Horizontal, objectName="counter")
        counter.addWidget(self.catalog)
        counter.addWidget(self.order_form)
        counter.setStretchFactor(0, 1)
        counter.setSizes([850, 430])
        self.tabs = QTabWidget(objectName="mainTabs")
        self.tabs.addTab(counter, self.tr("&Counter"))
        self.tabs.addTab(self.orders, self.tr("&Orders"))
        self.low_stock_tab = self.tabs.addTab(self.low_stock, "")
        self._show_low_stock_count(self.low_stock.count())
        self.tabs.addTab(self.customers, self.tr("C&ustomers"))
        self.tabs.addTab(self.reports, self.tr("Reports"))  # every letter of it is taken by a tab or menu
        # The tabs, or the sign-in screen while nobody is signed in (StaffActions).
        self.staff = StaffActions(self.bridge, self, minute_ms=self._idle_minute_ms)
        self.pages = QStackedWidget(objectName="pages")
        self.pages.addWidget(self.tabs)
        self.pages.addWidget(self.staff.screen)
        self.setCentralWidget(self.pages)
        self.statusBar().addPermanentWidget(self.backups.warning)
        self.statusBar().addPermanentWidget(self.staff.status_label)
        # A long history being rebuilt in the background (core/history_fill.py):
        # the counter works; older orders' lists and reports wait for it.
        self.history_note = QLabel(self.tr("Loading older orders…"), objectName="historyLoading")
        self.history_note.setToolTip(
            self.tr(
                "The order history is being rebuilt in the background. Selling, stock and today's orders "
                "work now; lists of older orders and reports wait until it is in."
            )
        )
        self.statusBar().addPermanentWidget(self.history_note)
        self.history_note.setVisible(self.bridge.shop.loading_history)
        # A shared server that cannot be reached: said here until it is back.
        self.server_note = ServerLinkNote(self.bridge)
        self.statusBar().addPermanentWidget(self.server_note)
        self.statusBar().showMessage(self.tr("Ready"), STATUS_MESSAGE_MS)

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        self.import_action = QAction(
            self.tr("&Import products..."), self, objectName="importAction", shortcut=QKeySequence("Ctrl+I")
        )
        self.import_action.setStatusTip(self.tr("Add or update products from a CSV file"))
        self.import_action.triggered.connect(self.files.import_products)
        self.export_action = QAction(self.tr("&Export catalog..."), self, objectName="exportAction")
        self.export_action.setStatusTip(self.tr("Save every product to a CSV file"))
        self.export_action.triggered.connect(lambda: self.files.export_catalog())
        self.export_category_action = QAction(
            self.tr("Export &current category..."), self, objectName="exportCategoryAction"
        )
        self.export_category_action.setStatusTip(self.tr("Save the chosen category's products to a CSV file"))
        self.export_category_action.triggered.connect(self._export_current_category)
        file_menu.addActions([self.import_action, self.export_action, self.export_category_action])
        file_menu.addSeparator()
        self.settings_action = QAction(self.tr("Shop &settings..."), self, objectName="settingsAction")
        self.settings_action.setStatusTip(self.tr("The shop's name and address for receipts, its currency and tax"))
        self.settings_action.triggered.connect(self.open_settings)
        file_menu.addAction(self.settings_action)
        self.staff.add_to(file_menu)
        file_menu.addMenu(LanguageMenu(self, self.show_status))
        file_menu.addSeparator()
        self.backups.add_to(file_menu)
        self.servers.add_to(file_menu)
        self.journal = JournalActions(self.bridge, self)  # File > Journal..., Help > Verify journal
        file_menu.addAction(self.journal.journal_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.quit)
        file_menu.addAction(quit_action)
        self.undo_actions = UndoActions(self.bridge, self)  # Edit > Undo, Redo
        self.undo_actions.menu(self.menuBar())
        self._build_till_menu()
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Shop Manager"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)
        keys = QAction(
            self.tr("&Keyboard shortcuts"), self, objectName="keyboardMapAction", shortcut=QKeySequence("F1")
        )
        keys.triggered.connect(self.show_keyboard_map)
        help_menu.addAction(keys)
        help_menu.addAction(self.journal.verify_action)
        # Every menu item but Quit and About waits for someone to sign in
        # (in a shop with staff); one added later is covered too.
        self._needs_sign_in = QActionGroup(self)
        self._needs_sign_in.setExclusionPolicy(QActionGroup.ExclusionPolicy.None_)
        for menu_action in self.menuBar().actions():
            for action in menu_action.menu().actions():
                if not action.isSeparator() and action not in (quit_action, about, keys):
                    self._needs_sign_in.addAction(action)

    def _build_till_menu(self) -> None:
        """Till: open, pay in and out, the X report, close (blind count, Z report), past Z reports."""
        self.till = TillActions(self.bridge, self)
        till_menu = self.till.menu(self.menuBar())
        self.till.message.connect(self.show_status)
        # The receipt printer and the cash drawer (shop_gui/till_hardware.py).
        self.hardware = TillHardware(self.bridge, self)
        self.hardware.add_to(till_menu)
        self.hardware.message.connect(self.show_status)

    def _connect(self) -> None:
        """The views to one another, and the bridge to them all."""
        self.catalog.productChosen.connect(self.order_form.add_product)
        self.catalog.productChosen.connect(self._product_added)  # after the add
        self.catalog.alert.connect(self.show_alert)
        self.statusBar().messageChanged.connect(self._status_changed)
        self.order_form.addRequested.connect(self._add_selected_product)
        self.order_form.orderPlaced.connect(self._order_placed)
        self.order_form.newCustomerRequested.connect(self._new_customer_for_order)
        self.catalog.message.connect(self.show_status)
        self.orders.message.connect(self.show_status)
        self.customers.message.connect(self.show_status)
        self.customers.orderChosen.connect(self.show_order)
        self.files.message.connect(self.show_status)
        self.parking.message.connect(self.show_status)
        self.backups.message.connect(self.show_status)
        self.servers.message.connect(self.show_status)
        self.undo_actions.message.connect(self.show_status)
        self.journal.message.connect(self.show_status)
        self.low_stock.countChanged.connect(self._show_low_stock_count)
        self.low_stock.receiveRequested.connect(self.catalog.product_actions.receive_stock)
        self.files.importingChanged.connect(self._importing_changed)
        self.staff.message.connect(self.show_status)
        self.staff.lockedChanged.connect(self._set_locked)
        self.bridge.signedInChanged.connect(lambda _person: self._update_import_action())
        self.catalog.tree.selectionModel().currentChanged.connect(self._update_export_action)
        self.bridge.readModelChanged.connect(self._read_model_changed)
        self.bridge.commandFailed.connect(lambda error: self.show_status(describe(error)))
        self.bridge.busy.connect(self.show_status)
        self.server_note.message.connect(self.show_status)

    def _add_shortcuts(self) -> None:
        # On the tabs, not the window: they do nothing on the sign-in screen.
        # Each says what it does (whatsThis): the keyboard map (F1) lists it.
        for keys, slot, what in (
            ("Ctrl+Return", self._place_order_shortcut, self.tr("Place the order")),
            ("Ctrl+Enter", self._place_order_shortcut, ""),  # the keypad's Enter: listed once
            ("Ctrl+F", self.focus_search, self.tr("Go to the search box")),
            ("F8", self.park_order, self.tr("Park the order, to serve the next customer")),
            ("F9", self.recall_order, self.tr("Recall a parked order")),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.tabs, activated=slot)
            shortcut.setWhatsThis(what)

    # -- what the window shows and does ------------------------------------------------------------
    def _set_locked(self, locked: bool) -> None:
        """The sign-in screen instead of the tabs, and the menus waiting,
        while nobody is signed in; every dialog closes as the screen shows
        (the next person does not see, nor send, what the last one left)."""
        self._needs_sign_in.setEnabled(not locked)
        if locked:
            for dialog in self.findChildren(QDialog):
                if dialog.isVisible():
                    dialog.close()
            self.statusBar().clearMessage()  # "Refund £12.50 by cash" was for the last person
            self.pages.setCurrentWidget(self.staff.screen)
            self.staff.screen.take_focus()
        else:
            self.pages.setCurrentWidget(self.tabs)
            if self.tabs.currentIndex() == 0:
                self.catalog.search.setFocus()
        self._update_import_action()

    def _importing_changed(self, busy: bool) -> None:
        self._importing = busy
        self.staff.set_busy(busy)
        self._update_import_action()

    def _update_import_action(self) -> None:
        """An import runs in the background as whoever is signed in: their
        role must allow it, since no one can approve its batches one by one."""
        person = self.bridge.signed_in
        allowed = person is None or may(person.role, "ImportProducts")
        self.import_action.setEnabled(allowed and not self._importing)
        tip = (
            self.tr("Add or update products from a CSV file")
            if allowed
            else self.tr("Importing products needs a manager or an owner signed in.")
        )
        self.import_action.setToolTip(tip)
        self.import_action.setStatusTip(tip)

    def _show_low_stock_count(self, count: int) -> None:
        self.tabs.setTabText(self.low_stock_tab, fill(self.tr("&Low stock (%1)"), QLocale().toString(count)))

    def _update_export_action(self, *_) -> None:
        name = self._current_category_name()
        self.export_category_action.setEnabled(name is not None)
        self.export_category_action.setText(
            fill(self.tr("Export “%1”..."), name) if name else self.tr("Export &current category...")
        )

    def _current_category_name(self) -> str | None:
        if self.catalog.current_category_id() is None:
            return None
        return self.catalog.tree.currentIndex().data(Qt.ItemDataRole.AccessibleTextRole)

    def _export_current_category(self) -> None:
        category_id = self.catalog.current_category_id()
        if category_id is not None:
            self.files.export_catalog(category_id, self._current_category_name())

    def show_status(self, text: str) -> None:
        self._alert = None
        self.statusBar().showMessage(text, STATUS_MESSAGE_MS)

    def show_alert(self, text: str) -> None:
        """Something gone wrong at the counter (an unknown code): the status bar
        in red and the system beep, no dialog to take the scanner's next code."""
        self._alert = text
        self.statusBar().setStyleSheet(f"QStatusBar {{ {STRONG_ERROR_STYLE} }}")
        self.statusBar().showMessage(text, STATUS_MESSAGE_MS)
        QApplication.beep()

    def _status_changed(self, text: str) -> None:
        if text != self._alert:
            self.statusBar().setStyleSheet("")  # the alert was replaced, or timed out

    def _product_added(self, _product) -> None:
        if self._alert is not None:
            self._alert = None
            self.statusBar().clearMessage()  # the last scan's "unknown code" is over
        self.ready_for_next_scan()

    def ready_for_next_scan(self) -> None:
        """At the counter, the search box takes the next scan: focused, its text
        selected (the next code replaces it). After an add, Place Order, a
        payment, any dialog closing."""
        if self.pages.currentWidget() is self.tabs and self.tabs.currentIndex() == 0:
            self.catalog.search.setFocus(Qt.FocusReason.OtherFocusReason)
            self.catalog.search.selectAll()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.WindowUnblocked:  # the last dialog over the window closed
            QTimer.singleShot(0, self.ready_for_next_scan)
        return super().event(event)

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.catalog.search.setFocus()
        self.catalog.search.selectAll()

    def _add_selected_product(self, quantity: int) -> None:
        product = self.catalog.selected_product()
        if product is None:
            self.order_form.show_message(self.tr("Choose a product in the list first."))
            return
        self.order_form.add_product(product, quantity)
        self.ready_for_next_scan()

    def _place_order_shortcut(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.order_form.place_order()

    def _order_placed(self, order_id: int, summary: str) -> None:
        self.show_status(summary)
        if self.pay_after_placing:
            self.orders.take_payment(order_id, parent=self)
        else:
            self.ready_for_next_scan()

    # -- parked orders (views/park_actions.py) ------------------------------------------------
    def park_order(self) -> None:
        self.tabs.setCurrentIndex(0)
        if self.parking.park():
            self.ready_for_next_scan()

    def recall_order(self) -> RecallDialog | None:
        self.tabs.setCurrentIndex(0)
        return self.parking.recall()

    def show_order(self, order_id: int) -> None:
        self.tabs.setCurrentWidget(self.orders)
        self.orders.show_order(order_id)

    # -- dialogs ---------------------------------------------------------------------------------
    def open_settings(self) -> SettingsDialog:
        return open_dialog(SettingsDialog(self.bridge, self), lambda: self.show_status(self.tr("Shop settings saved.")))

    def _new_customer_for_order(self, typed: str) -> CustomerDialog:
        dialog = CustomerDialog(self.bridge, parent=self, name=typed)

        def added():
            self.order_form.set_customer(dialog.result_value)
            self.show_status(fill(self.tr("%1 added; the order is in their name."), dialog.name()))

        return open_dialog(dialog, added)

    def _read_model_changed(self, changes) -> None:
        currency_changed = False
        if changes.settings or changes.rebuilt:  # before any view shows an amount again
            currency_changed = formatting.use_settings(self.bridge.ask(GetShopSettings()))
        if changes.customers or changes.rebuilt:
            # Once for the picker, the Orders filter and the Customers tab.
            self.customer_directory.reload(None if changes.rebuilt else changes.customers)
        for view in self._change_aware:
            view.apply_changes(changes, currency_changed=currency_changed)
        if changes.categories or changes.rebuilt:
            self._update_export_action()  # the chosen category may be renamed or gone
        if changes.rebuilt:
            self.history_note.setVisible(self.bridge.shop.loading_history)

    def show_keyboard_map(self) -> KeyboardMapDialog:
        return open_dialog(KeyboardMapDialog(self))

    def _about(self) -> None:
        from shop_gui.about_dialog import AboutDialog

        AboutDialog(self).exec()

    def quit(self) -> None:
        """File > Quit: asks first while an order is being built."""
        if self.may_quit():
            self.close()

    def may_quit(self) -> bool:
        """With lines in the order: park it and quit, or keep selling."""
        if self.order_form.cart.is_empty():
            return True
        return self.confirm_quit() and self.parking.park()

    def confirm_quit(self) -> bool:  # a test replaces it
        return confirm_action(
            self,
            self.tr("Quit"),
            self.tr("An order is being built. Park it (F9 recalls it at the next start) and quit?"),
            self.tr("&Park it and quit"),
            self.tr("&Keep selling"),
        )

    def closeEvent(self, event) -> None:
        # The window's close button (spontaneous) asks as Quit does; a program's close() does not.
        if event.spontaneous() and not self.may_quit():
            event.ignore()
            return
        window_state.save(self, self.tabs)
        self.staff.idle.stop()
        self.files.shutdown()  # an import stops between batches first
        self.reports.shutdown()  # a report being added up ends first
        self.backups.shutdown()  # a backup being made ends first
        self.servers.shutdown()  # a move under way ends first
        self.journal.shutdown()
        self.bridge.close()
        super().closeEvent(event)
