"""Reading a deck file safely: bytes -> text -> plain data, with the line and column of every value.

Deck files come from anyone who can edit text, so this module expects the worst: files that are huge,
binary, not UTF-8, deeply nested, full of aliases ("billion laughs"), or not YAML at all. It never lets a
parser exception escape and never hands a hostile file to code that could hang or overflow the C stack.

It reads the YAML *event* stream (libyaml's C parser when present) rather than ``yaml.compose``; plain
data is built from the events, within the game's limits, by ``deck_events``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.scanner import ScannerError

from game.model.deck_events import MAX_ALIASES, MAX_DEPTH, MAX_NODES, Builder, Stop
from game.model.deck_problem import Finding

try:  # The C parser is much faster; the pure-Python one gives the same events.
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _CParser = None

__all__ = [
    "MAX_ALIASES",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_NODES",
    "Parsed",
    "decode",
    "parse_text",
    "read_file",
]

MAX_BYTES = 2 * 1024 * 1024
# libyaml 0.2.6 (inside PyYAML 6.0.3 and later) stops at 1,000 levels of nesting, and its scanner reads up
# to 1,024 characters of a line ahead of the events the builder sees. A line packed with brackets could
# so trip libyaml's limit before ``MAX_DEPTH`` and show its words instead of the game's. Such a line (far
# denser than any real deck) is read with the pure-Python parser, which has no limit of its own: our
# limits then always act first, on every build of PyYAML.
DENSE_BRACKETS = 500


class PurePythonParser(yaml.SafeLoader):
    """PyYAML's pure-Python parser, with its bookkeeping of "possible simple keys" made linear.

    PyYAML looks through every open key (one per bracket level, up to 1,024 on a line) for each token,
    which made a line of a million brackets take a second before ``MAX_DEPTH`` could stop it. Keys go in
    oldest first and go stale oldest first, so the oldest is the only one to look at: the same tokens
    and the same errors, in linear time (tests compare the two on generated text).
    """

    def next_possible_simple_key(self):
        for key in self.possible_simple_keys.values():
            return key.token_number
        return None

    def stale_possible_simple_keys(self):
        keys = self.possible_simple_keys
        while keys:
            level, key = next(iter(keys.items()))
            if key.line == self.line and self.index - key.index <= 1024:
                return
            if key.required:
                raise ScannerError(
                    "while scanning a simple key", key.mark, "could not find expected ':'", self.get_mark()
                )
            del keys[level]


# Characters YAML forbids in a stream (C0/C1 controls, lone surrogates, U+FFFE/U+FFFF).
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass
class Parsed:
    """A parsed deck file: its data (None when it could not be read) and where each value came from.

    Positions are kept per container (``id(dict or list) -> marks``) rather than per path, so parsing
    builds no path tuples; ``position(path)`` walks the data to find one.
    """

    data: Any = None
    findings: list[Finding] = field(default_factory=list)
    complete: bool = False  # the whole document was read (its data may still be null, a list ...)
    root_mark: Any = None
    # id(container) -> (value marks: {key or index: mark}, key marks: {key: mark}, raw text: {key: str})
    marks: dict[int, tuple[dict, dict, dict]] = field(default_factory=dict)

    def position(self, path: tuple, on_key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value at ``path``, or of its nearest parent we know."""
        best = self.root_mark
        node = self.data
        last = len(path) - 1
        for i, step in enumerate(path):
            entry = self.marks.get(id(node)) if isinstance(node, (dict, list)) else None
            if entry is None:
                break
            values, keys, _ = entry
            mark = keys.get(step) if (on_key and i == last) else None
            mark = mark or values.get(step)
            if mark is None:
                break
            best = mark
            node = child_of(node, step)
        if best is None:
            return (1, 1)
        return best.line + 1, best.column + 1

    def raw_text(self, path: tuple) -> str | None:
        """How a non-text value (``1.0``, ``no``, ``2024-01-01``) was written in the file."""
        if not path:
            return None
        node = self.data
        for step in path[:-1]:
            node = child_of(node, step)
        entry = self.marks.get(id(node)) if isinstance(node, (dict, list)) else None
        return entry[2].get(path[-1]) if entry is not None else None


def child_of(node: Any, step: Any) -> Any:
    """``node[step]`` when there is one, else None: for walking data that may be the wrong shape."""
    if isinstance(node, dict):
        return node.get(step)
    if isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
        return node[step]
    return None


def read_file(path: str | Path) -> tuple[str | None, list[Finding]]:
    """The text of a deck file, or findings saying why it cannot be used."""
    p = Path(path)
    try:
        if p.is_dir():
            return None, [Finding("file_is_folder", line=0, column=0)]
        if p.exists() and not p.is_file():  # a pipe or a device: reading could wait for ever
            return None, [Finding("file_not_regular", line=0, column=0)]
        with open(p, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return None, [Finding("file_missing", line=0, column=0)]
    except PermissionError:
        return None, [Finding("file_no_permission", line=0, column=0)]
    except (OSError, ValueError) as exc:  # ValueError: a path with a NUL byte in it
        return None, [Finding("file_unreadable", {"reason": str(exc)}, line=0, column=0)]
    return decode(data)


def decode(data: bytes) -> tuple[str | None, list[Finding]]:
    """Bytes -> text, refusing files that are too big, binary or not UTF-8."""
    if len(data) > MAX_BYTES:
        return None, [Finding("file_too_big", {"limit_mb": MAX_BYTES // (1024 * 1024)}, line=0, column=0)]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Finding("file_utf16", line=0, column=0)]
    if b"\x00" in data:
        return None, [Finding("file_binary", line=0, column=0)]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start
        line = data.count(b"\n", 0, offset) + 1
        column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
        finding = Finding(
            "file_not_utf8",
            {"offset": offset, "byte": f"{data[offset]:02X}", "line": line},
            line=line,
            column=column,
        )
        return None, [finding]
    return text, []


def parse_text(text: str) -> Parsed:
    """Text -> plain data (dicts, lists, str, int, float, bool, None, dates) plus positions and findings."""
    result = Parsed()
    if text.startswith("\ufeff"):
        text = text[1:]
    bad = _NOT_PRINTABLE.search(text)
    if bad:
        line, column = _line_col(text, bad.start())
        count = len(_NOT_PRINTABLE.findall(text, 0, 100_000))
        code = "file_binary" if count > 8 else "bad_character"
        result.findings.append(Finding(code, {"code": f"U+{ord(bad.group()):04X}"}, line=line, column=column))
        return result
    if not text.strip():
        result.findings.append(Finding("file_empty", line=0, column=0))
        return result
    try:
        fast = _CParser is not None and not has_dense_brackets(text)
        parser = _CParser(text) if fast else PurePythonParser(text)
        Builder(result).run(parser.get_event)
    except Stop as stop:
        result.data = None
        result.complete = False
        result.findings.append(stop.finding)
    return result


def has_dense_brackets(text: str) -> bool:
    """Whether one line holds ``DENSE_BRACKETS`` or more flow brackets (counted even inside quotes)."""
    if text.count("[") + text.count("{") < DENSE_BRACKETS:
        return False
    return any(
        line.count("[") + line.count("{") >= DENSE_BRACKETS
        for line in text.split("\n")
        if len(line) >= DENSE_BRACKETS
    )


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1
