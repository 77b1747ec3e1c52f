"""`make bench`: measure Shop Manager against a naive design, print one table.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/run_bench.py \\
        [--sizes 1000,10000,100000] [--repeats 20] [--skip-gui] [--skip-core]

Every figure is a median with its p90 over repeated samples, beside a baseline
measured in the same run. Targets are printed and marked OK/MISS, never
asserted. The table is also written to bench/results/latest.md.
"""

import argparse
import gc
import os
import sys
import tempfile
import time
import traceback
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench import report, shop_builder  # noqa: E402
from bench.report import Figure  # noqa: E402

RESULTS = REPO / "bench" / "results"

GUI_BASELINE = "naive: TinyDB JSONStorage + search + model reset"
NOTES = """\
- GUI figures: real widgets, offscreen, window shown at 1280x800. Each sample is
  a real QTest click/keystroke -> event loop spun until the product table shows
  the effect (stock cell changed / model signalled a change) ->
  table.viewport().repaint(); deferred work (queued calls, debounce timers) is
  inside the sample. Both windows are open side by side and measured in
  alternating chunks of 5 samples, so both see the same machine conditions. Every sample is verified (stock down by exactly 1, a paint
  reached the viewport, search rows match the term).
- GUI baseline (bench/naive_baseline.py): one TinyDB document per product in
  TinyDB's stock JSONStorage (every read parses the whole file, every write
  rewrites it); an order = one TinyDB update of the stock documents, then
  table.search for the shown category/search and a QAbstractTableModel reset in
  a QTableView. Same objectNames, driven by the same code.
- "(category)" = a top-level category with its 4 sub-categories (~1/10 of the
  catalog); "switch" rotates through all 50 categories and "All products";
  "switch to All products" alternates a top-level category and "All products"
  and times only the clicks on "All products" (every product in the table);
  "search" types the last letter of a word (e.g. "lam" -> "lamp", the first
  letters set untimed) with "All products" shown.
- Baseline/ours above 1x: ours is that many times faster. p90 is nearest-rank
  (with 10 samples or fewer it is the slowest one).
- Write path: PlaceOrder of 3 lines. Baseline = raw sqlite3 doing the same
  writes (SELECT product, conditional UPDATE stock ... RETURNING, INSERT order,
  INSERT lines, INSERT outbox row) with WAL + synchronous=FULL, interleaved
  with ours. "commit only" is the Dispatcher's transaction; "projection only" is
  Shop.sync() applying that order to the read model (no baseline).
- Rebuild baseline: sqlite3 SELECT of all products + one TinyDB
  insert_multiple into JSONStorage. Cold open: a fresh Python process per
  sample (imports excluded, OS file cache warm); baseline = TinyDB(file) +
  len(table) (parses the JSON) / + table.all() sorted by name."""


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,100000",
                    help="comma-separated catalog sizes (default: %(default)s)")
    ap.add_argument("--repeats", type=int, default=20,
                    help="samples per figure (default: %(default)s); rebuild and cold open "
                         "take max(3, repeats // 4)")
    ap.add_argument("--warmup", type=int, default=2, help="untimed samples first (default: %(default)s)")
    ap.add_argument("--chunk", type=int, default=5,
                    help="GUI samples taken from one window before switching to the other "
                         "(default: %(default)s)")
    ap.add_argument("--skip-gui", action="store_true", help="core-only figures")
    ap.add_argument("--skip-core", action="store_true", help="GUI figures only")
    ap.add_argument("--rebuild-cache", action="store_true", help="rebuild the cached shops")
    args = ap.parse_args(argv)
    args.sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    if args.repeats < 1:
        ap.error("--repeats must be at least 1")
    return args


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def load_average() -> str:
    """Other work on the machine shows up as noise: say how busy it was."""
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def load_main_window():
    """shop_gui.main_window.MainWindow, or the reason it cannot be used yet."""
    try:
        from shop_gui.main_window import MainWindow
        return MainWindow, None
    except Exception as exc:  # the GUI is being written: report, don't crash
        return None, f"{type(exc).__name__}: {exc}"


