"""How backup files are named: the shop and the moment, so that several
shops (or tills of one shop) can share a folder and each rotates only its own."""

import re
from datetime import UTC, datetime
from pathlib import Path

PREFIX = "shop-backup"
SUFFIX = ".zip"
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(rf"^{PREFIX}-(?P<shop>[0-9a-f]{{8}})-(?P<stamp>\d{{8}}-\d{{6}})(?:-\d+)?{re.escape(SUFFIX)}$")


def backup_name(shop_id: str, made_at: datetime) -> str:
    return f"{PREFIX}-{shop_id[:8]}-{made_at.astimezone(UTC).strftime(_STAMP)}{SUFFIX}"


def made_at_of(path: Path, shop_id: str | None = None) -> datetime | None:
    """When the backup named ``path`` was made (UTC), or None when the name
    is not one of ours (or of another shop than ``shop_id``)."""
    found = _NAME.match(path.name)
    if found is None or (shop_id is not None and found["shop"] != shop_id[:8]):
        return None
    return datetime.strptime(found["stamp"], _STAMP).replace(tzinfo=UTC)


def backups_in(folder: Path, shop_id: str | None = None) -> list[tuple[datetime, Path]]:
    """This shop's backups in ``folder`` (every shop's when None), newest first."""
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return []
    found = [(made_at, path) for path in entries if path.is_file() and (made_at := made_at_of(path, shop_id))]
    return sorted(found, reverse=True)
