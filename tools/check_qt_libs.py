"""Before `make run`: are the system libraries Qt's X11 window plugin needs
installed? Qt's own message, when one is missing, names the plugin
("Could not load the Qt platform plugin xcb") or the wrong library; this
names each one missing and prints the exact apt-get line.

Usage: python tools/check_qt_libs.py   (exit status 1 when something is missing)

Linux only (elsewhere, and with a Wayland session, it says nothing). It asks
`ldd` about the plugin (libqxcb.so) PySide6 ships, which lists every shared
library the plugin loads, directly or not, that the system lacks."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# Debian/Ubuntu package names that do not follow the usual rule (see package_of).
EXCEPTIONS = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-util.so.1": "libxcb-util1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libfreetype.so.6": "libfreetype6",
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def package_of(soname: str) -> str:
    """The Debian package that ships ``soname``: ``libxcb-icccm.so.4`` ->
    ``libxcb-icccm4``; a name ending in a digit takes a hyphen
    (``libxkbcommon-x11.so.0`` -> ``libxkbcommon-x11-0``)."""
    if soname in EXCEPTIONS:
        return EXCEPTIONS[soname]
    match = re.fullmatch(r"(lib[\w.+-]*?)\.so\.(\d+)(?:\.\d+)*", soname)
    if not match:
        return soname
    name, version = match[1].lower(), match[2]
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def missing_libraries(ldd_output: str) -> list[str]:
    return sorted(set(_NOT_FOUND.findall(ldd_output)))


def apt_line(sonames) -> str:
    return "sudo apt-get install " + " ".join(sorted({package_of(s) for s in sonames}))


def xcb_plugin() -> Path | None:
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.exists() else None


def main() -> int:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM", "xcb") not in ("", "xcb"):
        return 0
    plugin, ldd = xcb_plugin(), shutil.which("ldd")
    if plugin is None or ldd is None:
        return 0
    output = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, check=False).stdout
    missing = missing_libraries(output)
    if not missing:
        return 0
    print("Qt needs these system libraries to open a window: " + ", ".join(missing) + ".", file=sys.stderr)
    print("Install them with:\n  " + apt_line(missing), file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
