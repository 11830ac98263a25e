"""Building the game's screens without a person at the keyboard: for tests, screenshots and the speed
benchmark. ``make_app`` gives a headless App at a size; ``game_at`` plays a seeded game (through the
rules engine) until it reaches a given step; ``push_screen`` shows any screen in one of the sample
states it supplies (``screen_names`` lists them all); ``App.step``
then draws one frame.

    app = make_app((3840, 2160))
    push_screen(app, "play:talk")
    app.step([])             # True: it drew
    app.step([])             # False: nothing changed, nothing drawn
"""

from __future__ import annotations

import random
from dataclasses import replace

from game.model import autoplay as model_autoplay
from game.model import commands as C
from game.model.engine import Game
from game.model.phase import Phase
from game.store import memory_store
from game.store.session import PlaySession
from game.ui.app import App
from game.ui.decks import load_for_game
from game.ui.settings import Settings
from game.ui.speech import Speaker


def screen_names() -> list[str]:
    """Every sample of every registered screen, as "name" or "name:variant" (each screen lists its own)."""
    from game.ui.screens import SCREENS, screen_class

    out = []
    for name in SCREENS:
        for variant in screen_class(name).samples:
            out.append(f"{name}:{variant}" if variant else name)
    return out


def make_app(
    size=(1920, 1080), high_contrast=False, data_dir=None, store=None, speaker=None, **settings
) -> App:
    s = Settings(high_contrast=high_contrast, **settings)
    return App(
        size,
        headless=True,
        data_dir=data_dir,
        settings=s,
        store=store if store is not None else memory_store(),
        speaker=speaker or Speaker("record"),
        save_settings_file=False,
    )


DEFAULT_NAMES = ("Ann", "Bilal", "Cerys", "Dev", "Eve", "Femi", "Gwen", "Hari")


def default_setup(
    mode="group",
    players=3,
    seed=1,
    dice=True,
    previous_plan=None,
    timer=None,
    names=DEFAULT_NAMES,
    themes=None,
) -> dict:
    shapes = ["circle", "square", "triangle", "diamond", "star", "hexagon", "heart", "cross"]
    colours = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"]
    n = 2 if mode == "one-to-one" else players
    ps = [
        {
            "id": f"p{i + 1}",
            "name": names[i],
            "shown_as": "name",
            "role": "player",
            "shape": shapes[i],
            "colour": colours[i],
        }
        for i in range(n)
    ]
    if mode == "one-to-one":
        ps[0]["role"], ps[1]["role"] = "person", "supporter"
    return {
        "mode": mode,
        "players": ps,
        "title": "Rose House plan",
        "service": "Rose House",
        "date": "2026-11-23",
        "dice": dice,
        "seed": seed,
        "previous_plan": previous_plan,
        "timer_seconds": timer,
        "length": {"kind": "themes", "value": 0},
        "themes": list(themes) if themes else [],
    }


def _previous_plan(decks) -> dict:
    g = Game.new(decks)
    g.apply(C.StartGame(setup=default_setup(seed=3), at=1000.0))
    model_autoplay.play(g, seed=3, at=1000.0)
    return g.plan().to_dict()


def game_at(
    step: str, mode="group", players=3, max_seeds=60, names=DEFAULT_NAMES, themes=None, language="en"
) -> PlaySession:
    """A game paused at ``step`` (a phase, or "landed" just after a roll), found by seeded play, on the
    shipped decks in ``language`` (a Welsh screen shows Welsh cards). Raises if none is found."""
    dice = mode != "nodice"  # "nodice": a group game where themes are chosen, not rolled for
    mode = "group" if mode == "nodice" else mode
    decks, problems = load_for_game(language=language, mode=mode)
    if decks is None:
        raise RuntimeError("; ".join(problems))
    target = Phase.PICK if step == "landed" else Phase(step)  # an unknown step is an error here
    prev = _previous_plan(decks) if target == Phase.LOOK_BACK else None
    for seed in range(max_seeds):
        g = Game.new(decks)
        setup = default_setup(
            mode,
            players,
            seed,
            dice=dice,
            previous_plan=prev,
            timer=120 if mode == "workshop" else None,
            names=names,
            themes=themes,
        )
        out = g.apply(C.StartGame(setup=setup, at=1000.0))
        if not out.ok:
            raise RuntimeError(str(out))
        rng = random.Random(seed)
        for i in range(400):
            if g.state.phase == target:
                if step == "landed" and g.state.turn.roll is None:
                    break
                return PlaySession.in_memory(g, language)
            if g.state.phase == Phase.FINISHED:
                break
            cmd = model_autoplay.next_command(g, rng, 0.05)
            ends = (Phase.SUMMARY, Phase.DEBRIEF)
            if target in ends and i > 40 and g.state.phase not in ends:
                cmd = C.StopGame()
            if not g.apply(replace(cmd, at=1000.0 + i)).ok:
                break
    raise RuntimeError(f"no seed reaches {step}")


def push_screen(app: App, name: str, link: PlaySession | None = None):
    """Show the named sample screen (see ``screen_names``) on a fresh stack and return it."""
    from game.ui.screens import screen_class

    kind, _, variant = name.partition(":")
    scr = screen_class(kind).sample(app, variant, link)
    while app.screens:
        app.screens.pop()
    app.push(scr)
    for _ in range(500):  # let any movement (a token walking, cards being dealt) finish
        if not scr.update(0.05):
            break
    return scr


def save_screenshots(
    folder, sizes=((1280, 720), (1920, 1080), (3840, 2160)), looks=(False, True), names=None
) -> list:
    """A PNG of every screen at every size, in the default and high-contrast looks."""
    from pathlib import Path

    folder = Path(folder)
    names = names or screen_names()
    links: dict[str, PlaySession] = {}
    files = []
    for size in sizes:
        for hc in looks:
            app = make_app(size, high_contrast=hc)
            for name in names:
                base, _, mode = name.partition("@")
                kind, _, arg = base.partition(":")
                link = None
                if kind == "play":
                    link = links.get(name) or game_at(
                        arg, mode=mode or "group", language=app.settings.language
                    )
                    links[name] = link
                push_screen(app, name, link)
                app.step([])
                look = "high-contrast" if hc else "default"
                files.append(
                    app.screenshot(
                        folder / f"{size[0]}x{size[1]}-{look}-{name.replace(':', '-').replace('@', '-')}.png"
                    )
                )
    return files


if __name__ == "__main__":
    import sys

    out = save_screenshots(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    print(f"Saved {len(out)} pictures in {out[0].parent}")
