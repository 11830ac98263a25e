"""Saving a kept plan's files again from "Review a plan": played through the real App with a real store,
by tapping the real buttons; the files written are read back and must be that plan."""

import json

import pygame
import pytest
from docx import Document

from game.model.plan import Plan
from game.model.planio import read_plan
from game.store import open_store
from game.ui.autoplay import AutoPlayer
from game.ui.decks import load_for_game
from game.ui.harness import _previous_plan, make_app
from game.ui.screens.choose import ChooseGameScreen
from game.ui.screens.export import ExportScreen
from game.ui.screens.start import StartScreen

ODD_PLANS = [
    ("Rose House plan", "Rose House", "2026-09-21"),
    ("Cynllun Tŷ Rhosyn — café 🎉", "مرحبا بالعالم", "2026-10-19"),
    # As long as the setup screen lets a name be (120 characters), and a long real service name.
    (
        ("Bartholomew-Fitzgerald Montgomery-Smythe's very long named support plan " * 2)[:120],
        "Ysbyty Gwynedd Community Mental Health and Learning Disability Support Service, Bangor",
        "2026-11-23",
    ),
    ("W" * 120, "W" * 120, "2026-11-24"),
]


def drive(app, ap, until=None, most=400):
    """Let the queued taps and typing happen (and any export thread finish)."""
    for _ in range(most):
        top = app.top
        if top.name == "export" and top.busy:
            top.wait()
        if not ap.queue and (until is None or until()):
            break
        if ap.queue:
            ap.act()
        app.step(pygame.event.get())
    app.step(pygame.event.get())


def played(tmp_path, seed=11):
    """A group game played to the end through the screens; its plan is kept, no files saved yet."""
    store = open_store(tmp_path / "data")
    app = make_app((1280, 720), store=store)
    app.seed = seed
    app.push(StartScreen(app))
    ap = AutoPlayer(app, seed=seed, mode="group", players=3, headless=True, export_dir=None)
    ap.run_headless(8000)
    assert ap.stuck is None and ap.finished
    assert app.top.name == "export"
    return app, ap, store


def save_again(app, ap, plan_id, folder):
    ap.queue.clear()
    app.reset_to(StartScreen(app))
    app.step([])
    ap.tap("review")
    drive(app, ap)
    assert app.top.name == "choose" and app.top.what == "plans"
    ap.tap(f"export:{plan_id}")
    drive(app, ap)
    top = app.top
    assert top.name == "export" and top.from_history and top.link is None
    ap.type_into("folder", str(folder), clear=True)
    ap.tap("export")
    drive(app, ap, until=lambda: app.top.name == "export" and app.top.files is not None)
    assert app.top.files, app.top.message
    return list(app.top.files)


def test_a_kept_plan_is_saved_again_from_review_a_plan(tmp_path):
    app, ap, store = played(tmp_path)
    kept = store.list_plans()
    assert len(kept) == 1
    plan_id = kept[0]["id"]
    want = Plan.from_dict(store.load_plan(plan_id))

    files = save_again(app, ap, plan_id, tmp_path / "again")
    assert {f.parent for f in files} == {tmp_path / "again"}
    kinds = sorted(f.suffix for f in files)
    assert ".docx" in kinds and ".json" in kinds and ".csv" in kinds and ".md" in kinds
    assert all(f.stat().st_size > 0 for f in files)

    # The plan file is that plan, record for record.
    back = read_plan(next(f for f in files if f.suffix == ".json"))
    assert back.to_dict() == want.to_dict()
    assert back.title == "Rose House plan" and [p.label for p in back.participants] == [
        "Ann",
        "Bilal",
        "Cerys",
    ]

    # The Word document says the same things.
    doc = next(f for f in files if f.suffix == ".docx" and "easy" not in f.name.lower())
    text = "\n".join(p.text for p in Document(str(doc)).paragraphs)
    text += "\n".join(c.text for t in Document(str(doc)).tables for r in t.rows for c in r.cells)
    assert "Rose House plan" in text
    statements = [s.text for t in want.themes for s in t.statements]
    assert statements and all(s in text for s in statements)
    for n in [n.text for t in want.themes for n in t.notes][:5]:
        assert n in text

    # Back goes to the list, which still has the plan; nothing was added or changed in the store.
    ap.tap("back")
    drive(app, ap)
    assert app.top.name == "choose" and app.top.what == "plans"
    assert app.widgets() and any(w["key"] == f"export:{plan_id}" for w in app.widgets())
    assert store.list_plans() == kept
    assert Plan.from_dict(store.load_plan(plan_id)).to_dict() == want.to_dict()


