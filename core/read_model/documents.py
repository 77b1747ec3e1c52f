"""The shape of the read model's TinyDB documents and the tables that hold them.

Products and orders are spread over tables of at most ``SHARD_SIZE`` ids each,
so a command rewrites a few small files, never the whole catalog.
"""

SCHEMA_VERSION = 1
SHARD_SIZE = 512
CATEGORIES = "categories"
PRODUCTS_PREFIX = "products_"
ORDERS_PREFIX = "orders_"


def products_table(product_id: int) -> str:
    return f"{PRODUCTS_PREFIX}{product_id // SHARD_SIZE}"


def orders_table(order_id: int) -> str:
    return f"{ORDERS_PREFIX}{order_id // SHARD_SIZE}"


def category_doc(name: str, parent_id: int | None) -> dict:
    return {"name": name, "parent_id": parent_id}


def product_doc(row) -> dict:
    """From a ProductAdded payload or a write-model row (anything indexable by field)."""
    return {
        "id": row["product_id"] if "product_id" in row else row["id"],
        "sku": row["sku"], "name": row["name"], "category_id": row["category_id"],
        "price_cents": row["price_cents"], "stock": row["stock"],
        "barcode": row["barcode"], "reorder_level": row["reorder_level"],
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
