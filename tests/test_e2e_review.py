"""Reviews that remember, end to end through the real screens: a plan, then two reviews of it, three
months apart, played by tapping the real buttons. Last time's views and notes are on screen when a carried
card comes up, every action not done has a new date after the review's day, and the third plan holds each
statement's history."""

import pygame

from game.model.planio import read_plan
from game.store import open_store
from game.ui.autoplay import AutoPlayer
from game.ui.harness import make_app
from game.ui.screens import summary_view
from game.ui.screens.start import StartScreen
from game.ui.screens.turn_record import last_time


def run(app, ap, seen):
    app.step([])
    for _ in range(12000):
        if ap.finished:
            break
        ap.act()
        app.step(pygame.event.get())
        top = app.top
        if top.name == "play":
            seen.setdefault("titles", set()).add(top.title_line())
            keys = {w["key"]: w for w in app.widgets()}
            for key in ("record_last_views", "card"):
                if key in keys:
                    seen.setdefault((top.phase, key), []).append(keys[key].get("text", ""))
            if top.phase == "summary":  # each statement's views over time, as the summary shows them
                lines = [it["text"] for it in summary_view.items(top)]
                seen.setdefault("summary", set()).update(t for t in lines if "→" in t)
            prev = last_time(top) if top.phase in ("rate", "talk", "action") else None
            if prev is not None and top.phase == "talk" and prev.notes:
                # Last time's notes are above the note box, whole, or a row opens them.
                shown = keys.get("record_last_views", {}).get("text", "")
                whole = all(n.text in shown for n in prev.notes)
                assert whole or "record_last_all" in keys, keys.keys()
                seen.setdefault(
                    ("talk", "last notes whole" if whole else "last notes a tap away"), []
                ).append(1)
    assert ap.stuck is None and ap.finished, ap.stuck
    js = [f for f in ap.files if f.suffix == ".json"]
    return read_plan(js[0])


def test_a_plan_and_two_reviews_through_the_screens(tmp_path):
    store = open_store(tmp_path / "data")
    app = make_app((1280, 720), store=store)
    app.seed = 31
    app.push(StartScreen(app))
    first = AutoPlayer(app, seed=31, mode="group", players=3, headless=True, export_dir=str(tmp_path / "p1"))
    plan1 = run(app, first, {})
    plans = [plan1]
    seen_each = []
    for n in (1, 2):
        app.reset_to(StartScreen(app))
        ap = AutoPlayer(
            app,
            seed=31 + n,
            mode="group",
            players=3,
            headless=True,
            review=True,
            export_dir=str(tmp_path / f"r{n}"),
        )
        seen: dict = {}
        plans.append(run(app, ap, seen))
        seen_each.append(seen)
    p1, p2, p3 = plans
    assert p2.review_of.date == p1.date and p3.review_of.date == p2.date
    assert p2.review_of.id and p3.review_of.id and p2.review_of.id != p3.review_of.id
    assert p2.date > p1.date and p3.date > p2.date, "each review is three months on"
    for seen, plan in zip(seen_each, plans[1:], strict=True):
        prev = plan.review_of
        assert all(prev.date[:4] in t or "Review of" in t for t in seen["titles"])
        assert any("Review of" in t for t in seen["titles"]), "every screen's title says which plan"
        assert seen.get(("rate", "record_last_views")), "last time's views beside the new ones"
        assert seen.get(("talk", "record_last_views")), "and on the talk step"
        assert seen.get(("talk", "last notes whole")), "last time's notes on screen while talking"
        for a in plan.all_actions():
            if a.status not in ("done", "not_needed"):
                assert a.due and a.due > plan.date, (a, plan.date)
        again = [st for t in plan.themes for st in t.statements if st.previously and not st.carried_over]
        assert again, "a card from last time was talked about again"
        for st in again:
            assert st.previously.date <= prev.date and st.said_on == plan.date
    longest = max(len(st.history()) for t in p3.themes for st in t.statements)
    assert longest == 3, "plan -> review -> review: three steps of history"
    md = next((tmp_path / "r2").glob("*review*.md")).read_text(encoding="utf-8")
    assert "Over time: " in md, "and so does its document"
    assert (
        0
        <= md.find("## You said, we did")
        < md.find("## Action plan")
        < md.find("\n## ", md.find("## Action plan") + 5)
    )
    strips = [t for t in seen_each[1]["summary"] if t.count("→") >= 2]
    assert strips, "the third plan's summary shows a statement's history over the three sessions"
    assert p3.you_said_we_did, "You said, we did"
    # "Review a plan" lists the plan with its reviews under it.
    app.reset_to(StartScreen(app))
    ap = AutoPlayer(app, seed=40, headless=True)
    ap.tap("review")
    for _ in range(20):
        if ap.queue:
            ap.act()
        app.step(pygame.event.get())
    assert app.top.name == "choose"
    listed = [w.get("text", "") for w in app.widgets() if w["key"].startswith("open:")]
    assert len(listed) == 3 and not listed[0].startswith("↳")
    assert all(t.startswith("↳ Review") for t in listed[1:]), listed
    assert len({t[-10:] for t in listed}) == 3, "the plan and each review, by its own day"
