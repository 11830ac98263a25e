"""Playing by keyboard alone and by touch alone; idle frames cost nothing; refusals are shown in words
and lose nothing; Read aloud says when it cannot speak."""

import sys

import pygame
import pytest

from game.ui.harness import game_at, make_app, push_screen
from game.ui.input_events import key_event, tap_events
from game.ui.speech import Speaker


def keys(app, *ks):
    for k in ks:
        mod = 0
        if isinstance(k, tuple):
            k, mod = k
        app.step([key_event(k, mod)])


def tab_to(app, key, limit=60):
    for _ in range(limit):
        if app.top.focus_key == key:
            return
        app.step([key_event(pygame.K_TAB)])
    raise AssertionError(f"Tab never reached {key!r}; focus is on {app.top.focus_key!r}")


def press(app, key):
    tab_to(app, key)
    app.step([key_event(pygame.K_RETURN)])


def type_text(app, text):
    app.step([pygame.event.Event(pygame.TEXTINPUT, text=text)])


def test_one_turn_by_keyboard_alone():
    app = make_app((1920, 1080))
    scr = push_screen(app, "play:roll", game_at("roll"))
    app.step([])
    g = scr.game
    press(app, "roll")
    assert g.state.turn.roll is not None
    assert scr.hold_board
    press(app, "continue")
    assert not scr.hold_board
    # The rest of the turn on a game where the token landed on a theme.
    scr = push_screen(app, "play:pick", game_at("pick"))
    app.step([])
    g = scr.game
    card = g.state.turn.dealt[1]
    # Arrow keys move between cards too.
    tab_to(app, f"card:{g.state.turn.dealt[0]}")
    keys(app, pygame.K_RIGHT)
    assert scr.focus_key == f"card:{card}"
    keys(app, pygame.K_RETURN)
    assert g.state.turn.card == card and g.state.phase in ("rate", "rate_all")
    if g.state.phase == "rate":
        press(app, "point:sometimes")
        press(app, "next")
    assert g.state.phase == "talk"
    tab_to(app, "note")
    type_text(app, "Typed with keys only: é ü 🙂")
    keys(app, (pygame.K_a, pygame.KMOD_CTRL))  # select all...
    type_text(app, "Keys only note")  # ...and replace it
    press(app, "add_note")
    notes = [n.text for ns in g.state.notes.values() for n in ns]
    assert "Keys only note" in notes
    # Escape is Back: the note is taken away again.
    keys(app, pygame.K_ESCAPE)
    assert "Keys only note" not in [n.text for ns in g.state.notes.values() for n in ns]
    assert scr.show_focus, "the focus ring is shown while using the keyboard"


def touch(app, key, also_fake_mouse=True):
    w = next(w for w in app.widgets() if w["key"] == key)
    evs = tap_events(w["rect"].center, touch=True, size=app.size)
    if also_fake_mouse:
        # SDL also sends mouse events for touches, marked touch=True; they must not count twice.
        evs += [
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=w["rect"].center, button=1, touch=True),
            pygame.event.Event(pygame.MOUSEBUTTONUP, pos=w["rect"].center, button=1, touch=True),
        ]
    app.step(evs)


def test_one_turn_by_touch_alone():
    app = make_app((1280, 720))
    scr = push_screen(app, "play:pick", game_at("pick"))
    app.step([])
    g = scr.game
    steps = len(g.log)
    card = g.state.turn.dealt[0]
    touch(app, f"card:{card}")
    assert len(g.log) == steps + 1, "one tap, one command"
    assert g.state.turn.card == card
    if g.state.phase == "rate":
        touch(app, "point:real")
        touch(app, "next")
    else:
        for _ in range(len(g.state.players)):
            touch(app, "point:not-sure")
        touch(app, "next")
    assert g.state.phase == "talk"
    touch(app, "note")
    type_text(app, "Said by touch")
    touch(app, "author:p2")
    touch(app, "add_note")
    notes = [n for ns in g.state.notes.values() for n in ns]
    assert [(n.text, n.author) for n in notes if n.text == "Said by touch"] == [("Said by touch", "Bilal")]
    for _ in range(len(g.decks.prompts)):
        touch(app, "next")
    assert g.state.phase == "action"
    touch(app, "action_what")
    type_text(app, "Try a picture timetable")
    touch(app, "who:staff")
    touch(app, "when:date")
    touch(app, "action_date")
    type_text(app, "31/02/2027")
    touch(app, "agree")
    assert app.top.message == app.w("action_bad_date"), "a wrong date is explained"
    assert scr.boxes["action_what"].text == "Try a picture timetable", "nothing typed is lost"
    touch(app, "action_date")
    keys(app, (pygame.K_a, pygame.KMOD_CTRL))
    type_text(app, "28/02/2027")
    touch(app, "agree")
    acts = [a for a in g.state.all_actions() if a.what == "Try a picture timetable"]
    assert acts and acts[0].due == "2027-02-28" and acts[0].who_kind == "staff"


