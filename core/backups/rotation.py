"""Which backups to keep: the newest of each of the last few days, weeks and
months (a grandfather-father-son rotation), and always the newest of all."""

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from core.backups.naming import backups_in

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RotationPolicy:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12


DEFAULT_POLICY = RotationPolicy()


def kept(moments: list[datetime], policy: RotationPolicy) -> set[datetime]:
    """Of backups made at ``moments``: the newest of each of the ``daily``
    newest days that have one, of the ``weekly`` newest ISO weeks, of the
    ``monthly`` newest months; and the newest overall."""
    newest_first = sorted(set(moments), reverse=True)
    keep: set[datetime] = set(newest_first[:1])
    for count, key in (
        (policy.daily, lambda m: m.date()),
        (policy.weekly, lambda m: m.isocalendar()[:2]),
        (policy.monthly, lambda m: (m.year, m.month)),
    ):
        seen: set = set()
        for moment in newest_first:
            period = key(moment)
            if period not in seen and len(seen) < count:
                seen.add(period)
                keep.add(moment)
    return keep


def rotate(folder: Path, shop_id: str, policy: RotationPolicy, keep: Path | None = None) -> list[Path]:
    """Delete this shop's backups in ``folder`` that ``policy`` does not keep
    (never ``keep``, the one just made; never another shop's, never a file
    not named as a backup). Returns what was deleted; a file that cannot be
    deleted is logged and left."""
    found = backups_in(folder, shop_id)
    wanted = kept([moment for moment, _ in found], policy)
    removed = []
    for moment, path in found:
        if moment in wanted or path == keep:
            continue
        try:
            path.unlink()
            removed.append(path)
        except OSError as exc:
            log.warning("Could not remove the old backup %s: %s", path, exc)
    return removed
