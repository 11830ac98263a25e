"""Odd text never crashes the store and always comes back exactly: emoji, accents, right-to-left,
very long, control characters, even a lone surrogate from a broken input method; and where the
store lives (``--data-dir``, $MAKING_IT_REAL_DATA, the user data folder)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.store import memory_store, open_store
from game.store.location import ENV_VAR, data_dir

ODD = [
    "Siân’s café — ŵ ŷ",
    "😀👍🏽🏳️‍🌈",
    "مرحبا بالعالم",
    "שלום עולם",
    "a" * 20000,
    "line\nbreak\ttab\x00nul",
    "\ud800 lone surrogate",
    "'; DROP TABLE games; --",
    "",
]


def test_odd_text_round_trips_through_every_kind_of_record(tmp_path):
    with open_store(tmp_path) as store:
        for i, text in enumerate(ODD):
            gid = f"g-{i}-{text[:10]}"
            meta = {"title": text, "service": text, "date": text, "mode": "group"}
            assert store.create_game(gid, {"decks": [], "note": text}, meta)
            assert store.append(gid, {"type": "add_note", "text": text})
            assert store.save_draft(gid, "note", text) is True
            deck, cmds = store.load_game(gid)
            assert deck["note"] == text and cmds == [{"type": "add_note", "text": text}]
            assert store.drafts(gid) == ({"note": text} if text else {})
            pid = store.finish(gid, {"title": text, "service": text, "date": "2026-01-01", "t": text})
            assert store.load_plan(pid)["t"] == text
            assert store.latest_plan(text, text)["t"] == text
        assert len(store.list_games()) == len(ODD)
        assert store.problem is None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(max_size=300),
    # field names are chosen by the program, not typed; ids and titles shown in lists are made safe
    field=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40),
)
def test_any_text_is_kept_exactly(text, field):
    store = memory_store()
    assert store.create_game("g", {}, {"title": text})
    assert store.append("g", {"text": text})
    store.save_draft("g", field, text)
    assert store.load_game("g")[1] == [{"text": text}]
    assert store.drafts("g") == ({field: text} if text else {})
    title = store.list_games()[0]["title"]
    assert title == text or ("\ufffd" in title and len(title) == len(text))
    assert store.problem is None


def test_data_dir_choice_order(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "from-env"))
    assert data_dir(tmp_path / "given") == tmp_path / "given"
    assert data_dir() == tmp_path / "from-env"
    monkeypatch.delenv(ENV_VAR)
    assert "making-it-real" in str(data_dir())


def test_env_var_is_used_by_open_store(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env"))
    with open_store() as store:
        assert store.path == tmp_path / "env" / "games.db" and store.problem is None


def test_game_ids_with_odd_text_and_duplicates(tmp_path):
    with open_store(tmp_path) as store:
        assert store.create_game("g 😀 ✔", {}, {})
        try:
            store.create_game("g 😀 ✔", {}, {})
        except ValueError as exc:
            assert "g 😀 ✔" in str(exc)
        else:
            raise AssertionError("a second game with the same id must be refused")
        assert store.problem is None and store.steps("g 😀 ✔") == 0
        assert store.append("g 😀 ✔", {"type": "x"})
        assert not store.append("no such game", {"type": "x"})  # refused, nothing written
