"""How the provider's report scales: a generated folder of 10,000 sample plans (1,000 with ``--quick``)
read into the whole report (HTML page and spreadsheet), against only ``json.load``-ing the same files.

``measure(quick=False) -> list[dict(name, value, unit, target)]``; run this file to print a table.
Targets, from the issue: the whole report takes at most three times as long as parsing the files,
and memory stays flat as the folder grows: the peak while reading ten times as many plans grows by
less than half (measured in fresh processes, as the high-water mark of the process's memory).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT, ROOT / "benchmarks"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from bench_table import figure, report  # noqa: E402

from game.report import make_report  # noqa: E402
from game.report.sample import make_sample  # noqa: E402

TODAY = dt.date(2026, 12, 1)
TARGET_RATIO = 3.0
TARGET_MEMORY_GROWTH = 1.5

PEAK_PROBE = """
import datetime as dt, sys, tracemalloc
sys.path.insert(0, {root!r})
from game.report import make_report
tracemalloc.start()
done = make_report({folder!r}, {out!r}, dt.date.fromisoformat({today!r}))
heap = tracemalloc.get_traced_memory()[1]
hwm = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(done.tally.plans, heap, hwm, flush=True)
"""


def json_load_only(folder: Path) -> tuple[float, float]:
    """The baseline: walk the folder and ``json.load`` every .json file, nothing else."""
    return timed(lambda: _load_all(folder))


def timed(work) -> tuple[float, float]:
    """(processor seconds, wall seconds) of ``work()``. Processor time is what the ratio uses: on a
    machine shared with other work, wall time also counts the time the others had the processor."""
    c0, t0 = time.process_time(), time.perf_counter()
    work()
    return time.process_time() - c0, time.perf_counter() - t0


def _load_all(folder: Path) -> None:
    for root, _dirs, files in os.walk(folder):
        for name in files:
            if name.endswith(".json"):
                with open(os.path.join(root, name), encoding="utf-8") as f:
                    try:
                        json.load(f)
                    except ValueError:
                        pass  # the sample's damaged files cost the baseline as much as the report


def peak(folder: Path, out: Path) -> tuple[int, float, float]:
    """(plans counted, peak Python heap MB, peak process memory MB) for one report in a fresh process."""
    code = PEAK_PROBE.format(root=str(ROOT), folder=str(folder), out=str(out), today=TODAY.isoformat())
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=1200)
    lines = res.stdout.strip().splitlines()
    if not lines:
        raise RuntimeError(res.stderr.strip()[-300:])
    plans, heap, hwm = lines[-1].split()
    return int(plans), int(heap) / 2**20, int(hwm) / 1024


def measure(quick: bool = False, plans: int | None = None) -> list[dict]:
    count = plans or (1_000 if quick else 10_000)
    tmp = Path(tempfile.mkdtemp(prefix="mir-report-bench-"))
    try:
        small, big, out = tmp / "small", tmp / "big", tmp / "out"
        made = make_sample(big, services=10**6, seed=5, today=TODAY, plans=count)
        make_sample(small, services=10**6, seed=5, today=TODAY, plans=count // 10)
        size = sum(p.stat().st_size for p in big.rglob("*.json")) / 2**20
        json_load_only(big)  # warm the file cache, so both timings read from memory alike
        loads, reports = [], []
        for _ in range(1 if quick else 2):
            loads.append(json_load_only(big))
            reports.append(timed(lambda: make_report(big, out, TODAY)))
        (load_s, load_wall), (report_s, report_wall) = min(loads), min(reports)
        _n, heap_small, rss_small = peak(small, out)
        counted, heap_big, rss_big = peak(big, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    label = f"{made['plans']:,} plans, {size:.0f} MB"
    rows = [
        figure(f"report: json.load only, {label} (processor time)", load_s, "s", None),
        figure(f"report: whole report (HTML + xlsx), {label} (processor time)", report_s, "s", None),
        figure(f"report: whole report / json.load only, {label}", report_s / load_s, "x", TARGET_RATIO),
        figure(f"report: peak memory (process), {count // 10:,} plans", rss_small, "MB", None),
        figure(f"report: peak memory (process), {counted:,} plans", rss_big, "MB", None),
        figure(
            "report: peak memory growth for 10x the plans (process)",
            rss_big / rss_small,
            "x",
            TARGET_MEMORY_GROWTH,
        ),  # fmt: skip
        figure(f"report: peak Python heap, {counted:,} plans", heap_big, "MB", None),
    ]
    rows[2]["note"] = f"wall clock: {report_wall:.2f} s / {load_wall:.2f} s = {report_wall / load_wall:.2f}x"
    rows[-1]["note"] = f"{heap_small:.1f} MB for {count // 10:,} plans"
    return rows


def main(argv: list[str] | None = None) -> int:
    return report(measure(quick="--quick" in (argv if argv is not None else sys.argv[1:])))


if __name__ == "__main__":
    raise SystemExit(main())
