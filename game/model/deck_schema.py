"""The deck's structural rules, read from ``decks/deck.schema.json`` so editors and the game agree.

This is a small JSON Schema (draft 2020-12) checker for the keywords the deck schema uses, written here
rather than using ``jsonschema`` so that every finding carries its path and the names of the schema
definitions it failed (``colour``, ``id``, ``card_text`` ...), which is what lets the loader word a
specific, friendly message. Its verdict matches ``jsonschema``'s (tests check this on many documents).
Keywords it does not know make it refuse the schema, so the two can never silently drift apart.
"""

from __future__ import annotations

import difflib
import json
import re
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from game.model.deck_problem import Finding
from game.paths import DECKS_DIR

SCHEMA_PATH = DECKS_DIR / "deck.schema.json"

CHECKED = {
    "$ref",
    "type",
    "enum",
    "required",
    "properties",
    "additionalProperties",
    "items",
    "minItems",
    "maxItems",
    "minLength",
    "maxLength",
    "pattern",
    "minimum",
    "maximum",
    "if",
    "then",
    "else",
}
ANNOTATIONS = {"$schema", "$id", "$defs", "$comment", "title", "description", "default", "examples"}


class SchemaError(Exception):
    """The schema file itself is missing, broken, or uses a keyword this checker does not know."""


class Rule:
    """One schema location, flattened: its own keywords merged with those of the definitions it $refs."""

    __slots__ = (
        "defs",
        "types",
        "enum",
        "required",
        "properties",
        "additional",
        "items",
        "min_items",
        "max_items",
        "min_length",
        "max_length",
        "patterns",
        "minimum",
        "maximum",
        "if_",
        "then",
        "else_",
        "text_only",
        "pytype",
    )

    def __init__(self) -> None:
        self.defs: tuple[str, ...] = ()
        self.types: frozenset[str] | None = None
        self.enum: list | None = None
        self.required: list[str] = []
        self.properties: dict[str, Rule] = {}
        self.additional: bool | Rule = True
        self.items: Rule | None = None
        self.min_items: int | None = None
        self.max_items: int | None = None
        self.min_length: int | None = None
        self.max_length: int | None = None
        self.patterns: list[re.Pattern] = []
        self.minimum: float | None = None
        self.maximum: float | None = None
        self.if_: Rule | None = None
        self.then: Rule | None = None
        self.else_: Rule | None = None
        self.text_only = False  # only type string and text bounds: checkable without a path
        self.pytype: type | None = None  # a single type that isinstance() can check on its own


@lru_cache(maxsize=4)
def load_schema(path: str | Path = SCHEMA_PATH) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SchemaError(f"{path}: {exc}") from exc


@lru_cache(maxsize=4)
def compiled(path: str | Path = SCHEMA_PATH) -> Rule:
    """The schema at ``path`` as a tree of ``Rule`` objects (built once, then shared)."""
    schema = load_schema(path)
    return _Compiler(schema).rule(schema, ())


