"""The presenter view: a second window for the trainer. A whole workshop is played through the real
screens with it open; no facilitator-note text is ever drawn on the shared window, while the presenter
shows the note for each step, the persona's brief and what comes next. Its timer controls act on the
game, and its clicks never reach the shared window."""

from __future__ import annotations

import pygame

from game.store import open_store
from game.ui.autoplay import AutoPlayer, tap_events
from game.ui.harness import game_at, make_app, push_screen
from game.ui.screens.start import StartScreen


def texts(widgets) -> list[str]:
    out = []
    for w in widgets:
        out.append(str(w.get("text") or ""))
        out += [str(c.get("text") or "") for c in w.get("children", [])]
    return out


def shared_texts(app) -> list[str]:
    """Everything drawn on the shared window: every screen on the stack from the last opaque one up."""
    start = len(app.screens) - 1
    while start > 0 and not app.screens[start].opaque:
        start -= 1
    return [t for s in app.screens[start:] for t in texts(s.describe())]


def presenter_tap(app, key):
    """A click on the presenter window (events carry the window they happened in)."""
    w = next(w for w in app.presenter.describe() if w["key"] == key)
    events = [
        pygame.event.Event(e.type, {**e.dict, "window": app.presenter.window})
        for e in tap_events(w["rect"].center)
    ]
    app.step(events)


def test_a_whole_workshop_with_the_presenter_open_never_shows_a_note_on_the_shared_window(tmp_path):
    store = open_store(tmp_path / "data")
    app = make_app((1280, 720), store=store)
    app.seed = 5
    app.push(StartScreen(app))
    app.open_presenter()
    ap = AutoPlayer(app, seed=5, mode="workshop", players=3, headless=True, export_dir=str(tmp_path / "out"))
    app.step([])
    notes: dict[str, str] = {}
    on_presenter: set[str] = set()
    frames = 0
    while not ap.finished and ap.steps < 8000:
        ap.act()
        app.step(pygame.event.get())
        play = app.presenter.play_screen()
        if play is not None and not notes:
            notes = dict(play.decks.facilitator_notes)
        shared = " ".join(shared_texts(app))
        for key, note in notes.items():
            # Any sentence of any note, not just the whole note, would give the trainer's notes away.
            for sentence in (s.strip() for s in note.split(". ") if len(s.strip()) > 20):
                assert sentence not in shared, f"facilitator note '{key}' on the shared window"
        presented = " ".join(texts(app.presenter.describe()))
        on_presenter |= {k for k, n in notes.items() if n and n in presented}
        frames += 1
    assert ap.finished and ap.stuck is None
    assert notes and frames > 50
    # The presenter showed the trainer the notes for the turn steps and the end.
    assert {"pick", "rate", "talk", "action", "summary"} <= on_presenter, on_presenter
    app.close()


def test_presenter_shows_persona_and_next_step_and_its_timer_buttons_work():
    app = make_app((1280, 720))
    scr = push_screen(app, "play:pick", game_at("pick", mode="workshop"))
    app.open_presenter()
    app.step([])
    keys = {w["key"]: w for w in app.presenter.describe()}
    assert keys["facilitator_note"]["text"] == scr.decks.facilitator_notes["pick"]
    assert "Playing now as" in keys["persona_brief"]["text"]
    assert keys["presenter_next"]["text"] == "Next: how real is it?"
    shared_before = {w["key"] for w in app.widgets()}
    presenter_tap(app, "presenter_timer_pause")
    assert scr.turn.paused_at is not None
    presenter_tap(app, "presenter_timer_pause")  # now "Start timer"
    assert scr.turn.paused_at is None
    presenter_tap(app, "presenter_timer_more")
    assert scr.turn.timer_extra == 60
    assert scr.phase == "pick", "a presenter click never lands on the shared window's buttons"
    assert "timer" in {w["key"] for w in app.widgets()}
    presenter_tap(app, "presenter_timer_stop")
    assert scr.game.timer_remaining(0.0) is None
    assert "timer" not in {w["key"] for w in app.widgets()}, "a stopped timer leaves the shared screen"
    assert shared_before - {"timer", "timer_more", "timer_pause"} <= {w["key"] for w in app.widgets()}
    assert scr.game.log[-1]["type"] == "stop_timer"
    # Closing the presenter window leaves the game playing on the shared window.
    app.step([pygame.event.Event(pygame.WINDOWCLOSE, window=app.presenter.window)])
    assert app.presenter is None and app.running and app.top is scr


def test_presenter_screenshots(tmp_path):
    """Both windows drawn at once, for looking at (1280x720 shared, the presenter at its own size)."""
    app = make_app((1280, 720))
    push_screen(app, "play:talk", game_at("talk", mode="workshop"))
    app.open_presenter()
    app.step([])
    app.screenshot(tmp_path / "shared.png")
    app.presenter.screenshot(tmp_path / "presenter.png")
    assert pygame.image.load(str(tmp_path / "presenter.png")).get_size() == app.presenter.window.size


def test_before_the_game_the_presenter_shows_the_workshop_packs_notes():
    app = make_app((1280, 720))
    push_screen(app, "setup:players")
    app.open_presenter()
    app.step([])
    keys = {w["key"]: w["text"] for w in app.presenter.describe()}
    notes = app.presenter._workshop_notes()
    assert keys["facilitator_note"] == notes["setup"]
    assert notes["setup"] not in " ".join(shared_texts(app))


def test_demo_presenter_describe_says_which_window_and_no_note_is_ever_shared(tmp_path):
    import json

    from game.cli import main
    from game.ui.decks import load_for_game

    out = tmp_path / "frames.jsonl"
    rc = main(
        ["demo", "--headless", "--mode", "workshop", "--presenter", "--seed", "3", "--size", "1280x720"]
        + ["--data-dir", str(tmp_path / "data"), "--describe", str(out), "--export", str(tmp_path / "out")]
    )
    assert rc == 0
    frames = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {f["window"] for f in frames} == {"shared", "presenter"}
    shared = [f for f in frames if f["window"] == "shared"]
    presenter = [f for f in frames if f["window"] == "presenter"]
    assert len(shared) > 30 and len(presenter) > 10
    assert {f["screen"] for f in shared} >= {"start", "setup", "play", "export"}
    decks, _ = load_for_game(mode="workshop")
    notes = {k: v for k, v in decks.facilitator_notes.items() if v}
    sentences = {s.strip() for n in notes.values() for s in n.split(". ") if len(s.strip()) > 20}
    for f in shared:
        drawn = " ".join(w["label"] for w in f["widgets"])
        assert not [s for s in sentences if s in drawn], (
            f"a facilitator note on the shared window ({f['step']})"
        )
    shown = {k for k, n in notes.items() for f in presenter for w in f["widgets"] if w["label"] == n}
    assert {"start", "setup", "pick", "rate", "talk", "summary", "export"} <= shown, shown
