"""The note box: typing (accents, emoji, right-to-left), cursor and selection by keys and pointer,
cut/copy/paste, Home/End, wrapping of long notes, and odd text that must never crash."""

import pygame
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.ui import textbox as tb_mod
from game.ui.harness import make_app
from game.ui.input_events import key_event
from game.ui.textbox import TextBox


@pytest.fixture(scope="module")
def app():
    return make_app((1920, 1080))


def box_on(app, text="", w=600, h=200):
    b = TextBox(pygame.Rect(50, 50, w, h), "note", text)
    surf = pygame.Surface(app.size)
    b.draw(surf, app.ctx, focused=True)
    return b, surf


def key(b, app, k, mod=0):
    return b.handle(app, key_event(k, mod))


def text_in(b, app, s):
    b.handle(app, pygame.event.Event(pygame.TEXTINPUT, text=s))


def test_typing_and_editing(app):
    b, _ = box_on(app)
    text_in(b, app, "Hello wrld")
    key(b, app, pygame.K_LEFT)
    key(b, app, pygame.K_LEFT)
    key(b, app, pygame.K_LEFT)
    text_in(b, app, "o")
    assert b.text == "Hello world"
    key(b, app, pygame.K_HOME)
    key(b, app, pygame.K_DELETE)
    assert b.text == "ello world"
    key(b, app, pygame.K_END)
    key(b, app, pygame.K_BACKSPACE)
    assert b.text == "ello worl"
    key(b, app, pygame.K_BACKSPACE, pygame.KMOD_CTRL)
    assert b.text == "ello "


def test_selection_and_replace(app):
    b, _ = box_on(app, "one two three")
    key(b, app, pygame.K_HOME)
    for _ in range(3):
        key(b, app, pygame.K_RIGHT, pygame.KMOD_SHIFT)
    assert b.selection() == (0, 3)
    text_in(b, app, "1")
    assert b.text == "1 two three"
    key(b, app, pygame.K_a, pygame.KMOD_CTRL)
    assert b.selection() == (0, len(b.text))
    key(b, app, pygame.K_BACKSPACE)
    assert b.text == ""


def test_cut_copy_paste(app, monkeypatch):
    clip = {}
    monkeypatch.setattr(tb_mod, "_clipboard_put", lambda t: clip.__setitem__("t", t))
    monkeypatch.setattr(tb_mod, "_clipboard_get", lambda: clip.get("t", ""))
    b, _ = box_on(app, "cut me")
    key(b, app, pygame.K_a, pygame.KMOD_CTRL)
    key(b, app, pygame.K_x, pygame.KMOD_CTRL)
    assert b.text == "" and clip["t"] == "cut me"
    key(b, app, pygame.K_v, pygame.KMOD_CTRL)
    key(b, app, pygame.K_v, pygame.KMOD_CTRL)
    assert b.text == "cut mecut me"


def test_pointer_places_cursor_and_drag_selects(app):
    b, surf = box_on(app, "abcdef")
    b.pointer_down((b._box.left, b._box.top + 5))
    assert b.cursor == 0
    b.pointer_drag((b._box.right - 2, b._box.top + 5))
    b.pointer_up((b._box.right - 2, b._box.top + 5))
    assert b.selection() == (0, 6)


def test_long_notes_wrap_inside_the_box(app):
    long_word = "W" * 200
    b, surf = box_on(app, "Short words first. " + long_word + " and more words after it " * 5)
    for a, z in b._lines:
        assert b._font.size(b.text[a:z].rstrip())[0] <= b._box.width
    assert len(b._lines) > 5
    # Up and Down move between wrapped lines.
    key(b, app, pygame.K_HOME, pygame.KMOD_CTRL)
    key(b, app, pygame.K_DOWN)
    assert b._line_of(b.cursor) == 1


def test_limit_keeps_what_fits(app):
    b, _ = box_on(app)
    b.max_chars = 10
    text_in(b, app, "0123456789ABC")
    assert b.text == "0123456789" and b.full


