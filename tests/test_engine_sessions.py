"""Whole sessions played from scripted commands, in each mode, checking what the plan records."""

from __future__ import annotations

import pytest
from model_fixtures import THEMES, group_setup, small_decks

from game.model.autoplay import play
from game.model.engine import Game


def new_game(**setup) -> Game:
    g = Game.new(small_decks())
    out = g.apply({"type": "start_game", "setup": group_setup(**setup)})
    assert out.ok, out
    return g


def ok(g: Game, cmd: dict) -> None:
    out = g.apply(cmd)
    assert out.ok, (cmd, out, g.state.phase)


def test_group_session_with_pass_undo_park_and_early_stop():
    g = new_game(dice=False)
    s = g.state
    assert s.phase == "choose_theme" and s.active_player.id == "p1"
    # Player 1 chooses a theme, picks a card, rates it; others add their views; notes; an action.
    ok(g, {"type": "choose_theme", "theme": "connected"})
    assert s.phase == "pick" and len(s.turn.dealt) == 3
    card = s.turn.dealt[1]
    ok(g, {"type": "pick_card", "card": card})
    ok(g, {"type": "rate", "player": "p1", "point": "not-yet"})
    ok(g, {"type": "rate", "player": "p2", "point": "real"})
    ok(g, {"type": "pass", "player": "p3"})
    ok(g, {"type": "next"})
    assert s.phase == "talk"
    ok(g, {"type": "add_note", "text": "Staff help me call my sister.", "author": "p1"})
    ok(g, {"type": "next"})
    ok(g, {"type": "add_note", "text": "We don't go to the café any more."})
    ok(g, {"type": "next"})
    ok(g, {"type": "pass"})  # skip the third prompt
    assert s.phase == "action"
    ok(g, {"type": "park", "text": "Money worries"})
    ok(
        g,
        {
            "type": "agree_action",
            "what": "Find the café's opening times",
            "who": "p2",
            "who_kind": "player",
            "when": "next_week",
        },
    )
    ok(g, {"type": "end_turn"})
    # Player 2 passes the whole turn (nobody else can pass it for them); then it is player 3's turn.
    assert s.active_player.id == "p2"
    assert g.apply({"type": "pass", "player": "p3"}).reason == "refuse_not_your_turn"
    ok(g, {"type": "pass"})
    assert s.active_player.id == "p3" and s.turns[-1].passed
    # Player 3 picks, then goes Back twice: the pick is undone, then the theme choice.
    ok(g, {"type": "choose_theme", "theme": "control"})
    ok(g, {"type": "pick_card", "card": s.turn.dealt[0]})
    before = g.state_dict()
    ok(g, {"type": "undo"})
    ok(g, {"type": "undo"})
    assert g.state.phase == "choose_theme" and g.state.active_player.id == "p3"
    assert before != g.state_dict()
    ok(g, {"type": "stop_game"})
    assert g.state.phase == "summary" and g.state.stop_reason == "stopped"
    ok(g, {"type": "confirm_plan"})

    plan = g.plan()
    assert plan.finished and not plan.won_together
    connected = plan.theme("connected")
    [st] = connected.statements
    assert st.card_id == card and st.chosen_by == "Player 1"
    views = {r.player_label: r.point_id for r in st.ratings}
    assert views == {"Player 1": "not-yet", "Player 2": "real", "Player 3": None}
    assert [n.section for n in connected.notes] == ["do", "dont"]
    assert connected.notes[0].author == "Player 1" and connected.notes[1].author is None
    [action] = connected.actions
    assert action.who == "Player 2" and action.due == "2026-11-30" and action.status == "agreed"
    assert plan.parked[0].text == "Money worries" and plan.parked[0].theme == "connected"
    assert not plan.theme("control").covered
    assert plan.next_review == "2027-02-23"


