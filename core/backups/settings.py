"""Where this computer puts its backups and when a backup counts as too old.
Kept beside the shop's database in a small JSON file, not in the write
model: the folder is a path on this computer (a USB stick, a share), not a
fact about the shop, and a restore must not bring back another computer's."""

import json
import logging
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from core.errors import InvalidCommand, StorageError
from core.i18n import N_

log = logging.getLogger(__name__)

SETTINGS_FILE = "backup_settings.json"
DEFAULT_WARN_AFTER_DAYS = 2
MAX_WARN_AFTER_DAYS = 365


@dataclass(frozen=True)
class BackupSettings:
    folder: str | None = None  # None: not chosen yet (no automatic backups)
    warn_after_days: int = DEFAULT_WARN_AFTER_DAYS

    def with_folder(self, folder) -> "BackupSettings":
        return replace(self, folder=str(folder) if folder else None)


def load_settings(data_dir: Path) -> BackupSettings:
    """This computer's backup settings (the defaults when none were saved,
    or when the file is unreadable: that is logged)."""
    path = Path(data_dir) / SETTINGS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        folder = data.get("folder")
        days = data.get("warn_after_days", DEFAULT_WARN_AFTER_DAYS)
        return checked(folder if isinstance(folder, str) and folder else None, days)
    except FileNotFoundError:
        return BackupSettings()
    except (OSError, ValueError, AttributeError, InvalidCommand) as exc:
        log.warning("Ignoring unreadable backup settings in %s: %s", path, exc)
        return BackupSettings()


def checked(folder: str | None, warn_after_days) -> BackupSettings:
    if isinstance(warn_after_days, bool) or not isinstance(warn_after_days, int):
        raise InvalidCommand(N_("Warn about an old backup after a whole number of days."))
    if not 1 <= warn_after_days <= MAX_WARN_AFTER_DAYS:
        raise InvalidCommand(N_("Warn about an old backup after 1 to {most} days.", most=MAX_WARN_AFTER_DAYS))
    return BackupSettings(folder, warn_after_days)


def save_settings(data_dir: Path, settings: BackupSettings) -> None:
    path = Path(data_dir) / SETTINGS_FILE
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(
            N_(
                "The backup settings could not be saved in {folder}: {problem}.",
                folder=str(path.parent),
                problem=exc.strerror or str(exc),
            )
        ) from exc
