"""Staff: adding and changing them, the first and the last owner, the staff
list, the names histories say, and PINs that never leave the staff table."""

import logging
import os

import pytest

from core.commands import (
    AddCategory,
    AddStaff,
    CancelOrder,
    OrderLine,
    PlaceOrder,
    RecordPayment,
    UpdateStaff,
)
from core.errors import InvalidCommand, NotAllowed, UnknownStaff, WrongPin
from core.queries import GetOrder, GetStaff, GetStaffMember, GetStockHistory, StaffView
from core.results import SignedIn
from tests.helpers import WriteModelDatabase
from tests.unit.conftest import CASHIER_PIN, MANAGER_PIN, OWNER_PIN
from tests.unit.helpers import refused


def outbox_rows(data_dir):
    with WriteModelDatabase(data_dir) as conn:
        query = "SELECT event_type, payload, staff_id, approved_by FROM outbox ORDER BY position"
        return conn.execute(query).fetchall()


def pin_hashes(data_dir) -> dict[int, str]:
    with WriteModelDatabase(data_dir) as conn:
        return dict(conn.execute("SELECT id, pin_hash FROM staff").fetchall())


def test_a_shop_without_staff_lists_nobody_and_is_run_by_its_owner(shop, data_dir):
    assert shop.ask(GetStaff()) == ()
    assert shop.signed_in is None
    shop.dispatch(AddCategory("Kitchen"))
    assert outbox_rows(data_dir)[-1][2:] == (-1, None)


def test_the_first_staff_member_must_be_an_owner(shop, unchanged, readable):
    for role in ("manager", "cashier"):
        message = refused(shop, unchanged, readable, AddStaff("Max", role, "1234"))
        assert message == "The first staff member must be an owner, who can then add everyone else."


def test_the_owner_adds_staff_who_are_listed_by_name(shop, data_dir):
    olive = shop.dispatch(AddStaff("Olive Owner", "owner", OWNER_PIN))
    assert outbox_rows(data_dir)[-1][2:] == (-1, None)  # added by the shop's owner
    assert shop.ask(GetStaff()) == (StaffView(olive, "Olive Owner", "owner", True),)
    assert shop.sign_in(olive, OWNER_PIN) == SignedIn(olive, "Olive Owner", "owner")
    zoe = shop.dispatch(AddStaff("  Zoë Stone ", "cashier", "0000"))
    max_ = shop.dispatch(AddStaff("Max Manager", "manager", MANAGER_PIN))
    assert outbox_rows(data_dir)[-1][2:] == (olive, None)
    assert shop.ask(GetStaff()) == (
        StaffView(max_, "Max Manager", "manager", True),
        StaffView(olive, "Olive Owner", "owner", True),
        StaffView(zoe, "Zoë Stone", "cashier", True),
    )
    assert shop.ask(GetStaffMember(zoe)) == StaffView(zoe, "Zoë Stone", "cashier", True)
    with pytest.raises(UnknownStaff, match=r"^There is no staff member number 99\.$"):
        shop.ask(GetStaffMember(99))


@pytest.mark.parametrize(
    "command, message",
    [
        (AddStaff("", "cashier", "1234"), "Staff name cannot be empty."),
        (AddStaff("Sam", "boss", "1234"), "Choose a role: owner, manager, cashier."),
        (AddStaff("Sam", "cashier", "123"), "A PIN is 4 to 8 digits."),
        (AddStaff("Sam", "cashier", "123456789"), "A PIN is 4 to 8 digits."),
        (AddStaff("Sam", "cashier", "12a4"), "A PIN is 4 to 8 digits."),
        (AddStaff("Sam", "cashier", "١٢٣٤"), "A PIN is 4 to 8 digits."),  # Arabic-Indic digits
        (AddStaff("Sam", "cashier", 1234), "A PIN is 4 to 8 digits."),
        (AddStaff("max manager", "cashier", "1234"), 'Another staff member is already called "Max Manager".'),
        (UpdateStaff(99, "Sam", "cashier", True), "There is no staff member number 99."),
        (UpdateStaff("1", "Sam", "cashier", True), "Staff number must be a whole number, not '1'."),
        (UpdateStaff(-1, "Sam", "cashier", True), "There is no staff member number -1."),
    ],
)
def test_bad_details_are_refused(shop, team, unchanged, readable, command, message):
    shop.sign_in(team.owner, OWNER_PIN)
    error = UnknownStaff if "no staff member" in message else InvalidCommand
    assert refused(shop, unchanged, readable, command, error) == message


