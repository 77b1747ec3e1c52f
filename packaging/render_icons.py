"""Render Shop Manager's icon (resources/icons/shop-manager.svg) to PNGs, and an .ico.

    python packaging/render_icons.py            # writes shop_gui/icons/shop-manager-<size>.png
    python packaging/render_icons.py --check    # exit 1 if the committed PNGs differ from the SVG
    python packaging/render_icons.py --ico OUT  # a Windows .ico from the committed PNGs
    python packaging/render_icons.py --png SIZE OUT   # one more size (macOS wants 1024)

The PNGs are committed (a few KB each): the window icon and the Linux package's
hicolor icons use them, so neither needs Qt's SVG plugin at run time. Qt's own
SVG renderer (PySide6.QtSvg, in PySide6-Essentials) draws them, so no other
tool is needed. Run it after changing the SVG; `--check` (a GUI test) says when
that was forgotten.
"""

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "shop-manager.svg"
OUT_DIR = ROOT / "shop_gui" / "icons"
# The hicolor theme's usual sizes (menus 16-24, docks 32-64, launchers and stores 128-512).
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# What Windows shows: Explorer, taskbar, Start menu, large icon views.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_path(size: int, folder: Path = OUT_DIR) -> Path:
    return folder / f"shop-manager-{size}.png"


def render(size: int):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"Cannot read {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def write_ico(out: Path) -> None:
    """An .ico whose entries are the PNG files themselves (valid since Windows Vista)."""
    pngs = [(size, png_path(size).read_bytes()) for size in ICO_SIZES]
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, data in pngs:
        byte_size = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", byte_size, byte_size, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(header + entries + blobs)


# Qt's rasteriser anti-aliases edges with whatever SIMD the CPU has: on a CPU with
# AVX-512 a few edge pixels of the same SVG come out one level apart. A real change
# of the icon moves far more than that (tests/gui/test_about_dialog.py shows it).
MAX_CHANNEL_DIFFERENCE = 3  # in 0..255, any one channel of any one pixel
MAX_MEAN_DIFFERENCE = 0.05  # averaged over every channel of every pixel


def icon_difference(a, b) -> tuple[int, float]:
    """(largest, mean) absolute difference per channel between two images of one
    size, compared premultiplied: an almost transparent edge pixel counts as little
    as it shows."""
    from PySide6.QtGui import QImage

    assert a.size() == b.size(), (a.size(), b.size())
    a = a.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    b = b.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    bits_a, bits_b = bytes(a.constBits()), bytes(b.constBits())
    if bits_a == bits_b:
        return 0, 0.0
    differences = [abs(x - y) for x, y in zip(bits_a, bits_b)]
    return max(differences), sum(differences) / len(differences)


def looks_the_same(a, b) -> bool:
    largest, mean = icon_difference(a, b)
    return largest <= MAX_CHANNEL_DIFFERENCE and mean <= MAX_MEAN_DIFFERENCE


def stale_pngs() -> list[str]:
    """The committed PNGs that no longer look like the SVG, with how far off."""
    from PySide6.QtGui import QImage

    stale = []
    for size in SIZES:
        committed = QImage(str(png_path(size)))
        rendered = render(size)
        if committed.isNull() or not looks_the_same(rendered, committed):
            largest, mean = (255, 255.0) if committed.isNull() else icon_difference(rendered, committed)
            stale.append(f"{png_path(size).name} (largest difference {largest}, mean {mean:.4f})")
    return stale


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--ico", type=Path, help="write a Windows .ico from the committed PNGs and exit")
    parser.add_argument("--png", nargs=2, metavar=("SIZE", "OUT"), help="render one PNG of SIZE pixels to OUT")
    args = parser.parse_args(argv)
    if args.ico:
        write_ico(args.ico)
        return 0

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (Qt needs one)
    if args.png:
        out = Path(args.png[1])
        out.parent.mkdir(parents=True, exist_ok=True)
        return 0 if render(int(args.png[0])).save(str(out), "PNG") else 1
    if args.check:
        stale = stale_pngs()
        if stale:
            print("Out of date with the SVG (run python packaging/render_icons.py): " + ", ".join(stale))
        return 1 if stale else 0
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        target = png_path(size)
        if not render(size).save(str(target), "PNG"):
            raise SystemExit(f"Cannot write {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
