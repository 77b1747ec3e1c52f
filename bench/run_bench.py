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
from datetime import UTC, datetime
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
  alternating chunks of 5 samples, so both see the same machine conditions.
  Every sample is verified (stock down by exactly 1, a paint reached the
  viewport, search rows match the term).
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
- "Better by": the baseline's median over ours (for a rate, ours over the
  baseline's): above 1x we are that many times better. p90 is nearest-rank
  (with 10 samples or fewer it is the slowest one).
- Cold start (figure 3): a fresh process per sample (bench/cold_start.py) does
  what `shop-manager --data-dir DIR` does, offscreen, on a copy of the cached
  shop; timed from spawning the process (interpreter start-up and imports
  included) to the first paint of the product table holding every product;
  peak RSS by /usr/bin/time -v, the process living 0.5 s more for the work
  deferred past the first paint (search keys). OS file cache warm. Baseline:
  the naive window opening its TinyDB file the same way.
- Write path (figure 4): PlaceOrder of 3 random products (1 unit each).
  Baseline = raw sqlite3 running the core's statements (conditional UPDATE
  ... RETURNING per line, INSERT order, INSERT lines, INSERT the stock ledger's
  movements, INSERT outbox row) with
  the same durability (WAL, synchronous=FULL, BEGIN IMMEDIATE), interleaved
  with ours. "commit + in-memory projection" is Shop.dispatch as the window
  runs it: the SQLite commit (durable) and the read model updated in memory;
  the window saves the read-model files 50 ms later, after the repaint, on a
  thread of its own.
  "+ read-model save, fsynced" adds that save (each changed table file and
  meta.json written to a temp file, fsynced, renamed; the folder fsynced):
  what every command would cost if it also saved at once (informational, not
  a target: the read model is rebuildable from the outbox, so its saves are
  batched and no till waits for one; only the SQLite commit has to be durable
  before the till says "done").
- AddProducts: 10,000 new products (half with barcodes) in one command on a
  copy of the shop: validation, the IN-query checks, one INSERT, 10,000 outbox
  events, the projection and the read-model save. Baseline: sqlite3
  executemany of the same rows and outbox rows in one transaction.
- Rebuild baseline: sqlite3 SELECT of all products + one TinyDB
  insert_multiple into JSONStorage. Cold open_shop(): a fresh Python process
  per sample (imports excluded, OS file cache warm); baseline = TinyDB(file) +
  len(table) (parses the JSON) / + table.all() sorted by name.
- PlaceOrder on PostgreSQL (issue 16, bench/postgres_orders.py): a throwaway
  server started as the tests start one (initdb + pg_ctl on a Unix socket,
  fsync on; skipped with a note when PostgreSQL is not installed), 200
  products, orders of 3 random products through Shop.dispatch (the read model
  kept up to date included) by 1 process, then by 4 at once (each a till of
  its own). Baseline: raw psycopg sending the statements the dispatcher's
  sale sends (stock taken with its rows locked in id order, the order
  numbered under a lock, lines, movements, the outbox row under its lock),
  one execute each, in the same run. Target: within 2x of it.
