"""Every way the saved-games file can be unusable: a plain message, play goes on, nothing saved is lost.

Read-only folder, corrupt file, a second running copy, a file from a newer game, a full disk.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from test_store_helpers import REPO, child_env, digest, script, setup, tiny_decks

from game.model.engine import Game
from game.store import open_store
from game.store import problems as P
from game.store.session import PlaySession
from game.words import Words

WORDS = Words("en")


def _saved_game(folder: Path, steps: int = 12, game_id: str = "g-saved") -> list[dict]:
    """Put a game of ``steps`` commands in the store at ``folder``; return its log."""
    with open_store(folder) as store:
        s = PlaySession.start(store, tiny_decks(), setup(), game_id=game_id, at=1000.0)
        for cmd in script(steps=steps):
            assert s.apply(cmd).ok
        assert s.unsaved == 0 and store.problem is None
        return list(s.game.log)


def _export_all(session: PlaySession, out: Path) -> None:
    """The plan can still be exported in every format while saving does not work."""
    export = pytest.importorskip("game.export")
    if not hasattr(export, "export_plan"):
        pytest.skip("export not built yet")
    paths = export.export_plan(session.game.plan(), list(export.FORMATS), out)
    assert len(paths) >= len(export.FORMATS) and all(Path(p).stat().st_size > 0 for p in paths)


def _play_in_memory(store, n: int = 10) -> PlaySession:
    """Play goes on whatever the store's trouble; the plan can still be made for export."""
    s = PlaySession.start(store, tiny_decks(), setup(title="Elm Court"), at=1000.0)
    assert s.outcome.ok
    for cmd in script(steps=n, title="Elm Court"):
        assert s.apply(cmd).ok
    plan = s.game.plan()
    assert plan.title == "Elm Court" and plan.to_dict()["title"] == "Elm Court"
    return s


# ----- read-only folder ------------------------------------------------------------------------------


def _as_other_user(work) -> dict:
    """Run ``work()`` (returning a JSON-able dict) as the unprivileged user "nobody" in a forked child,
    so a read-only folder is read-only even when the tests run as root."""
    WORDS.get("store_problem_folder")  # load the words before losing access to them
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        code = 0
        try:
            os.close(r)
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            result = work()
        except BaseException as exc:  # report anything back to the parent test
            result = {"error": repr(exc)}
            code = 1
        with os.fdopen(w, "w") as fh:
            fh.write(json.dumps(result))
        os._exit(code)
    os.close(w)
    with os.fdopen(r) as fh:
        data = fh.read()
    os.waitpid(pid, 0)
    return json.loads(data)


def test_read_only_folder_gives_a_message_keeps_saved_games_and_plays_on():
    base = Path(tempfile.mkdtemp(prefix="mir-ro-"))
    try:
        os.chmod(base, 0o755)
        folder = base / "data"
        log = _saved_game(folder)
        db = folder / "games.db"
        os.chmod(db, 0o644)
        os.chmod(folder, 0o555)
        before = digest(db)

        def work() -> dict:
            store = open_store(folder)
            s = _play_in_memory(store)
            games = store.list_games()
            old = PlaySession.resume(store, "g-saved")
            return {
                "problem": store.problem,
                "key": store.problem_key,
                "on_disk": store.on_disk,
                "games": sorted(g["id"] for g in games),
                "old_log": store.load_game("g-saved")[1],
                "old_state_ok": old.game.state_dict() == Game.replay(tiny_decks(), log).state_dict(),
                "session_problem": s.problem,
                "steps": len(s.game.log),
            }

        if os.geteuid() == 0:
            got = _as_other_user(work)
        else:
            got = work()
        assert "error" not in got, got
        assert got["key"] == P.FOLDER and str(folder) in got["problem"]
        assert "keep playing" in got["problem"]
        assert got["on_disk"] is False and got["session_problem"] == got["problem"]
        # the saved game can still be seen and continued from the read-only file ...
        assert "g-saved" in got["games"] and got["old_log"] == log and got["old_state_ok"]
        assert got["steps"] == 11
        # ... and the file itself was not changed
        assert digest(db) == before
        os.chmod(folder, 0o755)
        with open_store(folder) as store:
            assert store.problem is None and store.load_game("g-saved")[1] == log
    finally:
        os.chmod(base, 0o755)
        for p in base.rglob("*"):
            if p.is_dir():
                os.chmod(p, 0o755)
        shutil.rmtree(base, ignore_errors=True)


