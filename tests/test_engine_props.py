"""Property tests: any sequence of commands, valid or not, never corrupts the game; undo gives back
exactly the state before; replaying the saved log gives the same state."""

from __future__ import annotations

import functools
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from model_fixtures import group_setup, small_decks

from game.model import commands as C
from game.model.autoplay import choose, play
from game.model.engine import Game
from game.model.phase import Phase

DECKS = small_decks(4)

junk_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 10),
    st.text(max_size=12),
    st.sampled_from(["p1", "p2", "living", "real", "living-01", "a1", "n1", "pa6", "pa21", "done"]),
)
junk_command = st.fixed_dictionaries(
    {"type": st.sampled_from(sorted(set(C.REGISTRY) - {"start_game"}) + ["nonsense"])},
    optional={
        k: junk_values
        for k in (
            "theme",
            "card",
            "player",
            "point",
            "text",
            "what",
            "who",
            "who_kind",
            "when",
            "status",
            "note",
            "action",
            "index",
            "date",
            "seconds",
            "section",
            "author",
            "include_discussed",
        )
    },
)

# Each step: either what a sensible player would do next (by seed), or junk.
step = st.one_of(
    st.integers(0, 10_000).map(lambda seed: ("auto", seed)), junk_command.map(lambda c: ("raw", c))
)


def start(mode: str, dice: bool, review: bool = False) -> Game:
    g = Game.new(DECKS)
    players = None
    if mode == "one-to-one":
        players = [{"name": "Ann", "shape": "star"}, {"name": "Sam", "shape": "circle"}]
    elif mode == "workshop":
        players = [
            {"name": "F", "role": "facilitator", "shape": "heart"},
            {"name": "T", "shape": "circle"},
            {"name": "U", "shape": "square"},
        ]
    setup = group_setup(
        mode=mode,
        dice=dice,
        timer_seconds=60 if mode == "workshop" else None,
        **({"players": players} if players else {}),
        **({"previous_plan": previous_plan(), "date": "2027-03-01"} if review else {}),
    )
    assert g.apply({"type": "start_game", "setup": setup}).ok
    return g


@functools.cache
def previous_plan() -> dict:
    """A finished plan with actions to look back on, so reviews are explored too."""
    return play(start("group", True), seed=7).plan().to_dict()


def check_invariants(g: Game) -> None:
    s = g.state
    assert s.phase in frozenset(Phase)
    if s.phase not in ("setup", "summary", "finished", "look_back"):
        assert s.turn is not None and s.turn.player == s.order[s.active]
    if s.turn is not None and s.turn.card is not None:
        assert s.turn.card in s.discussed
    for theme, sts in s.statements.items():
        assert theme in {t.id for t in DECKS.themes}
        for stmt in sts:
            assert DECKS.has_card(stmt.card_id)
    ids = [n.id for ns in s.notes.values() for n in ns] + [a.id for a in s.all_actions()]
    assert len(ids) == len(set(ids))
    for pid, pos in s.positions.items():
        assert s.has_player(pid) and (not s.board or 0 <= pos < len(s.board))


def command_for(g: Game, kind: str, value) -> dict:
    if kind == "auto":
        if g.state.phase == "finished":
            return {"type": "undo"}
        return choose(g, random.Random(value), pass_rate=0.2)
    return value


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    mode=st.sampled_from(["group", "one-to-one", "workshop"]),
    dice=st.booleans(),
    review=st.booleans(),
    steps=st.lists(step, max_size=60),
)
def test_any_commands_keep_the_state_sound_undo_is_exact_and_replay_matches(mode, dice, review, steps):
    g = start(mode, dice, review)
    for kind, value in steps:
        cmd = command_for(g, kind, value)
        before = g.state_dict()
        log_len = len(g.log)
        out = g.apply(cmd)
        if not out.ok:
            assert out.reason and out.reason.startswith("refuse_")
            assert out.reason != "refuse_internal", out.params
            assert g.state_dict() == before and len(g.log) == log_len
        elif cmd.get("type") != "undo":
            after = g.state_dict()
            assert g.apply({"type": "undo"}).ok
            assert g.state_dict() == before
            # redo it so the game goes on
            assert g.apply(cmd).ok
            assert g.state_dict() == after
        check_invariants(g)
        g.plan()  # the draft can be built at any moment
    again = Game.replay(DECKS, g.log)
    assert again.state_dict() == g.state_dict()
