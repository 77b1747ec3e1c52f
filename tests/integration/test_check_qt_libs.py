"""`make run` names the system libraries Qt's X11 plugin lacks, with the
exact apt-get line (tools/check_qt_libs.py)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tools.check_qt_libs import apt_line, missing_libraries, package_of

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxcb-image.so.0", "libxcb-image0"),
        ("libxcb-render-util.so.0", "libxcb-render-util0"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libdbus-1.so.3", "libdbus-1-3"),
        ("libEGL.so.1", "libegl1"),
        ("libglib-2.0.so.0", "libglib2.0-0"),
        ("libX11-xcb.so.1", "libx11-xcb1"),
    ],
)
def test_each_library_is_named_by_its_package(soname, package):
    assert package_of(soname) == package


LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibxcb-icccm.so.4 => not found
"""


def test_missing_libraries_are_read_from_ldd():
    assert missing_libraries(LDD) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    assert apt_line(missing_libraries(LDD)) == "sudo apt-get install libxcb-icccm4 libxcb-keysyms1"


@pytest.mark.subprocess
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is for Linux")
def test_the_check_prints_the_apt_line_and_fails(tmp_path):
    fake = tmp_path / "ldd"
    fake.write_text("#!/bin/sh\nprintf '\\tlibxcb-icccm.so.4 => not found\\n'\n")
    fake.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["PATH"] = f"{tmp_path}{os.pathsep}{env.get('PATH', '')}"
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "check_qt_libs.py")], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 1
    assert "sudo apt-get install libxcb-icccm4" in done.stderr
