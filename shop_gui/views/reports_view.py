"""The Reports tab: sales over a period, grouped by day, week, month, hour,
product, category, staff member or till; a chart above the table, whose
last row is the total; export as CSV, save as a PDF, print.

Reports by day, week or month are sums of days the read model keeps in
memory: asked on the GUI thread (a few milliseconds over a year). By hour,
staff, till, product or category they read each month's tables from disk
the first time (40-800 ms over a year of a busy shop: BENCHMARKS.md): asked
on a worker thread, so the window never freezes; a newer request makes an
older answer moot.
"""

import logging
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QLocale, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.errors import ShopError
from core.queries import (
    GetCategories,
    GetSalesReport,
    GetShopSettings,
    GetSlowMovers,
    GetStockValue,
    SalesReport,
    StockValue,
)
from core.report_csv import export_sales_report, export_slow_movers, export_stock_value
from shop_gui.language import speaking
from shop_gui.models.sales_report_model import GROUP_LABELS, SalesReportModel, key_label
from shop_gui.models.stock_report_models import SlowMoversModel, StockValueModel
from shop_gui.report_presets import CUSTOM, PRESETS, period_of
from shop_gui.texts import describe, fill, word
from shop_gui.views.change_aware import RefreshedWhenShown
from shop_gui.views.message_boxes import show_notice
from shop_gui.views.report_chart import TOP_N, ReportChart
from shop_gui.views.tables import read_only_table

log = logging.getLogger(__name__)

ON_A_WORKER = ("hour", "staff", "till", "product", "category", "slow", "stock")
# Beside the sales groupings: stock reports (the period applies to slow movers only).
STOCK_CHOICES = {"slow": QT_TRANSLATE_NOOP("words", "Slow movers"), "stock": QT_TRANSLATE_NOOP("words", "Stock value")}
Z_REPORT_NOTE = QT_TRANSLATE_NOOP(
    "words",
    "Cancelled orders count nowhere here, so a day can differ from that day's Z report "
    "once one of its orders is cancelled later: the Z report shows the cancellation in "
    "the till session where it happened. Returns count on the day they were taken.",
)


class _Answer(QObject):
    """Carries a worker's answer to the GUI thread (queued): (ticket, report or error)."""

    ready = Signal(int, object)


class _Ask(QRunnable):
    def __init__(self, bridge, query, ticket: int, answer: _Answer):
        super().__init__()
        self._bridge, self._query, self._ticket, self._answer = bridge, query, ticket, answer

    def run(self) -> None:
        try:
            result = self._bridge.ask(self._query)  # the shop serialises callers
        except ShopError as exc:
            result = exc
        except Exception as exc:  # a bug: say so rather than leave the tab waiting
            log.exception("Sales report failed")
            result = ShopError(fill(self.tr("The report could not be made: %1"), exc))
        self._answer.ready.emit(self._ticket, result)


