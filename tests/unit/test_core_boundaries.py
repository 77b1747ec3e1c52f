"""The core stays free of Qt, so it can run in a worker, a server or a test."""

import subprocess
import sys
import textwrap

import pytest

from tests.helpers import REPO, child_env


@pytest.mark.subprocess
def test_importing_the_whole_core_loads_no_qt():
    script = textwrap.dedent("""
        import sys
        import core, core.shop, core.dispatcher, core.commands, core.queries, core.errors
        import core.events, core.domain.money, core.read_model.projector, core.read_model.queries
        qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"))
        print(",".join(qt))
    """)
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=child_env(), cwd=REPO
    )
    assert out.stdout.strip() == ""
