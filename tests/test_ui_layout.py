"""The layout test runs over every frame of seeded demo games, not a list of screens kept by hand:
whatever the demo shows, in any mode, is checked (tests/layout_rules.py says the rules).

The settings product (3 modes x 3 sizes x 3 text sizes x 2 looks x 2 languages x dice on/off x timer x
2-8 players) is too big to play whole, so RUNS samples it: every mode at every window size (9 games), and
across those 9 each text size, look, language, dice on/off and a timer each reach every mode, and every
text size every window size. Seeds differ per game, so the games take different paths."""

from __future__ import annotations

from collections import Counter

import pygame
import pytest
from demo_play import play_demo
from layout_rules import category, frame_problems, moved_controls

from game.ui.look import DEFAULT, HIGH_CONTRAST, contrast
from game.ui.settings import TEXT_SIZE_NAMES

S720, S1080, S4K = (1280, 720), (1920, 1080), (3840, 2160)
# mode, size, players, dice, timer, text size, look, language
RUNS = [
    ("group", S720, 3, True, None, "normal", "default", "en"),
    ("group", S1080, 8, False, None, "large", "high-contrast", "cy"),
    ("group", S4K, 5, True, 120, "largest", "default", "en"),
    ("one-to-one", S720, 2, False, None, "largest", "high-contrast", "en"),
    ("one-to-one", S1080, 2, True, None, "normal", "default", "cy"),
    ("one-to-one", S4K, 2, True, None, "large", "high-contrast", "en"),
    ("workshop", S720, 4, True, 120, "large", "default", "cy"),
    ("workshop", S1080, 6, True, 300, "largest", "high-contrast", "en"),
    ("workshop", S4K, 2, False, 45, "normal", "default", "en"),
    # Runs found by tests/layout_sweep.py with problems since fixed, with the seed they were found at:
    # "Bilal: wedi dewis peidio â dweud" cut and drawn small on a name under the rating (a workshop's
    # strip and timer leave the names one row: they show the answer's picture instead);
    ("workshop", S1080, 5, True, 45, "largest", "default", "cy", 1),
    # the look-back note box squeezed to 84 px under the "by when" row (it goes beside Save).
    ("workshop", S4K, 3, True, 45, "large", "default", "en", 3),
]
IDS = [
    f"{m}-{s[0]}x{s[1]}-{n}p-dice{'on' if d else 'off'}-timer{t}-{ts}-{lk}-{lang}"
    for m, s, n, d, t, ts, lk, lang, *_ in RUNS
]

# Whose work a problem is: the start, saved-games, settings and export screens, the frame round every
# screen (heading or demo caption, bottom buttons) and the board with its tiles, tokens and wheel are the
# board engineer's; the set-up and turn steps, and the side panel beside the board, are the turn engineer's.
OWN_SCREENS = {"start", "choose", "settings", "export"}
FRAME_KEYS = {"title", "demo_caption", "board", "back", "pass", "speak", "park", "stop", "back_to_game"}


def mine(f: dict) -> dict:
    """The part of a frame that is the board engineer's: a frame with only those widgets."""
    if f["screen"] in OWN_SCREENS:
        return f
    keep = [w for w in f["widgets"] if w.get("parent") == "board" or w["key"] in FRAME_KEYS]
    return {**f, "widgets": keep}


def theirs(f: dict) -> dict:
    if f["screen"] in OWN_SCREENS:
        return {**f, "widgets": []}
    keep = [w for w in f["widgets"] if w.get("parent") != "board" and w["key"] not in FRAME_KEYS]
    return {**f, "widgets": keep}


_played: dict[int, dict] = {}


def demo_frames(i: int) -> dict:
    """Run i's demo game, played once and checked once for the tests below. Only what they assert is
    kept (the problems found, the sizes seen), not the frames, which take 80-160 MB a game."""
    if i not in _played:
        mode, size, players, dice, timer, text, look, lang, *seed = RUNS[i]
        frames, ap = play_demo(
            size,
            seed=seed[0] if seed else i + 1,
            mode=mode,
            players=players,
            dice=dice,
            timer=timer,
            text=text,
            look=look,
            language=lang,
        )
        own = [mine(f) for f in frames]
        other = [theirs(f) for f in frames]
        _played[i] = {
            "finished": ap.finished,
            "frames": len(frames),
            "sizes": {tuple(f["size"]) for f in frames},
            "board_shown": any(w["role"] == "wheel" for f in own for w in f["widgets"]),
            "mine": [p for f in own for p in frame_problems(f)] + moved_controls(own),
            "theirs": [p for f in other for p in frame_problems(f)] + moved_controls(other),
        }
    return _played[i]


