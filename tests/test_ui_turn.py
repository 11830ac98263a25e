"""A turn people can follow, driven headless by real input events: what was said stays in view, nothing
moves under a finger, typing only types, no view shows before everyone asked has chosen (one-to-one
too), Back brings a whole action back, and larger text is never smaller."""

import pygame
import pytest

from game.model.planbuild import build_plan
from game.ui.harness import game_at, make_app, push_screen
from game.ui.input_events import key_event, tap_events
from game.ui.settings import TEXT_SIZES


def tap(app, key):
    w = next(w for w in app.widgets() if w["key"] == key)
    app.step(tap_events(w["rect"].center))


def type_like_a_keyboard(app, text):
    """Each character as a real keyboard sends it: a key press, then its text."""
    for ch in text:
        key = pygame.K_SPACE if ch == " " else pygame.key.key_code(ch.lower())
        app.step([key_event(key, unicode=ch), pygame.event.Event(pygame.TEXTINPUT, text=ch)])


def rects(app, skip=("record", "message")):
    return {
        w["key"]: pygame.Rect(w["rect"]) for w in app.widgets() if w["key"] and not w["key"].startswith(skip)
    }


def at(step, mode="group", size=(1280, 720), **settings):
    app = make_app(size, **settings)
    scr = push_screen(app, f"play:{step}", game_at(step, mode=mode))
    app.step([])
    return app, scr


# ----- keyboard -------------------------------------------------------------------------------------
def test_talk_starts_in_the_note_box_and_typing_never_presses_a_button():
    app, scr = at("talk")
    g = scr.game
    assert scr.focus_key == "note", "where the job is typing, the keyboard starts in the box"
    prompt = g.state.turn.prompt
    # Even with the focus moved to Next question, typed words (spaces too) go into the box.
    app.step([key_event(pygame.K_TAB)])
    while scr.focus_key != "next":
        app.step([key_event(pygame.K_TAB)])
    type_like_a_keyboard(app, "Asked at review")
    assert g.state.turn.prompt == prompt, "a space never pressed Next question"
    assert scr.boxes["note"].text == "Asked at review"
    assert scr.focus_key == "note"


def test_a_new_step_puts_the_keyboard_in_its_box_not_on_the_last_button():
    app, scr = at("rate")
    g = scr.game
    tap(app, "point:real") if g.state.phase == "rate" else None
    app.step([key_event(pygame.K_TAB)])
    while scr.focus_key != "next":
        app.step([key_event(pygame.K_TAB)])
    app.step([key_event(pygame.K_RETURN)])
    assert g.state.phase == "talk"
    assert scr.focus_key == "note"


def test_first_arrow_starts_where_the_step_starts_and_tab_reads_left_to_right():
    app, scr = at("talk")
    scr.focus_key = None
    app.step([key_event(pygame.K_DOWN)])
    assert scr.focus_key == "note", "not a button in the corner"
    order = [w.key for w in scr.focusables()]
    assert order.index("settings") < order.index("leave"), "the top bar reads left to right"
    assert order.index("note") < order.index("add_note") < order.index("next") < order.index("back")


def test_focus_ring_has_a_dark_and_a_light_tone():
    app, scr = at("choose_theme", mode="nodice")
    app.step([key_event(pygame.K_TAB)])
    fw = scr.focused()
    app.step([])
    surf = app.screen if hasattr(app, "screen") else pygame.display.get_surface()
    m = app.ctx.m
    ring = {tuple(surf.get_at((fw.rect.left - d, fw.rect.centery)))[:3] for d in range(1, m.px(24))}
    assert (0, 0, 0) in ring and (255, 255, 255) in ring


# ----- hidden views ---------------------------------------------------------------------------------
def test_one_to_one_shows_no_view_before_both_have_chosen():
    app, scr = at("rate", mode="one-to-one")
    g = scr.game
    s = g.state
    person = next(p for p in s.players if p.role == "person")
    supporter = next(p for p in s.players if p.role == "supporter")
    assert scr.acting() == person.id
    tap(app, "point:real")
    assert s.turn.ratings.get(person.id) == "real"
    texts = " ".join(w["text"] for w in app.widgets())
    assert "This is real" not in texts.replace(app.w("scale_about_real", name=person.label), "")
    assert "✔" not in texts, "neither a tick nor the answer shows on a name before both chose"
    assert app.w("rate_all_done", name=person.label) in texts
    # The supporter is asked about the person, with answers that fit.
    assert scr.acting() == supporter.id
    q = next(w for w in app.widgets() if w["key"] == "rate_question")
    assert q["text"] == app.w("rate_question_about", name=supporter.label, person=person.label)
    real = next(w for w in app.widgets() if w["key"] == "point:real")
    assert real["text"] == app.w("scale_about_real", name=person.label)
    assert not any(w["key"] == "record_views" for w in app.widgets())
    tap(app, "point:sometimes")
    views = next(w for w in app.widgets() if w["key"] == "record_views")
    assert person.label in views["text"] and supporter.label in views["text"], (
        "shown together once both chose"
    )


