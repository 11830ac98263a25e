"""One name per theme everywhere: the board's tiles, the cards, set-up, the summary and the Easy Read plan
all call a theme by its title, in English and in Welsh. (A short easy-read line may sit under it, never
in its place.)"""

from __future__ import annotations

import re

import pytest

from game import paths
from game.model.deckload import load_deckset
from game.ui.harness import game_at, make_app, push_screen

MAIN_DECKS = [paths.DECKS_DIR / "making-it-real.yaml", paths.DECKS_DIR / "making-it-real.cy.yaml"]


@pytest.mark.parametrize("deck", MAIN_DECKS, ids=lambda p: p.name)
def test_shipped_themes_have_no_second_name(deck):
    ds = load_deckset([deck])
    for th in ds.themes:
        assert th.easy_read in (None, th.title), th.id


def shown_theme_names(app, decks) -> dict[str, set[str]]:
    """Theme id -> the words each widget naming that theme shows (selection marks and counts taken off)."""
    titles = {th.id: th.title for th in decks.themes}
    out: dict[str, set[str]] = {}
    for w in app.widgets():
        for c in [w, *w.get("children", [])]:
            words = re.sub(r"^[^\w\s\"]+ | \(\d+\)$", "", c.get("text", ""))  # a selection mark, a count
            key = c.get("key", "")
            theme = key.split(":", 1)[1] if key.startswith(("theme:", "section:")) else None
            if c.get("role") == "tile" or theme:
                for tid, title in titles.items():
                    if theme == tid or words == title:
                        out.setdefault(tid, set()).add(words)
    return out


@pytest.mark.parametrize(
    ("screen", "step"), [("play:roll", "roll"), ("play:summary", "summary"), ("setup:themes", None)]
)
def test_board_setup_and_summary_use_the_title(screen, step):
    app = make_app((1920, 1080))
    link = game_at(step) if step else None
    scr = push_screen(app, screen, link)
    app.step([])
    decks = scr.decks if hasattr(scr, "decks") else load_deckset([MAIN_DECKS[0]])
    names = shown_theme_names(app, decks)
    assert names
    for tid, words in names.items():
        assert words == {decks.theme(tid).title}, (tid, words)


def test_cards_use_the_title():
    app = make_app((1920, 1080))
    scr = push_screen(app, "play:pick", game_at("pick"))
    app.step([])
    for card in (w for w in app.widgets() if w["role"] == "card"):
        band = card["children"][0]["text"]
        assert band == scr.decks.theme(scr.decks.card(card["key"].split(":", 1)[1]).theme).title