def test_idle_draws_nothing():
    app = make_app((1920, 1080))
    push_screen(app, "play:roll", game_at("roll"))
    assert app.step([]) is True
    for _ in range(5):
        assert app.step([]) is False
    # A mouse move with no button held changes nothing, so nothing is drawn.
    assert (
        app.step(
            [pygame.event.Event(pygame.MOUSEMOTION, pos=(10, 10), rel=(1, 1), buttons=(0, 0, 0), touch=False)]
        )
        is False
    )
    frames = app.frames
    app.step([key_event(pygame.K_TAB)])
    assert app.frames == frames + 1


def test_refused_step_is_explained_and_changes_nothing():
    app = make_app((1920, 1080))
    scr = push_screen(app, "play:talk", game_at("talk"))
    app.step([])
    before = scr.game.state_dict()
    touch(app, "add_note", also_fake_mouse=False)
    assert scr.message == app.w("note_empty")
    assert scr.game.state_dict() == before
    assert any(w["text"] == app.w("note_empty") for w in app.widgets())


def test_read_aloud_reads_the_cards_and_says_when_it_cannot():
    app = make_app((1920, 1080), speaker=Speaker("record"))
    scr = push_screen(app, "play:pick", game_at("pick"))
    app.step([])
    touch(app, "speak", also_fake_mouse=False)
    said = app.speaker.spoken[-1]
    for cid in scr.game.state.turn.dealt:
        assert scr.decks.card(cid).text.rstrip(".") in said
    quiet = make_app((1920, 1080), speaker=Speaker("none"))
    push_screen(quiet, "play:pick", game_at("pick"))
    quiet.step([])
    speak = next(w for w in quiet.widgets() if w["key"] == "speak")
    assert speak["text"] == quiet.w("btn_read_aloud_none")
    touch(quiet, "speak", also_fake_mouse=False)
    assert quiet.top.message == quiet.w("speech_unavailable", why=quiet.w("speech_why_off"))


def test_store_problem_is_shown_and_play_goes_on():
    from game.store import memory_store
    from game.store import problems as P

    store = memory_store(None, P.Problem(P.FOLDER, {"folder": "/nowhere"}))
    app = make_app((1280, 720), store=store)
    push_screen(app, "start")
    app.step([])
    assert store.problem and any(w["text"] == store.problem for w in app.widgets())


def test_any_window_size_relayouts_on_resize():
    app = make_app((1280, 720))
    push_screen(app, "play:roll", game_at("roll"))
    app.step([])
    small = next(w for w in app.widgets() if w["key"] == "roll")["rect"]
    app.resize((3840, 2160))
    assert app.step([]) is True
    big = next(w for w in app.widgets() if w["key"] == "roll")["rect"]
    assert big.height == pytest.approx(small.height * 3, rel=0.05)


def test_idle_loop_sleeps_until_an_event(monkeypatch):
    """App.run with nobody touching it: the loop sleeps in one wait until something happens, and draws
    nothing while idle. (How little processor that costs is measured by ``bench``, not here: a timed
    test fails whenever the machine running it is busy.)"""
    import time

    from game.ui import app as app_module
    from game.ui.screens.play import DRAFT_DUE

    waits = []

    class CountingWaiter(app_module.IdleWaiter):
        def wait(self, timeout_ms: int = 60_000) -> list:
            got = super().wait(timeout_ms)
            waits.append((timeout_ms, [pygame.event.event_name(e.type) for e in got]))
            return got

    monkeypatch.setattr(app_module, "IdleWaiter", CountingWaiter)
    app = make_app((1920, 1080))
    push_screen(app, "play:roll", game_at("roll"))
    app.step([])  # the screen's first frame is drawn before the idle time is measured
    for leftover in (app_module.TICK, DRAFT_DUE):  # timers an earlier test's window (never closed) left on
        pygame.time.set_timer(leftover, 0)
    pygame.event.clear()
    pygame.time.set_timer(pygame.QUIT, 1500, loops=1)
    wall = time.perf_counter()
    app.run()
    wall = time.perf_counter() - wall
    assert wall >= 1.4, "it waited for the event"
    # Each wake brought an event: it never woke to poll. (A voice an earlier test started may still end.)
    assert all(timeout == 60_000 and got for timeout, got in waits), waits
    assert waits[-1][1] == ["Quit"], waits
    assert app.frames <= 2, "one frame when shown, none while idle"
    if sys.platform.startswith("linux"):
        assert CountingWaiter().sleeps, "it sleeps in SDL itself, not in pygame's 1 ms polling wait"


