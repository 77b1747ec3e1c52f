"""What each role may do, checked by the core: a cashier sells, takes
payments and keeps customers; cancelling, returns, stock, the catalog, the
settings and the staff need a manager, or a manager's approval of the one
action, which the outbox records beside the cashier."""

import pytest

from core import commands as c
from core.commands import (
    AddCustomer,
    CancelOrder,
    FulfilOrder,
    OrderLine,
    PlaceOrder,
    RecordPayment,
    UpdateCustomer,
)
from core.domain import permissions
from core.domain.staff import MAX_PIN_FAILURES
from core.errors import InvalidCommand, NotAllowed, SignInFirst, SignInPaused, WrongPin
from core.messages.commands import Command
from core.queries import GetOrder, GetShopSettings, GetTillReport
from tests.helpers import WriteModelDatabase
from tests.unit.conftest import CASHIER_PIN, MANAGER_PIN, OWNER_PIN
from tests.unit.helpers import refused
from tests.unit.test_completeness import concrete_subclasses


def last_outbox_row(data_dir):
    with WriteModelDatabase(data_dir) as conn:
        return conn.execute(
            "SELECT event_type, staff_id, approved_by FROM outbox ORDER BY position DESC LIMIT 1"
        ).fetchone()


@pytest.fixture
def paid_order(shop, catalog, team):
    """Two mugs, placed and paid by card by the cashier, who stays signed in."""
    shop.sign_in(team.cashier, CASHIER_PIN)
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 2),)))
    shop.dispatch(RecordPayment(order_id, "card", 1700))
    return order_id


# What a cashier may not do on their own: (command, the sentence that refuses it).
MANAGERS_ONLY = [
    (lambda k, o: c.CancelOrder(o), "Cancelling an order needs a manager: ask one to approve it."),
    (
        lambda k, o: c.ReturnItems(o, (c.ReturnLine(k.mug, 1),)),
        "Taking items back needs a manager: ask one to approve it.",
    ),
    (lambda k, o: c.AdjustStock(k.mug, "lost", change=-1), "Adjusting stock needs a manager: ask one to approve it."),
    (lambda k, o: c.ReceiveStock(k.mug, 5), "Receiving stock needs a manager: ask one to approve it."),
    (lambda k, o: c.AddProduct("X", "X", k.mugs, 100), "Adding a product needs a manager: ask one to approve it."),
    (lambda k, o: c.AddProducts((c.AddProduct("X", "X", k.mugs, 100),)), None),
    (lambda k, o: c.UpdateProduct(k.mug, "MUG-BLUE", "Mug", k.mugs, 1), None),
    (lambda k, o: c.ArchiveProduct(k.mug), None),
    (lambda k, o: c.RestoreProduct(k.mug), None),
    (lambda k, o: c.DeleteProduct(k.plate), None),
    (lambda k, o: c.ImportProducts(()), None),
    (lambda k, o: c.AddCategory("Toys"), None),
    (lambda k, o: c.RenameCategory(k.garden, "Yard"), None),
    (lambda k, o: c.MoveCategory(k.garden, k.kitchen), None),
    (lambda k, o: c.DeleteCategory(k.garden, k.kitchen), None),
    (lambda k, o: c.SetCategoryTaxRate(k.garden, 0), None),
    (lambda k, o: c.UpdateShopSettings("Shop", "", "GBP", "£", 0, True), None),
    (lambda k, o: c.AddStaff("Nell", "cashier", "1234"), "Adding staff needs a manager: ask one to approve it."),
    (lambda k, o: c.UpdateStaff(1, "Nell", "cashier", True), None),
]


@pytest.mark.parametrize("make, message", MANAGERS_ONLY)
def test_a_cashier_alone_is_refused_what_needs_a_manager(shop, catalog, paid_order, unchanged, readable, make, message):
    command = make(catalog, paid_order)
    said = refused(shop, unchanged, readable, command, NotAllowed)
    assert said == (message or permissions.refusal(type(command).__name__))
    assert said.endswith("needs a manager: ask one to approve it.") and not said.startswith("This")


