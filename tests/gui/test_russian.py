"""The window in Russian: its words, plural forms, dates and money the
Russian way, Qt's own buttons, the core's refusals, a sale from order to
Z report, and no English word left on screen."""

import re
import shutil
import subprocess
from datetime import date

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
)

from core.commands import RecordPayment, UpdateShopSettings
from core.queries import GetShopSettings, GetTillReport
from shop_gui import formatting, language
from shop_gui.formatting import count_of, long_date, money
from shop_gui.main_window import MainWindow
from tests.gui.helpers import click, open_dialog, place_order, status_cell
from tests.gui.test_layout_fits import assert_fits, screen_room

NBSP = "\u00a0"


@pytest.fixture
def russian(qapp):
    language.install(qapp, "ru")
    yield
    language.install(qapp, "en")


@pytest.fixture
def window(qtbot, russian, shop, catalog):
    shop.dispatch(
        UpdateShopSettings.based_on(
            shop.ask(GetShopSettings()), currency_code="RUB", currency_symbol="₽", language="ru"
        )
    )
    window = MainWindow(shop)
    window.pay_after_placing = True
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def plain(text: str) -> str:
    return text.replace(NBSP, " ").replace("\u202f", " ")


def test_the_window_speaks_russian(window):
    assert window.order_form.place_button.text() == "Оформить заказ"
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs == ["&Продажа", "&Заказы", "&Мало на складе (1)", "Пок&упатели", "Отчёты"]
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Файл", "Правка", "&Касса", "&Справка"]
    file_menu = window.menuBar().actions()[0].menu()
    assert [a.text() for a in file_menu.actions()][:3] == [
        "&Импорт товаров...",
        "&Экспорт каталога...",
        "Экспорт &текущей категории...",
    ]
    assert window.statusBar().currentMessage() == "Готово"
    # Qt's own words (qtbase_ru.qm): a standard dialog button.
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Отмена"


def test_plural_forms_dates_and_money_the_russian_way(window):
    assert [count_of(n, "item") for n in (1, 2, 5, 11, 21, 22)] == [
        "1 товар",
        "2 товара",
        "5 товаров",
        "11 товаров",
        "21 товар",
        "22 товара",
    ]
    assert count_of(3, "order") == "3 заказа"
    assert plain(money(123450)) == "1 234,50 ₽"
    assert plain(money(-50)) == "-0,50 ₽"
    assert plain(long_date(date(2026, 12, 7))) == "7 декабря 2026 г."
    assert "дек." in formatting.local_time("2026-12-07T10:30:00+00:00")
    assert QLocale().name() == "ru_RU"


def test_a_sale_in_russian_from_the_order_to_the_z_report(qtbot, window, shop, tmp_path, monkeypatch):
    messages = []
    window.statusBar().messageChanged.connect(messages.append)
    order_id = place_order(qtbot, window, ("Rose Teapot", 2), later=False)
    assert any(re.fullmatch(rf"Заказ {order_id} оформлен: 2 товара, 49,98.₽\.", m) for m in messages), messages

    pay = open_dialog(window, "payDialog")
    assert pay.windowTitle() == f"Оплата заказа {order_id}"
    assert plain(pay.heading.text()) == "К оплате 49,98 ₽"
    click(qtbot, pay.method_buttons["card"])
    click(qtbot, pay.ok_button)
    window.tabs.setCurrentWidget(window.orders)
    assert status_cell(window, order_id) == "Оплачен"

    # The core's refusal, in Russian: the order is paid already.
    window.bridge.dispatch(RecordPayment(order_id, "card", 100))
    assert window.statusBar().currentMessage() == f"Заказ {order_id} уже оплачен."

    receipt = window.orders.show_receipt(order_id)
    text = plain(receipt.view.toPlainText())
    assert "ИТОГО" in text and "49,98 ₽" in text and "Спасибо за покупку!" in text
    # The 80 mm PDF carries the Cyrillic (its fonts embedded): pdftotext reads it back.
    monkeypatch.setattr(receipt, "choose_pdf_path", lambda suggested: str(tmp_path / "чек"))
    click(qtbot, receipt.save_button)
    assert (tmp_path / "чек.pdf").read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):  # (where poppler-utils is installed)
        pdf = subprocess.run(
            ["pdftotext", "-layout", str(tmp_path / "чек.pdf"), "-"], check=True, capture_output=True, text=True
        ).stdout
        assert "ИТОГО" in pdf and "Спасибо за покупку!" in pdf and "Rose Teapot" in pdf
    receipt.close()

    close = window.till.close_till()
    expected = shop.ask(GetTillReport()).expected_cash_cents
    close.counted_edit.setText(formatting.plain_amount(expected))
    close.confirm_count()
    close.submit()
    z_report = window.till.last_z_report
    z_text = plain(z_report.view.toPlainText())
    assert "Z-ОТЧЁТ" in z_text and "Ожидается наличных" in z_text and "1 заказ, 2 товара" in z_text
    z_report.close()


