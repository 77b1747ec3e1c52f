"""File > Back up now... and Restore from backup..., by clicking, and the
status bar's warning while backups are not in order."""

import zipfile
from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QMessageBox, QPushButton

from core.backups import BackupSettings, backups_in, make_backup, save_settings
from core.commands import OrderLine, PlaceOrder
from core.queries import GetOrders
from shop_gui.dialogs.backup_dialog import BackupDialog
from shop_gui.dialogs.restore_dialog import RestoreDialog
from tests.gui.helpers import click, type_into


def open_backup_dialog(window) -> BackupDialog:
    window.backups.backup_action.trigger()
    dialog = window.findChild(BackupDialog, "backupDialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def back_up_by_clicking(qtbot, window, folder) -> object:
    dialog = open_backup_dialog(window)
    type_into(qtbot, dialog.folder, str(folder))
    with qtbot.waitSignal(window.backups.backupFinished, timeout=20_000) as finished:
        click(qtbot, dialog.findChild(QPushButton, "backUpButton"))
    return finished.args[0]


def test_the_warning_says_no_backup_until_one_is_made_by_clicking(qtbot, window, shop, tmp_path):
    warning = window.backups.warning
    assert warning.isVisible()
    assert warning.text() == "This shop is not backed up: choose a backup folder with File > Back up now."
    stick = tmp_path / "stick"
    stick.mkdir()
    made = back_up_by_clicking(qtbot, window, stick)
    assert made is not None and made.path.parent == stick
    assert made.manifest.products == 4
    with zipfile.ZipFile(made.path) as archive:
        assert sorted(archive.namelist()) == ["manifest.json", "shop.sqlite3"]
    assert not warning.isVisible()
    assert "Backed up 0 orders and 4 products" in window.statusBar().currentMessage()
    # The folder is remembered: the daily check finds today's backup and makes none.
    window.backups.check()
    assert not window.backups.is_backing_up()
    assert len(backups_in(stick)) == 1


def test_a_missing_folder_is_refused_in_the_dialog_and_shown_in_the_status_bar(qtbot, window, shop, tmp_path):
    dialog = open_backup_dialog(window)
    type_into(qtbot, dialog.folder, str(tmp_path / "unplugged"))
    click(qtbot, dialog.findChild(QPushButton, "backUpButton"))
    assert dialog.isVisible()
    assert "is the USB stick or network share connected?" in dialog.problem.text()
    dialog.reject()

    stick = tmp_path / "stick"
    stick.mkdir()
    save_settings(shop.data_dir, BackupSettings(str(stick), warn_after_days=2))
    make_backup(shop.database_file, stick, clock=lambda: datetime.now(UTC) - timedelta(days=5))
    assert window.backups.refresh_warning() == "The newest backup is 5 days old: use File > Back up now."
    assert window.backups.warning.isVisible()
    stick.rename(tmp_path / "pulled-out")
    window.backups.check()
    assert "is missing" in window.backups.warning.text()


def test_a_day_after_the_newest_backup_the_window_backs_up_by_itself(qtbot, window, shop, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    save_settings(shop.data_dir, BackupSettings(str(stick)))
    make_backup(shop.database_file, stick, clock=lambda: datetime.now(UTC) - timedelta(days=1, minutes=1))
    with qtbot.waitSignal(window.backups.backupFinished, timeout=20_000) as finished:
        window.backups.check()
    assert finished.args[0] is not None
    assert len(backups_in(stick)) == 2


def test_restore_shows_the_backup_beside_today_and_the_window_shows_the_restored_shop(
    qtbot, window, shop, catalog, tmp_path, monkeypatch
):
    stick = tmp_path / "stick"
    stick.mkdir()
    made = make_backup(shop.database_file, stick)
    window.bridge.dispatch(PlaceOrder((OrderLine(catalog.latte, 2),)))
    monkeypatch.setattr(window.backups, "choose_backup_file", lambda: str(made.path))
    window.backups.restore_action.trigger()
    dialog = window.findChild(RestoreDialog, "restoreDialog")
    assert dialog.cells[("backup", "orders")].text() == "0"
    assert dialog.cells[("today", "orders")].text() == "1"
    assert dialog.cells[("backup", "products")].text() == "4"
    with qtbot.waitSignal(window.backups.restored, timeout=20_000) as restored:
        click(qtbot, dialog.findChild(QPushButton, "restoreButton"))
    kept = restored.args[0].kept_aside
    assert kept.is_dir() and (kept / "shop.sqlite3").is_file()
    assert window.bridge.shop is not shop
    assert window.bridge.ask(GetOrders()) == ()
    assert "Restored the backup" in window.statusBar().currentMessage()
    # The window goes on selling in the restored shop.
    outcome = window.bridge.dispatch(PlaceOrder((OrderLine(catalog.latte, 1),)))
    assert outcome.ok and len(window.bridge.ask(GetOrders())) == 1


def test_keeping_todays_shop_or_a_damaged_file_changes_nothing(qtbot, window, shop, catalog, tmp_path, monkeypatch):
    stick = tmp_path / "stick"
    stick.mkdir()
    made = make_backup(shop.database_file, stick)
    window.bridge.dispatch(PlaceOrder((OrderLine(catalog.latte, 2),)))
    dialog = window.backups.restore_from(made.path)
    click(qtbot, dialog.findChild(QPushButton, "keepButton"))
    assert window.bridge.shop is shop and len(shop.ask(GetOrders())) == 1

    bad = tmp_path / "bad.zip"
    bad.write_bytes(made.path.read_bytes()[:500])
    assert window.backups.restore_from(bad) is None
    box = window.findChild(QMessageBox, "backupNotice")
    assert "is damaged or cut short" in box.text()
    box.close()
    assert window.bridge.shop is shop and len(shop.ask(GetOrders())) == 1
    assert not [p for p in shop.data_dir.iterdir() if p.name.startswith("before-restore-")]


def test_the_dialogs_alt_letters_are_distinct(qtbot, window, shop, tmp_path):
    from tests.gui.test_mnemonics import assert_distinct

    dialog = open_backup_dialog(window)
    assert_distinct(dialog)
    dialog.reject()
    stick = tmp_path / "stick"
    stick.mkdir()
    restore = window.backups.restore_from(make_backup(shop.database_file, stick).path)
    assert_distinct(restore)
    restore.reject()


def test_restoring_waits_for_a_manager_or_owner(qtbot, window, shop, catalog):
    from core.commands import AddStaff

    owner = shop.dispatch(AddStaff("Olive Owner", "owner", "52719384"))
    window.bridge.sign_in(owner, "52719384")
    cashier = window.bridge.dispatch(AddStaff("Cara Cashier", "cashier", "73950126")).result
    assert window.backups.restore_action.isEnabled()
    window.bridge.sign_in(cashier, "73950126")
    assert not window.backups.restore_action.isEnabled()
    assert window.backups.backup_action.isEnabled()  # anyone may back up
    assert window.backups.restore_action.statusTip() == "Restoring a backup needs a manager or an owner signed in."
    window.bridge.sign_in(owner, "52719384")
    assert window.backups.restore_action.isEnabled()


def test_the_shop_backs_itself_up_when_it_closes(tmp_path, shop):
    from core.backups import automatic_backup

    assert automatic_backup(shop.data_dir) is None  # no folder chosen: nothing made, nothing said
    stick = tmp_path / "stick"
    save_settings(shop.data_dir, BackupSettings(str(stick)))
    assert automatic_backup(shop.data_dir) is None  # the folder is missing: logged, never raised
    stick.mkdir()
    made = automatic_backup(shop.data_dir)
    assert made is not None and backups_in(stick) == [(backups_in(stick)[0][0], made.path)]
