"""``shop-manager --move-to-database URL``: the folder's shop copied into
an empty PostgreSQL database and checked (core.shared_server.move_shop),
then opened there once so this till's lists are made from the server. For
scripts: one paragraph printed, the exit status 0 when moved."""

import sys
from pathlib import Path

from core import open_shop
from core.errors import ShopError
from core.shared_server import move_shop, password_of, server_name, without_password
from shop_gui import server_password

DATABASE_FILE = "shop.sqlite3"  # in the shop's folder (core.shop.DATABASE_FILE)


def move(data_dir: Path, url: str, out=None, err=None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    try:
        moved = move_shop(data_dir, url)
    except ShopError as exc:
        print(exc, file=err)
        return 1
    t = moved.totals
    print(
        f"Moved {t.orders:,} orders, {t.products:,} products and {t.events:,} events (up to position "
        f"{t.last_position:,}) to {server_name(url)}; the counts, money, stock and journal agree on both sides. "
        f"This till opens the shop there from now on; {data_dir / DATABASE_FILE} is left as it was.",
        file=out,
    )
    password = password_of(url)
    if password is not None and not server_password.save_password(without_password(url), password):
        print(
            "This computer has no keyring to keep the server's password, so Shop Manager asks for it at each "
            "start (it is never written to a file).",
            file=out,
        )
    try:
        open_shop(data_dir, database_url=url).close()  # this till's lists, made from the server
    except ShopError as exc:
        print(f"The shop was moved, but could not be opened there yet: {exc}", file=err)
        return 1
    return 0
