"""The store benchmark runs and reports in the shape ``bench`` expects, with the main figures on target."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "store_bench.py"


def test_measure_reports_every_figure_with_a_target():
    spec = importlib.util.spec_from_file_location("store_bench", BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    rows = bench.measure(quick=True)
    names = [r["name"] for r in rows]
    assert len(rows) == 8 and len(set(names)) == 8  # 8: with the two damage-check figures
    for r in rows:
        assert set(r) == {"name", "value", "unit", "target"}
        assert r["unit"] == "ms" and r["value"] >= 0 and r["target"] > 0
    median = next(r for r in rows if r["name"] == "store: commit one step, median")
    # The machine running the tests may be busy (fsync times vary tenfold under load), so this only
    # checks that a tap is still answered at once; the table from `bench` compares with the target.
    assert median["value"] <= 100, median


def test_the_virtual_screen_for_window_figures_has_the_size_asked_for():
    """The 4K window figure must be drawn on a 4K virtual screen, not a 1080p one."""
    import shutil
    import subprocess
    import sys

    import pytest

    if not shutil.which("Xvfb"):
        pytest.skip("Xvfb is not installed")
    spec = importlib.util.spec_from_file_location("bench_run", BENCH.parent / "run.py")
    run = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(run)
    proc, env = run._virtual_screen("1600x900x24")
    try:
        probe = (
            "import pygame; pygame.display.init(); i = pygame.display.Info(); print(i.current_w, i.current_h)"
        )
        env = {**env, "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
        res = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60
        )
        assert res.stdout.split() == ["1600", "900"], res.stderr
    finally:
        proc.terminate()
        proc.wait()
