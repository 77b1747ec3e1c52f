"""Whether this shop's backups are in order: a sentence for the status bar
when they are not (no folder chosen, the folder gone, the newest too old)."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

from core.backups.naming import backups_in
from core.backups.settings import BackupSettings
from core.i18n import N_

# A shop open all day is backed up once this long after its newest backup.
BACKUP_EVERY = timedelta(days=1)


def newest_backup(folder, shop_id: str) -> datetime | None:
    found = backups_in(Path(folder), shop_id)
    return found[0][0] if found else None


def backup_warning(settings: BackupSettings, shop_id: str, now: datetime) -> str | None:
    """None when backups are in order; else what is wrong, in one sentence."""
    if settings.folder is None:
        return N_("This shop is not backed up: choose a backup folder with File > Back up now.")
    folder = Path(settings.folder)
    if not folder.is_dir():
        return N_(
            "The backup folder {folder} is missing: connect the USB stick or share, or choose another folder.",
            folder=str(folder),
        )
    newest = newest_backup(folder, shop_id)
    if newest is None:
        return N_("This shop has no backup in {folder} yet: use File > Back up now.", folder=str(folder))
    age = now.astimezone(UTC) - newest
    if age > timedelta(days=settings.warn_after_days):
        days = age.days
        if days == 1:
            return N_("The newest backup is 1 day old: use File > Back up now.")
        return N_("The newest backup is {days} days old: use File > Back up now.", days=days)
    return None


def backup_due(settings: BackupSettings, shop_id: str, now: datetime) -> bool:
    """An automatic backup is due: a folder is chosen and there, and its
    newest backup of this shop is a day old (or there is none)."""
    if settings.folder is None or not Path(settings.folder).is_dir():
        return False
    newest = newest_backup(settings.folder, shop_id)
    return newest is None or now.astimezone(UTC) - newest >= BACKUP_EVERY
