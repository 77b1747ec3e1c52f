"""A product's current row, shaped as the ProductUpdated event carries it."""

from sqlalchemy import select

from core.domain import validation as valid
from core.errors import UnknownProduct
from core.i18n import N_
from core.write_model.schema import product
from core.write_model.unit_of_work import UnitOfWork

EVENT_FIELDS = (
    "sku",
    "name",
    "category_id",
    "price_cents",
    "stock",
    "barcode",
    "reorder_level",
    "cost_price_cents",
    "tax_rate_bp",
    "active",
)


def product_row(uow: UnitOfWork, product_id, label: str = N_("Product number")):
    product_id = valid.identifier(product_id, label)
    row = uow.conn.execute(select(product).where(product.c.id == product_id)).mappings().first()
    if row is None:
        raise UnknownProduct(N_("There is no product number {product_id}.", product_id=product_id))
    return row


def product_event_state(uow: UnitOfWork, product_id: int) -> dict:
    row = product_row(uow, product_id)
    state = {field: row[field] for field in EVENT_FIELDS}
    state["active"] = bool(state["active"])
    return {"product_id": product_id, **state}