def test_bad_changes_are_refused(shop, team, unchanged, readable):
    shop.sign_in(team.owner, OWNER_PIN)
    for command, message in [
        (UpdateStaff(team.cashier, "Cara", "cashier", 1), "Active must be yes or no, not 1."),
        (UpdateStaff(team.cashier, "Cara", "cashier", True, "12"), "A PIN is 4 to 8 digits."),
        (
            UpdateStaff(team.cashier, "OLIVE owner", "cashier", True),
            'Another staff member is already called "Olive Owner".',
        ),
    ]:
        assert refused(shop, unchanged, readable, command) == message


def test_a_change_replaces_name_role_and_active_and_keeps_the_pin_unless_given(shop, team, data_dir):
    shop.sign_in(team.manager, MANAGER_PIN)
    hashes = pin_hashes(data_dir)
    shop.dispatch(UpdateStaff(team.cashier, "Cara Jones", "manager", True))
    assert shop.ask(GetStaffMember(team.cashier)) == StaffView(team.cashier, "Cara Jones", "manager", True)
    assert pin_hashes(data_dir) == hashes
    assert shop.sign_in(team.cashier, CASHIER_PIN).name == "Cara Jones"
    shop.sign_in(team.manager, MANAGER_PIN)
    shop.dispatch(UpdateStaff(team.cashier, "Cara Jones", "cashier", True, "4444"))
    assert pin_hashes(data_dir)[team.cashier] != hashes[team.cashier]
    with pytest.raises(WrongPin):
        shop.sign_in(team.cashier, CASHIER_PIN)
    assert shop.sign_in(team.cashier, "4444") == SignedIn(team.cashier, "Cara Jones", "cashier")


def test_the_last_active_owner_stays_an_active_owner(shop, team, unchanged, readable):
    shop.sign_in(team.owner, OWNER_PIN)
    for command in (
        UpdateStaff(team.owner, "Olive Owner", "manager", True),
        UpdateStaff(team.owner, "Olive Owner", "owner", False),
    ):
        message = refused(shop, unchanged, readable, command)
        assert message == "Olive Owner is the shop's last owner: make someone else an owner first."
    # With a second owner, the first may step down.
    shop.dispatch(UpdateStaff(team.manager, "Max Manager", "owner", True))
    shop.dispatch(UpdateStaff(team.owner, "Olive Owner", "manager", True))
    assert shop.ask(GetStaffMember(team.owner)).role == "manager"
    # An inactive owner does not count.
    shop.sign_in(team.manager, MANAGER_PIN)
    shop.dispatch(UpdateStaff(team.owner, "Olive Owner", "owner", False))
    refused(shop, unchanged, readable, UpdateStaff(team.manager, "Max Manager", "owner", False))


def test_only_an_owner_adds_or_changes_an_owner(shop, team, unchanged, readable):
    shop.sign_in(team.manager, MANAGER_PIN)
    assert refused(shop, unchanged, readable, AddStaff("Nell", "owner", "1234"), NotAllowed) == (
        "Only an owner can add an owner."
    )
    assert refused(shop, unchanged, readable, UpdateStaff(team.owner, "Olive", "owner", True), NotAllowed) == (
        "Only an owner can change Olive Owner's details: Olive Owner is an owner."
    )
    assert refused(shop, unchanged, readable, UpdateStaff(team.cashier, "Cara", "owner", True), NotAllowed) == (
        "Only an owner can make someone an owner."
    )
    # Managers and cashiers are the manager's to add and change.
    nell = shop.dispatch(AddStaff("Nell", "manager", "1234"))
    shop.dispatch(UpdateStaff(nell, "Nell Smith", "cashier", False))
    assert shop.ask(GetStaffMember(nell)) == StaffView(nell, "Nell Smith", "cashier", False)
    # The owner may.
    shop.sign_in(team.owner, OWNER_PIN)
    shop.dispatch(AddStaff("Nora", "owner", "1234"))
    # ... as may a manager with an owner's approval.
    shop.sign_in(team.manager, MANAGER_PIN)
    shop.dispatch(AddStaff("Nina", "owner", "1234"), approved_by=(team.owner, OWNER_PIN))


