"""Signing in at a till: a person is picked, then their PIN (theirs only) is
checked; wrong PINs in a row pause sign-in at that till, counted in the
write model; signing out; inactive staff cannot sign in."""

import pytest

from core.commands import AddCategory, AddStaff, SignIn, UpdateStaff
from core.domain.staff import MAX_PIN_FAILURES, PIN_PAUSE_SECONDS, Who
from core.errors import InvalidCommand, NotAllowed, SignInFirst, SignInPaused, UnknownStaff, WrongPin
from core.results import SignedIn
from tests.helpers import WriteModelDatabase
from tests.unit.conftest import CASHIER_PIN, MANAGER_PIN, OWNER_PIN


def lock_row(data_dir, till="Till 1"):
    with WriteModelDatabase(data_dir) as conn:
        return conn.execute("SELECT failures, locked_until FROM sign_in_lock WHERE till = ?", (till,)).fetchone()


def outbox_count(data_dir):
    with WriteModelDatabase(data_dir) as conn:
        return conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]


def wrong(shop, staff_id, pin="9999"):
    with pytest.raises(WrongPin) as raised:
        shop.sign_in(staff_id, pin)
    return raised.value


def test_signing_in_and_out(shop, team, data_dir, readable):
    assert shop.signed_in is None
    assert shop.sign_in(team.cashier, CASHIER_PIN) == SignedIn(team.cashier, "Cara Cashier", "cashier")
    assert shop.signed_in == SignedIn(team.cashier, "Cara Cashier", "cashier")
    shop.sign_in(team.manager, MANAGER_PIN)  # another person takes over the till
    assert shop.signed_in == SignedIn(team.manager, "Max Manager", "manager")
    shop.sign_out()
    assert shop.signed_in is None
    with pytest.raises(SignInFirst) as raised:
        shop.dispatch(AddCategory("Kitchen"))
    readable(raised.value)
    assert str(raised.value) == "Sign in first: once a shop has staff, each of them signs in to use it."


def test_signing_in_records_no_event(shop, team, data_dir):
    before = outbox_count(data_dir)
    shop.sign_in(team.cashier, CASHIER_PIN)
    wrong(shop, team.cashier)
    assert outbox_count(data_dir) == before


def test_a_wrong_pin_is_refused_and_whoever_was_signed_in_stays(shop, team, readable):
    shop.sign_in(team.manager, MANAGER_PIN)
    error = wrong(shop, team.cashier)
    readable(error)
    assert str(error) == "That PIN is not right: 4 more tries before sign-in pauses."
    assert error.tries_left == MAX_PIN_FAILURES - 1
    assert shop.signed_in.id == team.manager


def test_only_the_persons_own_pin_lets_them_in(shop, team):
    # Someone else's PIN is a wrong PIN, even a manager's.
    wrong(shop, team.cashier, MANAGER_PIN)
    # PINs need not be unique: each person's own is checked.
    shop.sign_in(team.owner, OWNER_PIN)
    twin = shop.dispatch(AddStaff("Tess Twin", "cashier", CASHIER_PIN))
    assert shop.sign_in(twin, CASHIER_PIN).id == twin
    assert shop.sign_in(team.cashier, CASHIER_PIN).id == team.cashier


def test_five_wrong_pins_in_a_row_pause_sign_in_at_this_till(shop, team, clock, data_dir, readable):
    for left in range(MAX_PIN_FAILURES - 1, 0, -1):
        assert wrong(shop, team.cashier).tries_left == left
        assert lock_row(data_dir)[0] == MAX_PIN_FAILURES - left
    with pytest.raises(SignInPaused) as raised:
        shop.sign_in(team.cashier, "9999")
    readable(raised.value)
    assert str(raised.value) == "Too many wrong PINs at this till: try again in 30 seconds."
    assert raised.value.seconds == PIN_PAUSE_SECONDS
    assert lock_row(data_dir) == (0, "2024-03-01T09:00:30+00:00")
    # While paused even the right PIN, and anyone's, is refused, with the time left.
    clock.advance(seconds=29)
    with pytest.raises(SignInPaused, match=r"try again in 1 second\.$"):
        shop.sign_in(team.owner, OWNER_PIN)
    assert shop.signed_in is None
    clock.advance(seconds=1)
    assert shop.sign_in(team.cashier, CASHIER_PIN).id == team.cashier
    assert lock_row(data_dir) == (0, None)


