"""Render the real main window on a demo shop to PNGs (for the README).

Usage: QT_QPA_PLATFORM=offscreen python tools/screenshot.py OUT.png [--language ru]

Writes OUT.png (the counter: an order with a customer, a line discount and
an order discount), OUT-orders.png (the Orders tab on a paid order with a
return), OUT-customers.png (the Customers tab), OUT-receipt.png (the
receipt preview of that order), OUT-z-report.png (the Z report of the
till session those orders were taken in, closed with a blind count) and
OUT-sign-in.png (the sign-in screen, once the shop has staff).
With ``--language ru`` the window is in Russian and the shop sells in
roubles (resources/screenshot-ru*.png).
"""

import os
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Render this checkout's code, whichever checkout the venv was installed from.
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from PySide6.QtCore import QSize, Qt
from PySide6.QtTest import QTest

from core import open_shop
from core.commands import (
    AddCustomer,
    AddStaff,
    CancelOrder,
    FulfilOrder,
    OpenTill,
    OrderLine,
    PayIn,
    PayOut,
    PlaceOrder,
    RecordPayment,
    ReturnItems,
    ReturnLine,
    UpdateShopSettings,
)
from core.demo import seed_demo_shop
from core.domain.pricing import Discount
from core.queries import GetCategories, GetOrder, GetProducts, GetShopSettings, GetTillReport
from shop_gui import language, local_settings
from shop_gui.app import make_application
from shop_gui.formatting import plain_amount
from shop_gui.main_window import MainWindow

# The shop in each language: its name and address, its currency, its customers.
SHOPS = {
    "en": (
        dict(name="Rose & Thistle Gifts", address="12 High Street\nKeswick CA12 5AB\n017687 12345"),
        (
            ("Ann Smith", "07700 900123", "ann@example.com", "Prefers e-mail receipts"),
            ("Bob Jones", None, "bob@example.org"),
            ("Chloé Martin", "01632 960001"),
        ),
    ),
    "ru": (
        dict(
            name="Лавка «Роза и чертополох»",
            address="ул. Ленина, 12\nг. Тверь, 170100\n+7 4822 12-34-56",
            currency_code="RUB",
            currency_symbol="₽",
        ),
        (
            ("Анна Смирнова", "+7 900 123-45-67", "anna@example.ru", "Чеки — на эл. почту"),
            ("Борис Жуков", None, "boris@example.ru"),
            ("Ёлкина Хлоя", "+7 912 000-00-01"),
        ),
    ),
}


