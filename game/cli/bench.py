"""``making-it-real bench``: runs benchmarks/run.py from the project folder and prints its table."""

from __future__ import annotations

import runpy
import sys

from game.cli.console import write
from game.paths import ROOT
from game.words import Words


def run(args) -> int:
    script = ROOT / "benchmarks" / "run.py"
    if not script.exists():
        write(Words(getattr(args, "language", None)).get("cli_bench_missing", script=script), sys.stderr)
        return 2
    sys.path.insert(0, str(script.parent))
    module = runpy.run_path(str(script))
    return int(module["main"](["--quick"] if args.quick else []))
