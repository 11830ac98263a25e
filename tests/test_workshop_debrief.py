"""The workshop debrief: after the group checks the plan, the deck's debrief questions one at a time;
anyone adds anonymous notes (saved commands, replayed like every step); they reach the practice export
as "What we learnt"."""

from __future__ import annotations

from model_fixtures import group_setup

from game.export import render_all
from game.model.engine import Game
from game.model.phase import Phase
from game.model.planio import plan_to_json, read_plan
from game.ui.decks import default_files, load_for_game

PLAYERS = [
    {"id": "t1", "name": "Quillon Vexby", "shape": "circle"},
    {"id": "t2", "name": "Ysolde Pennyquick", "shape": "star"},
]


def workshop_game(language: str = "en") -> Game:
    decks, problems = load_for_game(default_files(language, "workshop"))
    assert decks is not None, problems
    g = Game.new(decks)
    setup = group_setup(mode="workshop", players=PLAYERS, dice=False, language=language)
    setup["themes"] = [t.id for t in decks.themes]
    assert g.apply({"type": "start_game", "setup": setup}).ok
    assert g.apply({"type": "stop_game"}).ok
    assert g.state.phase == Phase.SUMMARY
    return g


def ok(g: Game, cmd: dict) -> None:
    out = g.apply(cmd)
    assert out.ok, (cmd, out, g.state.phase)


def test_debrief_asks_each_question_in_turn_and_keeps_anonymous_notes(tmp_path):
    g = workshop_game()
    questions = g.decks.debrief
    assert len(questions) >= 3
    ok(g, {"type": "confirm_plan"})
    assert g.state.phase == Phase.DEBRIEF and g.state.debrief_at == 0
    ok(g, {"type": "add_learnt", "text": "Waiting for an answer helped 🙂"})
    ok(g, {"type": "add_learnt", "text": "Nobody rushed"})
    assert g.apply({"type": "add_learnt", "text": "   "}).reason == "refuse_empty_text"
    ok(g, {"type": "next"})
    ok(g, {"type": "pass"})  # the second question: nothing to say
    ok(g, {"type": "add_learnt", "text": "Let the person lead"})
    ok(g, {"type": "undo"})  # Back takes the last note away
    ok(g, {"type": "add_learnt", "text": "Let the person lead, not staff"})
    while g.state.phase == Phase.DEBRIEF:
        ok(g, {"type": "next"})
    assert g.state.phase == Phase.FINISHED
    plan = g.plan()
    assert [(x.question, x.text) for x in plan.learnt] == [
        (questions[0], "Waiting for an answer helped 🙂"),
        (questions[0], "Nobody rushed"),
        (questions[2], "Let the person lead, not staff"),
    ]
    # Saved and replayable like every step; the plan file reads back with its notes.
    again = Game.replay(g.decks, g.log)
    assert again.plan().learnt == plan.learnt and again.state.phase == Phase.FINISHED
    path = tmp_path / "p.json"
    path.write_text(plan_to_json(plan), encoding="utf-8")
    assert read_plan(path).learnt == plan.learnt
    # In the practice export, under "What we learnt", with nobody named.
    files = dict(render_all(plan, ["md", "html"]))
    for suffix in (".md", ".html"):
        text = files[suffix].decode()
        assert "What we learnt" in text and questions[0] in text and "Nobody rushed" in text
        assert "Quillon" not in text and "Ysolde" not in text


def test_confirming_again_after_going_back_does_not_ask_the_debrief_twice():
    g = workshop_game()
    ok(g, {"type": "confirm_plan"})
    while g.state.phase == Phase.DEBRIEF:
        ok(g, {"type": "next"})
    ok(g, {"type": "undo"})
    assert g.state.phase == Phase.DEBRIEF
    ok(g, {"type": "next"})
    assert g.state.phase == Phase.FINISHED


def test_a_group_game_has_no_debrief():
    from model_fixtures import small_decks

    g = Game.new(small_decks())
    assert g.apply({"type": "start_game", "setup": group_setup()}).ok
    ok(g, {"type": "stop_game"})
    ok(g, {"type": "confirm_plan"})
    assert g.state.phase == Phase.FINISHED and g.plan().learnt == []
    assert g.apply({"type": "add_learnt", "text": "x"}).reason == "refuse_not_now"


def test_welsh_workshop_debrief_in_the_export():
    g = workshop_game("cy")
    ok(g, {"type": "confirm_plan"})
    ok(g, {"type": "add_learnt", "text": "Roedd aros yn help"})
    while g.state.phase == Phase.DEBRIEF:
        ok(g, {"type": "next"})
    md = dict(render_all(g.plan(), ["md"]))[".md"].decode()
    assert "Roedd aros yn help" in md and g.decks.debrief[0] in md


def test_the_debrief_screen_offers_the_trainers_note_for_the_debrief():
    """Every step of a workshop has a trainer's note, the debrief too: tapped, it opens in full."""
    from game.ui.autoplay import tap_events
    from game.ui.harness import game_at, make_app, push_screen

    app = make_app((1280, 720))
    push_screen(app, "play", game_at("debrief", mode="workshop", players=3))
    button = next(w for w in app.widgets() if w["key"] == "trainer_notes")
    app.step(tap_events(button["rect"].center))
    shown = " ".join(w.get("text") or "" for w in app.widgets())
    assert "Step out of the personas" in shown
