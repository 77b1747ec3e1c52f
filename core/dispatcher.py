"""The command bus: finds a command's handler in an explicit table and runs it
in one unit of work (one transaction, events included)."""

import random
import time
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from core.domain.command_values import screened
from core.domain.staff import DEFAULT_TILL, Who
from core.errors import InvalidCommand, StorageError
from core.fast_paths import ALL_ON, FastPaths
from core.handlers import (
    catalog,
    catalog_import,
    categories,
    customers,
    orders,
    payments,
    products,
    returns,
    reversals,
    settings,
    staff,
    stock,
    till,
    undo,
)
from core.handlers.permissions import authorize
from core.i18n import N_
from core.messages import commands
from core.write_model.command_cache import CommandCache
from core.write_model.db_errors import is_retryable, storage_error
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
    commands.ReversePayment: reversals.reverse_payment,
    commands.ReturnItems: returns.return_items,
    commands.AddCustomer: customers.add_customer,
    commands.UpdateCustomer: customers.update_customer,
    commands.UpdateShopSettings: settings.update_shop_settings,
    commands.SetCategoryTaxRate: settings.set_category_tax_rate,
    commands.ReceiveStock: stock.receive_stock,
    commands.AdjustStock: stock.adjust_stock,
    # -- staff, signing in and permissions
    commands.AddStaff: staff.add_staff,
    commands.UpdateStaff: staff.update_staff,
    commands.SignIn: staff.sign_in,
    # -- till sessions and cash
    commands.OpenTill: till.open_till,
    commands.CloseTill: till.close_till,
    commands.PayIn: till.pay_in,
    commands.PayOut: till.pay_out,
    commands.OpenDrawer: till.open_drawer,
    commands.GiveBarcode: products.give_barcode,
    commands.GiveBarcodes: products.give_barcodes,
    # -- undo and redo
    commands.UndoAction: undo.undo_action,
    commands.RedoAction: undo.redo_action,
}


# A command that lost a deadlock or a serialization check runs again, up to
# this many times in all, after a random pause (growing) so that the two
# tills do not collide again.
RETRIES = 5
RETRY_PAUSE_SECONDS = 0.02


class Dispatcher:
    def __init__(
        self,
        engine: Engine,
        clock: Callable[[], datetime] = utc_now,
        *,
        fast_paths: FastPaths = ALL_ON,
        till: str = DEFAULT_TILL,
    ):
        self._engine = engine
        self.till = till
        self._clock = clock
        self._direct_sql = fast_paths.direct_sql
        # Fast path (FastPaths.dispatcher_cache): a connection kept open for
        # this thread, and the settings and tax tree read on it. None: every
        # command takes a pooled connection and reads everything.
        self._kept = CommandCache(engine) if fast_paths.dispatcher_cache else None
        self._committed: list = []  # StoredEvents of the last command (see take_committed)

    def dispatch(self, command, who: Who | None = None):
        """Run ``command`` as ``who`` (default: the shop's owner at this till),
        if ``who`` may (core/handlers/permissions.py; else NotAllowed or
        SignInFirst, nothing changed)."""
        handler = COMMAND_HANDLERS.get(type(command))
        if handler is None:
            raise InvalidCommand(N_("Unknown command: {kind}.", kind=type(command).__name__))
        # Values no command may hold (past 64 bits, lone surrogates, control
        # characters) refused here, before any handler; text made NFC.
        command = screened(command, skip=getattr(command, "screened_one_by_one", ()))
        for attempt in range(1, RETRIES + 1):
            try:
                return self._run(handler, command, who)
            except StorageError as exc:
                # A deadlock or serialization failure (PostgreSQL): the whole
                # command rolled back, so running it again is safe.
                if not (attempt < RETRIES and is_retryable(exc.__cause__ or exc)):
                    raise
                time.sleep(random.uniform(0, RETRY_PAUSE_SECONDS * attempt))
        raise AssertionError("unreachable")  # the loop returns or raises

    def _run(self, handler, command, who: Who | None):
        kept = self._kept
        conn, cache = kept.lend() if kept is not None else (None, None)
        events = None  # what the command committed: None if refused or failed
        self._committed = []
        try:
            with UnitOfWork(
                self._engine,
                self._clock,
                connection=conn,
                cache=cache,
                direct_sql=self._direct_sql,
                who=who if who is not None else Who(self.till),
            ) as uow:
                authorize(command, uow)
                result = handler(command, uow)
                uow.commit()
                self._committed = uow.stored
                events = uow.events
        except AlreadyDone as done:
            return done.result
        except (DBAPIError, StorageError) as exc:
            if kept is not None:
                kept.drop_connection()  # whatever went wrong, start afresh next time
            if isinstance(exc, StorageError):  # the begin hook's sentence (core/write_model/db_errors.py)
                raise
            # Locked by another till for too long, disk full, read-only file...
            raise storage_error(exc) from exc
        finally:
            if kept is not None and cache is not None:  # lent on this thread
                kept.after_command(events)
        return result

    def take_committed(self) -> list:
        """The events the last command committed, as stored (none if it was
        refused), once: for the read model to apply without reading them back."""
        committed, self._committed = self._committed, []
        return committed

    def close(self) -> None:
        """Give back the connection kept open (before the engine is disposed)."""
        if self._kept is not None:
            self._kept.close()