# Words that are the same in Russian: names, codes and the program's own name.
KEPT_WORDS = {
    *("RUB", "KZT", "BYN", "EUR", "USD", "GBP", "Br"),  # currencies
    "English",
    "Shop",
    "Manager",
    "PDF",
    "CSV",
    "Enter",
    "Ctrl",
    "Del",
    "Esc",
    "ISO",
    "A4",
    "PIN",
    "UTF",
    "Tab",
}


def english_words(text: str, names: set[str]) -> list[str]:
    text = re.sub(r"<[^>]*>|\b[A-Z]{3}-\d+\b", " ", text).replace("&", "")  # markup, SKUs
    for name in names:
        text = text.replace(name, " ")
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in KEPT_WORDS]


NAMES = {"Blue Enamel Mug", "Café Latte Glass", "Rose Teapot", "Hand Trowel", "Kitchen", "Mugs", "Garden", "Till 1"}


def readable_texts(root) -> list[str]:
    """Every text a person can read in ``root`` (a window or a dialog):
    labels, buttons, menus, tooltips, placeholders, tabs, column headings."""
    texts = [root.windowTitle()]
    for widget in root.findChildren(QLabel):
        texts.append(widget.text())
    for widget in root.findChildren(QAbstractButton):
        texts += [widget.text(), widget.toolTip()]
    for widget in root.findChildren(QLineEdit):
        texts += [widget.placeholderText(), widget.toolTip()]
    for widget in root.findChildren(QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())] + [widget.toolTip()]
    for widget in root.findChildren(QGroupBox):
        texts.append(widget.title())
    for tabs in root.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    for menu in root.findChildren(QMenu):
        texts.append(menu.title())
        for action in menu.actions():
            texts += [action.text(), action.toolTip(), action.statusTip()]
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None and hasattr(view, "horizontalHeader"):
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())]
    return texts


def english_left(root) -> dict[str, list[str]]:
    return {text: words for text in readable_texts(root) if (words := english_words(text, NAMES))}


def test_no_english_is_left_in_the_russian_window(window, catalog):
    """No English word but the shop's own names anywhere in the window."""
    assert len(readable_texts(window)) > 100
    assert not english_left(window)


