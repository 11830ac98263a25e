"""Characters the chosen font lacks (emoji in notes and names, the scale marks with OpenDyslexic on, other
scripts) are drawn in a font that has them: no empty boxes, wrapped mixed text still fits its box, the note box
moves over and deletes a whole emoji, and a frame full of such text still draws fast."""

import statistics
import time

import pygame
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.ui.clusters import boundaries, clusters, next_boundary, prev_boundary
from game.ui.decks import load_for_game
from game.ui.harness import game_at, make_app, push_screen
from game.ui.input_events import key_event
from game.ui.text import Fonts, rtl_script
from game.ui.textbox import TextBox

NOTE = "We had a lovely walk 👍 ❤️ and tea after 😀 — Ann says ✔ real for her 👨‍👩‍👧"
EMOJI = ["👍", "❤️", "😀", "🎉", "🙂", "💪", "⭐", "👨‍👩‍👧", "👍🏽", "🇬🇧"]
MARKS = ["✔", "◐", "○", "✓", "…", "–"]
NAMES = ("Ann 👍", "Bilal ❤️", "Cerys 😀")
BLACK = (0, 0, 0)


@pytest.fixture(scope="module", params=[False, True], ids=["dejavu", "opendyslexic"])
def fonts(request):
    pygame.font.init()
    return Fonts(dyslexic=request.param)


def ink(surf) -> int:
    """How many pixels have any colour on them."""
    data = pygame.image.tobytes(surf, "RGBA")
    return sum(1 for a in data[3::4] if a)


def the_empty_box(fonts, px=40) -> bytes:
    """What the chosen font draws for a character it has no glyph for (its .notdef box)."""
    missing = "\ue000"  # private use: no font here has it
    assert not fonts.chain().coverage.has(fonts.chain().primary, missing)
    return pygame.image.tobytes(fonts.font(px).render(missing, True, BLACK), "RGBA")


def test_the_check_can_see_a_box(fonts):
    # The chosen font on its own does draw boxes (so the tests below would notice one).
    alone = "✔" if fonts.dyslexic else "👍"
    drawn = pygame.image.tobytes(fonts.font(40).render(alone, True, BLACK), "RGBA")
    assert drawn == the_empty_box(fonts)


@pytest.mark.parametrize("ch", EMOJI + MARKS)
def test_no_empty_boxes(fonts, ch):
    got = fonts.render(ch, 40, BLACK)
    assert ink(got) > 20, ch
    assert pygame.image.tobytes(got, "RGBA") != the_empty_box(fonts), ch


def test_every_character_drawn_is_in_its_font(fonts):
    chain = fonts.chain()
    texts = [NOTE, *EMOJI, " ".join(MARKS), "Ελλάδα Привет שלום مرحبا ŵŷ café", "বাংলা हिन्दी ትግርኛ"]
    cov = chain.coverage
    for text in texts:
        for path, seg, _script, _rtl in chain.runs(text, rtl_script(text)):
            for ch in seg:
                # Bengali, Hindi and Ge'ez come from the computer's own fonts: only where it has one.
                somewhere = any(cov.has(p, ch) for p in chain.fonts) or cov.script_font(ch) is not None
                if not ch.isspace() and somewhere:
                    assert cov.has(path, ch), (text, ch, path)


def test_skin_tones_and_joiners_are_kept_in_the_text_but_not_drawn_as_swatches(fonts):
    runs = fonts.chain().runs("👍🏽")
    assert "".join(seg for _, seg, _, _ in runs) == "👍"
    assert clusters("👍🏽 ❤️ 👨‍👩‍👧 🇬🇧 e\u0301") == [
        "👍🏽",
        " ",
        "❤️",
        " ",
        "👨‍👩‍👧",
        " ",
        "🇬🇧",
        " ",
        "e\u0301",
    ]


