"""Help > About: the one version number, the bundled components and their licences; the app icon."""

import platform
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import PySide6
from PySide6.QtCore import QTimer, qVersion
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
    saved = (qapp.applicationName(), qapp.applicationDisplayName(), qapp.applicationVersion(),
             qapp.desktopFileName(), qapp.windowIcon())
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


def test_the_committed_icon_pngs_match_the_svg():
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "render_icons.py"), "--check"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
