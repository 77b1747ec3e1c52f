"""The command bus: finds a command's handler in an explicit table and runs it
in one unit of work (one transaction, events included)."""

from datetime import datetime
from typing import Callable

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from core import commands
from core.errors import InvalidCommand, StorageError
from core.handlers import (
    catalog, catalog_import, categories, customers, orders, payments, products, returns, settings, stock,
)
from core.write_model.unit_of_work import AlreadyDone, UnitOfWork, utc_now

COMMAND_HANDLERS: dict[type, Callable] = {
    commands.AddCategory: catalog.add_category,
    commands.RenameCategory: categories.rename_category,
    commands.MoveCategory: categories.move_category,
    commands.DeleteCategory: categories.delete_category,
    commands.AddProduct: products.add_product,
    commands.AddProducts: catalog.add_products,
    commands.UpdateProduct: products.update_product,
    commands.ArchiveProduct: products.archive_product,
    commands.RestoreProduct: products.restore_product,
    commands.DeleteProduct: products.delete_product,
    commands.ImportProducts: catalog_import.import_products,
    commands.PlaceOrder: orders.place_order,
    commands.CancelOrder: orders.cancel_order,
    commands.RecordPayment: payments.record_payment,
    commands.FulfilOrder: payments.fulfil_order,
    commands.ReturnItems: returns.return_items,
    commands.AddCustomer: customers.add_customer,
    commands.UpdateCustomer: customers.update_customer,
    commands.UpdateShopSettings: settings.update_shop_settings,
    commands.SetCategoryTaxRate: settings.set_category_tax_rate,
    commands.ReceiveStock: stock.receive_stock,
    commands.AdjustStock: stock.adjust_stock,
}


class Dispatcher:
    def __init__(self, engine: Engine, clock: Callable[[], datetime] = utc_now):
        self._engine = engine
        self._clock = clock

    def dispatch(self, command):
        handler = COMMAND_HANDLERS.get(type(command))
        if handler is None:
            raise InvalidCommand(f"Unknown command: {type(command).__name__}.")
        try:
            with UnitOfWork(self._engine, self._clock) as uow:
                result = handler(command, uow)
                uow.commit()
        except AlreadyDone as done:
            return done.result
        except DBAPIError as exc:
            # Locked by another till for too long, disk full, read-only file...
            raise StorageError(
                "The shop's database could not be written; nothing was changed. "
                f"Please try again. ({exc.orig})") from exc
        return result
