"""Practice keeps nothing: a workshop played through the real screens by trainees with made-up but
unmistakable names. Its files name the personas and never the trainees, have no "Next review", and say
"Practice — not a real plan" (on every printed page of the Word files); after "Start with the next group"
the saved-games file holds no byte of any trainee's name."""

import zipfile

import pytest

import game.ui.autoplay as autoplay_ui
from game.export import render_all
from game.export.sample import feature_plan
from game.model.planio import read_plan
from game.store import open_store
from game.ui.autoplay import AutoPlayer, tap_events
from game.ui.harness import game_at, make_app, push_screen
from game.ui.screens.start import StartScreen

TRAINEES = ("Quillon Vexby", "Marrowind Tasker", "Ysolde Pennyquick", "Bartholo Grimsay")


def tap(app, key):
    w = next(w for w in app.widgets() if w["key"] == key)
    app.step(tap_events(w["rect"].center))


def files_text(paths) -> dict[str, str]:
    """Every exported file's words: Word files read from their XML parts (body, headers, footers)."""
    out = {}
    for f in paths:
        if f.suffix == ".docx":
            with zipfile.ZipFile(f) as z:
                out[f.name] = "\n".join(
                    z.read(n).decode("utf-8")
                    for n in z.namelist()
                    if n.startswith("word/") and n.endswith(".xml")
                )
        else:
            out[f.name] = f.read_text(encoding="utf-8-sig")
    return out


@pytest.fixture
def workshop(tmp_path, monkeypatch):
    monkeypatch.setattr(autoplay_ui, "DEMO_NAMES", TRAINEES)
    store = open_store(tmp_path / "data")
    app = make_app((1280, 720), store=store)
    app.seed = 7
    app.push(StartScreen(app))
    ap = AutoPlayer(app, seed=7, mode="workshop", players=4, headless=True, export_dir=str(tmp_path / "out"))
    ap.run_headless(8000)
    assert ap.stuck is None and ap.finished
    return app, ap, store, tmp_path


def test_practice_files_name_personas_never_trainees_and_have_no_next_review(workshop):
    app, ap, store, tmp_path = workshop
    plan = read_plan(next(f for f in ap.files if f.suffix == ".json"))
    assert plan.practice and plan.next_review is None
    # The debrief was played through its screen: its notes are the practice file's "What we learnt".
    assert plan.learnt, "the autoplayer added debrief notes on the debrief screen"
    personas = [p.label for p in plan.participants]
    assert personas and not set(personas) & set(TRAINEES)
    texts = files_text(ap.files)
    assert {f.suffix for f in ap.files} >= {".docx", ".html", ".md", ".json", ".csv"}
    for name, text in texts.items():
        for trainee in TRAINEES:
            for part in trainee.split():
                assert part not in text, f"{name} names the trainee {trainee}"
        assert "Next review" not in text and 'next_review": "20' not in text, name
        assert "look at this plan again" not in text, name
        if name.endswith(".csv"):  # every action row says so, in case it is gathered into a tracker
            lines = [line for line in text.splitlines()[1:] if line]
            assert lines and all(line.endswith("Practice — not a real plan") for line in lines), name
        if not name.endswith((".json", ".csv")):
            assert "Practice — not a real plan" in text, name
            if not name.endswith(("-easy-read.html", "-easy-read.docx")):
                assert "What we learnt" in text and all(x.text in text for x in plan.learnt), name
            assert any(p in text for p in personas), f"{name} names no persona"
    for name, text in texts.items():
        if name.endswith(".html"):
            # Printed, every page carries the mark in its top margin (a CSS page margin box).
            assert '@top-center { content: "Practice \\2014  not a real plan"' in text, name
    for f in ap.files:
        if f.suffix == ".docx":
            with zipfile.ZipFile(f) as z:
                headers = [n for n in z.namelist() if n.startswith("word/header")]
                assert any("Practice — not a real plan" in z.read(n).decode() for n in headers), f.name


def test_start_with_the_next_group_leaves_no_trace_in_the_saved_games(workshop):
    app, ap, store, tmp_path = workshop
    assert app.top.name == "export"
    tap(app, "home")  # the main button reads "Start with the next group"
    assert app.top.name == "setup" and app.top.mode == "workshop"
    assert store.list_games() == [] and store.list_plans() == []
    store.close()
    raw = b"".join(p.read_bytes() for p in (tmp_path / "data").rglob("*") if p.is_file())
    assert raw, "the saved-games file exists"
    for trainee in TRAINEES:
        for part in trainee.split():
            for enc in ("utf-8", "utf-16-le"):
                assert part.encode(enc) not in raw, f"{part} is still in the saved games"


def test_a_real_plan_keeps_its_names_and_next_review():
    plan = feature_plan()
    assert not plan.practice and plan.next_review
    md = dict(render_all(plan, ["md"]))[".md"].decode()
    assert "Next review" in md and plan.participants[0].label in md


@pytest.mark.parametrize(("mode", "review_shown"), [("workshop", False), ("group", True)])
def test_the_game_summary_offers_a_next_review_only_for_a_real_plan(mode, review_shown):
    """A workshop's own summary keeps its promise too: "For later", with no "Next review" to set."""
    app = make_app((1280, 720))
    push_screen(app, "play", game_at("summary", mode=mode, players=3))
    tap(app, "section:other")
    labels = " ".join(w["text"] for w in app.widgets() if w.get("text"))
    assert ("Next review" in labels) is review_shown, labels
    assert ("and the next review" in labels) is review_shown, labels
