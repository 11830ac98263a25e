"""How fast the plan exports: a generated 200-turn plan (eight players, notes on every prompt, an
action every other turn) written in every format, each format on its own, and the JSON read back.

``measure(quick=False) -> list[dict(name, value, unit, target)]``; run this file to print a table.
The target comes from the export screen: pressing "Export" should feel immediate, so all formats
together get one second, and reading a plan file to start a review gets a fifth of that.
"""

from __future__ import annotations

import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT, ROOT / "benchmarks"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from bench_table import figure, report  # noqa: E402

from game.export import FORMATS, export_plan, render_all  # noqa: E402
from game.export.sample import long_plan  # noqa: E402
from game.model.planio import plan_to_json, read_plan  # noqa: E402

TURNS = 200
TARGET_ALL_MS = 1000.0
TARGET_READ_MS = 200.0


def _median_ms(work, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        work()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def measure(quick: bool = False) -> list[dict]:
    repeats = 3 if quick else 7
    plan = long_plan(TURNS, random.Random(2026))
    rows: list[dict] = []
    tmp = Path(tempfile.mkdtemp(prefix="mir-export-bench-"))
    try:
        counter = iter(range(10_000))
        all_ms = _median_ms(lambda: export_plan(plan, FORMATS, tmp / f"run-{next(counter)}"), repeats)
        rows.append(figure(f"export: {TURNS}-turn plan, all formats to disk", all_ms, "ms", TARGET_ALL_MS))
        for name in FORMATS:
            ms = _median_ms(lambda name=name: render_all(plan, [name]), repeats)
            rows.append(
                figure(f"export: {TURNS}-turn plan, {name} only (in memory)", ms, "ms", TARGET_ALL_MS)
            )
        text = plan_to_json(plan)
        rows.append(figure(f"export: read a {TURNS}-turn plan file", _median_ms(lambda: read_plan(text), repeats), "ms",
                         TARGET_READ_MS))  # fmt: skip
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    return report(measure(quick="--quick" in (argv if argv is not None else sys.argv[1:])))


if __name__ == "__main__":
    raise SystemExit(main())
