"""The shape of the read model's TinyDB documents and the tables that hold them.

Products and orders are spread over tables of at most ``SHARD_SIZE`` ids each,
so a command rewrites a few small files, never the whole catalog.
"""

from core.domain.pricing import Discount
from core.domain.staff import UNKNOWN_STAFF_ID
from core.messages.events import SoldLine

# 2: product cost/tax/active, stock history
# 3: category tax rate; orders with customer, pricing, payments and returns;
#    customers; the shop's settings
# 4: who (staff ids) in orders and stock movements; costs and categories
#    of sold lines; refunds by method; staff; till sessions
# 5: orders' compact index beside their documents (order_index_); stock
#    histories one table per product shard and month; till sessions' rows
#    (session_index_); orders keep who placed them (name) and where (till),
#    lines their category's path, as of the sale; the sales reports'
#    aggregates (report_*)
# 6: orders' rows parsed when needed, with each shard's time span and count
#    (order_spans_), each customer's orders' rows (customer_orders_) and
#    totals (customer_totals) beside them
# 7: till sessions' "No sale" drawer opens (drawer)
# 8: which events were undone (undo_links); payments reversed
# 9: the shop's settings hold its language (receipts and reports)
# 10: till sessions hold the journal's link at their closing (journal); an
#    undone event's link says what it was about (kind, done_at, product_id,
#    order_id, payment_id, stock_after), so histories can mark it
SCHEMA_VERSION = 10
SHARD_SIZE = 512
CATEGORIES = "categories"
PRODUCTS_PREFIX = "products_"
ORDERS_PREFIX = "orders_"
ORDER_INDEX_PREFIX = "order_index_"
ORDER_SPANS_PREFIX = "order_spans_"
CUSTOMER_ORDERS_PREFIX = "customer_orders_"
CUSTOMER_TOTALS = "customer_totals"  # {customer id: [orders, paid less refunded]}
# Customers per customer_orders_ table: a customer's order adds to a file of
# a few customers' orders, not of everyone's.
CUSTOMER_ORDERS_SHARD = 8
# Shards per order_spans_ table.
SPANS_SHARD = 1024
HISTORY_PREFIX = "history_"
CUSTOMERS_PREFIX = "customers_"
SETTINGS = "settings"  # one document, id 1: the ShopSettings fields
SETTINGS_DOC_ID = 1
# One document, id 1: {"ids": [...]}, every active product's id in name order
# as of the files' checkpoint, so that opening need not sort the catalog.
PRODUCT_ORDER = "product_order"
PRODUCT_ORDER_DOC_ID = 1
STAFF = "staff"  # one document per staff member, by id (never a PIN or its hash)


def products_table(product_id: int) -> str:
    return f"{PRODUCTS_PREFIX}{product_id // SHARD_SIZE}"


def orders_table(order_id: int) -> str:
    return f"{ORDERS_PREFIX}{order_id // SHARD_SIZE}"


def order_index_table(order_id: int) -> str:
    """Each order's row of the compact index (sales.index_row), by number."""
    return f"{ORDER_INDEX_PREFIX}{order_id // SHARD_SIZE}"


def order_spans_table(shard: int) -> str:
    """The time span and order count of each shard of order numbers."""
    return f"{ORDER_SPANS_PREFIX}{shard // SPANS_SHARD}"


def customer_orders_table(customer_id: int) -> str:
    """Each customer's orders' rows: {customer id: {order id: row}}."""
    return f"{CUSTOMER_ORDERS_PREFIX}{customer_id // CUSTOMER_ORDERS_SHARD}"


def customers_table(customer_id: int) -> str:
    return f"{CUSTOMERS_PREFIX}{customer_id // SHARD_SIZE}"


def history_shard_prefix(product_id: int) -> str:
    """The start of the names of ``product_id``'s stock-history tables."""
    return f"{HISTORY_PREFIX}{product_id // SHARD_SIZE}_"


def history_table(product_id: int, at: str) -> str:
    """Stock movements made in the month of ``at`` (an ISO time), one
    document per product: {"moves": [move, ...]}. A table per product shard
    and month, so that a sale adds to this month's file, never to a file
    that grows with the years."""
    return f"{history_shard_prefix(product_id)}{at[:7]}"


def history_doc(product_id: int, moves: list | None = None) -> dict:
    return {"id": product_id, "moves": moves or []}


def move_doc(
    position: int,
    at: str,
    kind: str,
    quantity: int,
    stock_after: int,
    reason=None,
    note=None,
    order_id=None,
    *,
    staff_id: int = UNKNOWN_STAFF_ID,
) -> list:
    """One stock movement. A list, not a dict: a busy product has thousands.
    ``position`` is the outbox position of the event that made it, so a
    replayed event is not recorded twice; ``staff_id``: who moved it."""
    return [position, at, kind, quantity, stock_after, reason, note or None, order_id, staff_id]


def category_doc(name: str, parent_id: int | None, tax_rate_bp: int | None = None) -> dict:
    return {"name": name, "parent_id": parent_id, "tax_rate_bp": tax_rate_bp}


def product_doc(row) -> dict:
    """From a ProductAdded payload or a write-model row (anything indexable by field)."""
    return {
        "id": row["product_id"] if "product_id" in row else row["id"],
        "sku": row["sku"],
        "name": row["name"],
        "category_id": row["category_id"],
        "price_cents": row["price_cents"],
        "stock": row["stock"],
        "barcode": row["barcode"],
        "reorder_level": row["reorder_level"],
        "cost_price_cents": row["cost_price_cents"],
        "tax_rate_bp": row["tax_rate_bp"],
        "active": bool(row["active"]),
    }


def discount_doc(kind: str | None, value: int | None) -> dict | None:
    return None if kind is None else {"kind": kind, "value": value}


