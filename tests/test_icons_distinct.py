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


def test_each_action_outcome_has_its_own_picture_the_same_in_the_game_and_the_easy_read():
    """Look back's choices and the Easy Read plan show one picture per outcome (done, started, not yet,
    no longer needed, chose not to say), and no two outcomes share a drawing."""
    from game.export import easyread
    from game.model.plan import REVIEW_STATUSES
    from game.ui.harness import game_at
    from game.words import Words

    app = make_app((1920, 1080))
    push_screen(app, "play:look_back", game_at("look_back"))
    app.step([])
    on_screen = {k.split(":", 1)[1]: v for k, v in icons_by_key(app).items() if k.startswith("status:")}
    outcomes = [*REVIEW_STATUSES, ""]
    assert set(on_screen) == {s or "unsaid" for s in outcomes}, on_screen
    words = Words("en")

    class Said:  # the Easy Read's words for a plan in English
        def __init__(self):
            self.words = words

        def __call__(self, key, **params):
            return words.get(key, **params)

    easy = {s: easyread._status(s, Said()).icon for s in outcomes}
    assert {s or "unsaid": icon for s, icon in easy.items()} == on_screen
    assert len({drawing(icon) for icon in on_screen.values()}) == len(outcomes)
    assert on_screen["not_needed"] != "pass", "Pass is the picture for 'chose not to say'"
