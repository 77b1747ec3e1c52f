"""File > Shop settings, and money everywhere in the shop's currency."""

import pytest
from PySide6.QtCore import QLocale, Qt

from core.commands import OrderLine, PlaceOrder, UpdateShopSettings
from core.queries import GetShopSettings
from shop_gui import formatting
from shop_gui.formatting import money, parse_amount
from tests.gui.helpers import add_to_order, click, open_dialog, type_into


@pytest.fixture
def locale():
    """Set the default locale for a test; put the old one back after."""
    old = QLocale()
    yield lambda name: QLocale.setDefault(QLocale(name))
    QLocale.setDefault(old)


def price_cell(window, row: int = 0) -> str:
    model = window.catalog.product_model
    return model.index(row, model.PRICE).data()


def test_the_settings_dialog_changes_the_currency_everywhere(qtbot, window, shop, monkeypatch):
    add_to_order(qtbot, window, "Hand Trowel", 2)
    assert price_cell(window) == "£8.99"  # Blue Enamel Mug
    window.settings_action.trigger()
    dialog = open_dialog(window, "settingsDialog")
    assert dialog.name_edit.text() == "My Shop"
    type_into(qtbot, dialog.name_edit, "Rose & Thistle Gifts")
    dialog.address_edit.setFocus()
    qtbot.keyClicks(dialog.address_edit, "12 High Street")
    qtbot.keyClick(dialog.address_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.address_edit, "Keswick")
    type_into(qtbot, dialog.code_edit, "EUR")
    type_into(qtbot, dialog.symbol_edit, "€")
    type_into(qtbot, dialog.tax_edit, "17.5")
    qtbot.keyClick(dialog.include_tax_check, Qt.Key.Key_Space)  # untick
    click(qtbot, dialog.ok_button)

    assert not dialog.isVisible()
    settings = shop.ask(GetShopSettings())
    assert (
        settings.name,
        settings.address,
        settings.currency_code,
        settings.currency_symbol,
        settings.default_tax_rate_bp,
        settings.prices_include_tax,
    ) == ("Rose & Thistle Gifts", "12 High Street\nKeswick", "EUR", "€", 1750, False)
    assert price_cell(window) == "€8.99"
    cart = window.order_form.cart
    assert cart.index(0, cart.PRICE).data() == "€12.50"
    # Tax is added now, at the new default rate: 25.00 + 17.5% = 29.38 (4.375 rounds up).
    assert window.order_form.tax_caption.text() == "Tax (17.5%)"
    assert window.order_form.total.text() == "Total €29.38"
    assert window.statusBar().currentMessage() == "Shop settings saved."


def test_the_currency_follows_another_tills_settings(qtbot, window, shop, tmp_path):
    from core import open_shop

    other_till = open_shop(tmp_path / "shop")
    other_till.dispatch(
        UpdateShopSettings.based_on(other_till.ask(GetShopSettings()), currency_symbol="CHF ", currency_code="CHF")
    )
    other_till.close()
    window.bridge.sync()
    assert price_cell(window) == "CHF 8.99"


def test_settings_that_are_wrong_keep_the_dialog_open(qtbot, window, shop, catalog):
    dialog = window.open_settings()
    type_into(qtbot, dialog.tax_edit, "abc")
    assert dialog.errors["taxRate"].isVisible() and not dialog.ok_button.isEnabled()
    type_into(qtbot, dialog.tax_edit, "120")
    assert not dialog.ok_button.isEnabled()
    type_into(qtbot, dialog.tax_edit, "20")
    type_into(qtbot, dialog.symbol_edit, "")
    assert dialog.errors["symbol"].text() == "The currency symbol cannot be empty."
    type_into(qtbot, dialog.symbol_edit, "¥")
    type_into(qtbot, dialog.code_edit, "JP")
    assert not dialog.ok_button.isEnabled()
    type_into(qtbot, dialog.code_edit, "JPY")  # no pence: the prices typed so far would change
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible()
    assert dialog.message.text().startswith("JPY has 0 decimal places and GBP has 2")
    assert shop.ask(GetShopSettings()).currency_code == "GBP"
    dialog.reject()


def test_money_follows_the_locale_without_floats(locale):
    formatting.use_settings(_settings("EUR", "€"))
    try:
        locale("en_GB")
        assert money(123456789) == "€1,234,567.89"
        assert money(-5) == "-€0.05"
        locale("de_DE")
        assert money(123456789) == "1.234.567,89\u00a0€"
        assert money(-5) == "-0,05\u00a0€"
        assert parse_amount("1.234,50") == 123450
        assert parse_amount("2.50") == 250  # typed on a keypad
        locale("C")
        assert money(123456789) == "€1,234,567.89"
        formatting.use_settings(_settings("JPY", "¥"))
        assert money(1234) == "¥1,234"
        assert parse_amount("1234") == 1234
    finally:
        formatting.use_settings(_settings("GBP", "£"))


def test_amounts_that_could_be_a_mistyped_decimal_are_refused(locale):
    locale("en_GB")
    assert parse_amount("£1,234.50") == 123450
    for text in ("2,50", "12,34.5", "0.001", "abc", ""):
        with pytest.raises(ValueError):
            parse_amount(text)


def _settings(code, symbol):
    from core.domain.shop_settings import ShopSettings

    return ShopSettings(currency_code=code, currency_symbol=symbol)


def test_orders_in_the_list_follow_the_currency(qtbot, window, shop, catalog):
    shop.dispatch(PlaceOrder((OrderLine(catalog.trowel, 1),)))
    window.bridge.dispatch(
        UpdateShopSettings.based_on(shop.ask(GetShopSettings()), currency_symbol="$", currency_code="USD")
    )
    window.tabs.setCurrentWidget(window.orders)  # a hidden tab's list catches up when shown
    orders = window.orders.orders_model
    assert orders.index(0, orders.TOTAL).data() == "$12.50"


def test_the_order_forms_totals_follow_tax_settings(qtbot, window, shop, catalog):
    from core.commands import SetCategoryTaxRate

    add_to_order(qtbot, window, "Hand Trowel", 2)  # £25.00, tax included at 20%: £4.17
    form = window.order_form
    assert (form.tax.text(), form.total.text()) == ("£4.17", "Total £25.00")
    window.bridge.dispatch(UpdateShopSettings.based_on(shop.ask(GetShopSettings()), prices_include_tax=False))
    assert form.tax_caption.text() == "Tax (20%)"
    assert (form.tax.text(), form.total.text()) == ("£5.00", "Total £30.00")
    window.bridge.dispatch(SetCategoryTaxRate(catalog.garden, 500))
    assert (form.tax_caption.text(), form.tax.text(), form.total.text()) == ("Tax (5%)", "£1.25", "Total £26.25")