@pytest.mark.parametrize("i", range(len(RUNS)), ids=IDS)
def test_board_and_start_screens_in_every_demo_frame(i):
    run = demo_frames(i)
    assert run["finished"], "the demo played to the end"
    assert run["board_shown"], "the board was shown"
    problems = run["mine"]
    assert not problems, f"{len(problems)} problems in {run['frames']} frames:\n" + "\n".join(problems[:40])


@pytest.mark.parametrize("i", range(len(RUNS)), ids=IDS)
def test_turn_screens_in_every_demo_frame(i):
    run = demo_frames(i)
    problems = run["theirs"]
    if problems:
        counts = Counter(category(p) for p in problems)
        summary = ", ".join(f"{n} {c[0]}/{c[1]} {c[2]}" for c, n in counts.most_common())
        pytest.fail(
            f"{len(problems)} problems in {run['frames']} frames ({summary}):\n" + "\n".join(problems[:40])
        )


def test_each_frame_is_checked_once_and_the_runs_cover_the_settings():
    runs = [demo_frames(i) for i in range(len(RUNS))]
    assert sum(r["frames"] for r in runs) > 500
    sizes = set().union(*(r["sizes"] for r in runs))
    assert sizes == {S720, S1080, S4K}
    for column in range(2, 8):
        values = {r[column] for r in RUNS}
        assert len(values) >= 2, f"setting {column} is sampled at more than one value"
    modes = {r[0] for r in RUNS}
    for column in (3, 5, 6, 7):  # dice, text size, look, language: every value reaches every mode
        for v in {r[column] for r in RUNS}:
            assert modes == {r[0] for r in RUNS if r[column] == v} or column == 3, (column, v)


@pytest.mark.parametrize("look", [DEFAULT, HIGH_CONTRAST], ids=["default", "high-contrast"])
def test_look_colours_reach_seven_to_one(look):
    pairs = ["screen", "panel", "button", "primary", "selected", "card", "problem", "timer", "board"]
    for role in pairs:
        bg, fg = look.pair(role)
        assert contrast(bg, fg) >= 7, role
    for bg in (look.background, look.panel, look.card):
        assert contrast(bg, look.muted) >= 7
        assert contrast(bg, look.text) >= 7


def test_screenshots_of_every_screen(tmp_path):
    from game.ui.harness import save_screenshots

    files = save_screenshots(
        tmp_path, sizes=[(1280, 720)], looks=[True], names=["start", "play:pick", "play:summary"]
    )
    assert len(files) == 3 and all(f.stat().st_size > 10_000 for f in files)


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