class _Compiler:
    def __init__(self, root: dict):
        self.root = root

    def rule(self, node: Any, defs: tuple[str, ...]) -> Rule:
        if node is True or node == {}:
            return Rule()
        if not isinstance(node, dict):
            raise SchemaError(f"a schema must be an object, not {node!r}")
        unknown = set(node) - CHECKED - ANNOTATIONS
        if unknown:
            raise SchemaError(f"the deck checker does not know the schema keyword(s) {sorted(unknown)}")
        rule = Rule()
        if "$ref" in node:
            name, target = self._resolve(node["$ref"])
            base = self.rule(target, defs + (name,))
            for slot in Rule.__slots__:
                setattr(rule, slot, getattr(base, slot))
            rule.required = list(base.required)
            rule.patterns = list(base.patterns)
            rule.properties = dict(base.properties)
        else:
            rule.defs = defs
        # A $ref's siblings must hold too (draft 2020-12), so bounds combine to the stricter one.
        if "type" in node:
            types = frozenset([node["type"]] if isinstance(node["type"], str) else node["type"])
            rule.types = types if rule.types is None else rule.types & types
        if "enum" in node:
            rule.enum = list(node["enum"])
        rule.required += [r for r in node.get("required", []) if r not in rule.required]
        for name, sub in node.get("properties", {}).items():
            if name in rule.properties:
                raise SchemaError(f"property {name!r} is defined twice through $ref")
            rule.properties[name] = self.rule(sub, ())
        if "additionalProperties" in node:
            extra = node["additionalProperties"]
            rule.additional = extra if isinstance(extra, bool) else self.rule(extra, ())
        if "items" in node:
            rule.items = self.rule(node["items"], ())
        rule.min_items = _tighter(rule.min_items, node.get("minItems"), max)
        rule.max_items = _tighter(rule.max_items, node.get("maxItems"), min)
        rule.min_length = _tighter(rule.min_length, node.get("minLength"), max)
        rule.max_length = _tighter(rule.max_length, node.get("maxLength"), min)
        rule.minimum = _tighter(rule.minimum, node.get("minimum"), max)
        rule.maximum = _tighter(rule.maximum, node.get("maximum"), min)
        if "pattern" in node:
            rule.patterns.append(re.compile(node["pattern"]))
        for key, slot in (("if", "if_"), ("then", "then"), ("else", "else_")):
            if key in node:
                setattr(rule, slot, self.rule(node[key], ()))
        rule.text_only = rule.types == frozenset({"string"}) and rule.enum is None and rule.if_ is None
        if rule.types is not None and len(rule.types) == 1:
            rule.pytype = _PYTYPES.get(next(iter(rule.types)))
        return rule

    def _resolve(self, ref: str) -> tuple[str, dict]:
        prefix = "#/$defs/"
        if not ref.startswith(prefix) or ref[len(prefix) :] not in self.root.get("$defs", {}):
            raise SchemaError(f"cannot follow $ref {ref!r}: only #/$defs/<name> inside the file is supported")
        name = ref[len(prefix) :]
        return name, self.root["$defs"][name]


def _tighter(old, new, pick):
    if new is None:
        return old
    return new if old is None else pick(old, new)


# -- checking ---------------------------------------------------------------------------------------


def check(data: Any, rule: Rule | None = None) -> list[Finding]:
    """Every way ``data`` breaks the schema, as findings with paths (empty list: structurally valid)."""
    out: list[Finding] = []
    _check(data, rule or compiled(), (), out)
    return out


def is_valid(data: Any, rule: Rule | None = None) -> bool:
    return not check(data, rule)


def _check(value: Any, rule: Rule, path: tuple, out: list[Finding]) -> None:
    if rule.pytype is not None:
        if not isinstance(value, rule.pytype):
            out.append(_type_finding(value, rule, path))
            return
    elif rule.types is not None and not _type_ok(value, rule.types):
        out.append(_type_finding(value, rule, path))
        return
    if rule.enum is not None and not any(_same(value, option) for option in rule.enum):
        options = [str(o) for o in rule.enum]
        params = {"value": _shown(value), "allowed": options, "near": str(value)}
        out.append(Finding("not_allowed", params, path, defs=rule.defs))
        return
    if isinstance(value, str):
        _check_text(value, rule, path, out)
    elif isinstance(value, dict):
        _check_mapping(value, rule, path, out)
    elif isinstance(value, list):
        _check_list(value, rule, path, out)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        if rule.minimum is not None and value < rule.minimum:
            out.append(Finding("too_small", {"value": value, "limit": rule.minimum}, path, defs=rule.defs))
        elif rule.maximum is not None and value > rule.maximum:
            out.append(Finding("too_large", {"value": value, "limit": rule.maximum}, path, defs=rule.defs))
    if rule.if_ is not None:
        branch = rule.then if is_valid(value, rule.if_) else rule.else_
        if branch is not None:
            _check(value, branch, path, out)


def _check_text(value: str, rule: Rule, path: tuple, out: list[Finding]) -> None:
    # One message per piece of text is enough: the first rule it breaks, in the order a person fixes them.
    n = len(value)
    if rule.min_length is not None and n < rule.min_length:
        out.append(Finding("too_short", {"length": n, "limit": rule.min_length}, path, defs=rule.defs))
        return
    for pattern in rule.patterns:
        if not pattern.search(value):
            out.append(Finding("pattern", {"value": _shown(value)}, path, defs=rule.defs))
            return
    if rule.max_length is not None and n > rule.max_length:
        out.append(Finding("too_long", {"length": n, "limit": rule.max_length}, path, defs=rule.defs))


