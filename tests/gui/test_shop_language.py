"""The shop's language (File > Shop settings) is what its receipts and Z
reports are printed in, whatever the window's language on this computer."""

import pytest

from core.commands import UpdateShopSettings
from core.errors import InvalidCommand
from core.queries import GetShopSettings
from shop_gui import language
from tests.gui.helpers import click, open_dialog, place_order


def russian_shop(shop):
    settings = shop.ask(GetShopSettings())
    shop.dispatch(UpdateShopSettings.based_on(settings, currency_code="RUB", currency_symbol="₽", language="ru"))


def test_the_settings_dialog_chooses_the_shops_language(qtbot, window, shop):
    dialog = window.open_settings()
    assert dialog.language_combo.currentData() == "en"
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("ru"))
    click(qtbot, dialog.ok_button)
    assert shop.ask(GetShopSettings()).language == "ru"


def test_a_russian_shops_receipt_is_in_russian_in_an_english_window(qtbot, window, shop):
    russian_shop(shop)
    order_id = place_order(qtbot, window, ("Rose Teapot", 1))
    receipt = window.orders.show_receipt(order_id)
    text = receipt.view.toPlainText().replace("\u00a0", " ").replace("\u202f", " ")
    assert "ИТОГО" in text and "24,99 ₽" in text and "Спасибо за покупку!" in text
    assert receipt.windowTitle() == f"Receipt for order {order_id}"  # the window stays English
    assert window.order_form.place_button.text() == "Place Order"
    assert language.current() == "en"
    receipt.close()


def test_an_english_shops_z_report_is_in_english(qtbot, window, shop):
    place_order(qtbot, window, ("Hand Trowel", 1), later=False)
    click(qtbot, open_dialog(window, "payDialog").ok_button)
    report = window.till.x_report()
    assert "X REPORT" in report.view.toPlainText()
    report.close()


def test_an_unknown_language_is_refused(shop):
    with pytest.raises(InvalidCommand, match=r"The shop's language is one of: en, ru\."):
        shop.dispatch(UpdateShopSettings.based_on(shop.ask(GetShopSettings()), language="xx"))
    assert shop.ask(GetShopSettings()).language == "en"
