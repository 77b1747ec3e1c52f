"""Shop Manager's core: commands in, queries out. Never imports Qt."""

from core.fast_paths import FastPaths
from core.read_model.changes import Changes
from core.shop import Shop, open_shop

__all__ = ["Changes", "FastPaths", "Shop", "open_shop"]