def test_composition_is_shown_until_committed(app):
    b, surf = box_on(app, "caf")
    b.handle(app, pygame.event.Event(pygame.TEXTEDITING, text="é", start=0, length=1))
    assert b.composing == "é" and b.text == "caf"
    b.draw(surf, app.ctx, focused=True)
    text_in(b, app, "é")
    assert b.text == "café" and b.composing == ""


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_odd_text_never_crashes(s):
    app = make_app((1280, 720))
    b, surf = box_on(app, s)
    text_in(b, app, s)
    for k in (
        pygame.K_LEFT,
        pygame.K_UP,
        pygame.K_END,
        pygame.K_BACKSPACE,
        pygame.K_DOWN,
        pygame.K_HOME,
        pygame.K_DELETE,
    ):
        key(b, app, k, pygame.KMOD_SHIFT)
        b.draw(surf, app.ctx, focused=True)
    assert "\x00" not in b.text


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=200))
def test_fitted_text_stays_in_its_box(s):
    app = make_app((1280, 720))
    px = app.fonts.fit(s, 300, 120, 40, 8)
    w, h = app.fonts.size(s, px, 300)
    assert px >= 8
    if px > 8:
        assert w <= 300 and h <= 120


def test_right_to_left_text_is_shaped_only_when_it_is_all_right_to_left():
    from game.ui.text import rtl_script

    assert rtl_script("مرحبا، نحن نحب الحديقة") == "Arab"
    assert rtl_script("שלום לכולם") == "Hebr"
    assert rtl_script("Hello مرحبا") is None
    assert rtl_script("café 🙂") is None
    app = make_app((1280, 720))
    surf = app.fonts.render("مرحبا 123 🙂", 32, (0, 0, 0), 400)
    assert surf.get_width() > 0


def test_a_one_line_box_never_takes_a_new_line(app, monkeypatch):
    b = TextBox(pygame.Rect(50, 50, 600, 100), "name", "Ann", single_line=True)
    assert key(b, app, pygame.K_RETURN) is False  # Enter is left to the screen, to move on
    assert b.text == "Ann"
    monkeypatch.setattr(tb_mod, "_clipboard_get", lambda: "Marie\r\nJones\n")
    key(b, app, pygame.K_v, pygame.KMOD_CTRL)
    assert "\n" not in b.text and b.text.startswith("AnnMarie Jones")
    b.set_text("Rose\nHouse")
    assert b.text == "Rose House"


def test_enter_in_a_name_or_title_goes_on_instead_of_breaking_the_line():
    from game.ui.harness import push_screen

    app = make_app((1280, 720))
    scr = push_screen(app, "setup:players")
    app.step([])
    scr.set_focus("name:p1")
    scr.players[0].box.set_text("")
    app.step([pygame.event.Event(pygame.TEXTINPUT, text="Ann")])
    app.step([key_event(pygame.K_RETURN)])
    app.step([pygame.event.Event(pygame.TEXTINPUT, text="Marie")])
    assert scr.players[0].box.text == "Ann" and scr.focus_key == "name:p2"
    scr.set_focus(scr.players[-1].box.key)
    app.step([key_event(pygame.K_RETURN)])
    assert scr.focus_key == "next"  # after the last name, Enter lands on Next (a second Enter goes on)
    scr = push_screen(app, "setup:details")
    app.step([])
    scr.set_focus("plan_title")
    scr.title_box.set_text("Rose")
    app.step([key_event(pygame.K_RETURN)])
    assert scr.title_box.text == "Rose" and scr.focus_key == "plan_service"
    scr.set_focus("plan_date")
    app.step([key_event(pygame.K_RETURN)])
    assert scr.focus_key == "plan_written_by"
    app.step([key_event(pygame.K_RETURN)])
    assert scr.focus_key == "next"  # not Back
