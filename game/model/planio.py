"""Reading and writing the plan's JSON file: the versioned format a review starts from.

``plan_to_json(plan)`` gives the canonical text (the same plan always gives the same bytes), and
``read_plan(path_or_text)`` turns a file back into a ``Plan`` after checking it against
``plan.schema.json`` with the small schema checker below, so the game needs no extra package.
Anything wrong, hostile or from a newer version raises ``PlanFormatError`` with a plain message that
names the problem and where it is. Pure: reads files, never writes them, no pygame.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from game.model.plan import PLAN_FORMAT, PLAN_VERSION, Plan
from game.model.plancheck import meaning_problems
from game.words import Words

SCHEMA_PATH = Path(__file__).resolve().parent / "plan.schema.json"
MAX_BYTES = 5_000_000
"""A 200-turn plan is about 0.3 MB; anything far bigger is not a plan."""
MAX_DEPTH = 16
"""A plan nests about 6 levels deep; more means a hostile or broken file."""
_MAX_PROBLEMS = 20

_TYPE_CHECKS = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}


class PlanFormatError(ValueError):
    """A plan file that cannot be used. ``str(err)`` is a message to show people as it is;
    ``key``/``params`` let a screen word it in another language; ``problems`` lists every
    problem found, first one first."""

    def __init__(self, key: str, language: str | None = None, problems: list[str] | None = None, **params):
        self.key = key
        self.params = params
        self.message = Words(language).get(key, **params)
        self.problems = problems or [self.message]
        super().__init__(self.message)


@lru_cache(maxsize=1)
def plan_schema() -> dict:
    """The JSON Schema that documents and checks plan files."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def plan_to_dict(plan: Plan) -> dict:
    """The plan as JSON-ready data, format and version first so the file says what it is at the top; a
    review's "review_of" and "You said, we did" come before the themes, as in every other export."""
    d = plan.to_dict()
    head = {"format": PLAN_FORMAT, "version": PLAN_VERSION}
    out = {k: v for k, v in d.items() if k not in head and k not in REVIEW_FIRST and k != "themes"}
    return {**head, **out, **{k: d[k] for k in REVIEW_FIRST}, "themes": d["themes"]}


REVIEW_FIRST = ("review_of", "you_said_we_did")


def plan_to_json(plan: Plan) -> str:
    """Canonical JSON text: same plan, same bytes (no timestamps, stable key order)."""
    return json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2) + "\n"


def read_plan(source: str | bytes | Path, language: str | None = None) -> Plan:
    """Read a plan from a file path, or from JSON text/bytes, checking it thoroughly first.

    A ``str`` that starts with ``{`` (after spaces) is taken as JSON text; any other ``str`` is a path.
    """
    data = load_plan_data(source, language)
    return Plan.from_dict(data)


def kept_plan(data: dict, language: str | None = None) -> Plan:
    """A plan as the saved games keep it (``Plan.to_dict()``), checked like a file. If this version's
    checks refuse it but its records still fit (a field added since), it is used as kept rather than
    lost. Raises ``PlanFormatError`` when it is not a plan at all."""
    try:
        return read_plan(json.dumps(data, ensure_ascii=False), language)
    except PlanFormatError as exc:
        try:
            return Plan.from_dict(data)
        except (TypeError, KeyError, AttributeError, ValueError):
            raise exc from None


def load_plan_data(source: str | bytes | Path, language: str | None = None) -> dict:
    """Like ``read_plan`` but returns the checked dict (useful to store a plan as it came)."""
    raw = _read_bytes(source, language)
    if len(raw) > MAX_BYTES:
        raise PlanFormatError("plan_file_too_big", language, size=len(raw), limit=MAX_BYTES)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PlanFormatError("plan_file_not_text", language) from None
    data = _parse_json(text, language)
    _check_depth(data, language)
    if not isinstance(data, dict) or data.get("format") != PLAN_FORMAT:
        raise PlanFormatError("plan_file_not_plan", language, expected=PLAN_FORMAT)
    version = data.get("version")
    if version != PLAN_VERSION or isinstance(version, bool):
        raise PlanFormatError(
            "plan_file_wrong_version", language, found=_short(version), expected=PLAN_VERSION
        )
    problems = validate(data, plan_schema(), language)
    if not problems:  # what the values mean is checked once their shape is known to be right
        problems = meaning_problems(data, language)
    if problems:
        raise PlanFormatError(
            "plan_file_invalid",
            language,
            problems=[f"{where}: {what}" for where, what in problems],
            where=problems[0][0],
            problem=problems[0][1] + _more(problems, language),
        )
    return data


def _more(problems: list, language: str | None) -> str:
    """ " (and 3 more problems)" after the first, so a message shown alone does not hide the rest."""
    if len(problems) < 2:
        return ""
    more = len(problems) - 1
    words = Words(language)
    return (
        words.get("plan_file_more_problems_one")
        if more == 1
        else words.get("plan_file_more_problems", n=more)
    )


def _read_bytes(source: str | bytes | Path, language: str | None) -> bytes:
    if isinstance(source, bytes | bytearray):
        return bytes(source)
    if isinstance(source, str) and source.lstrip()[:1] in ("{", "["):
        try:
            return source.encode("utf-8")
        except UnicodeEncodeError:
            raise PlanFormatError("plan_file_not_text", language) from None
    path = Path(source)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise PlanFormatError("plan_file_too_big", language, size=size, limit=MAX_BYTES)
        with path.open("rb") as f:
            # Read one byte past the limit so a file that grew since stat() is still caught.
            return f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise PlanFormatError("plan_file_unreadable", language, problem=exc.strerror or str(exc)) from None
    except ValueError as exc:
        # A name no file can have (a NUL byte, a lone surrogate).
        raise PlanFormatError("plan_file_unreadable", language, problem=str(exc)) from None