def test_a_right_pin_starts_the_count_again(shop, team, data_dir):
    for _ in range(MAX_PIN_FAILURES - 1):
        wrong(shop, team.cashier)
    shop.sign_in(team.cashier, CASHIER_PIN)
    assert lock_row(data_dir) == (0, None)
    for _ in range(MAX_PIN_FAILURES - 1):
        wrong(shop, team.cashier)
    assert shop.sign_in(team.owner, OWNER_PIN).id == team.owner


def test_a_pause_survives_closing_the_shop(shop, team, clock, reopen):
    for _ in range(MAX_PIN_FAILURES - 1):
        wrong(shop, team.cashier)
    shop = reopen(shop)
    with pytest.raises(SignInPaused):
        shop.sign_in(team.cashier, "9999")  # the fifth in a row, across the restart
    clock.advance(seconds=10)
    shop = reopen(shop)
    with pytest.raises(SignInPaused, match=r"try again in 20 seconds\."):
        shop.sign_in(team.cashier, CASHIER_PIN)


def test_a_clock_put_back_does_not_pause_sign_in_for_ever(shop, team, clock):
    for _ in range(MAX_PIN_FAILURES):
        wrong(shop, team.cashier)
    clock.advance(days=-1)
    assert shop.sign_in(team.cashier, CASHIER_PIN).id == team.cashier


def test_inactive_staff_cannot_sign_in(shop, team, readable, data_dir):
    shop.sign_in(team.manager, MANAGER_PIN)
    shop.dispatch(UpdateStaff(team.cashier, "Cara Cashier", "cashier", False))
    with pytest.raises(NotAllowed) as raised:
        shop.sign_in(team.cashier, CASHIER_PIN)
    readable(raised.value)
    assert str(raised.value) == "Cara Cashier can no longer sign in."
    assert lock_row(data_dir) is None  # not a wrong PIN
    assert shop.signed_in.id == team.manager


def test_someone_deactivated_while_signed_in_is_refused_at_the_next_command(shop, team, readable):
    shop.sign_in(team.cashier, CASHIER_PIN)
    # Another till's manager deactivates her (here: straight through the dispatcher).
    shop._dispatcher.dispatch(
        UpdateStaff(team.cashier, "Cara Cashier", "cashier", False), Who("Till 2", team.manager, "Max Manager")
    )
    with pytest.raises(SignInFirst) as raised:
        shop.dispatch(AddCategory("Kitchen"))
    readable(raised.value)
    assert str(raised.value) == "Cara Cashier can no longer sign in: sign in as someone else."


def test_a_name_or_role_changed_elsewhere_shows_in_who_is_signed_in(shop, team):
    shop.sign_in(team.cashier, CASHIER_PIN)
    shop._dispatcher.dispatch(
        UpdateStaff(team.cashier, "Cara Jones", "manager", True), Who("Till 2", team.owner, "Olive Owner")
    )
    shop.sync()
    assert shop.signed_in == SignedIn(team.cashier, "Cara Jones", "manager")


@pytest.mark.parametrize(
    "staff_id, pin, error, message",
    [
        (99, "1234", UnknownStaff, "There is no staff member number 99."),
        (-1, "1234", UnknownStaff, "There is no staff member number -1."),
        (True, "1234", InvalidCommand, "Staff number must be a whole number, not True."),
        (1, "12", InvalidCommand, "A PIN is 4 to 8 digits."),
        (1, 1234, InvalidCommand, "A PIN is 4 to 8 digits."),
    ],
)
def test_no_such_person_or_no_pin_at_all_is_refused_and_not_counted(
    shop, team, data_dir, readable, staff_id, pin, error, message
):
    with pytest.raises(error) as raised:
        shop.sign_in(staff_id, pin)
    assert type(raised.value) is error
    readable(raised.value)
    assert str(raised.value) == message
    assert lock_row(data_dir) is None


def test_a_shop_without_staff_has_nobody_to_sign_in(shop):
    with pytest.raises(UnknownStaff):
        shop.sign_in(1, "1234")
    assert shop.signed_in is None


def test_sign_in_sent_as_a_command_only_answers(shop, team):
    outcome = shop.dispatch(SignIn(team.cashier, CASHIER_PIN))
    assert outcome.signed_in == SignedIn(team.cashier, "Cara Cashier", "cashier")
    assert shop.signed_in is None  # Shop.sign_in signs in
    assert shop.dispatch(SignIn(team.cashier, "9999")).tries_left == MAX_PIN_FAILURES - 1
