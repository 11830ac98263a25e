"""Reviews that remember (issue 14), in the engine and the plan's JSON: a review starts as last time was
played, asks about each earlier action with a new "by when", keeps last time's views and notes beside a
card discussed again ("previously", a history over plan -> review -> review), names statements by id,
and old plan JSON still imports."""

from __future__ import annotations

import json

import pytest
from model_fixtures import group_setup, small_decks

from game.model import commands as C
from game.model.engine import Game
from game.model.phase import Phase
from game.model.planio import plan_to_dict, plan_to_json, read_plan

DECKS = small_decks()


def ok(game: Game, cmd) -> None:
    out = game.apply(cmd)
    assert out.ok, out


def play_card(game: Game, theme: str, card: str, points: list[str], note: str, include_discussed=False):
    """One turn without dice: choose the theme, pick the card (asking for discussed ones if need be),
    give views, one note, and an action."""
    ok(game, C.ChooseTheme(theme=theme))
    while card not in game.state.turn.dealt:
        ok(game, C.MoreCards(include_discussed=include_discussed))
    ok(game, C.PickCard(card=card))
    for pid, pt in zip(game.state.order, points, strict=False):
        ok(game, C.Rate(player=pid, point=pt))
    ok(game, C.Next())
    ok(game, C.AddNote(text=note))
    for _ in DECKS.prompts:
        ok(game, C.Next())
    ok(game, C.AgreeAction(what=f"Act on {card}", who="staff", who_kind="staff", when="next_month"))
    ok(game, C.Next())


def finish(game: Game) -> dict:
    if game.state.phase != Phase.SUMMARY:
        ok(game, C.StopGame())
    ok(game, C.ConfirmPlan())
    return json.loads(plan_to_json(game.plan()))


def first_plan() -> dict:
    g = Game.new(DECKS)
    setup = group_setup(2, dice=False, themes=["living", "people"], length={"kind": "rounds", "value": 3})
    ok(g, C.StartGame(setup=setup))
    play_card(g, "living", "living-01", ["not-yet", "sometimes"], "Knock first")
    play_card(g, "people", "people-02", ["sometimes", "real"], "Same faces")
    return finish(g)


def review(prev: dict, date: str, **over) -> Game:
    g = Game.new(DECKS)
    setup = group_setup(2, date=date, previous_plan=prev, **over)
    for key in ("themes", "dice", "length"):
        setup.pop(key)  # a review starts from last time unless changed
    ok(g, C.StartGame(setup=setup))
    return g


def test_a_review_starts_as_last_time_was_played_and_can_change_it():
    prev = first_plan()
    assert prev["dice"] is False and prev["length"] == {"kind": "rounds", "value": 3}
    g = review(prev, "2027-02-23")
    assert g.state.setup["themes"] == ["living", "people"]
    assert g.state.setup["dice"] is False and g.state.setup["length"] == {"kind": "rounds", "value": 3}
    changed = Game.new(DECKS)
    ok(changed, C.StartGame(setup=group_setup(2, date="2027-02-23", previous_plan=prev, dice=True)))
    assert changed.state.setup["dice"] is True
    plan = g.plan()
    assert plan.review_of.date == "2026-11-23" and plan.review_of.title == "Oak House"


def test_each_earlier_action_is_asked_about_and_not_done_ones_get_a_new_date_after_the_review():
    g = review(first_plan(), "2027-02-23")
    assert g.state.phase == Phase.LOOK_BACK and len(g.state.look_back_queue) == 2
    refused = g.apply(C.MarkAction(status="not_yet", note="Not started", when="date", due="2027-02-01"))
    assert not refused.ok and refused.reason == "refuse_due_not_after_review"
    ok(g, C.MarkAction(status="not_yet", note="Not started", when="next_week"))
    ok(g, C.MarkAction(status="", note=""))  # chose not to say: still due, by the next review
    plan = g.plan()
    rows = plan.you_said_we_did
    assert [r.status for r in rows] == ["not_yet", ""]
    assert rows[0].action.due == "2026-12-23" and rows[0].new_due == "2027-03-02"
    for a in plan.all_actions():
        assert a.due > plan.date
    assert rows[1].new_due == plan.next_review


def test_a_carried_card_comes_up_only_when_asked_for_and_keeps_last_times_views_and_notes():
    prev = first_plan()
    g = review(prev, "2027-02-23")
    ok(g, C.MarkAction(status="done"))
    ok(g, C.MarkAction(status="done"))
    ok(g, C.ChooseTheme(theme="living"))
    assert "living-01" not in g.state.turn.dealt, "last time's card is dealt only when asked for"
    ok(g, C.Pass())
    ok(g, C.ChooseTheme(theme="living"))  # the next player's turn
    while "living-01" not in g.state.turn.dealt:
        ok(g, C.MoreCards(include_discussed=True))
    ok(g, C.PickCard(card="living-01"))
    st = g._statement()
    assert st.previously.date == "2026-11-23"
    assert [r.point_id for r in st.previously.ratings] == ["not-yet", "sometimes"]
    assert [n.text for n in st.previously.notes] == ["Knock first"]
    ok(g, C.Rate(player=g.state.turn.player, point="real"))
    plan = g.plan()
    living = plan.theme("living")
    assert [s.card_id for s in living.statements] == ["living-01"], "then -> now shows once"
    assert living.statements[0].id == st.id and not living.statements[0].carried_over
    assert [n.statement for n in living.notes] == [st.id], "last time's note belongs to the new statement"