def test_back_before_saving_returns_to_the_list_and_escape_does_too(tmp_path):
    app, ap, store = played(tmp_path, seed=4)
    plan_id = store.list_plans()[0]["id"]
    app.reset_to(StartScreen(app))
    app.push(ChooseGameScreen(app, "plans"))
    app.step([])
    ap.queue.clear()
    ap.tap(f"export:{plan_id}")
    drive(app, ap)
    assert app.top.name == "export"
    names = {w["key"]: w for w in app.widgets()}
    assert names["back"]["enabled"] and "reopen" not in names
    assert names["back"]["text"] == app.w("btn_back_to_plans")
    ap.tap("back")
    drive(app, ap)
    assert app.top.name == "choose" and [s.name for s in app.screens] == ["start", "choose"]

    ap.tap(f"export:{plan_id}")
    drive(app, ap)
    assert app.top.name == "export"
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0, unicode="\x1b"))
    app.step(pygame.event.get())
    assert app.top.name == "choose"


def test_a_plan_gone_from_the_store_says_so_and_keeps_the_list(tmp_path):
    app, ap, store = played(tmp_path, seed=4)
    plan_id = store.list_plans()[0]["id"]
    app.reset_to(StartScreen(app))
    app.push(ChooseGameScreen(app, "plans"))
    app.step([])
    store.delete(plan_id)  # deleted elsewhere (the command line) while the list is on screen
    ap.queue.clear()
    ap.tap(f"export:{plan_id}")
    drive(app, ap)
    assert app.top.name == "choose"
    assert app.top.message == app.w("plan_read_failed")


def test_a_bad_folder_is_explained_and_the_plan_can_still_be_saved(tmp_path):
    app, ap, store = played(tmp_path, seed=4)
    plan_id = store.list_plans()[0]["id"]
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    app.reset_to(StartScreen(app))
    app.push(ChooseGameScreen(app, "plans"))
    app.step([])
    ap.queue.clear()
    ap.tap(f"export:{plan_id}")
    ap.type_into("folder", str(blocker / "inside"), clear=True)
    ap.tap("export")
    drive(app, ap, until=lambda: not app.top.busy and app.top.message is not None)
    top = app.top
    assert top.name == "export" and top.files is None
    assert top.message == app.w("export_folder_problem", detail=app.w("export_why_not_folder"))
    ap.type_into("folder", str(tmp_path / "good"), clear=True)
    ap.tap("export")
    drive(app, ap, until=lambda: app.top.files is not None)
    assert app.top.files and all(f.parent == tmp_path / "good" for f in app.top.files)


def kept_store(tmp_path, plans=ODD_PLANS, **changes):
    store = open_store(tmp_path / "data")
    decks, problems = load_for_game()
    assert decks is not None, problems
    base = _previous_plan(decks)
    for i, (title, service, date) in enumerate(plans):
        gid = f"game-{i}"
        store.create_game(
            gid, decks.to_dict(), {"title": title, "service": service, "date": date, "keep": True}
        )
        store.finish(gid, {**base, "title": title, "service": service, "date": date, **changes})
    return store


def test_a_kept_practice_plan_goes_home_not_to_a_new_workshop(tmp_path):
    store = kept_store(tmp_path, plans=ODD_PLANS[:1], practice=True, mode="workshop")
    app = make_app((1280, 720), store=store)
    app.push(StartScreen(app))
    app.push(ChooseGameScreen(app, "plans"))
    app.step([])
    plan_id = store.list_plans()[0]["id"]
    app.top.export(plan_id)
    scr = app.top
    assert isinstance(scr, ExportScreen) and scr.plan.practice
    scr.folder.set_text(str(tmp_path / "out"))
    scr.export()
    scr.wait()
    assert scr.files
    app.step([])
    home = next(w for w in app.widgets() if w["key"] == "home")
    assert home["text"] == app.w("btn_home")
    scr.home()
    assert [s.name for s in app.screens] == ["start"]


def test_opened_with_no_list_underneath_back_still_shows_the_list(tmp_path):
    store = kept_store(tmp_path, plans=ODD_PLANS[:1])
    app = make_app((1280, 720), store=store)
    plan = Plan.from_dict(store.load_plan(store.list_plans()[0]["id"]))
    app.push(ExportScreen(app, plan, None, from_history=True))
    app.step([])
    app.top.back()
    assert [s.name for s in app.screens] == ["start", "choose"]
    # Something else underneath (not the plan list): still back to the list, not to that screen.
    app.reset_to(StartScreen(app))
    app.push(ChooseGameScreen(app, "games"))
    app.push(ExportScreen(app, plan, None, from_history=True))
    app.top.back()
    assert [s.name for s in app.screens] == ["start", "choose"] and app.top.what == "plans"


