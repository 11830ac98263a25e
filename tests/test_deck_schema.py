"""One source of truth: decks/deck.schema.json drives the loader's structural checks, and the loader's
verdict matches jsonschema's on many generated documents, good and bad."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_deck_fixtures import GOOD_DATA, good_data

from game import paths
from game.guide.content import NOTE_STEPS
from game.model import deck_schema
from game.model.deck_schema import ANNOTATIONS, CHECKED, Rule

SCHEMA = json.loads(deck_schema.SCHEMA_PATH.read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
RULE = deck_schema.compiled()
FEW = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def _keywords(node, found: set) -> set:
    if isinstance(node, dict):
        for key, value in node.items():
            found.add(key)
            if key in ("properties", "$defs"):
                for sub in value.values():
                    _keywords(sub, found)
            elif key not in ("enum", "required", "description", "title", "$comment", "examples", "default"):
                _keywords(value, found)
    return found


def test_loader_understands_every_keyword_the_schema_uses():
    assert _keywords(SCHEMA, set()) <= CHECKED | ANNOTATIONS


def test_unknown_schema_keyword_is_refused(tmp_path):
    broken = dict(SCHEMA, properties={**SCHEMA["properties"], "id": {"type": "string", "format": "email"}})
    path = tmp_path / "s.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(deck_schema.SchemaError, match="format"):
        deck_schema.compiled(path)


def test_shipped_decks_are_valid_by_both():
    for path in paths.shipped_decks():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert VALIDATOR.is_valid(data), path
        assert deck_schema.check(data) == [], path


def test_deck_format_limits_are_in_the_schema():
    card = SCHEMA["$defs"]["card"]["properties"]
    assert SCHEMA["$defs"]["card_text"]["maxLength"] == 200
    assert card["text"] == {"$ref": "#/$defs/card_text", "description": "The I statement."}
    assert SCHEMA["properties"]["scale"]["minItems"] == 2 and SCHEMA["properties"]["scale"]["maxItems"] == 7
    assert SCHEMA["properties"]["prompts"]["maxItems"] == 6
    assert SCHEMA["$defs"]["id"]["pattern"] == "^[a-z0-9][a-z0-9-]{0,63}$"
    assert list(SCHEMA["$defs"]["facilitator_notes"]["properties"]) == list(NOTE_STEPS), (
        "in the order a session meets them"
    )


# -- generating documents from the compiled rules -----------------------------------------------------------


def _text_strategy(rule: Rule) -> st.SearchStrategy:
    low = max(rule.min_length or 0, 1 if rule.patterns else 0)
    high = min(rule.max_length or 40, 40)
    special = [p for p in rule.patterns if p.pattern != r"\S"]
    if special:
        return st.from_regex(special[0], fullmatch=True).filter(
            lambda s: low <= len(s) <= (rule.max_length or 10**9)
        )
    return st.text(min_size=low, max_size=high).filter(lambda s: all(p.search(s) for p in rule.patterns))


def valid(rule: Rule, depth: int = 0) -> st.SearchStrategy:
    """Documents that follow ``rule`` (kept small: lists of up to 3 items)."""
    if rule.enum is not None:
        return st.sampled_from(rule.enum)
    types = rule.types or frozenset({"string"})
    if "object" in types:
        required = list(rule.required)
        if rule.else_ is not None:  # the deck root: a main deck needs themes, cards, prompts and scale
            required += [r for r in rule.else_.required if r not in required]
        props = {k: v for k, v in rule.properties.items() if k != "extends"}
        return st.fixed_dictionaries(
            {k: valid(props[k], depth + 1) for k in required if k in props},
            optional={k: valid(v, depth + 1) for k, v in props.items() if k not in required},
        )
    if "array" in types:
        low = rule.min_items or 0
        high = max(low, min(rule.max_items or 3, 3))
        return st.lists(valid(rule.items, depth + 1), min_size=low, max_size=high)
    if "integer" in types:
        return st.integers(min_value=int(rule.minimum or 0), max_value=int(rule.maximum or 1000))
    return _text_strategy(rule)


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 300)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=210),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3),
    max_leaves=8,
)
KEYS = sorted({k for d in [SCHEMA, *SCHEMA["$defs"].values()] for k in d.get("properties", {})})


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, prefix + (i,))


@st.composite
def mutated(draw, base: st.SearchStrategy):
    """A document with a few random changes: values replaced, keys dropped or added, texts lengthened."""
    doc = draw(base)
    for _ in range(draw(st.integers(1, 3))):
        spots = list(_paths(doc))
        spot = draw(st.sampled_from(spots))
        if not spot:
            continue
        parent = doc
        for step in spot[:-1]:
            parent = parent[step]
        last = spot[-1]
        action = draw(st.sampled_from(["replace", "drop", "add", "long", "empty"]))
        if action == "replace":
            parent[last] = draw(JSON_VALUES)
        elif action == "drop" and isinstance(parent, dict):
            del parent[last]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(KEYS) | st.text(max_size=8))] = draw(JSON_VALUES)
        elif action == "long" and isinstance(parent[last], str):
            parent[last] = parent[last] + "x" * draw(st.sampled_from([1, 40, 60, 200, 400, 1000]))
        elif action == "empty":
            parent[last] = draw(st.sampled_from(["", " ", [], {}, None, 0]))
    return doc


def _agree(doc) -> None:
    ours = deck_schema.check(doc, RULE)
    theirs = list(VALIDATOR.iter_errors(doc))
    assert (not ours) == (not theirs), (doc, ours, [e.message for e in theirs])
    # ...and they point at the same places: each of their errors has one of ours at or under it.
    our_paths = [f.path for f in ours]
    for error in theirs:
        where = tuple(error.absolute_path)
        assert any(p[: len(where)] == where for p in our_paths), (where, our_paths, error.message)


@FEW
@given(valid(RULE))
def test_generated_good_decks_are_good_to_both(doc):
    assert VALIDATOR.is_valid(doc), doc
    assert deck_schema.check(doc, RULE) == []


@FEW
@given(mutated(valid(RULE)))
def test_loader_and_jsonschema_agree_on_mutated_decks(doc):
    _agree(doc)


@FEW
@given(mutated(st.just(GOOD_DATA).map(lambda d: json.loads(json.dumps(d)))))
def test_loader_and_jsonschema_agree_on_a_mutated_real_deck(doc):
    _agree(doc)


@FEW
@given(JSON_VALUES)
def test_loader_and_jsonschema_agree_on_any_json(doc):
    _agree(doc)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(version=1.5),
        lambda d: d.update(extends="tiny") or d.pop("themes"),
        lambda d: d.pop("cards"),
        lambda d: d["themes"][0].update(colour="#GGGGGG"),
        lambda d: d["cards"][0].update(text="x" * 201),
        lambda d: d["cards"][0].update(text="x" * 200),
        lambda d: d["scale"].pop(),
        lambda d: d.update(personas=[{"id": "p", "name": "P", "summary": "S", "age": 30.0}]),
        lambda d: d.update(personas=[{"id": "p", "name": "P", "summary": "S", "age": True}]),
        lambda d: d.update(language="en-GB\n"),
        lambda d: d.update(facilitator_notes={}),
        lambda d: d.update(translation_of="x_y"),
    ],
)
def test_edge_cases_agree(change):
    doc = good_data()
    change(doc)
    _agree(doc)


def test_patterns_are_searched_like_jsonschema_does():
    # Both use re.search: an anchored pattern with "$" also accepts a final newline. Keep them the same.
    assert re.search(SCHEMA["$defs"]["id"]["pattern"], "abc\n")
