"""The Reports tab's table: a sales report's rows, then its total."""

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, Qt
from PySide6.QtGui import QFont

from core.queries import SalesReport
from shop_gui.formatting import money
from shop_gui.models.table import RowsTableModel
from shop_gui.texts import fill, word

GROUP_LABELS = {
    "day": QT_TRANSLATE_NOOP("words", "Day"),
    "week": QT_TRANSLATE_NOOP("words", "Week"),
    "month": QT_TRANSLATE_NOOP("words", "Month"),
    "hour": QT_TRANSLATE_NOOP("words", "Hour"),
    "product": QT_TRANSLATE_NOOP("words", "Product"),
    "category": QT_TRANSLATE_NOOP("words", "Category"),
    "staff": QT_TRANSLATE_NOOP("words", "Staff"),
    "till": QT_TRANSLATE_NOOP("words", "Till"),
}
NOT_RECORDED = QT_TRANSLATE_NOOP("words", "(not recorded)")


def key_label(group: str, key: str, label: str) -> str:
    """What a person reads for a row's key: dates in their language."""
    locale = QLocale()
    if group == "day":
        return locale.toString(QDate.fromString(key, "yyyy-MM-dd"), QLocale.FormatType.ShortFormat)
    if group == "week":
        year, week = key.split("-W")
        monday = date.fromisocalendar(int(year), int(week), 1)
        return fill(
            QCoreApplication.translate("sales_report_model", "Week %1, %2 (from %3)"),
            int(week),
            year,
            locale.toString(QDate(monday), QLocale.FormatType.ShortFormat),
        )
    if group == "month":
        year, month = key.split("-")
        return f"{locale.standaloneMonthName(int(month), QLocale.FormatType.LongFormat)} {year}"
    if group == "hour":
        return locale.toString(QDate(2000, 1, 1).startOfDay().time().addSecs(int(key) * 3600), "HH:mm")
    if group == "product":
        return f"{label} ({key})"
    return key or word(NOT_RECORDED)


class SalesReportModel(RowsTableModel):
    """One row per group, then the period's total (bold)."""

    HEADERS = (
        "",
        QT_TRANSLATE_NOOP("words", "Orders"),
        QT_TRANSLATE_NOOP("words", "Units"),
        QT_TRANSLATE_NOOP("words", "Gross"),
        QT_TRANSLATE_NOOP("words", "Discounts"),
        QT_TRANSLATE_NOOP("words", "Net"),
        QT_TRANSLATE_NOOP("words", "Tax"),
        QT_TRANSLATE_NOOP("words", "Total"),
        QT_TRANSLATE_NOOP("words", "Cost"),
        QT_TRANSLATE_NOOP("words", "Margin"),
        QT_TRANSLATE_NOOP("words", "Units without cost"),
        QT_TRANSLATE_NOOP("words", "Returned"),
        QT_TRANSLATE_NOOP("words", "Refunded"),
        QT_TRANSLATE_NOOP("words", "Net margin"),
    )
    RIGHT = frozenset(range(1, len(HEADERS)))
    _MONEY = {
        3: "gross_cents",
        4: "discount_cents",
        5: "net_cents",
        6: "tax_cents",
        7: "total_cents",
        8: "cost_cents",
        9: "margin_cents",
        12: "refunded_cents",
        13: "net_margin_cents",
    }
    _COUNTS = {1: "orders", 2: "units", 10: "units_without_cost", 11: "returned_units"}

    def __init__(self, parent=None):
        super().__init__(parent)
        self.report: SalesReport | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    def show_report(self, report: SalesReport | None) -> None:
        self.report = report
        self._set_rows(() if report is None else (*report.rows, report.total))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 0)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if section == 0 and orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return word(GROUP_LABELS.get(self.report.group_by, "")) if self.report else ""
        return super().headerData(section, orientation, role)

    def _is_total(self, value) -> bool:
        return self.report is not None and value is self.report.total

    def display(self, value, column: int) -> str:
        if column == 0:
            if self._is_total(value):
                return self.tr("Total")
            assert self.report is not None
            return key_label(self.report.group_by, value.key, value.label)
        if column in self._MONEY:
            return money(getattr(value, self._MONEY[column]))
        return str(getattr(value, self._COUNTS[column]))

    def other_role(self, value, column: int, role):
        if role == Qt.ItemDataRole.FontRole and self._is_total(value):
            return self._bold
        return None