def test_workshop_timer_is_gentle_extendable_and_pausable():
    app = make_app((1920, 1080))
    link = game_at("pick", mode="workshop")
    scr = push_screen(app, "play:pick", link)
    app.step([])
    t = scr.turn
    t.started_at = __import__("time").time() - 30  # half a minute into a two-minute turn
    scr.needs_build = True
    app.invalidate()
    app.step([])
    label = next(w for w in app.widgets() if w["key"] == "timer")
    assert label["text"].startswith(app.w("timer_left", time="")[:5])
    touch(app, "timer_more", also_fake_mouse=False)
    assert scr.turn.timer_extra == 60
    touch(app, "timer_pause", also_fake_mouse=False)
    assert scr.turn.paused_at is not None
    assert next(w for w in app.widgets() if w["key"] == "timer_pause")["text"] == app.w("btn_timer_resume")
    # Running over is a soft colour and words, not an alarm.
    scr.turn.paused_at = None
    scr.turn.started_at -= 10_000
    scr.needs_build = True
    app.invalidate()
    app.step([])
    label = next(w for w in app.widgets() if w["key"] == "timer")
    assert label["text"] == app.w("timer_over") and label["bg"] == app.ctx.look.timer_soft


def test_typing_is_kept_as_a_draft_every_few_seconds_and_on_focus_change(monkeypatch):
    from game.ui.app import TICK
    from game.ui.screens import play as play_mod

    saved = {}
    app = make_app((1920, 1080))
    link = game_at("talk")
    monkeypatch.setattr(link, "save_draft", lambda f, t: saved.__setitem__(f, t))
    scr = push_screen(app, "play:talk", link)
    app.step([])
    touch(app, "note", also_fake_mouse=False)
    type_text(app, "Half a sentence")
    assert saved == {}
    monkeypatch.setattr(play_mod, "DRAFT_EVERY", 0.0)
    app.step([pygame.event.Event(TICK)])
    assert saved["note"] == "Half a sentence"
    type_text(app, " and more")
    touch(app, "author:p1", also_fake_mouse=False)  # focus moves away from the box
    assert saved["note"] == "Half a sentence and more"
    assert scr.boxes["note"].text == "Half a sentence and more"


def test_a_broken_deck_file_is_explained_not_crashed(tmp_path):
    bad = tmp_path / "ours.yaml"
    bad.write_text("id: ours\ntitle: [unclosed\n", encoding="utf-8")
    app = make_app((1920, 1080))
    app.deck_paths = [str(bad)]
    scr = push_screen(app, "setup:details")
    app.step([])
    assert "ours.yaml" in scr.message
    touch(app, "next", also_fake_mouse=False)
    assert app.top is scr, "the game does not start without cards"
    assert scr.message == app.w("setup_no_decks")


