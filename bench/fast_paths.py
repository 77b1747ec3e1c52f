"""A/B of the core's fast paths (core/fast_paths.py, docs/adr/): the same work
with every fast path on, with each one off, and with all off, measured in the
same run on copies of the same cached shop (bench/shop_builder.py).

    .venv/bin/python bench/fast_paths.py [--size 10000] [--repeats 200] [--opens 7] [--only write|open]

- "PlaceOrder": 3 random products through ``Shop.dispatch`` with the
  read-model save deferred, as the window runs it (the commit and the
  in-memory projection: figure 4's "commit + in-memory projection"); the
  save follows each sample, untimed. The configurations take turns sample by
  sample, each on its own open shop, so all see the same machine conditions.
- "Cold open_shop()": a fresh process per sample (imports excluded), and the
  peak RSS of that process; configurations take turns.

Prints the median and p90 of each, and each configuration's median over the
all-on one (above 1x: that fast path saves that much). Nothing is asserted.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench import report, shop_builder  # noqa: E402
from core.fast_paths import FastPaths  # noqa: E402

CONFIGS = {
    "all on": FastPaths(),
    **{f"{name} off": FastPaths().without(name) for name in FastPaths.names()},
    "all off": FastPaths.all_off(),
}

# Peak RSS from VmHWM (this process's own high-water mark; getrusage's
# ru_maxrss would include the parent's size at fork on Linux).
_OPEN = """
import json, re, sys, time
from core import FastPaths, open_shop
fast_paths = FastPaths(**json.loads(sys.argv[2]))
t0 = time.perf_counter_ns()
shop = open_shop(sys.argv[1], fast_paths=fast_paths)
t1 = time.perf_counter_ns()
shop.close()
with open("/proc/self/status") as f:
    mb = int(re.search(r"VmHWM:\\s+(\\d+) kB", f.read())[1]) / 1024
print(json.dumps({"open": (t1 - t0) / 1e6, "mb": mb}))
"""


def _flags(fast_paths: FastPaths) -> str:
    return json.dumps({name: getattr(fast_paths, name) for name in FastPaths.names()})


def time_place_order(cache: Path, size: int, repeats: int, warmup: int, tmp: Path) -> dict[str, list[float]]:
    from core import open_shop
    from core.commands import OrderLine, PlaceOrder

    rng = random.Random(11)
    shops = {}
    try:
        for name, fast_paths in CONFIGS.items():
            folder = shop_builder.fresh_copy(cache, "shop", tmp / name.replace(" ", "_"))
            shops[name] = open_shop(folder, fast_paths=fast_paths)
            shops[name].save_after_each_command = False
        names = list(shops)
        out: dict[str, list[float]] = {name: [] for name in names}
        for i in range(warmup + repeats):
            lines = tuple(OrderLine(pid, 1) for pid in rng.sample(range(1, size + 1), 3))
            turn = names[i % len(names) :] + names[: i % len(names)]
            for name in turn:
                shop = shops[name]
                t0 = time.perf_counter_ns()
                shop.dispatch(PlaceOrder(lines))
                t1 = time.perf_counter_ns()
                shop.save_read_model()
                if i >= warmup:
                    out[name].append((t1 - t0) / 1e6)
        return out
    finally:
        for shop in shops.values():
            shop.close()


def time_cold_open(cache: Path, opens: int, tmp: Path) -> tuple[dict, dict]:
    folder = shop_builder.fresh_copy(cache, "shop", tmp / "cold")
    times: dict[str, list[float]] = {name: [] for name in CONFIGS}
    memory: dict[str, list[float]] = {name: [] for name in CONFIGS}
    for _ in range(opens):
        for name, fast_paths in CONFIGS.items():
            done = subprocess.run(
                [sys.executable, "-c", _OPEN, str(folder), _flags(fast_paths)],
                cwd=REPO,
                check=True,
                capture_output=True,
                text=True,
            )
            result = json.loads(done.stdout.strip().splitlines()[-1])
            times[name].append(result["open"])
            memory[name].append(result["mb"])
    return times, memory


def _table(title: str, samples: dict[str, list[float]], unit: str) -> str:
    base = statistics.median(samples["all on"])
    lines = [f"{title}", f"  {'configuration':<24} {'median':>9} {'p90':>9}  vs all on"]
    for name, values in samples.items():
        median = statistics.median(values)
        lines.append(f"  {name:<24} {median:>9.3f} {report.p90(values):>9.3f}  {median / base:.2f}x  ({unit})")
    return "\n".join(lines)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=10_000, help="catalog size (default: %(default)s)")
    ap.add_argument("--repeats", type=int, default=200, help="PlaceOrder samples per configuration")
    ap.add_argument("--warmup", type=int, default=10)
    ap.add_argument("--opens", type=int, default=7, help="cold opens per configuration")
    ap.add_argument("--only", choices=("write", "open"))
    args = ap.parse_args(argv)
    cache = shop_builder.cached_shop(args.size)
    print(f"Fast paths A/B, {args.size:,} products; load average {os.getloadavg()}")
    with tempfile.TemporaryDirectory(prefix="fast-paths-") as tmp:
        if args.only != "open":
            samples = time_place_order(cache, args.size, args.repeats, args.warmup, Path(tmp) / "write")
            print(
                _table(
                    f"PlaceOrder through Shop.dispatch (commit + in-memory projection), n={args.repeats}", samples, "ms"
                )
            )
        if args.only != "write":
            times, memory = time_cold_open(cache, args.opens, Path(tmp) / "open")
            print(_table(f"Cold open_shop() in a fresh process, n={args.opens}", times, "ms"))
            print(_table("  its peak RSS", memory, "MB"))
    print(f"load average at the end {os.getloadavg()}")


if __name__ == "__main__":
    main()
