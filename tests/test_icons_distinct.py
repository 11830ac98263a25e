"""Icons that mean different things look different: Group, One-to-one, Training workshop and the People
theme each have their own; Carry on and Close do not share an arrow; a persona is one person."""

from __future__ import annotations

import hashlib

from game import paths
from game.model.deckload import load_deckset
from game.ui.harness import make_app, push_screen


def icons_by_key(app) -> dict[str, str]:
    return {w.key: w.icon for w in app.top.widgets if getattr(w, "icon", None)}


def drawing(name: str) -> str:
    svg = (paths.ICONS_DIR / f"{name}.svg").read_bytes()
    body = b"".join(line for line in svg.splitlines() if b"<title>" not in line)
    return hashlib.sha1(body).hexdigest()


def test_start_screen_icons_are_distinct():
    app = make_app((1920, 1080))
    push_screen(app, "start")
    app.step([])
    icons = icons_by_key(app)
    assert icons["continue"] != icons["quit"]
    assert len({icons[k] for k in ("new", "continue", "review", "workshop", "demo", "settings", "quit")}) == 7
    theme_icons = {t.icon for t in load_deckset([paths.DECKS_DIR / "making-it-real.yaml"]).themes}
    assert icons["workshop"] not in theme_icons
    tokens = {"circle", "square", "triangle", "diamond", "star", "hexagon", "heart", "cross", "plus"}
    assert icons["fullscreen"] not in tokens  # a player's token shape must not also mean "full screen"


def test_mode_icons_differ_from_each_other_and_from_every_theme():
    app = make_app((1920, 1080))
    push_screen(app, "setup:mode")
    app.step([])
    modes = {k: v for k, v in icons_by_key(app).items() if k.startswith("mode:")}
    assert len(modes) == 3 and len(set(modes.values())) == 3, modes
    themes = load_deckset([paths.DECKS_DIR / "making-it-real.yaml"]).themes
    theme_drawings = {drawing(t.icon) for t in themes}
    assert len(theme_drawings) == len(themes)
    for icon in [*modes.values(), "everyone", "person"]:
        assert drawing(icon) not in theme_drawings, icon
