"""Handlers that add to the catalog: a category, and products in bulk."""

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from core.domain import validation as valid
from core.domain.command_values import shown
from core.domain.stock_moves import OPENING_NOTE, MovementKind
from core.errors import DuplicateBarcode, DuplicateSku, InvalidCommand, ShopError, UnknownCategory
from core.handlers.categories import category_name, lock_tree, refuse_sibling_named, refuse_too_deep, require_category
from core.handlers.lookups import in_chunks, values_found
from core.handlers.products import product_fields
from core.handlers.stock_ledger import record_movements
from core.i18n import N_
from core.messages.commands import AddCategory, AddProduct, AddProducts
from core.messages.events import CategoryAdded, ProductAdded
from core.write_model import statements as sql
from core.write_model.schema import category
from core.write_model.unit_of_work import UnitOfWork, inserted_id


def add_category(command: AddCategory, uow: UnitOfWork) -> int:
    lock_tree(uow)
    name = category_name(command.name)
    parent_id = command.parent_id
    if parent_id is not None:
        require_category(uow, parent_id, N_("Parent category"))
        refuse_too_deep(uow, name, parent_id)
    refuse_sibling_named(uow, name, parent_id)
    category_id = inserted_id(uow.conn.execute(insert(category).values(name=name, parent_id=parent_id)))
    uow.record(CategoryAdded(category_id=category_id, name=name, parent_id=parent_id))
    return category_id


def add_products(command: AddProducts, uow: UnitOfWork) -> tuple[int, ...]:
    """All the products, or none: the first refused one is named, with the
    message ``add_product`` would give it had the ones before it been added
    one by one. Checked with a few IN queries and inserted with one
    executemany INSERT, far faster than an INSERT per product."""
    if not isinstance(command.products, (tuple, list)) or not command.products:
        raise InvalidCommand(N_("There are no products to add."))

    def refused(number, item, exc):
        error = type(exc)(f"Product {number} ({shown(item.sku)}): {exc}")
        error.__cause__ = exc
        return error

    # 1. The checks without the database, up to the first failure. It is
    #    reported only if no product before it fails a database check; a
    #    product whose details pass but whose stock does not (add_product
    #    checks the stock last) has its database checks made first.
    rows, stop = [], None
    for number, item in enumerate(command.products, start=1):
        if not isinstance(item, AddProduct):
            stop = InvalidCommand(N_("Item {number} is not a product.", number=number))
            break
        try:
            fields = product_fields(item)
        except ShopError as exc:
            stop = refused(number, item, exc)
            break
        try:
            stock = valid.stock_level(item.stock)
        except ShopError as exc:
            stop = refused(number, item, exc)
            stock = 0
        rows.append({"stock": stock, **fields.values()})
        if stop is not None:
            break

    # 2. The database checks of those products, in product order: an SKU or
    #    barcode also clashes with an earlier product of this batch.
    conn = uow.conn
    known_categories: set[int] = set()
    for chunk in in_chunks(sorted({row["category_id"] for row in rows})):
        known_categories.update(conn.execute(select(category.c.id).where(category.c.id.in_(chunk))).scalars())
    taken_skus = values_found(uow, sql.PRODUCTS_WITH_SKU, {row["sku"] for row in rows})
    taken_barcodes = values_found(uow, sql.PRODUCTS_WITH_BARCODE, {row["barcode"] for row in rows if row["barcode"]})
    for number, (item, row) in enumerate(zip(command.products, rows), start=1):
        if row["category_id"] not in known_categories:
            raise refused(
                number,
                item,
                UnknownCategory(N_("There is no category number {category_id}.", category_id=row["category_id"])),
            )
        if row["sku"] in taken_skus:
            raise refused(
                number, item, DuplicateSku(N_('Another product already has the SKU "{sku}".', sku=row["sku"]))
            )
        if row["barcode"] and row["barcode"] in taken_barcodes:
            raise refused(
                number,
                item,
                DuplicateBarcode(N_('Another product already has the barcode "{barcode}".', barcode=row["barcode"])),
            )
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
        raise DuplicateSku(N_("Another product already has one of these SKUs or barcodes.")) from exc
    id_of: dict[str, int] = {}  # sku -> product id
    for chunk in in_chunks([row["sku"] for row in rows]):
        id_of.update(conn.execute(sql.IDS_OF_SKUS, {"codes": chunk}).all())
    ids = tuple(id_of[row["sku"]] for row in rows)
    opening = []
    for product_id, row in zip(ids, rows):
        if row["stock"]:
            opening.append(
                {
                    "product_id": product_id,
                    "kind": MovementKind.RECEIVED,
                    "quantity": row["stock"],
                    "stock_after": row["stock"],
                    "note": OPENING_NOTE,
                }
            )
        uow.record(ProductAdded(product_id=product_id, **row))
    record_movements(uow, opening)
    return ids
