"""Wrong PINs are counted per till in the shop's database: a pause outlives
the program that made it, and two tills on one shop folder pause apart."""

import json
from datetime import UTC, datetime, timedelta

import pytest

from core import open_shop
from core.commands import AddStaff, PlaceOrder
from core.domain.staff import MAX_PIN_FAILURES
from core.errors import SignInFirst, SignInPaused, WrongPin
from tests.helpers import FakeClock, WriteModelDatabase

OWNER_PIN, CASHIER_PIN = "52719384", "73950126"


def add_team(data_dir, clock=None) -> tuple[int, int]:
    """An owner and a cashier, in a closed shop in ``data_dir``."""
    shop = open_shop(data_dir, **({"clock": clock} if clock else {}))
    try:
        owner = shop.dispatch(AddStaff("Olive Owner", "owner", OWNER_PIN))
        shop.sign_in(owner, OWNER_PIN)
        cashier = shop.dispatch(AddStaff("Cara Cashier", "cashier", CASHIER_PIN))
    finally:
        shop.close()
    return owner, cashier


def locks(data_dir) -> dict:
    with WriteModelDatabase(data_dir) as conn:
        return {till: (failures, until) for till, failures, until in conn.execute("SELECT * FROM sign_in_lock")}


def test_two_tills_on_one_shop_count_wrong_pins_apart(data_dir):
    clock = FakeClock()
    owner, cashier = add_team(data_dir, clock)
    one = open_shop(data_dir, till="Till 1", clock=clock)
    two = open_shop(data_dir, till="Till 2", clock=clock)
    try:
        for _ in range(MAX_PIN_FAILURES - 1):
            with pytest.raises(WrongPin):
                one.sign_in(cashier, "0000")
        with pytest.raises(WrongPin) as raised:
            two.sign_in(cashier, "0000")
        assert raised.value.tries_left == MAX_PIN_FAILURES - 1  # Till 2's first
        with pytest.raises(SignInPaused):
            one.sign_in(cashier, "0000")
        assert locks(data_dir) == {"Till 1": (0, "2024-03-01T09:00:30+00:00"), "Till 2": (1, None)}
        # Till 1 is paused; Till 2 is not, and its right PIN starts its count again.
        with pytest.raises(SignInPaused):
            one.sign_in(owner, OWNER_PIN)
        assert two.sign_in(cashier, CASHIER_PIN).id == cashier
        assert locks(data_dir)["Till 2"] == (0, None)
        # Signing in at Till 2 signed nobody in at Till 1.
        with pytest.raises(SignInFirst):
            one.dispatch(PlaceOrder(()))
    finally:
        one.close()
        two.close()


def test_a_count_and_a_pause_outlive_the_program(data_dir, till):
    """Each attempt is a new process at that till: what it counted is in the
    database, not in memory."""
    owner, cashier = add_team(data_dir)  # the real clock, as the tills use

    def attempt(till_name, staff_id, pin):
        proc = till("sign-in", data_dir, till_name, staff_id, pin)
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        return json.loads(out)

    for left in range(MAX_PIN_FAILURES - 1, 0, -1):
        assert attempt("Front", cashier, "0000") == {
            "error": "WrongPin",
            "message": f"That PIN is not right: {left} more {'try' if left == 1 else 'tries'} before sign-in pauses.",
        }
    paused = attempt("Front", cashier, "0000")
    assert paused["error"] == "SignInPaused"
    still = attempt("Front", owner, OWNER_PIN)
    assert still["error"] == "SignInPaused" and "try again in" in still["message"]
    assert attempt("Back", owner, OWNER_PIN) == {"signed_in": owner}
    # Once the pause is over (a clock half a minute on), the right PIN works.
    later = datetime.now(UTC) + timedelta(seconds=31)
    shop = open_shop(data_dir, till="Front", clock=lambda: later)
    try:
        assert shop.sign_in(cashier, CASHIER_PIN).id == cashier
    finally:
        shop.close()
    assert locks(data_dir)["Front"] == (0, None)
