"""The command bus: finds a command's handler in an explicit table and runs it
in one unit of work (one transaction, events included)."""

import threading
from datetime import datetime
from typing import Callable

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from core.messages import commands
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


# Events that change neither the shop's settings nor any category: after a
# command that recorded only these, the cached settings and tax tree stay.
_KEEPS_CACHE = frozenset({
    "OrderPlaced", "PaymentRecorded", "OrderFulfilled", "OrderCancelled", "ItemsReturned",
    "StockReceived", "StockAdjusted", "CustomerAdded", "CustomerUpdated",
})


class Dispatcher:
    def __init__(self, engine: Engine, clock: Callable[[], datetime] = utc_now):
        self._engine = engine
        self._clock = clock
        # One connection kept open for the thread that made the dispatcher
        # (the window's): taking one from the pool and giving it back (with
        # its reset) for every command costs a tenth of a sale. No
        # transaction stays open between commands. Other threads (an import
        # worker, a new one per import) take one from the pool per command
        # and give it back: a connection kept per thread would stay checked
        # out after its thread ended, and the pool would run dry.
        self._owner = threading.get_ident()
        self._conn: Connection | None = None
        # Settings and tax tree read on self._conn (UnitOfWork.cached); kept
        # only while nothing but the commands of _KEEPS_CACHE commit on it.
        self._cache: dict = {}
        self._committed: list = []  # StoredEvents of the last command (see take_committed)

    def _connection(self) -> Connection | None:
        if threading.get_ident() != self._owner:
            return None  # the unit of work takes one from the pool
        conn = self._conn
        if conn is None or conn.closed or conn.invalidated:
            conn = self._conn = self._engine.connect()
            self._cache.clear()
        return conn

    def _drop_connection(self) -> None:
        if threading.get_ident() != self._owner:
            return
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:
                conn.invalidate()

    def dispatch(self, command):
        handler = COMMAND_HANDLERS.get(type(command))
        if handler is None:
            raise InvalidCommand(f"Unknown command: {type(command).__name__}.")
        conn = self._connection()
        cache = self._cache if conn is not None else None
        keep = False
        self._committed = []
        try:
            with UnitOfWork(self._engine, self._clock, connection=conn, cache=cache) as uow:
                result = handler(command, uow)
                uow.commit()
                self._committed = uow.stored
                keep = all(type(e).__name__ in _KEEPS_CACHE for e in uow.events)
        except AlreadyDone as done:
            return done.result
        except DBAPIError as exc:
            self._drop_connection()  # whatever went wrong, start afresh next time
            # Locked by another till for too long, disk full, read-only file...
            raise StorageError(
                "The shop's database could not be written; nothing was changed. "
                f"Please try again. ({exc.orig})") from exc
        finally:
            if cache is not None and not keep:
                cache.clear()  # refused, failed, or it may have changed settings or categories
        return result

    def take_committed(self) -> list:
        """The events the last command committed, as stored (none if it was
        refused), once: for the read model to apply without reading them back."""
        committed, self._committed = self._committed, []
        return committed

    def close(self) -> None:
        """Give back the connection kept open (before the engine is disposed)."""
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # closed from another thread
                conn.invalidate()
