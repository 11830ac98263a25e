"""Games saved by the version before the state held keys for names (commit d0cd67d) load, resume and replay
to exactly the plan that version made, and the state now names a token-only player by a key, not by words:
the words are looked up when shown or exported, in the language asked for.

The fixture holds, per game, the decks and the command log as the store keeps them, and the plan that version
built. It was made by seeded play (game.model.autoplay) at d0cd67d, with a token-only player parking a topic,
saying a note and being given an action: group games in English (two token-only players) and Welsh, a
one-to-one with a token-only person, a workshop with a token-only trainee, and a review of the first game's
plan where a typed name ("Star") reads the same as someone's token."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.export import EXPORTERS
from game.model.deck import DeckSet
from game.model.engine import Game
from game.model.names import TOKEN_KEY, token_of
from game.model.phase import Phase
from game.model.planbuild import NAME_FIELDS
from game.store import open_store
from game.store.session import PlaySession
from game.words import Words

SAVED = json.loads((Path(__file__).parent / "fixtures" / "saved-d0cd67d.json").read_text(encoding="utf-8"))
GAMES = sorted(SAVED["games"])
SHAPES = ("circle", "square", "triangle", "diamond", "star", "hexagon", "heart", "cross")
TOKEN_WORDS = {Words(lang).get(f"token_{s}") for lang in ("en", "cy") for s in SHAPES}


def replayed(name: str) -> Game:
    saved = SAVED["games"][name]
    return Game.replay(DeckSet.from_dict(SAVED["decks"][saved["decks"]]), saved["log"])


@pytest.mark.parametrize("name", GAMES)
def test_a_game_saved_before_replays_to_the_same_plan(name):
    saved = SAVED["games"][name]
    game = replayed(name)
    assert len(game.log) == len(saved["log"]), "every saved step is still accepted"
    assert game.state.phase is Phase.FINISHED
    assert game.plan().to_dict() == saved["plan"]


@pytest.mark.parametrize("name", GAMES)
def test_a_game_saved_before_resumes_from_the_store_half_way(tmp_path, name):
    saved = SAVED["games"][name]
    half = saved["log"][: len(saved["log"]) // 2]
    with open_store(tmp_path) as store:
        decks = SAVED["decks"][saved["decks"]]
        assert store.create_game("g-old", decks, {"title": "Rose House", "mode": "group", "keep": True})
        assert store.append_many("g-old", 0, half)
        session = PlaySession.resume(store, "g-old")
        assert session.game_id == "g-old" and session.problem is None
        for cmd in saved["log"][len(half) :]:
            assert session.apply(cmd).ok
        assert session.game.plan().to_dict() == saved["plan"]


def names_in(value, out: list[str]) -> list[str]:
    """Every value of a field that names someone, anywhere in a state dict."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k in NAME_FIELDS | {"ref"} and isinstance(v, str):
                out.append(v)
            else:
                names_in(v, out)
    elif isinstance(value, list):
        for v in value:
            names_in(v, out)
    return out


@pytest.mark.parametrize("name", [g for g in GAMES if not g.startswith("review")])
def test_the_state_names_a_token_only_player_by_a_key(name):
    game = replayed(name)
    state = game.state_dict()
    anonymous = [p for p in game.state.players if p.shown_as == "anonymous"]
    assert anonymous and all(token_of(p.ref) == p.shape for p in anonymous)
    names = names_in(state, [])
    assert any(n.startswith(TOKEN_KEY) for n in names), "the token-only player is in the records"
    assert not TOKEN_WORDS & set(names), "no token's words are written into the state"
    # The screens still show words: the player's label, and each record through State.name.
    words = Words(game.state.setup["language"])
    for p in anonymous:
        assert p.label == words.get(f"token_{p.shape}")
    assert {game.state.name(n) for n in names if n.startswith(TOKEN_KEY)} <= TOKEN_WORDS


def test_a_game_played_in_english_exported_in_welsh_names_tokens_in_welsh():
    game = replayed("group-en")
    english, welsh = game.plan(), game.plan(language="cy")
    assert [p.label for p in english.participants] == ["Ann Jones", "BK", "Star", "Heart"]
    assert [p.label for p in welsh.participants] == ["Ann Jones", "BK", "Seren", "Calon"]
    plan_json = json.dumps(welsh.to_dict(), ensure_ascii=False)
    assert TOKEN_KEY not in plan_json and '"Star"' not in plan_json and '"Heart"' not in plan_json
    assert '"Seren"' in plan_json and '"Calon"' in plan_json
    md = b"".join(data for _, data in EXPORTERS["md"].render(welsh)).decode("utf-8")
    assert "Seren" in md and "Calon" in md and "Heart" not in md
    assert english.language == "en" and welsh.language == "cy"


def test_a_welsh_game_exported_in_english_names_tokens_in_english():
    game = replayed("group-cy")
    assert [p.label for p in game.plan().participants][-1] == "Seren"
    assert [p.label for p in game.plan(language="en").participants][-1] == "Star"


def test_a_typed_name_that_reads_like_a_token_is_told_apart():
    plan = replayed("review-en").plan()
    assert [p.label for p in plan.participants] == ["Ann Jones", "BK", "Star", "Star (2)"]


def test_the_screens_show_a_token_only_players_name_never_its_key():
    """Every step of the English game with two token-only players, drawn: names read as words everywhere
    (the turn's record, the summary's notes, views and actions)."""
    from game.ui.harness import make_app, push_screen

    saved = SAVED["games"]["group-en"]
    decks = DeckSet.from_dict(SAVED["decks"][saved["decks"]])
    app = make_app((1280, 720))
    seen: set[str] = set()
    steps = [
        n for n in range(2, len(saved["log"])) if saved["log"][n - 1]["type"] in ("add_note", "agree_action")
    ]
    for n in steps[::4] + [len(saved["log"]) - 1]:  # some turn records, and the summary
        game = Game.replay(decks, saved["log"][:n])
        push_screen(app, "play", PlaySession.in_memory(game, "en"))
        app.step([])
        texts = [str(w.get("text") or "") for w in app.widgets()]
        assert not any(TOKEN_KEY in t for t in texts), f"a name's key is on screen at step {n}"
        seen.update(t for t in texts if "Star" in t or "Heart" in t)
    assert Game.replay(decks, saved["log"][:-1]).state.phase is Phase.SUMMARY
    assert any("(Heart)" in t or "(Star)" in t for t in seen), (
        "a note's author is shown by their token's name"
    )
