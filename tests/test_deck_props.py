"""Whatever a file holds, the loader answers with a Deck or a DeckError: nothing else, ever."""

from __future__ import annotations

import re

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_deck_fixtures import GOOD, dump
from test_deck_schema import JSON_VALUES, RULE, mutated, valid

from game.model import deck_schema
from game.model.deck import Deck
from game.model.deckload import DeckError, load_deck_text

FEW = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PRINTED = re.compile(r"^d\.yaml(:\d+:\d+)?: \S")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def outcome(text: str | bytes):
    """Load, and check the answer is one of the two allowed kinds, well formed."""
    try:
        deck = load_deck_text(text, "d.yaml")
    except DeckError as error:
        assert error.problems, "a DeckError always says what is wrong"
        for p in error.problems:
            printed = str(p)
            assert PRINTED.match(printed), printed
            # no words template left half-filled (unless the deck itself holds braces)
            assert not PLACEHOLDER.search(p.message) or (isinstance(text, str) and "{" in text), printed
            assert p.line >= 0 and p.column >= 0
        return error
    assert isinstance(deck, Deck)
    return deck


@FEW
@given(st.text(max_size=300))
def test_any_text(text):
    outcome(text)


@FEW
@given(st.binary(max_size=300))
def test_any_bytes(data):
    outcome(data)


YAMLISH = st.lists(
    st.sampled_from(
        ["id: x", "title:", "  - ", "cards:", "- [", "]", "{", "}", "&a ", "*a", "!!str", "!!python/name:os.system",
         "? ", ": ", "'", '"', "#", "|", ">", "---", "...", "\t", "<<: *a", "%YAML 1.1", "\n", "  ", "🎉", "\u202e"]
    ),
    max_size=40,
).map("".join)  # fmt: skip


@FEW
@given(YAMLISH)
def test_yaml_shaped_junk(text):
    outcome(text)


@FEW
@given(
    st.dictionaries(
        st.sampled_from(["id", "title", "themes", "cards", "scale", "prompts", "extends", "x"]), JSON_VALUES
    )
)
def test_any_mapping(data):
    outcome(dump(data))


@st.composite
def edited_good_deck(draw):
    """The good deck with characters typed, deleted or swapped at random places."""
    text = GOOD
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "swap"]))
        if action == "insert":
            text = (
                text[:at]
                + draw(st.sampled_from([":", "-", " ", "\n", '"', "'", "#", "[", "&", "*", "x", "\t"]))
                + text[at:]
            )
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        else:
            text = text[:at] + text[at:][::-1][:5] + text[at + 5 :]
    return text


@FEW
@given(edited_good_deck())
def test_a_good_deck_with_typing_mistakes(text):
    outcome(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(valid(RULE)))
def test_structurally_bad_decks_never_load(doc):
    result = outcome(dump(doc))
    if deck_schema.check(doc, RULE):
        assert isinstance(result, DeckError)


def test_the_good_deck_itself_loads():
    assert isinstance(outcome(GOOD), Deck)
    assert isinstance(outcome(dump(yaml.safe_load(GOOD))), Deck)


def test_a_control_code_in_a_key_is_named_escaped():
    """Found by the property test above: a key made of a YAML escape ("\\x1F") was named raw in its own
    problem message."""
    from test_deck_fixtures import GOOD as good

    error = outcome(good + '"\\x1F": 1\n')
    assert isinstance(error, DeckError)
    assert all("\x1f" not in str(p) for p in error.problems)
    assert any("\\x1f" in str(p) for p in error.problems)


def test_the_control_pattern_names_the_same_characters_as_is_control():
    """The deck check searches with one pattern; it must refuse exactly what the typed-text rules do."""
    from game.model.textrules import CONTROL, is_control

    differ = [hex(c) for c in range(0x110000) if bool(CONTROL.fullmatch(chr(c))) != is_control(chr(c))]
    assert differ == []