def _parse_json(text: str, language: str | None) -> Any:
    def no_duplicates(pairs):
        seen = {}
        for k, v in pairs:
            if k in seen:
                raise PlanFormatError("plan_file_duplicate_key", language, name=_short(k, quote=False))
            seen[k] = v
        return seen

    def bad_number(value):
        raise PlanFormatError("plan_file_bad_number", language, value=value)

    try:
        return json.loads(text, object_pairs_hook=no_duplicates, parse_constant=bad_number)
    except json.JSONDecodeError as exc:
        raise PlanFormatError(
            "plan_file_not_json", language, problem=exc.msg, line=exc.lineno, column=exc.colno
        ) from None
    except RecursionError:
        raise PlanFormatError("plan_file_too_deep", language, limit=MAX_DEPTH) from None
    except PlanFormatError:
        raise
    except ValueError as exc:
        # e.g. a number with thousands of digits, which Python refuses to convert.
        raise PlanFormatError("plan_file_bad_number", language, value=_short(str(exc), quote=False)) from None


def _check_depth(data: Any, language: str | None) -> None:
    # Iterative, so a deep file cannot exhaust the stack while being measured.
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise PlanFormatError("plan_file_too_deep", language, limit=MAX_DEPTH)
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)


def _short(value: Any, quote: bool = True, limit: int = 40) -> str:
    """A value as it may be shown in a message: cut short, so a hostile file cannot flood the screen."""
    text = json.dumps(value, ensure_ascii=False) if quote else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def validate(data: Any, schema: dict, language: str | None = None) -> list[tuple[str, str]]:
    """Check ``data`` against the subset of JSON Schema that plan.schema.json uses.

    Returns ``(where, what)`` pairs in plain words, every problem (up to a limit), first found first.
    Supported: type, const, enum, pattern, minLength, maxLength, minItems, maxItems, minimum,
    maximum, properties, required, additionalProperties: false, items, and local ``$ref``.
    """
    words = Words(language)
    problems: list[tuple[str, str]] = []
    _check(data, schema, schema, "", words, problems)
    return problems


def _where(path: str, words: Words) -> str:
    return path or words.get("plan_file_the_file")


def _check(value, schema, root, path, words, problems) -> None:
    if len(problems) >= _MAX_PROBLEMS:
        return
    if "$ref" in schema:
        ref = schema["$ref"]
        target = root
        for part in ref.removeprefix("#/").split("/"):
            target = target[part]
        _check(value, target, root, path, words, problems)
        # Keywords beside $ref (a description, say) add nothing to check here.
    where = _where(path, words)

    def problem(words_key, **params):
        problems.append((where, words.get(words_key, **params)))

    if "const" in schema and (value != schema["const"] or type(value) is not type(schema["const"])):
        problem("plan_file_problem_const", expected=_short(schema["const"]))
        return
    if "enum" in schema and (value not in schema["enum"] or not isinstance(value, str | type(None))):
        choices = ", ".join(_short(c) for c in schema["enum"])
        problem("plan_file_problem_enum", choices=choices, found=_short(value))
        return
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_TYPE_CHECKS[t](value) for t in types):
            expected = " / ".join(words.get(f"plan_file_type_{t}") for t in types)
            problem("plan_file_problem_type", expected=expected, found=words.get(_type_key(value)))
            return
    if isinstance(value, str):
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            problem("plan_file_problem_too_long", size=len(value), limit=schema["maxLength"])
        if "minLength" in schema and len(value) < schema["minLength"]:
            problem("plan_file_problem_too_short", limit=schema["minLength"])
        if "pattern" in schema and not _pattern(schema["pattern"]).search(value):
            problem("plan_file_problem_pattern", found=_short(value, quote=False))
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            problem("plan_file_problem_too_small", limit=schema["minimum"])
        if "maximum" in schema and value > schema["maximum"]:
            problem("plan_file_problem_too_big", limit=schema["maximum"])
    elif isinstance(value, list):
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            problem("plan_file_problem_too_many", size=len(value), limit=schema["maxItems"])
            return
        if "minItems" in schema and len(value) < schema["minItems"]:
            problem("plan_file_problem_too_short", limit=schema["minItems"])
        if "items" in schema:
            for i, item in enumerate(value):
                _check(item, schema["items"], root, f"{path}[{i}]", words, problems)
    elif isinstance(value, dict):
        props = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in value:
                problem("plan_file_problem_required", name=key)
        if schema.get("additionalProperties", True) is False:
            for key in value:
                if key not in props:
                    problem("plan_file_problem_unknown", name=_short(key, quote=False))
        for key, sub in props.items():
            if key in value:
                _check(value[key], sub, root, f"{path}.{key}" if path else key, words, problems)


def _type_key(value) -> str:
    for name, check in _TYPE_CHECKS.items():
        if name != "number" and check(value):
            return f"plan_file_type_{name}"
    return "plan_file_type_number"


@lru_cache(maxsize=64)
def _pattern(pattern: str) -> re.Pattern:
    # In Python "$" also matches before a final newline; JSON Schema means the very end.
    return re.compile(pattern.replace("$", r"\Z"))
