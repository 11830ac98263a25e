"""'What changed' (issue 14, point 3): on a card talked about again in a review, the group can keep a
note as what has changed since last time. The engine takes it only for such a card; the plan's JSON
keeps it on that statement (section "changed", checked by plan.schema.json); every document shows it
beside the statement's then -> now, not under one of the theme's questions; the talk step has a button
for it, and the turn's record says so."""

from __future__ import annotations

import pygame
from test_review_export import text_of
from test_review_model import DECKS, finish, first_plan, ok, review

from game.export import FORMATS, export_plan
from game.model import commands as C
from game.model.plan import CHANGED, Plan
from game.model.planio import plan_to_json, read_plan


def talk_about(g, theme: str, card: str, include_discussed: bool) -> None:
    ok(g, C.ChooseTheme(theme=theme))
    while card not in g.state.turn.dealt:
        ok(g, C.MoreCards(include_discussed=include_discussed))
    ok(g, C.PickCard(card=card))
    for pid in g.state.order:
        ok(g, C.Rate(player=pid, point="real"))
    ok(g, C.Next())


def a_review_with_what_changed():
    g = review(first_plan(), "2027-02-23")
    while g.state.look_back_queue:
        ok(g, C.MarkAction(status="done"))
    talk_about(g, "living", "living-02", include_discussed=False)
    refused = g.apply(C.AddNote(text="New card", section=CHANGED))
    assert not refused.ok and refused.reason == "refuse_bad_section", "a new card has no 'last time'"
    for _ in DECKS.prompts:
        ok(g, C.Next())
    ok(g, C.AgreeAction(what="Ask first", who="staff", who_kind="staff", when="next_month"))
    ok(g, C.Next())
    talk_about(g, "living", "living-01", include_discussed=True)
    ok(g, C.AddNote(text="They knock every time now", author=g.state.order[0], section=CHANGED))
    ok(g, C.AddNote(text="Knocking helps"))
    return g


def test_what_changed_is_kept_on_its_statement_and_only_for_a_card_from_last_time():
    g = a_review_with_what_changed()
    st = g._statement()
    plan = Plan.from_dict(finish(g))
    living = plan.theme("living")
    changed = [n for n in living.notes if n.section == CHANGED]
    assert [n.text for n in changed] == ["They knock every time now"]
    assert changed[0].statement == st.id and not changed[0].carried_over
    again = read_plan(plan_to_json(plan))  # the schema takes it, and it reads back the same
    assert [n.section for n in again.theme("living").notes if not n.carried_over] == [CHANGED, "do"]


def test_every_document_shows_what_changed_beside_then_and_now(tmp_path):
    plan = Plan.from_dict(finish(a_review_with_what_changed()))
    for path in export_plan(plan, ["md", "html", "docx"], tmp_path):
        body = text_of(path)
        then_now = body.find("Then → now: Player 1")
        said = body.find("What changed: “They knock every time now” (Player 1)")
        assert 0 <= then_now < said, path.name
        assert body.count("They knock every time now") == 1, "once, with its statement"
    for path in export_plan(plan, ["easyread"], tmp_path / "easy"):
        body = text_of(path)
        # Under the statement's views (Easy Read words the statement in its own way).
        statement, said = body.find("Player 1: This is real for me"), body.find("What changed: “They knock")
        assert 0 <= statement < said and body.count("They knock every time now") == 1, path.name
    json_text = next(p for p in export_plan(plan, FORMATS, tmp_path / "all") if p.suffix == ".json")
    assert '"section": "changed"' in json_text.read_text(encoding="utf-8")


def test_the_talk_step_keeps_a_note_as_what_changed(tmp_path):
    from game.store.session import PlaySession
    from game.ui.harness import make_app
    from game.ui.input_events import tap_events
    from game.ui.screens.play import PlayScreen

    g = review(first_plan(), "2027-02-23")
    while g.state.look_back_queue:
        ok(g, C.MarkAction(status="done"))
    talk_about(g, "living", "living-01", include_discussed=True)
    app = make_app((1280, 720))
    app.push(PlayScreen(app, PlaySession.in_memory(g)))
    app.step([])
    keys = {w["key"]: w for w in app.widgets()}
    assert "add_changed" in keys and "record_last_views" in " ".join(keys)
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="Staff knock now"))
    app.step(pygame.event.get())
    x, y, w, h = keys["add_changed"]["rect"]
    for e in tap_events((x + w // 2, y + h // 2)):
        pygame.event.post(e)
    app.step(pygame.event.get())
    notes = [n for n in g.state.notes["living"] if not n.carried_over]
    assert [(n.section, n.text) for n in notes] == [(CHANGED, "Staff knock now")]
    shown = [w.get("text", "") for w in app.widgets() if w["key"].startswith("record_note:")]
    assert shown == ["What changed: “Staff knock now”"]
    app.close()


def test_a_reviews_set_up_starts_as_last_time_was_played_and_each_can_be_changed():
    """Point 1 on screen: last time's themes, dice and length are chosen already (the people too, see
    test_ui_input), the title says which plan is reviewed, and a tap changes any of them."""
    from game.ui.harness import make_app
    from game.ui.input_events import tap_events
    from game.ui.screens.setup import STEPS, SetupScreen

    app = make_app((1280, 720))
    scr = SetupScreen(app, previous_plan=first_plan())
    app.push(scr)
    scr.step = STEPS.index("themes")
    scr.needs_build = True
    app.step([])
    assert scr.themes == ["living", "people"] and scr.dice is False
    assert (scr.length_kind, scr.rounds) == ("rounds", 3)
    assert "Review of Oak House, 23/11/2026" in scr.title_line()

    def tap(key: str) -> None:
        x, y, w, h = next(w["rect"] for w in app.widgets() if w["key"] == key)
        for e in tap_events((x + w // 2, y + h // 2)):
            pygame.event.post(e)
        app.step(pygame.event.get())

    tap("dice:True")
    tap("theme:connected")
    tap("length:themes")
    assert scr.dice is True and "connected" in scr.themes and scr.length_kind == "themes"
    app.close()


def test_demo_review_plays_a_plan_then_its_review_three_months_on(tmp_path, capsys):
    """Point 9: `demo --review` plays a game, then reviews it three months later; kept in --data-dir
    with or without --export, and with --export both plans' files, the review's named apart."""
    from game.cli import main
    from game.model.textrules import add_months, parse_date
    from game.store import open_store

    data, out = tmp_path / "data", tmp_path / "files"
    args = ["demo", "--review", "--headless", "--size", "1280x720", "--seed", "5", "--players", "2"]
    assert main([*args, "--data-dir", str(data), "--export", str(out)]) == 0
    plans = sorted(out.glob("*.json"))
    assert len(plans) == 2 and "-review-" in plans[1].name and "-review-" not in plans[0].name
    first, again = read_plan(plans[0]), read_plan(plans[1])
    assert again.review_of.date == first.date and again.review_of.title == first.title
    assert again.date == add_months(parse_date(first.date), 3).isoformat(), "the clock moved on"
    assert again.checked_on == again.date, (
        "the review is checked together on its own day, not three months before"
    )
    assert again.you_said_we_did, "the review looked back on the plan's actions"
    with open_store(data, read_only=True) as store:
        assert len(store.list_plans()) == 2
    data2 = tmp_path / "data2"
    assert main([*args, "--data-dir", str(data2)]) == 0, "no --export: still a review"
    with open_store(data2, read_only=True) as store:
        listed = store.list_plans()
    assert len(listed) == 2