def gui_figures(size, cache, manifest, args, main_window_cls, problems) -> list[Figure]:
    from PySide6.QtWidgets import QApplication

    from bench import gui_timings
    from bench.naive_baseline import NaiveShop, NaiveWindow

    app = QApplication.instance()
    if app is None:
        from PySide6.QtCore import qInstallMessageHandler

        def quiet(mode, context, message):
            # The offscreen plugin says this on every window show; anything
            # else Qt says is printed.
            if "propagateSizeHints" not in message:
                log(f"Qt: {message}")

        qInstallMessageHandler(quiet)
        app = QApplication([])
    results = {}
    with tempfile.TemporaryDirectory(prefix=f"bench-gui-{size}-") as tmp:
        tmp = Path(tmp)
        shop = nshop = None
        windows = {}
        try:
            if main_window_cls is not None:
                from core import open_shop
                shop = open_shop(shop_builder.fresh_copy(cache, "shop", tmp))
                windows["ours"] = main_window_cls(shop)
                # The sale is timed up to the repainted stock cell; the Pay dialog
                # that follows Place Order is the person's next step, not part of it.
                windows["ours"].pay_after_placing = False
            nshop = NaiveShop(shop_builder.fresh_copy(cache, "naive.json", tmp))
            windows["naive"] = NaiveWindow(nshop)
            before = len(problems)
            results = gui_timings.measure_windows(windows, manifest, args.repeats, args.warmup,
                                                  chunk=args.chunk, log=log, problems=problems)
            problems[before:] = [f"{size:,}: {p}" for p in problems[before:]]
        except Exception:
            problems.append(f"{size:,}: GUI: {traceback.format_exc(limit=4)}")
            log(problems[-1])
        finally:
            for window in windows.values():
                window.close()
                window.deleteLater()
            app.processEvents()
            if shop is not None:
                shop.close()
            if nshop is not None:
                nshop.close()
    ours, naive = results.get("ours", {}), results.get("naive", {})
    gc.collect()
    return [Figure(label, size, ours.get(key, []), naive.get(key, []), GUI_BASELINE, tm, tp)
            for key, label, tm, tp in gui_timings.FIGURES]


def core_figures(size, cache, args) -> list[Figure]:
    from bench import core_timings

    heavy = max(3, args.repeats // 4)
    r = core_timings.measure_core(cache, size, args.repeats, heavy, warmup=max(args.warmup, 1), log=log)
    return [
        Figure("PlaceOrder via Shop.dispatch (commit + projection)", size, r["write_dispatch"], r["write_raw"],
               "raw sqlite3, same writes"),
        Figure("  of which: commit only (Dispatcher)", size, r["write_commit"], r["write_raw"],
               "raw sqlite3, same writes"),
        Figure("  of which: projection only (Shop.sync)", size, r["write_project"]),
        Figure("Read-model rebuild (Shop.rebuild_read_model)", size, r["rebuild_ours"], r["rebuild_naive"],
               "sqlite3 + TinyDB insert_multiple"),
        Figure("Cold open_shop()", size, r["cold_open"], r["cold_naive_open"], "TinyDB open + parse"),
        Figure("Cold open_shop() + first GetProducts()", size, r["cold_list"], r["cold_naive_list"],
               "TinyDB open + all() sorted"),
    ]


def main(argv=None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    load_at_start = load_average()
    disk_at_start = report.fsync_probe()
    main_window_cls, gui_missing = (None, "skipped (--skip-gui)") if args.skip_gui else load_main_window()
    if gui_missing and not args.skip_gui:
        log(f"shop_gui.main_window.MainWindow is not available ({gui_missing}); "
            "GUI figures show the baseline only.")
    figures, problems = [], []
    for size in args.sizes:
        log(f"== {size:,} products")
        cache = shop_builder.cached_shop(size, rebuild=args.rebuild_cache, log=log)
        manifest = shop_builder.manifest(cache)
        if not args.skip_gui:
            figures += gui_figures(size, cache, manifest, args, main_window_cls, problems)
        if not args.skip_core:
            figures += core_figures(size, cache, args)
    # One table: each figure's sizes together.
    order = {}
    for f in figures:
        order.setdefault(f.name, len(order))
    figures.sort(key=lambda f: (order[f.name], f.size))

    env = report.environment()
    env["Load average (start -> end)"] = f"{load_at_start} -> {load_average()}"
    env["Disk: 64 KB write+fsync+rename, median (start -> end)"] = (
        f"{disk_at_start:.2f} ms -> {report.fsync_probe():.2f} ms")
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    heading = (f"Shop Manager benchmark, {stamp}: times in ms, median and p90 of "
               f"{args.repeats} samples (rebuild/cold open: {max(3, args.repeats // 4)}), "
               f"after {args.warmup} warm-up samples")
    gui_line = ("GUI: shop_gui.main_window.MainWindow" if main_window_cls
                else f"GUI: ours not measured: {gui_missing}")
    print(heading)
    print("  ".join(f"{k} {v}" for k, v in env.items()))
    print(gui_line)
    print()
    print(report.text_table(figures))
    print()
    print(NOTES)
    if problems:
        print("\nPROBLEMS:\n" + "\n".join(problems))
    print(f"\n(total {time.perf_counter() - started:.0f} s)")

    RESULTS.mkdir(parents=True, exist_ok=True)
    md = [f"# {heading}", "", *(f"- {k}: {v}" for k, v in env.items()), f"- {gui_line}", "",
          report.markdown_table(figures), "", "Notes:", "", NOTES]
    if problems:
        md += ["", "Problems:", "", "```", *problems, "```"]
    (RESULTS / "latest.md").write_text("\n".join(md) + "\n", encoding="utf-8")
    log(f"written to {RESULTS / 'latest.md'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
