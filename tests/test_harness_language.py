"""Sample screens (layout tests, screenshots) are played in the app's language: a Welsh play or export
sample shows Welsh cards and themes, not English ones under Welsh buttons."""

from __future__ import annotations

import pytest

from game.ui.harness import game_at, make_app, push_screen


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_sample_game_is_played_on_the_decks_of_the_apps_language(language):
    app = make_app((1280, 720), language=language)
    play = push_screen(app, "play:pick")
    assert play.decks.language.split("-")[0] == language
    cards = [w["text"] for w in app.widgets() if w["key"].startswith("card:")]
    texts = {c.text for c in play.decks.cards}
    assert cards and all(c in texts for c in cards)
    export = push_screen(app, "export")
    assert export.plan.language.split("-")[0] == language


def test_game_at_takes_a_language():
    assert game_at("rate", language="cy").game.decks.language.startswith("cy")
    assert game_at("rate").game.decks.language.startswith("en")
