"""Customers: adding and correcting them, finding them, their orders and
what they spent; orders for a customer or a walk-in."""

import pytest

from core.commands import (
    AddCustomer,
    CancelOrder,
    OrderLine,
    PlaceOrder,
    RecordPayment,
    ReturnItems,
    ReturnLine,
    UpdateCustomer,
)
from core.errors import InvalidCommand, ShopError, UnknownCustomer
from core.queries import CustomerView, GetCustomer, GetCustomers, GetCustomersByIds, GetOrder, GetOrders


@pytest.fixture
def jane(shop, catalog):
    return shop.dispatch(
        AddCustomer("Jane Smith", phone="07700 900123", email="jane@example.com", note="Prefers e-mail receipts")
    )


def test_add_customer_returns_an_id_and_lists_them(shop, jane):
    assert isinstance(jane, int)
    assert shop.ask(GetCustomers()) == (
        CustomerView(jane, "Jane Smith", "07700 900123", "jane@example.com", "Prefers e-mail receipts", 0, 0),
    )


def test_blank_optional_details_are_none_and_spaces_are_trimmed(shop):
    customer_id = shop.dispatch(AddCustomer("  Bob Jones ", phone="  ", email="", note=" "))
    (view,) = shop.ask(GetCustomers())
    assert (view.id, view.name, view.phone, view.email, view.note) == (customer_id, "Bob Jones", None, None, None)


def test_update_customer_replaces_the_details(shop, jane):
    shop.dispatch(UpdateCustomer(jane, "Jane Brown", phone="+44 20 7946 0958", email=None))
    detail = shop.ask(GetCustomer(jane))
    assert (detail.name, detail.phone, detail.email, detail.note) == ("Jane Brown", "+44 20 7946 0958", None, None)
    assert detail.added_at == "2024-03-01T09:00:00+00:00"


def test_customers_by_name_and_search(shop):
    ids = {
        name: shop.dispatch(AddCustomer(name, email=email, phone=phone))
        for name, email, phone in (
            ("zoë Adams", "zoe@example.com", None),
            ("Álvaro Núñez", None, "0161 496 0000"),
            ("Mark Lee", "mark.lee@shop.example.org", None),
        )
    }
    assert [c.name for c in shop.ask(GetCustomers())] == ["Álvaro Núñez", "Mark Lee", "zoë Adams"]
    assert [c.name for c in shop.ask(GetCustomers(search="ZOE"))] == ["zoë Adams"]
    assert [c.name for c in shop.ask(GetCustomers(search="alvaro"))] == ["Álvaro Núñez"]
    assert [c.name for c in shop.ask(GetCustomers(search="0161"))] == ["Álvaro Núñez"]
    assert [c.name for c in shop.ask(GetCustomers(search="shop.example"))] == ["Mark Lee"]
    assert [c.id for c in shop.ask(GetCustomers(search="  "))] == [
        ids["Álvaro Núñez"],
        ids["Mark Lee"],
        ids["zoë Adams"],
    ]
    assert shop.ask(GetCustomers(search="nobody")) == ()


def test_an_order_for_a_customer_and_their_history(shop, catalog, jane, clock):
    first = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 2),), customer_id=jane))
    clock.advance(days=1)
    second = shop.dispatch(PlaceOrder((OrderLine(catalog.trowel, 1),), customer_id=jane))
    walk_in = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    shop.dispatch(RecordPayment(first, "card", 1700))
    shop.dispatch(RecordPayment(second, "cash", 1200))
    shop.dispatch(ReturnItems(first, (ReturnLine(catalog.mug, 1),)))
    shop.dispatch(RecordPayment(walk_in, "cash", 850))

    detail = shop.ask(GetCustomer(jane))
    assert [o.id for o in detail.orders] == [second, first]
    assert detail.spent_cents == 1700 + 1200 - 850  # net of the refund
    assert shop.ask(GetCustomers())[0].order_count == 2
    assert shop.ask(GetCustomers())[0].spent_cents == 2050
    assert shop.ask(GetOrder(first)).customer_name == "Jane Smith"
    names = {o.id: (o.customer_id, o.customer_name) for o in shop.ask(GetOrders())}
    assert names == {first: (jane, "Jane Smith"), second: (jane, "Jane Smith"), walk_in: (None, None)}
    assert [o.id for o in shop.ask(GetOrders(customer_id=jane))] == [second, first]


