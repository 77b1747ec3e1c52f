"""Shared by every suite. GUI tests run offscreen: no display needed."""

import os
from pathlib import Path

import pytest

from core.domain import pins

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """Where a test's shop lives (not made: opening a shop there makes it)."""
    return tmp_path / "shop"


@pytest.fixture(autouse=True)
def cheap_pin_hashes(monkeypatch):
    """PIN hashes at a tiny scrypt cost: a real one takes tens of milliseconds,
    and checking uses the cost stored with each hash (tests/unit/test_pins.py
    checks the real cost once)."""
    monkeypatch.setattr(pins, "SCRYPT_N", 2**4)
