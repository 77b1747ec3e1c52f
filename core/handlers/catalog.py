"""Handlers that add to the catalog: a category, and products in bulk."""

from sqlalchemy import insert

from core.commands import AddCategory, AddProduct, AddProducts
from core.errors import InvalidCommand, ShopError
from core.events import CategoryAdded
from core.handlers.categories import category_name, refuse_sibling_named, require_category
from core.handlers.products import add_product
from core.write_model.schema import category
from core.write_model.unit_of_work import UnitOfWork


def add_category(command: AddCategory, uow: UnitOfWork) -> int:
    name = category_name(command.name)
    parent_id = command.parent_id
    if parent_id is not None:
        require_category(uow, parent_id, "Parent category")
    refuse_sibling_named(uow, name, parent_id)
    category_id = uow.conn.execute(
        insert(category).values(name=name, parent_id=parent_id)).inserted_primary_key[0]
    uow.record(CategoryAdded(category_id=category_id, name=name, parent_id=parent_id))
    return category_id


def add_products(command: AddProducts, uow: UnitOfWork) -> tuple[int, ...]:
    if not isinstance(command.products, (tuple, list)) or not command.products:
        raise InvalidCommand("There are no products to add.")
    ids = []
    for number, item in enumerate(command.products, start=1):
        if not isinstance(item, AddProduct):
            raise InvalidCommand(f"Item {number} is not a product.")
        try:
            ids.append(add_product(item, uow))
        except ShopError as exc:
            raise type(exc)(f"Product {number} ({item.sku!r}): {exc}") from exc
    return tuple(ids)