def _check_mapping(value: dict, rule: Rule, path: tuple, out: list[Finding]) -> None:
    for name in rule.required:
        if name not in value:
            out.append(Finding("missing", {"name": name}, path, defs=rule.defs))
    properties, additional = rule.properties, rule.additional
    for key, item in value.items():
        sub = properties.get(key)
        if sub is not None:
            if item.__class__ is str and sub.text_only and _text_ok(item, sub):
                continue  # the common case in a big deck: good text, no path to build
            _check(item, sub, path + (key,), out)
        elif additional is False:
            allowed = list(properties)
            params = {"field": _shown(key), "allowed": allowed, "near": key}
            out.append(Finding("unknown_key", params, path + (key,), on_key=True, defs=rule.defs))
        elif additional is not True:
            _check(item, additional, path + (key,), out)


def _text_ok(value: str, rule: Rule) -> bool:
    n = len(value)
    if rule.min_length is not None and n < rule.min_length:
        return False
    if rule.max_length is not None and n > rule.max_length:
        return False
    return all(p.search(value) for p in rule.patterns)


def _check_list(value: list, rule: Rule, path: tuple, out: list[Finding]) -> None:
    n = len(value)
    if rule.min_items is not None and n < rule.min_items:
        out.append(Finding("too_few", {"count": n, "limit": rule.min_items}, path, defs=rule.defs))
    elif rule.max_items is not None and n > rule.max_items:
        out.append(Finding("too_many", {"count": n, "limit": rule.max_items}, path, defs=rule.defs))
    if rule.items is not None:
        items = rule.items
        for i, item in enumerate(value):
            _check(item, items, path + (i,), out)


# -- types, the way JSON Schema sees them ---------------------------------------------------------------


# JSON Schema types that match exactly one Python type (integer and number need more care: True is not 1).
_PYTYPES = {"string": str, "object": dict, "array": list, "boolean": bool, "null": type(None)}


def _type_ok(value: Any, types: frozenset[str]) -> bool:
    return any(_is_type(value, t) for t in types)


def _is_type(value: Any, name: str) -> bool:
    if name == "string":
        return isinstance(value, str)
    if name == "object":
        return isinstance(value, dict)
    if name == "array":
        return isinstance(value, list)
    if name == "boolean":
        return isinstance(value, bool)
    if name == "null":
        return value is None
    if isinstance(value, bool):
        return False
    if name == "integer":
        return isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    if name == "number":
        return isinstance(value, (int, float))
    return False


def kind_of(value: Any) -> str:
    """A plain name for what a YAML value turned out to be."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "yesno"
    if isinstance(value, int):
        return "whole_number"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, (date, datetime)):
        return "date"
    return "other"


def _type_finding(value: Any, rule: Rule, path: tuple) -> Finding:
    expected = sorted(rule.types or ())
    params = {"expected": expected, "got": kind_of(value)}
    if value is None:
        code = "type_empty"
    elif "string" in expected and isinstance(value, (bool, int, float, date, datetime)):
        code = "type_quote"  # YAML read the words as a number, date or true/false
    else:
        code = "type"
    return Finding(code, params, path, defs=rule.defs)


def _same(a: Any, b: Any) -> bool:
    # JSON Schema: true is not 1, and 1 is 1.0.
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    try:
        return bool(a == b)
    except Exception:  # noqa: BLE001 - odd values compare as different, never crash
        return False


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def closest(word: str, options: list[str]) -> str | None:
    """The option the author most likely meant ("titel" -> "title"), or None."""
    lower = {o.lower(): o for o in options}
    if word.lower() in lower:
        return lower[word.lower()]
    squashed = word.lower().replace(" ", "_").replace("-", "_")
    if squashed in lower:
        return lower[squashed]
    match = difflib.get_close_matches(word.lower(), list(lower), n=1, cutoff=0.7)
    if match:
        return lower[match[0]]
    # "does" -> "do", "sum" -> "summary": one word starts with the other (two letters at least)
    starts = [o for o in lower if len(o) >= 2 and (word.lower().startswith(o) or o.startswith(word.lower()))]
    return lower[max(starts, key=len)] if starts and len(word) >= 2 else None
