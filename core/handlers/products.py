"""Handlers that keep products: add, edit, archive, restore, delete."""

from dataclasses import dataclass

from sqlalchemy import delete, exists, insert, select, true, update
from sqlalchemy.exc import IntegrityError

from core.domain import barcodes
from core.domain import validation as valid
from core.domain.command_values import shown
from core.domain.stock_moves import OPENING_NOTE, MovementKind
from core.errors import DuplicateBarcode, DuplicateSku, InvalidCommand
from core.handlers.categories import require_category
from core.handlers.products_state import product_event_state, product_row
from core.handlers.stock_ledger import record_movements
from core.i18n import N_
from core.messages.commands import (
    AddProduct,
    ArchiveProduct,
    DeleteProduct,
    GiveBarcode,
    GiveBarcodes,
    RestoreProduct,
    UpdateProduct,
)
from core.messages.events import ProductAdded, ProductDeleted, ProductUpdated
from core.write_model.schema import order_line, product, stock_movement
from core.write_model.unit_of_work import UnitOfWork, inserted_id

MAX_TAX_RATE_BP = 100_00


@dataclass(frozen=True)
class ProductFields:
    """A product's details, checked: what AddProduct and UpdateProduct share."""

    sku: str
    name: str
    category_id: int
    price_cents: int
    barcode: str | None
    reorder_level: int
    cost_price_cents: int | None
    tax_rate_bp: int | None
    active: bool

    def values(self) -> dict:
        return dict(self.__dict__)


def product_fields(command) -> ProductFields:
    """The checks of ``command``'s details that need no database, in the order
    they are reported."""
    sku = valid.code(command.sku, N_("SKU"))
    name = valid.name(command.name, N_("Product name"))
    price_cents = valid.price(command.price_cents)
    cost = None if command.cost_price_cents is None else valid.price(command.cost_price_cents, N_("Cost price"))
    tax = command.tax_rate_bp
    if tax is not None:
        if type(tax) is not int or not 0 <= tax <= MAX_TAX_RATE_BP:
            raise InvalidCommand(N_("Tax rate must be a percentage from 0 to 100."))
    reorder_level = valid.stock_level(command.reorder_level, N_("Reorder level"))
    if type(command.active) is not bool:
        raise InvalidCommand(N_("Active must be yes or no, not {value}.", value=shown(command.active)))
    barcode = command.barcode
    if barcode is None or (isinstance(barcode, str) and barcode.strip() == ""):
        barcode = None  # blank means "no barcode"
    else:
        barcode = valid.code(barcode, N_("Barcode"))
    category_id = valid.identifier(command.category_id, N_("Category"))
    return ProductFields(sku, name, category_id, price_cents, barcode, reorder_level, cost, tax, command.active)


def check_product_fields(command, uow: UnitOfWork, product_id: int | None = None) -> ProductFields:
    """Validate the details of ``command``; ``product_id`` is the product being
    edited (its own SKU and barcode are not duplicates)."""
    fields = product_fields(command)
    sku, barcode = fields.sku, fields.barcode
    require_category(uow, fields.category_id)

    others = product.c.id != product_id if product_id is not None else true()  # where() makes true() of True
    if uow.conn.execute(select(product.c.id).where(product.c.sku == sku, others)).first():
        raise DuplicateSku(N_('Another product already has the SKU "{sku}".', sku=sku))
    if barcode and uow.conn.execute(select(product.c.id).where(product.c.barcode == barcode, others)).first():
        raise DuplicateBarcode(N_('Another product already has the barcode "{barcode}".', barcode=barcode))
    return fields


def insert_product(uow: UnitOfWork, fields: ProductFields, stock: int) -> int:
    try:
        product_id = inserted_id(uow.conn.execute(insert(product).values(stock=stock, **fields.values())))
    except IntegrityError as exc:  # another till added the same code meanwhile
        raise DuplicateSku(
            N_(
                'Another product already has the SKU "{sku}" or barcode "{barcode}".',
                sku=fields.sku,
                barcode=fields.barcode,
            )
        ) from exc
    if stock:
        record_movements(
            uow,
            [
                {
                    "product_id": product_id,
                    "kind": MovementKind.RECEIVED,
                    "quantity": stock,
                    "stock_after": stock,
                    "note": OPENING_NOTE,
                }
            ],
        )
    uow.record(ProductAdded(product_id=product_id, stock=stock, **fields.values()))
    return product_id