def test_everyone_turn_hides_ratings_until_all_have_chosen():
    for seed in range(200):
        g = new_game(seed=seed)
        for _ in range(12):
            ok(g, {"type": "roll_die"})
            if g.state.turn.kind == "everyone":
                break
            ok(g, {"type": "pass"})
        if g.state.turn.kind == "everyone":
            break
    else:
        pytest.fail("no seed landed on an everyone tile")
    s = g.state
    ok(g, {"type": "pick_card", "card": s.turn.dealt[0]})
    assert s.phase == "rate_all"
    ok(g, {"type": "rate", "player": "p2", "point": "real"})
    ok(g, {"type": "rate", "player": "p1", "point": "sometimes"})
    # Not revealed yet: the plan shows nobody's view while some are still choosing.
    st = next(st for st in g.plan().theme(s.turn.theme).statements if st.card_id == s.turn.card)
    assert st.ratings == [] and s.phase == "rate_all"
    refused = g.apply({"type": "next"})
    assert not refused.ok and refused.reason == "refuse_not_now"
    ok(g, {"type": "pass", "player": "p3"})
    assert s.phase == "reveal" and s.turn.revealed
    st = next(st for st in g.plan().theme(s.turn.theme).statements if st.card_id == s.turn.card)
    assert [(r.player_id, r.point_id) for r in st.ratings] == [
        ("p1", "sometimes"),
        ("p2", "real"),
        ("p3", None),
    ]
    assert st.everyone


def test_one_to_one_the_person_leads_every_turn():
    players = [
        {"id": "ann", "name": "Ann Jones", "shown_as": "initials", "shape": "star", "colour": "#E69F00"},
        {"id": "sam", "name": "Sam", "shape": "square", "colour": "#0072B2"},
    ]
    g = new_game(mode="one-to-one", players=players, dice=False, length={"kind": "rounds", "value": 3})
    s = g.state
    assert s.player("ann").role == "person" and s.player("sam").role == "supporter"
    for theme in ("living", "control", "people"):
        assert s.active_player.id == "ann"
        ok(g, {"type": "choose_theme", "theme": theme})
        ok(g, {"type": "pick_card", "card": s.turn.dealt[0]})
        ok(g, {"type": "rate", "player": "ann", "point": "real"})
        ok(g, {"type": "rate", "player": "sam", "point": "sometimes"})
        ok(g, {"type": "next"})
        ok(g, {"type": "add_note", "text": f"About {theme}", "author": "sam"})
        ok(g, {"type": "next"})
        ok(g, {"type": "next"})
        ok(g, {"type": "next"})
        ok(
            g,
            {
                "type": "agree_action",
                "what": "Try it",
                "who": "staff",
                "who_kind": "staff",
                "when": "next_month",
            },
        )
        ok(g, {"type": "end_turn"})
    assert s.phase == "summary" and s.stop_reason == "length"
    plan = g.plan()
    assert [p.label for p in plan.participants] == ["AJ", "Sam"]
    assert plan.theme("living").statements[0].chosen_by == "AJ"
    assert plan.theme("living").actions[0].who == "staff team"
    assert plan.theme("living").actions[0].due == "2026-12-23"


def test_workshop_deals_personas_marks_practice_and_runs_a_timer():
    players = [
        {"id": "f", "name": "Fran", "role": "facilitator", "shape": "heart"},
        {"id": "t1", "name": "Trainee A", "shape": "circle"},
        {"id": "t2", "name": "", "shown_as": "anonymous", "shape": "star"},
    ]
    g = new_game(mode="workshop", players=players, timer_seconds=120, dice=False)
    s = g.state
    assert s.order == ["t1", "t2"]
    assert s.player("t1").persona and s.player("t2").persona and s.player("f").persona is None
    assert s.player("t2").label == "Star"
    assert s.setup["practice"] and not s.setup["keep"]
    ok(g, {"type": "choose_theme", "theme": "living", "at": 1000.0})
    assert "extend_timer" in g.allowed()
    g2 = new_game(mode="workshop", players=players, timer_seconds=120, dice=False)
    # The timer counts from the start of the turn, can be paused and extended.
    ok(g2, {"type": "pause_timer", "at": 1010.0})
    ok(g2, {"type": "resume_timer", "at": 1040.0})
    ok(g2, {"type": "extend_timer", "seconds": 60})
    g2.state.turn.started_at = 1000.0  # the start time is set by the start_game command's `at`
    assert g2.timer_remaining(1100.0) == pytest.approx(120 + 60 - (100 - 30))
    plan = play(g, seed=1).plan()
    assert plan.practice and plan.mode == "workshop"
    assert {p.label for p in plan.participants} == {"Fran", "Trainee A", "Star"}


