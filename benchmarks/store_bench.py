"""How fast the saved-games file is: committing one step, opening a store that holds 1,000 plans,
deleting a plan for good, and continuing a long game.

``measure(quick=False) -> list[dict(name, value, unit, target)]``; run this file to print a table.
Everything runs in a fresh temporary folder on the same disk as the user's data would normally be,
so the times include the real fsyncs (``synchronous=EXTRA``, rollback journal).
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

from game.model import commands as C  # noqa: E402
from game.model.autoplay import choose  # noqa: E402
from game.model.deck import DeckSet  # noqa: E402
from game.model.deckload import load_deckset  # noqa: E402
from game.model.engine import Game  # noqa: E402
from game.paths import DECKS_DIR  # noqa: E402
from game.store import open_store  # noqa: E402
from game.store.session import PlaySession  # noqa: E402

# Targets: a tap must answer at once (~100 ms is where people notice a lag), and the game must start
# in well under a second, so opening the file gets a fifth of that.
TARGET_COMMIT_MEDIAN_MS = 10.0
TARGET_COMMIT_WORST_MS = 100.0
TARGET_OPEN_MS = 200.0
TARGET_DELETE_MS = 2000.0
# Checking for damage is part of opening (quick) or a once-a-day pause at the start screen (full).
TARGET_QUICK_CHECK_MS = 100.0
TARGET_FULL_CHECK_MS = 1000.0
TARGET_RESUME_MS = 500.0


def deckset() -> DeckSet:
    """The shipped main deck, read and checked by the game's own loader."""
    return load_deckset([DECKS_DIR / "making-it-real.yaml"])


def setup(title: str = "Rose House") -> dict:
    shapes = ("circle", "square", "triangle", "diamond")
    return {
        "mode": "group",
        "players": [
            {"id": f"p{i}", "name": f"Player {i}", "shape": shapes[i], "colour": "#0072B2"} for i in range(4)
        ],
        "title": title,
        "service": "Rose House supported living",
        "date": "2026-11-23",
        "seed": 3,
    }


def whole_game(decks: DeckSet, seed: int = 1) -> Game:
    g = Game.new(decks)
    g.apply(C.StartGame(setup=setup(), at=1000.0))  # the newest board, as a session starts on
    rng = random.Random(seed)
    n = 0
    while g.state.phase != "finished":
        cmd = choose(g, rng)
        cmd["at"] = 1001.0 + n
        n += 1
        assert g.apply(cmd).ok
    return g


def measure(quick: bool = False) -> list[dict]:
    steps = 100 if quick else 500
    plans = 200 if quick else 1000
    decks = deckset()
    game = whole_game(decks)
    log = game.log
    plan = game.plan().to_dict()
    tmp = Path(tempfile.mkdtemp(prefix="mir-store-bench-"))
    rows: list[dict] = []
    try:
        # 1. commit one step: the store's share of answering a tap
        with open_store(tmp / "commit") as store:
            assert store.problem is None, store.problem
            store.create_game("g-bench", decks.to_dict(), {"title": "Rose House"})
            times = []
            for i in range(steps):
                cmd = log[i % len(log)]
                t0 = time.perf_counter()
                ok = store.append("g-bench", cmd)
                times.append((time.perf_counter() - t0) * 1000)
                assert ok, store.problem
        rows.append(
            figure("store: commit one step, median", statistics.median(times), "ms", TARGET_COMMIT_MEDIAN_MS)
        )
        rows.append(
            figure(f"store: commit one step, worst of {steps}", max(times), "ms", TARGET_COMMIT_WORST_MS)
        )

        # 2. a whole game through PlaySession (engine + commit), per step
        with open_store(tmp / "session") as store:
            t0 = time.perf_counter()
            s = PlaySession.start(store, decks, setup(), at=1000.0)
            for cmd in log[1:]:
                s.apply(cmd)
            per = (time.perf_counter() - t0) * 1000 / len(log)
            assert s.unsaved == 0 and s.plan_id
            gid = s.game_id
        rows.append(
            figure(
                f"store: play and save a {len(log)}-step game, per step", per, "ms", TARGET_COMMIT_WORST_MS
            )
        )

        # 3. continue that game: open, read and replay
        t0 = time.perf_counter()
        with open_store(tmp / "session") as store:
            back = PlaySession.resume(store, gid)
            assert back.game.state_dict() == s.game.state_dict()
        rows.append(
            figure(
                f"store: open and resume a {len(log)}-step game",
                (time.perf_counter() - t0) * 1000,
                "ms",
                TARGET_RESUME_MS,
            )
        )

        # 4. open a store holding 1,000 finished plans
        with open_store(tmp / "many") as store:
            for i in range(plans):
                store.add_plan({**plan, "title": f"Service {i % 50}", "date": f"2026-{1 + i % 12:02d}-01"})
        size_mb = (tmp / "many" / "games.db").stat().st_size / 1e6
        opens = []
        for _ in range(3 if quick else 5):
            t0 = time.perf_counter()
            store = open_store(tmp / "many")
            store.latest_plan("Service 7", "Rose House supported living")
            opens.append((time.perf_counter() - t0) * 1000)
            assert store.problem is None
            store.close()
        rows.append(
            figure(
                f"store: open with {plans:,} plans ({size_mb:.0f} MB) and find the last plan",
                statistics.median(opens),
                "ms",
                TARGET_OPEN_MS,
            )
        )

        # 4b. the damage checks the open runs: quick ones every time, the full one once a day
        import sqlite3

        from game.store import damage

        con = sqlite3.connect(tmp / "many" / "games.db")
        for label, check, target in (
            ("quick checks (every open)", damage.quick_findings, TARGET_QUICK_CHECK_MS),
            ("full check (once a day)", damage.full_findings, TARGET_FULL_CHECK_MS),
        ):
            took = []
            for _ in range(3):
                t0 = time.perf_counter()
                assert check(con) == []
                took.append((time.perf_counter() - t0) * 1000)
            rows.append(
                figure(f"store: {label}, {size_mb:.0f} MB file", statistics.median(took), "ms", target)
            )
        con.close()

        # 5. delete one plan for good (secure delete + VACUUM of the whole file)
        with open_store(tmp / "many") as store:
            victim = store.list_plans()[plans // 2]["id"]
            t0 = time.perf_counter()
            store.delete(victim)
            rows.append(
                figure(
                    f"store: delete one plan of {plans:,} for good",
                    (time.perf_counter() - t0) * 1000,
                    "ms",
                    TARGET_DELETE_MS,
                )
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    return report(measure(quick="--quick" in (argv if argv is not None else sys.argv[1:])))


if __name__ == "__main__":
    raise SystemExit(main())
