"""Turning findings into the sentences a deck author reads: where the mistake is, what is wrong, how to fix it.

Every sentence comes from ``game/locale/<lang>/deck.yaml``. A finding's words key is ``deck.<code>``; a more
specific key is tried first, named after the schema definition the value failed (``deck.pattern.colour``)
or the field (``deck.too_few.scale``), so one rule can have a message that fits each kind of value.
"""

from __future__ import annotations

from typing import Any

from game.model.deck_problem import Finding, Problem
from game.model.deck_schema import closest
from game.model.deck_yaml import Parsed, child_of
from game.model.textrules import escaped
from game.words import Words

SECTION_ITEM = {
    "themes": "theme",
    "cards": "card",
    "prompts": "prompt",
    "scale": "scale_point",
    "personas": "persona",
}

# For these, the sentence names the item that holds the value ("Card "x" has a field ..."), not the value.
_WHERE_PARENT = {"unknown_key", "unknown_theme", "dup_id", "clash_card", "clash_theme", "same_symbol"}


MAX_PROBLEMS = 2000
"""Per file. A real deck never comes near this; a generated or corrupted one can hold hundreds of
thousands of mistakes, and wording them all would take seconds to say nothing more useful."""


def to_problems(file: str, findings: list[Finding], parsed: Parsed | None, words: Words) -> list[Problem]:
    """Word every finding (up to ``MAX_PROBLEMS``) and sort them as they appear in the file."""
    placed = []
    for order, f in enumerate(findings):
        if f.line is not None:
            line, column = f.line, f.column or 0
        elif parsed is not None:
            line, column = parsed.position(f.path, f.on_key)
        else:
            line, column = 0, 0
        placed.append((line, column, order, f))
    placed.sort(key=lambda x: x[:3])
    data = parsed.data if parsed is not None else None
    problems = []
    for line, column, _, f in placed[:MAX_PROBLEMS]:
        if f.code == "type_quote" and parsed is not None and "raw" not in f.params:
            f = Finding(
                f.code,
                {**f.params, "raw": parsed.raw_text(f.path) or ""},
                f.path,
                f.on_key,
                f.line,
                f.column,
                f.defs,
            )
        problems.append(Problem(file, line, column, message(f, data, words), f"deck.{f.code}"))
    if len(placed) > MAX_PROBLEMS:
        more = len(placed) - MAX_PROBLEMS
        problems.append(
            Problem(file, 0, 0, words.get("deck.more_problems", n=f"{more:,}"), "deck.more_problems", more)
        )
    return problems


def message(f: Finding, data: Any, words: Words) -> str:
    params = dict(f.params)
    where_path = f.path[:-1] if f.code in _WHERE_PARENT and f.path else f.path
    params["where"] = where(where_path, data, words)
    for name in ("expected",):
        if name in params:
            params[name] = _or_list([words.get(f"deck.kind.{t}") for t in params[name]], words)
    if "got" in params:
        params["got"] = words.get(f"deck.got.{params['got']}")
    # "Did you mean ...?" is worked out only for problems that are shown: difflib is slow on thousands.
    near = closest(str(params.pop("near")), [str(a) for a in params["allowed"]]) if "near" in params else None
    params["suggest"] = words.get("deck.suggest", word=near) if near else ""
    if "allowed" in params:
        params["allowed"] = ", ".join(str(a) for a in params["allowed"])
    if "hint_key" in params:
        params["hint"] = words.get(f"deck.{params.pop('hint_key')}")
    if "kind" in params:
        params["kinds"] = words.get(f"deck.kinds.{params['kind']}")
        params["kind"] = words.get(f"deck.kind_one.{params['kind']}")
    # Keys, ids and values come from the deck: any control code in them is written out (\x1b), so a
    # YAML escape never reaches a screen or terminal as a command.
    params = {k: escaped(v) if isinstance(v, str) else v for k, v in params.items()}
    text = words.get(_key(f, words), **params)
    return text[:1].upper() + text[1:]


def _key(f: Finding, words: Words) -> str:
    field = next((p for p in reversed(f.path) if isinstance(p, str)), None) if f.path else "deck"
    candidates = [f"deck.{f.code}.{d}" for d in f.defs]
    if field is not None:
        candidates.append(f"deck.{f.code}.{field}")
    for key in candidates:
        if words.has(key):
            return key
    return f"deck.{f.code}"


def where(path: tuple, data: Any, words: Words) -> str:
    """A path as a person would say it: ``("cards", 3, "text")`` -> ``card "living-04", text``."""
    if not path:
        return words.get("deck.where.deck")
    parts: list[str] = []
    node = data
    for i, step in enumerate(path):
        child = child_of(node, step)
        if isinstance(step, int):
            kind = SECTION_ITEM.get(path[0]) if i == 1 else None
            if kind is not None:
                ident = child.get("id") if isinstance(child, dict) else None
                if isinstance(ident, str) and ident.strip():
                    parts[-1] = words.get(f"deck.where.{kind}", id=_short(ident))
                else:
                    parts[-1] = words.get(f"deck.where.{kind}_n", n=step + 1)
            else:
                parts.append(words.get("deck.where.item", n=step + 1))
        else:
            parts.append(_short(str(step)))
        node = child
    return ", ".join(parts)


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "…"


def _or_list(names: list[str], words: Words) -> str:
    if len(names) <= 1:
        return "".join(names)
    return words.get("deck.or", first=", ".join(names[:-1]), last=names[-1])
