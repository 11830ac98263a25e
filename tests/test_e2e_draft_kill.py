"""Typed words are on disk within 0.3 s of the last key: a SIGKILL half a second after typing loses nothing.

A child process plays through the real screens to a talk step and types a note key by key (real
TEXTINPUT events), says so once the last key is handled, and then idles like the game does. The parent
kills it a moment later and checks that the saved draft holds every letter typed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pygame
import pytest
from test_e2e_failures import pump, real_app, run_queue

from game.store import open_store
from game.ui.autoplay import AutoPlayer

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

REPO = Path(__file__).resolve().parents[1]
TYPED = "The garden needs a bench, 🙂 diolch"


def _child_types_then_idles(data: Path) -> None:
    app = real_app(data)
    ap = AutoPlayer(app, seed=2, mode="group", players=2, headless=True)
    app.seed = 2

    def talking() -> bool:
        top = app.top
        return top.name == "play" and top.phase == "talk" and len(top.game.log) > 6

    pump(app, ap, until=talking)
    ap.queue.clear()
    ap.type_into("note", TYPED[:1])
    run_queue(app, ap)
    for ch in TYPED[1:]:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
        app.step(pygame.event.get())
        time.sleep(0.02)  # a quick typist
    assert app.top.boxes["note"].text == TYPED
    print(app.top.link.game_id, flush=True)
    while True:  # idle, as the game's loop is between keys
        app.step(pygame.event.get())
        time.sleep(0.01)


@pytest.mark.parametrize("delay", [0.35, 0.5])
def test_a_kill_just_after_typing_loses_no_letter(tmp_path, delay):
    data = tmp_path / "data"
    env = dict(os.environ, PYTHONPATH=str(REPO), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    env.pop("MAKING_IT_REAL_DATA", None)
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=str(REPO),
    )
    try:
        game_id = proc.stdout.readline().strip()
        assert game_id, proc.stderr.read()[-3000:]
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    with open_store(data) as store:
        assert store.drafts(game_id).get("note") == TYPED


if __name__ == "__main__":
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    _child_types_then_idles(Path(sys.argv[1]))