def test_histories_say_who_by_their_name_now(shop, catalog, team, reopen):
    shop.sign_in(team.cashier, CASHIER_PIN)
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    shop.dispatch(RecordPayment(order_id, "card", 850))
    shop.sign_in(team.manager, MANAGER_PIN)
    shop.dispatch(CancelOrder(order_id))
    history = shop.ask(GetOrder(order_id)).history
    assert [(h.kind, h.staff_id, h.by) for h in history] == [
        ("placed", team.cashier, "Cara Cashier"),
        ("payment", team.cashier, "Cara Cashier"),
        ("cancelled", team.manager, "Max Manager"),
    ]
    heard = []
    shop.add_listener(heard.append)
    shop.dispatch(UpdateStaff(team.cashier, "Cara Jones", "cashier", True))
    assert heard[-1].staff
    assert [h.by for h in shop.ask(GetOrder(order_id)).history] == ["Cara Jones", "Cara Jones", "Max Manager"]
    assert [m.by for m in shop.ask(GetStockHistory(catalog.mug))[-2:]] == ["Cara Jones", "Max Manager"]
    expected = (shop.ask(GetStaff()), shop.ask(GetOrder(order_id)), shop.ask(GetStockHistory(catalog.mug)))
    reopened = reopen(shop)
    assert (reopened.ask(GetStaff()), reopened.ask(GetOrder(order_id)), reopened.ask(GetStockHistory(catalog.mug))) == (
        expected
    )
    reopened.rebuild_read_model()
    assert (reopened.ask(GetStaff()), reopened.ask(GetOrder(order_id)), reopened.ask(GetStockHistory(catalog.mug))) == (
        expected
    )


def test_no_pin_nor_its_hash_leaves_the_staff_table(shop, catalog, data_dir, caplog):
    caplog.set_level(logging.DEBUG)
    heard = []
    shop.add_listener(heard.append)
    owner = shop.dispatch(AddStaff("Olive Owner", "owner", OWNER_PIN))
    shop.sign_in(owner, OWNER_PIN)
    cashier = shop.dispatch(AddStaff("Cara Cashier", "cashier", CASHIER_PIN))
    shop.dispatch(UpdateStaff(cashier, "Cara Cashier", "cashier", True, MANAGER_PIN))
    with pytest.raises(WrongPin):
        shop.sign_in(cashier, CASHIER_PIN)
    shop.sign_in(cashier, MANAGER_PIN)
    shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    shop.save_read_model()
    shop.rebuild_read_model()
    pins = [p.encode() for p in (OWNER_PIN, CASHIER_PIN, MANAGER_PIN)]
    hashes = [h.split("$")[-1].encode() for h in pin_hashes(data_dir).values()]
    # Never the PIN anywhere: the database, its journal, the read model's files.
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    on_server = bool(os.environ.get("SHOP_DATABASE_URL"))  # a PostgreSQL run: no database file here
    assert (on_server or any(p.name == "shop.sqlite3" for p in files)) and any(p.suffix == ".json" for p in files)
    for path in files:
        content = path.read_bytes()
        for secret in pins:
            assert secret not in content, path
        if path.suffix == ".json":
            for secret in hashes:
                assert secret not in content, path
    # Nor the hash in an event, nor either in a listener's news or a log line.
    for _type, payload, _staff, _approved in outbox_rows(data_dir):
        assert "pin" not in payload.replace("pin_changed", "")
        for secret in pins + hashes:
            assert secret.decode() not in payload
    said = repr(heard) + caplog.text + repr(shop.ask(GetStaff())) + repr(shop.signed_in)
    for secret in pins + hashes:
        assert secret.decode() not in said
