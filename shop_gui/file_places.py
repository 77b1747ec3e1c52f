"""Where file dialogs start: the person's Documents folder (QStandardPaths),
never the folder the program was started from, which is where a file
dialog opens when it is given a bare name or nothing."""

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def documents_folder() -> str:
    """The Documents folder; the home folder where a system has none."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return found or str(Path.home())


def in_documents(file_name: str = "") -> str:
    """``file_name`` in the Documents folder (the folder itself for "")."""
    return str(Path(documents_folder()) / file_name) if file_name else documents_folder()
