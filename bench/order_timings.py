"""Issue 17's figures for shops with a year of orders (bench/order_history.py),
each beside the same catalog with no orders, measured in the same run.

Per shop (every one a fresh temp copy of its cache):
- cold start to a painted window and its peak RSS (bench/cold_start.py);
- cold ``open_shop()`` in a fresh process (imports excluded);
- read-model rebuild in a fresh process (bench/core_timings.py's script);
- opening with the read model gone: to a usable read model (the counter's
  part first, for a long history) and to the complete one (built in the
  background), in a fresh process;
- Place Order -> repaint (gui_timings.time_place_order, "All products"),
  and the same for a customer (the history's first, with her orders; in
  the 0-orders shop one added untimed) chosen in the order's picker;
- payment -> repaint: RecordPayment (card, the whole total) of an order
  placed untimed just before, through the window's bridge as the Pay dialog
  sends it, the events the bridge queued processed, then the product
  table's viewport repainted;
- GetOrders for one day: the busiest day of the history (for 0 orders: the
  same date, empty) and today (empty in every shop); a customer's orders
  (the same customer); an order by its number (the Orders tab's filter:
  the history's middle one, none in the 0-orders shop);
- bytes written by the read-model save after one sale: ``wchar`` of
  /proc/self/io around ``Shop.save_read_model()`` after a PlaceOrder.
"""

import gc
import statistics
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from bench import cold_start, core_timings, shop_builder


def _wchar() -> int:
    with open("/proc/self/io", encoding="ascii") as f:
        for line in f:
            if line.startswith("wchar:"):
                return int(line.split()[1])
    return 0


def _day_ms(shop, day: date, repeats: int) -> tuple[list[float], int]:
    from core.queries import GetOrders

    return _query_ms(shop, GetOrders(date_from=day, date_to=day), repeats)


def _query_ms(shop, query, repeats: int) -> tuple[list[float], int]:
    """Samples of asking ``query`` (the first ask left out) and how many it found."""
    samples, n = [], 0
    for _ in range(repeats + 1):
        t = time.perf_counter_ns()
        n = len(shop.ask(query))
        samples.append((time.perf_counter_ns() - t) / 1e6)
    return samples[1:], n


def a_customer(shop) -> int:
    """The first customer (the history's have orders), added if there is none."""
    from core.commands import AddCustomer
    from core.queries import GetCustomers

    customers = shop.ask(GetCustomers())
    return min(c.id for c in customers) if customers else shop.dispatch(AddCustomer("Bench Customer"))


# Opening a shop whose read model is gone: open_shop() returning with a
# usable read model (the counter's part, for a long history) is "usable";
# the rest of the history is then built in the background: "complete".
_REBUILD_STAGED = """
import json, shutil, sys, time
from pathlib import Path
from core import open_shop
shutil.rmtree(Path(sys.argv[1]) / "read_model")
t0 = time.perf_counter_ns()
shop = open_shop(sys.argv[1])
t1 = time.perf_counter_ns()
while shop.loading_history:
    time.sleep(0.01)
t2 = time.perf_counter_ns()
shop.close()
print(json.dumps({"usable": (t1 - t0) / 1e6, "complete": (t2 - t0) / 1e6}))
"""