def test_everyone_turn_hides_answers_until_all_have_chosen():
    app, scr = at("rate_all")
    g = scr.game
    raters = [p for p in g.state.players if p.role != "facilitator"]
    for _ in raters[:-1]:
        tap(app, "point:not-yet")
        texts = [w["text"] for w in app.widgets() if w["key"].startswith(("mark:", "record", "point:"))]
        assert not any("✔" in t or app.w("record_views", views="")[:5] in t for t in texts)
    tap(app, "point:real")
    assert g.state.phase == "reveal"


# ----- the record stays, nothing moves --------------------------------------------------------------
def test_notes_stay_in_view_and_can_be_changed_by_tapping_them():
    app, scr = at("talk")
    g = scr.game
    tap(app, "note")
    app.step([pygame.event.Event(pygame.TEXTINPUT, text="We like the garden")])
    tap(app, "author:p2")
    before = rects(app)
    tap(app, "add_note")
    note = next(n for ns in g.state.notes.values() for n in ns if n.text == "We like the garden")
    shown = next(w for w in app.widgets() if w["key"] == f"record_note:{note.id}")
    assert "We like the garden" in shown["text"] and "Bilal" in shown["text"]
    assert rects(app) == before, "adding a note and its message moved no control"
    tap(app, "next")
    assert any(w["key"] == f"record_note:{note.id}" for w in app.widgets()), (
        "still there at the next question"
    )
    tap(app, f"record_note:{note.id}")
    assert app.top.name == "text-dialog"
    app.step(
        [key_event(pygame.K_a, pygame.KMOD_CTRL), pygame.event.Event(pygame.TEXTINPUT, text="We love it")]
    )
    tap(app, "save")
    assert app.top is scr and note.text == "We love it"


@pytest.mark.parametrize("step", ["rate", "talk", "action"])
def test_messages_come_and_go_without_moving_a_control(step):
    app, scr = at(step)
    before = rects(app)
    scr.message = app.w("leave_not_saved_warning", finish="x", stop="y")
    scr.needs_build = True
    app.step([])
    assert rects(app) == before
    tap(app, "pass")  # "Passed" or the next step: either way the bar stays put
    after = rects(app)
    for key in ("back", "pass", "speak", "park", "stop", "settings", "leave"):
        assert after[key] == before[key]


def test_action_step_shows_the_card_and_back_brings_the_whole_action_back():
    app, scr = at("action")
    g = scr.game
    card = g.decks.card(g.state.turn.card)
    assert any(w["role"] == "card" and w["text"] == card.text for w in app.widgets())
    tap(app, "action_what")
    app.step([pygame.event.Event(pygame.TEXTINPUT, text="Ask about the bus pass")])
    tap(app, "who:staff")
    tap(app, "when:next_month")
    tap(app, "agree")
    assert any(w["key"].startswith("record_action:") for w in app.widgets()), (
        "the agreed action stays in view"
    )
    tap(app, "back")
    assert scr.boxes["action_what"].text == "Ask about the bus pass"
    assert (scr.view.who_kind, scr.view.who, scr.view.when) == ("staff", "staff", "next_month")


def test_talk_about_later_offers_the_card_on_screen():
    app, scr = at("talk")
    card = scr.decks.card(scr.turn.card)
    tap(app, "park")
    assert app.top.name == "text-dialog" and app.top.box.text == card.text


def test_workshop_timer_never_squeezes_the_rating_choices():
    for size in ((1280, 720), (1920, 1080), (3840, 2160)):
        for step in ("pick", "rate", "rate_all", "reveal", "talk", "action"):
            app, scr = at(step, mode="workshop", size=size)
            assert scr._timer_text(), "the timer is on"
            m = app.ctx.m
            for w in app.widgets():
                if w["role"] in ("button", "choice", "textbox") and w.get("enabled", True):
                    assert min(w["rect"].size) >= m.target - 1, (size, step, w["key"], w["rect"])
                if "font_px" in w:
                    assert w["text_size"][0] <= w["text_box"].width + 1


