"""Damage made the way it really happens is found when the file is opened, reported, set aside, and
whatever still replays is brought back into a fresh file; the screen's message and ``sessions`` say
what came back and what did not, and nothing is ever written into the damaged file.

The damage: a page of the steps table overwritten (with zeros, or with another page of the same table),
a table dropped, a table's header (its root page) pointing at the wrong page, a value of the wrong type.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from test_store_helpers import digest, script, setup, tiny_decks

from game.cli import main
from game.store import open_store
from game.store import problems as P
from game.store.salvage import NOTE_PREFIX, Salvaged
from game.store.session import PlaySession

MARK = "MIDDLE-OF-GAME-B"


def _play(
    store, game_id: str, steps: int | None, seed: int, notes: dict | None = None, title: str = ""
) -> int:
    s = PlaySession.start(store, tiny_decks(), setup(title=title or game_id), game_id=game_id, at=1000.0)
    for cmd in script(seed=seed, steps=steps, notes=notes, title=title or game_id):
        assert s.apply(cmd).ok
    assert s.unsaved == 0
    return len(s.game.log)


def _three_games(folder: Path) -> dict[str, int]:
    """Game A short, game B long with a marked note in its middle, game C finished."""
    with open_store(folder) as store:
        steps = {
            "g-a": _play(store, "g-a", 8, 1),
            "g-b": _play(store, "g-b", None, 2, notes={i: f"note {i} " + "x" * 150 for i in range(60)}),
            "g-c": _play(store, "g-c", None, 3),
        }
        assert store.plan_id_for("g-c")
    return steps


def _pages(path: Path) -> tuple[bytes, int]:
    data = path.read_bytes()
    return data, int.from_bytes(data[16:18], "big") or 65536


def _leaf_pages_of(path: Path, needle: bytes) -> list[int]:
    """Page numbers (from 0) of index-leaf pages (a WITHOUT ROWID table's rows) holding ``needle``."""
    data, size = _pages(path)
    return [
        n
        for n in range(1, len(data) // size)
        if data[n * size] == 0x0A and needle in data[n * size : (n + 1) * size]
    ]


def _overwrite_page(path: Path, page: int, new: bytes) -> None:
    data, size = _pages(path)
    data = bytearray(data)
    data[page * size : (page + 1) * size] = new.ljust(size, b"\0")[:size]
    path.write_bytes(bytes(data))


def _sql(path: Path, *statements: str) -> None:
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys = OFF")
    for s in statements:
        con.execute(s)
    con.commit()
    con.close()


def _open_damaged(folder: Path):
    db = folder / "games.db"
    before = digest(db)
    store = open_store(folder)
    assert store.problem_key == P.CORRUPT, store.problem
    assert store.on_disk
    [kept] = [p for p in folder.iterdir() if ".corrupt-" in p.name and not p.name.endswith("-journal")]
    assert digest(kept) == before  # set aside exactly as found: nothing was written into it
    assert str(db) in store.problem and str(kept) in store.problem
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    con.close()
    [note] = [Salvaged.from_json(t) for t in store.info(NOTE_PREFIX).values()]
    return store, kept, {g["id"]: g for g in note.games}, note


def _steps_back(store, game_id: str) -> int:
    return len(PlaySession.resume(store, game_id).game.log)


@pytest.mark.parametrize("how", ["zeros", "another page"])
def test_a_page_of_the_steps_table_overwritten_is_found_and_the_rest_brought_back(tmp_path, how):
    steps = _three_games(tmp_path)
    db = tmp_path / "games.db"
    marked = _leaf_pages_of(db, b"note 20 ")
    assert marked
    victim = marked[0]
    if how == "zeros":
        new = b""
    else:
        data, size = _pages(db)
        other = next(p for p in _leaf_pages_of(db, b'"type"') if p != victim)
        new = data[other * size : (other + 1) * size]
    _overwrite_page(db, victim, new)

    store, kept, back, note = _open_damaged(tmp_path)
    with store:
        assert back["g-a"]["whole"] and _steps_back(store, "g-a") == steps["g-a"]
        assert back["g-c"]["whole"] and store.plan_id_for("g-c")  # finished, and its plan kept again
        assert not back["g-b"]["whole"] and 0 < back["g-b"]["steps"] < steps["g-b"]
        assert _steps_back(store, "g-b") == back["g-b"]["steps"]
        assert "the rest could not be read" in store.problem
        assert store.append("g-a", {"type": "pass"}) or True  # the fresh file takes new steps
        assert store.last_write_ok


def test_a_dropped_table_is_found_and_the_screen_says_what_did_not_come_back(tmp_path):
    _three_games(tmp_path)
    _sql(tmp_path / "games.db", "DROP TABLE commands")
    store, kept, back, note = _open_damaged(tmp_path)
    with store:
        assert all(g["steps"] == 0 for g in back.values())
        assert "Could not bring back" in store.problem and "g-b" in store.problem
        assert note.plans == 2  # games B and C were finished: their plans are kept, though the steps are gone
        assert len(store.list_plans()) == 2


def test_a_table_header_pointing_at_the_wrong_page_is_found(tmp_path):
    _three_games(tmp_path)
    db = tmp_path / "games.db"
    con = sqlite3.connect(db)
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'games'").fetchone()[0]
    con.execute("PRAGMA writable_schema = ON")
    con.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = 'drafts'", (root,))
    con.commit()
    con.close()
    store, kept, back, note = _open_damaged(tmp_path)
    store.close()


@pytest.mark.parametrize(
    "statement,whole",
    [
        ("UPDATE games SET updated = 'yesterday' WHERE id = 'g-a'", {"g-a", "g-b", "g-c"}),
        ("UPDATE commands SET body = 42 WHERE game_id = 'g-b' AND seq = 30", {"g-a", "g-c"}),
        ("UPDATE commands SET body = X'00ff' WHERE game_id = 'g-c' AND seq = 5", {"g-a", "g-b"}),
    ],
)
def test_a_value_of_the_wrong_type_is_found_and_what_replays_comes_back(tmp_path, statement, whole):
    _three_games(tmp_path)
    _sql(tmp_path / "games.db", statement)
    store, kept, back, note = _open_damaged(tmp_path)
    with store:
        assert {g for g, line in back.items() if line["whole"]} == whole
        if "seq = 30" in statement:
            assert back["g-b"]["steps"] == 30


def test_sessions_reports_damage_on_stderr_lists_the_copy_and_deletes_it_for_good(tmp_path, capsys):
    _three_games(tmp_path)
    _sql(tmp_path / "games.db", "UPDATE commands SET body = 42 WHERE game_id = 'g-b' AND seq = 30")
    data = str(tmp_path)
    assert main(["sessions", "--data-dir", data]) == 1
    out, err = capsys.readouterr()
    assert (
        str(tmp_path / "games.db") in err
        and "Brought back 2 games whole" in err
        and "Brought back only in part: g-b (g-b)" in err
    )
    [kept] = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert "Damaged files set aside" in out and kept.name in out and "2 whole, 1 in part, 0 not" in out
    assert (
        f"{kept.name}: Brought back 2 games whole. Brought back only in part: g-b (g-b), the first 30" in out
    )
    assert "Traceback" not in out + err

    assert main(["sessions", "--data-dir", data]) == 0  # the fresh file is healthy: no more warnings
    out, err = capsys.readouterr()
    assert err == "" and kept.name in out

    assert main(["sessions", "--data-dir", data, "--delete", kept.name]) == 0
    assert not kept.exists()
    assert main(["sessions", "--data-dir", data]) == 0
    assert "Damaged files set aside" not in capsys.readouterr().out
    assert main(["sessions", "--data-dir", data, "--delete", kept.name]) == 2


def test_delete_on_a_damaged_file_says_so_and_exits_non_zero(tmp_path, capsys):
    _three_games(tmp_path)
    _sql(tmp_path / "games.db", "UPDATE games SET updated = 'x' WHERE id = 'g-b'")
    assert main(["sessions", "--data-dir", str(tmp_path), "--delete", "g-a"]) == 1
    out, err = capsys.readouterr()
    assert "Deleted the game g-a" in out and "damaged" in err
    con = sqlite3.connect(tmp_path / "games.db")
    assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert con.execute("SELECT COUNT(*) FROM games WHERE id = 'g-a'").fetchone()[0] == 0


def test_a_running_game_keeps_the_file_and_listing_says_it_is_damaged(tmp_path, capsys):
    _three_games(tmp_path)
    _sql(tmp_path / "games.db", "DROP TABLE drafts")
    before = digest(tmp_path / "games.db")
    from game.store.lock import FolderLock

    lock = FolderLock(tmp_path / "games.db.lock")
    lock.acquire()
    try:
        assert main(["sessions", "--data-dir", str(tmp_path)]) == 1
    finally:
        lock.release()
    assert str(tmp_path / "games.db") in capsys.readouterr().err
    assert digest(tmp_path / "games.db") == before


def test_damage_met_while_in_use_stops_all_writing_into_the_file(tmp_path):
    _three_games(tmp_path)
    with open_store(tmp_path) as store:
        store._db.execute("PRAGMA foreign_keys = OFF")
        store._db.execute("UPDATE commands SET body = 'not json' WHERE game_id = 'g-a' AND seq = 2")
        with pytest.raises(P.StoreError):
            store.load_game("g-a")
        before = digest(tmp_path / "games.db")
        assert not store.append("g-b", {"type": "pass"})
        assert store.problem_key == P.CORRUPT_NOW
        assert digest(tmp_path / "games.db") == before


def test_full_check_runs_at_most_once_a_day(tmp_path, monkeypatch):
    from game.store import damage

    calls = []
    real = damage.full_findings
    monkeypatch.setattr(damage, "full_findings", lambda *a: calls.append(1) or real(*a))
    for _ in range(3):
        open_store(tmp_path).close()
    assert len(calls) == 1
    _sql(tmp_path / "games.db", "UPDATE info SET value = '1000.0' WHERE key = 'checked'")
    open_store(tmp_path).close()
    assert len(calls) == 2


def test_negative_user_version_is_another_programs_file_and_is_left_alone(tmp_path, capsys):
    db = tmp_path / "games.db"
    _sql(db, "CREATE TABLE other (x)", "PRAGMA user_version = -4")
    before = digest(db)
    with open_store(tmp_path) as store:
        assert store.problem_key == P.FOREIGN and not store.on_disk
    assert main(["sessions", "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "not made by this game" in err and "KeyError" not in err
    assert digest(db) == before


def test_an_older_damaged_file_is_set_aside_before_any_upgrade_writes_into_it(tmp_path):
    _three_games(tmp_path)
    _sql(
        tmp_path / "games.db",
        "DROP TABLE info",
        "PRAGMA user_version = 2",
        "UPDATE commands SET body = 'x' WHERE game_id = 'g-a' AND seq = 3",
    )
    store, kept, back, note = _open_damaged(tmp_path)  # checks the copy is byte for byte as found
    with store:
        assert back["g-a"]["steps"] == 3 and back["g-c"]["whole"]
