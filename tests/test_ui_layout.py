"""Every screen at 1280x720, 1920x1080 and 3840x2160, in the default and high-contrast looks: words fit
their boxes, nothing overlaps or leaves the window, targets are big enough, and text contrast is 7:1."""

import pygame
import pytest

from game.ui.harness import SCREENS, game_at, make_app, push_screen
from game.ui.look import DEFAULT, HIGH_CONTRAST, contrast

SIZES = [(1280, 720), (1920, 1080), (3840, 2160)]
_links = {}


def link_for(name):
    name, _, mode = name.partition("@")
    kind, _, arg = name.partition(":")
    if kind == "play":
        key = (arg, mode)
        if key not in _links:
            _links[key] = game_at(arg, mode=mode or "group")
        return _links[key]
    if kind == "export":
        if "summary" not in _links:
            _links["summary"] = game_at("summary")
        return _links["summary"]
    return None


@pytest.fixture(scope="module")
def apps():
    made = {}

    def get(size, hc):
        key = (size, hc)
        if key not in made:
            made[key] = make_app(size, high_contrast=hc)
        return made[key]

    return get


def all_texts(widgets):
    for w in widgets:
        yield w
        yield from w.get("children", [])


@pytest.mark.parametrize("hc", [False, True], ids=["default", "high-contrast"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", SCREENS)
def test_screen_layout(apps, name, size, hc):
    app = apps(size, hc)
    app.resize(size)
    push_screen(app, name, link_for(name))
    assert app.step([]) is True
    widgets = app.widgets()
    assert widgets, name
    window = pygame.Rect((0, 0), size)
    problems = []
    for w in all_texts(widgets):
        label = f"{w.get('role')} {w.get('key')!r} {w.get('text', '')[:30]!r}"
        if not window.contains(w["rect"]):
            problems.append(f"{label} leaves the window: {w['rect']}")
        if "font_px" in w:
            tw, th = w["text_size"]
            box = w["text_box"]
            if tw > box.width + 1 or th > box.height + 1:
                problems.append(f"{label} does not fit: {tw}x{th} in {box.size}")
            if not w["rect"].inflate(2, 2).contains(box):
                problems.append(f"{label} text box outside its widget")
        if "bg" in w and "fg" in w and w.get("text"):
            c = contrast(w["bg"], w["fg"])
            if c < 7:
                problems.append(f"{label} contrast {c:.2f}")
    keys = [w["key"] for w in widgets if w["key"]]
    dupes = {k for k in keys if keys.count(k) > 1}
    if dupes:
        problems.append(f"keys used twice: {sorted(dupes)}")
    top = [w for w in widgets if w["role"] != "panel"]
    for i, a in enumerate(top):
        for b in top[i + 1 :]:
            if a["rect"].colliderect(b["rect"]):
                problems.append(f"{a['key']!r} overlaps {b['key']!r}")
    if size == (1920, 1080):
        for w in all_texts(widgets):
            label = f"{w.get('role')} {w.get('key')!r} {w.get('text', '')[:30]!r}"
            if "font_px" in w:
                need = 48 if (w["role"] == "card") else 28
                if w["font_px"] < need:
                    problems.append(f"{label} text {w['font_px']}px < {need}px")
        for w in widgets:
            if w["role"] in ("button", "choice", "card", "textbox", "token") and w.get("enabled", True):
                if min(w["rect"].size) < 64:
                    problems.append(f"{w['key']!r} target {w['rect'].size} < 64x64")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("look", [DEFAULT, HIGH_CONTRAST], ids=["default", "high-contrast"])
def test_look_colours_reach_seven_to_one(look):
    pairs = ["screen", "panel", "button", "primary", "selected", "card", "problem", "timer", "board"]
    for role in pairs:
        bg, fg = look.pair(role)
        assert contrast(bg, fg) >= 7, role
    for bg in (look.background, look.panel, look.card):
        assert contrast(bg, look.muted) >= 7
        assert contrast(bg, look.text) >= 7


@pytest.mark.parametrize(
    "options",
    [{"language": "cy"}, {"text_size": 1.4}, {"dyslexic_font": True, "text_size": 1.2}],
    ids=["welsh", "largest-text", "dyslexia-font"],
)
@pytest.mark.parametrize("name", SCREENS)
def test_other_settings_still_fit(name, options):
    app = make_app((1280, 720), **options)
    push_screen(app, name, link_for(name))
    app.step([])
    widgets = app.widgets()
    problems = []
    for w in all_texts(widgets):
        if "font_px" in w:
            tw, th = w["text_size"]
            box = w["text_box"]
            if tw > box.width + 1 or th > box.height + 1:
                problems.append(f"{w['key']!r} {w['text'][:30]!r} does not fit")
    top = [w for w in widgets if w["role"] != "panel"]
    for i, a in enumerate(top):
        for b in top[i + 1 :]:
            if a["rect"].colliderect(b["rect"]):
                problems.append(f"{a['key']!r} overlaps {b['key']!r}")
    assert not problems, "\n".join(problems)


def test_screenshots_of_every_screen(tmp_path):
    from game.ui.harness import save_screenshots

    files = save_screenshots(
        tmp_path, sizes=[(1280, 720)], looks=[True], names=["start", "play:pick", "play:summary"]
    )
    assert len(files) == 3 and all(f.stat().st_size > 10_000 for f in files)


LONG_NAMES = (
    "Bartholomew-Fitzgerald Montgomery-Smythe the Third",
    "مرحبا بالعالم",
    "Zoë 🙂 Ŵyn",
    "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
    "Dev",
    "Eve",
    "Femi",
    "Gwen",
)


@pytest.mark.parametrize("step", ["roll", "rate", "rate_all", "reveal", "talk", "action", "summary"])
def test_long_and_odd_names_fit_with_eight_players(step):
    app = make_app((1280, 720))
    push_screen(app, f"play:{step}", game_at(step, players=8, names=LONG_NAMES))
    assert app.step([]) is True
    problems = []
    widgets = app.widgets()
    for w in all_texts(widgets):
        if "font_px" in w:
            tw, th = w["text_size"]
            box = w["text_box"]
            if tw > box.width + 1 or th > box.height + 1:
                problems.append(f"{w['key']!r} {w['text'][:30]!r} does not fit")
    top = [w for w in widgets if w["role"] != "panel"]
    for i, a in enumerate(top):
        for b in top[i + 1 :]:
            if a["rect"].colliderect(b["rect"]):
                problems.append(f"{a['key']!r} overlaps {b['key']!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "themes",
    [
        ["living"],
        ["living", "control", "people"],
        ["living", "information", "connected", "my-way", "control"],
    ],
)
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_smaller_boards_keep_the_wheel_and_fit(themes, size):
    app = make_app(size)
    push_screen(app, "play:roll", game_at("roll", themes=themes))
    app.step([])
    board = next(w for w in app.widgets() if w["role"] == "board")
    tiles = [c for c in board["children"] if c["role"] == "tile"]
    wheel = next(c for c in board["children"] if c["role"] == "wheel")
    assert len(tiles) == 2 * len(themes) + 4
    assert wheel["rect"].height >= board["rect"].height * 0.2, "the plan wheel stays big enough to read"
    for t in tiles:
        assert not t["rect"].colliderect(wheel["rect"])
        tw, th = t["text_size"]
        assert tw <= t["text_box"].width + 1 and th <= t["text_box"].height + 1
        if size == (1920, 1080):
            assert t["font_px"] >= 28


@pytest.mark.parametrize("n", range(4, 25))
def test_board_ring_cells_never_overlap(n):
    from game.ui.screens.board_view import ring_cells

    for rect in (pygame.Rect(0, 0, 1300, 780), pygame.Rect(10, 10, 800, 700), pygame.Rect(0, 0, 1900, 500)):
        cells = ring_cells(rect, n, 8)
        assert len(cells) == n
        for i, a in enumerate(cells):
            assert rect.inflate(2, 2).contains(a)
            assert a.width > 0 and a.height > 0
            for b in cells[i + 1 :]:
                assert not a.colliderect(b)