def test_scale_marks_show_with_the_dyslexia_font():
    decks, problems = load_for_game()
    assert decks is not None, problems
    f = Fonts(dyslexic=True)
    chain = f.chain()
    box = the_empty_box(f)
    for sp in decks.scale:
        shown = f"{sp.symbol}  {sp.label}"
        for path, seg, _, _ in chain.runs(shown):
            for ch in seg.strip():
                assert chain.coverage.has(path, ch), (sp.id, ch, path)
        if not chain.coverage.has(chain.primary, sp.symbol):
            # OpenDyslexic has no ✔ ◐ ○: they come from another font, and are not boxes.
            assert pygame.image.tobytes(f.render(sp.symbol, 40, BLACK), "RGBA") != box
            assert ink(f.render(sp.symbol, 40, BLACK)) > 20


def test_right_to_left_words_keep_their_order_around_emoji():
    f = Fonts()
    runs = f.chain().runs("مرحبا 👍 شكرا", "Arab")
    # A whole right-to-left line is drawn from the right: its last word comes first from the left.
    assert runs[0][1].strip() == "شكرا" and runs[-1][1].strip() == "مرحبا"
    assert all(rtl for *_, rtl in runs)
    mixed = f.chain().runs("we say شكرا جزيلا to Ann 👍")
    rtl = [seg for _, seg, _, is_rtl in mixed if is_rtl]
    assert rtl == ["شكرا جزيلا"], mixed


def test_renders_are_cached_and_the_dyslexia_switch_starts_again():
    f = Fonts()
    a = f.render(NOTE, 30, BLACK, 400)
    assert f.render(NOTE, 30, BLACK, 400) is a
    assert f.render(NOTE, 30, (1, 2, 3), 400) is not a
    f.set_dyslexic(True)
    assert f.render(NOTE, 30, BLACK, 400) is not a


MIXED = st.sampled_from(
    [
        *"abcdefg xyz  ",
        "Hello",
        "café",
        "ŵŷ",
        *EMOJI,
        *MARKS,
        "ش",
        "שלום",
        "ক",
        "中",
        "\n",
        "a-very-long-word-indeed",
    ]
)


@settings(max_examples=60, deadline=None)
@given(
    parts=st.lists(MIXED, max_size=40),
    width=st.integers(80, 700),
    px=st.integers(10, 40),
    dyslexic=st.booleans(),
)
def test_wrapped_mixed_text_stays_inside_its_width(parts, width, px, dyslexic):
    f = Fonts(dyslexic=dyslexic)
    text = "".join(parts)
    surf = f.render(text, px, BLACK, width)
    assert surf.get_width() <= width
    if not f.chain().simple(text):
        # Every line drawn is whole inside the width (nothing is cut off at the right-hand edge).
        for para in text.split("\n"):
            for line in f._wrap(para, px, False, width):
                assert f.measure(line, px) <= width or len(clusters(line)) == 1, line
    lines = text.strip("\n").split("\n")
    assert surf.get_height() >= f.line_height(px) * len(lines)
    one_line = text.replace("\n", " ")
    if one_line:
        # What the note box measures is what is drawn, so its cursor sits where the words end.
        assert f.measure(one_line, px) == f.render(one_line, px, BLACK).get_width()


@settings(max_examples=40, deadline=None)
@given(parts=st.lists(MIXED, min_size=1, max_size=30), w=st.integers(120, 800), h=st.integers(40, 300))
def test_shrink_to_fit_works_with_mixed_text(parts, w, h):
    f = Fonts(dyslexic=True)
    text = "".join(parts)
    px = f.fit(text, w, h, 48, 8)
    tw, th = f.size(text, px, w)
    if px > 8:
        assert tw <= w and th <= h
        # ... and no word, however many emoji it has, is broken across two lines.
        assert all(f.measure(word, px) <= w for word in text.split())
    short = f.shorten(text, 8, w, h)
    if short != text:
        # Cut at a whole character: never half an emoji or a letter without its accent.
        assert short.endswith("…")
        cut = short[:-1]
        assert text.startswith(cut) and len(cut) in boundaries(text)


@settings(max_examples=40, deadline=None)
@given(text=st.text(max_size=60))
def test_any_text_renders_and_measures(text):
    f = Fonts(dyslexic=True)
    assert f.render(text, 24, BLACK, 200).get_width() <= 200
    assert f.measure(text, 24) >= 0
    b = boundaries(text)
    assert b[0] == 0 and b[-1] == len(text) and b == sorted(set(b))
    for i in range(1, len(text)):
        assert prev_boundary(text, i) in b and prev_boundary(text, i) < i
        assert next_boundary(text, i) in b and next_boundary(text, i) > i