class ReportsView(RefreshedWhenShown, QWidget):
    """Signals:
    reportShown(object): a SalesReport is on screen (tests wait for it).
    """

    reportShown = Signal(object)

    def __init__(self, bridge, parent=None, today=date.today):
        super().__init__(parent)
        self._init_refreshed_when_shown()
        self._bridge = bridge
        self._today = today
        self._ticket = 0
        self._answer = _Answer(self)
        self._answer.ready.connect(self._answered)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

        self.preset = QComboBox(objectName="reportPeriod")
        for key, label in PRESETS:
            self.preset.addItem(word(label), key)
        self.date_from = QDateEdit(objectName="reportFrom", calendarPopup=True)
        self.date_to = QDateEdit(objectName="reportTo", calendarPopup=True)
        self.group = QComboBox(objectName="reportGroupBy")
        for key, label in GROUP_LABELS.items():
            self.group.addItem(word(label), key)
        self.group.insertSeparator(self.group.count())
        for key, label in STOCK_CHOICES.items():
            self.group.addItem(word(label), key)
        self.group.setToolTip(
            self.tr(
                "Sales by time, product, category, staff or till; or the stock: slow movers (in "
                "stock, nothing sold in the period) and its value by category"
            )
        )
        self.csv_button = QPushButton(self.tr("Export CSV..."), objectName="reportExportCsv")
        self.pdf_button = QPushButton(self.tr("Save PDF..."), objectName="reportSavePdf")
        self.print_button = QPushButton(self.tr("Print..."), objectName="reportPrint")
        self.status = QLabel(objectName="reportStatus")
        note = QLabel(word(Z_REPORT_NOTE), objectName="reportNote", wordWrap=True)
        note.setStyleSheet("color: palette(mid)")

        bar = QHBoxLayout()
        for label, widget in (
            (self.tr("Perio&d:"), self.preset),
            (self.tr("From:"), self.date_from),
            (self.tr("To:"), self.date_to),
            (self.tr("&Group by:"), self.group),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            bar.addWidget(caption)
            bar.addWidget(widget)
        bar.addStretch(1)
        # The exports on a row of their own, beside what the report covers:
        # one row of everything would not fit a 1366x768 laptop's window.
        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        actions.addWidget(self.csv_button)
        actions.addWidget(self.pdf_button)
        actions.addWidget(self.print_button)

        self.chart = ReportChart()
        self.model = SalesReportModel(self)
        self.stock_model = StockValueModel(self)
        self.slow_model = SlowMoversModel(self)
        self.shown_model = self.model  # the table's: one of the three
        self.table = read_only_table("reportTable", self.model)
        self.table.setAccessibleName(self.tr("Sales report"))
        split = QSplitter(Qt.Orientation.Vertical, objectName="reportSplit")
        split.addWidget(self.chart)
        split.addWidget(self.table)
        split.setSizes([260, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(actions)
        layout.addWidget(split, 1)
        layout.addWidget(note)

        self._set_period("this_month")
        self.preset.setCurrentIndex(self.preset.findData("this_month"))
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self.date_from.dateChanged.connect(self._dates_edited)
        self.date_to.dateChanged.connect(self._dates_edited)
        self.group.currentIndexChanged.connect(lambda _i: self.refresh())
        self.csv_button.clicked.connect(self.export_csv)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_report)
        self._update_buttons()

    # -- choosing --------------------------------------------------------------------------
    def _set_period(self, preset: str) -> None:
        first, last = period_of(preset, self._today())
        for edit, day in ((self.date_from, first), (self.date_to, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day))
            edit.blockSignals(False)

    def _preset_chosen(self, _index: int) -> None:
        preset = self.preset.currentData()
        if preset != CUSTOM:
            self._set_period(preset)
            self.refresh()
        else:
            self.date_from.setFocus()

    def _dates_edited(self) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData(CUSTOM))
        self.preset.blockSignals(False)
        self.refresh()

    def query(self):
        first, last = self.date_from.date().toPython(), self.date_to.date().toPython()
        choice = self.group.currentData()
        if choice == "slow":
            return GetSlowMovers(first, last)
        if choice == "stock":
            return GetStockValue()
        return GetSalesReport(first, last, choice)

    # -- asking ----------------------------------------------------------------------------
    def _apply_changes(self, changes, *, currency_changed: bool = False) -> None:
        """RefreshedWhenShown: sales, returns and cancellations change reports;
        products (stock, prices, costs) and categories the stock reports."""
        stock = self.group.currentData() in STOCK_CHOICES and (changes.products or changes.categories)
        if changes.rebuilt or changes.orders or changes.settings or currency_changed or stock:
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.model.report is None and self._ticket == 0:
            self.refresh()

    def refresh(self) -> None:
        """Ask for the report the choices describe (the newest request wins)."""
        self._ticket += 1
        query = self.query()
        if self.group.currentData() in ON_A_WORKER:
            self.status.setText(self.tr("Adding up..."))
            self._pool.start(_Ask(self._bridge, query, self._ticket, self._answer))
        else:
            try:
                self._answered(self._ticket, self._bridge.ask(query))
            except ShopError as exc:
                self._answered(self._ticket, exc)

    def _show(self, model) -> None:
        if self.shown_model is not model:
            self.shown_model = model
            self.table.setModel(model)

    def _answered(self, ticket: int, result) -> None:
        if ticket != self._ticket:
            return  # a newer request is on its way
        if isinstance(result, ShopError):
            self.model.show_report(None)
            self.stock_model.show_value(None)
            self.slow_model.show_products(None, {})
            self.chart.set_bars((), (), False)
            self.status.setText(describe(result))
            self._update_buttons()
            return
        if isinstance(result, StockValue):
            self._show_stock_value(result)
        elif isinstance(result, SalesReport):
            self._show_sales(result)
        else:
            self._show_slow_movers(result)
        self.table.resizeColumnsToContents()
        self._update_buttons()
        self.reportShown.emit(result)

    def _show_sales(self, result: SalesReport) -> None:
        self._show(self.model)
        self.model.show_report(result)
        group = result.group_by
        rows = result.rows
        horizontal = group in ("product", "category")
        if horizontal:
            rows = sorted(rows, key=lambda r: (-r.total_cents, r.key))[:TOP_N]
        labels = [self._short_label(group, r.key, r.label) for r in rows]
        self.chart.set_bars(labels, [r.total_cents for r in rows], horizontal)
        orders = result.total.orders
        self.status.setText(
            f"{orders} order{'s' if orders != 1 else ''} from {key_label('day', result.date_from.isoformat(), '')}"
            f" to {key_label('day', result.date_to.isoformat(), '')}"
            + (f" - the top {TOP_N} in the chart" if horizontal and len(result.rows) > TOP_N else "")
        )

    def _show_stock_value(self, value: StockValue) -> None:
        self._show(self.stock_model)
        self.stock_model.show_value(value)
        rows = sorted(value.rows, key=lambda r: (-r.price_cents, r.key))[:TOP_N]
        self.chart.set_bars([r.key for r in rows], [r.price_cents for r in rows], True)
        self.status.setText(
            fill(
                self.tr("Stock on hand today, at price (the chart) and at cost, by category: %1 units"),
                value.total.units,
            )
        )

    def _show_slow_movers(self, products) -> None:
        self._show(self.slow_model)
        paths: dict[int, str] = {}
        for c in self._bridge.ask(GetCategories()):  # parents first
            parent = paths.get(c.parent_id) if c.parent_id is not None else None
            paths[c.id] = f"{parent}/{c.name}" if parent else c.name
        self.slow_model.show_products(products, paths)
        ranked = sorted(products, key=lambda p: (-p.price_cents * p.stock, p.sku))[:TOP_N]
        self.chart.set_bars([p.name for p in ranked], [p.price_cents * p.stock for p in ranked], True)
        self.status.setText(
            f"{len(products)} product{'s' if len(products) != 1 else ''} in stock sold nothing in the period"
            + (f" - the {TOP_N} with the most stock at price in the chart" if len(products) > TOP_N else "")
        )

    @staticmethod
    def _short_label(group: str, key: str, label: str) -> str:
        if group == "product":
            return label
        if group == "week":
            return key[5:]  # W09
        if group == "day":  # the day and month: the year is in the period above
            return QLocale().toString(QDate.fromString(key, "yyyy-MM-dd"), "d MMM")
        return key_label(group, key, label)

    def _has_result(self) -> bool:
        model = self.shown_model
        if model is self.model:
            return self.model.report is not None
        if model is self.stock_model:
            return self.stock_model.value is not None
        return self.slow_model.products is not None

    def _update_buttons(self) -> None:
        has = self._has_result()
        for button in (self.csv_button, self.pdf_button, self.print_button):
            button.setEnabled(has)

    def shutdown(self) -> None:
        """Wait for a report being added up (the window is closing)."""
        self._ticket += 1
        self._pool.waitForDone()

    # -- giving it out ----------------------------------------------------------------------
    def _period_text(self) -> str:
        first, last = self.date_from.date().toPython(), self.date_to.date().toPython()
        return fill(
            self.tr("%1 to %2"), key_label("day", first.isoformat(), ""), key_label("day", last.isoformat(), "")
        )

    def _title(self) -> tuple[str, str]:
        if self.shown_model is self.stock_model:
            return "Stock value by category", "Stock on hand of active products, at cost and at today's price."
        if self.shown_model is self.slow_model:
            return "Slow movers", f"Products in stock that sold nothing from {self._period_text()}."
        report = self.model.report
        assert report is not None
        title = fill(self.tr("Sales by %1"), word(GROUP_LABELS[report.group_by]).lower())
        subtitle = fill(
            self.tr("%1 to %2. %3"),
            key_label("day", report.date_from.isoformat(), ""),
            key_label("day", report.date_to.isoformat(), ""),
            word(Z_REPORT_NOTE),
        )
        return title, subtitle

    def _suggested(self, suffix: str) -> str:
        first, last = self.date_from.date().toPython(), self.date_to.date().toPython()
        if self.shown_model is self.stock_model:
            return f"stock-value.{suffix}"
        if self.shown_model is self.slow_model:
            return f"slow-movers-{first}-{last}.{suffix}"
        return f"sales-by-{self.group.currentData()}-{first}-{last}.{suffix}"

    def export_csv(self, path: str | None = None) -> None:
        if not self._has_result():
            return
        if not path:
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export report"), self._suggested("csv"), self.tr("CSV files (*.csv);;All files (*)")
            )
            if not path:
                return
        try:
            if self.shown_model is self.stock_model:
                assert self.stock_model.value is not None
                export_stock_value(self.stock_model.value, path)
            elif self.shown_model is self.slow_model:
                export_slow_movers(self.slow_model.products, self.slow_model.paths, path)
            else:
                assert self.model.report is not None
                export_sales_report(self.model.report, path)
        except ShopError as exc:
            show_notice(self, self.tr("Export report"), describe(exc), "reportExportFailed", QMessageBox.Icon.Warning)
            return
        self.status.setText(fill(self.tr("Saved %1"), path))

    def document(self):
        from shop_gui.report_document import report_document

        with speaking(self._bridge.ask(GetShopSettings()).language):  # printed in the shop's language
            return report_document(*self._title(), self.shown_model, self.chart, self)

    def save_pdf(self, path: str | None = None) -> None:
        if not self._has_result():
            return
        if not path:
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save report as PDF"), self._suggested("pdf"), self.tr("PDF files (*.pdf)")
            )
            if not path:
                return
        from shop_gui.report_document import save_report_pdf

        try:
            save_report_pdf(self.document(), path)
        except OSError as exc:
            show_notice(
                self, self.tr("Save report"), fill(self.tr("%1 could not be written: %2"), path, exc), "reportPdfFailed"
            )
            return
        self.status.setText(fill(self.tr("Saved %1"), path))

    def print_report(self) -> None:
        if not self._has_result():
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from shop_gui.report_document import print_report

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        try:
            print_report(self.document(), printer)
        except OSError as exc:
            show_notice(self, self.tr("Print report"), describe(exc), "reportPrintFailed", QMessageBox.Icon.Warning)
