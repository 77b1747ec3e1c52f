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


class TillNotOpen(InvalidTransition):
    """The command needs this till's session open (closing it, its X report)."""


class TillAlreadyOpen(InvalidTransition):
    """The till's session is open already (with its float)."""
