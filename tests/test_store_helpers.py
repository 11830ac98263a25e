"""Shared pieces for the store tests: a small deck built in code, scripted games, file inspection,
and a child-process game player (run this file as a script) for the kill and no-network tests.

Kept independent of the shipped deck files and of other tests' fixtures, so store tests only break
when the store (or the engine's public API) does.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # when run as a script by a test
    sys.path.insert(0, str(REPO))

from game.model import commands as C  # noqa: E402
from game.model.deck import Card, DeckInfo, DeckSet, Prompt, ScalePoint, Theme  # noqa: E402

THEMES = ("living", "information", "connected", "my-way", "control", "people")


def tiny_decks() -> DeckSet:
    colours = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00")
    return DeckSet(
        decks=(DeckInfo(id="store-test", title="Store test deck", version="1.0", language="en-GB"),),
        themes=tuple(
            Theme(id=t, title=f"Theme {t}", question=f"How do you help with {t}?", colour=c, icon=t)
            for t, c in zip(THEMES, colours, strict=True)
        ),
        cards=tuple(
            Card(id=f"{t}-{i:02d}", theme=t, text=f"I statement {i} about {t}.", deck="store-test")
            for t in THEMES
            for i in range(1, 5)
        ),
        prompts=(
            Prompt("helps", "What do we do that helps?", "do"),
            Prompt("dont", "What don't we do?", "dont"),
            Prompt("together", "How can we work together to make this real?", "together"),
        ),
        scale=(
            ScalePoint("real", "This is real for me", "✔", "scale-real"),
            ScalePoint("sometimes", "Sometimes", "◐", "scale-sometimes"),
            ScalePoint("not-yet", "Not yet", "✗", "scale-not-yet"),
            ScalePoint("not-sure", "Not sure", "?", "scale-not-sure"),
        ),
    )


def setup(**over) -> dict:
    s = {
        "mode": "group",
        "players": [
            {"id": "p1", "name": "Siân", "shape": "circle", "colour": "#0072B2"},
            {"id": "p2", "name": "Ahmed", "shape": "square", "colour": "#D55E00"},
            {"id": "p3", "name": "Jo", "shape": "triangle", "colour": "#009E73"},
        ],
        "themes": list(THEMES),
        "length": {"kind": "themes", "value": 0},
        "title": "Rose House",
        "service": "Rose House supported living",
        "date": "2026-11-23",
        "dice": True,
        "seed": 11,
    }
    s.update(over)
    return s


def script(
    seed: int = 5, steps: int | None = None, notes: dict[int, str] | None = None, **setup_over
) -> list:
    """The commands of a whole game (after start_game), chosen by the engine's auto-player.

    ``notes`` swaps in typed text at given step numbers where a note can be added, so tests can
    follow particular words (a marker, emoji) into the file.
    """
    from game.model.autoplay import choose
    from game.model.engine import Game

    g = Game.new(tiny_decks())
    assert g.apply(
        C.StartGame(setup=setup(**setup_over), at=1000.0)
    ).ok  # the newest board, as a session starts on
    rng = random.Random(seed)
    out: list[dict] = []
    notes = dict(notes or {})
    while g.state.phase != "finished" and (steps is None or len(out) < steps):
        cmd = choose(g, rng)
        if notes and g.state.phase == "talk":
            cmd = {"type": "add_note", "text": notes.pop(min(notes)), "author": None}
        cmd["at"] = 1001.0 + len(out)
        res = g.apply(cmd)
        assert res.ok, (cmd, res)
        out.append(cmd)
    return out


def file_bytes(folder: Path, name: str = "games.db") -> bytes:
    """Everything SQLite may hold for the file: the database and any journal or WAL beside it."""
    data = b""
    for suffix in ("", "-journal", "-wal", "-shm"):
        p = folder / (name + suffix)
        if p.exists():
            data += p.read_bytes()
    return data


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def child_env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("SDL_VIDEODRIVER", "dummy")
    env.setdefault("SDL_AUDIODRIVER", "dummy")
    env.pop("MAKING_IT_REAL_DATA", None)
    return env


def _child_play(data_dir: str, script_path: str) -> None:
    """Play a scripted game into the store, printing the number of saved steps after each one.

    A line is printed only after ``PlaySession.apply`` has returned, i.e. after the commit: the parent
    may kill this process at any moment and still expect every printed step to be in the file.
    """
    from game.store import open_store
    from game.store.session import PlaySession

    spec = json.loads(Path(script_path).read_text(encoding="utf-8"))
    store = open_store(data_dir)
    assert store.problem is None, store.problem
    session = PlaySession.start(store, tiny_decks(), spec["setup"], game_id=spec["game_id"], at=1000.0)
    assert session.outcome.ok
    print(session.saved_steps, flush=True)
    for i, cmd in enumerate(spec["commands"]):
        assert session.apply(cmd).ok
        if i % 7 == 3:
            session.save_draft("note", f"typing {i}")
        print(session.saved_steps, flush=True)
    print("done", flush=True)


def _child_hold_lock(data_dir: str) -> None:
    """Be "another running copy": open the store and wait to be killed."""
    import time

    from game.store import open_store

    store = open_store(data_dir)
    print("ready" if store.on_disk else f"failed {store.problem}", flush=True)
    time.sleep(120)


if __name__ == "__main__":
    what = sys.argv[1]
    if what == "play":
        _child_play(sys.argv[2], sys.argv[3])
    elif what == "hold":
        _child_hold_lock(sys.argv[2])
    else:
        raise SystemExit(f"unknown child job {what}")
