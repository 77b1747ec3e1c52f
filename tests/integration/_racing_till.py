"""A till racing others on one shop, run as its own Python process:

    python _racing_till.py DATA_DIR TILL SEED COUNT PRODUCT_ID[,PRODUCT_ID...]

Opens the shop in DATA_DIR (its write model wherever SHOP_DATABASE_URL
says, else the folder's SQLite file) as till TILL, prints "ready", waits for
a line on stdin, then runs COUNT random commands as fast as it can: orders
of one to four products with their lines in random order (half of them paid
at once), cancels and returns of any till's orders, and stock receipts.
Prints one JSON line: how many ran, how many were refused (out of stock,
already cancelled...: a shop's answers), the units received per product,
and every failure (a StorageError: a deadlock that was not retried, a lost
position...) as its message, which a race must never produce.
"""

import json
import random
import sys

from core import open_shop
from core.commands import CancelOrder, OrderLine, PlaceOrder, ReceiveStock, RecordPayment, ReturnItems, ReturnLine
from core.errors import ShopError, StorageError
from core.queries import GetOrder, GetOrders


def main() -> None:
    data_dir, till, seed, count, products = sys.argv[1:]
    product_ids = [int(p) for p in products.split(",")]
    rng = random.Random(int(seed))
    shop = open_shop(data_dir, till=till)
    print("ready", flush=True)
    sys.stdin.readline()
    done = refused = 0
    received: dict[int, int] = {}
    failures: list[str] = []
    for _ in range(int(count)):
        roll = rng.random()
        try:
            if roll < 0.55:
                chosen = rng.sample(product_ids, rng.randint(1, min(4, len(product_ids))))
                order_id = shop.dispatch(PlaceOrder(tuple(OrderLine(p, rng.randint(1, 2)) for p in chosen)))
                if rng.random() < 0.5:
                    total = shop.ask(GetOrder(order_id)).total_cents
                    shop.dispatch(RecordPayment(order_id, "card", total))
            elif roll < 0.9:
                orders = shop.ask(GetOrders(limit=50))
                if not orders:
                    continue
                order = shop.ask(GetOrder(rng.choice(orders).id))
                if roll < 0.72:
                    shop.dispatch(CancelOrder(order.id))
                else:
                    line = rng.choice(order.lines)
                    shop.dispatch(ReturnItems(order.id, (ReturnLine(line.product_id, 1),), reason="unwanted"))
            else:
                product_id, quantity = rng.choice(product_ids), rng.randint(1, 3)
                shop.dispatch(ReceiveStock(product_id, quantity))
                received[product_id] = received.get(product_id, 0) + quantity
            done += 1
        except StorageError as exc:
            failures.append(str(exc))
        except ShopError:
            refused += 1
    shop.close()
    print(json.dumps({"done": done, "refused": refused, "received": received, "failures": failures}), flush=True)


if __name__ == "__main__":
    main()