def test_folder_that_cannot_be_made_gives_a_message(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    store = open_store(blocker / "data")
    assert store.problem_key == P.FOLDER and not store.on_disk
    assert str(blocker / "data") in store.problem
    _play_in_memory(store)
    assert blocker.read_text() == "not a folder"


# ----- corrupt file ----------------------------------------------------------------------------------


def test_corrupt_file_is_renamed_aside_never_overwritten(tmp_path):
    tmp_path.mkdir(exist_ok=True)
    junk = ("This is not a database. " * 200).encode()
    (tmp_path / "games.db").write_bytes(junk)
    store = open_store(tmp_path)
    try:
        assert store.problem_key == P.CORRUPT
        kept = [p for p in tmp_path.iterdir() if p.name.startswith("games.db.corrupt-")]
        assert len(kept) == 1 and kept[0].read_bytes() == junk
        assert kept[0].name in store.problem
        # a fresh file is in use: this game is saved
        s = _play_in_memory(store)
        assert store.on_disk and s.unsaved == 0
        assert s.problem == store.problem  # the message stays until the game is restarted
    finally:
        store.close()
    with open_store(tmp_path) as again:
        assert again.problem is None and len(again.list_games()) == 1


def test_damaged_header_of_a_real_file_is_set_aside_with_its_bytes(tmp_path):
    _saved_game(tmp_path)
    db = tmp_path / "games.db"
    data = bytearray(db.read_bytes())
    data[0:16] = b"garbage garbage!"
    db.write_bytes(bytes(data))
    with open_store(tmp_path) as store:
        assert store.problem_key == P.CORRUPT
        [kept] = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
        assert kept.read_bytes() == bytes(data)


def test_second_set_aside_does_not_overwrite_the_first(tmp_path):
    for _ in range(2):
        (tmp_path / "games.db").write_bytes(b"junk" * 300)
        open_store(tmp_path).close()
    kept = sorted(p.name for p in tmp_path.iterdir() if ".corrupt-" in p.name)
    assert len(kept) == 2


# ----- a second running copy -------------------------------------------------------------------------


def test_second_running_copy_gets_a_message_and_the_first_copys_file_is_untouched(tmp_path):
    log = _saved_game(tmp_path)
    proc = subprocess.Popen(
        [sys.executable, str(REPO / "tests" / "test_store_helpers.py"), "hold", str(tmp_path)],
        stdout=subprocess.PIPE,
        env=child_env(),
        text=True,
    )
    try:
        assert proc.stdout.readline().strip() == "ready"
        before = digest(tmp_path / "games.db")
        store = open_store(tmp_path)
        assert store.problem_key == P.OTHER_COPY and not store.on_disk
        assert store.problem == WORDS.get("store_problem_other_copy")
        s = _play_in_memory(store)
        assert s.problem == store.problem
        _export_all(s, tmp_path / "out")
        store.close()
        assert digest(tmp_path / "games.db") == before
        # listing still works while the other copy plays
        with open_store(tmp_path, read_only=True) as ro:
            assert ro.problem is None and [g["id"] for g in ro.list_games()] == ["g-saved"]
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        proc.stdout.close()
    # a killed copy leaves no stale lock behind
    with open_store(tmp_path) as store:
        assert store.problem is None and store.load_game("g-saved")[1] == log


def test_two_stores_in_one_process_also_exclude_each_other(tmp_path):
    first = open_store(tmp_path)
    second = open_store(tmp_path)
    try:
        assert first.on_disk and first.problem is None
        assert second.problem_key == P.OTHER_COPY
    finally:
        second.close()
        first.close()
    with open_store(tmp_path) as third:
        assert third.problem is None


# ----- a file from a newer game ----------------------------------------------------------------------


def test_newer_schema_is_not_touched_and_play_goes_on(tmp_path):
    _saved_game(tmp_path)
    db = tmp_path / "games.db"
    con = sqlite3.connect(db)
    con.execute("PRAGMA user_version = 99")
    con.commit()
    con.close()
    before = digest(db)
    store = open_store(tmp_path)
    assert store.problem_key == P.NEWER and not store.on_disk
    assert "newer version" in store.problem
    _export_all(_play_in_memory(store), tmp_path / "out")
    store.close()
    assert digest(db) == before
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 99
    assert con.execute("SELECT COUNT(*) FROM commands").fetchone()[0] == 13
    con.close()


# ----- a full disk -----------------------------------------------------------------------------------


def test_disk_full_keeps_what_was_saved_plays_on_and_catches_up(tmp_path):
    with open_store(tmp_path) as probe:
        probe.close()
    con = sqlite3.connect(tmp_path / "games.db")
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    con.close()
    store = open_store(tmp_path, max_page_count=pages + 6)
    s = PlaySession.start(store, tiny_decks(), setup(), game_id="g-full", at=1000.0)
    assert s.outcome.ok
    long_text = "Words that fill the disk. " * 70
    commands = script(notes={i: f"{long_text} {i}" for i in range(40)})
    first_failure = None
    for i, cmd in enumerate(commands):
        assert s.apply(cmd).ok  # play never stops
        if s.unsaved and first_failure is None:
            first_failure = i
            saved_then = s.saved_steps
            break
    assert first_failure is not None, "the tiny size limit was never reached"
    assert store.problem_key == P.DISK_FULL
    assert s.problem == WORDS.get("store_problem_disk_full")
    # keep playing in memory; typing is kept in memory too
    for cmd in commands[first_failure + 1 : first_failure + 5]:
        assert s.apply(cmd).ok
    assert s.unsaved >= 5
    s.save_draft("note", "still typing " * 100)  # may or may not fit; it is kept either way
    assert s.drafts()["note"] == "still typing " * 100
    assert s.problem == WORDS.get("store_problem_disk_full")
    _export_all(s, tmp_path / "out")  # export still works with the disk full (here: the file's limit)
    # the steps saved before the disk filled are all there
    assert store.steps("g-full") == saved_then
    assert store.load_game("g-full")[1] == s.game.log[:saved_then]
    # room again: the next step saves everything that was waiting, in one go
    store.limit_size(None)
    assert s.apply(commands[first_failure + 5]).ok
    assert s.unsaved == 0 and s.problem is None and store.problem is None
    assert store.load_game("g-full")[1] == s.game.log
    store.close()
    with open_store(tmp_path) as again:
        back = PlaySession.resume(again, "g-full")
        assert back.game.state_dict() == s.game.state_dict()


def test_disk_full_while_creating_the_game_is_retried(tmp_path):
    with open_store(tmp_path):
        pass
    con = sqlite3.connect(tmp_path / "games.db")
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    con.close()
    store = open_store(tmp_path, max_page_count=pages)
    huge = tiny_decks()
    s = PlaySession.start(store, huge, setup(title="x" * 100), game_id="g-later", at=1000.0)
    assert s.outcome.ok and s.unsaved == 1 and store.problem_key == P.DISK_FULL
    assert store.list_games() == []
    store.limit_size(None)
    cmd = script(steps=1, title="x" * 100)[0]
    assert s.apply(cmd).ok and s.unsaved == 0
    assert store.load_game("g-later")[1] == s.game.log
    store.close()


def test_problem_messages_are_plain_words_for_every_key():
    keys = (
        P.FOLDER,
        P.READ_ONLY,
        P.DISK_FULL,
        P.CORRUPT,
        P.CORRUPT_NOW,
        P.CORRUPT_READ,
        P.OTHER_COPY,
        P.NEWER,
    )
    for key in (*keys, P.BUSY):
        text = P.Problem(
            key, {"folder": "F", "file": "F", "kept": "K", "detail": "D", "recovered": "R"}
        ).message("en")
        assert text != key and "{" not in text and len(text) < 300


@pytest.mark.parametrize(
    "exc,key",
    [
        (sqlite3.OperationalError("database or disk is full"), P.DISK_FULL),
        (sqlite3.OperationalError("attempt to write a readonly database"), P.READ_ONLY),
        (sqlite3.OperationalError("database is locked"), P.BUSY),
        (sqlite3.DatabaseError("file is not a database"), P.CORRUPT_NOW),
        (sqlite3.DatabaseError("database disk image is malformed"), P.CORRUPT_NOW),
        (sqlite3.OperationalError("unable to open database file"), P.FOLDER),
        (OSError(28, "No space left on device"), P.DISK_FULL),
        (PermissionError(13, "Permission denied"), P.FOLDER),
    ],
)
def test_errors_map_to_the_right_message(exc, key):
    assert P.classify(exc).key == key


def test_a_drive_that_cannot_lock_files_still_saves(tmp_path, monkeypatch):
    import errno

    from game.store import lock as lock_mod

    if lock_mod.fcntl is None:
        pytest.skip("POSIX locking only")

    def no_locks(fd, op):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(lock_mod.fcntl, "flock", no_locks)
    with open_store(tmp_path) as store:
        assert store.on_disk and store.problem is None
        s = _play_in_memory(store)
        assert s.unsaved == 0


@pytest.mark.parametrize("name", ["with space", "Tŷ Siân 😀", "مجلد", "a" * 200])
def test_odd_folder_names_work(tmp_path, name):
    with open_store(tmp_path / name / "data") as store:
        assert store.on_disk and store.problem is None
        _play_in_memory(store, n=3)
    with open_store(tmp_path / name / "data") as store:
        assert len(store.list_games()) == 1


def test_impossible_folder_names_give_a_message_not_a_crash(tmp_path):
    for bad in (str(tmp_path) + "/nul\x00byte", "/proc/no/such/place"):
        store = open_store(bad)
        assert not store.on_disk and store.problem_key == "store_problem_folder"
        _play_in_memory(store, n=3)


def test_a_damaged_record_inside_a_good_file_is_found_at_open_and_the_rest_brought_back(tmp_path):
    _saved_game(tmp_path, game_id="g-bad")
    _saved_game(tmp_path, game_id="g-good")
    con = sqlite3.connect(tmp_path / "games.db")
    con.execute("UPDATE commands SET body = '{not json' WHERE game_id = 'g-bad' AND seq = 3")
    con.commit()
    con.close()
    with open_store(tmp_path) as store:
        assert store.problem_key == P.CORRUPT
        assert PlaySession.resume(store, "g-bad").saved_steps == 3  # the steps before the damaged one
        assert PlaySession.resume(store, "g-good").saved_steps == 13
        assert len(store.list_games()) == 2


def test_a_damaged_plan_record_is_found_at_open_and_the_plan_made_again_from_its_steps(tmp_path, capsys):
    from game.cli import main

    with open_store(tmp_path) as store:
        s = PlaySession.start(store, tiny_decks(), setup(), game_id="g-done", at=1000.0)
        for cmd in script():
            assert s.apply(cmd).ok
        plan = s.game.plan().to_dict()
    con = sqlite3.connect(tmp_path / "games.db")
    con.execute("UPDATE plans SET body = '{not json'")
    con.commit()
    con.close()
    out = tmp_path / "out"
    assert main(["export", "g-done", "--format", "json", "--out", str(out), "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "was damaged" in err and "Brought back 1 game whole" in err
    assert "this step was not saved" not in err  # reading, not saving
    with open_store(tmp_path) as store:
        assert store.problem is None
        assert store.load_plan("g-done") == plan


@pytest.mark.parametrize("decks", ["[]", "null", '{"decks": 3}'])
def test_exporting_a_game_whose_saved_decks_are_damaged_says_so(tmp_path, capsys, decks):
    from game.cli import main

    _saved_game(tmp_path, game_id="g-bad")
    con = sqlite3.connect(tmp_path / "games.db")
    con.execute("UPDATE games SET deckset = ?", (decks,))
    con.commit()
    con.close()
    out = tmp_path / "out"
    assert main(["export", "g-bad", "--format", "md", "--out", str(out), "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    if decks == '{"decks": 3}':
        assert "Could not rebuild the plan from saved game 'g-bad'" in err
    else:  # not a JSON object at all: found by the checks at open, and the file set aside
        assert "was damaged" in err and "Could not bring back" in err
    assert not out.exists()


def test_listing_a_file_that_is_not_a_database_sets_it_aside_with_its_bytes_and_says_so(tmp_path, capsys):
    """No game is running, so ``sessions`` may do what the game does at open: set the file aside."""
    from game.cli import main

    (tmp_path / "games.db").write_bytes(b"garbage, not a database" * 100)
    before = digest(tmp_path / "games.db")
    assert main(["sessions", "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    [kept] = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert str(tmp_path / "games.db") in err and str(kept) in err
    assert "keep playing" not in err  # a message for reading, not for a game in play
    assert digest(kept) == before


def test_continuing_a_game_whose_saved_decks_are_damaged_raises_the_plain_store_error(tmp_path):
    from game.store import StoreError

    _saved_game(tmp_path, game_id="g-bad")
    con = sqlite3.connect(tmp_path / "games.db")
    # A JSON object, so the checks at open pass; the decks in it cannot be read.
    con.execute("""UPDATE games SET deckset = '{"decks": 3}'""")
    con.commit()
    con.close()
    with open_store(tmp_path) as store:
        with pytest.raises(StoreError) as err:
            PlaySession.resume(store, "g-bad")
        assert err.value.message == WORDS.get("store_problem_corrupt_read", file=tmp_path / "games.db")
        assert store.steps("g-bad") == 13  # left as it was