# ----- text size --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name",
    [
        "play:pick",
        "play:rate",
        "play:rate_all",
        "play:reveal",
        "play:talk",
        "play:action",
        "play:summary",
        "setup:mode",
        "setup:players",
        "setup:themes",
        "setup:details",
        "start",
        "text-dialog",
        "choice-dialog",
    ],
)
def test_larger_text_is_never_smaller(name):
    link = game_at(name.partition(":")[2]) if name.startswith("play:") else None
    sizes = {}
    for scale in TEXT_SIZES:
        app = make_app((1280, 720), text_size=scale)
        push_screen(app, name, link)
        app.step([])
        sizes[scale] = {w["key"]: w["font_px"] for w in app.widgets() if "font_px" in w and w["key"]}
    normal = sizes[TEXT_SIZES[0]]
    for scale in TEXT_SIZES[1:]:
        smaller = {
            k: (px, sizes[scale][k]) for k, px in normal.items() if k in sizes[scale] and sizes[scale][k] < px
        }
        assert not smaller, f"at {scale}: {smaller}"


# ----- set-up keeps its promises ----------------------------------------------------------------------
def test_setup_blank_name_means_the_token_and_one_round_is_singular():
    app = make_app((1280, 720))
    scr = push_screen(app, "setup:players")
    app.step([])
    tap(app, "name:p2")
    app.step([key_event(pygame.K_a, pygame.KMOD_CTRL), key_event(pygame.K_BACKSPACE)])
    assert scr.players[1].box.text == ""
    tap(app, "next")
    assert scr.message is None and scr.players[1].shown_as == "anonymous", "blank is taken as 'use the token'"
    tap(app, "length:rounds")
    while scr.rounds > 1:
        tap(app, "less")
    value = next(w for w in app.widgets() if w["key"] == "length_value")
    assert value["text"] == app.w("length_rounds_value_one") == "1 round"
    tap(app, "next")
    tap(app, "next")
    play = app.top
    assert play.name == "play"
    p2 = play.state.player("p2")
    assert p2.shown_as == "anonymous" and p2.label


def test_arrows_go_along_the_row_before_jumping_to_another():
    app = make_app((1280, 720))
    scr = push_screen(app, "setup:mode")
    app.step([])
    scr.set_focus("speak")
    app.step([key_event(pygame.K_RIGHT)])
    assert scr.focus_key == "next", "Right from Read aloud is Next, beside it, not a card choice above"
    app.step([key_event(pygame.K_UP)])
    assert scr.focus_key.startswith("deck:")
    app, scr = at("talk")
    scr.set_focus("add_note")
    app.step([key_event(pygame.K_RIGHT)])
    assert scr.focus_key == "next"


def test_rating_starts_the_keyboard_on_the_first_answer():
    app, scr = at("rate_all")
    scr.focus_key = None
    app.step([key_event(pygame.K_DOWN)])
    assert scr.focus_key == f"point:{scr.decks.scale[0].id}"


def test_pick_starts_the_keyboard_on_the_first_card():
    app, scr = at("pick")
    scr.focus_key = None
    app.step([key_event(pygame.K_DOWN)])
    assert scr.focus_key == f"card:{scr.turn.dealt[0]}"
    app.step([key_event(pygame.K_RIGHT)])
    assert scr.focus_key == f"card:{scr.turn.dealt[1]}"


# ----- safe delete ------------------------------------------------------------------------------------
@pytest.mark.parametrize("size", [(1280, 720), (3840, 2160)])
def test_a_double_tap_on_delete_never_deletes(tmp_path, size):
    from test_e2e_history_export import kept_store

    from game.ui.screens.choose import ChooseGameScreen
    from game.ui.screens.start import StartScreen

    store = kept_store(tmp_path)
    app = make_app(size, store=store)
    app.push(StartScreen(app))
    app.push(ChooseGameScreen(app, "plans"))
    app.step([])
    before = [r["id"] for r in store.list_plans()]
    rid = before[-1]
    dele = next(w for w in app.widgets() if w["key"] == f"delete:{rid}")
    app.step(tap_events(dele["rect"].center) + tap_events(dele["rect"].center))
    assert app.top.name == "confirm-dialog"
    assert [r["id"] for r in store.list_plans()] == before, "nothing deleted by the second tap"
    yes = next(w for w in app.widgets() if w["key"] == "yes")
    assert not yes["rect"].colliderect(dele["rect"]), "Yes is away from where Delete was"
    tap(app, "yes")
    assert app.top.name == "choose"
    assert rid not in [r["id"] for r in store.list_plans()]


def test_setup_asks_who_writes_the_plan_up_and_the_plan_says_so():
    app = make_app((1280, 720))
    push_screen(app, "setup:details")
    app.step([])
    tap(app, "plan_written_by")
    type_like_a_keyboard(app, "Priya")
    tap(app, "next")
    play = app.top
    assert play.name == "play"
    assert build_plan(play.link.game.state, play.link.game.decks).written_by == "Priya"
