"""The backup made without asking: when the shop closes, and once a day
while it is open (the window's timer asks ``backup_due``)."""

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from core.backups.making import BackupMade, make_backup
from core.backups.settings import load_settings
from core.errors import ShopError

log = logging.getLogger(__name__)

DATABASE_FILE = "shop.sqlite3"  # core.shop's name (core.shop imports the world)


def automatic_backup(
    data_dir: Path, *, clock: Callable[[], datetime] = lambda: datetime.now(UTC), app_version: str = ""
) -> BackupMade | None:
    """Back the shop in ``data_dir`` up into the folder its settings name,
    if one is chosen and there. A failure is logged, never raised: it must
    not stop the shop from closing (the status bar says so next time)."""
    settings = load_settings(data_dir)
    if settings.folder is None or not Path(settings.folder).is_dir():
        return None
    try:
        return make_backup(Path(data_dir) / DATABASE_FILE, Path(settings.folder), clock=clock, app_version=app_version)
    except ShopError as exc:
        log.warning("The automatic backup failed: %s", exc)
        return None
