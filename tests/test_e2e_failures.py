"""When things go wrong, end to end: the real App opens the real SQLite store from its data folder, and the
real screens are driven by posted input events (taps at widget centres, typed text), as a person would.

Each test breaks one thing (a corrupt or unwritable saved-games file, a second copy running, a file from a
newer version, a full disk, a broken deck, a hostile plan file, an unwritable export folder, a power cut)
and checks the promise: a plain message ON SCREEN, nothing that was saved is lost or changed, and play goes
on to an exported plan.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pygame
import pytest

from game.model.planio import read_plan
from game.store import open_store
from game.ui.app import TICK, App
from game.ui.autoplay import AutoPlayer
from game.ui.settings import Settings
from game.ui.speech import Speaker
from game.words import Words

REPO = Path(__file__).resolve().parents[1]
WORDS = Words("en")
SIZE = (1280, 720)
LEAVE_WARNING = WORDS.get(
    "leave_not_saved_warning", finish=WORDS.get("btn_stop"), stop=WORDS.get("btn_leave")
)


# ----- helpers -----------------------------------------------------------------------------------------


def real_app(data_dir, size=SIZE, deck_paths=None) -> App:
    """The App exactly as the game makes it, except headless: its store is opened from ``data_dir``."""
    app = App(
        size,
        headless=True,
        data_dir=data_dir,
        settings=Settings(),
        speaker=Speaker("record"),
        deck_paths=deck_paths,
        save_settings_file=False,
    )
    from game.ui.screens.start import StartScreen

    app.push(StartScreen(app))
    app.step([])
    return app


def on_screen(app) -> list[str]:
    """Every piece of text the top screen shows."""
    app.step([])
    return [str(w.get("text") or "") for w in app.widgets()]


def shows(app, text: str) -> bool:
    return any(text in t for t in on_screen(app))


def pump(app, ap, until=None, max_steps=4000) -> None:
    """Let the autoplayer act (posting real events) and the App take them, until ``until()`` or no work."""
    for _ in range(max_steps):
        if until is not None and until():
            return
        if until is None and not ap.queue:
            return
        ap.act()
        app.step(pygame.event.get())
    raise AssertionError(f"stuck on {app.top.name}: {ap.signature()}")


def run_queue(app, ap) -> None:
    pump(app, ap, None)


def play_to_export(app, tmp_path, seed=3, players=2, mode="group", seen=None) -> AutoPlayer:
    """Play a whole game from the start screen through the real screens and export it."""
    ap = AutoPlayer(
        app, seed=seed, mode=mode, players=players, headless=True, export_dir=str(tmp_path / "out")
    )
    app.seed = seed
    app.step([])
    while not ap.finished and ap.steps < 8000:
        ap.act()
        app.step(pygame.event.get())
        if seen is not None:
            seen.update(t for t in on_screen(app) if t)
    assert ap.finished and ap.files, f"the game did not reach an exported plan ({ap.signature()})"
    return ap


def exported(ap):
    js = [f for f in ap.files if f.suffix == ".json"]
    assert js and all(f.stat().st_size > 0 for f in ap.files)
    return read_plan(js[0])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def finished_game_in(folder: Path) -> None:
    """Put one finished game in the saved-games file at ``folder`` (through the screens)."""
    app = real_app(folder)
    play_to_export(app, folder.parent / "first-out", seed=5)
    app.close()


# ----- 1. a corrupt saved-games file --------------------------------------------------------------------


def test_corrupt_file_is_set_aside_untouched_and_a_new_game_plays_and_exports(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    junk = b"This is not a database. " * 200 + bytes(range(256))
    (data / "games.db").write_bytes(junk)
    app = real_app(data)
    kept = [p for p in data.iterdir() if p.name.startswith("games.db.corrupt-")]
    assert len(kept) == 1 and kept[0].read_bytes() == junk, "the damaged file is kept aside, byte for byte"
    nothing = WORDS.get("store_salvage_nothing")
    expected = WORDS.get(
        "store_problem_corrupt", file=str(data / "games.db"), kept=str(kept[0]), recovered=nothing
    )
    assert shows(app, expected), on_screen(app)
    app.screenshot(tmp_path / "shots" / "corrupt-start.png")
    first = AutoPlayer(app, seed=3, mode="group", players=2, headless=True)
    app.seed = 3
    pump(app, first, until=lambda: app.top.name == "play" and len(app.top.game.log) > 3)
    assert not shows(app, expected), "once the new file saves every step, play is not cluttered with it"
    assert app.top.link.kept
    ap = play_to_export(app, tmp_path)
    plan = exported(ap)
    assert plan.title == WORDS.get("demo_plan_title")
    # The new file works: the finished plan is in it.
    app.close()
    with open_store(data) as again:
        assert again.problem is None
        assert [p["title"] for p in again.list_plans()] == [plan.title]
    assert kept[0].read_bytes() == junk


# ----- 2. a read-only data folder ---------------------------------------------------------------------


def _play_and_report(data: Path, out: Path, seed: int) -> dict:
    """Start the game on ``data``, play a whole game to an export in ``out``; report what was shown."""
    app = real_app(data)
    start_words = on_screen(app)
    seen: set[str] = set()
    ap = play_to_export(app, out, seed=seed, seen=seen)
    plan = exported(ap)
    plans = [p["title"] for p in app.store.list_plans()]
    from game.ui.screens.export import default_folder

    usual = str(default_folder(app))
    app.close()
    return {"start": start_words, "seen": sorted(seen), "title": plan.title, "plans": plans, "usual": usual}


def _without_root_powers(*args: str) -> dict:
    """Run this file's child mode as root WITHOUT the power to ignore file permissions (so a read-only
    folder is read-only, as it is for everyone else), or as-is when the tests do not run as root."""
    cmd = [sys.executable, str(Path(__file__).resolve()), *args]
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root and setpriv is not installed")
        cmd = ["setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search", *cmd]
    env = dict(os.environ, PYTHONPATH=str(REPO), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    env.pop("MAKING_IT_REAL_DATA", None)
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300, cwd=str(REPO))
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_read_only_folder_says_so_plays_on_and_exports(tmp_path):
    data = tmp_path / "data"
    finished_game_in(data)
    db = data / "games.db"
    before = digest(db)
    os.chmod(data, 0o555)
    try:
        got = _without_root_powers("play", str(data), str(tmp_path), "7")
    finally:
        os.chmod(data, 0o755)
    message = WORDS.get("store_problem_folder", folder=str(data))
    assert message in got["start"], got["start"]
    assert message in got["seen"], "the message stays on screen while playing"
    assert got["title"] == WORDS.get("demo_plan_title")
    assert len(got["plans"]) >= 1, "the plan saved before is still listed"
    assert digest(db) == before, "the saved-games file is not changed"
    assert not got["usual"].startswith(str(data)), "the usual export folder is not the read-only one"


# ----- 3. a second copy of the game is running ----------------------------------------------------------


def test_second_copy_says_so_plays_on_and_leaves_the_file_alone(tmp_path):
    data = tmp_path / "data"
    finished_game_in(data)
    env = dict(os.environ, PYTHONPATH=str(REPO), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    other = subprocess.Popen(  # the other running copy, in its own process
        [sys.executable, str(Path(__file__).resolve()), "hold", str(data)],
        stdout=subprocess.PIPE,
        stdin=subprocess.PIPE,
        text=True,
        env=env,
        cwd=str(REPO),
    )
    try:
        assert other.stdout.readline().strip() == "open"
        # Taken once the other copy has opened it (its open may note that the daily check passed).
        before = digest(data / "games.db")
        app = real_app(data)
        message = WORDS.get("store_problem_other_copy")
        assert shows(app, message), on_screen(app)
        app.screenshot(tmp_path / "shots" / "other-copy-start.png")
        seen: set[str] = set()
        ap = play_to_export(app, tmp_path, seed=9, seen=seen)
        assert message in seen
        assert exported(ap).title == WORDS.get("demo_plan_title")
        app.close()
        assert digest(data / "games.db") == before
        other.stdin.write("plans\n")
        other.stdin.flush()
        assert other.stdout.readline().strip() == "1", "the other copy's games are as they were"
    finally:
        other.kill()
        other.wait(timeout=30)


# ----- 4. a saved-games file from a newer version ---------------------------------------------------------


def test_newer_file_is_untouched_and_play_goes_on(tmp_path):
    data = tmp_path / "data"
    finished_game_in(data)
    con = sqlite3.connect(data / "games.db")
    con.execute("PRAGMA user_version = 999")
    con.close()
    before = digest(data / "games.db")
    app = real_app(data)
    message = WORDS.get("store_problem_newer")
    assert shows(app, message), on_screen(app)
    app.screenshot(tmp_path / "shots" / "newer-start.png")
    # Stopping a game that cannot be saved warns once first, saying what to do instead.
    first = AutoPlayer(app, seed=4, mode="group", players=2, headless=True)
    app.seed = 4
    pump(app, first, until=lambda: app.top.name == "play" and len(app.top.game.log) > 3)
    first.queue.clear()
    first.tap("leave")
    run_queue(app, first)
    assert app.top.name == "play" and shows(app, LEAVE_WARNING), on_screen(app)
    app.screenshot(tmp_path / "shots" / "newer-leave-warning.png")
    first.tap("leave")
    run_queue(app, first)
    assert app.top.name == "start" and shows(app, WORDS.get("left_game_unsaved"))
    seen: set[str] = set()
    ap = play_to_export(app, tmp_path, seed=4, seen=seen)
    assert message in seen
    assert exported(ap).title == WORDS.get("demo_plan_title")
    app.close()
    assert digest(data / "games.db") == before


# ----- 5. the disk fills up mid-game ---------------------------------------------------------------------


def _pages(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute("PRAGMA page_count").fetchone()[0]
    finally:
        con.close()


def test_disk_full_mid_game_is_shown_play_goes_on_and_nothing_is_lost(tmp_path):
    data = tmp_path / "data"
    app = real_app(data)
    long_notes = [f"{i}: " + "We talked about the garden and the bus to town. " * 11 for i in range(30)]
    ap = AutoPlayer(app, seed=6, mode="group", players=2, headless=True, extra_text=long_notes)
    app.seed = 6
    pump(app, ap, until=lambda: app.top.name == "play")
    store = app.store
    assert store.problem is None and store.on_disk
    store.limit_size(_pages(data / "games.db") + 3)
    message = WORDS.get("store_problem_disk_full_in_play")  # the play screen's one line for it
    pump(app, ap, until=lambda: shows(app, message))
    link = app.top.link
    assert link.unsaved > 0
    app.screenshot(tmp_path / "shots" / "disk-full-play.png")
    # Play goes on: a few more steps, each refused by the disk but kept in memory.
    steps = len(link.game.log)
    pump(app, ap, until=lambda: len(link.game.log) >= steps + 4)
    assert shows(app, message)
    waiting = link.unsaved
    assert waiting >= 4
    ap.queue.clear()
    ap.tap("leave")
    run_queue(app, ap)
    assert app.top.name == "play" and shows(app, LEAVE_WARNING), "stopping now would lose steps: it warns"
    # Room again: the waiting steps are saved without anyone having to do anything.
    store.limit_size(None)
    assert app.timer_on, "while steps wait to be saved, the game keeps trying"
    app.top._last_retry = 0.0  # as if the few seconds between tries had passed
    app.step([pygame.event.Event(TICK)])
    assert link.unsaved == 0
    assert not shows(app, message)
    assert store.load_game(link.game_id)[1] == link.game.log
    ap.export_dir = str(tmp_path / "out")
    while not ap.finished and ap.steps < 8000:
        ap.act()
        app.step(pygame.event.get())
    notes = [n.text for t in exported(ap).themes for n in t.notes]
    typed = long_notes[: len(long_notes) - len(ap.extra_text)]
    assert len(typed) >= 3 and all(n.strip() in notes for n in typed), "every note typed is in the plan"
    app.close()
    with open_store(data) as again:
        assert again.list_plans(), "the finished plan was kept"


def test_disk_full_when_the_plan_is_confirmed_keeps_trying_on_the_export_screen(tmp_path):
    data = tmp_path / "data"
    app = real_app(data)
    ap = AutoPlayer(app, seed=8, mode="group", players=2, headless=True)
    app.seed = 8
    pump(app, ap, until=lambda: app.top.name == "play" and app.top.phase == "summary")
    store, link = app.store, app.top.link
    store.limit_size(_pages(data / "games.db"))  # not one more page
    ap.queue.clear()
    ap.tap("confirm")
    run_queue(app, ap)
    message = WORDS.get("store_problem_disk_full")
    assert app.top.name == "export" and shows(app, message), on_screen(app)
    assert link.waiting and store.list_plans() == []
    ap.tap("home")
    run_queue(app, ap)
    assert app.top.name == "export", "going now would lose the last steps: it warns first"
    assert shows(app, WORDS.get("export_leave_unsaved", again=WORDS.get("btn_home")))
    app.screenshot(tmp_path / "shots" / "export-disk-full.png")
    store.limit_size(None)
    assert app.timer_on
    app.top._last_retry = 0.0
    app.step([pygame.event.Event(TICK)])
    assert not link.waiting and not shows(app, message)
    assert [p["title"] for p in store.list_plans()] == [WORDS.get("demo_plan_title")]
    assert store.load_game(link.game_id)[1] == link.game.log
    ap.tap("home")
    run_queue(app, ap)
    assert app.top.name == "start"


# ----- 6. a broken deck given with --deck -----------------------------------------------------------------


def test_broken_deck_names_file_line_and_fix_and_the_usual_cards_still_play(tmp_path):
    bad = tmp_path / "oak-house.yaml"
    text = (REPO / "decks" / "making-it-real.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("id: living\n", "id: Living Well\n", 1), encoding="utf-8")
    line = next(
        i for i, t in enumerate(bad.read_text(encoding="utf-8").splitlines(), 1) if "Living Well" in t
    )
    app = real_app(tmp_path / "data", deck_paths=[str(bad)])
    ap = AutoPlayer(app, seed=2, mode="group", players=2, headless=True, export_dir=str(tmp_path / "out"))
    app.seed = 2
    ap.tap("new")
    run_queue(app, ap)
    assert app.top.name == "setup"
    strip = next(t for t in on_screen(app) if "oak-house.yaml" in t)
    assert f"Line {line}" in strip and "Living Well" in strip, strip
    assert "Add a card" in strip or "Use small letters" in strip, "it says what to fix"
    assert "tap Making It Real" in strip, "it says how to play now with the usual cards"
    assert str(tmp_path) not in strip, "the file's name is enough; a long folder path only gets in the way"
    app.screenshot(tmp_path / "shots" / "broken-deck-setup.png")
    # Going on anyway: the problem stays in view, and the game does not start without cards.
    for _ in range(20):  # as a person would: fill in each step and press Next
        last = app.top.step == 3
        ap.plan_next()
        run_queue(app, ap)
        if last:
            break
        assert any("oak-house.yaml" in t for t in on_screen(app)), app.top.step
    assert app.top.name == "setup" and app.top.message == WORDS.get("setup_no_decks")
    # Told how: back to step 1, tap the usual cards, and play.
    for _ in range(3):
        ap.tap("back")
    ap.tap("deck:making-it-real")
    run_queue(app, ap)
    assert app.top.step == 0 and app.top.decks is not None
    assert not any("oak-house.yaml" in t for t in on_screen(app)), "the problem is gone once it is fixed"
    ap2 = play_to_export(app, tmp_path, seed=2)
    plan = exported(ap2)
    assert plan.title == WORDS.get("demo_plan_title") and any(t.statements for t in plan.themes)


@pytest.mark.parametrize(
    "name,content",
    [
        ("missing.yaml", None),
        ("empty.yaml", b""),
        ("binary.yaml", bytes(range(256)) * 8),
        ("tabs.yaml", b"id: ours\n\ttitle: Ours\n"),
        ("our cards 🎉.yml", b"id: ours\ntitle: [unclosed\n"),
        ("notes.txt", b"Just some words"),
    ],
    ids=["missing", "empty", "binary", "tabs", "emoji-name", "not-yaml"],
)
def test_any_broken_deck_file_is_named_on_the_set_up_screen(tmp_path, name, content):
    deck = tmp_path / name
    if content is not None:
        deck.write_bytes(content)
    app = real_app(tmp_path / "data", deck_paths=[str(deck)])
    ap = AutoPlayer(app, headless=True)
    ap.tap("new")
    run_queue(app, ap)
    assert app.top.name == "setup" and app.top.decks is None
    words = " ".join(on_screen(app))
    assert name in words and "Making It Real" in words, words
    assert "Traceback" not in words


# ----- 7. a bad or hostile plan file to review ------------------------------------------------------------


def _open_plan_file(app, ap, path: str) -> str | None:
    """Start > Review a plan > Open a plan file, type the path, press Open. Returns the dialog's message,
    or None if the set-up screen opened."""
    if app.top.name != "text-dialog":
        app.reset_to(__import__("game.ui.screens.start", fromlist=["StartScreen"]).StartScreen(app))
        ap.tap("review")
        ap.tap("open_file")
        run_queue(app, ap)
    ap.type_into("text", path, clear=True)
    ap.tap("save")
    run_queue(app, ap)
    assert app.running
    if app.top.name == "setup":
        return None
    assert app.top.name == "text-dialog"
    return app.top.message


def test_bad_and_hostile_plan_files_get_a_plain_message(tmp_path):
    app = real_app(tmp_path / "data")
    ap = play_to_export(app, tmp_path, seed=13)
    good = json.loads(next(f for f in ap.files if f.suffix == ".json").read_text(encoding="utf-8"))
    d = tmp_path / "plans"
    d.mkdir()
    cases = {
        "garbage.json": bytes(range(256)) * 40,
        "empty.json": b"",
        "text.json": "Dear team, here is our plan. 🙂".encode(),
        "list.json": b"[1, 2, 3]",
        "deep.json": b"[" * 200000 + b"]" * 200000,
        "deep-object.json": (b'{"a":' * 50000) + b"1" + (b"}" * 50000),
        "huge.json": b'{"format": "' + b"x" * (30 * 1024 * 1024) + b'"}',
        "nan.json": b'{"format": NaN}',
        "wrong-version.json": json.dumps({**good, "version": 99}).encode(),
        "wrong-types.json": json.dumps({**good, "themes": "all of them", "participants": [None, 3]}).encode(),
        "bad-date.json": json.dumps({**good, "date": "31/02/2026"}).encode(),
        "a-word-document.docx": b"PK\x03\x04" + b"\x00" * 500,
        "utf16.json": json.dumps(good).encode("utf-16"),
        "مرحبا 🎉 plan.json": b"{not json",
    }
    for name, content in cases.items():
        (d / name).write_bytes(content)
    folder_named_like_a_file = d / "folder.json"
    folder_named_like_a_file.mkdir()
    paths = [str(d / n) for n in cases] + [
        str(folder_named_like_a_file),
        str(d / "missing.json"),
        "",
        "   ",
        "\u202e" + str(d / "rtl.json"),
        str(d) + "/\x00nul.json",
        "~/" + "x" * 5000 + ".json",
        "😀" * 300,
    ]
    for path in paths:
        msg = _open_plan_file(app, ap, path)
        assert msg, f"no message for {path[:60]!r}"
        assert "Traceback" not in msg and len(msg) < 600, msg
        assert any(k in msg for k in ("plan", "file", "Plan")), msg
    app.screenshot(tmp_path / "shots" / "bad-plan-file.png")
    # After all that, a real plan file still opens.
    assert _open_plan_file(app, ap, str(next(f for f in ap.files if f.suffix == ".json"))) is None


def test_plan_file_with_odd_words_opens_and_the_review_plays(tmp_path):
    app = real_app(tmp_path / "data")
    ap = play_to_export(app, tmp_path, seed=11)
    plan = json.loads(next(f for f in ap.files if f.suffix == ".json").read_text(encoding="utf-8"))
    odd = ["مرحبا، نحن نحب الحديقة", "We like 🎉 parties", "Café crème — Dŵr", "A" * 190, "\u202eevil\u202c"]
    plan["title"] = odd[0]
    plan["service"] = odd[1]
    n = 0
    for theme in plan.get("themes", []):
        for action in theme.get("actions", []):
            action["what"] = odd[n % len(odd)]
            n += 1
    assert n, "the first game agreed an action to look back on"
    f = tmp_path / "odd.json"
    f.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    assert _open_plan_file(app, ap, str(f)) is None
    assert app.top.name == "setup" and app.top.previous_plan["title"] == odd[0]
    ap2 = AutoPlayer(app, seed=12, mode="group", players=2, headless=True, export_dir=str(tmp_path / "again"))
    while not ap2.finished and ap2.steps < 8000:
        ap2.act()
        app.step(pygame.event.get())
    assert ap2.finished
    again = exported(ap2)
    assert again.you_said_we_did


# ----- 8. an export folder that cannot be written -------------------------------------------------------


def _export_to(app, ap, folder: str) -> None:
    ap.type_into("folder", folder, clear=True)
    ap.tap("export")
    run_queue(app, ap)
    if app.top.name == "export" and app.top.busy:
        app.top.wait()
        app.invalidate()  # the export finished outside the loop here: draw what it says now
        app.step([])


def test_export_folder_that_cannot_be_written_says_so_and_another_folder_works(tmp_path):
    app = real_app(tmp_path / "data")
    ap = AutoPlayer(app, seed=3, mode="group", players=2, headless=True, export_dir=None)
    app.seed = 3
    while not ap.finished and ap.steps < 8000:
        ap.act()
        app.step(pygame.event.get())
    assert app.top.name == "export" and app.top.files is None
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    bad_folders = [
        str(blocker / "plans"),  # a file is in the way
        str(blocker),  # the "folder" is a file
        "/proc/making-it-real",  # a place nobody can write
        str(tmp_path / ("x" * 300)),  # a name too long for any folder
    ]
    shown: list[str] = []
    for folder in bad_folders:
        _export_to(app, ap, folder)
        top = app.top
        assert top.name == "export" and top.files is None, folder
        assert top.message and "folder" in top.message.lower(), (folder, top.message)
        assert "Errno" not in top.message, top.message
        shown.append(top.message)
        assert top.message in on_screen(app)
    plain = [
        WORDS.get("export_folder_problem", detail=WORDS.get(k))
        for k in ("export_why_not_folder", "export_why_long")
    ]
    assert shown[0] == shown[1] == plain[0] and shown[3] == plain[1], shown
    app.screenshot(tmp_path / "shots" / "export-folder-problem.png")
    good = tmp_path / "good folder ✔"
    _export_to(app, ap, str(good))
    assert app.top.files and all(f.parent == good and f.stat().st_size > 0 for f in app.top.files)
    assert read_plan(next(f for f in app.top.files if f.suffix == ".json")).title


# ----- 9. a power cut mid-turn ------------------------------------------------------------------------------

TYPED = "Half a thought about the garden, 🙂 ça va"


def _child_typing_when_the_power_goes(data: Path) -> None:
    """Play through the real screens to a talk step, start typing a note, and keep typing until killed.
    Prints one JSON line once the draft is on disk: the game id and the state every saved step gives."""
    app = real_app(data)
    ap = AutoPlayer(app, seed=2, mode="group", players=2, headless=True)
    app.seed = 2

    def talking() -> bool:
        top = app.top
        return top.name == "play" and top.phase == "talk" and len(top.game.log) > 12

    pump(app, ap, until=talking)
    ap.queue.clear()
    ap.type_into("note", TYPED)
    run_queue(app, ap)
    link = app.top.link
    deadline = time.monotonic() + 30
    while link.drafts().get("note") != TYPED or link.store.drafts(link.game_id).get("note") != TYPED:
        app.step(pygame.event.get())  # the once-a-second tick saves what is typed every few seconds
        time.sleep(0.05)
        assert time.monotonic() < deadline, "the draft was never saved"
    saved = link.store.load_game(link.game_id)[1]
    assert saved == link.game.log, "every step played is committed"
    state = json.loads(json.dumps(link.game.state_dict()))
    print(json.dumps({"game_id": link.game_id, "steps": len(saved), "state": state}), flush=True)
    while True:  # still typing when the power goes
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="x"))
        app.step(pygame.event.get())
        time.sleep(0.01)


def test_power_cut_while_typing_brings_back_every_step_and_the_draft(tmp_path):
    data = tmp_path / "data"
    env = dict(os.environ, PYTHONPATH=str(REPO), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    env.pop("MAKING_IT_REAL_DATA", None)
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "powercut", str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=str(REPO),
    )
    try:
        line = ""
        for raw in proc.stdout:
            if raw.startswith("{"):
                line = raw
                break
        assert line, proc.stderr.read()[-3000:]
        time.sleep(0.3)  # mid-keystroke
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    before = json.loads(line)
    app = real_app(data)
    assert app.store.problem is None, app.store.problem
    ap = AutoPlayer(app, seed=2, headless=True)
    ap.tap("continue")
    ap.tap(f"open:{before['game_id']}")
    run_queue(app, ap)
    top = app.top
    assert top.name == "play", on_screen(app)
    assert len(top.game.log) == before["steps"]
    assert json.loads(json.dumps(top.game.state_dict())) == before["state"], "every committed step is back"
    assert top.boxes["note"].text.startswith(TYPED), top.boxes["note"].text
    assert shows(app, WORDS.get("drafts_restored"))
    app.screenshot(tmp_path / "shots" / "after-power-cut.png")
    # And the game carries on to a plan, with the typed note added.
    ap.tap("add_note")
    ap2 = play_to_export(app, tmp_path, seed=2)
    notes = [n.text for t in exported(ap2).themes for n in t.notes]
    assert any(n.startswith(TYPED) for n in notes)


# ----- child processes -------------------------------------------------------------------------------------

if __name__ == "__main__":
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    mode, *rest = sys.argv[1:]
    if mode == "play":
        print(json.dumps(_play_and_report(Path(rest[0]), Path(rest[1]), int(rest[2]))))
    elif mode == "hold":
        with open_store(Path(rest[0])) as held:
            print("open" if held.problem is None else held.problem, flush=True)
            for _request in sys.stdin:
                print(len(held.list_plans()), flush=True)
    elif mode == "powercut":
        _child_typing_when_the_power_goes(Path(rest[0]))