def core_samples(cache: Path, busiest: date, repeats: int, heavy: int, tmp: Path, log=print) -> dict:
    """Everything but the window in this process."""
    from core import open_shop
    from core.commands import OrderLine, PlaceOrder
    from core.queries import CountOrders, GetOrders

    out = {}
    shop_dir = shop_builder.fresh_copy(cache, "shop", tmp / "core")
    t = time.perf_counter()
    out["cold_open"] = [core_timings._in_fresh_process(core_timings._OPEN_OURS, shop_dir)["open"] for _ in range(heavy)]
    out["rebuild"] = [core_timings._in_fresh_process(core_timings._REBUILD_OURS, shop_dir)["ms"] for _ in range(heavy)]
    staged = [core_timings._in_fresh_process(_REBUILD_STAGED, shop_dir) for _ in range(heavy)]
    out["rebuild_usable"] = [s["usable"] for s in staged]
    out["rebuild_complete"] = [s["complete"] for s in staged]
    log(f"    cold open_shop + rebuild: {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    start = []
    mb = []
    for _ in range(heavy):
        ms, rss = cold_start.measure("ours", shop_dir, shop_builder.manifest(cache)["size"])
        start.append(ms)
        mb.append(rss)
    out["start_ms"], out["start_mb"] = start, mb
    log(f"    cold start (window): {time.perf_counter() - t:.1f} s")
    shop = open_shop(shop_dir)
    try:
        out["day_busy"], out["day_busy_n"] = _day_ms(shop, busiest, repeats)
        out["day_today"], _n = _day_ms(shop, datetime.now().date(), repeats)
        customer = a_customer(shop)
        out["customer_orders"], out["customer_orders_n"] = _query_ms(shop, GetOrders(customer_id=customer), repeats)
        middle = max(1, shop.ask(CountOrders()) // 2)
        out["by_number"], _n = _query_ms(shop, GetOrders(number=middle), repeats)
        written = []
        for i in range(max(3, repeats // 2)):
            shop.dispatch(PlaceOrder((OrderLine(1 + i, 1), OrderLine(50 + i, 1), OrderLine(300 + i, 1))))
            before = _wchar()
            shop.save_read_model()
            written.append((_wchar() - before) / 1e6)
        out["bytes_mb"] = written
    finally:
        shop.close()
    gc.collect()
    return out


def gui_samples(cache: Path, manifest: dict, repeats: int, warmup: int, tmp: Path, log=print) -> dict:
    """Place Order -> repaint and payment -> repaint on the real window."""
    from PySide6.QtWidgets import QApplication

    from bench import gui_timings
    from core import open_shop
    from core.commands import OrderLine, PlaceOrder, RecordPayment
    from core.queries import GetOrder
    from shop_gui import start
    from shop_gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    shop = open_shop(shop_builder.fresh_copy(cache, "shop", tmp / "gui"))
    window = MainWindow(shop)
    start.collect_from_now_on()  # as shop_gui.app.main does once the window is made
    window.pay_after_placing = False
    out = {}
    try:
        d = gui_timings._prepare(window, 30)
        t = time.perf_counter()
        out["place"] = gui_timings.time_place_order(d, gui_timings.ALL_PRODUCTS, repeats, warmup, 30, 60)
        log(f"    Place Order -> repaint: {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        customer = a_customer(shop)
        window.customer_directory.reload()  # the window does so when it next shows customers
        gui_timings.settle(30)

        def choose_customer():
            if not window.order_form.customer_picker.set_customer(customer):
                raise gui_timings.BenchError(f"customer {customer} is not in the order's picker")

        out["place_customer"] = gui_timings.time_place_order(
            d, gui_timings.ALL_PRODUCTS, repeats, warmup, 30, 60, offset=5, before_place=choose_customer
        )
        log(f"    Place Order for a customer -> repaint: {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        paid = []
        bridge = window.bridge
        for i in range(warmup + repeats):
            size = manifest["size"]
            outcome = bridge.dispatch(PlaceOrder((OrderLine(size // 2 + i, 1), OrderLine(size // 3 + i, 2))))
            if not outcome.ok:
                raise gui_timings.BenchError(f"PlaceOrder before the payment failed: {outcome}")
            order_id = outcome.result
            total = bridge.ask(GetOrder(order_id)).total_cents
            gui_timings.settle(30)
            paints = d.paints.count
            t0 = gui_timings.now_ms()
            result = bridge.dispatch(RecordPayment(order_id, "card", total))
            app.processEvents(gui_timings._ALL_EVENTS)
            d.table.viewport().repaint()
            t1 = gui_timings.now_ms()
            if not result.ok or bridge.ask(GetOrder(order_id)).status != "paid":
                raise gui_timings.BenchError(f"order {order_id} was not paid: {result}")
            if d.paints.count == paints:
                raise gui_timings.BenchError("the product table's viewport was not painted")
            if i >= warmup:
                paid.append(t1 - t0)
        out["pay"] = paid
        log(f"    payment -> repaint: {time.perf_counter() - t:.1f} s")
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
        shop.close()
    gc.collect()
    return out


def measure(caches: dict[int, Path], repeats: int, heavy: int, warmup: int, with_gui: bool, log=print) -> dict:
    """{orders: {key: samples}} for each cached shop (0: the catalog alone)."""
    results = {}
    busiest = None
    for _n, cache in sorted(caches.items(), reverse=True):
        manifest = shop_builder.manifest(cache)
        if busiest is None and "history" in manifest:
            # The history's busiest day is a Saturday near its end: the last one.
            last = date.fromisoformat(manifest["history"]["last_day"])
            busiest = date.fromordinal(last.toordinal() - (last.weekday() - 5) % 7)
    busiest = busiest or datetime.now().date()
    for n, cache in sorted(caches.items()):
        log(f"== {n:,} orders")
        with tempfile.TemporaryDirectory(prefix=f"bench-orders-{n}-") as tmp:
            tmp = Path(tmp)
            for sub in ("core", "gui"):
                (tmp / sub).mkdir()
            r = core_samples(cache, busiest, repeats, heavy, tmp, log)
            if with_gui:
                r.update(gui_samples(cache, shop_builder.manifest(cache), repeats, warmup, tmp, log))
        results[n] = r
        log(f"    {busiest} has {r['day_busy_n']:,} orders; bytes per save {statistics.median(r['bytes_mb']):.2f} MB")
    return results


if __name__ == "__main__":
    sys.exit("run bench/run_bench.py --orders N")