def test_review_of_a_previous_plan_looks_back_then_carries_forward():
    first = play(new_game(seed=2), seed=2)
    previous = first.plan()
    prev_actions = previous.all_actions()
    assert prev_actions, "the first game should agree some actions"
    g = new_game(seed=3, previous_plan=previous.to_dict(), date="2027-02-23", dice=False)
    s = g.state
    assert s.phase == "look_back" and len(s.look_back_queue) == len(prev_actions)
    statuses = ["done", "started", "not_yet", "not_needed"]
    for i in range(len(prev_actions)):
        if i == 1:
            ok(g, {"type": "pass"})
        else:
            ok(g, {"type": "mark_action", "status": statuses[i % 4], "note": f"note {i}"})
    assert s.phase == "choose_theme"
    plan = g.plan()
    assert len(plan.you_said_we_did) == len(prev_actions)
    assert plan.you_said_we_did[1].status == ""  # passed: chose not to say
    assert plan.previous_date == previous.date
    # Carried-over statements are not dealt again.
    carried = {st.card_id for t in previous.themes for st in t.statements}
    ok(g, {"type": "choose_theme", "theme": "living"})
    assert not carried & set(s.turn.dealt) or s.turn.repeats
    # Unfinished actions carry on into the new plan; done ones do not.
    kept = [a for a in plan.all_actions() if a.id.startswith("p")]
    assert all(a.status in ("started", "not_yet", "agreed") for a in kept)
    # Those due "by the next review" are now due by the coming one, not the one just held.
    assert all(a.due == plan.next_review == "2027-05-23" for a in kept if a.when == "next_review")
    assert any(a.when == "next_review" for a in kept)


def test_stopping_during_the_look_back_keeps_last_plans_open_actions_in_the_new_plan():
    first = play(new_game(seed=2), seed=2)
    previous = first.plan()
    open_ids = {a.id for a in previous.all_actions() if a.status not in ("done", "not_needed")}
    assert len(open_ids) >= 2
    g = new_game(seed=3, previous_plan=previous.to_dict(), date="2027-02-23", dice=False)
    ok(g, {"type": "mark_action", "status": "done", "note": "Sorted"})
    ok(g, {"type": "stop_game"})
    plan = g.plan()
    looked_at = plan.you_said_we_did[0].action.id
    kept = {a.id for a in plan.all_actions()}
    assert kept == {"p" + i for i in open_ids} - {looked_at}
    # ... so the next review asks about them again.
    nxt = new_game(seed=4, previous_plan=plan.to_dict(), date="2027-05-23", dice=False)
    assert {a.id for a in nxt.state.look_back_queue} == {"p" + i for i in kept}


def test_going_back_to_the_game_after_stopping_in_the_look_back_round_finishes_that_round():
    previous = play(new_game(seed=2), seed=2).plan()
    g = new_game(seed=3, previous_plan=previous.to_dict(), date="2027-02-23", dice=False)
    waiting = len(g.state.look_back_queue)
    ok(g, {"type": "mark_action", "status": "done"})
    ok(g, {"type": "stop_game"})
    ok(g, {"type": "back_to_game"})
    assert g.state.phase == "look_back" and len(g.state.look_back_queue) == waiting - 1


def test_going_back_to_the_game_mid_turn_carries_on_that_turn_and_rounds_still_count():
    g = new_game(n=2, dice=False, length={"kind": "rounds", "value": 2})
    ok(g, {"type": "pass"})  # p1's turn
    ok(g, {"type": "choose_theme", "theme": "living"})  # p2, the last in the round
    dealt = list(g.state.turn.dealt)
    ok(g, {"type": "stop_game"})
    ok(g, {"type": "back_to_game"})  # p2 carries on picking from the same cards
    assert g.state.phase == "pick" and g.state.turn.dealt == dealt and g.state.active_player.id == "p2"
    ok(g, {"type": "pass"})  # p2's turn ends: round 1 is done
    assert g.state.rounds_done == 1 and g.state.active_player.id == "p1"
    ok(g, {"type": "pass"})
    ok(g, {"type": "pass"})  # round 2 ends the game: two rounds, not three
    assert g.state.phase == "summary" and g.state.stop_reason == "length"