def test_a_cashier_sells_takes_payments_fulfils_and_keeps_customers(shop, catalog, team, data_dir):
    shop.sign_in(team.cashier, CASHIER_PIN)
    customer = shop.dispatch(AddCustomer("Jane Smith"))
    shop.dispatch(UpdateCustomer(customer, "Jane Brown"))
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),), customer_id=customer))
    shop.dispatch(RecordPayment(order_id, "cash", 850))
    shop.dispatch(FulfilOrder(order_id))
    assert last_outbox_row(data_dir) == ("OrderFulfilled", team.cashier, None)
    assert {h.by for h in shop.ask(GetOrder(order_id)).history} == {"Cara Cashier"}


@pytest.mark.parametrize("who", ["manager", "owner"])
def test_managers_and_owners_do_what_needs_a_manager(shop, catalog, team, paid_order, data_dir, who):
    staff_id = getattr(team, who)
    shop.sign_in(staff_id, team.pin(staff_id))
    shop.dispatch(c.ReturnItems(paid_order, (c.ReturnLine(catalog.mug, 1),)))
    shop.dispatch(CancelOrder(paid_order))
    shop.dispatch(c.ReceiveStock(catalog.mug, 5))
    shop.dispatch(c.AdjustStock(catalog.mug, "lost", change=-1))
    shop.dispatch(c.AddProduct("X", "X", catalog.mugs, 100))
    shop.dispatch(c.SetCategoryTaxRate(catalog.garden, 0))
    shop.dispatch(c.UpdateShopSettings.based_on(shop.ask(GetShopSettings()), name="Corner Shop"))
    shop.dispatch(c.AddStaff("Nell", "cashier", "1234"))
    assert last_outbox_row(data_dir) == ("StaffAdded", staff_id, None)
    assert shop.ask(GetOrder(paid_order)).status == "cancelled"


@pytest.mark.parametrize("approver", ["manager", "owner"])
def test_a_managers_approval_lets_a_cashier_do_it_once_and_both_are_recorded(
    shop, team, paid_order, data_dir, approver, unchanged, readable
):
    approver_id = getattr(team, approver)
    shop.dispatch(CancelOrder(paid_order), approved_by=(approver_id, team.pin(approver_id)))
    assert last_outbox_row(data_dir) == ("OrderCancelled", team.cashier, approver_id)
    cancelled = shop.ask(GetOrder(paid_order)).history[-1]
    assert (cancelled.kind, cancelled.staff_id, cancelled.by) == ("cancelled", team.cashier, "Cara Cashier")
    # Once: the next action needs approving again.
    assert shop.signed_in.id == team.cashier
    refused(shop, unchanged, readable, c.ReceiveStock(1, 1), NotAllowed)


def test_the_order_history_says_who_approved_a_return_and_a_cancellation(shop, team, catalog, paid_order, reopen):
    manager = (team.manager, team.pin(team.manager))
    shop.dispatch(c.ReturnItems(paid_order, (c.ReturnLine(catalog.mug, 1),)), approved_by=manager)
    shop.dispatch(CancelOrder(paid_order), approved_by=manager)
    history = shop.ask(GetOrder(paid_order)).history
    assert [(h.kind, h.by, h.approved_by) for h in history] == [
        ("placed", "Cara Cashier", None),
        ("payment", "Cara Cashier", None),
        ("return", "Cara Cashier", "Max Manager"),
        ("cancelled", "Cara Cashier", "Max Manager"),
    ]
    reopened = reopen(shop)
    reopened.rebuild_read_model()
    assert reopened.ask(GetOrder(paid_order)).history == history


def test_a_cashier_cannot_approve(shop, team, paid_order, unchanged, readable):
    message = refused(
        shop, unchanged, readable, CancelOrder(paid_order), NotAllowed, approved_by=(team.cashier, CASHIER_PIN)
    )
    assert message == "Cara Cashier is a cashier and cannot approve this: ask a manager."


