"""Builds the translations: ``make translations`` and ``make qm`` run it.

    python tools/build_translations.py           # .ts -> .qm (pyside6-lrelease)
    python tools/build_translations.py --update  # first gather new strings into the .ts (pyside6-lupdate)

The .ts files in resources/translations/ are the sources, kept in git; the
.qm files are built from them into shop_gui/translations/ (not in git),
where the app, the tests, pip and the installer find them. ``--update``
scans shop_gui/ (``tr``, ``QCoreApplication.translate``) and core/ (the
``N_`` marks on the core's sentences: core/i18n.py), keeps every existing
translation and marks new or changed strings unfinished.
"""

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "resources" / "translations"
BUILT = ROOT / "shop_gui" / "translations"
SCANNED = ("shop_gui", "core")
# The core marks its sentences with N_ (a no-op, as QT_TR_NOOP is): lupdate reads them.
LUPDATE_OPTIONS = [
    "-extensions",
    "py",
    "-no-obsolete",
    "-locations",
    "relative",
    "-tr-function-alias",
    "QT_TR_NOOP+=N_",
]


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from the running Python's venv, else from PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: it comes with PySide6 (pip install PySide6-Essentials).")
    return found


def ts_files() -> list[Path]:
    return sorted(SOURCES.glob("*.ts"))


def update() -> None:
    sources = [str(p.relative_to(ROOT)) for folder in SCANNED for p in sorted((ROOT / folder).rglob("*.py"))]
    for ts in ts_files():
        # English is the source language: its file holds only the plural forms (1 item, 2 items).
        plural_only = ["-pluralonly"] if ts.stem.endswith("_en") else []
        target = str(ts.relative_to(ROOT))
        subprocess.run(
            [tool("pyside6-lupdate"), *LUPDATE_OPTIONS, *plural_only, *sources, "-ts", target], cwd=ROOT, check=True
        )


def release(quiet: bool = False) -> list[Path]:
    BUILT.mkdir(parents=True, exist_ok=True)
    built = []
    for ts in ts_files():
        qm = BUILT / (ts.stem + ".qm")
        if not quiet or not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run(
                [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=quiet
            )
        built.append(qm)
    return built


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="run pyside6-lupdate over the sources first")
    args = parser.parse_args()
    if args.update:
        update()
    release()


if __name__ == "__main__":
    main()
