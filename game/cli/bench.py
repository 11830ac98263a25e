"""``making-it-real bench``: runs benchmarks/run.py from the project folder and prints its table."""

from __future__ import annotations

import runpy
import sys

from game.paths import ROOT


def run(args) -> int:
    script = ROOT / "benchmarks" / "run.py"
    if not script.exists():
        print(f"The benchmarks are not here ({script}). Run from a copy of the project folder.")
        return 2
    sys.path.insert(0, str(script.parent))
    module = runpy.run_path(str(script))
    return int(module["main"](["--quick"] if args.quick else []))