@pytest.mark.parametrize("n", range(8, 25))
def test_a_board_of_any_size_keeps_a_middle_for_the_wheel(n):
    """A new special tile (an odd number of tiles) or more themes: even when no ring lets every tile's
    words fit, the ring keeps a middle for the plan wheel (it once fell back to two long columns)."""
    from game.ui.screens.board_view import ring_cells

    for rect in (pygame.Rect(0, 0, 890, 470), pygame.Rect(0, 0, 1340, 710), pygame.Rect(0, 0, 2680, 1420)):
        # Words that fit only in very wide tiles: only a ring two tiles across would hold them.
        cells = ring_cells(rect, n, 8, fits=lambda i, cell, w=rect.w: cell.w >= w * 0.4)
        columns, rows_ = len({c.x for c in cells}), len({c.y for c in cells})
        assert min(columns, rows_) >= 3, (n, rect.size, columns, rows_)
        middle = rect.inflate(-rect.w * 3 // 5, -rect.h * 3 // 5)  # the middle 40% each way
        assert not any(c.colliderect(middle) for c in cells), "the middle is free for the wheel"


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
    from game.ui.describe import frame
    from game.ui.harness import game_at, make_app, push_screen

    app = make_app((1280, 720))
    push_screen(app, f"play:{step}", game_at(step, players=8, names=LONG_NAMES))
    assert app.step([]) is True
    # Names this long may be cut (with "…") or drawn smaller; nothing overflows or overlaps.
    problems = [
        p for p in frame_problems(frame(app)) if category(p)[2] in ("fit", "overlap", "window", "token")
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "themes",
    [
        ["living"],
        ["living", "control", "people"],
        ["living", "information", "connected", "my-way", "control"],
    ],
)
@pytest.mark.parametrize("size", [S720, S1080], ids=lambda s: f"{s[0]}x{s[1]}")
def test_smaller_boards_keep_the_wheel_and_fit(themes, size):
    from game.ui.describe import frame
    from game.ui.harness import game_at, make_app, push_screen

    app = make_app(size)
    push_screen(app, "play:roll", game_at("roll", themes=themes))
    app.step([])
    f = frame(app)
    board = next(w for w in f["widgets"] if w["role"] == "board")
    tiles = [w for w in f["widgets"] if w["role"] == "tile"]
    wheel = next(w for w in f["widgets"] if w["role"] == "wheel")
    assert len(tiles) == 2 * len(themes) + 4
    assert wheel["rect"][3] >= board["rect"][3] * 0.3, "the plan wheel fills the centre"
    assert not frame_problems(f)


def test_removing_a_player_moves_no_row_under_a_finger():
    """Point 2 on the set-up screen: a player taken off keeps their slot (with Put back, away from where
    Remove was), so a second tap on Remove lands on nothing, not on the next player's Remove."""
    from game.ui.harness import make_app, push_screen
    from game.ui.input_events import tap_events

    app = make_app((1280, 720))
    scr = push_screen(app, "setup:players")
    scr.add_player()
    app.step([])

    def rects():
        return {w["key"]: tuple(w["rect"]) for w in app.widgets()}

    def tap_at(pos):
        app.step(tap_events(pos, touch=True, size=app.size))
        app.step([])

    before = rects()
    second, third, fourth = (p.id for p in scr.players[1:4])
    remove_at = pygame.Rect(before[f"remove:{second}"]).center
    tap_at(remove_at)
    after = rects()
    assert [p.id for p in scr.players] == [scr.players[0].id, third, fourth]
    for pid in (third, fourth):
        assert after[f"remove:{pid}"] == before[f"remove:{pid}"], "the rows below stay where they were"
        assert after[f"name:{pid}"] == before[f"name:{pid}"]
    assert f"removed:{second}" in after and f"put_back:{second}" in after
    tap_at(remove_at)  # the second tap of a double tap
    assert len(scr.players) == 3, "a second tap where Remove was takes nobody else off"
    tap_at(pygame.Rect(after[f"put_back:{second}"]).center)
    assert [p.id for p in scr.players][1] == second, "Put back puts them back in their place"
    assert rects()[f"remove:{second}"] == before[f"remove:{second}"]
    assert len({p.token for p in scr.players}) == len(scr.players)


@pytest.mark.parametrize("size", [S720, S1080, S4K], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_picture_gives_way_so_the_words_stay_at_card_size(size):
    """Point 7 on the card itself: the longest Welsh statement, larger text, on a pick-sized card. The
    words stay at card size; the picture shrinks for them but is still there."""
    from game.model.deckload import load_deckset
    from game.ui import sizes as S
    from game.ui.card_widget import CardWidget
    from game.ui.decks import default_files
    from game.ui.harness import make_app

    app = make_app(size, language="cy", text_size=TEXT_SIZE_NAMES["large"])
    ctx, m = app.ctx, app.ctx.m
    decks = load_deckset(default_files("cy"))
    card = max(decks.cards, key=lambda c: len(c.text))
    w, h = (size[0] - 4 * m.gap) // 3, int(size[1] * 0.4)
    widget = CardWidget(pygame.Rect(m.gap, m.gap, w, h), card.text, "card", image=decks.card_image(card))
    widget.draw(pygame.Surface(size), ctx)
    d = widget.describe()
    assert d["shown"] == card.text and d["font_px"] >= m.min_card
    pictures = [c for c in d["children"] if c["role"] == "picture"]
    assert pictures and min(pictures[0]["area"].size) >= m.px(S.CARD_PICTURE_MIN)
    full, _ = CardWidget.parts(widget.rect, m)
    assert pictures[0]["area"].height <= full.height and pictures[0]["area"].width <= full.width
