"""Card pictures in the game: every dealt card and the card being rated shows its picture, large (a third
of the card or more) at every window size, and the summary shows each statement's picture beside it."""

from pathlib import Path

import pytest

from game.ui.harness import game_at, make_app, push_screen

SIZES = [(1280, 720), (1920, 1080), (3840, 2160)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(("step", "mode"), [("pick", "group"), ("rate", "group"), ("pick", "workshop")])
def test_every_card_shows_its_picture_large(size, step, mode):
    app = make_app(size)
    screen = push_screen(app, f"play:{step}", game_at(step, mode=mode))
    app.step([])
    cards = [w for w in app.widgets() if w["role"] == "card"]
    assert cards
    for card in cards:
        pictures = [c for c in card["children"] if c["role"] == "picture"]
        assert len(pictures) == 1, card["key"]
        pic = pictures[0]
        card_id = card["key"].split(":", 1)[-1] if ":" in card["key"] else screen.state.turn.card
        assert pic["image"] == screen.decks.card_image(card_id)
        assert Path(pic["image"]).is_file()
        box, area, rect = pic["rect"], pic["area"], card["rect"]
        assert rect.contains(box) and area.contains(box)
        # Large: its place is a third of the card's height (above the words) or of its width (beside
        # them, on a wide low card), and the picture fills that place one way or the other.
        assert area.height >= rect.height / 3 or area.width >= rect.width / 3 - 2, (card["key"], area, rect)
        assert box.width >= area.width * 0.9 or box.height >= area.height * 0.9, (card["key"], box, area)


def test_summary_shows_each_statements_picture():
    app = make_app((1280, 720))
    screen = push_screen(app, "play:summary", game_at("summary"))
    # Open a theme that has statements (which theme the seeded game talked about first varies).
    screen.view.section = next(theme for theme, said in screen.state.statements.items() if said)
    app.step([])
    widgets = app.widgets()
    pictures = [w for w in widgets if w["role"] == "picture"]
    statements = [
        w for w in widgets if w["role"] == "text" and w["key"].startswith("row:") and '"' in w["text"]
    ]
    assert pictures and len(pictures) == len(statements)
    for pic in pictures:
        assert min(pic["rect"].size) >= 64
    assert all(
        screen.decks.card_image(c) for t in screen.state.statements.values() for c in [s.card_id for s in t]
    )
