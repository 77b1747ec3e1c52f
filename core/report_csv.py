"""A sales report as a CSV file, with the catalog export's conventions
(core/catalog_csv.py): UTF-8 with a BOM, commas, CRLF, amounts as plain
decimals (``12.50``), written to a temp file and renamed over the old one."""

from pathlib import Path

from core.catalog_csv import _write_csv, format_price
from core.messages.queries import SalesReport, SalesReportRow, StockValue, StockValueRow

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


STOCK_VALUE_COLUMNS = ("category", "products", "units", "at_cost", "at_price", "units_without_cost")
SLOW_MOVER_COLUMNS = ("sku", "name", "category", "stock", "price", "stock_at_price")


def export_stock_value(value: StockValue, path) -> int:
    """Stock value by category, then the total (category ``total``)."""

    def row(r: StockValueRow, key: str) -> tuple:
        return (key, r.products, r.units, format_price(r.cost_cents), format_price(r.price_cents), r.units_without_cost)

    _write_csv(Path(path), STOCK_VALUE_COLUMNS, [*(row(r, r.key) for r in value.rows), row(value.total, "total")])
    return len(value.rows)


def export_slow_movers(products, paths: dict[int, str], path) -> int:
    """The slow movers (ProductViews), with each one's category path."""
    rows = [
        (p.sku, p.name, paths.get(p.category_id, ""), p.stock, format_price(p.price_cents))
        + (format_price(p.price_cents * p.stock),)
        for p in products
    ]
    _write_csv(Path(path), SLOW_MOVER_COLUMNS, rows)
    return len(rows)
