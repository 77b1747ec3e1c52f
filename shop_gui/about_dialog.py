"""Help > About: the version, and the components shipped with the program and their licences.

Versions come from the running program (Python, Qt, PySide6) and from package
metadata (SQLAlchemy, TinyDB: read, never imported; the GUI does not touch
them). In an installed bundle a version reads "unknown" if its metadata was not
collected; `shop-manager --smoke-test` checks that none does.
"""

import platform
from dataclasses import dataclass
from importlib import metadata

import PySide6
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, qVersion
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from shop_gui.dialogs.dialog_base import ShopDialog
from shop_gui.texts import fill, word
from shop_gui.version import version

LICENCE_NOTE = QT_TRANSLATE_NOOP(
    "words",
    "Shop Manager is free software under the MIT licence. Qt and PySide6 are used under the "
    "GNU LGPL version 3, unmodified, as separate libraries in the program's folder, which you may "
    "replace with your own builds; their source code is at "
    "<a href='https://download.qt.io/official_releases/QtForPython/'>download.qt.io</a>. "
    "The licence texts are installed with the program (folder <i>licenses</i>).",
)


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str


def _distribution_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"


def components() -> tuple[Component, ...]:
    return (
        Component("Python", platform.python_version(), "PSF License"),
        Component("Qt", qVersion(), "LGPLv3"),
        Component("PySide6 (Qt for Python)", PySide6.__version__, "LGPLv3"),
        Component("SQLAlchemy", _distribution_version("SQLAlchemy"), "MIT"),
        Component("TinyDB", _distribution_version("tinydb"), "MIT"),
    )


class AboutDialog(ShopDialog):
    """Name, version, what the program is for, and a table of its components."""

    def __init__(self, parent=None):
        super().__init__(parent, objectName="aboutDialog")
        self.setWindowTitle(self.tr("About Shop Manager"))
        self.components = components()
        self.table = self._components_table()
        self._layout()
        self.resize(460, self.sizeHint().height())

    def _components_table(self) -> QTableWidget:
        """The components, their versions and licences: as tall as its rows, no scrolling."""
        table = QTableWidget(len(self.components), 3, objectName="componentsTable")
        table.setHorizontalHeaderLabels(["Component", "Version", "Licence"])
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for row, component in enumerate(self.components):
            for column, text in enumerate((component.name, component.version, component.licence)):
                table.setItem(row, column, QTableWidgetItem(text))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        table.setFixedHeight(
            table.horizontalHeader().sizeHint().height()
            + sum(table.rowHeight(r) for r in range(table.rowCount()))
            + 2 * table.frameWidth()
        )
        return table

    def _layout(self) -> None:
        """Logo and title, what the program is for, the components, the licence note, Close."""
        logo = QLabel(objectName="aboutLogo")
        logo.setPixmap(self.windowIcon().pixmap(64, 64))  # the application icon
        title = QLabel(
            fill(self.tr("<b style='font-size:14pt'>Shop Manager</b><br>Version %1"), version()),
            objectName="aboutTitle",
        )
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        heading = QHBoxLayout()
        heading.addWidget(logo)
        heading.addWidget(title, 1)

        summary = QLabel(self.tr("Catalog, counter and stock for a small shop."))

        note = QLabel(word(LICENCE_NOTE), objectName="licenceNote", wordWrap=True, openExternalLinks=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(summary)
        layout.addWidget(self.table)
        layout.addWidget(note)
        layout.addWidget(buttons)
