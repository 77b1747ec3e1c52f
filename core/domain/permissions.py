"""Who may do what: the role each command needs, by the command's class name
(so a command added elsewhere is named here without importing it).

The core enforces this (core/handlers/permissions.py, run by the dispatcher
before every handler); a window may ask ``may`` only to grey out a button.
A shop without staff is run by its owner, who may do everything.
"""

from core.domain.staff import Role, at_least
from core.i18n import N_

# What a cashier may do on their own (managers and owners too).
CASHIER_COMMANDS = frozenset(
    {
        "PlaceOrder",
        "RecordPayment",
        "FulfilOrder",
        "AddCustomer",
        "UpdateCustomer",
        "SignIn",
        "OpenTill",
        "PayIn",
        # Anyone may ask; the handler checks the compensating command's role
        # unless it is the same person's own last action (core/handlers/undo.py).
        "UndoAction",
        "RedoAction",
    }
)

# What needs a manager or an owner (or a cashier with a manager's approval).
# A command named in neither set needs a manager too: a new command is
# never open to everyone by mistake.
MANAGER_COMMANDS = frozenset(
    {
        "CancelOrder",
        "ReversePayment",
        "ReturnItems",
        "AdjustStock",
        "ReceiveStock",
        "AddProduct",
        "AddProducts",
        "UpdateProduct",
        "ArchiveProduct",
        "RestoreProduct",
        "DeleteProduct",
        "ImportProducts",
        "AddCategory",
        "RenameCategory",
        "MoveCategory",
        "DeleteCategory",
        "SetCategoryTaxRate",
        "UpdateShopSettings",
        "PayOut",
        "CloseTill",
        "AddStaff",
        "UpdateStaff",
        "OpenDrawer",
        "GiveBarcode",
        "GiveBarcodes",
    }
)

# Commands anyone may send before signing in.
WITHOUT_SIGN_IN = frozenset({"SignIn"})

# How a refusal names the action: "<action> needs a manager: ...".
_ACTIONS = {
    "CancelOrder": N_("Cancelling an order"),
    "ReversePayment": N_("Reversing a payment"),
    "ReturnItems": N_("Taking items back"),
    "AdjustStock": N_("Adjusting stock"),
    "ReceiveStock": N_("Receiving stock"),
    "AddProduct": N_("Adding a product"),
    "AddProducts": N_("Adding products"),
    "UpdateProduct": N_("Changing a product"),
    "ArchiveProduct": N_("Archiving a product"),
    "RestoreProduct": N_("Restoring a product"),
    "DeleteProduct": N_("Deleting a product"),
    "ImportProducts": N_("Importing products"),
    "AddCategory": N_("Adding a category"),
    "RenameCategory": N_("Renaming a category"),
    "MoveCategory": N_("Moving a category"),
    "DeleteCategory": N_("Deleting a category"),
    "SetCategoryTaxRate": N_("Changing a category's tax rate"),
    "UpdateShopSettings": N_("Changing the shop's settings"),
    "PayOut": N_("Paying cash out"),
    "CloseTill": N_("Closing the till"),
    "AddStaff": N_("Adding staff"),
    "UpdateStaff": N_("Changing staff details"),
    "OpenDrawer": N_("Opening the drawer without a sale"),
    "GiveBarcode": N_("Giving a product a barcode"),
    "GiveBarcodes": N_("Giving products barcodes"),
}


def needed_role(command_name: str) -> Role:
    """The least role that may send the command called ``command_name``."""
    return Role.CASHIER if command_name in CASHIER_COMMANDS else Role.MANAGER


def may(role: str, command_name: str) -> bool:
    """May someone with ``role`` send ``command_name`` on their own?"""
    return at_least(role, needed_role(command_name))


def refusal(command_name: str) -> str:
    """The sentence that refuses ``command_name`` to a cashier."""
    action = _ACTIONS.get(command_name)
    if action is None:
        return N_("This needs a manager: ask one to approve it.")
    return N_("{action} needs a manager: ask one to approve it.", action=action)