def _fits(app, size):
    problems = []
    widgets = app.widgets()
    window = pygame.Rect((0, 0), size)
    flat = [c for w in widgets for c in (w, *w.get("children", []))]
    for w in flat:
        label = f"{w.get('role')} {w.get('key')!r} {w.get('text', '')[:30]!r}"
        if not window.contains(w["rect"]):
            problems.append(f"{label} leaves the window")
        if "font_px" in w:
            tw, th = w["text_size"]
            if tw > w["text_box"].width + 1 or th > w["text_box"].height + 1:
                problems.append(f"{label} does not fit")
            if size == (1920, 1080) and w["font_px"] < 28 and "WWWW" not in w.get("text", ""):
                # (A name of nothing but the widest letter may shrink a little; it must still fit.)
                problems.append(f"{label} text {w['font_px']}px < 28px")
    top = [w for w in widgets if w["role"] != "panel"]
    for i, a in enumerate(top):
        for b in top[i + 1 :]:
            if a["rect"].colliderect(b["rect"]):
                problems.append(f"{a['key']!r} overlaps {b['key']!r}")
    for w in widgets:
        if w["role"] in ("button", "choice", "textbox") and w.get("enabled", True):
            if size[1] >= 1080 and min(w["rect"].size) < 64:
                problems.append(f"{w['key']!r} target {w['rect'].size} < 64x64")
    keys = [w["key"] for w in widgets if w["key"]]
    problems += [f"key {k!r} used twice" for k in sorted({k for k in keys if keys.count(k) > 1})]
    return problems


@pytest.fixture(scope="module")
def odd_store(tmp_path_factory):
    return kept_store(tmp_path_factory.mktemp("odd"))


@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (3840, 2160)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_list_of_odd_plans_and_its_export_screen_are_laid_out_well(odd_store, size, language):
    app = make_app(size, store=odd_store, language=language)
    app.push(StartScreen(app))
    app.push(ChooseGameScreen(app, "plans"))
    app.step([])
    rows = odd_store.list_plans()
    keys = {w["key"]: w for w in app.widgets()}
    for r in rows:
        assert f"open:{r['id']}" in keys and f"delete:{r['id']}" in keys
        again = keys[f"export:{r['id']}"]
        assert again["text"] == app.w("btn_export_plan_again") and min(again["rect"].size) >= 64
    assert not _fits(app, size), "\n".join(_fits(app, size))

    for r in rows:
        app.top.export(r["id"])
        app.step([])
        assert app.top.name == "export" and app.top.plan.title == r["title"]
        assert not _fits(app, size), "\n".join(_fits(app, size))
        app.top.back()
        app.step([])
        assert app.top.name == "choose"


def test_the_button_has_welsh_words():
    app = make_app((1280, 720), language="cy")
    en = make_app((1280, 720))
    for key in ("btn_export_plan_again", "btn_back_to_plans", "plan_read_failed"):
        assert app.w(key) != en.w(key)
    assert "Plan A" in app.w("export_history_title", title="Plan A", date="01/02/2026")


def test_the_plan_history_json_in_the_store_is_untouched_by_saving_again(tmp_path):
    store = kept_store(tmp_path, plans=ODD_PLANS[1:2])
    plan_id = store.list_plans()[0]["id"]
    before = json.dumps(store.load_plan(plan_id), sort_keys=True)
    app = make_app((1280, 720), store=store)
    app.push(StartScreen(app))
    app.push(ChooseGameScreen(app, "plans"))
    app.step([])
    app.top.export(plan_id)
    scr = app.top
    scr.folder.set_text(str(tmp_path / "out"))
    scr.export()
    scr.wait()
    back = read_plan(next(f for f in scr.files if f.suffix == ".json"))
    assert back.title == ODD_PLANS[1][0] and back.service == ODD_PLANS[1][1]
    assert json.dumps(store.load_plan(plan_id), sort_keys=True) == before


def test_a_kept_plan_the_checks_refuse_is_still_used_if_it_fits_and_a_broken_one_is_explained(tmp_path):
    store = kept_store(tmp_path, plans=ODD_PLANS[:1])
    plan_id = store.list_plans()[0]["id"]
    good = store.load_plan(plan_id)
    app = make_app((1280, 720), store=store)
    app.push(StartScreen(app))
    app.push(ChooseGameScreen(app, "plans"))
    app.step([])
    chooser = app.top

    # Kept by an older version (its format name differs): the records still fit, so it is used.
    store.load_plan = lambda rid: {**good, "format": "an-older-name"}
    chooser.export(plan_id)
    assert app.top.name == "export" and app.top.plan.title == "Rose House plan"
    app.top.back()

    # Records that do not fit at all: a plain message, the list stays, nothing crashes.
    for broken in ({"title": ["not", "text"], "surprise": 1}, [], None, "text"):
        store.load_plan = lambda rid, broken=broken: broken
        chooser.export(plan_id)
        assert app.top is chooser and chooser.message == app.w("plan_read_failed")
