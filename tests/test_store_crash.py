"""Kill a game with SIGKILL at many moments; every step it reported saved must come back, exactly.

A child process plays a scripted game into a store and prints a line after each step is committed.
The parent kills it at 20 random points (some right after a line, some a moment later, so kills land
inside commits too), reopens the store and checks: every reported step is there, the saved log is a
prefix of the script, and "Continue" (PlaySession.resume) gives the state Game.replay gives.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest
from test_store_helpers import REPO, child_env, script, setup, tiny_decks

from game.model import commands as C
from game.model.engine import Game
from game.store import open_store
from game.store.session import PlaySession

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

KILLS = 20


def _kill_after(data_dir, spec_path, lines_wanted: int, extra_delay: float) -> tuple[int, bool]:
    """Run the child until it has reported ``lines_wanted`` saved steps, wait a moment, SIGKILL it.
    Returns (steps the child said were saved, whether it finished first)."""
    proc = subprocess.Popen(
        [
            sys.executable,
            str(REPO / "tests" / "test_store_helpers.py"),
            "play",
            str(data_dir),
            str(spec_path),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_env(),
        text=True,
    )
    reported = -1
    finished = False
    try:
        seen = 0
        for line in proc.stdout:
            line = line.strip()
            if line == "done":
                finished = True
                break
            reported = int(line)
            seen += 1
            if seen >= lines_wanted:
                if extra_delay:
                    time.sleep(extra_delay)
                break
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
        err = proc.stderr.read()
        proc.stdout.close()
        proc.stderr.close()
    assert "Traceback" not in err, err
    return reported, finished


def test_sigkill_at_twenty_points_loses_no_committed_step(tmp_path):
    commands = script(seed=3)
    start = C.StartGame(setup=setup(), at=1000.0).to_dict()  # the newest board, as script() plays on
    full_log = [start, *commands]
    reference = Game.new(tiny_decks())
    states = []  # states[n] = the state after the first n logged steps
    states.append(reference.state_dict())
    for cmd in full_log:
        assert reference.apply(cmd).ok
        states.append(reference.state_dict())
    expected_log = reference.log

    rng = random.Random(20261123)
    results = []
    for k in range(KILLS):
        data_dir = tmp_path / f"run{k}"
        spec = tmp_path / f"spec{k}.json"
        game_id = f"g-kill-{k}"
        spec.write_text(json.dumps({"setup": setup(), "game_id": game_id, "commands": commands}), "utf-8")
        wanted = rng.randint(1, len(commands))
        delay = rng.choice([0.0, 0.0, 0.0005, 0.002, 0.01])
        reported, finished = _kill_after(data_dir, spec, wanted, delay)

        with open_store(data_dir) as store:
            assert store.problem is None, store.problem
            deck_dict, saved = store.load_game(game_id)
            # every step the child reported as saved is in the file, in order, and nothing else
            assert len(saved) >= reported
            assert saved == expected_log[: len(saved)]
            resumed = PlaySession.resume(store, game_id)
            replayed = Game.replay(tiny_decks(), saved)
            assert resumed.game.state_dict() == replayed.state_dict() == states[len(saved)]
            assert resumed.problem is None and resumed.unsaved == 0
            if resumed.game.state.phase == "finished":
                assert store.list_plans(), "a finished game that was fully saved keeps its plan"
            results.append((wanted, reported, len(saved), finished))
    # the kills really landed at many different points, not all at the end
    distinct = {n for _, _, n, _ in results}
    assert len(distinct) >= KILLS // 2, results
    assert sum(1 for *_, fin in results if not fin) >= KILLS // 2, results


def test_resumed_game_goes_on_and_saves_after_a_kill(tmp_path):
    commands = script(seed=8)
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps({"setup": setup(), "game_id": "g-on", "commands": commands}), "utf-8")
    reported, _ = _kill_after(tmp_path / "d", spec, len(commands) // 2, 0.0)
    with open_store(tmp_path / "d") as store:
        s = PlaySession.resume(store, "g-on")
        n = s.saved_steps
        assert reported <= n <= len(commands)
        for cmd in commands[n - 1 :]:  # log = start_game + commands
            assert s.apply(cmd).ok
        assert s.unsaved == 0 and s.game.state.phase == "finished"
        reference = Game.new(tiny_decks())
        reference.apply(C.StartGame(setup=setup(), at=1000.0))
        for cmd in commands:
            reference.apply(cmd)
        assert s.game.state_dict() == reference.state_dict()
        assert store.load_game("g-on")[1] == reference.log
