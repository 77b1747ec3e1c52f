"""Backups of the write model and restoring them (the window's File > Back up
now... and Restore from backup..., ``shop-manager --backup`` / ``--restore``).
Plain functions over the shop's folder: none needs an open Shop, and making
a backup never holds the shop's lock, so selling goes on meanwhile."""

from core.backups.automatic import automatic_backup
from core.backups.health import backup_due, backup_warning, newest_backup
from core.backups.making import BackupMade, make_backup
from core.backups.manifest import Contents, Manifest
from core.backups.naming import backups_in
from core.backups.restoring import Restored, database_contents, database_shop_id, read_manifest, restore_backup
from core.backups.rotation import DEFAULT_POLICY, RotationPolicy, kept, rotate
from core.backups.settings import BackupSettings, checked, load_settings, save_settings

__all__ = [
    "DEFAULT_POLICY",
    "BackupMade",
    "BackupSettings",
    "Contents",
    "Manifest",
    "Restored",
    "RotationPolicy",
    "automatic_backup",
    "backup_due",
    "backup_warning",
    "backups_in",
    "checked",
    "database_contents",
    "database_shop_id",
    "kept",
    "load_settings",
    "make_backup",
    "newest_backup",
    "read_manifest",
    "restore_backup",
    "rotate",
    "save_settings",
]
