"""A till that dies in the middle of a command, run as its own Python process:

    python _stalling_till.py DATA_DIR TILL PRODUCT_ID QUANTITY

Opens the shop in DATA_DIR as till TILL (its write model on the server
SHOP_DATABASE_URL names), sells one unit of the product (committed: its
till session is open then), then places an order of QUANTITY and stops
inside that transaction: the product's row updated and locked, the outbox
row in (its position taken), the outbox lock held, nothing committed.
Prints "stalled" and waits there to be killed.
"""

import sys
import time

from core import open_shop
from core.commands import OrderLine, PlaceOrder
from core.write_model import journal_chain


def main() -> None:
    data_dir, till, product_id, quantity = sys.argv[1:]
    shop = open_shop(data_dir, till=till)
    print(shop.dispatch(PlaceOrder((OrderLine(int(product_id), 1),))), flush=True)
    # The unit of work works out the events' journal links once their
    # outbox rows are in and the outbox lock is held, before COMMIT.
    links_after = journal_chain.links_after

    def links_then_stall(latest, rows, positions):
        found = links_after(latest, rows, positions)
        print("stalled", flush=True)
        time.sleep(600)
        return found

    journal_chain.links_after = links_then_stall
    shop.dispatch(PlaceOrder((OrderLine(int(product_id), int(quantity)),)))
    print("committed", flush=True)  # never: it is killed first


if __name__ == "__main__":
    main()