def test_the_most_used_dialogs_are_in_russian(qtbot, window, catalog):
    actions = window.catalog.product_actions
    product = actions.new_product()
    assert product.windowTitle() == "Новый товар" and not english_left(product)
    product.close()
    window.catalog.select_product(catalog.teapot)
    receive = actions.receive_stock()
    assert receive.windowTitle() == "Приход товара" and not english_left(receive)
    receive.close()

    order_id = place_order(qtbot, window, ("Rose Teapot", 2), later=False)
    pay = open_dialog(window, "payDialog")
    assert not english_left(pay)
    click(qtbot, pay.exact_button)  # cash, the exact amount

    # A return, in Russian: its dialog, its reasons, what the status line says.
    window.tabs.setCurrentWidget(window.orders)
    window.orders.select_order(order_id)
    click(qtbot, window.orders.return_button)
    returning = open_dialog(window, "returnDialog")
    assert not english_left(returning)
    reasons = [returning.reason_combo.itemText(i) for i in range(returning.reason_combo.count())]
    assert reasons == ["Не подошёл", "Брак", "Не тот товар", "Другое"]
    returning.spins[catalog.teapot].setValue(1)
    returning.reason_combo.setCurrentIndex(returning.reason_combo.findData("faulty"))
    click(qtbot, returning.ok_button)
    assert plain(window.orders.action_message.text()) == (
        f"Возвращено на склад из заказа {order_id}: 1 товар. Вернуть покупателю 24,99 ₽ (наличные)."
    )


# Lists that open 860-870 px wide in English too (sized for a real screen, not the 800 px test one).
WIDE_IN_ANY_LANGUAGE = {"stockHistoryDialog", "tillSessionsDialog"}


def test_every_dialog_is_in_russian_and_fits_the_screen(qtbot, window, catalog):
    """Russian words are longer: each dialog still fits, with no English left."""
    room = screen_room(window)
    actions, categories, till = window.catalog.product_actions, window.catalog.categories, window.till
    categories.select_category(catalog.kitchen)
    window.catalog.select_product(catalog.teapot)
    factories = [
        actions.receive_stock,
        actions.adjust_stock,
        actions.edit_product,
        actions.new_product,
        actions.stock_history,
        window.open_settings,
        window.customers.new_customer,
        categories.new_category,
        categories.rename_category,
        categories.move_category,
        categories.delete_category,
        window.show_keyboard_map,
        window.staff.open_staff,
        till.open_till,
    ]
    opened_till = []
    for factory in factories:
        dialog = factory()
        assert dialog is not None, factory.__name__
        left = english_left(dialog)
        assert not left, (dialog.objectName(), left)
        if dialog.objectName() not in WIDE_IN_ANY_LANGUAGE:
            assert_fits(dialog, room)
        if dialog.objectName() == "openTillDialog":
            opened_till.append(dialog)
        else:
            dialog.reject()
    opened_till[0].float_edit.setText("100")
    opened_till[0].submit()
    for factory in (till.pay_in, till.pay_out, till.x_report, till.close_till, till.z_reports):
        dialog = factory()
        assert dialog is not None, factory.__name__
        left = english_left(dialog)
        assert not left, (dialog.objectName(), left)
        if dialog.objectName() not in WIDE_IN_ANY_LANGUAGE:
            assert_fits(dialog, room)
        dialog.close()


def test_undo_and_the_journal_speak_russian(qtbot, window, shop, catalog):
    """Edit > Undo names the action, and the Journal lists it, in Russian:
    the core's words (undo.describe, journal_words.summary) are Texts."""
    from core.commands import ReceiveStock
    from shop_gui.dialogs.journal_dialog import JournalDialog

    window.bridge.dispatch(ReceiveStock(catalog.mug, 24))
    window.undo_actions.refresh()
    undo = window.undo_actions.undo_action
    assert undo.text() == "&Отменить: приёмка 24 × Blue Enamel Mug"
    assert window.undo_actions.redo_action.text() == "&Повторить"
    with qtbot.waitSignal(window.undo_actions.done):
        undo.trigger()
    assert window.statusBar().currentMessage() == "Отменено: приёмка 24 × Blue Enamel Mug."
    window.journal.open_journal()
    dialog = window.findChild(JournalDialog, "journalDialog")
    model = dialog.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Когда", "Кто", "Касса", "Что", "Отменено"]
    what = [model.index(row, model.WHAT).data() for row in range(model.rowCount())]
    assert "Принято 24 × Blue Enamel Mug, на складе: 27" in what
    undone = [model.index(row, model.UNDONE).data() for row in range(model.rowCount())]
    assert any(text.startswith("Отменил(а) ") for text in undone)
    dialog.close()
