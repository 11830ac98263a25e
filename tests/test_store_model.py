"""The store behaves like a simple in-memory model under any sequence of operations, including
closing and reopening the file between them; and the file has the durability settings we chose."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path

import hypothesis.strategies as st
from hypothesis import settings
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from game.store import UnknownId, open_store

TEXT = st.text(max_size=40)
GAME_IDS = st.sampled_from(["g-a", "g-b", "g-c", "g 😀"])
FIELDS = st.sampled_from(["note", "action", "park"])


class StoreModel(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="mir-model-"))
        self.store = open_store(self.folder)
        self.games: dict[str, list[dict]] = {}
        self.drafts: dict[str, dict[str, str]] = {}
        self.plans: dict[str, dict] = {}  # plan id -> plan
        self.plan_of: dict[str, str] = {}  # game id -> plan id

    def teardown(self):
        self.store.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    @rule(gid=GAME_IDS, title=TEXT)
    def create(self, gid, title):
        if gid in self.games:
            return
        assert self.store.create_game(gid, {"decks": []}, {"title": title})
        self.games[gid] = []
        self.drafts[gid] = {}

    @precondition(lambda self: self.games)
    @rule(data=st.data(), text=TEXT)
    def append(self, data, text):
        gid = data.draw(st.sampled_from(sorted(self.games)))
        cmd = {"type": "add_note", "text": text}
        assert self.store.append(gid, cmd)
        self.games[gid].append(cmd)

    @precondition(lambda self: self.games)
    @rule(data=st.data(), field=FIELDS, text=TEXT)
    def draft(self, data, field, text):
        gid = data.draw(st.sampled_from(sorted(self.games)))
        assert self.store.save_draft(gid, field, text)
        if text:
            self.drafts[gid][field] = text
        else:
            self.drafts[gid].pop(field, None)

    @precondition(lambda self: self.games)
    @rule(data=st.data(), title=TEXT)
    def finish(self, data, title):
        gid = data.draw(st.sampled_from(sorted(self.games)))
        plan = {"title": title, "service": "S", "date": "2026-11-23", "n": len(self.games[gid])}
        pid = self.store.finish(gid, plan)
        assert pid is not None
        if gid in self.plan_of:
            assert pid == self.plan_of[gid]  # finishing again updates the same plan
        self.plan_of[gid] = pid
        self.plans[pid] = plan

    @precondition(lambda self: self.games or self.plans)
    @rule(data=st.data())
    def delete(self, data):
        target = data.draw(st.sampled_from(sorted(self.games) + sorted(self.plans)))
        self.store.delete(target)
        gid = target if target in self.games else next(g for g, p in self.plan_of.items() if p == target)
        self.games.pop(gid, None)
        self.drafts.pop(gid, None)
        pid = self.plan_of.pop(gid, None)
        if pid:
            self.plans.pop(pid, None)

    @rule(name=st.text(min_size=1, max_size=10))
    def delete_unknown(self, name):
        if name in self.games or name in self.plans:
            return
        try:
            self.store.delete(name)
        except UnknownId:
            pass
        else:
            raise AssertionError("deleting an unknown id must say so")

    @rule()
    def reopen(self):
        self.store.close()
        self.store = open_store(self.folder)
        assert self.store.problem is None

    @invariant()
    def matches_the_model(self):
        s = self.store
        assert s.problem is None
        assert sorted(g["id"] for g in s.list_games()) == sorted(self.games)
        for gid, cmds in self.games.items():
            assert s.load_game(gid)[1] == cmds
            assert s.drafts(gid) == self.drafts[gid]
        assert {p["id"] for p in s.list_plans()} == set(self.plans)
        for pid, plan in self.plans.items():
            assert s.load_plan(pid) == plan


StoreModel.TestCase.settings = settings(max_examples=25, stateful_step_count=20, deadline=None)
test_store_matches_a_simple_model = StoreModel.TestCase


def test_the_file_uses_the_chosen_durability_and_privacy_settings(tmp_path):
    with open_store(tmp_path) as store:
        assert store.on_disk
        db = store._db  # the live connection's settings are what count
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 3  # EXTRA
        assert db.execute("PRAGMA secure_delete").fetchone()[0] == 1
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    # a file left in WAL mode by some other tool is turned back into one file when opened
    con = sqlite3.connect(tmp_path / "games.db")
    assert con.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    con.close()
    with open_store(tmp_path) as store:
        assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert not (tmp_path / "games.db-wal").exists()
