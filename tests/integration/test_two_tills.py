"""Two tills (two processes, or two Shop objects) on one shop folder: they
never oversell, never both cancel an order, and each one's read model catches
up with the other's work."""

import json
import subprocess

import pytest

from core.commands import (
    AddCategory,
    AddProduct,
    CancelOrder,
    OrderLine,
    PlaceOrder,
    ReceiveStock,
    RecordPayment,
)
from core.errors import DuplicateSku, OutOfStock
from core.queries import FindProductByCode, GetCategories, GetOrder, GetOrders, GetProductsByIds


@pytest.fixture
def shelf(open_at):
    """A closed shop with a product of 5 units and one of 8."""
    shop = open_at()
    category = shop.dispatch(AddCategory("Counter"))
    last_five = shop.dispatch(AddProduct("LAST-5", "Limited Edition Mug", category, 1500, stock=5))
    eight = shop.dispatch(AddProduct("EIGHT", "Tea Towel", category, 600, stock=8))
    shop.close()
    return {"category": category, "last_five": last_five, "eight": eight}


def start_together(procs):
    """Wait until every till has opened the shop, then let them all go at once."""
    for proc in procs:
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
    for proc in procs:
        proc.stdin.write("go\n")
        proc.stdin.flush()
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        results.append(json.loads(out))
    return results


def test_two_processes_racing_for_the_last_units_never_oversell(shelf, till, open_at, consistent, truth, data_dir):
    tills = [till("race", data_dir, 10, shelf["last_five"], stdin=subprocess.PIPE) for _ in range(2)]
    results = start_together(tills)

    sold = [order for r in results for order in r["sold"]]
    refused = [refusal for r in results for refusal in r["refused"]]
    assert len(sold) == 5
    assert len(set(sold)) == 5
    assert len(refused) == 15
    for error_type, message, available in refused:
        assert error_type == "OutOfStock"
        assert available == 0
        assert message == "Limited Edition Mug is out of stock."

    assert truth(data_dir)["products"][shelf["last_five"]][4] == 0  # stock in SQLite
    shop = open_at()
    assert shop.ask(FindProductByCode("LAST-5")).stock == 0
    orders = shop.ask(GetOrders())
    assert sorted(o.id for o in orders) == sorted(sold)
    assert sum(o.item_count for o in orders) == 5
    consistent(shop, data_dir)


def test_orders_naming_products_in_opposite_order_neither_deadlock_nor_oversell(
    shelf, till, open_at, consistent, data_dir
):
    # One till rings up mug then towel, the other towel then mug.
    tills = [
        till("race", data_dir, 6, shelf["last_five"], shelf["eight"], stdin=subprocess.PIPE),
        till("race", data_dir, 6, shelf["eight"], shelf["last_five"], stdin=subprocess.PIPE),
    ]
    results = start_together(tills)

    assert sum(len(r["sold"]) for r in results) == 5
    assert all(error == "OutOfStock" for r in results for error, _, _ in r["refused"])
    shop = open_at()
    stock = {p.id: p.stock for p in shop.ask(GetProductsByIds((shelf["last_five"], shelf["eight"])))}
    assert stock == {shelf["last_five"]: 0, shelf["eight"]: 3}
    for summary in shop.ask(GetOrders()):
        assert (summary.line_count, summary.item_count) == (2, 2)
    consistent(shop, data_dir)


def test_two_processes_cancelling_one_order_restore_its_stock_once(shelf, till, open_at, consistent, data_dir):
    shop = open_at()
    order_id = shop.dispatch(PlaceOrder((OrderLine(shelf["last_five"], 4), OrderLine(shelf["eight"], 2))))
    shop.close()

    results = start_together([till("cancel", data_dir, order_id, stdin=subprocess.PIPE) for _ in range(2)])
    assert sorted(r["ok"] for r in results) == [False, True]
    (loser,) = [r for r in results if not r["ok"]]
    assert loser["error"] == "OrderNotCancellable"
    assert loser["message"] == f"Order {order_id} is already cancelled."

    shop = open_at()
    assert shop.ask(GetOrder(order_id)).status == "cancelled"
    stock = {p.id: p.stock for p in shop.ask(GetProductsByIds((shelf["last_five"], shelf["eight"])))}
    assert stock == {shelf["last_five"]: 5, shelf["eight"]: 8}
    consistent(shop, data_dir)


def test_read_model_of_one_process_catches_up_with_another(shelf, till, open_at, data_dir):
    shop = open_at()
    heard = []
    shop.add_listener(heard.append)
    assert not shop.has_news()

    out, err = till("place", data_dir, shelf["eight"], 3).communicate(timeout=60)
    order_id = int(out)

    # Nothing moves until this till looks: no background thread, no timer.
    assert shop.ask(FindProductByCode("EIGHT")).stock == 8
    assert shop.has_news()
    changes = shop.sync()
    assert changes.orders == {order_id}
    assert changes.products == {shelf["eight"]}
    assert heard == [changes]
    assert shop.ask(FindProductByCode("EIGHT")).stock == 5
    assert shop.ask(GetOrders())[0].id == order_id
    assert not shop.has_news()
    assert not shop.sync()  # nothing new: an empty Changes
    assert len(heard) == 1


def test_a_refused_command_brings_the_other_tills_news(shelf, open_at):
    front, back = open_at(), open_at()
    front.dispatch(PlaceOrder((OrderLine(shelf["last_five"], 5),)))
    assert back.ask(FindProductByCode("LAST-5")).stock == 5  # back has not looked yet
    with pytest.raises(OutOfStock) as raised:
        back.dispatch(PlaceOrder((OrderLine(shelf["last_five"], 1),)))
    assert raised.value.available == 0
    assert back.ask(FindProductByCode("LAST-5")).stock == 0


