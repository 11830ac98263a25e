"""The screens' one way into a game is the PlaySession: typed commands in, stamped with the time, saved
before apply returns; the same session plays on in memory when the saved-games file cannot be used."""

from __future__ import annotations

from test_store_helpers import setup, tiny_decks

from game.model import commands as C
from game.model.engine import Game
from game.model.phase import Phase
from game.store import memory_store, open_store
from game.store import problems as P
from game.store.session import PlaySession


def test_typed_commands_are_stamped_with_the_clock_and_saved_as_dicts(tmp_path):
    ticks = iter(range(2000, 3000))
    with open_store(tmp_path) as store:
        s = PlaySession.start(store, tiny_decks(), setup(dice=False), at=1000.0)
        s._clock = lambda: float(next(ticks))
        assert s.apply(C.ChooseTheme(theme=s.game.state.themes_in_play[0])).ok
        assert s.apply(C.PickCard(card=s.game.state.turn.dealt[0])).ok
        assert s.apply({"type": "next"}).ok
        saved = store.load_game(s.game_id)[1]
        assert saved == s.game.log
        assert [c.get("at") for c in saved] == [1000.0, 2000.0, 2001.0, 2002.0]
        assert s.game.state.phase is Phase.TALK and s.kept and not s.waiting


def test_a_refusal_is_kept_until_the_next_command_is_done(tmp_path):
    with open_store(tmp_path) as store:
        s = PlaySession.start(store, tiny_decks(), setup(dice=False), at=1000.0)
        out = s.apply(C.RollDie())
        assert not out.ok and s.last_refusal == out and out.reason == "refuse_not_now"
        assert s.apply(C.Pass()).ok and s.last_refusal is None


def test_a_refused_set_up_saves_nothing(tmp_path):
    with open_store(tmp_path) as store:
        s = PlaySession.start(store, tiny_decks(), setup(players=[]), at=1000.0)
        assert not s.outcome.ok and store.list_games() == []


def test_in_memory_sessions_play_but_never_claim_to_be_kept():
    g = Game.new(tiny_decks())
    assert g.apply(C.StartGame(setup=setup(), at=1000.0)).ok
    s = PlaySession.in_memory(g)
    assert s.apply(C.RollDie()).ok
    assert not s.store.on_disk and not s.kept and not s.waiting and s.problem is None
    assert s.save_draft("note", "half a thought") is not None
    assert s.drafts() == {"note": "half a thought"}


def test_a_store_that_could_not_be_opened_is_said_once_and_play_goes_on():
    store = memory_store(None, P.Problem(P.FOLDER, {"folder": "/nowhere"}))
    s = PlaySession.start(store, tiny_decks(), setup(), at=1000.0)
    assert s.outcome.ok and s.apply(C.RollDie()).ok
    assert s.problem == store.problem and "/nowhere" in s.problem
    assert not s.kept
