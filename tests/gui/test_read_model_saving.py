"""When the window saves the read model's files: once the till has been
quiet for a moment (a sale's repaint and the next clicks never share the
machine with the save), and however busy the till, never later than
SAVE_AT_LATEST_MS after the first unsaved change."""

import time

from core.commands import ReceiveStock
from shop_gui.bridge import ShopBridge

QUIET_MS, AT_LATEST_MS = 300, 900


class Saves:
    """When each save the bridge asked for began, and how many are over."""

    def __init__(self, shop, monkeypatch):
        self.began: list[float] = []
        self.over = 0
        real = shop.save_read_model

        def save():
            self.began.append(time.monotonic())
            try:
                return real()
            finally:
                self.over += 1

        monkeypatch.setattr(shop, "save_read_model", save)


def meta(shop) -> bytes:
    return (shop.data_dir / "read_model" / "meta.json").read_bytes()


def test_a_busy_till_saves_at_the_latest_and_a_quiet_one_soon(qtbot, shop, catalog, monkeypatch):
    saves = Saves(shop, monkeypatch)
    bridge = ShopBridge(shop, save_delay_ms=QUIET_MS, save_at_latest_ms=AT_LATEST_MS)
    try:
        first = time.monotonic()
        while time.monotonic() < first + 2.5:  # a change every 100 ms: never quiet
            assert bridge.dispatch(ReceiveStock(catalog.mug, 1)).ok
            qtbot.wait(100)
        assert saves.began, "a till never quiet for long was never saved"
        assert saves.began[0] - first >= QUIET_MS / 1000  # not at once: after the repaint and the next clicks
        busy = len(saves.began)
        assert busy <= 4  # about one per AT_LATEST_MS, not one per change (25)

        qtbot.waitUntil(lambda: saves.over > busy, timeout=5000)  # quiet now: saved soon
        saved = meta(shop)
        assert shop.save_read_model() and meta(shop) == saved  # that save left nothing to write
    finally:
        bridge.close()