def test_each_till_sees_everything_the_other_did(shelf, open_at, state, consistent, data_dir):
    front, back = open_at(), open_at()
    new_category = front.dispatch(AddCategory("Seasonal", parent_id=shelf["category"]))
    new_product = back.dispatch(AddProduct("XMAS-1", "Bauble", new_category, 250, stock=20))
    order_id = front.dispatch(PlaceOrder((OrderLine(new_product, 3), OrderLine(shelf["eight"], 1))))
    back.dispatch(ReceiveStock(shelf["last_five"], 2))
    back.dispatch(CancelOrder(order_id))
    front.sync()
    back.sync()
    assert state(front) == state(back)
    consistent(front, data_dir)
    counts = {c.name: c.product_count for c in front.ask(GetCategories())}
    assert counts == {"Counter": 3, "Seasonal": 1}


def test_a_slow_till_saving_an_old_copy_of_a_file_loses_nothing(shelf, open_at, state, consistent, data_dir):
    # Front applies its own order, but before it saves, back places an order
    # and saves. Front then saves its older copy of the product and order
    # files, and back later saves only the categories. Whoever opens the shop
    # next must still see back's order.
    front, back = open_at(), open_at()
    front.save_after_each_command = back.save_after_each_command = True  # who saves last matters here
    storage = front._read_model.storage
    real_flush = storage.begin_flush
    back_order = []

    def slow_flush(checkpoint, *last_event):
        if not back_order:
            back_order.append(back.dispatch(PlaceOrder((OrderLine(shelf["eight"], 2),))))
        return real_flush(checkpoint, *last_event)

    storage.begin_flush = slow_flush
    front_order = front.dispatch(PlaceOrder((OrderLine(shelf["last_five"], 1),)))
    storage.begin_flush = real_flush
    back.dispatch(AddCategory("Seasonal"))
    back.sync()
    expected = state(back)
    front.close()
    back.close()

    shop = open_at()
    assert {o.id for o in shop.ask(GetOrders())} == {front_order, back_order[0]}
    assert shop.ask(FindProductByCode("EIGHT")).stock == 6
    assert state(shop) == expected
    consistent(shop, data_dir)


def test_two_tills_adding_the_same_sku(shelf, open_at):

    front, back = open_at(), open_at()
    front.dispatch(AddProduct("NEW-1", "Oven Glove", shelf["category"], 799))
    with pytest.raises(DuplicateSku):
        back.dispatch(AddProduct("NEW-1", "Oven Glove", shelf["category"], 799))
    assert back.ask(FindProductByCode("NEW-1")).name == "Oven Glove"


def test_second_till_opening_an_empty_folder_at_the_same_time(tmp_path, till, open_at):
    # Both processes create the schema of a brand-new shop; neither fails.
    folder = tmp_path / "brand-new"
    shop = open_at(folder)
    shop.dispatch(AddCategory("Kitchen"))
    product = shop.dispatch(AddProduct("P", "P", 1, 100, stock=2))
    results = start_together([till("race", folder, 2, product, stdin=subprocess.PIPE) for _ in range(2)])
    assert sum(len(r["sold"]) for r in results) == 2


def test_two_processes_sending_the_same_request_make_one_order(shelf, till, open_at, truth, data_dir):
    """A retried PlaceOrder from two tills at once (the same request id, as
    when a form's command is sent again): one order, the stock taken once."""
    tills = [till("place-request", data_dir, "form-42", 5, shelf["eight"], 2, stdin=subprocess.PIPE) for _ in range(2)]
    results = start_together(tills)
    order_ids = {order for r in results for order in r["orders"]}
    assert len(order_ids) == 1
    assert truth(data_dir)["products"][shelf["eight"]][4] == 6
    shop = open_at()
    assert [o.id for o in shop.ask(GetOrders())] == list(order_ids)


def test_two_processes_returning_the_same_units_return_each_once(shelf, till, open_at, truth, data_dir):
    shop = open_at()
    order_id = shop.dispatch(PlaceOrder((OrderLine(shelf["eight"], 3),)))
    shop.dispatch(RecordPayment(order_id, "cash", 1800))
    shop.close()
    tills = [till("return", data_dir, order_id, shelf["eight"], 4, stdin=subprocess.PIPE) for _ in range(2)]
    results = start_together(tills)
    refunds = [refund for r in results for refund in r["refunds"]]
    refused = [message for r in results for message in r["refused"]]
    assert sorted(refunds) == [600, 600, 600] and len(refused) == 5
    assert set(refused) == {f"Every Tea Towel from order {order_id} has already been returned."}
    assert truth(data_dir)["products"][shelf["eight"]][4] == 8
    shop = open_at()
    detail = shop.ask(GetOrder(order_id))
    assert (detail.refunded_cents, detail.lines[0].returned_quantity) == (1800, 3)


def test_a_command_after_another_tills_sale_applies_both(shelf, open_at):
    """Events a till has just committed are applied without reading them
    back only when they follow its checkpoint; another till's event in
    between makes it read the outbox, so nothing is skipped."""
    front, back = open_at(), open_at()
    front.dispatch(PlaceOrder((OrderLine(shelf["eight"], 2),)))
    back.dispatch(PlaceOrder((OrderLine(shelf["last_five"], 1),)))  # after front's, unseen by back
    assert back.ask(FindProductByCode("EIGHT")).stock == 6
    assert back.ask(FindProductByCode("LAST-5")).stock == 4
    assert back._read_model.checkpoint == front._read_model.checkpoint + 1
