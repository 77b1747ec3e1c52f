"""The version, read from the installed package metadata (set in pyproject.toml)."""

from importlib import metadata


def version() -> str:
    try:
        return metadata.version("shop-manager")
    except metadata.PackageNotFoundError:
        return "unknown"
