"""PlaySession: the engine decides, the store commits before apply returns, resume replays exactly."""

from __future__ import annotations

import pytest
from test_store_helpers import script, setup, tiny_decks

from game.model import commands as C
from game.model.deck import DeckSet
from game.model.engine import Game
from game.store import UnknownId, memory_store, open_store
from game.store.session import PlaySession


def test_every_accepted_step_is_in_the_file_when_apply_returns(tmp_path):
    with open_store(tmp_path) as store:
        s = PlaySession.start(store, tiny_decks(), setup(), at=1000.0)
        assert s.outcome.ok and store.steps(s.game_id) == 1
        for cmd in script(steps=40):
            assert s.apply(cmd).ok
            # a second, independent reader sees the step already
            with open_store(tmp_path, read_only=True) as reader:
                assert reader.steps(s.game_id) == len(s.game.log)
        assert s.unsaved == 0 and s.problem is None


def test_refused_commands_change_nothing_and_save_nothing(tmp_path):
    with open_store(tmp_path) as store:
        s = PlaySession.start(store, tiny_decks(), setup(), at=1000.0)
        before = (s.game.state_dict(), store.steps(s.game_id))
        for bad in (
            {"type": "pick_card", "card": "nope"},
            {"type": "no_such_command"},
            {"type": "add_note"},
            "not even a dict",
            {"type": "rate", "player": "p1", "point": "🙂" * 500},
        ):
            assert not s.apply(bad).ok
        assert (s.game.state_dict(), store.steps(s.game_id)) == before


def test_refused_setup_saves_nothing_until_a_good_one(tmp_path):
    with open_store(tmp_path) as store:
        s = PlaySession.start(store, tiny_decks(), setup(players=[]), game_id="g-x", at=1000.0)
        assert not s.outcome.ok and s.outcome.reason
        assert store.list_games() == []
        assert s.apply({"type": "start_game", "setup": setup(), "at": 1000.0}).ok
        assert [g["id"] for g in store.list_games()] == ["g-x"]
        assert store.list_games()[0]["title"] == "Rose House"


def test_resume_gives_the_same_state_and_saved_decks_win_over_changed_files(tmp_path):
    with open_store(tmp_path) as store:
        s = PlaySession.start(store, tiny_decks(), setup(), game_id="g-1", at=1000.0)
        for cmd in script(steps=30):
            s.apply(cmd)
        s.save_draft("note", "half a sentence, Siân said")
        state = s.game.state_dict()
    with open_store(tmp_path) as store:
        back = PlaySession.resume(store, "g-1")
        assert back.game.state_dict() == state
        assert back.game.decks == tiny_decks()
        assert isinstance(back.game.decks, DeckSet)
        assert back.drafts() == {"note": "half a sentence, Siân said"}
        assert back.unsaved == 0 and back.saved_steps == 31


def test_undo_is_saved_and_replayed(tmp_path):
    with open_store(tmp_path) as store:
        s = PlaySession.start(store, tiny_decks(), setup(dice=False), game_id="g-u", at=1000.0)
        assert s.apply({"type": "choose_theme", "theme": "living", "at": 1001.0}).ok
        assert s.apply({"type": "undo", "at": 1002.0}).ok
        assert s.game.state.phase == "choose_theme"
        assert [c["type"] for c in store.load_game("g-u")[1]] == ["start_game", "choose_theme", "undo"]
    with open_store(tmp_path) as store:
        assert PlaySession.resume(store, "g-u").game.state_dict() == s.game.state_dict()


