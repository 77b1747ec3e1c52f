"""Which backups the rotation keeps, and the status bar's backup warning."""

from datetime import UTC, datetime, timedelta

import pytest

from core.backups import BackupSettings, RotationPolicy, backup_due, backup_warning, kept, rotate
from core.backups.naming import backup_name, backups_in, made_at_of
from core.backups.settings import SETTINGS_FILE, load_settings, save_settings
from core.errors import InvalidCommand

SHOP = "4f3256364f3256364f3256364f325636"
OTHER = "aa11bb22aa11bb22aa11bb22aa11bb22"
NOW = datetime(2026, 12, 7, 22, 0, tzinfo=UTC)


def test_a_year_of_daily_backups_keeps_7_days_4_weeks_12_months():
    moments = [NOW - timedelta(days=d) for d in range(400)]
    keep = kept(moments, RotationPolicy(daily=7, weekly=4, monthly=12))

    def day(month, d):
        return datetime(2026, month, d, 22, tzinfo=UTC)

    days = {day(12, d) for d in range(1, 8)}  # Tue 1 .. Mon 7 December
    weeks = {day(12, 7), day(12, 6), day(11, 29), day(11, 22)}  # each ISO week's newest (Sundays)
    month_ends = {day(12, 7)} | {day(m, 1) - timedelta(days=1) for m in range(2, 13)}  # 31 Jan .. 30 Nov
    assert keep == days | weeks | month_ends
    assert len(keep) == 7 + 2 + 11


def test_several_backups_a_day_keep_the_newest_of_each_day():
    moments = [NOW - timedelta(hours=h) for h in range(0, 24 * 3, 6)]
    keep = kept(moments, RotationPolicy(daily=7, weekly=0, monthly=0))
    assert keep == {NOW, datetime(2026, 12, 6, 22, tzinfo=UTC), datetime(2026, 12, 5, 22, tzinfo=UTC)}


def test_the_newest_backup_is_kept_whatever_the_policy():
    assert kept([NOW, NOW - timedelta(days=1)], RotationPolicy(0, 0, 0)) == {NOW}


def test_rotation_deletes_only_this_shops_backups_the_policy_drops(tmp_path):
    ours = [tmp_path / backup_name(SHOP, NOW - timedelta(days=d)) for d in range(10)]
    theirs = [tmp_path / backup_name(OTHER, NOW - timedelta(days=d)) for d in range(10)]
    strangers = [tmp_path / "notes.txt", tmp_path / "shop-backup-old.zip"]
    for path in ours + theirs + strangers:
        path.write_bytes(b"x")
    removed = rotate(tmp_path, SHOP, RotationPolicy(daily=3, weekly=0, monthly=0))
    assert sorted(removed) == sorted(ours[3:])
    assert sorted(tmp_path.iterdir()) == sorted(ours[:3] + theirs + strangers)


def test_names_carry_the_shop_and_the_moment(tmp_path):
    name = backup_name(SHOP, NOW)
    assert name == "shop-backup-4f325636-20261207-220000.zip"
    assert made_at_of(tmp_path / name) == NOW
    assert made_at_of(tmp_path / name, OTHER) is None
    assert made_at_of(tmp_path / "shop-backup-4f325636-2026-12-07.zip") is None
    assert backups_in(tmp_path / "missing") == []


def test_the_warning_names_what_is_wrong(tmp_path):
    settings = BackupSettings(str(tmp_path), warn_after_days=2)
    assert "not backed up" in backup_warning(BackupSettings(), SHOP, NOW)
    assert "is missing" in backup_warning(BackupSettings(str(tmp_path / "unplugged")), SHOP, NOW)
    assert "no backup" in backup_warning(settings, SHOP, NOW)
    (tmp_path / backup_name(OTHER, NOW)).write_bytes(b"x")  # another shop's: not ours
    assert "no backup" in backup_warning(settings, SHOP, NOW)
    (tmp_path / backup_name(SHOP, NOW - timedelta(days=3))).write_bytes(b"x")
    assert backup_warning(settings, SHOP, NOW) == "The newest backup is 3 days old: use File > Back up now."
    assert backup_warning(BackupSettings(str(tmp_path), warn_after_days=3), SHOP, NOW) is None
    (tmp_path / backup_name(SHOP, NOW - timedelta(hours=1))).write_bytes(b"x")
    assert backup_warning(settings, SHOP, NOW) is None


def test_an_automatic_backup_is_due_a_day_after_the_newest(tmp_path):
    settings = BackupSettings(str(tmp_path))
    assert not backup_due(BackupSettings(), SHOP, NOW)  # no folder chosen
    assert not backup_due(BackupSettings(str(tmp_path / "unplugged")), SHOP, NOW)
    assert backup_due(settings, SHOP, NOW)
    (tmp_path / backup_name(SHOP, NOW - timedelta(hours=23))).write_bytes(b"x")
    assert not backup_due(settings, SHOP, NOW)
    assert backup_due(settings, SHOP, NOW + timedelta(hours=1))


def test_settings_are_kept_beside_the_shop(tmp_path):
    assert load_settings(tmp_path) == BackupSettings()
    save_settings(tmp_path, BackupSettings("/media/usb", 5))
    assert load_settings(tmp_path) == BackupSettings("/media/usb", 5)
    (tmp_path / SETTINGS_FILE).write_text("{garbled")
    assert load_settings(tmp_path) == BackupSettings()  # logged, never a crash at start-up
    (tmp_path / SETTINGS_FILE).write_text('{"folder": "/x", "warn_after_days": 0}')
    assert load_settings(tmp_path) == BackupSettings()


@pytest.mark.parametrize("days", [0, -1, 366, 1.5, "2", True, None])
def test_a_warning_age_out_of_range_is_refused(days):
    from core.backups import checked

    with pytest.raises(InvalidCommand):
        checked("/media/usb", days)
