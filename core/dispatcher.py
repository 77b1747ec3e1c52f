"""The command bus: finds a command's handler in an explicit table and runs it
in one unit of work (one transaction, events included)."""

import random
import time
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError

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
from core.write_model import requests
from core.write_model.command_cache import CommandCache
from core.write_model.db_errors import is_retryable, is_unreachable, storage_error
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

# A COMMIT whose answer never came (the connection broke on the way): the
# command is run again after this pause, on a new connection, and finds its
# request id if the server had committed it.
UNSURE_PAUSE_SECONDS = 0.1
UNSURE = N_(
    "The connection to the shop's server broke while this was being saved, so it is not known whether it was. "
    "Try again once the server can be reached: Shop Manager checks first, and never does it twice."
)


class _Unsure(Exception):
    """The COMMIT was sent and the connection broke: done or not, unknown."""

    def __init__(self, result):
        super().__init__()
        self.result = result


_NO_RESULT = object()


def _opened_meanwhile(exc: BaseException) -> bool:
    """Another process of this till opened its session first (the one open
    session a till may have): run again, the command finds it."""
    return isinstance(exc, IntegrityError) and "ix_till_session_open" in str(exc.orig)


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
        # The last command whose COMMIT went unanswered, with its request id
        # and answer: sent again, it looks for that id before doing anything.
        self._unsure: tuple | None = None

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
        # Every command carries a request id, stored by its COMMIT
        # (core/write_model/requests.py). Looked for only when it may be there
        # already: the same command again after an unanswered COMMIT.
        unsure = self._unsure
        if unsure is not None and unsure[0] == command:
            request_id, look_up, first = unsure[1], True, unsure[2]
        else:
            request_id, look_up, first = requests.request_id_of(command), False, _NO_RESULT
        for attempt in range(1, RETRIES + 1):
            try:
                result = self._run(handler, command, who, request_id, look_up, first)
            except _Unsure as lost:
                # Run it again on a new connection: the request id says whether it was done.
                self._unsure = (command, request_id, lost.result)
                look_up, first = True, lost.result
                if attempt == RETRIES:
                    raise StorageError(UNSURE) from lost.__cause__
                time.sleep(UNSURE_PAUSE_SECONDS * attempt)
                continue
            except StorageError as exc:
                cause = exc.__cause__ or exc
                if look_up and is_unreachable(cause):
                    raise StorageError(UNSURE) from cause  # still unknown: the server is out of reach
                # A deadlock or serialization failure (PostgreSQL), or two
                # processes of one till opening its session at once: the whole
                # command rolled back, so running it again is safe.
                if not (attempt < RETRIES and (is_retryable(cause) or _opened_meanwhile(cause))):
                    raise
                time.sleep(random.uniform(0, RETRY_PAUSE_SECONDS * attempt))
                continue
            if look_up:
                self._unsure = None  # done, by now or the first time
            return result
        raise AssertionError("unreachable")  # the loop returns or raises

    def _run(self, handler, command, who: Who | None, request_id: str, look_up: bool, first):
        kept = self._kept
        conn, cache = kept.lend() if kept is not None else (None, None)
        events = None  # what the command committed: None if refused or failed
        self._committed = []
        uow = None
        result = None
        try:
            with UnitOfWork(
                self._engine,
                self._clock,
                connection=conn,
                cache=cache,
                direct_sql=self._direct_sql,
                who=who if who is not None else Who(self.till),
                request_id=request_id,
            ) as uow:
                if look_up:
                    found = requests.find(uow.conn, request_id)
                    if found is not requests.MISSING:
                        raise AlreadyDone(found if first is _NO_RESULT else first)
                authorize(command, uow)
                result = handler(command, uow)
                uow.commit(result)
                self._committed = uow.stored
                events = uow.events
        except AlreadyDone as done:
            return done.result
        except (DBAPIError, StorageError) as exc:
            if kept is not None:
                kept.drop_connection()  # whatever went wrong, start afresh next time
            if isinstance(exc, StorageError):  # the begin hook's sentence (core/write_model/db_errors.py)
                raise
            if uow is not None and uow.commit_sent and is_unreachable(exc):
                raise _Unsure(result) from exc
            if requests.is_duplicate(exc):
                # Another till (or an earlier try) stored this request id first: its answer is ours.
                return self._run(handler, command, who, request_id, True, first)
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
