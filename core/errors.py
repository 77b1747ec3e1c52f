"""Domain errors. ``str(error)`` is a sentence fit to show a shop assistant."""


class ShopError(Exception):
    """Base of every error the core raises on purpose; nothing was changed."""


class InvalidCommand(ShopError):
    """The command breaks a rule (blank name, bad quantity, ...)."""


class DuplicateSku(InvalidCommand):
    """Another product already uses this SKU."""


class DuplicateBarcode(InvalidCommand):
    """Another product already uses this barcode."""


class UnknownProduct(ShopError):
    """No product has this id."""


class UnknownCategory(ShopError):
    """No category has this id."""


class UnknownOrder(ShopError):
    """No order has this number."""


class UnknownCustomer(ShopError):
    """No customer has this number."""


class OutOfStock(ShopError):
    """Fewer units are in stock than the order asks for."""

    def __init__(self, message: str, product_id: int, available: int):
        super().__init__(message)
        self.product_id = product_id
        self.available = available


class InvalidTransition(InvalidCommand):
    """The order's status does not allow this (paying a cancelled order,
    fulfilling an unpaid one, ...); the message says why."""


class OrderNotCancellable(InvalidTransition):
    """The order cannot be cancelled (already cancelled, or fulfilled)."""


class StorageError(ShopError):
    """The shop's files could not be read or written."""


class DatabaseBusy(StorageError):
    """Another till (process) held the database's write lock past the busy
    timeout; nothing was changed, and trying again shortly should work."""


class ShopMissing(StorageError):
    """The folder holds a shop's read model but its database is missing or
    empty: refused rather than replaced by an empty shop."""


class TillNotOpen(InvalidTransition):
    """The command needs this till's session open (closing it, its X report)."""


class TillAlreadyOpen(InvalidTransition):
    """The till's session is open already (with its float)."""


class UnknownStaff(ShopError):
    """No staff member has this number."""


class SignInFirst(ShopError):
    """The shop has staff and nobody (or nobody still active) is signed in
    at this till."""


class NotAllowed(ShopError):
    """The signed-in person's role does not allow this (nor the approver's);
    the message says whose approval it needs."""


class WrongPin(ShopError):
    """The PIN is not the person's. ``tries_left``: wrong PINs left at this
    till before sign-in pauses."""

    def __init__(self, message: str, tries_left: int = 0):
        super().__init__(message)
        self.tries_left = tries_left


class SignInPaused(WrongPin):
    """Too many wrong PINs in a row at this till: sign-in is paused for
    ``seconds`` more (no PIN is checked meanwhile)."""

    def __init__(self, message: str, seconds: int):
        super().__init__(message, 0)
        self.seconds = seconds


class BackupRefused(StorageError):
    """A backup file cannot be restored (damaged, truncated, not a backup,
    of another shop, of a newer version); the sentence says which, and
    nothing was changed."""
