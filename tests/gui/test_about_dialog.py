"""Help > About: the one version number, the bundled components and their licences; the app icon."""

import importlib.util
import platform
import tomllib
from importlib import metadata
from pathlib import Path

import PySide6
from PySide6.QtCore import QTimer, qVersion
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QTableWidget

from shop_gui.about_dialog import AboutDialog
from shop_gui.app import app_icon, make_application

ROOT = Path(__file__).resolve().parents[2]
PROJECT_VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def table_rows(dialog):
    table = dialog.findChild(QTableWidget, "componentsTable")
    return [tuple(table.item(r, c).text() for c in range(table.columnCount())) for r in range(table.rowCount())]


def test_shows_the_version_from_pyproject_and_each_component_with_its_licence(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.objectName() == "aboutDialog"
    assert f"Version {PROJECT_VERSION}" in dialog.findChild(QLabel, "aboutTitle").text()
    assert table_rows(dialog) == [
        ("Python", platform.python_version(), "PSF License"),
        ("Qt", qVersion(), "LGPLv3"),
        ("PySide6 (Qt for Python)", PySide6.__version__, "LGPLv3"),
        ("SQLAlchemy", metadata.version("SQLAlchemy"), "MIT"),
        ("TinyDB", metadata.version("tinydb"), "MIT"),
    ]
    assert "LGPL" in dialog.findChild(QLabel, "licenceNote").text()


def test_close_button_closes_it(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close).click()
    assert not dialog.isVisible()


def test_help_menu_opens_it(window, qtbot):
    seen = []

    def close_it():  # exec() runs its own event loop: look, then close from inside it
        dialog = QApplication.activeModalWidget()
        seen.append(dialog.objectName() if dialog else None)
        if dialog:
            dialog.reject()

    QTimer.singleShot(0, close_it)
    about = next(a for a in window.menuBar().actions() if a.text() == "&Help").menu().actions()[0]
    about.trigger()
    assert seen == ["aboutDialog"]


def test_the_application_gets_the_icon_in_every_size(qapp):
    saved = (
        qapp.applicationName(),
        qapp.applicationDisplayName(),
        qapp.applicationVersion(),
        qapp.desktopFileName(),
        qapp.windowIcon(),
    )
    try:
        app = make_application([])
        assert app is qapp
        sizes = {(s.width(), s.height()) for s in app.windowIcon().availableSizes()}
        assert {(n, n) for n in (16, 22, 24, 32, 48, 64, 128, 256, 512)} <= sizes
        assert not app_icon().pixmap(48, 48).isNull()
    finally:
        qapp.setApplicationName(saved[0])
        qapp.setApplicationDisplayName(saved[1])
        qapp.setApplicationVersion(saved[2])
        qapp.setDesktopFileName(saved[3])
        qapp.setWindowIcon(saved[4])


def load_render_icons():
    """packaging/render_icons.py (a script, not a package), imported from its file."""
    spec = importlib.util.spec_from_file_location("render_icons", ROOT / "packaging" / "render_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_icon_pngs_match_the_svg(qapp):
    icons = load_render_icons()
    stale = icons.stale_pngs()
    assert not stale, "Out of date with the SVG (run python packaging/render_icons.py): " + ", ".join(stale)


def test_the_icon_comparison_sees_a_changed_icon(qapp, tmp_path):
    """The tolerance above forgives anti-aliasing, not a changed icon: a shift by
    one pixel, a slightly darker stripe or a bigger door handle all fail it."""
    icons = load_render_icons()  # a fresh module of its own: its SVG may be pointed elsewhere
    svg, original_svg = icons.SVG.read_text(encoding="utf-8"), icons.SVG

    def render_changed(size: int, old: str, new: str) -> QImage:
        assert old in svg
        icons.SVG = tmp_path / "changed.svg"
        icons.SVG.write_text(svg.replace(old, new, 1), encoding="utf-8")
        try:
            return icons.render(size)
        finally:
            icons.SVG = original_svg

    for size in (16, 48, 512):
        original = icons.render(size)
        assert icons.looks_the_same(original, QImage(original))
        assert not icons.looks_the_same(original, original.copy(1, 0, size, size)), f"shifted, {size} px"
        assert not icons.looks_the_same(original, render_changed(size, 'fill="#e76f51"', 'fill="#d9634a"')), (
            f"an awning stripe a little darker, {size} px"
        )
        assert not icons.looks_the_same(
            original, render_changed(size, '<circle cx="384" cy="388" r="9"', '<circle cx="384" cy="388" r="18"')
        ), f"a bigger door handle, {size} px"