@pytest.mark.parametrize(
    "text", ["\u200b", "\x1b", "\u200d", "\ufe0f", "\U0001f3fd", "a\u200bb", "\u202e🙂", "\ue000"]
)
@pytest.mark.parametrize("dyslexic", [False, True], ids=["dejavu", "opendyslexic"])
def test_invisible_and_odd_characters_never_crash(text, dyslexic):
    f = Fonts(dyslexic=dyslexic)
    for width in (0, 120):
        assert f.render(text, 24, BLACK, width).get_height() >= f.line_height(24)
    assert f.measure(text, 24) >= 0
    assert f.fit(text, 100, 40, 30) >= 8


# --- the note box ------------------------------------------------------------------------------------------
@pytest.fixture(scope="module", params=[False, True], ids=["dejavu", "opendyslexic"])
def app(request):
    return make_app((1920, 1080), dyslexic_font=request.param)


def box_on(app, text="", w=600, h=200):
    b = TextBox(pygame.Rect(50, 50, w, h), "note", text)
    surf = pygame.Surface(app.size)
    b.draw(surf, app.ctx, focused=True)
    return b, surf


def key(b, app, k, mod=0):
    b.handle(app, key_event(k, mod))


def test_cursor_moves_over_a_whole_emoji_and_backspace_deletes_it(app):
    b, _ = box_on(app)
    b.handle(app, pygame.event.Event(pygame.TEXTINPUT, text="Tea 👍🏽 ❤️ 👨‍👩‍👧"))
    assert b.text == "Tea 👍🏽 ❤️ 👨‍👩‍👧"
    key(b, app, pygame.K_BACKSPACE)
    assert b.text == "Tea 👍🏽 ❤️ "
    key(b, app, pygame.K_LEFT)
    key(b, app, pygame.K_LEFT)
    assert b.text[b.cursor :] == "❤️ "
    key(b, app, pygame.K_DELETE)
    assert b.text == "Tea 👍🏽  "
    key(b, app, pygame.K_LEFT)
    key(b, app, pygame.K_LEFT)
    assert b.text[b.cursor :] == "👍🏽  "
    key(b, app, pygame.K_RIGHT, pygame.KMOD_SHIFT)
    assert b.selection() == (4, 4 + len("👍🏽"))
    b.handle(app, pygame.event.Event(pygame.TEXTINPUT, text="😀"))
    assert b.text == "Tea 😀  "


def test_a_full_box_never_keeps_half_an_emoji(app):
    b, _ = box_on(app)
    b.max_chars = 5
    b.handle(app, pygame.event.Event(pygame.TEXTINPUT, text="Hi ❤️❤️"))
    assert b.text == "Hi ❤️" and b.full


def test_the_cursor_sits_right_after_an_emoji(app):
    text = "Hi 😀 ❤️ ✔ ok"
    b, _ = box_on(app, text)
    inner = b._box
    px = app.ctx.m.body
    drawn = app.ctx.fonts.render(text, px, BLACK).get_width()
    assert b.caret_rect.x - inner.left == drawn
    # A tap just after the heart puts the cursor after the whole heart, never between ❤ and its selector.
    upto = text.index("❤️") + 2
    x = inner.left + app.ctx.fonts.measure(text[:upto], px) + 1
    b.pointer_down((x, inner.top + 5))
    assert b.cursor == upto
    for dx in range(0, app.ctx.fonts.measure(text, px) + 10, 3):
        b.pointer_down((inner.left + dx, inner.top + 5))
        assert b.cursor in boundaries(text)


def test_long_emoji_notes_wrap_inside_the_box_at_whole_characters(app):
    text = "👍🏽❤️😀🎉👨‍👩‍👧" * 12 + " and we walked to the café ✔ " * 3
    b, _ = box_on(app, text, w=300, h=400)
    marks = set(boundaries(text))
    for a, z in b._lines:
        assert a in marks and z in marks
        line = text[a:z].rstrip("\n")
        assert app.ctx.fonts.measure(line.rstrip(), app.ctx.m.body) <= b._wrap_w
    assert len(b._lines) > 3


