"""Figures (median and p90 of repeated samples) and the table they are printed in."""

import math
import platform
import statistics
from dataclasses import dataclass, field


def p90(samples: list[float]) -> float:
    """90th percentile, nearest-rank (an observed value, never interpolated)."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


@dataclass
class Figure:
    """One row of the table: our samples and the baseline's, in milliseconds
    unless ``unit`` says otherwise (the figure's name then says it too).

    Targets: ``target_median`` (and ``target_p90``) bound our median (p90);
    with ``higher_is_better`` (a rate) the median must reach it instead.
    ``target_ratio`` bounds our median to that many times the baseline's."""

    name: str
    size: int
    ours: list[float]
    baseline: list[float] = field(default_factory=list)
    baseline_name: str = ""
    target_median: float | None = None
    target_p90: float | None = None
    note: str = ""
    unit: str = "ms"
    higher_is_better: bool = False
    target_ratio: float | None = None

    @property
    def ours_median(self) -> float | None:
        return statistics.median(self.ours) if self.ours else None

    @property
    def ours_p90(self) -> float | None:
        return p90(self.ours) if self.ours else None

    @property
    def baseline_median(self) -> float | None:
        return statistics.median(self.baseline) if self.baseline else None

    @property
    def baseline_p90(self) -> float | None:
        return p90(self.baseline) if self.baseline else None

    @property
    def ratio(self) -> float | None:
        """How many times better than the baseline (above 1: we are better)."""
        if not self.baseline or not self.ours or self.ours_median <= 0 or self.baseline_median <= 0:
            return None
        if self.higher_is_better:
            return self.ours_median / self.baseline_median
        return self.baseline_median / self.ours_median

    @property
    def target(self) -> str:
        unit = "" if self.unit == "ms" else f" {self.unit}"
        if self.target_ratio is not None:
            text = f"<={self.target_ratio:g}x baseline"
            if self.target_median is not None:  # both bound the median
                text += f", <={self.target_median:,g}{unit}"
            return text
        if self.target_median is None:
            return "-"
        if self.higher_is_better:
            return f">={self.target_median:,g}{unit}"
        text = f"<={self.target_median:,g}{unit}"
        if self.target_p90 is not None:
            text += f" (p90 <={self.target_p90:g})"
        return text

    @property
    def status(self) -> str:
        if self.target_median is None and self.target_ratio is None:
            return "-"
        if not self.ours or (self.target_ratio is not None and not self.baseline):
            return "n/a"
        if self.target_ratio is not None:
            ok = self.ours_median <= self.target_ratio * self.baseline_median
            if self.target_median is not None:
                ok = ok and self.ours_median <= self.target_median
        elif self.higher_is_better:
            ok = self.ours_median >= self.target_median
        else:
            ok = self.ours_median <= self.target_median
        if self.target_p90 is not None:
            ok = ok and self.ours_p90 <= self.target_p90
        return "OK" if ok else "MISS"


def _ms(value: float | None) -> str:
    if value is None:
        return "-"
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def _ratio(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:,.1f}x" if value >= 1 else f"{value:.2f}x"


HEADERS = (
    "Figure",
    "Products",
    "Ours median",
    "Ours p90",
    "Baseline median",
    "Baseline p90",
    "Better by",
    "Target",
    "Status",
    "n",
)


def rows(figures: list[Figure]) -> list[tuple[str, ...]]:
    out = []
    for f in figures:
        ratio = f.ratio
        n = f"{len(f.ours)}/{len(f.baseline)}" if f.baseline else f"{len(f.ours)}"
        out.append(
            (
                f.name,
                f"{f.size:,}" if f.size else "-",
                _ms(f.ours_median),
                _ms(f.ours_p90),
                _ms(f.baseline_median),
                _ms(f.baseline_p90),
                _ratio(ratio),
                f.target,
                f.status,
                n,
            )
        )
    return out


def text_table(figures: list[Figure], size_header: str = "Products") -> str:
    headers = (HEADERS[0], size_header, *HEADERS[2:])
    table = [headers, *rows(figures)]
    widths = [max(len(r[i]) for r in table) for i in range(len(HEADERS))]
    numeric = set(range(1, 7)) | {9}

    def line(r):
        return "  ".join(c.rjust(w) if i in numeric else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths)))

    out = [line(headers), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in table[1:]]
    return "\n".join(out)


def markdown_table(figures: list[Figure], size_header: str = "Products") -> str:
    out = [
        "| " + " | ".join((HEADERS[0], size_header, *HEADERS[2:])) + " |",
        "|" + "|".join("---" if i in (0, 7, 8) else "---:" for i in range(len(HEADERS))) + "|",
    ]
    out += ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in rows(figures)]
    return "\n".join(out)


def fsync_probe(samples: int = 15) -> float:
    """Median ms to write a 64 KB file, fsync it and rename it over another, in
    the temp dir: what one read-model table write costs on this disk now."""
    import os
    import tempfile
    import time

    data = os.urandom(64 * 1024)
    times = []
    with tempfile.TemporaryDirectory(prefix="bench-fsync-") as folder:
        target = os.path.join(folder, "table.json")
        for i in range(samples):
            tmp = f"{target}.{i}.tmp"
            t = time.perf_counter()
            with open(tmp, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)
            times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def environment() -> dict[str, str]:
    import os

    import sqlalchemy
    import tinydb

    env = {
        "Python": platform.python_version(),
        "CPU": f"{cpu_model()} ({os.cpu_count()} logical CPUs)",
        "OS": platform.platform(),
        "SQLAlchemy": sqlalchemy.__version__,
        "TinyDB": tinydb.__version__,
    }
    try:
        import sqlite3

        env["SQLite"] = sqlite3.sqlite_version
        import PySide6
        from PySide6 import QtCore

        env["PySide6"] = f"{PySide6.__version__} (Qt {QtCore.qVersion()})"
        env["QPA platform"] = os.environ.get("QT_QPA_PLATFORM", "(default)")
    except ImportError:
        env["PySide6"] = "not installed"
    return env
