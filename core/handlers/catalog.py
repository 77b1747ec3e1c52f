"""Handlers that build the catalog: categories and products."""

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from core.commands import AddCategory, AddProduct, AddProducts
from core.errors import DuplicateBarcode, DuplicateSku, UnknownCategory
from core.events import CategoryAdded, ProductAdded
from core.errors import InvalidCommand, ShopError
from core.handlers import validation as valid
from core.write_model.schema import category, product
from core.write_model.unit_of_work import UnitOfWork


def _require_category(uow: UnitOfWork, category_id, label: str = "Category") -> int:
    category_id = valid.identifier(category_id, label)
    found = uow.conn.execute(select(category.c.id).where(category.c.id == category_id)).first()
    if found is None:
        raise UnknownCategory(f"There is no category number {category_id}.")
    return category_id


def add_category(command: AddCategory, uow: UnitOfWork) -> int:
    name = valid.name(command.name, "Category name")
    parent_id = command.parent_id
    if parent_id is not None:
        parent_id = _require_category(uow, parent_id, "Parent category")
    siblings = select(category.c.id).where(
        func.lower(category.c.name) == name.lower(),
        category.c.parent_id.is_(None) if parent_id is None else category.c.parent_id == parent_id,
    )
    if uow.conn.execute(siblings).first() is not None:
        raise InvalidCommand(f'A category named "{name}" already exists there.')
    category_id = uow.conn.execute(
        insert(category).values(name=name, parent_id=parent_id)).inserted_primary_key[0]
    uow.record(CategoryAdded(category_id=category_id, name=name, parent_id=parent_id))
    return category_id


def add_product(command: AddProduct, uow: UnitOfWork) -> int:
    sku = valid.code(command.sku, "SKU")
    name = valid.name(command.name, "Product name")
    price_cents = valid.price(command.price_cents)
    stock = valid.stock_level(command.stock)
    reorder_level = valid.stock_level(command.reorder_level, "Reorder level")
    barcode = command.barcode
    if barcode is not None and not (isinstance(barcode, str) and barcode.strip() == ""):
        barcode = valid.code(barcode, "Barcode")
    else:
        barcode = None  # blank means "no barcode"
    category_id = _require_category(uow, command.category_id)

    if uow.conn.execute(select(product.c.id).where(product.c.sku == sku)).first():
        raise DuplicateSku(f'Another product already has the SKU "{sku}".')
    if barcode and uow.conn.execute(select(product.c.id).where(product.c.barcode == barcode)).first():
        raise DuplicateBarcode(f'Another product already has the barcode "{barcode}".')
    try:
        product_id = uow.conn.execute(insert(product).values(
            sku=sku, name=name, category_id=category_id, price_cents=price_cents,
            stock=stock, barcode=barcode, reorder_level=reorder_level,
        )).inserted_primary_key[0]
    except IntegrityError as exc:  # another till added the same code meanwhile
        raise DuplicateSku(f'Another product already has the SKU "{sku}" or barcode "{barcode}".') from exc
    uow.record(ProductAdded(
        product_id=product_id, sku=sku, name=name, category_id=category_id,
        price_cents=price_cents, stock=stock, barcode=barcode, reorder_level=reorder_level,
    ))
    return product_id


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
