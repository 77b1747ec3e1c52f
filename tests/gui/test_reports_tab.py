"""The Reports tab: presets and dates, group-by, the table with its totals
row, the chart, a sale showing up, CSV and PDF export."""

import csv
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QPushButton

from core.commands import OrderLine, PlaceOrder
from shop_gui.report_presets import period_of
from tests.gui.helpers import click


def reports_tab(qtbot, window):
    view = window.reports
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.model.report is not None)
    return view


def sell(window, catalog) -> None:
    window.bridge.dispatch(PlaceOrder((OrderLine(catalog.mug, 2), OrderLine(catalog.trowel, 1))))
    window.bridge.dispatch(PlaceOrder((OrderLine(catalog.latte, 5),)))


def choose(qtbot, view, combo: QComboBox, data: str) -> None:
    """Pick an entry with the keyboard, as a person tabbing to it would."""
    combo.setFocus()
    target = combo.findData(data)
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)


def group_by(qtbot, view, group: str):
    """Choose ``group`` and wait for its report (each step on the way shows its own)."""
    choose(qtbot, view, view.group, group)
    qtbot.waitUntil(lambda: view.model.report is not None and view.model.report.group_by == group, timeout=5000)
    return view.model.report


def first_column(view) -> list[str]:
    model = view.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_widgets_have_stable_object_names(window):
    view = window.reports
    for kind, name in [
        (QComboBox, "reportPeriod"),
        (QDateEdit, "reportFrom"),
        (QDateEdit, "reportTo"),
        (QComboBox, "reportGroupBy"),
        (QPushButton, "reportExportCsv"),
        (QPushButton, "reportSavePdf"),
        (QPushButton, "reportPrint"),
    ]:
        assert view.findChild(kind, name) is not None, name
    assert window.tabs.tabText(window.tabs.indexOf(view)) == "Reports"


def test_this_months_sales_by_day_with_a_total_row(qtbot, window, catalog, qtmodeltester):
    sell(window, catalog)
    view = reports_tab(qtbot, window)
    qtmodeltester.check(view.model)
    first, last = period_of("this_month", date.today())
    assert (view.date_from.date().toPython(), view.date_to.date().toPython()) == (first, last)
    assert first_column(view)[-1] == "Total"
    total = view.model.report.total
    assert (total.orders, total.units) == (2, 8)
    assert total.total_cents == 2 * 899 + 1250 + 5 * 450
    assert view.model.index(view.model.rowCount() - 1, 2).data() == "8"
    assert view.chart.values == (total.total_cents,)  # one day, one bar
    assert not view.chart.horizontal


def test_a_preset_sets_the_dates_and_the_report(qtbot, window, catalog):
    sell(window, catalog)
    view = reports_tab(qtbot, window)
    with qtbot.waitSignal(view.reportShown):
        choose(qtbot, view, view.preset, "yesterday")
    yesterday = date.today() - timedelta(days=1)
    assert view.date_from.date().toPython() == view.date_to.date().toPython() == yesterday
    assert first_column(view) == ["Total"]
    assert view.model.report.total.orders == 0
    assert view.chart.values == ()

    with qtbot.waitSignal(view.reportShown):
        choose(qtbot, view, view.preset, "today")
    assert view.model.report.total.orders == 2


def test_editing_a_date_makes_the_period_custom(qtbot, window, catalog):
    sell(window, catalog)
    view = reports_tab(qtbot, window)
    view.date_from.setDate(QDate(date.today() + timedelta(days=1)))  # by day: answered at once
    assert view.preset.currentData() == "custom"
    assert "must end on or after" in view.status.text()  # the core's sentence
    assert view.model.rowCount() == 0
    assert not view.csv_button.isEnabled()


def test_group_by_product_is_answered_off_the_gui_thread(qtbot, window, catalog):
    sell(window, catalog)
    view = reports_tab(qtbot, window)
    report = group_by(qtbot, view, "product")
    assert [(r.key, r.units) for r in report.rows] == [("MUG-002", 5), ("MUG-001", 2), ("GDN-001", 1)]
    assert first_column(view)[0] == "Café Latte Glass (MUG-002)"
    assert view.chart.horizontal
    assert view.chart.labels[0] == "Café Latte Glass"  # the chart: most sales first

    group_by(qtbot, view, "category")
    assert first_column(view) == ["Garden", "Kitchen/Mugs", "Total"]
    staff = group_by(qtbot, view, "staff")  # a worker's answer too (it reads months from disk)
    assert [(r.key, r.orders) for r in staff.rows] == [("Owner", 2)]
    assert not view.chart.horizontal


