"""Keeping the category tree: add, rename, move (dialog and drag), delete."""

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from core.queries import GetCategories, GetProducts
from tests.gui.helpers import (
    button,
    category_index,
    category_label,
    choose_category,
    click,
    click_index,
    listed_names,
    open_dialog,
    parent_label,
    type_into,
)


def categories(shop) -> dict[str, int | None]:
    """Each category's name and its parent's name."""
    views = shop.ask(GetCategories())
    names = {c.id: c.name for c in views}
    return {c.name: names.get(c.parent_id) for c in views}


def test_all_products_cannot_be_renamed_moved_or_deleted(qtbot, window):
    choose_category(qtbot, window, "All products")
    for name in ("newSubcategoryButton", "renameCategoryButton", "moveCategoryButton", "deleteCategoryButton"):
        assert not button(window, name).isEnabled(), name
    assert button(window, "newCategoryButton").isEnabled()
    choose_category(qtbot, window, "Kitchen")
    assert all(
        button(window, n).isEnabled() for n in ("renameCategoryButton", "moveCategoryButton", "deleteCategoryButton")
    )


def test_add_a_top_level_category(qtbot, window, shop):
    click(qtbot, button(window, "newCategoryButton"))
    dialog = open_dialog(window, "categoryNameDialog")
    assert not dialog.ok_button.isEnabled()  # no name yet
    qtbot.keyClicks(dialog.name_edit, "Toys")
    click(qtbot, dialog.ok_button)

    assert categories(shop)["Toys"] is None
    assert category_label(window, "Toys") == "Toys (0)"
    assert window.catalog.tree.currentIndex().data() == "Toys (0)"  # chosen, ready to fill
    assert window.statusBar().currentMessage() == 'Category "Toys" added.'


def test_add_a_sub_category_and_refuse_a_second_of_the_same_name(qtbot, window, shop):
    choose_category(qtbot, window, "Kitchen")
    click(qtbot, button(window, "newSubcategoryButton"))
    dialog = open_dialog(window, "categoryNameDialog")
    assert dialog.findChild(type(dialog.message), "categoryParentLabel").text() == "Kitchen"
    qtbot.keyClicks(dialog.name_edit, "mugs")
    assert not dialog.ok_button.isEnabled()
    assert dialog.name_message.text() == 'A category named "Mugs" is already there.'
    type_into(qtbot, dialog.name_edit, "Teapots")
    assert dialog.ok_button.isEnabled() and not dialog.name_message.isVisible()
    click(qtbot, dialog.ok_button)

    assert categories(shop)["Teapots"] == "Kitchen"
    assert parent_label(window, "Teapots") == "Kitchen (3)"


def test_rename_a_category(qtbot, window, shop):
    choose_category(qtbot, window, "Garden")
    click(qtbot, button(window, "renameCategoryButton"))
    dialog = open_dialog(window, "categoryNameDialog")
    assert dialog.name_edit.text() == "Garden"
    assert not dialog.ok_button.isEnabled()  # nothing renamed yet
    type_into(qtbot, dialog.name_edit, "Outdoor")
    click(qtbot, dialog.ok_button)

    assert "Outdoor" in categories(shop) and "Garden" not in categories(shop)
    assert window.catalog.tree.currentIndex().data() == "Outdoor (1)"
    assert window.catalog.heading.full_text() == "1 product in Outdoor"
    assert listed_names(window) == ["Hand Trowel"]


def test_context_menu_offers_the_category_actions(qtbot, window):
    choose_category(qtbot, window, "Mugs")
    menu = window.catalog.categories.context_menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["New category...", "New sub-category...", "Rename...", "Move to...", "Delete..."]
    menu.close()


def test_move_a_category_with_the_dialog(qtbot, window, shop):
    choose_category(qtbot, window, "Mugs")
    click(qtbot, button(window, "moveCategoryButton"))
    dialog = open_dialog(window, "moveCategoryDialog")
    assert not dialog.ok_button.isEnabled()  # still under Kitchen
    tree = dialog.tree
    mugs = tree.model().index_of(shop_category(shop, "Mugs"))
    assert not mugs.flags() & Qt.ItemFlag.ItemIsEnabled  # never under itself
    click_index(qtbot, tree, tree.model().index_of(shop_category(shop, "Garden")))
    assert dialog.ok_button.isEnabled()
    click(qtbot, dialog.ok_button)

    assert categories(shop)["Mugs"] == "Garden"
    assert parent_label(window, "Mugs") == "Garden (3)"
    assert category_label(window, "Kitchen") == "Kitchen (1)"
    assert window.catalog.tree.currentIndex().data() == "Mugs (2)"


def test_move_to_the_top_level_with_the_dialog(qtbot, window, shop):
    choose_category(qtbot, window, "Mugs")
    dialog = window.catalog.categories.move_category()
    dialog.choose(None)
    assert dialog.tree.currentIndex().data() == "Top level (no parent)"
    click(qtbot, dialog.ok_button)
    assert categories(shop)["Mugs"] is None


def shop_category(shop, name: str) -> int:
    return next(c.id for c in shop.ask(GetCategories()) if c.name == name)


