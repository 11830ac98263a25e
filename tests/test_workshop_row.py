"""In a workshop the turn timer and the trainer strip share one row under the title, so the step below
keeps its room: Time left, +1 minute, Pause timer, then "Playing as <persona>" (which opens the
persona, its title saying it is practice) and Trainer notes; at least a target each, in reading order
for Tab, and the same row whatever the step."""

from __future__ import annotations

import pygame
import pytest

from game.ui.harness import game_at, make_app, push_screen
from game.ui.input_events import key_event, tap_events
from game.ui.screens.steps import persona

ROW = ["timer", "timer_more", "timer_pause", "about_persona", "trainer_notes"]


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("step", ["rate", "action"])
def test_timer_and_strip_are_one_row_read_left_to_right(size, step):
    app = make_app(size)
    scr = push_screen(app, f"play:{step}", game_at(step, mode="workshop", players=8))
    app.step([])
    ws = {w["key"]: w for w in app.widgets()}
    row = [ws[k] for k in ROW]
    assert len({w["rect"][1] for w in row}) == 1, "one row"
    lefts = [w["rect"][0] for w in row]
    assert lefts == sorted(lefts), "left to right as listed"
    assert all(min(w["rect"][2:]) >= app.ctx.m.target for w in row[1:]), "each button a target at least"
    assert "persona_line" not in ws, "the practice line is folded into the persona's button"
    who = persona(scr, scr.acting())
    assert ws["about_persona"]["text"] == app.w("btn_playing_as", name=who.name)
    # Below the row is the step's, with no second strip taking a row from it.
    bottom = row[0]["rect"][1] + row[0]["rect"][3]
    body = [w for w in app.widgets() if w["key"] not in ROW and w["rect"][1] > row[0]["rect"][1]]
    assert body and min(w["rect"][1] for w in body) - bottom <= app.ctx.m.gap + 1
    # Tab meets the row's buttons left to right.
    met: list[str] = []
    for _ in range(80):
        app.step([key_event(pygame.K_TAB)])
        if app.top.focus_key in ROW and app.top.focus_key not in met:
            met.append(app.top.focus_key)
    assert met == ROW[1:]


def test_playing_as_opens_the_persona_as_practice():
    app = make_app((1280, 720))
    scr = push_screen(app, "play:talk", game_at("talk", mode="workshop"))
    app.step([])
    who = persona(scr, scr.acting())
    button = next(w for w in app.widgets() if w["key"] == "about_persona")
    x, y, w, h = button["rect"]
    app.step(tap_events((x + w // 2, y + h // 2)))
    shown = " ".join(w["text"] for w in app.widgets())
    assert app.w("persona_title", name=who.name) in shown and who.summary[:30] in shown
    # The persona's own picture stands beside the words, a good size, not covering them.
    picture = next(w for w in app.top.widgets if w.key == "picture")
    words = next(w for w in app.top.widgets if w.key == "info")
    assert picture.image == scr.decks.persona_image(who.id) and picture.image.endswith(".svg")
    assert app.ctx.icons.picture(picture.image, 100, 100) is not None, "the file is there and draws"
    assert min(picture.rect.size) >= 3 * app.ctx.m.target and not picture.rect.colliderect(words.rect)


@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (3840, 2160)])
def test_a_long_warning_is_read_across_the_whole_row_then_the_buttons_come_back(size, language):
    """'You typed an action but did not agree it yet ...' would not fit beside five buttons: it takes the
    whole row at a readable size (nothing moves into the buttons' places), and the next tap brings them
    back where they were."""
    from layout_rules import frame_problems

    from game.ui.describe import frame

    app = make_app(size, language=language, text_size=1.4)
    push_screen(app, "play", game_at("action", mode="workshop", players=4))
    app.step([])
    before = {w["key"]: w["rect"] for w in app.widgets() if w["key"] in ROW}
    app.step([pygame.event.Event(pygame.TEXTINPUT, text="Ask the GP about the health walk")])
    end = next(w for w in app.widgets() if w["key"] == "end_turn")
    app.step(tap_events(end["rect"].center))
    f = frame(app)
    message = next(w for w in f["widgets"] if w["key"] == "message0")
    assert message["label"] == app.w("action_unsaved") and message["shown"] == message["label"]
    assert not [p for p in frame_problems(f) if "message0" in p]
    assert not any(w["key"] in ROW for w in f["widgets"]), "the row's buttons step aside"
    when = next(w for w in app.widgets() if w["key"] == "when:next_week")
    app.step(tap_events(when["rect"].center))
    after = {w["key"]: w["rect"] for w in app.widgets() if w["key"] in ROW}
    assert after == before, "back in their places"


@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_same_warning_is_whole_and_readable_in_a_group_game(size, language):
    from layout_rules import frame_problems

    from game.ui.describe import frame

    app = make_app(size, language=language)
    push_screen(app, "play", game_at("action", players=4))
    app.step([pygame.event.Event(pygame.TEXTINPUT, text="Ask the GP about the health walk")])
    end = next(w for w in app.widgets() if w["key"] == "end_turn")
    app.step(tap_events(end["rect"].center))
    f = frame(app)
    assert any(w["key"] == "message0" and w["label"] == app.w("action_unsaved") for w in f["widgets"])
    assert not [p for p in frame_problems(f) if "message0" in p]


def test_a_tap_on_the_long_warning_puts_it_away_and_does_nothing_else():
    """The trainer reaches for Pause while a long warning covers the row: that tap only puts the warning
    away (the timer is not paused, nothing is agreed); the buttons are back for the next tap."""
    app = make_app((1280, 720), language="cy", text_size=1.4)
    scr = push_screen(app, "play", game_at("action", mode="workshop", players=4))
    app.step([])
    pause = next(w for w in app.widgets() if w["key"] == "timer_pause")
    app.step([pygame.event.Event(pygame.TEXTINPUT, text="Gofyn i'r meddyg am y daith gerdded")])
    end = next(w for w in app.widgets() if w["key"] == "end_turn")
    app.step(tap_events(end["rect"].center))
    assert any(w["key"] == "message0" for w in app.widgets())
    log = len(scr.game.log)
    app.step(tap_events(pause["rect"].center))
    assert not any(w["key"] == "message0" for w in app.widgets())
    assert len(scr.game.log) == log and scr.turn.paused_at is None, "that tap did nothing else"
    assert next(w for w in app.widgets() if w["key"] == "timer_pause")["rect"] == pause["rect"]
    assert scr.boxes["action_what"].text == "Gofyn i'r meddyg am y daith gerdded", "the words are kept"


@pytest.mark.parametrize("text_size", [1.0, 1.4])
@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (3840, 2160)])
def test_every_persona_with_its_picture_is_whole_and_readable(size, language, text_size):
    """Each practice persona's page (its picture beside its story) meets the layout rules: words whole,
    readable size, nothing overlapping."""
    from layout_rules import frame_problems

    from game.ui.decks import load_for_game
    from game.ui.describe import frame
    from game.ui.screens.dialogs import InfoDialog

    decks, _ = load_for_game(language=language, mode="workshop")
    assert len(decks.personas) >= 10
    for who in decks.personas:
        app = make_app(size, language=language, text_size=text_size)
        app.push(
            InfoDialog(app, app.w("persona_title", name=who.name), who.summary, decks.persona_image(who.id))
        )
        app.step([])
        assert not frame_problems(frame(app)), (who.id, frame_problems(frame(app)))
        assert any(w.key == "picture" and w.image for w in app.top.widgets), who.id