def a_little_history(shop, language: str = "en") -> tuple[int, int]:
    """Customers and orders in every state; returns (a customer, the order to show)."""
    settings, customers = SHOPS[language]
    shop.dispatch(UpdateShopSettings.based_on(shop.ask(GetShopSettings()), **settings))
    shop.dispatch(OpenTill(10000))
    ann, bob, _ = (shop.dispatch(AddCustomer(*customer)) for customer in customers)
    in_stock = [p for p in shop.ask(GetProducts()) if p.stock > 5]

    def total(order_id):
        return shop.ask(GetOrder(order_id)).total_cents

    shown = shop.dispatch(
        PlaceOrder(
            (OrderLine(in_stock[0].id, 2, Discount.percent(1000)), OrderLine(in_stock[3].id, 1)),
            customer_id=ann,
            order_discount=Discount.amount(100),
        )
    )
    # A note that covers it: £100, or the next 500 roubles.
    tendered = (total(shown) // 50000 + 1) * 50000 if language == "ru" else 10000
    shop.dispatch(RecordPayment(shown, "cash", total(shown), tendered))
    second = shop.dispatch(PlaceOrder((OrderLine(in_stock[5].id, 1),), customer_id=bob))
    shop.dispatch(RecordPayment(second, "card", total(second)))
    shop.dispatch(FulfilOrder(second))
    shop.dispatch(PlaceOrder((OrderLine(in_stock[7].id, 3),)))
    cancelled = shop.dispatch(PlaceOrder((OrderLine(in_stock[8].id, 1),)))
    shop.dispatch(CancelOrder(cancelled))
    fourth = shop.dispatch(PlaceOrder((OrderLine(in_stock[9].id, 1), OrderLine(in_stock[10].id, 2)), customer_id=ann))
    shop.dispatch(RecordPayment(fourth, "card", total(fourth)))
    russian = language == "ru"
    shop.dispatch(ReturnItems(shown, (ReturnLine(in_stock[0].id, 1),), "faulty", "скол" if russian else "chipped rim"))
    shop.dispatch(PayIn(2000, "Размен из банка" if russian else "Change from the bank"))
    shop.dispatch(PayOut(750, "Мойка окон" if russian else "Window cleaner"))
    return ann, shown


STAFF = {
    "en": ("Margaret Hughes", "Tom Price", "Priya Shah"),
    "ru": ("Маргарита Юрьева", "Тимур Петров", "Полина Шахова"),
}


def with_staff(shop, language: str = "en") -> str:
    """The owner, then a manager and a cashier; nobody signed in after. Returns the cashier's name."""
    owner_name, manager, cashier = STAFF[language]
    owner = shop.dispatch(AddStaff(owner_name, "owner", "2580"))
    shop.sign_in(owner, "2580")
    shop.dispatch(AddStaff(manager, "manager", "1357"))
    shop.dispatch(AddStaff(cashier, "cashier", "2468"))
    shop.sign_out()
    return cashier


PICTURE_SIZE = QSize(1280, 800)


def main(out_path: str, language_code: str = "en") -> None:
    app = make_application(sys.argv[:1])
    language.install(app, language_code)
    with tempfile.TemporaryDirectory() as folder:
        # This computer's settings (window size, parked orders) in the temporary
        # folder: the pictures never take, nor change, the person's own.
        local_settings.keep_in(os.path.join(folder, "settings"))
        shop = open_shop(os.path.join(folder, "shop"))
        seed_demo_shop(shop, language_code)
        ann, shown = a_little_history(shop, language_code)
        window = MainWindow(shop)
        window.resize(PICTURE_SIZE)  # the same pictures whatever screen renders them
        window.show()
        # Browse a nested category and put three lines in the order, with discounts.
        kitchen = next(c for c in shop.ask(GetCategories()) if c.name in ("Kitchen", "Кухня"))
        window.catalog.tree.setCurrentIndex(window.catalog.category_model.index_of(kitchen.id))
        model = window.catalog.product_model
        form = window.order_form
        for row, quantity in ((1, 2), (4, 1), (10, 3)):
            window.catalog.select_product(model.product_at(row).id)
            form.quantity.setValue(quantity)
            QTest.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
        form.set_customer(ann)
        form.table.setCurrentIndex(form.cart.index(0, 0))
        QTest.keyClicks(form.line_discount, "10%")
        QTest.keyClicks(form.order_discount, "20" if language_code == "ru" else "2.00")
        window.catalog.select_product(model.product_at(6).id)
        app.processEvents()
        window.grab().save(out_path)

        window.tabs.setCurrentWidget(window.orders)
        window.orders.select_order(shown)
        app.processEvents()
        window.grab().save(out_path.replace(".png", "-orders.png"))

        window.tabs.setCurrentWidget(window.customers)
        window.customers.select_customer(ann)
        app.processEvents()
        window.grab().save(out_path.replace(".png", "-customers.png"))

        receipt = window.orders.show_receipt(shown)
        app.processEvents()
        receipt.grab().save(out_path.replace(".png", "-receipt.png"))
        receipt.close()

        # Close the till: a count 50p short of what it expects, then its Z report.
        close = window.till.close_till()
        expected = shop.ask(GetTillReport()).expected_cash_cents
        QTest.keyClicks(close.counted_edit, plain_amount(expected - 50))
        close.confirm_count()
        note = (
            "не хватает 50 коп.: монета под ящиком?" if language_code == "ru" else "50p short: a coin under the drawer?"
        )
        close.note_edit.insert(note)  # QTest.keyClicks types ASCII only
        close.submit()
        app.processEvents()
        z_report = window.till.last_z_report
        z_report.grab().save(out_path.replace(".png", "-z-report.png"))
        z_report.close()

        # The shop gets staff: the window asks who is there; Priya types her PIN on the pad.
        cashier = with_staff(shop, language_code)
        window.bridge.sync()
        app.processEvents()
        screen = window.staff.screen
        screen.names.setCurrentItem(screen.names.findItems(cashier, Qt.MatchFlag.MatchExactly)[0])
        for digit in "24":
            QTest.mouseClick(screen.pad.digit_keys[digit], Qt.MouseButton.LeftButton)
        app.processEvents()
        window.grab().save(out_path.replace(".png", "-sign-in.png"))
        window.close()
        shop.close()
    print(f"saved {out_path} and its -orders, -customers, -receipt, -z-report and -sign-in pictures")


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--language")]
    chosen = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--language=")), "en")
    main(arguments[0] if arguments else "screenshot.png", chosen)
