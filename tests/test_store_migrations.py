"""Older saved-games files open and are upgraded one version at a time, keeping everything in them.

The v0 and v1 files here are made by hand with plain SQL, as the first releases wrote them, not by
the game's own migration code.
"""

from __future__ import annotations

import json
import sqlite3

import pytest
from test_store_helpers import script, setup, tiny_decks

from game.model.engine import Game
from game.store import open_store
from game.store import schema as S
from game.store.session import PlaySession

V1_TABLES = [
    """CREATE TABLE games (id TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '', service TEXT NOT NULL DEFAULT '',
       date TEXT NOT NULL DEFAULT '', mode TEXT NOT NULL DEFAULT 'group', keep INTEGER NOT NULL DEFAULT 1,
       deckset TEXT NOT NULL, created REAL NOT NULL, updated REAL NOT NULL, finished INTEGER NOT NULL DEFAULT 0)""",
    """CREATE TABLE commands (game_id TEXT NOT NULL REFERENCES games(id) ON DELETE CASCADE,
       seq INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (game_id, seq)) WITHOUT ROWID""",
    """CREATE TABLE plans (id TEXT PRIMARY KEY, game_id TEXT, title TEXT NOT NULL DEFAULT '',
       service TEXT NOT NULL DEFAULT '', date TEXT NOT NULL DEFAULT '', mode TEXT NOT NULL DEFAULT 'group',
       saved REAL NOT NULL, body TEXT NOT NULL)""",
]


def _hand_made_v1(path) -> tuple[list[dict], dict]:
    g = Game.new(tiny_decks())
    g.apply({"type": "start_game", "setup": setup(), "at": 1000.0})
    for cmd in script(steps=15):
        g.apply(cmd)
    plan = {
        "title": "Rose  HOUSE",
        "service": "Rose House supported living",
        "date": "2026-08-20",
        "x": "old",
    }
    con = sqlite3.connect(path)
    for ddl in V1_TABLES:
        con.execute(ddl)
    con.execute(
        "INSERT INTO games VALUES ('g-old', 'Rose House', 'Rose House supported living', '2026-08-20',"
        " 'group', 1, ?, 1.0, 2.0, 0)",
        (json.dumps(tiny_decks().to_dict()),),
    )
    con.executemany(
        "INSERT INTO commands VALUES ('g-old', ?, ?)", [(i, json.dumps(c)) for i, c in enumerate(g.log)]
    )
    con.execute(
        "INSERT INTO plans VALUES ('p-old', NULL, ?, ?, '2026-08-20', 'group', 3.0, ?)",
        (plan["title"], plan["service"], json.dumps(plan)),
    )
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    return g.log, plan


def test_v1_file_is_upgraded_and_keeps_games_and_plans(tmp_path):
    log, plan = _hand_made_v1(tmp_path / "games.db")
    with open_store(tmp_path) as store:
        assert store.problem is None
        assert S.version_of(sqlite3.connect(tmp_path / "games.db")) == S.CURRENT_VERSION
        assert store.load_game("g-old")[1] == log
        resumed = PlaySession.resume(store, "g-old")
        assert resumed.game.state_dict() == Game.replay(tiny_decks(), log).state_dict()
        # the new grouping key was filled in for the old plan: a review finds it
        assert store.latest_plan("rose house", "ROSE HOUSE supported living") == plan
        # the table added in v2 works
        assert resumed.save_draft("note", "hello") and resumed.drafts() == {"note": "hello"}


def test_v0_empty_file_becomes_a_current_store(tmp_path):
    (tmp_path / "games.db").write_bytes(b"")  # what an interrupted first start leaves
    with open_store(tmp_path) as store:
        assert store.problem is None and store.on_disk
        assert store.list_games() == []
    assert S.version_of(sqlite3.connect(tmp_path / "games.db")) == S.CURRENT_VERSION


def test_migrations_step_one_version_at_a_time(tmp_path):
    con = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    assert S.migrate(con, target=1) == [1]
    assert S.version_of(con) == 1
    assert S.migrate(con) == list(range(2, S.CURRENT_VERSION + 1))
    assert S.migrate(con) == []
    assert sorted(S.STEPS) == list(range(1, S.CURRENT_VERSION + 1))


def test_a_failed_step_leaves_the_file_at_the_last_whole_version(tmp_path, monkeypatch):
    con = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    S.migrate(con, target=1)
    con.execute("INSERT INTO plans VALUES ('p', NULL, 't', 's', 'd', 'group', 1.0, '{}')")

    def broken(db):
        db.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setitem(S.STEPS, 2, broken)
    with pytest.raises(sqlite3.OperationalError):
        S.migrate(con)
    assert S.version_of(con) == 1
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "half_done" not in tables and "plans" in tables


def test_newer_file_raises_without_writing(tmp_path):
    con = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    con.execute(f"PRAGMA user_version = {S.CURRENT_VERSION + 1}")
    with pytest.raises(S.NewerSchema):
        S.migrate(con)
    assert S.version_of(con) == S.CURRENT_VERSION + 1
    assert con.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0] == 0


def test_read_only_listing_of_an_old_file_shows_its_games_without_changing_it(tmp_path):
    _hand_made_v1(tmp_path / "games.db")
    before = (tmp_path / "games.db").read_bytes()
    with open_store(tmp_path, read_only=True) as store:
        assert [g["id"] for g in store.list_games()] == ["g-old"]
    assert (tmp_path / "games.db").read_bytes() == before


def test_a_file_no_version_of_the_game_wrote_is_left_alone_and_its_connection_closed(tmp_path, monkeypatch):
    """A user_version no migration starts from (another program's file, say): play goes on in memory,
    the file is untouched and the lock and the connection to it are both let go."""
    from game.store import opening

    path = tmp_path / "games.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE other (x)")
    con.execute("PRAGMA user_version = -1")
    con.commit()
    con.close()
    before = path.read_bytes()
    made = []
    real_connect = opening.connect

    def recording_connect(*args, **kwargs):
        made.append(real_connect(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(opening, "connect", recording_connect)
    store = open_store(tmp_path)
    assert not store.on_disk and store.problem
    assert path.read_bytes() == before
    file_connections = [c for c in made if c is not store._db]
    assert file_connections
    for c in file_connections:
        with pytest.raises(sqlite3.ProgrammingError):
            c.execute("SELECT 1")  # closed
    store.close()
    with open_store(tmp_path) as again:  # the lock was let go
        assert again.problem_key != "store_problem_other_copy"
