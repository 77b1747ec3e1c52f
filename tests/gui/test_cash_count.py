"""Counting a drawer note by note and coin by coin."""

from core.domain.denominations import denominations
from tests.gui.helpers import type_into


def test_counts_add_up_as_they_are_typed(qtbot):
    from shop_gui.dialogs.cash_count import CashCount

    count = CashCount("GBP")
    qtbot.addWidget(count)
    count.show()
    totals = []
    count.totalChanged.connect(totals.append)
    assert list(count.spins) == [d.value for d in denominations("GBP")]
    assert count.total_label.text() == "Counted: £0.00"
    type_into(qtbot, count.spins[2000], "3")  # 3 x £20
    type_into(qtbot, count.spins[50], "7")  # 7 x 50p
    type_into(qtbot, count.spins[1], "4")  # 4 x 1p
    assert count.total() == 6354
    assert totals[-1] == 6354
    assert count.amounts[2000].text() == "£60.00" and count.amounts[50].text() == "£3.50"
    assert count.amounts[500].text() == ""  # none counted
    assert count.total_label.text() == "Counted: £63.54"
    assert count.counts() == ((2000, 3), (50, 7), (1, 4))
    assert count.spins[2000].accessibleName() == "Number of £20 notes"
    count.clear()
    assert count.total() == 0 and totals[-1] == 0


def test_another_currency_has_its_own_notes_and_coins(qtbot):
    from core.domain.shop_settings import ShopSettings
    from shop_gui import formatting
    from shop_gui.dialogs.cash_count import CashCount

    formatting.use_settings(ShopSettings(currency_code="RUB", currency_symbol="₽"))
    try:
        count = CashCount("RUB")
        qtbot.addWidget(count)
        assert 500000 in count.spins and 25 not in count.spins
        type_into(qtbot, count.spins[500000], "2")
        type_into(qtbot, count.spins[10], "3")
        assert count.total() == 1_000_030
        assert count.total_label.text() == f"Counted: {formatting.money(1_000_030)}"
        assert "10,000.30" in count.total_label.text() or "10.000,30" in count.total_label.text()
    finally:
        formatting.use_settings(ShopSettings())
