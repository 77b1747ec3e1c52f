"""Who may do what: the role each command needs, by the command's class name
(so a command added elsewhere is named here without importing it).

The core enforces this (core/handlers/permissions.py, run by the dispatcher
before every handler); a window may ask ``may`` only to grey out a button.
A shop without staff is run by its owner, who may do everything.
"""

from core.domain.staff import Role, at_least

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
    }
)

# Commands anyone may send before signing in.
WITHOUT_SIGN_IN = frozenset({"SignIn"})

# How a refusal names the action: "<action> needs a manager: ...".
_ACTIONS = {
    "CancelOrder": "Cancelling an order",
    "ReversePayment": "Reversing a payment",
    "ReturnItems": "Taking items back",
    "AdjustStock": "Adjusting stock",
    "ReceiveStock": "Receiving stock",
    "AddProduct": "Adding a product",
    "AddProducts": "Adding products",
    "UpdateProduct": "Changing a product",
    "ArchiveProduct": "Archiving a product",
    "RestoreProduct": "Restoring a product",
    "DeleteProduct": "Deleting a product",
    "ImportProducts": "Importing products",
    "AddCategory": "Adding a category",
    "RenameCategory": "Renaming a category",
    "MoveCategory": "Moving a category",
    "DeleteCategory": "Deleting a category",
    "SetCategoryTaxRate": "Changing a category's tax rate",
    "UpdateShopSettings": "Changing the shop's settings",
    "PayOut": "Paying cash out",
    "CloseTill": "Closing the till",
    "AddStaff": "Adding staff",
    "UpdateStaff": "Changing staff details",
    "OpenDrawer": "Opening the drawer without a sale",
    "GiveBarcode": "Giving a product a barcode",
}


def needed_role(command_name: str) -> Role:
    """The least role that may send the command called ``command_name``."""
    return Role.CASHIER if command_name in CASHIER_COMMANDS else Role.MANAGER


def may(role: str, command_name: str) -> bool:
    """May someone with ``role`` send ``command_name`` on their own?"""
    return at_least(role, needed_role(command_name))


def refusal(command_name: str) -> str:
    """The sentence that refuses ``command_name`` to a cashier."""
    action = _ACTIONS.get(command_name, "This")
    return f"{action} needs a manager: ask one to approve it."
