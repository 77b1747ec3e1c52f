"""Cold start to a usable window, in a fresh process each time (figure 3).

    python bench/cold_start.py ours DATA_DIR EXPECTED_ROWS
    python bench/cold_start.py naive NAIVE_JSON EXPECTED_ROWS

The child does what ``shop-manager --data-dir DATA_DIR`` does (the GC off
for start-up, QApplication, logging, ``open_shop``, ``MainWindow``, ``show``), offscreen, and prints
``painted`` the moment the product table's viewport receives a paint event
while its model holds all EXPECTED_ROWS products. It then lets the window's
deferred start-up work run (``Shop.warm_up`` after the first paint) for
``SETTLE_S`` before it exits, so its peak memory is that of a window in use.
The naive baseline opens its TinyDB file and shows its window the same way.

``measure(...)`` runs the child under ``/usr/bin/time -v`` (when present) and
returns the wall time from spawning the process to ``painted`` (interpreter
start-up and imports included: what a person waits for) and the peak RSS.
The OS file cache is warm (the files were just written or read): this is the
start of a day at the till, not the first boot of the machine. The modules are
compiled first, as in an installed program.
"""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SETTLE_S = 0.5
TIME_V = "/usr/bin/time"


def _child(kind: str, path: str, expected: int) -> None:
    sys.path.insert(0, str(REPO))
    if kind == "ours":
        from shop_gui import start

        start.pause_collection_for_start_up()  # as shop_gui.start.main does
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    if kind == "ours":
        from shop_gui import app as shop_app
        from shop_gui.main_window import MainWindow

        application = shop_app.make_application(sys.argv[:1])
        data_dir = Path(path)
        shop_app.setup_logging(data_dir)
        shop = shop_app.open_shop_for(data_dir, demo=False)
        start.exempt_what_lives_on()  # as shop_gui.app.main does
        window = MainWindow(shop)
        table = window.catalog.table
    else:
        from bench.naive_baseline import NaiveShop, NaiveWindow

        application = QApplication.instance() or QApplication(sys.argv[:1])
        window = NaiveWindow(NaiveShop(path))
        table = window.table

    class FirstFullPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and not hasattr(self, "seen") and table.model().rowCount() == expected:
                self.seen = True
                print("painted", flush=True)
                QTimer.singleShot(int(SETTLE_S * 1000), application.quit)
            return False

    watcher = FirstFullPaint()
    table.viewport().installEventFilter(watcher)
    window.resize(1280, 800)
    window.show()
    if kind == "ours":
        start.collect_from_now_on()  # as shop_gui.app.main does
    application.exec()
    import resource

    print(f"rows {table.model().rowCount()}", flush=True)
    print(f"maxrss_kb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
    os._exit(0)  # like a kill: the measurement is over, skip the teardown


def _max_rss_mb(time_output: str) -> float | None:
    found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", time_output)
    return int(found.group(1)) / 1024 if found else None


def ensure_bytecode() -> None:
    """Compile the app's modules as installing it does (pip and PyInstaller
    ship bytecode): with PYTHONDONTWRITEBYTECODE set, as on some machines, a
    source checkout would otherwise compile all of them on every start."""
    import compileall

    for package in ("core", "shop_gui"):
        compileall.compile_dir(REPO / package, quiet=1)


def measure(kind: str, path: Path, expected: int, timeout: float = 120) -> tuple[float, float]:
    """(ms from spawn to the first full paint, peak RSS in MB) of one cold start."""
    ensure_bytecode()  # cheap once done: only changed files are compiled
    cmd = [sys.executable, str(Path(__file__).resolve()), kind, str(path), str(expected)]
    use_time = os.access(TIME_V, os.X_OK)
    if use_time:
        cmd = [TIME_V, "-v", *cmd]
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    )
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        painted = (time.perf_counter() - t0) * 1000
        out, err = proc.communicate(timeout=timeout)
    except BaseException:
        proc.kill()
        proc.communicate()
        raise
    if line.strip() != "painted" or proc.returncode != 0:
        raise RuntimeError(
            f"cold start ({kind}) did not paint {expected} rows: {line!r} {out[-500:]!r} {err[-2000:]!r}"
        )
    rss = _max_rss_mb(err) if use_time else None
    if rss is None:  # no /usr/bin/time: the child's own getrusage (the same number)
        found = re.search(r"maxrss_kb (\d+)", out)
        if found is None:
            raise RuntimeError(f"no peak memory reported: {out[-500:]!r} {err[-1000:]!r}")
        rss = int(found.group(1)) / 1024
    return painted, rss


if __name__ == "__main__":
    _child(sys.argv[1], sys.argv[2], int(sys.argv[3]))