def drop(window, dragged: str, target_index, qtbot) -> bool:
    """Drop the category ``dragged`` on ``target_index`` through the tree's own
    drop handling (a QDropEvent on the viewport), as a mouse drag ends."""
    tree = window.catalog.tree
    model = tree.model()
    data = model.mimeData([category_index(window, dragged)])
    tree.scrollTo(target_index)
    pos = QPointF(tree.visualRect(target_index).center())
    for event_type in (QDropEvent.Type.DragEnter, QDropEvent.Type.DragMove):
        from PySide6.QtGui import QDragMoveEvent

        move = QDragMoveEvent(
            pos.toPoint(),
            Qt.DropAction.MoveAction,
            data,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            event_type,
        )
        QApplication.sendEvent(tree.viewport(), move)
    event = QDropEvent(pos, Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(tree.viewport(), event)
    return event.isAccepted()


def test_drag_a_category_onto_another_moves_it_by_a_command(qtbot, window, shop):
    rows_moved = []
    window.catalog.category_model.rowsMoved.connect(lambda *args: rows_moved.append(args))
    accepted = drop(window, "Mugs", category_index(window, "Garden"), qtbot)

    assert not accepted  # the model refuses the drop itself: no row is moved by Qt
    qtbot.waitUntil(lambda: categories(shop)["Mugs"] == "Garden")
    qtbot.waitUntil(lambda: parent_label(window, "Mugs") == "Garden (3)")
    assert rows_moved == []
    assert category_label(window, "Kitchen") == "Kitchen (1)"


def test_drop_handler_asks_for_the_move_and_never_moves_rows(qtbot, window, shop):
    model = window.catalog.category_model
    data = model.mimeData([category_index(window, "Garden")])
    with qtbot.waitSignal(model.moveRequested) as requested:
        assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, category_index(window, "Kitchen")) is False
    assert requested.args == [shop_category(shop, "Garden"), shop_category(shop, "Kitchen")]
    qtbot.waitUntil(lambda: categories(shop)["Garden"] == "Kitchen")
    # Dropped on "All products": back to the top level.
    data = model.mimeData([category_index(window, "Garden")])
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.all_products_index())
    qtbot.waitUntil(lambda: categories(shop)["Garden"] is None)


def test_a_refused_drop_shows_the_core_sentence(qtbot, window, shop, monkeypatch):
    told = []
    monkeypatch.setattr(window.catalog.categories, "tell", told.append)
    model = window.catalog.category_model
    data = model.mimeData([category_index(window, "Kitchen")])
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, category_index(window, "Mugs"))
    qtbot.waitUntil(lambda: told != [])
    assert told == ['"Kitchen" cannot go under itself or one of its own sub-categories.']
    assert categories(shop)["Kitchen"] is None


def test_a_refused_drop_opens_a_message_that_does_not_block(qtbot, window):
    model = window.catalog.category_model
    data = model.mimeData([category_index(window, "Kitchen")])
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, category_index(window, "Mugs"))
    qtbot.waitUntil(
        lambda: any(w.objectName() == "categoryRefusal" and w.isVisible() for w in QApplication.topLevelWidgets())
    )
    box = open_dialog(window, "categoryRefusal")
    assert "cannot go under itself" in box.text()
    box.accept()


def test_delete_a_category_moving_its_products(qtbot, window, shop, catalog):
    choose_category(qtbot, window, "Garden")
    click(qtbot, button(window, "deleteCategoryButton"))
    dialog = open_dialog(window, "deleteCategoryDialog")
    assert "holds 1 product" in dialog.findChild(type(dialog.message), "deleteCategoryText").text()
    assert not dialog.ok_button.isEnabled()  # where to? not chosen yet
    combo = dialog.target_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Kitchen", "Kitchen / Mugs"]
    combo.setCurrentIndex(combo.findText("Kitchen"))
    click(qtbot, dialog.ok_button)

    assert "Garden" not in categories(shop)
    trowel = shop.ask(GetProducts(search="trowel"))[0]
    assert trowel.category_id == catalog.kitchen
    assert category_label(window, "Kitchen") == "Kitchen (4)"
    assert window.catalog.tree.currentIndex().data() == "All products (4)"
    assert "Hand Trowel" in listed_names(window)


def test_delete_counts_archived_products_too(qtbot, window, shop, catalog):
    from core.commands import ArchiveProduct

    shop.dispatch(ArchiveProduct(catalog.trowel))
    choose_category(qtbot, window, "Garden")
    dialog = window.catalog.categories.delete_category()
    assert dialog is not None and dialog.objectName() == "deleteCategoryDialog"
    dialog.choose(catalog.kitchen)
    click(qtbot, dialog.ok_button)
    assert "Garden" not in categories(shop)


@pytest.mark.parametrize("answer", [True, False])
def test_delete_an_empty_category_asks_first(qtbot, window, shop, monkeypatch, answer):
    from core.commands import AddCategory

    shop.dispatch(AddCategory("Sale", shop_category(shop, "Kitchen")))
    window.bridge.sync()
    choose_category(qtbot, window, "Sale")
    asked = []
    monkeypatch.setattr(window.catalog.categories, "confirm", lambda q: asked.append(q) or answer)
    click(qtbot, button(window, "deleteCategoryButton"))
    assert asked == ['Delete the category "Sale"?']
    assert ("Sale" in categories(shop)) is not answer
    if answer:
        assert window.catalog.tree.currentIndex().data() == "Kitchen (3)"  # its parent


def test_a_refused_delete_shows_the_core_sentence_in_the_dialog(qtbot, window, shop, catalog):
    from core.commands import DeleteCategory

    choose_category(qtbot, window, "Garden")
    dialog = window.catalog.categories.delete_category()
    dialog.choose(catalog.mugs)
    shop.dispatch(DeleteCategory(catalog.mugs, move_products_to=catalog.kitchen))  # another till
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible()
    assert dialog.message.text() == f"There is no category number {catalog.mugs}."
