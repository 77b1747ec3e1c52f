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
    parser.add_argument("--backup", type=Path, metavar="DIR", help="back the shop up into DIR and exit (no window)")
    parser.add_argument(
        "--restore", type=Path, metavar="FILE", help="restore the backup FILE, keeping today's shop aside, and exit"
    )
    parser.add_argument(
        "--verify", action="store_true", help="check the journal's hash chain and exit (non-zero on a break)"
    )
    parser.add_argument(
        "--language",
        choices=("en", "ru"),
        help="the window's language for this run (default: as chosen in File > Language, else the system's);"
        " with --demo, also the demo shop's (ru: Russian names, in roubles)",
    )
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help="keep the shop on a shared PostgreSQL server (postgresql+psycopg://user:password@server/shop) "
        "instead of the folder's own file; the lists stay in the folder (also: SHOP_DATABASE_URL)",
    )
    parser.add_argument(
        "--move-to-database",
        metavar="URL",
        help="copy the folder's shop into an empty PostgreSQL database (postgresql+psycopg://user:password@server/"
        "shop), check the copy, and open the shop there from now on; the folder's file is left as it was",
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
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    def excepthook(exc_type, exc, tb):
        log.error("Unexpected error", exc_info=(exc_type, exc, tb))
        QMessageBox.critical(
            None,
            DISPLAY_NAME,
            QCoreApplication.translate(
                "app",
                "Something went wrong. Nothing you entered was lost; "
                "the log file in the shop's folder says what happened.",
            ),
        )

    sys.excepthook = excepthook


# Another till holding the database: a command waits this long, then the
# bridge says so and tries again (ShopBridge.BUSY_RETRIES), so the window
# never freezes for long.
GUI_BUSY_TIMEOUT_MS = 500


OPEN_RETRIES = 20


def open_shop_for(data_dir: Path, demo: bool, language: str = "en", database_url: str | None = None):
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
        build_demo_shop(data_dir, language=language)
        shop = open_shop(data_dir, busy_timeout_ms=GUI_BUSY_TIMEOUT_MS)
    return shop


def run_without_window(args) -> int:
    """--backup / --restore / --verify / --move-to-database: no QApplication (a cron job has no display)."""
    from PySide6.QtCore import QCoreApplication

    from shop_gui import backup_cli

    QCoreApplication.setApplicationName(APP_NAME)  # the default data folder is named after it
    data_dir = args.data_dir or default_data_dir()
    setup_logging(data_dir)
    if args.move_to_database:
        from shop_gui import server_cli

        return server_cli.move(data_dir, args.move_to_database)
    if args.backup:
        return backup_cli.back_up(data_dir, args.backup)
    if args.restore:
        return backup_cli.restore(data_dir, args.restore)
    return backup_cli.verify(data_dir)


def ask_password(address: str, keyring_available: bool) -> str | None:
    """The shared server's password, typed at start (the keyring keeps none
    for ``address``); None when the person cancels."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    from core.shared_server import server_name
    from shop_gui.texts import fill

    question = fill(QCoreApplication.translate("app", "The password for the shop's server (%1):"), server_name(address))
    if not keyring_available:
        question += "\n" + QCoreApplication.translate(
            "app",
            "This computer has no keyring to keep it, so Shop Manager asks at each start; "
            "it is never written to a file.",
        )
    password, ok = QInputDialog.getText(None, DISPLAY_NAME, question, QLineEdit.EchoMode.Password)
    return password if ok and password else None


def back_up_on_close(data_dir: Path) -> None:
    """Into the folder chosen in File > Back up now..., if any (a failure is logged)."""
    from core.backups import automatic_backup

    automatic_backup(data_dir, app_version=version())


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.smoke_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if args.backup or args.restore or args.verify or args.move_to_database:
        return run_without_window(args)
    app = make_application(sys.argv[:1])
    if args.smoke_test:
        from shop_gui.smoke_test import run_smoke_test

        collect_from_now_on()
        return run_smoke_test()

    from shop_gui import language

    chosen = language.install(app, args.language)  # before any window: every text and number in it
    data_dir = args.data_dir or default_data_dir()
    setup_logging(data_dir)
    install_error_dialog()
    from PySide6.QtWidgets import QMessageBox

    from shop_gui import server_login

    try:
        found = server_login.login(data_dir, args.database_url, ask_password)
        shop = open_shop_for(data_dir, args.demo, chosen, found.url)
    except server_login.NoPassword:
        return 1
    except ShopError as exc:
        collect_from_now_on()
        from shop_gui.texts import describe

        QMessageBox.critical(None, DISPLAY_NAME, describe(exc))
        return 1
    server_login.opened(found)
    exempt_what_lives_on()  # the catalog just loaded
    from shop_gui.main_window import MainWindow

    window = MainWindow(shop)
    window.servers.opened_with(found.url)
    window.show()
    collect_from_now_on()
    try:
        return app.exec()
    finally:
        window.bridge.shop.close()  # the shop restored from a backup, if one was
        back_up_on_close(data_dir)