def test_a_sale_shows_up_while_the_tab_is_open(qtbot, window, catalog):
    view = reports_tab(qtbot, window)
    assert view.model.report.total.orders == 0
    with qtbot.waitSignal(view.reportShown):
        window.bridge.dispatch(PlaceOrder((OrderLine(catalog.teapot, 1),)))
    assert view.model.report.total.total_cents == 2499


def test_export_csv_and_pdf(qtbot, window, catalog, tmp_path):
    sell(window, catalog)
    view = reports_tab(qtbot, window)
    group_by(qtbot, view, "product")
    view.export_csv(str(tmp_path / "report.csv"))
    raw = (tmp_path / "report.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # the catalog export's conventions
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:4] == ["key", "label", "orders", "units"]
    assert rows[1][:4] == ["MUG-002", "Café Latte Glass", "1", "5"]
    assert rows[1][8] == "22.50"  # total, a plain decimal
    assert rows[-1][0] == "total" and rows[-1][3] == "8"

    view.save_pdf(str(tmp_path / "report.pdf"))
    pdf = (tmp_path / "report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 2000
    assert view.status.text().startswith("Saved")
    click(qtbot, view.group)  # the window still answers


def test_stock_value_and_slow_movers(qtbot, window, catalog, tmp_path):
    sell(window, catalog)  # mugs, latte glasses, a trowel: the teapot did not sell
    view = reports_tab(qtbot, window)
    choose(qtbot, view, view.group, "stock")
    qtbot.waitUntil(lambda: view.stock_model.value is not None, timeout=5000)
    assert view.table.model() is view.stock_model
    value = view.stock_model.value
    assert [r.key for r in value.rows] == ["Garden", "Kitchen", "Kitchen/Mugs"]
    assert value.total.units == (3 - 2) + (20 - 5) + 5 + (12 - 1)
    assert first_column(view)[-1] == "Total"
    assert view.chart.horizontal and view.chart.values[0] == max(r.price_cents for r in value.rows)

    choose(qtbot, view, view.group, "slow")
    qtbot.waitUntil(lambda: view.slow_model.products is not None, timeout=5000)
    assert view.table.model() is view.slow_model
    assert [view.slow_model.index(r, 0).data() for r in range(view.slow_model.rowCount())] == ["TEA-001"]
    assert view.slow_model.index(0, 2).data() == "Kitchen"
    view.export_csv(str(tmp_path / "slow.csv"))
    rows = list(csv.reader((tmp_path / "slow.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows == [
        ["sku", "name", "category", "stock", "price", "stock_at_price"],
        ["TEA-001", "Rose Teapot", "Kitchen", "5", "24.99", "124.95"],
    ]
    view.save_pdf(str(tmp_path / "slow.pdf"))
    assert (tmp_path / "slow.pdf").read_bytes().startswith(b"%PDF")

    group_by(qtbot, view, "category")  # back to sales: the sales table again
    assert view.table.model() is view.model


def test_the_presets_periods():
    wednesday = date(2024, 3, 13)
    d = date
    assert period_of("today", wednesday) == (wednesday, wednesday)
    assert period_of("yesterday", wednesday) == (d(2024, 3, 12), d(2024, 3, 12))
    assert period_of("this_week", wednesday) == (d(2024, 3, 11), wednesday)  # from Monday
    assert period_of("last_week", wednesday) == (d(2024, 3, 4), d(2024, 3, 10))
    assert period_of("this_month", wednesday) == (d(2024, 3, 1), wednesday)
    assert period_of("last_month", wednesday) == (d(2024, 2, 1), d(2024, 2, 29))
    assert period_of("last_month", d(2024, 1, 5)) == (d(2023, 12, 1), d(2023, 12, 31))
    assert period_of("this_year", wednesday) == (d(2024, 1, 1), wednesday)