def test_summary_corrections_change_the_plan():
    from game.ui.screens import summary_view

    app = make_app((1920, 1080))
    link = game_at("summary")
    scr = push_screen(app, "play:summary", link)
    g = scr.game
    theme = next(t for t in g.state.themes_in_play if g.state.actions.get(t))
    touch(app, f"section:{theme}", also_fake_mouse=False)
    action = g.state.actions[theme][0]
    items = summary_view.items(scr, theme)
    n = next(i for i, it in enumerate(items) if it["kind"] == "action")
    while not any(w["key"] == f"change:{n}" for w in app.widgets()):
        touch(app, "page_next", also_fake_mouse=False)
    touch(app, f"change:{n}", also_fake_mouse=False)
    assert app.top.name == "choice-dialog"
    touch(app, "choice:when", also_fake_mouse=False)
    touch(app, "choice:date", also_fake_mouse=False)
    assert app.top.name == "text-dialog"
    touch(app, "text", also_fake_mouse=False)
    keys(app, (pygame.K_a, pygame.KMOD_CTRL))
    type_text(app, "not a date")
    touch(app, "save", also_fake_mouse=False)
    assert app.top.message == app.w("action_bad_date") and app.top.name == "text-dialog"
    keys(app, (pygame.K_a, pygame.KMOD_CTRL))
    type_text(app, "01/03/2027")
    touch(app, "save", also_fake_mouse=False)
    assert app.top is scr
    assert action.due == "2027-03-01" and action.when == "date"
    # Remove it, then Back puts it back.
    touch(app, f"remove:{n}", also_fake_mouse=False)
    assert action.id not in [a.id for a in g.state.all_actions()]
    touch(app, "back", also_fake_mouse=False)
    assert action.id in [a.id for a in g.state.all_actions()]


def test_less_movement_means_no_animation():
    app = make_app((1920, 1080), reduced_motion=True)
    scr = push_screen(app, "play:roll", game_at("roll"))
    app.step([])
    touch(app, "roll", also_fake_mouse=False)
    assert scr.update(0.016) is False, "the token is already where it lands"
    assert scr.token_pos(scr.turn.player) == scr.state.positions[scr.turn.player]
    calm = make_app((1920, 1080))
    scr2 = push_screen(calm, "play:roll", game_at("roll"))
    calm.step([])
    touch(calm, "roll", also_fake_mouse=False)
    assert scr2.update(0.016) is True, "with movement on, the token walks to its tile"