def discount_of(discount: Discount | None) -> dict | None:
    return None if discount is None else {"kind": discount.kind, "value": discount.value}


def order_line_doc(row) -> dict:
    """From an ``order_line`` row of the write model."""
    return {
        "product_id": row["product_id"],
        "sku": row["sku"],
        "name": row["name"],
        "quantity": row["quantity"],
        "unit_price_cents": row["unit_price_cents"],
        "discount": discount_doc(row["discount_kind"], row["discount_value"]),
        "line_discount_cents": row["line_discount_cents"],
        "order_discount_cents": row["order_discount_cents"],
        "tax_rate_bp": row["tax_rate_bp"],
        "tax_cents": row["tax_cents"],
        "returned_quantity": row["returned_quantity"],
        "refunded_cents": row["refunded_cents"],
        "cost_price_cents": row["cost_price_cents"],
        "category_id": row["category_id"],
        "category_path": row["category_path"],
    }


def sold_line_doc(line: SoldLine) -> dict:
    """From a line of an OrderPlaced event: nothing of it returned yet."""
    return {
        "product_id": line.product_id,
        "sku": line.sku,
        "name": line.name,
        "quantity": line.quantity,
        "unit_price_cents": line.unit_price_cents,
        "discount": discount_of(line.discount),
        "line_discount_cents": line.line_discount_cents,
        "order_discount_cents": line.order_discount_cents,
        "tax_rate_bp": line.tax_rate_bp,
        "tax_cents": line.tax_cents,
        "returned_quantity": 0,
        "refunded_cents": 0,
        "cost_price_cents": line.cost_price_cents,
        "category_id": line.category_id,
        "category_path": line.category_path,
    }


def order_doc(
    order_id: int,
    placed_at: str,
    status: str,
    total_cents: int,
    lines,
    *,
    customer_id: int | None = None,
    prices_include_tax: bool = True,
    subtotal_cents: int | None = None,
    discount_cents: int = 0,
    tax_cents: int = 0,
    order_discount: dict | None = None,
    paid_cents: int = 0,
    refunded_cents: int = 0,
    fulfilled_at: str | None = None,
    cancelled_at: str | None = None,
    cancel_refund_cents: int | None = None,
    payments=(),
    returns=(),
    placed_by: int = UNKNOWN_STAFF_ID,
    fulfilled_by: int | None = None,
    cancelled_by: int | None = None,
    cancel_refunds=(),
    cancel_approved_by: int | None = None,
    staff_name: str | None = None,
    till: str | None = None,
) -> dict:
    """An order as GetOrder shows it. ``lines`` are order_line_doc()s."""
    return {
        "id": order_id,
        "placed_at": placed_at,
        "status": status,
        "total_cents": total_cents,
        "customer_id": customer_id,
        "prices_include_tax": bool(prices_include_tax),
        "subtotal_cents": total_cents if subtotal_cents is None else subtotal_cents,
        "discount_cents": discount_cents,
        "tax_cents": tax_cents,
        "order_discount": order_discount and {"kind": order_discount["kind"], "value": order_discount["value"]},
        "lines": list(lines),
        "paid_cents": paid_cents,
        "refunded_cents": refunded_cents,
        "fulfilled_at": fulfilled_at,
        "cancelled_at": cancelled_at,
        "cancel_refund_cents": cancel_refund_cents,
        "payments": list(payments),
        "returns": list(returns),
        # Who (staff ids), and how a cancellation's refund went back: [[method, cents], ...].
        "placed_by": placed_by,
        "fulfilled_by": fulfilled_by,
        "cancelled_by": cancelled_by,
        "cancel_refunds": [list(part) for part in cancel_refunds],
        "cancel_approved_by": cancel_approved_by,
        # Who placed it and where, as called then (what reports group it by).
        "staff_name": staff_name,
        "till": till,
    }


def payment_doc(
    payment_id: int,
    at: str,
    method: str,
    amount_cents: int,
    tendered_cents: int | None,
    change_cents: int | None,
    by: int = UNKNOWN_STAFF_ID,
    reversed_at: str | None = None,
    reversed_by: int | None = None,
) -> dict:
    return {
        "id": payment_id,
        "at": at,
        "method": method,
        "amount_cents": amount_cents,
        "tendered_cents": tendered_cents,
        "change_cents": change_cents,
        "by": by,
        # Given back (ReversePayment): when and by whom; None: it stands.
        "reversed_at": reversed_at,
        "reversed_by": reversed_by,
    }


def return_doc(
    return_id: int,
    at: str,
    reason: str,
    note: str | None,
    refund_cents: int,
    lines,
    by: int = UNKNOWN_STAFF_ID,
    refunds=(),
    approved_by: int | None = None,
) -> dict:
    """``lines``: [{"product_id", "quantity", "refund_cents", "tax_cents"}];
    ``refunds``: (method, cents) pairs."""
    return {
        "id": return_id,
        "at": at,
        "reason": reason,
        "note": note or None,
        "refund_cents": refund_cents,
        "lines": [
            {
                "product_id": l["product_id"],
                "quantity": l["quantity"],
                "refund_cents": l["refund_cents"],
                "tax_cents": l["tax_cents"],
            }
            for l in lines
        ],
        "by": by,
        "refunds": [list(part) for part in refunds],
        "approved_by": approved_by,
    }


def customer_doc(
    customer_id: int, name: str, phone: str | None, email: str | None, note: str | None, added_at: str
) -> dict:
    return {"id": customer_id, "name": name, "phone": phone, "email": email, "note": note, "added_at": added_at}


def staff_doc(staff_id: int, name: str, role: str, active: bool, added_at: str) -> dict:
    return {"id": staff_id, "name": name, "role": role, "active": bool(active), "added_at": added_at}
