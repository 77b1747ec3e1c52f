"""``shop-manager --backup DIR``, ``--restore FILE`` and ``--verify``: for
scripts and cron, no window. Each prints one sentence and returns the exit
status (0: done; ``--verify``: 0 only when the journal is whole)."""

import sys
from pathlib import Path

from core import open_shop
from core.backups import make_backup, restore_backup
from core.errors import ShopError
from core.journal import verify_journal
from shop_gui.version import version

DATABASE_FILE = "shop.sqlite3"  # in the shop's folder (core.shop.DATABASE_FILE)


def back_up(data_dir: Path, folder: Path, out=None, err=None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    try:
        made = make_backup(data_dir / DATABASE_FILE, folder, app_version=version())
    except ShopError as exc:
        print(exc, file=err)
        return 1
    m = made.manifest
    removed = f"; {len(made.removed)} older backups removed" if made.removed else ""
    print(f"Backed up {m.orders:,} orders and {m.products:,} products to {made.path}{removed}.", file=out)
    return 0


def restore(data_dir: Path, backup: Path, out=None, err=None) -> int:
    """Restore ``backup`` into the (closed) shop in ``data_dir``, then open
    it once so its read model is rebuilt before the window next starts."""
    out, err = out or sys.stdout, err or sys.stderr
    try:
        restored = restore_backup(backup, data_dir)
        open_shop(data_dir).close()
    except ShopError as exc:
        print(exc, file=err)
        return 1
    m = restored.manifest
    aside = f" Today's shop was kept in {restored.kept_aside}." if restored.kept_aside else ""
    print(f"Restored the backup of {m.made_at} ({m.orders:,} orders) into {data_dir}.{aside}", file=out)
    return 0


def verify(data_dir: Path, out=None, err=None) -> int:
    """Check the journal's hash chain; the first row altered, deleted or
    reordered is named, and the exit status is 2 then."""
    out, err = out or sys.stdout, err or sys.stderr
    try:
        verdict = verify_journal(data_dir)
    except ShopError as exc:
        print(exc, file=err)
        return 1
    if not verdict.whole:
        print(verdict.problem, file=err)
        return 2
    print(f"{verdict.problem} Latest link: {verdict.last_link}", file=out)
    return 0