def test_an_approval_with_a_wrong_pin_is_refused_and_counted(shop, team, paid_order, data_dir, readable):
    before = last_outbox_row(data_dir)
    with pytest.raises(WrongPin) as raised:
        shop.dispatch(CancelOrder(paid_order), approved_by=(team.manager, CASHIER_PIN))
    readable(raised.value)
    assert last_outbox_row(data_dir) == before
    assert shop.ask(GetOrder(paid_order)).status == "paid"
    for _ in range(MAX_PIN_FAILURES - 2):
        with pytest.raises(WrongPin):
            shop.dispatch(CancelOrder(paid_order), approved_by=(team.manager, "0000"))
    with pytest.raises(SignInPaused):
        shop.dispatch(CancelOrder(paid_order), approved_by=(team.manager, "0000"))
    # The same pause as for signing in: this till's.
    with pytest.raises(SignInPaused):
        shop.dispatch(CancelOrder(paid_order), approved_by=(team.manager, MANAGER_PIN))
    with pytest.raises(SignInPaused):
        shop.sign_in(team.owner, OWNER_PIN)
    assert shop.ask(GetOrder(paid_order)).status == "paid"


@pytest.mark.parametrize("approved_by", [7, (1,), (1, "1234", "x"), [1, "1234"]])
def test_an_approval_is_a_staff_number_and_a_pin(shop, team, paid_order, unchanged, readable, approved_by):
    message = refused(shop, unchanged, readable, CancelOrder(paid_order), InvalidCommand, approved_by=approved_by)
    assert message == "An approval is a manager's staff number and PIN."


def test_an_approval_is_no_sign_in(shop, team, paid_order, unchanged, readable):
    shop.sign_out()
    refused(shop, unchanged, readable, CancelOrder(paid_order), SignInFirst, approved_by=(team.manager, MANAGER_PIN))


def test_every_command_is_classed_as_a_cashiers_or_a_managers():
    """A new command is refused to cashiers unless named in CASHIER_COMMANDS:
    this makes its author decide (and give it a name in refusals)."""
    found = {cls.__name__ for cls in concrete_subclasses(c, Command)}
    unclassed = found - permissions.CASHIER_COMMANDS - permissions.MANAGER_COMMANDS
    assert not unclassed, f"add to core/domain/permissions.py: {sorted(unclassed)}"
    assert not permissions.CASHIER_COMMANDS & permissions.MANAGER_COMMANDS
    for name in permissions.MANAGER_COMMANDS:
        assert not permissions.refusal(name).startswith("This"), name


@pytest.mark.parametrize(
    "role, command, allowed",
    [
        ("cashier", "PlaceOrder", True),
        ("cashier", "OpenTill", True),
        ("cashier", "PayIn", True),
        ("cashier", "PayOut", False),
        ("cashier", "CloseTill", False),
        ("cashier", "SomethingNew", False),
        ("manager", "CloseTill", True),
        ("manager", "SomethingNew", True),
        ("owner", "AddStaff", True),
        ("nobody", "PlaceOrder", False),
    ],
)
def test_may(role, command, allowed):
    assert permissions.may(role, command) is allowed


def test_no_sale_needs_a_managers_approval_and_records_who_approved(shop, team, data_dir, unchanged, readable):
    shop.sign_in(team.cashier, CASHIER_PIN)
    message = refused(shop, unchanged, readable, c.OpenDrawer(), NotAllowed)
    assert message == "Opening the drawer without a sale needs a manager: ask one to approve it."
    shop.dispatch(c.OpenDrawer(), approved_by=(team.manager, team.pin(team.manager)))
    assert last_outbox_row(data_dir) == ("DrawerOpened", team.cashier, team.manager)
    assert [o.by for o in shop.ask(GetTillReport()).drawer_opened] == ["Cara Cashier"]
