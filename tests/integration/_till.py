"""A second till for the integration tests, run as its own Python process:

    python _till.py race DATA_DIR ATTEMPTS PRODUCT_ID [PRODUCT_ID...]
        Print "ready", wait for a line on stdin, then try ATTEMPTS orders of
        one unit of each product (lines in the order given) as fast as
        possible; print one JSON line with the outcome.
    python _till.py cancel DATA_DIR ORDER_ID
        Print "ready", wait for a line, cancel the order; print JSON.
    python _till.py place DATA_DIR PRODUCT_ID QUANTITY
        Place one order and print its id.
    python _till.py die-after-commit DATA_DIR PRODUCT_ID QUANTITY
        Place an order, print its id once committed, and die before the read
        model is updated.
    python _till.py die-before-meta DATA_DIR PRODUCT_ID QUANTITY
        Die after writing the changed table files but before meta.json.
    python _till.py die-mid-write DATA_DIR PRODUCT_ID QUANTITY
        Die with half of the first table file written to its temp file.
    python _till.py sell-until-killed DATA_DIR PRODUCT_ID
        Sell one unit after another, printing each order id once committed.
    python _till.py place-request DATA_DIR REQUEST_ID ATTEMPTS PRODUCT_ID QUANTITY
        Print "ready", wait for a line, then send the same PlaceOrder (with
        REQUEST_ID) ATTEMPTS times; print JSON: the order ids it was given.
    python _till.py return DATA_DIR ORDER_ID PRODUCT_ID ATTEMPTS
        Print "ready", wait for a line, then try ATTEMPTS returns of one unit;
        print JSON: the refunds given and the refusals.
    python _till.py sell-batched-until-killed DATA_DIR PRODUCT_ID
        The same with the read model saved in batches (Shop.batch_saves) that
        never come due: its files stay at the checkpoint they were opened at.
    python _till.py sign-in DATA_DIR TILL STAFF_ID PIN
        Open the shop as till TILL, try to sign in; print JSON: the staff id
        signed in, or the refusal.

Dying is ``os._exit``: no cleanup, no flush, like a kill or a power cut.
"""

import json
import os
import sys

from core import open_shop
from core.commands import CancelOrder, OrderLine, PlaceOrder, ReturnItems, ReturnLine
from core.dispatcher import Dispatcher
from core.errors import ShopError
from core.read_model import storage


def say(text) -> None:
    print(text, flush=True)


def wait_for_go() -> None:
    say("ready")
    sys.stdin.readline()


def race(shop, attempts, *product_ids):
    lines = tuple(OrderLine(int(product_id), 1) for product_id in product_ids)
    wait_for_go()
    sold, refused = [], []
    for _ in range(int(attempts)):
        try:
            sold.append(shop.dispatch(PlaceOrder(lines)))
        except ShopError as exc:
            refused.append([type(exc).__name__, str(exc), getattr(exc, "available", None)])
    say(json.dumps({"sold": sold, "refused": refused}))


def cancel(shop, order_id):
    wait_for_go()
    try:
        shop.dispatch(CancelOrder(int(order_id)))
        say(json.dumps({"ok": True}))
    except ShopError as exc:
        say(json.dumps({"ok": False, "error": type(exc).__name__, "message": str(exc)}))


def place(shop, product_id, quantity):
    say(shop.dispatch(PlaceOrder((OrderLine(int(product_id), int(quantity)),))))


def die_after_commit(shop, product_id, quantity):
    real = Dispatcher.dispatch

    def dispatch_then_die(self, command, who=None):
        result = real(self, command, who)
        say(result)
        os._exit(0)

    Dispatcher.dispatch = dispatch_then_die
    place(shop, product_id, quantity)


def die_before_meta(shop, product_id, quantity):
    real = storage._write_atomically

    def write(path, data):
        if path.name == storage.META_FILE:
            say("dying")
            os._exit(0)
        real(path, data)

    storage._write_atomically = write
    place(shop, product_id, quantity)


def die_mid_write(shop, product_id, quantity):
    def write(path, data):
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            f.write(data[: len(data) // 2])
        say("dying")
        os._exit(0)

    storage._write_atomically = write
    place(shop, product_id, quantity)


def sell_until_killed(shop, product_id):
    while True:
        place(shop, product_id, 1)


def place_request(shop, request_id, attempts, product_id, quantity):
    command = PlaceOrder((OrderLine(int(product_id), int(quantity)),), request_id=request_id)
    wait_for_go()
    say(json.dumps({"orders": [shop.dispatch(command) for _ in range(int(attempts))]}))


def return_units(shop, order_id, product_id, attempts):
    wait_for_go()
    refunds, refused = [], []
    for _ in range(int(attempts)):
        try:
            refunds.append(shop.dispatch(ReturnItems(int(order_id), (ReturnLine(int(product_id), 1),))).refund_cents)
        except ShopError as exc:
            refused.append(str(exc))
    say(json.dumps({"refunds": refunds, "refused": refused}))


def sell_batched_until_killed(shop, product_id):
    shop.batch_saves(events=10**9, seconds=10**6)
    sell_until_killed(shop, product_id)


def sign_in(shop, staff_id, pin):
    try:
        say(json.dumps({"signed_in": shop.sign_in(int(staff_id), pin).id}))
    except ShopError as exc:
        say(json.dumps({"error": type(exc).__name__, "message": str(exc)}))


MODES = {
    "race": race,
    "cancel": cancel,
    "place": place,
    "die-after-commit": die_after_commit,
    "die-before-meta": die_before_meta,
    "die-mid-write": die_mid_write,
    "sell-until-killed": sell_until_killed,
    "place-request": place_request,
    "return": return_units,
    "sell-batched-until-killed": sell_batched_until_killed,
    "sign-in": sign_in,
}

if __name__ == "__main__":
    mode, data_dir, *args = sys.argv[1:]
    shop = open_shop(data_dir, till=args.pop(0)) if mode == "sign-in" else open_shop(data_dir)
    # The crash these modes make is in the save that follows the command.
    shop.save_after_each_command = mode in ("die-before-meta", "die-mid-write")
    try:
        MODES[mode](shop, *args)
    finally:
        shop.close()
