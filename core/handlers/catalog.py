"""Handlers that build the catalog: categories and products."""

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from core.commands import AddCategory, AddProduct, AddProducts
from core.errors import DuplicateBarcode, DuplicateSku, UnknownCategory
from core.events import CategoryAdded, ProductAdded
from core.errors import InvalidCommand, ShopError
from core.handlers import validation as valid
from core.write_model.schema import category, product
from core.write_model import statements as sql
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


def _product_fields(command: AddProduct) -> dict:
    """The checks that need no database, in the order they are reported."""
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
    category_id = valid.identifier(command.category_id, "Category")
    return {"sku": sku, "name": name, "category_id": category_id, "price_cents": price_cents,
            "stock": stock, "barcode": barcode, "reorder_level": reorder_level}


def add_product(command: AddProduct, uow: UnitOfWork) -> int:
    fields = _product_fields(command)
    sku, name, price_cents, stock, reorder_level, barcode = (fields[k] for k in (
        "sku", "name", "price_cents", "stock", "reorder_level", "barcode"))
    category_id = _require_category(uow, fields["category_id"])

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


# Values per IN (...) list: far below any database's limit on parameters.
_IN_CHUNK = 500


def _chunks(values: list):
    for start in range(0, len(values), _IN_CHUNK):
        yield values[start:start + _IN_CHUNK]


def _existing(uow: UnitOfWork, statement, codes) -> set:
    found = set()
    for chunk in _chunks(list(codes)):
        found.update(uow.conn.execute(statement, {"codes": chunk}).scalars())
    return found


def add_products(command: AddProducts, uow: UnitOfWork) -> tuple[int, ...]:
    """All the products, or none: the first refused one is named, with the
    message ``add_product`` would give it had the ones before it been added
    one by one. Checked with a few IN queries and inserted with one
    executemany INSERT (10,000 products in a fraction of a second, not
    seconds)."""
    if not isinstance(command.products, (tuple, list)) or not command.products:
        raise InvalidCommand("There are no products to add.")

    def refused(number, item, exc):
        error = type(exc)(f"Product {number} ({item.sku!r}): {exc}")
        error.__cause__ = exc
        return error

    # 1. The checks without the database, up to the first failure (which is
    #    reported only if no product before it fails a database check).
    rows, stop = [], None
    for number, item in enumerate(command.products, start=1):
        if not isinstance(item, AddProduct):
            stop = InvalidCommand(f"Item {number} is not a product.")
            break
        try:
            rows.append(_product_fields(item))
        except ShopError as exc:
            stop = refused(number, item, exc)
            break

    # 2. The database checks of the products before it, in product order: an
    #    SKU or barcode also clashes with an earlier product of this batch.
    conn = uow.conn
    category_ids = {row["category_id"] for row in rows}
    known_categories = set()
    for chunk in _chunks(sorted(category_ids)):
        known_categories.update(conn.execute(
            select(category.c.id).where(category.c.id.in_(chunk))).scalars())
    taken_skus = _existing(uow, sql.PRODUCTS_WITH_SKU, {row["sku"] for row in rows})
    taken_barcodes = _existing(uow, sql.PRODUCTS_WITH_BARCODE,
                               {row["barcode"] for row in rows if row["barcode"]})
    for number, (item, row) in enumerate(zip(command.products, rows), start=1):
        if row["category_id"] not in known_categories:
            raise refused(number, item, UnknownCategory(
                f"There is no category number {row['category_id']}."))
        if row["sku"] in taken_skus:
            raise refused(number, item, DuplicateSku(f'Another product already has the SKU "{row["sku"]}".'))
        if row["barcode"] and row["barcode"] in taken_barcodes:
            raise refused(number, item, DuplicateBarcode(
                f'Another product already has the barcode "{row["barcode"]}".'))
        taken_skus.add(row["sku"])
        if row["barcode"]:
            taken_barcodes.add(row["barcode"])
    if stop is not None:
        raise stop

    # 3. One executemany INSERT, then the new ids by SKU (unique): portable,
    #    and unlike INSERT ... RETURNING in parameter order, which SQLAlchemy
    #    can only do one row at a time on SQLite.
    try:
        conn.execute(sql.INSERT_PRODUCT, rows)
    except IntegrityError as exc:  # another till added the same code meanwhile
        raise DuplicateSku("Another product already has one of these SKUs or barcodes.") from exc
    id_of = {}
    for chunk in _chunks([row["sku"] for row in rows]):
        id_of.update(conn.execute(sql.IDS_OF_SKUS, {"codes": chunk}).all())
    ids = tuple(id_of[row["sku"]] for row in rows)
    for product_id, row in zip(ids, rows):
        uow.record(ProductAdded(product_id=product_id, **row))
    return ids
