"""Whole games played headless through the real screens by posting real input events (taps at the
on-screen centres of the real buttons, typed text), then checking what the game recorded."""

import json

import pygame

from game.model.planio import read_plan
from game.store import open_store
from game.ui.autoplay import AutoPlayer
from game.ui.harness import make_app
from game.ui.screens.start import StartScreen

ODD = [
    "Café crème, ça va? Dŵr i’r ardd — ✔",
    "We like 🎉 parties and 🙂 smiles",
    "مرحبا، نحن نحب الحديقة",
    "A" * 250,
]


def play(tmp_path, mode, players, seed, extra_text=(), export=True):
    store = open_store(tmp_path / "data")
    app = make_app((1280, 720), store=store)
    app.seed = seed
    app.push(StartScreen(app))
    ap = AutoPlayer(
        app,
        seed=seed,
        mode=mode,
        players=players,
        headless=True,
        export_dir=str(tmp_path / "out") if export else None,
        extra_text=list(extra_text),
    )
    ap.run_headless(8000)
    assert ap.stuck is None, f"the autoplayer got stuck at {ap.stuck}"
    assert ap.finished
    return app, ap, store


def exported_plan(ap):
    js = [f for f in ap.files if f.suffix == ".json"]
    assert js, ap.files
    return read_plan(js[0])


def all_notes(plan):
    return [n.text for t in plan.themes for n in t.notes]


def test_group_game_through_the_screens(tmp_path):
    app, ap, store = play(tmp_path, "group", 3, seed=11, extra_text=ODD)
    kinds = sorted(f.suffix for f in ap.files)
    assert kinds.count(".html") >= 1 and ".docx" in kinds and ".csv" in kinds and ".md" in kinds
    plan = exported_plan(ap)
    assert plan.mode == "group" and not plan.practice
    assert [p.label for p in plan.participants] == ["Ann", "Bilal", "Cerys"]
    notes = all_notes(plan)
    for text in ODD:
        assert text in notes, text
    assert any(t.statements for t in plan.themes)
    assert plan.all_actions(), "the demo agrees at least one action"
    # Saved like any other game: the finished plan is in the plan history.
    assert [p["title"] for p in store.list_plans()] == ["Rose House plan"]


def test_one_to_one_game(tmp_path):
    app, ap, store = play(tmp_path, "one-to-one", 2, seed=4)
    plan = exported_plan(ap)
    assert plan.mode == "one-to-one"
    assert sorted(p.role for p in plan.participants) == ["person", "supporter"]
    chosen = {s.chosen_by for t in plan.themes for s in t.statements}
    assert chosen <= {"Ann"}, "the person leads every turn"


def test_workshop_game_is_practice_and_keeps_nothing(tmp_path):
    app, ap, store = play(tmp_path, "workshop", 4, seed=5)
    plan = exported_plan(ap)
    assert plan.practice is True and plan.mode == "workshop"
    assert all(p.persona for p in plan.participants)
    assert store.list_plans() == []
    assert all(g.get("mode") != "workshop" for g in store.list_games())


def test_demo_command_headless(tmp_path):
    from game.cli import main

    out, shots = tmp_path / "out", tmp_path / "shots"
    rc = main(
        [
            "demo",
            "--headless",
            "--seed",
            "3",
            "--players",
            "4",
            "--export",
            str(out),
            "--screenshots",
            str(shots),
            "--data-dir",
            str(tmp_path / "data"),
            "--size",
            "1280x720",
        ]
    )
    assert rc == 0
    assert len(list(out.iterdir())) >= 6
    pics = sorted(p.name for p in shots.glob("*.png"))
    assert any("setup-players" in p for p in pics) and any("play-pick" in p for p in pics)
    assert any("export-done" in p for p in pics)
    data = json.loads(next(out.glob("*.json")).read_text(encoding="utf-8"))
    assert data["title"] == "Rose House plan"