def test_going_back_to_the_game_resumes_the_talk_where_it_was():
    g = new_game(dice=False)
    ok(g, {"type": "choose_theme", "theme": "living"})
    ok(g, {"type": "pick_card", "card": g.state.turn.dealt[0]})
    ok(g, {"type": "next"})
    ok(g, {"type": "next"})  # on the second prompt
    ok(g, {"type": "add_note", "text": "We forget to ask."})
    ok(g, {"type": "stop_game"})
    ok(g, {"type": "back_to_game"})
    assert g.state.phase == "talk" and g.state.turn.prompt == 1 and g.state.active_player.id == "p1"


def test_going_back_after_the_summary_removed_the_turns_card_ends_that_turn():
    g = new_game(dice=False)
    ok(g, {"type": "choose_theme", "theme": "living"})
    card = g.state.turn.dealt[0]
    ok(g, {"type": "pick_card", "card": card})
    ok(g, {"type": "stop_game"})
    ok(g, {"type": "remove_statement", "card": card})
    ok(g, {"type": "back_to_game"})
    assert g.state.phase == "choose_theme" and g.state.active_player.id == "p2"


def test_corrections_reach_this_sessions_statement_when_a_carried_card_is_talked_about_again():
    previous = play(new_game(seed=2), seed=2).plan()
    g = new_game(seed=3, previous_plan=previous.to_dict(), date="2027-02-23", dice=False)
    s = g.state
    while s.phase == "look_back":
        ok(g, {"type": "pass"})
    theme = next(t.id for t in previous.themes if t.statements)
    carried = {st.card_id for st in previous.theme(theme).statements}
    ok(g, {"type": "choose_theme", "theme": theme})
    while not carried & set(s.turn.dealt):
        ok(g, {"type": "more_cards", "include_discussed": True})
    card = sorted(carried & set(s.turn.dealt))[0]
    ok(g, {"type": "pick_card", "card": card})
    ok(g, {"type": "rate", "player": "p1", "point": "real"})
    ok(g, {"type": "stop_game"})
    ok(g, {"type": "set_rating", "card": card, "player": "p2", "point": "not-yet"})
    old, new = [st for st in s.statements[theme] if st.card_id == card]
    assert old.carried_over and not new.carried_over
    assert [(r.player_id, r.point_id) for r in new.ratings] == [("p1", "real"), ("p2", "not-yet")]
    assert old.ratings == previous_ratings(previous, card)  # last time's views are left as they were
    ok(g, {"type": "remove_statement", "card": card})
    assert [st.carried_over for st in s.statements[theme] if st.card_id == card] == [True]
    assert card not in s.discussed


def previous_ratings(plan, card):
    return next(st.ratings for t in plan.themes for st in t.statements if st.card_id == card)


def test_last_plans_actions_waiting_to_be_looked_back_on_can_be_corrected_and_removed():
    previous = play(new_game(seed=2), seed=2).plan()
    g = new_game(seed=3, previous_plan=previous.to_dict(), date="2027-02-23", dice=False)
    s = g.state
    first, *rest = [a.id for a in s.look_back_queue]
    ok(g, {"type": "stop_game"})  # the summary shows them as this plan's actions ...
    assert {a.id for a in g.plan().all_actions()} == {first, *rest}
    ok(g, {"type": "edit_action", "action": first, "what": "Ring the GP"})  # ... so they can be put right
    assert [a.what for a in g.plan().all_actions() if a.id == first] == ["Ring the GP"]
    ok(g, {"type": "back_to_game"})
    for action in [first, *rest]:  # removing every one during the look-back round ends the round
        ok(g, {"type": "remove_action", "action": action})
    assert s.phase == "choose_theme" and not s.look_back_queue
    assert g.plan().all_actions() == []


def test_a_carried_over_statement_and_action_do_not_make_a_theme_complete():
    first = play(new_game(seed=2), seed=2)
    previous = first.plan()
    g = new_game(seed=3, previous_plan=previous.to_dict(), date="2027-02-23", dice=False)
    while g.state.phase == "look_back":
        ok(g, {"type": "mark_action", "status": "started"})
    plan = g.plan()
    assert any(t.statements and t.actions for t in plan.themes)  # carried forward ...
    assert not any(t.complete for t in plan.themes)  # ... but nothing done in this session yet
    assert all(t.complete == g.state.theme_complete(t.id) for t in plan.themes)


