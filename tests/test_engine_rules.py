"""The rule table: every command has a handler that names the phases it serves, the phase list is built
from those declarations, phases and tile kinds are enums that still equal their saved strings, an unknown
tile kind is an error, and typed commands go in the one way the screens use."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from model_fixtures import group_setup, small_decks

from game.model import commands as C
from game.model.engine import PHASE_COMMANDS, Game
from game.model.phase import PLAY_PHASES, Phase
from game.model.rules import handles
from game.model.state import Tile
from game.model.tiles import SPECIALS, TileKind

GAME = Path(__file__).resolve().parent.parent / "game"


def started(**over) -> Game:
    g = Game.new(small_decks())
    assert g.apply(C.StartGame(setup=group_setup(**over), at=1000.0)).ok
    return g


def test_every_command_has_a_handler_and_every_phase_allows_what_its_handlers_declare():
    declared = {(rule.command.type, phase) for (_, phase), rule in Game.RULES.items()}
    assert {name for name, _ in declared} == set(C.REGISTRY)
    for phase in Phase:
        assert PHASE_COMMANDS[phase] == {name for name, p in declared if p == phase}
    # What the group may do at any moment of play is allowed in every play step, and only there.
    for anytime in ("park", "stop_game", "undo", "edit_note"):
        assert all(anytime in PHASE_COMMANDS[p] for p in PLAY_PHASES)
    assert PHASE_COMMANDS[Phase.SETUP] == {"start_game"}
    assert PHASE_COMMANDS[Phase.FINISHED] == {"undo"}


def test_timer_commands_are_allowed_only_when_the_set_up_has_a_timer():
    assert "extend_timer" not in started().allowed()
    timed = started(mode="workshop", timer_seconds=120)
    assert "extend_timer" in timed.allowed()
    assert timed.apply(C.ExtendTimer(seconds=30)).ok


def test_a_second_handler_for_the_same_command_and_phase_is_refused_when_the_table_is_built():
    from game.model.rules import collect

    class Twice(Game):
        @handles(C.RollDie, Phase.ROLL)
        def _another_roll(self, cmd):
            pass

    with pytest.raises(TypeError, match="two handlers"):
        collect(Twice)


def test_no_dispatch_by_name_prefix_in_the_model():
    for path in (GAME / "model").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"getattr\([^)]*\"_(do|plan)_", text), path.name
        assert "def _do_" not in text, path.name


def test_phases_and_tile_kinds_equal_their_saved_strings():
    g = started()
    assert g.state.phase == "roll" and g.state.phase is Phase.ROLL
    saved = json.loads(json.dumps(g.state_dict()))
    assert saved["phase"] == "roll"
    assert {t["kind"] for t in saved["board"]} == {"theme", *SPECIALS}
    assert Tile("lookback").kind is TileKind.LOOKBACK


def test_an_unknown_tile_kind_is_an_error_not_a_look_back():
    with pytest.raises(ValueError):
        Tile("teleport")
    assert set(Game.LANDING) == set(TileKind)


def test_typed_commands_and_their_saved_dicts_do_the_same():
    typed, saved = started(dice=False), started(dice=False)
    assert typed.apply(C.ChooseTheme(theme="living")).ok
    assert saved.apply({"type": "choose_theme", "theme": "living"}).ok
    card = typed.state.turn.dealt[0]
    assert typed.apply(C.PickCard(card=card)).ok
    assert saved.apply({"type": "pick_card", "card": card}).ok
    assert typed.state_dict() == saved.state_dict() and typed.log == saved.log
    assert typed.state.phase is Phase.RATE


def test_a_command_in_the_wrong_phase_is_refused_with_the_phase_named():
    g = started(dice=False)
    out = g.apply(C.PickCard(card="living-01"))
    assert not out.ok and out.reason == "refuse_not_now"
    assert out.params == {"command": "pick_card", "phase": "choose_theme"}


def test_replay_stops_at_the_first_refused_step():
    g = started(dice=False)
    assert g.apply(C.ChooseTheme(theme="living")).ok
    log = [*g.log, {"type": "roll_die"}, {"type": "pass"}]
    again = Game.replay(g.decks, log)
    assert len(again.log) == 2  # the refused roll, and the pass after it, are not played
    assert again.state.phase is Phase.PICK


def test_the_state_holds_the_staff_teams_key_and_the_plan_its_words_in_the_plans_language():
    from game.model.planbuild import who_words
    from game.words import Words

    plans = {}
    for lang in ("en", "cy"):
        g = started(dice=False, language=lang)
        assert g.apply(C.ChooseTheme(theme="living")).ok
        assert g.apply(C.PickCard(card=g.state.turn.dealt[0])).ok
        for _ in range(1 + len(g.decks.prompts)):
            assert g.apply(C.Next()).ok
        assert g.state.phase is Phase.ACTION
        assert g.apply(C.AgreeAction(what="Ask about the bus", who="staff", who_kind="staff")).ok
        (action,) = g.state.actions["living"]
        assert (action.who, action.who_kind) == ("", "staff")  # a key, not words
        assert who_words(action, Words(lang)) == Words(lang).get("who_staff")
        plans[lang] = g.plan()
    for lang, plan in plans.items():
        assert plan.themes[0].actions[0].who == Words(lang).get("who_staff")
    assert plans["en"].themes[0].actions[0].who != plans["cy"].themes[0].actions[0].who


def test_each_special_tile_has_its_rule_words_and_icon():
    """What a new special tile needs besides its ``TileKind`` member: a landing rule (checked when the rule
    table is built), its words in every language, and its icon; the board places it by itself."""
    from game import paths
    from game.model.board import build_board
    from game.words import Words, languages

    for kind in SPECIALS:
        assert kind in Game.LANDING
        for lang in languages():
            words = Words(lang)
            assert (
                words.get(f"tile_{kind}") != f"tile_{kind}"
                and words.get(f"landed_{kind}") != f"landed_{kind}"
            )
        assert (paths.ICONS_DIR / f"{kind}.svg").is_file()
        assert sum(t.kind is kind for t in build_board(["living", "people"])) == 1


def test_a_game_keeps_the_board_it_was_set_up_on():
    """A new special tile goes on a new board (tiles.BOARDS); a saved game keeps its own, so its tokens land
    where they landed. A log saved before boards were numbered was set up on board 0."""
    from game.model.board import build_board
    from game.model.tiles import BOARD, BOARDS

    new = C.StartGame(setup=group_setup())
    assert new.board == BOARD and C.from_dict(new.to_dict()).board == BOARD
    assert ("board" in new.to_dict()) == (BOARD != 0), "a board-0 start saves as it always did"
    assert C.from_dict({"type": "start_game", "setup": group_setup()}).board == 0
    for n, specials in enumerate(BOARDS):
        g = Game.new(small_decks())
        assert g.apply(C.StartGame(setup=group_setup(), board=n, at=1.0)).ok
        assert [t.kind for t in g.state.board if t.kind is not TileKind.THEME] == list(specials)
        assert g.state.board == build_board(g.state.setup["themes"], specials)
    newer = Game.new(small_decks()).apply(C.StartGame(setup=group_setup(), board=len(BOARDS), at=1.0))
    assert not newer.ok and newer.params == {"detail": "board"}, "a board from a newer version is refused"


def test_a_typed_command_with_a_wrong_field_is_refused_like_its_dict():
    g = started(dice=False)
    out = g.apply(C.ChooseTheme(theme=3))
    assert not out.ok and out.reason == "refuse_bad_command"


def test_the_seeded_player_knows_every_step_where_the_group_has_something_to_do():
    from game.model.autoplay import _CHOOSERS

    assert set(_CHOOSERS) == set(Phase) - {Phase.SETUP, Phase.FINISHED}
