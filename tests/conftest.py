"""Shared by every suite. GUI tests run offscreen: no display needed."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """Where a test's shop lives (not made: opening a shop there makes it)."""
    return tmp_path / "shop"