def test_pause_and_carry_on_keeps_everything_and_the_draft(tmp_path):
    store = open_store(tmp_path / "data")
    app = make_app((1280, 720), store=store)
    app.seed = 2
    app.push(StartScreen(app))
    ap = AutoPlayer(app, seed=2, mode="group", players=2, headless=True)
    app.step([])
    for _ in range(3000):
        top = app.top
        if top.name == "play" and top.phase == "talk" and top.turn.prompt == 0:
            break
        ap.act()
        app.step(pygame.event.get())
    top = app.top
    assert top.name == "play" and top.phase == "talk"
    before = top.game.state_dict()
    ap.queue.clear()
    ap.type_into("note", "Half a thought, not added yet")
    ap.tap("leave")
    while ap.queue:
        ap.act()
        app.step(pygame.event.get())
    assert app.top.name == "start"
    game_id = store.list_games()[0]["id"]
    assert "Half a thought" in store.drafts(game_id).get("note", "")
    # Carry on: Start -> Carry on a game -> the saved game.
    ap.tap("continue")
    ap.tap(f"open:{game_id}")
    while ap.queue:
        ap.act()
        app.step(pygame.event.get())
    top = app.top
    assert top.name == "play"
    assert top.game.state_dict() == before
    assert top.boxes["note"].text == "Half a thought, not added yet"
    assert top.message == app.w("drafts_restored")


def test_review_of_a_finished_plan_looks_back_first(tmp_path):
    app, ap, store = play(tmp_path, "group", 3, seed=11, export=False)
    assert store.list_plans()
    app.reset_to(StartScreen(app))
    ap2 = AutoPlayer(
        app, seed=12, mode="group", players=3, headless=True, review=True, export_dir=str(tmp_path / "review")
    )
    seen = set()
    app.step([])
    for _ in range(8000):
        if ap2.finished:
            break
        ap2.act()
        app.step(pygame.event.get())
        top = app.top
        if top.name == "play":
            seen.add(top.phase)
    assert ap2.finished
    assert "look_back" in seen, "a review starts by looking back at last time's actions"
    plan = exported_plan(ap2)
    assert plan.previous_date == "2026-11-23" or plan.previous_date
    assert plan.you_said_we_did, "You said, we did"


def test_windowed_demo_loop_runs_and_stops(tmp_path):
    """The real loop (App.run) with the demo at full speed: it plays to the end and quits."""
    app = make_app((1280, 720), store=open_store(tmp_path / "data"))
    app.seed = 8
    app.push(StartScreen(app))
    ap = AutoPlayer(
        app, seed=8, mode="group", players=2, pace=0.0, quit_when_done=True, export_dir=str(tmp_path / "out")
    )
    app.autoplayer = ap
    app.run()
    assert ap.finished and ap.files


def test_a_real_tap_stops_the_demo(tmp_path):
    app = make_app((1280, 720))
    app.push(StartScreen(app))
    ap = AutoPlayer(app, seed=8, pace=0.0)
    app.autoplayer = ap
    real = pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(5, 5), button=1, touch=False)
    ap.filter([real])
    assert app.autoplayer is None and ap.finished


def test_back_from_the_saved_plan_reopens_is_this_right(tmp_path):
    app, ap, store = play(tmp_path, "group", 2, seed=21)
    assert app.top.name == "export" and app.top.files
    ap.tap("reopen")
    while ap.queue:
        ap.act()
        app.step(pygame.event.get())
    assert app.top.name == "play" and app.top.phase == "summary"


def test_review_can_start_from_a_plan_file(tmp_path):
    app, ap, store = play(tmp_path, "group", 2, seed=13)
    json_file = next(f for f in ap.files if f.suffix == ".json")
    app.reset_to(StartScreen(app))
    for key in ("review", "open_file"):
        ap.tap(key)
    ap.type_into("text", str(tmp_path / "nothing-here.json"))
    ap.tap("save")
    while ap.queue:
        ap.act()
        app.step(pygame.event.get())
    assert app.top.name == "text-dialog" and "no plan file" in app.top.message
    ap.type_into("text", str(json_file), clear=True)
    ap.tap("save")
    while ap.queue:
        ap.act()
        app.step(pygame.event.get())
    assert app.top.name == "setup" and app.top.previous_plan["title"] == "Rose House plan"