def test_demo_with_a_broken_deck_says_so(tmp_path, capsys):
    from game.cli import main

    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [", encoding="utf-8")
    assert main(["demo", "--headless", "--deck", str(bad), "--data-dir", str(tmp_path)]) == 2
    assert "bad.yaml" in capsys.readouterr().err


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_talk = {}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_any_typed_note_is_kept_exactly_or_explained(text):
    if "app" not in _talk:
        _talk["app"] = make_app((1280, 720))
        _talk["link"] = game_at("talk")
    app = _talk["app"]
    scr = push_screen(app, "play:talk", _talk["link"])
    app.step([])
    before = sum(len(v) for v in scr.state.notes.values())
    touch(app, "note", also_fake_mouse=False)
    keys(app, (pygame.K_a, pygame.KMOD_CTRL), pygame.K_BACKSPACE)
    type_text(app, text)
    typed = scr.boxes["note"].text
    touch(app, "add_note", also_fake_mouse=False)
    after = sum(len(v) for v in scr.state.notes.values())
    if after == before + 1:
        last = [n for v in scr.state.notes.values() for n in v][-1]
        assert last.text == typed.strip()
        assert scr.boxes["note"].text == ""
        touch(app, "back", also_fake_mouse=False)  # undo, so the game stays the same size
    else:
        assert scr.message, "a refused note is explained"
        assert scr.boxes["note"].text == typed, "and nothing typed is lost"


def test_mouse_wheel_turns_pages():
    from game.store import memory_store

    def many_games():
        return [
            {
                "id": f"g{i}",
                "title": f"Plan {i}",
                "service": "Rose House",
                "date": "2026-11-23",
                "mode": "group",
                "finished": False,
            }
            for i in range(30)
        ]

    store = memory_store()
    store.list_games = many_games
    app = make_app((1280, 720), store=store)
    scr = push_screen(app, "choose:games")
    app.step([])
    assert scr.page == 0
    app.step(
        [
            pygame.event.Event(
                pygame.MOUSEWHEEL, x=0, y=-1, flipped=False, precise_x=0.0, precise_y=-1.0, touch=False
            )
        ]
    )
    assert scr.page == 1
    app.step(
        [
            pygame.event.Event(
                pygame.MOUSEWHEEL, x=0, y=1, flipped=False, precise_x=0.0, precise_y=1.0, touch=False
            )
        ]
    )
    assert scr.page == 0


def test_next_question_keeps_a_note_that_was_typed_but_not_added():
    app = make_app((1920, 1080))
    scr = push_screen(app, "play:talk", game_at("talk"))
    app.step([])
    prompt = scr.turn.prompt
    touch(app, "note", also_fake_mouse=False)
    type_text(app, "Said, but nobody pressed Add")
    touch(app, "next", also_fake_mouse=False)
    assert "Said, but nobody pressed Add" in [n.text for v in scr.state.notes.values() for n in v]
    assert scr.turn.prompt == prompt + 1 or scr.phase == "action"


def test_an_action_typed_but_not_agreed_is_pointed_out_before_moving_on():
    app = make_app((1920, 1080))
    scr = push_screen(app, "play:action", game_at("action"))
    app.step([])
    turn = scr.turn.number
    touch(app, "action_what", also_fake_mouse=False)
    type_text(app, "Ring the day centre")
    touch(app, "end_turn", also_fake_mouse=False)
    assert scr.message == app.w("action_unsaved") and scr.turn.number == turn
    touch(app, "end_turn", also_fake_mouse=False)
    assert scr.turn is None or scr.turn.number != turn or scr.phase == "summary"


def test_finish_and_check_keeps_a_note_that_was_typed_but_not_added():
    app = make_app((1920, 1080))
    link = game_at("talk")
    scr = push_screen(app, "play:talk", link)
    app.step([])
    touch(app, "note", also_fake_mouse=False)
    type_text(app, "Said just before we stopped")
    touch(app, "stop", also_fake_mouse=False)
    assert scr.phase == "summary"
    assert "Said just before we stopped" in [n.text for v in scr.state.notes.values() for n in v]
    assert scr.boxes["note"].text == ""


def test_finish_and_check_points_out_an_action_typed_but_not_agreed():
    app = make_app((1920, 1080))
    scr = push_screen(app, "play:action", game_at("action"))
    app.step([])
    touch(app, "action_what", also_fake_mouse=False)
    type_text(app, "Ring the day centre")
    touch(app, "stop", also_fake_mouse=False)
    assert scr.message == app.w("stop_unsaved") and scr.phase == "action"
    touch(app, "stop", also_fake_mouse=False)
    assert scr.phase == "summary"


def test_words_typed_to_park_and_not_parked_come_back_when_park_is_opened_again(monkeypatch):
    saved = {}
    app = make_app((1920, 1080))
    link = game_at("pick")
    monkeypatch.setattr(link, "save_draft", lambda f, t: saved.__setitem__(f, t))
    monkeypatch.setattr(link, "drafts", lambda: dict(saved))
    push_screen(app, "play:pick", link)
    app.step([])
    touch(app, "park", also_fake_mouse=False)
    assert app.top.name == "text-dialog"
    touch(app, "text", also_fake_mouse=False)
    type_text(app, "Money for bus fares")
    touch(app, "cancel", also_fake_mouse=False)
    assert app.top.name == "play" and saved.get("park") == "Money for bus fares"
    touch(app, "park", also_fake_mouse=False)
    assert app.top.box.text == "Money for bus fares"
    touch(app, "save", also_fake_mouse=False)
    assert app.top.name == "play" and saved.get("park") == ""
    assert "Money for bus fares" in [p.text for p in link.game.state.parked]


def test_a_quick_second_tap_goes_to_the_screen_the_first_one_opened():
    app = make_app((1280, 720))
    scr = push_screen(app, "play:pick", game_at("pick"))
    app.step([])
    at = scr.find("park").rect.center
    app.step(tap_events(at) + tap_events(at))  # both taps arrive before the next frame
    assert [s.name for s in app.screens] == ["play", "text-dialog"]


def test_an_empty_park_or_correction_says_to_type_or_cancel_not_pass():
    app = make_app((1280, 720))
    scr = push_screen(app, "play:pick", game_at("pick"))
    app.step([])
    touch(app, "park", also_fake_mouse=False)
    touch(app, "save", also_fake_mouse=False)
    assert app.top.name == "text-dialog" and app.top.message == app.w("dialog_empty")
    assert app.top.find("pass") is None  # the words do not send anyone looking for a Pass button
    assert scr.state.parked == []


def test_back_after_adding_a_note_or_action_puts_the_words_back_in_the_box():
    app = make_app((1280, 720))
    scr = push_screen(app, "play:talk", game_at("talk"))
    app.step([])
    touch(app, "note", also_fake_mouse=False)
    type_text(app, "We said this and then went back")
    touch(app, "add_note", also_fake_mouse=False)
    assert scr.boxes["note"].text == ""
    touch(app, "back", also_fake_mouse=False)
    assert "We said this and then went back" not in [n.text for v in scr.state.notes.values() for n in v]
    assert scr.boxes["note"].text == "We said this and then went back"

    scr = push_screen(app, "play:action", game_at("action"))
    app.step([])
    touch(app, "action_what", also_fake_mouse=False)
    type_text(app, "Ring the day centre")
    touch(app, "who:staff", also_fake_mouse=False)
    touch(app, "when:next_week", also_fake_mouse=False)
    touch(app, "agree", also_fake_mouse=False)
    assert scr.boxes["action_what"].text == ""
    touch(app, "back", also_fake_mouse=False)
    assert scr.boxes["action_what"].text == "Ring the day centre"


def test_words_typed_to_park_are_kept_when_the_window_closes_with_the_dialog_open(monkeypatch):
    saved = {}
    app = make_app((1920, 1080))
    link = game_at("pick")
    monkeypatch.setattr(link, "save_draft", lambda f, t: saved.__setitem__(f, t))
    monkeypatch.setattr(link, "drafts", lambda: dict(saved))
    push_screen(app, "play:pick", link)
    app.step([])
    touch(app, "park", also_fake_mouse=False)
    type_text(app, "The garden gate")
    app.close()
    assert saved.get("park") == "The garden gate"


def test_a_review_starts_with_last_times_people_filled_in():
    from game.ui.screens.setup import SetupScreen

    app = make_app((1280, 720))
    prev = {
        "title": "Rose House plan",
        "service": "Rose House",
        "participants": [
            {"id": "p1", "label": "Ann", "shown_as": "name", "role": "player"},
            {"id": "p2", "label": "Player 2", "shown_as": "anonymous", "role": "player"},
            {"id": "p3", "label": "Tom", "shown_as": "name", "role": "facilitator"},
            {"id": "p4", "label": "Café Zoë ✔", "shown_as": "name", "role": "player"},
        ],
    }
    scr = SetupScreen(app, mode="group", previous_plan=prev)
    assert [(p.box.text, p.shown_as) for p in scr.players] == [
        ("Ann", "name"),
        ("", "anonymous"),
        ("Café Zoë ✔", "name"),
    ]
    one = SetupScreen(
        app,
        mode="one-to-one",
        previous_plan={
            "participants": [
                {"id": "p1", "label": "Sam", "shown_as": "name", "role": "supporter"},
                {"id": "p2", "label": "Ann", "shown_as": "name", "role": "person"},
            ]
        },
    )
    assert [(p.box.text, p.role) for p in one.players] == [("Sam", "supporter"), ("Ann", "person")]
    odd = SetupScreen(app, mode="group", previous_plan={"participants": ["not a person", {}]})
    assert len(odd.players) == 2 and odd.players[0].box.text == ""


def test_back_after_parking_a_topic_keeps_its_words_for_talk_about_later(monkeypatch):
    saved = {}
    app = make_app((1920, 1080))
    link = game_at("pick")
    monkeypatch.setattr(link, "save_draft", lambda f, t: saved.__setitem__(f, t))
    monkeypatch.setattr(link, "drafts", lambda: dict(saved))
    scr = push_screen(app, "play:pick", link)
    app.step([])
    touch(app, "park", also_fake_mouse=False)
    type_text(app, "Bus passes")
    touch(app, "save", also_fake_mouse=False)
    assert [p.text for p in scr.state.parked] == ["Bus passes"]
    touch(app, "back", also_fake_mouse=False)
    assert scr.state.parked == []
    touch(app, "park", also_fake_mouse=False)
    assert app.top.box.text == "Bus passes"


def test_back_after_saving_a_look_back_puts_its_note_back():
    app = make_app((1280, 720))
    scr = push_screen(app, "play:look_back", game_at("look_back"))
    app.step([])
    touch(app, "status:started", also_fake_mouse=False)
    touch(app, "lookback_note", also_fake_mouse=False)
    type_text(app, "Half done, the timetable is up")
    touch(app, "save_lookback", also_fake_mouse=False)
    assert scr.boxes["lookback_note"].text == ""
    touch(app, "back", also_fake_mouse=False)
    assert scr.boxes["lookback_note"].text == "Half done, the timetable is up"