def test_finishing_keeps_the_plan_and_going_back_reopens_the_game(tmp_path):
    with open_store(tmp_path) as store:
        s = PlaySession.start(store, tiny_decks(), setup(), game_id="g-f", at=1000.0)
        for cmd in script():
            assert s.apply(cmd).ok
        assert s.game.state.phase == "finished" and s.plan_id
        kept = store.load_plan(s.plan_id)
        assert kept == s.game.plan().to_dict()
        assert store.load_plan("g-f") == kept  # a game id finds its plan too
        assert store.list_games()[0]["finished"] is True
        assert store.latest_plan("rose house", "Rose House Supported Living") == kept
        # "Back" from the finished screen: the game is open again; confirming again updates the same plan
        assert s.apply({"type": "undo", "at": 5000.0}).ok
        assert store.list_games()[0]["finished"] is False
        assert s.apply({"type": "set_next_review", "date": "2027-01-05", "at": 5001.0}).ok
        assert s.apply({"type": "confirm_plan", "at": 5002.0}).ok
        assert [p["id"] for p in store.list_plans()] == [s.plan_id]
        assert store.load_plan(s.plan_id)["next_review"] == "2027-01-05"
        assert PlaySession.resume(store, "g-f").plan_id == s.plan_id


def test_latest_plan_is_the_newest_for_that_title_and_service(tmp_path):
    with open_store(tmp_path) as store:
        for date in ("2026-02-01", "2026-11-01", "2026-05-01"):
            store.add_plan({"title": "Oak", "service": "S", "date": date})
        store.add_plan({"title": "Oak", "service": "Other", "date": "2027-01-01"})
        assert store.latest_plan("OAK", " s ")["date"] == "2026-11-01"
        assert store.latest_plan("Elm", "S") is None


def test_a_review_can_start_from_the_kept_plan(tmp_path):
    with open_store(tmp_path) as store:
        first = PlaySession.start(store, tiny_decks(), setup(), at=1000.0)
        for cmd in script():
            first.apply(cmd)
        previous = store.latest_plan("Rose House", "Rose House supported living")
        review = PlaySession.start(
            store, tiny_decks(), setup(previous_plan=previous, date="2027-02-23"), at=2000.0
        )
        assert review.outcome.ok, review.outcome
        assert review.game.state.phase in ("look_back", "roll", "choose_theme")


def test_resume_unknown_game_says_so(tmp_path):
    with open_store(tmp_path) as store:
        with pytest.raises(UnknownId) as err:
            PlaySession.resume(store, "g-nope")
        assert "g-nope" in err.value.message


def test_a_log_that_no_longer_replays_goes_on_as_a_new_game_and_keeps_the_old(tmp_path):
    with open_store(tmp_path) as store:
        s = PlaySession.start(store, tiny_decks(), setup(), game_id="g-old", at=1000.0)
        for cmd in script(steps=10):
            s.apply(cmd)
        # a step from some other version of the game that this engine refuses
        assert store.append("g-old", {"type": "pick_card", "card": "no-such-card"})
        s.save_draft("note", "Half a sentence 😀")
        back = PlaySession.resume(store, "g-old")
        assert back.game_id != "g-old" and back.saved_steps == 11
        assert "11" in back.problem
        assert store.steps("g-old") == 12  # nothing thrown away
        assert back.game.state_dict() == s.game.state_dict()
        assert back.drafts() == {"note": "Half a sentence 😀"}  # the words being typed come along too
        assert store.drafts(back.game_id) == {"note": "Half a sentence 😀"}


def test_memory_store_plays_a_whole_game_and_keeps_nothing_on_disk(tmp_path):
    store = memory_store()
    s = PlaySession.start(store, tiny_decks(), setup(), at=1000.0)
    for cmd in script():
        assert s.apply(cmd).ok
    assert s.plan_id and store.load_plan(s.plan_id)["title"] == "Rose House"
    assert not store.on_disk and store.problem is None


def test_state_after_resume_matches_replay_of_the_saved_log_at_every_step(tmp_path):
    commands = script(seed=12)
    with open_store(tmp_path) as store:
        s = PlaySession.start(store, tiny_decks(), setup(), game_id="g-all", at=1000.0)
        for i, cmd in enumerate(commands):
            s.apply(cmd)
            if i % 25 == 0:
                back = PlaySession.resume(store, "g-all")
                saved = store.load_game("g-all")[1]
                assert back.game.state_dict() == Game.replay(tiny_decks(), saved).state_dict()
                assert back.game.state_dict() == s.game.state_dict()


