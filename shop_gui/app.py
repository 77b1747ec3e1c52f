"""Starting the application: arguments, data folder, logging, the window."""

import argparse
import logging
import logging.handlers
import os
import sys
import time
from pathlib import Path

from core import open_shop
from core.errors import DatabaseBusy, ShopError
from core.queries import GetCategories
from shop_gui.start import collect_from_now_on, exempt_what_lives_on
from shop_gui.version import version

APP_NAME = "shop-manager"
DISPLAY_NAME = "Shop Manager"
ICONS_DIR = Path(__file__).resolve().parent / "icons"
log = logging.getLogger("shop_gui")


def parse_args(argv):
    parser = argparse.ArgumentParser(prog=APP_NAME, description="Shop Manager: catalog, counter and stock.")
    parser.add_argument("--data-dir", type=Path, help="the shop's folder (default: the per-user data folder)")
    parser.add_argument(
        "--demo", action="store_true", help="fill an empty shop with the demo catalog and three months of trading"
    )
    parser.add_argument(
        "--smoke-test", action="store_true", help="place an order on a temporary demo shop, offscreen, and exit"
    )
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help="keep the shop on a shared PostgreSQL server (postgresql+psycopg://user:password@server/shop) "
        "instead of the folder's own file; the lists stay in the folder (also: SHOP_DATABASE_URL)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {version()}")
    return parser.parse_args(argv)


def make_application(argv):
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(DISPLAY_NAME)
    app.setApplicationVersion(version())
    app.setDesktopFileName(APP_NAME)
    app.setWindowIcon(app_icon())
    return app


def app_icon():
    """The shop front icon, from the PNGs installed with the package (shop_gui/icons/)."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for png in sorted(ICONS_DIR.glob(f"{APP_NAME}-*.png")):
        icon.addFile(str(png))
    return icon


def default_data_dir() -> Path:
    from PySide6.QtCore import QStandardPaths

    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def setup_logging(data_dir: Path) -> None:
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    stream = logging.StreamHandler()
    stream.setLevel(logging.WARNING)
    root.addHandler(stream)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            data_dir / "shop-manager.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
        file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(file_handler)
    except OSError:
        pass  # a read-only folder: opening the shop will say so


def install_error_dialog() -> None:
    """A bug in a slot shows a sentence, never a traceback; the log has it."""
    from PySide6.QtWidgets import QMessageBox

    def excepthook(exc_type, exc, tb):
        log.error("Unexpected error", exc_info=(exc_type, exc, tb))
        QMessageBox.critical(
            None,
            DISPLAY_NAME,
            "Something went wrong. Nothing you entered was lost; the log file in the shop's folder says what happened.",
        )

    sys.excepthook = excepthook


# Another till holding the database: a command waits this long, then the
# bridge says so and tries again (ShopBridge.BUSY_RETRIES), so the window
# never freezes for long.
GUI_BUSY_TIMEOUT_MS = 500


OPEN_RETRIES = 20


def open_shop_for(data_dir: Path, demo: bool, database_url: str | None = None):
    for attempt in range(OPEN_RETRIES + 1):  # no window yet: waiting here freezes nothing
        try:
            shop = open_shop(data_dir, busy_timeout_ms=GUI_BUSY_TIMEOUT_MS, database_url=database_url)
            break
        except DatabaseBusy:
            if attempt == OPEN_RETRIES:
                raise
            time.sleep(0.25)
    if demo and database_url is None and not shop.ask(GetCategories()):  # never on a shared server
        # The demo catalog and three months of trading (core/demo_trading.py),
        # built in a shop of its own, then opened as usual.
        from core.demo_trading import build_demo_shop

        shop.close()
        build_demo_shop(data_dir)
        shop = open_shop(data_dir, busy_timeout_ms=GUI_BUSY_TIMEOUT_MS)
    return shop


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.smoke_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = make_application(sys.argv[:1])
    if args.smoke_test:
        from shop_gui.smoke_test import run_smoke_test

        collect_from_now_on()
        return run_smoke_test()

    data_dir = args.data_dir or default_data_dir()
    setup_logging(data_dir)
    install_error_dialog()
    from PySide6.QtWidgets import QMessageBox

    try:
        shop = open_shop_for(data_dir, args.demo, args.database_url)
    except ShopError as exc:
        collect_from_now_on()
        QMessageBox.critical(None, DISPLAY_NAME, str(exc))
        return 1
    exempt_what_lives_on()  # the catalog just loaded
    from shop_gui.main_window import MainWindow

    window = MainWindow(shop)
    window.show()
    collect_from_now_on()
    try:
        return app.exec()
    finally:
        shop.close()