def test_history_over_a_plan_and_two_reviews():
    p1 = first_plan()
    g2 = review(p1, "2027-02-23")
    ok(g2, C.MarkAction(status="done"))
    ok(g2, C.MarkAction(status="done"))
    play_card(g2, "living", "living-01", ["sometimes", "sometimes"], "Better", include_discussed=True)
    p2 = finish(g2)
    g3 = review(p2, "2027-05-23")
    ok(g3, C.MarkAction(status="done"))
    play_card(g3, "living", "living-01", ["real", "real"], "Good now", include_discussed=True)
    p3 = g3.plan()
    st = p3.theme("living").statements[0]
    strip = [[r.symbol for r in step.ratings] for step in st.history()]
    assert strip == [["✗", "◐"], ["◐", "◐"], ["✔", "✔"]]
    assert [step.date for step in st.history()] == ["2026-11-23", "2027-02-23", "2027-05-23"]
    # the statement that was not discussed again keeps its own day
    people = p3.theme("people").statements[0]
    assert people.carried_over and [s.date for s in people.history()] == ["2026-11-23"]
    assert read_plan(plan_to_json(p3)).to_dict() == p3.to_dict()


def test_two_discussions_of_one_card_are_each_corrected_by_their_own_id():
    g = Game.new(DECKS)
    ok(
        g,
        C.StartGame(
            setup=group_setup(2, dice=False, themes=["living"], length={"kind": "rounds", "value": 9})
        ),
    )
    play_card(g, "living", "living-01", ["real", "real"], "First")
    play_card(g, "living", "living-01", ["not-yet", "not-yet"], "Second", include_discussed=True)
    ok(g, C.StopGame())
    first, second = g.state.statements["living"]
    assert first.id != second.id
    ok(g, C.SetRating(statement=first.id, player="p1", point="sometimes"))
    assert [r.point_id for r in first.ratings][0] == "sometimes"
    assert [r.point_id for r in second.ratings][0] == "not-yet"
    notes = g.plan().theme("living").notes
    assert {n.text: n.statement for n in notes} == {"First": first.id, "Second": second.id}
    ok(g, C.RemoveStatement(statement=second.id))
    assert g.state.statements["living"] == [first]
    assert "statement" not in C.SetRating(card="x", player="p1").to_dict(), "old logs read the same"


@pytest.mark.parametrize("drop", ["review_of", "dice", "length", "previously", "id", "statement"])
def test_old_plan_json_without_the_new_fields_still_imports(drop):
    data = first_plan()

    def strip(v):
        if isinstance(v, dict):
            return {k: strip(x) for k, x in v.items() if not (k == drop and (k != "id" or "ratings" in v))}
        if isinstance(v, list):
            return [strip(x) for x in v]
        return v

    old = strip(data)
    plan = read_plan(json.dumps(old))
    g = review(plan_to_dict(plan), "2027-02-23")
    assert g.state.previous_date == "2026-11-23"


def test_last_times_parked_topics_are_offered_talk_keep_or_drop():
    g = Game.new(DECKS)
    ok(g, C.StartGame(setup=group_setup(2, dice=False, themes=["living", "people"])))
    for text in ("Pets", "Bus pass", "Holiday", "Music"):
        ok(g, C.Park(text=text, theme="people" if text == "Pets" else None))
    play_card(g, "living", "living-01", ["real", "real"], "Fine")
    prev = finish(g)
    r = review(prev, "2027-02-23")
    assert [p.text for p in r.state.parked_before] == ["Pets", "Bus pass", "Holiday", "Music"]
    while r.state.look_back_queue:
        ok(r, C.MarkAction(status="done"))
    ok(r, C.RaiseParked(choice="talk"))
    ok(r, C.RaiseParked(choice="keep"))
    ok(r, C.RaiseParked(choice="drop"))
    assert not r.apply(C.RaiseParked(choice="later")).ok
    plan = r.plan()
    assert [p.text for p in plan.parked] == ["Music", "Bus pass"], "not raised yet, and kept: still parked"
    assert [(n.text, n.section) for n in plan.theme("people").notes] == [("Pets", "together")]
    ok(r, C.RaiseParked(choice="drop"))
    assert not r.apply(C.RaiseParked(choice="drop")).ok, "nothing left to raise"
