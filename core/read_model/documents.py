"""The shape of the read model's TinyDB documents and the tables that hold them.

Products and orders are spread over tables of at most ``SHARD_SIZE`` ids each,
so a command rewrites a few small files, never the whole catalog.
"""

SCHEMA_VERSION = 2  # 2: product cost/tax/active, stock history
SHARD_SIZE = 512
CATEGORIES = "categories"
PRODUCTS_PREFIX = "products_"
ORDERS_PREFIX = "orders_"
HISTORY_PREFIX = "history_"


def products_table(product_id: int) -> str:
    return f"{PRODUCTS_PREFIX}{product_id // SHARD_SIZE}"


def orders_table(order_id: int) -> str:
    return f"{ORDERS_PREFIX}{order_id // SHARD_SIZE}"


def history_table(product_id: int) -> str:
    """Stock movements, one document per product: {"moves": [move, ...]}."""
    return f"{HISTORY_PREFIX}{product_id // SHARD_SIZE}"


def history_doc(product_id: int, moves: list | None = None) -> dict:
    return {"id": product_id, "moves": moves or []}


def move_doc(position: int, at: str, kind: str, quantity: int, stock_after: int, reason=None,
             note=None, order_id=None) -> list:
    """One stock movement. A list, not a dict: a busy product has thousands.
    ``position`` is the outbox position of the event that made it, so a
    replayed event is not recorded twice."""
    return [position, at, kind, quantity, stock_after, reason, note or None, order_id]


def category_doc(name: str, parent_id: int | None) -> dict:
    return {"name": name, "parent_id": parent_id}


def product_doc(row) -> dict:
    """From a ProductAdded payload or a write-model row (anything indexable by field)."""
    return {
        "id": row["product_id"] if "product_id" in row else row["id"],
        "sku": row["sku"], "name": row["name"], "category_id": row["category_id"],
        "price_cents": row["price_cents"], "stock": row["stock"],
        "barcode": row["barcode"], "reorder_level": row["reorder_level"],
        "cost_price_cents": row["cost_price_cents"], "tax_rate_bp": row["tax_rate_bp"],
        "active": bool(row["active"]),
    }


def order_doc(order_id: int, placed_at: str, status: str, total_cents: int, lines) -> dict:
    return {
        "id": order_id, "placed_at": placed_at, "status": status, "total_cents": total_cents,
        "lines": [
            {"product_id": l["product_id"], "sku": l["sku"], "name": l["name"],
             "quantity": l["quantity"], "unit_price_cents": l["unit_price_cents"]}
            for l in lines
        ],
    }