# --- whole screens -----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def emoji_game():
    link = game_at("talk", names=NAMES)
    assert link.apply({"type": "add_note", "text": NOTE, "at": 2000.0}).ok
    return link


def fit_problems(app, size):
    window = pygame.Rect((0, 0), size)
    problems = []
    for w in app.widgets():
        for x in [w, *w.get("children", [])]:
            if not window.contains(x["rect"]):
                problems.append(f"{x['key']!r} leaves the window")
            if "font_px" in x:
                tw, th = x["text_size"]
                if tw > x["text_box"].width + 1 or th > x["text_box"].height + 1:
                    problems.append(f"{x['key']!r} {x.get('text', '')[:30]!r} does not fit")
    return problems


def glyph_problems(app):
    """Characters on screen that are drawn in a font without them (boxes)."""
    chain = app.ctx.fonts.chain()
    bold = app.ctx.fonts.chain(True)
    out = []
    for w in app.widgets():
        for x in [w, *w.get("children", [])]:
            text = x.get("text") or ""
            for c in (chain, bold):
                for path, seg, _, _ in c.runs(text, rtl_script(text)):
                    out += [
                        f"{x['key']!r}: {ch!r}"
                        for ch in seg
                        if not ch.isspace() and not c.coverage.has(path, ch)
                    ]
    return out


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (3840, 2160)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("dyslexic", [False, True], ids=["dejavu", "opendyslexic"])
@pytest.mark.parametrize("screen", ["play:talk", "play:rate", "play:reveal", "play:summary"])
def test_screens_with_emoji_names_and_notes_fit_and_show_no_boxes(emoji_game, screen, size, dyslexic):
    app = make_app(size, dyslexic_font=dyslexic)
    step = screen.split(":")[1]
    link = emoji_game if step == "talk" else game_at(step, names=NAMES)
    scr = push_screen(app, screen, link)
    if step == "talk":
        scr.boxes["note"].set_text(NOTE * 3)
    app.invalidate()
    assert app.step([]) is True
    assert not fit_problems(app, size)
    assert not glyph_problems(app)


def test_a_frame_with_fallback_text_draws_fast(emoji_game, capsys):
    app = make_app((1920, 1080), dyslexic_font=True)
    scr = push_screen(app, "play:talk", emoji_game)
    scr.boxes["note"].set_text(NOTE * 3)
    app.step([])
    times = []
    for _ in range(30):
        app.invalidate()
        t0 = time.perf_counter()
        app.step([])
        times.append((time.perf_counter() - t0) * 1000)
    median = statistics.median(times)
    with capsys.disabled():
        print(f"\nframe with emoji note and names, OpenDyslexic, 1920x1080: median {median:.1f} ms")
    # The game's target is 8 ms on an idle machine; tests share the machine, so allow room.
    assert median < 40


def test_a_computer_without_the_fonts_still_draws_everything(tmp_path, monkeypatch, capsys):
    # No game fonts, no system fonts: pygame's own font draws what it can; nothing stops.
    from game.ui import fontfallback, text

    monkeypatch.setattr(text, "_SYSTEM_DIRS", [])
    monkeypatch.setattr(fontfallback, "_SYMBOL_SYSTEM", [])
    monkeypatch.setattr(fontfallback, "_SCRIPT_DIRS", [])
    for dyslexic in (False, True):
        f = Fonts(dyslexic=dyslexic, fonts_dir=tmp_path)
        assert f.chain().fonts == [None]
        for t in (NOTE, "مرحبا 👍", "বাংলা", "\u200b"):
            assert f.render(t, 24, BLACK, 300).get_width() <= 300
            assert f.measure(t, 24) == f.render(t, 24, BLACK).get_width() or "\u200b" in t
    assert "not found" in capsys.readouterr().err


def test_symbol_fonts_are_found_in_the_games_folder_first():
    from game import paths
    from game.ui.fontfallback import symbol_fonts

    found = symbol_fonts()
    assert [p.name for p in found] == ["NotoSansSymbols2-Regular.ttf", "Symbola_hint.ttf"]
    assert all(p.parent == paths.FONTS_DIR for p in found)