def test_some_customers_as_the_list_shows_them_in_the_order_asked(shop, catalog, jane):
    mark = shop.dispatch(AddCustomer("Mark Lee"))
    shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 2),), customer_id=mark))
    listed = {c.id: c for c in shop.ask(GetCustomers())}
    assert shop.ask(GetCustomersByIds((mark, 999, jane))) == (listed[mark], listed[jane])
    assert listed[mark].order_count == 1
    assert shop.ask(GetCustomersByIds(())) == ()


def test_a_cancelled_order_spends_nothing(shop, catalog, jane):
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 2),), customer_id=jane))
    shop.dispatch(RecordPayment(order_id, "card", 1700))
    shop.dispatch(CancelOrder(order_id))
    assert shop.ask(GetCustomer(jane)).spent_cents == 0


def test_a_renamed_customer_is_renamed_on_their_orders(shop, catalog, jane):
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),), customer_id=jane))
    assert shop.ask(GetOrder(order_id)).customer_name == "Jane Smith"  # asked once before: not kept stale
    heard = []
    shop.add_listener(heard.append)
    shop.dispatch(UpdateCustomer(jane, "Jane Brown"))
    assert shop.ask(GetOrder(order_id)).customer_name == "Jane Brown"
    assert shop.ask(GetOrders())[0].customer_name == "Jane Brown"
    (changes,) = heard
    assert changes.customers == {jane} and changes.orders == {order_id}


def test_an_order_tells_listeners_of_its_customer(shop, catalog, jane):
    heard = []
    shop.add_listener(heard.append)
    shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),), customer_id=jane))
    assert heard[0].customers == {jane}


def test_unknown_customer_query(shop, readable):
    with pytest.raises(UnknownCustomer) as raised:
        shop.ask(GetCustomer(5))
    assert str(raised.value) == "There is no customer number 5."
    readable(raised.value)


@pytest.mark.parametrize(
    "command, error, message",
    [
        (AddCustomer(""), InvalidCommand, "Customer name cannot be empty."),
        (AddCustomer("   "), InvalidCommand, "Customer name cannot be empty."),
        (AddCustomer(None), InvalidCommand, "Customer name cannot be empty."),
        (AddCustomer("A\nB"), InvalidCommand, "Customer name must be on one line."),
        (AddCustomer("x" * 201), InvalidCommand, "Customer name is too long (at most 200 characters)."),
        (
            AddCustomer("Jane", email="jane"),
            InvalidCommand,
            'The e-mail address "jane" does not look right: it should be like name@example.com.',
        ),
        (AddCustomer("Jane", email="jane@example"), InvalidCommand, "does not look right"),
        (AddCustomer("Jane", email="jane smith@example.com"), InvalidCommand, "does not look right"),
        (AddCustomer("Jane", email="jane@@example.com"), InvalidCommand, "does not look right"),
        (AddCustomer("Jane", email="@example.com"), InvalidCommand, "does not look right"),
        (AddCustomer("Jane", email="jane@example..com"), InvalidCommand, "does not look right"),
        (AddCustomer("Jane", email=42), InvalidCommand, "The e-mail address must be text, not 42."),
        (
            AddCustomer("Jane", phone="call me"),
            InvalidCommand,
            'The phone number "call me" does not look right: use digits, spaces and + ( ) - only.',
        ),
        (AddCustomer("Jane", phone="12"), InvalidCommand, "does not look right"),
        (AddCustomer("Jane", note="x" * 1001), InvalidCommand, "The note is too long (at most 1000 characters)."),
        (UpdateCustomer(99, "Jane"), UnknownCustomer, "There is no customer number 99."),
        (UpdateCustomer("1", "Jane"), InvalidCommand, "Customer number must be a whole number, not '1'."),
        (PlaceOrder((OrderLine(1, 1),), customer_id=99), UnknownCustomer, "There is no customer number 99."),
        (
            PlaceOrder((OrderLine(1, 1),), customer_id=True),
            InvalidCommand,
            "Customer number must be a whole number, not True.",
        ),
    ],
)
def test_refused(shop, catalog, jane, unchanged, readable, command, error, message):
    with unchanged(shop):
        with pytest.raises(ShopError) as raised:
            shop.dispatch(command)
    assert type(raised.value) is error
    assert message in str(raised.value)
    readable(raised.value)


@pytest.mark.parametrize("email", ["a@b.co", "jane.o'neil+shop@mail.example.co.uk", "ÉLODIE@exemple.fr"])
def test_good_email_addresses(shop, email):
    customer_id = shop.dispatch(AddCustomer("Someone", email=email))
    assert shop.ask(GetCustomer(customer_id)).email == email
