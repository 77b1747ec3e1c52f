"""A sales report as a CSV file, with the catalog export's conventions
(core/catalog_csv.py): UTF-8 with a BOM, commas, CRLF, amounts as plain
decimals (``12.50``), written to a temp file and renamed over the old one."""

from pathlib import Path

from core.catalog_csv import _write_csv, format_price
from core.messages.queries import SalesReport, SalesReportRow

COLUMNS = (
    "key",
    "label",
    "orders",
    "units",
    "gross",
    "discount",
    "net",
    "tax",
    "total",
    "cost",
    "margin",
    "units_without_cost",
    "returned_units",
    "refunded",
    "net_margin",
)
_MONEY = (
    "gross_cents",
    "discount_cents",
    "net_cents",
    "tax_cents",
    "total_cents",
    "cost_cents",
    "margin_cents",
)


def report_row(row: SalesReportRow) -> tuple:
    return (
        row.key,
        row.label,
        row.orders,
        row.units,
        *(format_price(getattr(row, name)) for name in _MONEY),
        row.units_without_cost,
        row.returned_units,
        format_price(row.refunded_cents),
        format_price(row.net_margin_cents),
    )


def export_sales_report(report: SalesReport, path) -> int:
    """Write the report's rows, then its total (key ``total``); returns the
    number of rows written before the total."""
    rows = [report_row(row) for row in report.rows]
    total = report_row(report.total)
    _write_csv(Path(path), COLUMNS, [*rows, ("total", *total[1:])])
    return len(rows)