- Replay (figure 5, bench/replay.py): independent of the catalog sizes above
  (its own shop of the CSV's products). Invoices/s = invoices replayed over the
  whole replay's wall time, read-model saves included (Shop.batch_saves: every
  1 s or 2,000 events, and at the end). The per-invoice row times each invoice's
  commands (one, or one ReceiveStock per returned code). Ours and raw run in
  alternating chunks of 500 invoices on copies of the same shop."""

ORDER_NOTES = """\
- --orders (bench/order_history.py, bench/order_timings.py): a year of orders
  (365 days before the build day, one till session a day, 1-5 lines, 30% with
  one of 2,000 customers, paid by card/cash/other) written into the cached
  catalog shop with sqlite3 and its read model rebuilt; cached per size.
  "Better by" below 1x: that many times slower than the same shop with no
  orders. Cold start, cold open and rebuild: fresh processes. Place Order:
  as figure 1 ("All products"). Payment: RecordPayment through the window's
  bridge (as the Pay dialog sends it), one event-loop pass, the product table
  repainted. GetOrders: the busiest day (a Saturday near the end; empty in the
  0-orders shop) and today. Bytes: wchar around Shop.save_read_model() after
  one PlaceOrder of 3 lines."""


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--sizes",
        default=None,
        help="comma-separated catalog sizes (default: 1000,10000,100000; none with --orders)",
    )
    ap.add_argument(
        "--orders",
        default="",
        help="issue 17: comma-separated order-history sizes (e.g. 300000,1000000) on the --order-catalog "
        "shop, each beside the same shop with no orders (bench/order_history.py); off by default",
    )
    ap.add_argument(
        "--order-catalog", type=int, default=100_000, help="products of the --orders shops (default: %(default)s)"
    )
    ap.add_argument(
        "--repeats",
        type=int,
        default=20,
        help="samples per figure (default: %(default)s); rebuild and cold open take max(3, repeats // 4)",
    )
    ap.add_argument("--warmup", type=int, default=2, help="untimed samples first (default: %(default)s)")
    ap.add_argument(
        "--chunk",
        type=int,
        default=5,
        help="GUI samples taken from one window before switching to the other (default: %(default)s)",
    )
    ap.add_argument("--skip-gui", action="store_true", help="no window figures (interactions, cold start)")
    ap.add_argument("--skip-core", action="store_true", help="GUI interaction figures only")
    ap.add_argument("--skip-replay", action="store_true", help="no replay of the Online Retail sample")
    ap.add_argument(
        "--skip-postgres", action="store_true", help="no PlaceOrder on PostgreSQL (bench/postgres_orders.py)"
    )
    ap.add_argument(
        "--postgres-orders",
        type=int,
        default=300,
        help="orders per process for the PostgreSQL figures (default: %(default)s)",
    )
    ap.add_argument(
        "--dataset",
        help="the Online Retail CSV for the replay (default: $SHOP_BENCH_RETAIL_CSV or ../shared/datasets/...)",
    )
    ap.add_argument(
        "--markdown", type=Path, default=None, help="also write the Markdown report here (e.g. BENCHMARKS.md)"
    )
    ap.add_argument("--rebuild-cache", action="store_true", help="rebuild the cached shops")
    args = ap.parse_args(argv)
    args.orders = [int(s.replace("_", "")) for s in args.orders.split(",") if s.strip()]
    if args.sizes is None:
        args.sizes = "" if args.orders else "1000,10000,100000"
        args.skip_replay = args.skip_replay or bool(args.orders)
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
            results = gui_timings.measure_windows(
                windows, manifest, args.repeats, args.warmup, chunk=args.chunk, log=log, problems=problems
            )
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
    return [
        Figure(label, size, ours.get(key, []), naive.get(key, []), GUI_BASELINE, tm, tp)
        for key, label, tm, tp in gui_timings.FIGURES
    ]


def core_figures(size, cache, args) -> list[Figure]:
    from bench import core_timings

    heavy = max(3, args.repeats // 4)
    r = core_timings.measure_core(
        cache, size, args.repeats, heavy, warmup=max(args.warmup, 1), log=log, with_gui=not args.skip_gui
    )
    raw = "raw sqlite3, same statements"
    figures = []
    if not args.skip_gui:
        figures += [
            Figure(
                "Cold start -> window painted (fresh process)",
                size,
                r["start_ms"],
                r["start_naive_ms"],
                "naive window, fresh process",
                target_median=1000,
            ),
            Figure(
                "Cold start: peak memory (MB)",
                size,
                r["start_mb"],
                r["start_naive_mb"],
                "naive window, fresh process",
                target_median=300,
                unit="MB",
            ),
        ]
    return figures + [
        Figure(
            "PlaceOrder: commit + in-memory projection (Shop.dispatch)",
            size,
            r["write_dispatch"],
            r["write_raw"],
            raw,
            target_ratio=5,
        ),
        # Not figure 4: no till waits for this save (see the notes); shown for what it costs.
        Figure(
            "PlaceOrder + read-model save, fsynced (dispatch + save; informational)",
            size,
            r["write_durable"],
            r["write_raw"],
            raw,
        ),
        Figure("  of which: commit only (Dispatcher)", size, r["write_commit"], r["write_raw"], raw),
        Figure("  of which: in-memory projection (Shop.sync)", size, r["write_project"]),
        Figure("  of which: read-model save (Shop.save_read_model)", size, r["write_save"]),
        Figure(
            "AddProducts: 10,000 more products, one command",
            size,
            r["add_ours"],
            r["add_raw"],
            "raw sqlite3 executemany, same rows + outbox",
        ),
        Figure(
            "Read-model rebuild (Shop.rebuild_read_model)",
            size,
            r["rebuild_ours"],
            r["rebuild_naive"],
            "sqlite3 + TinyDB insert_multiple",
            target_median=2000,
        ),
        Figure(
            "Cold open_shop() (no GUI, imports excluded)",
            size,
            r["cold_open"],
            r["cold_naive_open"],
            "TinyDB open + parse",
        ),
        Figure(
            "Cold open_shop() + first GetProducts()",
            size,
            r["cold_list"],
            r["cold_naive_list"],
            "TinyDB open + all() sorted",
        ),
    ]


def replay_figures(args, notes: list[str], problems: list[str]) -> list[Figure]:
    from bench import replay

    dataset = replay.dataset_path(args.dataset)
    if dataset is None:
        notes.append(f"Replay: skipped, the dataset is not there ({args.dataset or replay.DATASET}).")
        log(notes[-1])
        return []
    log(f"== replay of {dataset.name}")
    result = replay.run(dataset, log=log)
    notes.append(result.summary())
    failed = [w for w, ok, _d in result.checks + result.raw_checks if not ok]
    if failed or result.refused:
        problems.append(f"replay: checks failed: {failed}; refused: {result.refused[:5]}")
    raw = "raw sqlite3, same statements"
    return [
        Figure(
            "Replay: invoices per second (durable commits)",
            0,
            [result.ours_rate],
            [result.raw_rate],
            raw,
            target_median=1000,
            unit="/s",
            higher_is_better=True,
        ),
        Figure("Replay: one invoice through Shop.dispatch", 0, result.ours_ms, result.raw_ms, raw),
    ]


def postgres_figures(args, notes: list[str], problems: list[str]) -> list[Figure]:
    """Issue 16: PlaceOrder through the dispatcher on a throwaway PostgreSQL
    server (as the tests start one), beside raw psycopg sending the same
    statements in the same run, at 1 and 4 processes at once."""
    from bench import postgres_orders

    with postgres_orders.throwaway_database() as url:
        if url is None:
            notes.append(postgres_orders.SKIPPED)
            log(notes[-1])
            return []
        log("== PlaceOrder on PostgreSQL")
        with tempfile.TemporaryDirectory() as tmp:
            postgres_orders.fill(url, Path(tmp))
            try:
                found = postgres_orders.pairs(url, Path(tmp), args.postgres_orders, 3)
                holds = postgres_orders.import_lock_holds(url, Path(tmp))
            except Exception:
                problems.append(f"postgres: {traceback.format_exc(limit=6)}")
                log(problems[-1])
                return []
    figures = [
        Figure(
            "PostgreSQL: outbox lock held by one batch of a 10,000-product import",
            10_000,
            holds,
            target_median=100,
            target_p90=100,
        )
    ]
    for processes, (ours, raw) in found.items():
        figures.append(
            Figure(
                f"PlaceOrder on PostgreSQL, {processes} process(es) at once",
                0,
                [t * 1000 for t in ours.times],
                [t * 1000 for t in raw.times],
                "raw psycopg, same statements",
                target_ratio=postgres_orders.TARGET,
            )
        )
        notes.append(
            f"PostgreSQL, {processes} process(es): a sale sends {ours.statements:.1f} statements in "
            f"{ours.trips:.1f} round trips through the dispatcher (raw psycopg: {raw.statements:.1f} in "
            f"{raw.trips:.1f}); {ours.per_second:.0f} orders/s (raw: {raw.per_second:.0f})."
        )
    return figures


def order_figures(args, problems: list[str]) -> list[Figure]:
    """Issue 17: each order-history size beside the same catalog with no orders."""
    from bench import order_history, order_timings

    caches = {0: shop_builder.cached_shop(args.order_catalog, rebuild=args.rebuild_cache, log=log)}
    for n in args.orders:
        t = time.perf_counter()
        caches[n] = order_history.cached_shop(n, args.order_catalog, rebuild=args.rebuild_cache, log=log)
        log(f"  {n:,} orders ready in {time.perf_counter() - t:.0f} s")
    heavy = max(3, args.repeats // 4)
    try:
        r = order_timings.measure(caches, args.repeats, heavy, args.warmup, not args.skip_gui, log=log)
    except Exception:
        problems.append(f"orders: {traceback.format_exc(limit=6)}")
        log(problems[-1])
        return []
    base = "same shop, 0 orders"
    specs = [("cold_open", "Cold open_shop() (fresh process, imports excluded)", {})]
    specs += [
        ("rebuild", "Read-model rebuild, all of it (fresh process)", {}),
        ("rebuild_usable", "Read model gone: opening to usable (fresh process)", {"target_median": 2000}),
        ("rebuild_complete", "Read model gone: history complete in background", {}),
        ("day_busy", "GetOrders for one day (busiest day of the history)", {"target_median": 20}),
        ("day_today", "GetOrders for one day (today: empty)", {"target_median": 20}),
        ("customer_orders", "GetOrders for one customer (her orders)", {"target_median": 20}),
        ("by_number", "GetOrders by an order's number", {"target_median": 20}),
        ("bytes_mb", "Read-model save after one sale: bytes written (MB)", {"unit": "MB"}),
    ]
    if not args.skip_gui:
        specs = [
            ("start_ms", "Cold start -> window painted (fresh process)", {"target_ratio": 1.3}),
            ("start_mb", "Cold start: peak memory (MB)", {"target_ratio": 1.3, "unit": "MB"}),
            *specs,
            ("place", "Place Order -> repaint (All products)", {"target_ratio": 1.3, "target_median": 16}),
            (
                "place_customer",
                "Place Order for a customer -> repaint",
                {"target_ratio": 1.3, "target_median": 16},
            ),
            ("pay", "Payment -> repaint", {"target_ratio": 1.3, "target_median": 16}),
        ]
    found = [
        Figure(label, n, r[n].get(key, []), r[0].get(key, []), base, **kw)
        for key, label, kw in specs
        for n in args.orders
    ]
    # Issue 13: sales reports over the year, beside SQL GROUP BY over the write model.
    from bench import report_timings

    for n in args.orders:
        try:
            found += report_timings.figures(caches[n], n, args.repeats, log=log)
        except Exception:
            problems.append(f"reports: {traceback.format_exc(limit=6)}")
            log(problems[-1])
    return found


def main(argv=None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    load_at_start = load_average()
    disk_at_start = report.fsync_probe()
    main_window_cls, gui_missing = (None, "skipped (--skip-gui)") if args.skip_gui else load_main_window()
    if gui_missing and not args.skip_gui:
        log(f"shop_gui.main_window.MainWindow is not available ({gui_missing}); GUI figures show the baseline only.")
    figures, problems, replay_notes = [], [], []
    for size in args.sizes:
        log(f"== {size:,} products")
        cache = shop_builder.cached_shop(size, rebuild=args.rebuild_cache, log=log)
        manifest = shop_builder.manifest(cache)
        if not args.skip_gui:
            figures += gui_figures(size, cache, manifest, args, main_window_cls, problems)
        if not args.skip_core:
            figures += core_figures(size, cache, args)
    if not args.skip_core and not args.skip_replay:
        try:
            figures += replay_figures(args, replay_notes, problems)
        except Exception:
            problems.append(f"replay: {traceback.format_exc(limit=6)}")
            log(problems[-1])
    if not args.skip_core and not args.skip_postgres:
        figures += postgres_figures(args, replay_notes, problems)
    orders = order_figures(args, problems) if args.orders else []
    # One table: each figure's sizes together.
    order = {}
    for f in figures:
        order.setdefault(f.name, len(order))
    figures.sort(key=lambda f: (order[f.name], f.size))

    env = report.environment()
    env["Load average (start -> end)"] = f"{load_at_start} -> {load_average()}"
    env["Disk: 64 KB write+fsync+rename, median (start -> end)"] = (
        f"{disk_at_start:.2f} ms -> {report.fsync_probe():.2f} ms"
    )
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    heading = (
        f"Shop Manager benchmark, {stamp}: times in ms, median and p90 of "
        f"{args.repeats} samples (rebuild/cold open: {max(3, args.repeats // 4)}), "
        f"after {args.warmup} warm-up samples"
    )
    gui_line = "GUI: shop_gui.main_window.MainWindow" if main_window_cls else f"GUI: ours not measured: {gui_missing}"
    print(heading)
    print("  ".join(f"{k} {v}" for k, v in env.items()))
    print(gui_line)
    print()
    if figures:
        print(report.text_table(figures))
        print()
        print(NOTES)
    if args.orders:
        print(f"Years of orders (issue 17), {args.order_catalog:,} products; baseline: the same shop with no orders")
        print(report.text_table(orders, "Orders"))
        print()
        print(ORDER_NOTES)
    for note in replay_notes:
        print()
        print(note)
    if problems:
        print("\nPROBLEMS:\n" + "\n".join(problems))
    print(f"\n(total {time.perf_counter() - started:.0f} s)")

    RESULTS.mkdir(parents=True, exist_ok=True)
    md = [
        f"# {heading}",
        "",
        *(f"- {k}: {v}" for k, v in env.items()),
        f"- {gui_line}",
        "",
    ]
    if figures:
        md += [report.markdown_table(figures), "", "Notes:", "", NOTES]
    if args.orders:
        md += [
            f"Years of orders (issue 17), {args.order_catalog:,} products; baseline: the same shop with no orders",
            "",
            report.markdown_table(orders, "Orders"),
            "",
            ORDER_NOTES,
        ]
    for note in replay_notes:
        md += ["", "```", note, "```"]
    if problems:
        md += ["", "Problems:", "", "```", *problems, "```"]
    text = "\n".join(md) + "\n"
    (RESULTS / "latest.md").write_text(text, encoding="utf-8")
    log(f"written to {RESULTS / 'latest.md'}")
    if args.markdown:
        args.markdown.write_text(text, encoding="utf-8")
        log(f"written to {args.markdown}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