def test_looking_back_on_an_action_removed_meanwhile_is_refused_and_pass_still_ends_the_turn():
    g = new_game(dice=False, themes=["living"], length={"kind": "rounds", "value": 5})
    s = g.state
    ok(g, {"type": "choose_theme", "theme": "living"})
    ok(g, {"type": "pick_card", "card": s.turn.dealt[0]})
    for _ in range(4):
        ok(g, {"type": "next"})
    ok(g, {"type": "agree_action", "what": "Ask Sam", "who": "Sam"})
    ok(g, {"type": "end_turn"})
    # Force the next turn onto the look-back tile (with dice on this is where the die lands).
    s.turn.look_back_action, s.turn.kind, s.phase = "a1", "lookback", "look_back_one"
    ok(g, {"type": "remove_action", "action": "a1"})
    before = g.state_dict()
    out = g.apply({"type": "mark_action", "status": "done"})
    assert not out.ok and out.reason == "refuse_no_such_action"
    assert g.state_dict() == before
    ok(g, {"type": "pass"})
    assert s.phase == "choose_theme"


def test_winning_together_needs_a_statement_and_an_action_in_every_theme():
    g = new_game(dice=False, themes=["living", "people"])
    s = g.state
    for theme in ("living", "people"):
        ok(g, {"type": "choose_theme", "theme": theme})
        ok(g, {"type": "pick_card", "card": s.turn.dealt[0]})
        ok(g, {"type": "next"})
        for _ in range(3):
            ok(g, {"type": "next"})
        ok(
            g,
            {
                "type": "agree_action",
                "what": "Do it",
                "who": "everyone",
                "who_kind": "everyone",
                "when": "date",
                "due": "2027-01-05",
            },
        )
        ok(g, {"type": "end_turn"})
    assert s.phase == "summary" and g.plan().won_together
    # A rating left empty by the player moving on is recorded as "chose not to say".
    st = g.plan().theme("living").statements[0]
    assert [(r.player_id, r.point_id) for r in st.ratings] == [("p1", None)]
    assert [t.in_play for t in g.plan().themes] == [t in ("living", "people") for t in THEMES]


def test_summary_corrections_edit_and_remove():
    g = play(new_game(seed=5), seed=5)
    ok(g, {"type": "undo"})  # back from finished to the summary
    assert g.state.phase == "summary"
    plan = g.plan()
    note = next(n for t in plan.themes for n in t.notes)
    action = plan.all_actions()[0]
    st = next(st for t in plan.themes for st in t.statements)
    ok(g, {"type": "edit_note", "note": note.id, "text": "Corrected wording"})
    ok(g, {"type": "remove_action", "action": action.id})
    ok(g, {"type": "set_rating", "card": st.card_id, "player": "p3", "point": "not-sure"})
    ok(g, {"type": "set_next_review", "date": "2027-03-01"})
    ok(g, {"type": "park", "text": "Ask about bus passes"})
    ok(g, {"type": "remove_parked", "index": len(g.state.parked) - 1})
    after = g.plan()
    assert next(n for t in after.themes for n in t.notes if n.id == note.id).text == "Corrected wording"
    assert action.id not in {a.id for a in after.all_actions()}
    assert ("p3", "not-sure") in [
        (r.player_id, r.point_id)
        for t in after.themes
        for s in t.statements
        if s.card_id == st.card_id
        for r in s.ratings
    ]
    assert after.next_review == "2027-03-01"


