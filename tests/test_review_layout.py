"""A review's screens keep the layout rules (tests/layout_rules.py) at every window size: a demo game
plays a plan and then its review three months on, as ``making-it-real demo --review`` does, and every
distinct frame of the review is checked, from its set-up through the look-back round, the rating and
talk steps that show "Last time", the dialogs, to the summary and export."""

from __future__ import annotations

import pygame
import pytest
from demo_play import play_demo
from layout_rules import frame_problems, moved_controls
from model_fixtures import group_setup
from test_review_changed import talk_about
from test_review_model import DECKS, finish, ok, review

from game.model import commands as C
from game.model.engine import Game
from game.store import memory_store
from game.store.session import PlaySession
from game.ui.app import App
from game.ui.autoplay import AutoPlayer
from game.ui.describe import frame
from game.ui.input_events import tap_events
from game.ui.screens.play import PlayScreen
from game.ui.speech import Speaker

SIZES = [(1280, 720), (1920, 1080), (3840, 2160)]


def review_frames(
    size, language="en", seed=3, out=None, text="normal", players=3
) -> tuple[list[dict], AutoPlayer]:
    """Every distinct frame drawn while the demo plays the review (not the plan before it), up to the
    export screen saving its files into ``out``."""
    return play_demo(
        size,
        seed=seed,
        players=players,
        text=text,
        language=language,
        then_review=True,
        export_dir=str(out) if out else None,
    )


# size, language, then (seed, text size, players) where a run is not the usual seed 3, normal, 3 players:
# each of those was found by tests/layout_sweep.py with problems since fixed.
RUNS = [(size, "en", (3, "normal", 3)) for size in SIZES] + [
    ((1280, 720), "cy", (3, "normal", 3)),
    # The demo's caption with "Adolygiad o ..." after it drew at 26 px, and the card's band "Cymorth yn
    # fy ffordd fy hun · Y tro diwethaf" at 17 px (720p) or 52 px (4K).
    ((1920, 1080), "cy", (1, "large", 5)),
    # The note box under last time's notes was a pixel short of a touch target at 4K, 8 players.
    ((3840, 2160), "en", (1, "normal", 8)),
]
REVIEW_OF = {"en": "Review of Rose House plan, ", "cy": "Adolygiad o "}


@pytest.mark.parametrize(
    ("size", "language", "how"),
    RUNS,
    ids=[f"{w}x{h}-{lang}" + (f"-seed{s}-{t}-{n}p" if s != 3 else "") for (w, h), lang, (s, t, n) in RUNS],
)
def test_every_frame_of_a_review_keeps_the_layout_rules(size, language, how, tmp_path):
    seed, text, players = how
    frames, ap = review_frames(size, language, seed=seed, out=tmp_path, text=text, players=players)
    assert ap.finished and ap.stuck is None, ap.stuck
    steps = {f["step"].split("-turn")[0] for f in frames if f["screen"] == "play"}
    assert {"look_back", "rate", "talk"} <= steps, steps
    screens = {f["screen"] for f in frames}
    assert {"setup", "choice-dialog", "text-dialog", "export"} <= screens, screens
    last = [f for f in frames if any(w["key"].startswith("record_last") for w in f["widgets"])]
    assert {f["step"].split("-")[0] for f in last} >= {"rate", "talk"}, "last time was on show"
    for f in frames:
        if f["screen"] == "choose":
            continue  # choosing the plan to review: the review has not begun
        heading = [w["label"] for w in f["widgets"] if w["key"] in ("title", "demo_caption")]
        assert heading and REVIEW_OF[language] in heading[0], (f["screen"], f["step"], heading)
    marked = {"en": "· Last time", "cy": "· Y tro diwethaf"}[language]
    dealt = [w for f in frames if f["step"].startswith("pick") for w in f["widgets"] if marked in w["label"]]
    assert dealt, "a card from last time is marked 'Last time' where it is dealt"
    problems = [p for f in frames for p in frame_problems(f)] + moved_controls(frames)
    assert not problems, f"{len(problems)} problems in {len(frames)} frames:\n" + "\n".join(problems[:40])


def test_last_times_notes_that_do_not_fit_open_in_full_with_a_tap():
    """Last time's notes are too many to show whole above the note box: a row says last time is there,
    and a tap opens last time's views and every note in full, under a title naming the plan reviewed;
    Back returns to the talk step as it was."""
    g = Game.new(DECKS)
    ok(g, C.StartGame(setup=group_setup(2, dice=False, themes=["living"])))
    ok(g, C.ChooseTheme(theme="living"))
    ok(g, C.PickCard(card=g.state.turn.dealt[0]))
    card = g.state.turn.card
    for pid in g.state.order:
        ok(g, C.Rate(player=pid, point="sometimes"))
    ok(g, C.Next())
    said = [
        f"Note {i}: " + "we talked about this for a long while and agreed on many things " * 2
        for i in range(8)
    ]
    for text in said:
        ok(g, C.AddNote(text=text))
    review_game = review(finish(g), "2027-02-23")
    while review_game.state.look_back_queue:
        ok(review_game, C.MarkAction(status="done"))
    talk_about(review_game, "living", card, include_discussed=True)
    app = App(
        (1280, 720), headless=True, store=memory_store(), speaker=Speaker("record"), save_settings_file=False
    )
    play = PlayScreen(app, PlaySession.in_memory(review_game))
    app.push(play)
    app.step([])
    keys = {w["key"]: w for w in app.widgets()}
    assert "record_last_views" not in keys and "record_last_all" in keys
    x, y, w, h = keys["record_last_all"]["rect"]
    for e in tap_events((x + w // 2, y + h // 2)):
        pygame.event.post(e)
    app.step(pygame.event.get())
    dialog = app.top
    assert dialog.name == "info-dialog"
    assert not frame_problems(frame(app)), frame_problems(frame(app))
    assert all(text.strip() in dialog.text for text in said)
    assert "Player 1: ◐ Sometimes" in dialog.text, "last time's views too"
    assert "Review of Oak House, " in dialog.title_line()
    app.step([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0, unicode="")])
    assert app.top is play, "Back returns to the talk step"
    app.close()
