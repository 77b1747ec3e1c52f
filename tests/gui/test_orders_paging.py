"""The Orders tab over 10,000 orders: scrolling fetches page after page,
newest first, each order once; filtering by day, customer and number finds
what the write model holds."""

import sqlite3
from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, Qt

from core import open_shop
from shop_gui.main_window import MainWindow
from tests import year_of_orders

ORDERS = 10_000


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return year_of_orders.build(tmp_path_factory.mktemp("orders") / "shop", ORDERS)


@pytest.fixture
def window(qtbot, built):
    shop = open_shop(built)
    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(window.orders)
    yield window
    window.close()
    shop.close()


def written(built, where: str = "1", args=()) -> list[int]:
    db = sqlite3.connect(built / "shop.sqlite3")
    try:
        return [r[0] for r in db.execute(f"SELECT id FROM shop_order WHERE {where} ORDER BY id DESC", args)]
    finally:
        db.close()


def listed(window) -> list[int]:
    model = window.orders.orders_model
    return [model.order_at(row).id for row in range(model.rowCount())]


def test_scrolling_to_the_end_lists_every_order_once_newest_first(qtbot, window, built):
    table, model = window.orders.table, window.orders.orders_model
    assert model.rowCount() == model.PAGE  # one page at first, not 10,000 rows
    assert window.orders.count_label.text() == f"{ORDERS:,} orders"
    table.setFocus()
    pages = 1
    while model.canFetchMore():
        table.scrollToBottom()  # the view asks the model for more when it reaches the end
        qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        pages += 1
        assert pages <= ORDERS // model.PAGE + 1
    assert listed(window) == written(built)


def test_filters_find_a_day_a_customer_and_a_number(qtbot, window, built):
    orders = window.orders
    day = date(2026, 6, 5)
    orders.date_from.setDate(QDate(day.year, day.month, day.day))
    orders.date_to.setDate(QDate(day.year, day.month, day.day))
    db = sqlite3.connect(built / "shop.sqlite3")
    placed = dict(db.execute("SELECT id, placed_at FROM shop_order"))
    customer_id, count = db.execute(
        "SELECT customer_id, count(*) FROM shop_order WHERE customer_id IS NOT NULL"
        " GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    db.close()
    expected = sorted(
        (i for i, at in placed.items() if datetime.fromisoformat(at).astimezone().date() == day), reverse=True
    )
    assert expected and listed(window) == expected

    orders.clear_filters()
    orders.customer_filter.setCurrentIndex(orders.customer_filter.findData(customer_id))
    assert listed(window) == written(built, "customer_id = ?", (customer_id,))
    assert orders.count_label.text() == f"{count:,} orders match the filters"

    orders.clear_filters()
    qtbot.keyClicks(orders.number_search, "1234")
    assert listed(window) == [1234]
    assert orders.current_order_id() == 1234
