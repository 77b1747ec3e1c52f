"""Keeping products: the product dialog (add, edit), archive/restore, delete."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox

from core import open_shop
from core.commands import AddProduct
from core.queries import FindProductByCode, GetProduct, GetProducts
from tests.gui.helpers import (
    add_to_order,
    button,
    choose_category,
    click,
    click_index,
    click_product,
    listed_names,
    open_dialog,
    product_row,
    type_into,
)


def shown_errors(dialog) -> dict[str, str]:
    return {name: label.text() for name, label in dialog.errors.items() if label.isVisible()}


def test_add_a_product_by_filling_the_dialog(qtbot, window, shop, catalog):
    choose_category(qtbot, window, "Mugs")
    click(qtbot, button(window, "newProductButton"))
    dialog = open_dialog(window, "productDialog")
    assert dialog.category_combo.currentText() == "Kitchen / Mugs"  # the chosen category
    assert not dialog.ok_button.isEnabled()
    assert shown_errors(dialog) == {}  # nothing typed, nothing scolded
    assert dialog.missing.text() == "Still needed: SKU, name, price."

    qtbot.keyClicks(dialog.sku_edit, "MUG-003")
    qtbot.keyClicks(dialog.name_edit, "Green Enamel Mug")
    qtbot.keyClicks(dialog.price_edit, "abc")
    assert not dialog.ok_button.isEnabled()
    assert shown_errors(dialog) == {"price": "Price must be an amount like 2.49."}

    type_into(qtbot, dialog.price_edit, "9.49")
    qtbot.keyClicks(dialog.cost_edit, "4.10")
    qtbot.keyClicks(dialog.tax_edit, "17.5")
    qtbot.keyClicks(dialog.barcode_edit, "5012345000024")
    type_into(qtbot, dialog.reorder_spin, "2")
    type_into(qtbot, dialog.stock_spin, "6")
    assert shown_errors(dialog) == {}
    assert dialog.ok_button.isEnabled()
    click(qtbot, dialog.ok_button)

    mug = shop.ask(FindProductByCode("MUG-003"))
    assert (
        mug.name,
        mug.category_id,
        mug.price_cents,
        mug.cost_price_cents,
        mug.tax_rate_bp,
        mug.barcode,
        mug.reorder_level,
        mug.stock,
        mug.active,
    ) == ("Green Enamel Mug", catalog.mugs, 949, 410, 1750, "5012345000024", 2, 6, True)
    assert "Green Enamel Mug" in listed_names(window)
    assert window.catalog.selected_product().id == mug.id
    assert window.statusBar().currentMessage() == "Green Enamel Mug added."


def test_every_field_says_what_is_wrong(qtbot, window):
    dialog = window.catalog.product_actions.new_product()
    qtbot.keyClicks(dialog.sku_edit, "MUG-001")
    qtbot.keyClicks(dialog.barcode_edit, "5012345000017")
    qtbot.keyClicks(dialog.name_edit, " ")
    qtbot.keyClicks(dialog.price_edit, "2.499")
    qtbot.keyClicks(dialog.cost_edit, "-1")
    qtbot.keyClicks(dialog.tax_edit, "12.345")
    assert shown_errors(dialog) == {
        "sku": "SKU is already used by Blue Enamel Mug.",
        "barcode": "Barcode is already used by Blue Enamel Mug.",
        "name": "Name is required.",
        "price": "Price must be an amount like 2.49.",
        "costPrice": "Cost price cannot be negative.",
        "taxRate": "Tax rate must be a percentage like 20 or 17.5, or blank to inherit.",
    }
    assert not dialog.ok_button.isEnabled()
    assert dialog.missing.text() == "Still needed: name, category."  # not typed in yet: no red
    type_into(qtbot, dialog.tax_edit, "101")
    assert shown_errors(dialog)["taxRate"] == "Tax rate cannot be more than 100%."
    type_into(qtbot, dialog.sku_edit, " MUG-9")
    assert shown_errors(dialog)["sku"] == "SKU must not start or end with a space."
    dialog.reject()


def test_money_is_parsed_exactly(qtbot, window, shop):
    dialog = window.catalog.product_actions.new_product()
    for edit, text in (
        (dialog.sku_edit, "X-1"),
        (dialog.name_edit, "Exact"),
        (dialog.price_edit, "£1,234.10"),
        (dialog.tax_edit, "inherit"),
    ):
        qtbot.keyClicks(edit, text)
    dialog.category_combo.setCurrentIndex(0)
    click(qtbot, dialog.ok_button)
    product = shop.ask(FindProductByCode("X-1"))
    assert (product.price_cents, product.tax_rate_bp, product.cost_price_cents) == (123410, None, None)


def test_edit_a_price_and_past_orders_keep_the_old_one(qtbot, window, shop, catalog):
    add_to_order(qtbot, window, "Blue Enamel Mug", 1)
    click(qtbot, window.order_form.place_button)

    click_product(qtbot, window, "Blue Enamel Mug")
    click(qtbot, button(window, "editProductButton"))
    dialog = open_dialog(window, "productDialog")
    assert dialog.windowTitle() == "Edit Blue Enamel Mug"
    assert (dialog.sku_edit.text(), dialog.price_edit.text(), dialog.barcode_edit.text()) == (
        "MUG-001",
        "8.99",
        "5012345000017",
    )
    assert shown_errors(dialog) == {}  # its own SKU and barcode are no duplicates
    type_into(qtbot, dialog.price_edit, "9.50")
    click(qtbot, dialog.ok_button)

    assert shop.ask(GetProduct(catalog.mug)).price_cents == 950
    model = window.catalog.product_model
    assert model.index(product_row(window, "Blue Enamel Mug"), model.PRICE).data() == "£9.50"
    window.tabs.setCurrentIndex(1)
    orders = window.orders
    orders.select_order(1)
    lines = orders.lines_model
    assert lines.index(0, 3).data() == "£8.99"  # the order keeps the price it was placed at
    assert orders.orders_model.index(0, orders.orders_model.TOTAL).data() == "£8.99"


def test_edit_from_the_context_menu(qtbot, window):
    click_product(qtbot, window, "Rose Teapot")
    menu = window.catalog.product_actions.context_menu(window.catalog.table)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[:4] == ["Edit...", "Receive stock...", "Adjust stock...", "Stock history"]
    menu.actions()[0].trigger()
    assert open_dialog(window, "productDialog").name_edit.text() == "Rose Teapot"
    menu.close()


def test_a_refusal_keeps_the_dialog_open_with_the_input(qtbot, window, shop, catalog, tmp_path):
    dialog = window.catalog.product_actions.new_product()
    qtbot.keyClicks(dialog.sku_edit, "NEW-1")
    qtbot.keyClicks(dialog.name_edit, "Newcomer")
    qtbot.keyClicks(dialog.price_edit, "3")
    dialog.category_combo.setCurrentIndex(0)
    # Another till takes the SKU while the dialog is open; this one has not heard yet.
    other_till = open_shop(tmp_path / "shop")
    other_till.dispatch(AddProduct("NEW-1", "Other", catalog.garden, 100))
    other_till.close()
    assert dialog.ok_button.isEnabled()
    click(qtbot, dialog.ok_button)

    assert dialog.isVisible()
    assert dialog.message.text() == 'Another product already has the SKU "NEW-1".'
    assert (dialog.sku_edit.text(), dialog.name_edit.text(), dialog.price_edit.text()) == ("NEW-1", "Newcomer", "3")
    # The refusal brought the other till's product in: the field says so too now.
    assert shown_errors(dialog) == {"sku": "SKU is already used by Other."}
    qtbot.keyClicks(dialog.sku_edit, "b")
    assert not dialog.message.isVisible()  # the input changed: the old refusal is gone
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    assert shop.ask(FindProductByCode("NEW-1b")).name == "Newcomer"


def test_a_sku_taken_meanwhile_is_flagged_before_ok(qtbot, window, shop, catalog):
    dialog = window.catalog.product_actions.new_product()
    qtbot.keyClicks(dialog.sku_edit, "NEW-2")
    shop.dispatch(AddProduct("NEW-2", "Other", catalog.garden, 100))  # e.g. seen by the poll
    window.bridge.sync()
    assert shown_errors(dialog) == {"sku": "SKU is already used by Other."}


def test_archive_and_restore(qtbot, window, shop, catalog):
    click_product(qtbot, window, "Hand Trowel")
    archive = button(window, "archiveProductButton")
    assert archive.text() == "Archive"
    click(qtbot, archive)
    assert "Hand Trowel" not in listed_names(window)
    assert not shop.ask(GetProduct(catalog.trowel)).active
    assert window.catalog.category_model.all_products_index().data() == "All products (3)"

    show_archived = window.findChild(QCheckBox, "showArchivedCheck")
    click(qtbot, show_archived)
    assert listed_names(window) == ["Hand Trowel"]
    assert window.catalog.heading.full_text() == "1 archived product in All products"
    click_product(qtbot, window, "Hand Trowel")
    assert archive.text() == "Restore"
    click(qtbot, archive)
    assert listed_names(window) == []
    click(qtbot, show_archived)
    assert "Hand Trowel" in listed_names(window)
    assert shop.ask(GetProduct(catalog.trowel)).active


def test_an_archived_product_is_not_sold_by_a_scan(qtbot, window, shop, catalog):
    from core.commands import ArchiveProduct

    shop.dispatch(ArchiveProduct(catalog.mug))
    window.bridge.sync()
    qtbot.keyClicks(window.catalog.search, "MUG-001")
    qtbot.keyClick(window.catalog.search, Qt.Key.Key_Return)
    assert window.order_form.cart.rowCount() == 0
    assert window.statusBar().currentMessage() == "Blue Enamel Mug is archived: restore it before selling it."


def test_double_click_on_an_archived_product_opens_it(qtbot, window, shop, catalog):
    from core.commands import ArchiveProduct

    shop.dispatch(ArchiveProduct(catalog.trowel))
    window.bridge.sync()
    click(qtbot, window.catalog.show_archived)
    model = window.catalog.product_model
    click_index(qtbot, window.catalog.table, model.index(0, model.NAME), double=True)
    assert window.order_form.cart.rowCount() == 0
    assert open_dialog(window, "productDialog").name_edit.text() == "Hand Trowel"


def test_delete_a_product_never_sold(qtbot, window, shop, catalog, monkeypatch):
    actions = window.catalog.product_actions
    monkeypatch.setattr(actions, "confirm", lambda question: True)
    click_product(qtbot, window, "Café Latte Glass")
    delete = button(window, "deleteProductButton")
    assert delete.isEnabled()
    click(qtbot, delete)
    assert "Café Latte Glass" not in listed_names(window)
    assert shop.ask(FindProductByCode("MUG-002")) is None


def test_a_sold_product_cannot_be_deleted(qtbot, window, shop, catalog, monkeypatch):
    actions = window.catalog.product_actions
    told = []
    monkeypatch.setattr(actions, "confirm", lambda question: True)
    monkeypatch.setattr(actions, "tell", told.append)
    add_to_order(qtbot, window, "Hand Trowel", 1)
    click(qtbot, window.order_form.place_button)
    click_product(qtbot, window, "Hand Trowel")
    assert not button(window, "deleteProductButton").isEnabled()
    assert button(window, "archiveProductButton").isEnabled()

    actions.delete_product()  # even if asked: the core refuses, and says why
    assert told == ["Hand Trowel has been sold, so it stays in past orders: archive it instead of deleting it."]
    assert shop.ask(GetProducts(search="trowel"))


def test_declining_the_delete_question_changes_nothing(qtbot, window, shop, monkeypatch):
    monkeypatch.setattr(window.catalog.product_actions, "confirm", lambda question: False)
    click_product(qtbot, window, "Rose Teapot")
    click(qtbot, button(window, "deleteProductButton"))
    assert shop.ask(FindProductByCode("TEA-001")) is not None


def test_product_buttons_need_a_chosen_product(qtbot, window):
    names = (
        "editProductButton",
        "receiveStockButton",
        "adjustStockButton",
        "stockHistoryButton",
        "archiveProductButton",
        "deleteProductButton",
    )
    assert not any(button(window, n).isEnabled() for n in names)
    assert button(window, "newProductButton").isEnabled()
    click_product(qtbot, window, "Rose Teapot")
    assert all(button(window, n).isEnabled() for n in names)


def test_an_order_keeps_its_lines_when_a_product_is_archived_elsewhere(qtbot, window, shop, catalog):
    # Archived at another till while it is in the cart: the core says why it cannot be sold.
    from core.commands import ArchiveProduct

    add_to_order(qtbot, window, "Rose Teapot", 1)
    shop.dispatch(ArchiveProduct(catalog.teapot))
    click(qtbot, window.order_form.place_button)
    assert window.order_form.message.text() == "Rose Teapot is archived: restore it before selling it."
    assert window.order_form.cart.rowCount() == 1
    assert [p.name for p in shop.ask(GetProducts(archived=True))] == ["Rose Teapot"]