@pytest.mark.parametrize(
    "cmd,reason",
    [
        ({"type": "pick_card", "card": "nope"}, "refuse_not_now"),
        ({"type": "choose_theme", "theme": "nope"}, "refuse_theme_not_in_play"),
        ({"type": "park", "text": "   "}, "refuse_empty_text"),
        ({"type": "park", "text": "x" * 301}, "refuse_too_long"),
        ({"type": "fly"}, "refuse_bad_command"),
        ({"type": "choose_theme", "theme": 3}, "refuse_bad_command"),
        ({"type": "undo"}, "refuse_nothing_to_undo"),
        ("not a command", "refuse_bad_command"),
        ({"type": ["roll_die"]}, "refuse_bad_command"),  # a damaged log: a list is not a type name
        ({"type": {"x": 1}}, "refuse_bad_command"),
        ({"type": "next", 1: 2, "odd": 3}, "refuse_bad_command"),  # keys that cannot be sorted together
    ],
)
def test_refused_commands_say_why_and_change_nothing(cmd, reason):
    g = new_game(dice=False)
    before = g.state_dict()
    out = g.apply(cmd)
    assert not out.ok and out.reason == reason
    assert g.state_dict() == before and len(g.log) == 1


@pytest.mark.parametrize(
    "change,reason",
    [
        ({"players": [{"name": "Solo"}]}, "refuse_players_count"),
        (
            {"mode": "workshop", "players": [{"name": "F", "role": "facilitator"}]},
            "refuse_players_count_workshop",  # not "between 2 and 8": one trainee is enough
        ),
        ({"mode": "chess"}, "refuse_setup"),
        ({"date": "2026-02-30"}, "refuse_bad_date"),
        ({"date": "9999-12-01"}, "refuse_bad_date"),  # three months on is past the calendar's end
        ({"players": [{"name": "A", "shape": "star"}, {"name": "B", "shape": "star"}]}, "refuse_same_shape"),
        ({"players": [{"name": ""}, {"name": "B"}]}, "refuse_player_name"),
        ({"themes": ["nope"]}, "refuse_setup"),
        ({"previous_plan": {"title": 1}}, "refuse_bad_previous_plan"),
        ({"length": {"kind": "rounds", "value": 0}}, "refuse_setup"),
        ({"language": "../../decks"}, "refuse_setup"),  # the plan could not be read back for a review
        ({"language": 7}, "refuse_setup"),
    ],
)
def test_bad_setups_are_refused(change, reason):
    g = Game.new(small_decks())
    out = g.apply({"type": "start_game", "setup": group_setup(**change)})
    assert not out.ok and out.reason == reason and g.state.phase == "setup"


def test_moving_the_next_review_moves_actions_due_by_the_next_review():
    g = new_game(dice=False, themes=["living"], date="2027-01-10")
    s = g.state
    ok(g, {"type": "choose_theme", "theme": "living"})
    ok(g, {"type": "pick_card", "card": s.turn.dealt[0]})
    for _ in range(4):
        ok(g, {"type": "next"})
    ok(g, {"type": "agree_action", "what": "Ask Sam", "who": "Sam", "when": "next_review"})
    ok(g, {"type": "agree_action", "what": "Ring Jo", "who": "Jo", "when": "next_week"})
    ok(g, {"type": "stop_game"})
    assert [a.due for a in s.all_actions()] == ["2027-04-10", "2027-01-17"]
    ok(g, {"type": "set_next_review", "date": "2027-05-01"})
    assert [a.due for a in g.plan().all_actions()] == ["2027-05-01", "2027-01-17"]
    assert g.plan().next_review == "2027-05-01"


def test_every_plan_made_reads_back_as_a_plan_file():
    from game.model.planio import plan_to_json, read_plan

    for language in (None, "cy", "en-GB", "pt-BR"):
        g = play(new_game(seed=4, language=language), seed=4)
        again = read_plan(plan_to_json(g.plan()))
        assert again.language == (language or "en-GB")


@pytest.mark.parametrize(
    "name,shown",
    [
        ("Ann Jones", "AJ"),
        ("Anne", "A"),  # a short name is not shown in full when initials were chosen
        ("jo", "J"),
        ("AJ", "AJ"),  # typed as initials already
        ("A.J.", "A.J."),
        ("Jean-Luc Picard", "JLP"),
        ("(Bob) Smith", "BS"),
        ("Siân ap Rhys", "SAR"),
        ("علي", "ع"),
        ("😀", "😀"),
    ],
)
def test_initials_never_show_a_whole_name(name, shown):
    g = new_game(players=[{"name": name, "shown_as": "initials", "shape": "star"}, {"name": "Sam"}])
    assert g.state.player("p1").label == shown
    assert g.plan().participants[0].label == shown