def add_product(command: AddProduct, uow: UnitOfWork) -> int:
    fields = check_product_fields(command, uow)
    return insert_product(uow, fields, valid.stock_level(command.stock))


def write_product(uow: UnitOfWork, product_id: int, values: dict) -> None:
    try:
        uow.conn.execute(update(product).where(product.c.id == product_id).values(**values))
    except IntegrityError as exc:
        raise DuplicateSku(N_("Another product already has this SKU or barcode.")) from exc
    uow.record(ProductUpdated(**product_event_state(uow, product_id)))


def update_product(command: UpdateProduct, uow: UnitOfWork) -> None:
    product_row(uow, command.product_id)
    fields = check_product_fields(command, uow, product_id=command.product_id)
    write_product(uow, command.product_id, fields.values())


def _set_active(uow: UnitOfWork, product_id, active: bool) -> None:
    row = product_row(uow, product_id)
    if bool(row["active"]) == active:
        state = "active" if active else "archived"
        raise InvalidCommand(N_("{name} is already {state}.", name=row["name"], state=state))
    write_product(uow, row["id"], {"active": active})


def archive_product(command: ArchiveProduct, uow: UnitOfWork) -> None:
    _set_active(uow, command.product_id, False)


def restore_product(command: RestoreProduct, uow: UnitOfWork) -> None:
    _set_active(uow, command.product_id, True)


def delete_product(command: DeleteProduct, uow: UnitOfWork) -> None:
    row = product_row(uow, command.product_id)
    sold = uow.conn.execute(select(exists().where(order_line.c.product_id == row["id"]))).scalar()
    if sold:
        raise InvalidCommand(
            N_("{name} has been sold, so it stays in past orders: archive it instead of deleting it.", name=row["name"])
        )
    uow.conn.execute(delete(stock_movement).where(stock_movement.c.product_id == row["id"]))
    uow.conn.execute(delete(product).where(product.c.id == row["id"]))
    uow.record(ProductDeleted(product_id=row["id"]))


def give_barcode(command: GiveBarcode, uow: UnitOfWork) -> str:
    """The product's new barcode: the shop's next own EAN-13 (above every
    one given so far, so none is ever given twice; the unique index stops
    two tills giving the same one at once)."""
    row = product_row(uow, command.product_id)
    if row["barcode"]:
        raise InvalidCommand(
            N_('{name} already has the barcode "{barcode}".', name=row["name"], barcode=row["barcode"])
        )
    pattern = barcodes.INTERNAL_PREFIX + "_" * (13 - len(barcodes.INTERNAL_PREFIX))
    taken = [code for (code,) in uow.conn.execute(select(product.c.barcode).where(product.c.barcode.like(pattern)))]
    code = barcodes.next_internal(taken)
    if code is None:
        raise InvalidCommand(N_("The shop's own barcodes are all given: give this product one of its maker's."))
    write_product(uow, row["id"], {"barcode": code})
    return code


def give_barcodes(command: GiveBarcodes, uow: UnitOfWork) -> tuple[tuple[int, str], ...]:
    """Each chosen product without a barcode gets the next of the shop's own
    EAN-13s, numbered on from the first (give_barcode's rule), all or none."""
    ids = command.product_ids
    if not isinstance(ids, (tuple, list)) or not ids:
        raise InvalidCommand(N_("Choose the products to give barcodes to."))
    rows = {row["id"]: row for row in (product_row(uow, product_id) for product_id in ids)}  # once each
    waiting = [row for row in rows.values() if not row["barcode"]]
    if not waiting:
        raise InvalidCommand(N_("Each of these products already has a barcode."))
    pattern = barcodes.INTERNAL_PREFIX + "_" * (13 - len(barcodes.INTERNAL_PREFIX))
    taken = [code for (code,) in uow.conn.execute(select(product.c.barcode).where(product.c.barcode.like(pattern)))]
    given: list[tuple[int, str]] = []
    for row in waiting:
        code = barcodes.next_internal(taken if not given else [given[-1][1]])
        if code is None:
            raise InvalidCommand(
                N_(
                    "The shop's own barcodes would run out after {count} of these {total} products: "
                    "give the others their makers' barcodes.",
                    count=len(given),
                    total=len(waiting),
                )
            )
        write_product(uow, row["id"], {"barcode": code})
        given.append((row["id"], code))
    return tuple(given)