def test_stopped_between_the_last_step_and_keeping_the_plan_keeps_it_on_resume(tmp_path):
    g = Game.new(tiny_decks())
    g.apply(C.StartGame(setup=setup(), at=1000.0))  # the newest board, as script() plays on
    for cmd in script():
        g.apply(cmd)
    with open_store(tmp_path) as store:
        store.create_game("g-end", tiny_decks().to_dict(), {"title": "Rose House"})
        assert store.append_many("g-end", 0, g.log)  # every step saved, then the power went
        assert store.list_plans() == []
    with open_store(tmp_path) as store:
        s = PlaySession.resume(store, "g-end")
        assert s.plan_id and store.load_plan(s.plan_id) == g.plan().to_dict()
        assert store.list_games()[0]["finished"] is True


def test_disk_full_when_keeping_the_plan_is_retried_by_save_now(tmp_path):
    import sqlite3

    commands = script()
    with open_store(tmp_path) as store:
        s = PlaySession.start(store, tiny_decks(), setup(), game_id="g-full", at=1000.0)
        for cmd in commands[:-1]:
            assert s.apply(cmd).ok
        con = sqlite3.connect(tmp_path / "games.db")
        pages = con.execute("PRAGMA page_count").fetchone()[0]
        con.close()
        store.limit_size(pages)
        # the last step may fit in a page's free space; the whole plan will not
        assert s.apply(commands[-1]).ok and s.game.state.phase == "finished"
        assert s.plan_id is None and store.list_plans() == []
        assert s.problem and not s.save_now()
        store.limit_size(None)
        assert s.save_now() and s.problem is None
        assert s.plan_id and store.load_plan(s.plan_id) == s.game.plan().to_dict()


def test_resume_uses_the_saved_decks_even_after_the_deck_file_is_changed_or_broken(tmp_path):
    deckload = pytest.importorskip("game.model.deckload")
    from game.model.autoplay import choose
    from game.paths import DECKS_DIR

    deck_file = tmp_path / "making-it-real.yaml"
    deck_file.write_bytes((DECKS_DIR / "making-it-real.yaml").read_bytes())
    decks = deckload.load_deckset([deck_file])
    import random

    with open_store(tmp_path / "data") as store:
        s = PlaySession.start(store, decks, setup(), game_id="g-deck", at=1000.0)
        rng = random.Random(4)
        for i in range(60):
            cmd = choose(s.game, rng)
            cmd["at"] = 1001.0 + i
            assert s.apply(cmd).ok
        state = s.game.state_dict()
    deck_file.write_text("id: [this is no longer a deck", encoding="utf-8")
    with open_store(tmp_path / "data") as store:
        back = PlaySession.resume(store, "g-deck")
        assert back.game.decks == decks
        assert back.game.state_dict() == state


def test_a_draft_that_could_not_be_cleared_is_not_offered_again_and_is_cleared_later(tmp_path):
    """The note was added, but the file was busy when its draft was to be removed: the old text must not
    come back into the box (it would be added twice), now or after "Continue"."""
    import sqlite3

    commands = script(steps=20)
    with open_store(tmp_path) as store:
        s = PlaySession.start(store, tiny_decks(), setup(), game_id="g-busy", at=1000.0)
        for cmd in commands[:10]:
            assert s.apply(cmd).ok
        assert s.save_draft("note", "Staff knock first")
        store._db.execute("PRAGMA busy_timeout = 50")
        other = sqlite3.connect(tmp_path / "games.db", isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another writer holds the file for a moment
        assert not s.clear_draft("note")
        assert s.drafts() == {}
        other.execute("ROLLBACK")
        other.close()
        assert store.drafts("g-busy") == {"note": "Staff knock first"}  # still in the file for now
        for cmd in commands[10:]:
            assert s.apply(cmd).ok  # the next saved step clears it
        assert store.drafts("g-busy") == {} and s.problem is None
    with open_store(tmp_path) as store:
        assert PlaySession.resume(store, "g-busy").drafts() == {}
