"""Layouts that never break: 200-character names (product, category,
customer, shop) never widen the window or a dialog past the screen, the
first window fits the screen it opens on, and what the person left (size,
splitters, columns, tab) is there at the next start on this computer."""

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QSplitter

from core import open_shop
from core.commands import AddCategory, AddCustomer, AddProduct, UpdateShopSettings
from core.queries import GetShopSettings
from shop_gui import window_state
from shop_gui.main_window import MainWindow
from tests.gui.helpers import add_to_order, choose_category, click, open_dialog

LAPTOP = QSize(1366, 768)  # the smallest screen a till is sold with today


def long_name(start: str) -> str:
    name = (start + " " + "Longer " * 40)[:200]
    assert len(name) == 200
    return name


CATEGORY, PRODUCT, CUSTOMER, SHOP = (long_name(w) for w in ("Category", "Product", "Customer", "Shop"))


@pytest.fixture
def long_shop(tmp_path):
    shop = open_shop(tmp_path / "long-shop")
    category = shop.dispatch(AddCategory(CATEGORY))
    shop.dispatch(AddProduct("LONG-1", PRODUCT, category, 999, stock=50, barcode="1234567890128"))
    shop.dispatch(AddCustomer(CUSTOMER, phone="01234 567890", email=long_name("mail").replace(" ", "") + "@x.org"))
    shop.dispatch(UpdateShopSettings.based_on(shop.ask(GetShopSettings()), name=SHOP))
    yield shop
    shop.close()


def open_window(qtbot, shop) -> MainWindow:
    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def screen_room(window) -> QSize:
    return window.screen().availableGeometry().size().boundedTo(LAPTOP)


def assert_fits(widget, room: QSize) -> None:
    QApplication.processEvents()
    size = widget.frameGeometry().size()
    assert size.width() <= room.width() and size.height() <= room.height(), (widget.objectName(), size, room)
    hint = widget.minimumSizeHint()
    assert hint.width() <= room.width() and hint.height() <= room.height(), (widget.objectName(), hint, room)


def test_long_names_never_widen_the_window(qtbot, long_shop):
    window = open_window(qtbot, long_shop)
    room = screen_room(window)
    assert_fits(window, room)
    size = window.size()

    choose_category(qtbot, window, CATEGORY)  # a 75-character category grew it to 1,790 px
    add_to_order(qtbot, window, PRODUCT, 2)
    window.order_form.set_customer(1)
    assert window.order_form.customer_picker.currentText().startswith("Customer")
    click(qtbot, window.order_form.place_button)
    pay = open_dialog(window, "payDialog")
    assert_fits(pay, room)
    click(qtbot, pay.ok_button)

    window.tabs.setCurrentWidget(window.orders)
    window.orders.select_order(1)
    assert window.orders.detail.toolTip() == CUSTOMER
    window.tabs.setCurrentWidget(window.customers)
    window.customers.select_customer(1)
    window.tabs.setCurrentWidget(window.low_stock)
    QApplication.processEvents()
    assert window.size() == size
    assert_fits(window, room)
    # The next start opens at the size it was left at, not wider.
    window.close()
    again = open_window(qtbot, long_shop)
    assert again.size() == size
    again.close()


def test_long_names_keep_every_dialog_on_the_screen(qtbot, long_shop):
    window = open_window(qtbot, long_shop)
    room = screen_room(window)
    choose_category(qtbot, window, CATEGORY)
    window.catalog.select_product(1)
    actions = window.catalog.product_actions
    for dialog in (
        actions.receive_stock(),
        actions.adjust_stock(),
        actions.edit_product(),
        actions.new_product(),
        window.open_settings(),
        window.customers.edit_customer(1),
        window.hardware.open_settings(),
        window.hardware.print_labels(),  # the chosen product's, and the categories' long names
        window.hardware.open_label_printer(),
        window.servers.connect_to_server(),
        window.servers.move_to_server(),
    ):
        assert_fits(dialog, room)
        dialog.reject()
    categories = window.catalog.categories
    categories.select_category(1)
    for dialog in (categories.rename_category(), categories.move_category(), categories.delete_category()):
        assert_fits(dialog, room)
        dialog.reject()
    # The order dialogs, on an order in the 200-character customer's name.
    add_to_order(qtbot, window, PRODUCT, 1)
    window.order_form.set_customer(1)
    click(qtbot, window.order_form.place_button)
    click(qtbot, open_dialog(window, "payDialog").ok_button)
    window.tabs.setCurrentWidget(window.orders)
    window.orders.select_order(1)
    for dialog in (window.orders.return_items(), window.orders.cancel_current(), window.orders.show_receipt()):
        assert_fits(dialog, room)
        dialog.close()
    journal = window.journal.open_journal()  # its pickers holding the 200-character product and customer
    assert journal.product.choose(1) and journal.customer.choose(1)
    assert_fits(journal, room)
    journal.close()
    window.close()


def test_the_first_window_fits_the_screen_it_opens_on(qtbot, shop, catalog):
    window = open_window(qtbot, shop)
    available = window.screen().availableGeometry()
    frame = window.frameGeometry()
    assert available.contains(window.geometry())
    assert frame.width() <= available.width() and frame.height() <= available.height()
    assert window.minimumSizeHint().width() <= LAPTOP.width()
    assert window.minimumSizeHint().height() <= LAPTOP.height() - window_state.FRAME_ALLOWANCE.height()
    window.close()


def test_size_splitters_columns_and_tab_are_remembered(qtbot, shop, catalog):
    window = open_window(qtbot, shop)
    left_at = QSize(window.minimumSizeHint().width() + 2, 560)
    window.resize(left_at)
    counter = window.findChild(QSplitter, "counter")
    counter.setSizes([300, 380])
    sizes = counter.sizes()
    header = window.catalog.table.horizontalHeader()
    header.resizeSection(0, 155)
    window.tabs.setCurrentWidget(window.customers)
    window.close()

    again = open_window(qtbot, shop)
    assert again.size() == left_at
    assert again.tabs.currentWidget() is again.customers
    again.tabs.setCurrentIndex(0)
    QApplication.processEvents()
    assert again.findChild(QSplitter, "counter").sizes() == sizes
    assert again.catalog.table.horizontalHeader().sectionSize(0) == 155
    again.close()


def test_a_changed_list_does_not_take_old_column_widths(qtbot, shop, catalog, local_settings):
    from shop_gui import local_settings as computer

    store = computer.settings()
    store.setValue(window_state.COLUMNS_KEY.format("productTable"), b"not a header state")
    store.setValue(window_state.COLUMN_COUNT_KEY.format("productTable"), 99)
    store.sync()
    window = open_window(qtbot, shop)  # neither fails nor takes them
    assert window.catalog.table.horizontalHeader().sectionSize(0) == 110
    window.close()