def test_odd_text_is_kept_exactly():
    g = new_game(dice=False)
    ok(g, {"type": "choose_theme", "theme": "living"})
    ok(g, {"type": "pick_card", "card": g.state.turn.dealt[0]})
    ok(g, {"type": "next"})
    texts = [
        "Café ŵyr 👍🏽 naïve",
        "مرحبا بالعالم",
        "שלום",
        "<script>alert(1)</script>",
        "=SUM(A1)",
        "é" * 2000,
    ]
    for text in texts:
        ok(g, {"type": "add_note", "text": text})
    assert [n.text for n in g.plan().theme("living").notes] == texts
    assert not g.apply({"type": "add_note", "text": "x\x00" * 2001}).ok  # too long once tidied
    ok(g, {"type": "add_note", "text": "a\x00b\x1bc\nd"})
    assert g.plan().theme("living").notes[-1].text == "abc\nd"  # invisible control characters dropped


def test_every_mode_plays_to_a_finished_plan_and_replays_identically():
    for mode, players in (
        ("group", None),
        ("one-to-one", [{"name": "Ann", "shape": "star"}, {"name": "Sam", "shape": "circle"}]),
        (
            "workshop",
            [{"name": "F", "role": "facilitator", "shape": "heart"}, {"name": "T", "shape": "circle"}],
        ),
    ):
        extra = {"players": players} if players else {}
        g = play(new_game(mode=mode, seed=11, **extra), seed=11)
        assert g.state.phase == "finished"
        again = Game.replay(g.decks, g.log)
        assert again.state_dict() == g.state_dict()
        assert again.plan() == g.plan()


def test_minutes_length_ends_at_the_end_of_a_turn_after_the_time():
    g = Game.new(small_decks())
    ok(
        g,
        {
            "type": "start_game",
            "setup": group_setup(dice=False, length={"kind": "minutes", "value": 5}),
            "at": 0.0,
        },
    )
    ok(g, {"type": "pass", "at": 100.0})
    assert g.state.phase == "choose_theme"
    ok(g, {"type": "pass", "at": 301.0})
    assert g.state.phase == "summary" and g.state.stop_reason == "length"


def test_the_plan_keeps_the_words_it_was_played_with_after_the_deck_changes():
    import dataclasses

    g = play(new_game(seed=4), seed=4)
    first = g.plan()
    said = {st.card_id: st.text for t in first.themes for st in t.statements}
    assert said
    old = small_decks()
    reworded = dataclasses.replace(
        old,
        cards=tuple(dataclasses.replace(c, text=c.text + " (reworded)") for c in old.cards),
        decks=(dataclasses.replace(old.decks[0], version="2.0"),),
    )
    review = Game.new(reworded)
    ok(review, {"type": "start_game", "setup": group_setup(previous_plan=first.to_dict(), date="2027-02-23")})
    carried = {st.card_id: st.text for t in review.plan().themes for st in t.statements if st.carried_over}
    assert carried == said  # last time's words, not the new deck's
    assert [d.version for d in first.decks] == ["1.2"] and [d.version for d in review.plan().decks] == ["2.0"]


def test_topics_parked_last_time_are_carried_into_the_review():
    first = new_game(dice=False)
    ok(first, {"type": "park", "text": "Money and bills", "theme": "control"})
    ok(first, {"type": "stop_game"})
    ok(first, {"type": "confirm_plan"})
    review = new_game(previous_plan=first.plan().to_dict(), date="2027-02-23", dice=False)
    assert [(p.text, p.theme) for p in review.plan().parked] == [("Money and bills", "control")]
    ok(review, {"type": "stop_game"})
    ok(review, {"type": "remove_parked", "index": 0})  # dealt with now: the group can take it off
    assert review.plan().parked == []


def test_players_with_the_same_initials_are_told_apart():
    players = [
        {"name": "Ann Jones", "shown_as": "initials", "shape": "star"},
        {"name": "Alan James", "shown_as": "initials", "shape": "circle"},
        {"name": "Sam", "shape": "square"},
    ]
    g = new_game(players=players)
    assert [p.label for p in g.plan().participants] == ["AJ", "AJ (2)", "Sam"]
