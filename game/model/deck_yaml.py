"""Reading a deck file safely: bytes -> text -> plain data, with the line and column of every value.

Deck files come from anyone who can edit text, so this module expects the worst: files that are huge,
binary, not UTF-8, deeply nested, full of aliases ("billion laughs"), or not YAML at all. It never lets a
parser exception escape and never hands a hostile file to code that could hang or overflow the C stack.

It works on the YAML *event* stream (libyaml's C parser when present) rather than ``yaml.compose``:
events come out of a non-recursive state machine, so nesting depth and alias expansion can be limited
before any tree is built, and building plain data directly is several times faster than composing nodes.
Only the standard YAML 1.1 scalar types are accepted; any other tag (``!!python/object`` ...) is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml import events as ev
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from game.model.deck_problem import Finding

try:  # The C parser is much faster; the pure-Python one gives the same events.
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _CParser = None

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 32
MAX_ALIASES = 100
MAX_NODES = 500_000

_TAG = "tag:yaml.org,2002:"
_STR, _MERGE, _VALUE = _TAG + "str", _TAG + "merge", _TAG + "value"
_ALLOWED_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_ALLOWED_COLLECTION_TAGS = {None, "!", _TAG + "map", _TAG + "seq"}
# Plain scalars starting with any other character are always text: skip the (slow) regex resolvers.
_MAYBE_TYPED = frozenset(Resolver.yaml_implicit_resolvers)
# Characters YAML forbids in a stream (C0/C1 controls, lone surrogates, U+FFFE/U+FFFF).
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

_resolver = Resolver()
_constructor = SafeConstructor()


@dataclass
class Parsed:
    """A parsed deck file: its data (None when it could not be read) and where each value came from."""

    data: Any = None
    findings: list[Finding] = field(default_factory=list)
    locs: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    keylocs: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    raw: dict[tuple, str] = field(default_factory=dict)

    def position(self, path: tuple, on_key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value at ``path``, or of its nearest parent we know."""
        if on_key and path in self.keylocs:
            return self.keylocs[path]
        p = tuple(path)
        while p:
            if p in self.locs:
                return self.locs[p]
            p = p[:-1]
        return self.locs.get((), (1, 1))


class _Stop(Exception):
    """A file too hostile to read any further; the finding says why."""

    def __init__(self, finding: Finding):
        self.finding = finding


class _Frame:
    __slots__ = ("is_map", "value", "path", "key", "has_key", "anchor", "size", "seen", "merges", "is_key")

    def __init__(self, is_map: bool, path: tuple, anchor: str | None, is_key: bool):
        self.is_map = is_map
        self.value: Any = {} if is_map else []
        self.path = path
        self.key: Any = None
        self.has_key = False
        self.anchor = anchor
        self.size = 1
        self.seen: dict[str, int] = {}
        self.merges: list[tuple[Any, int, int]] = []
        self.is_key = is_key


_MERGE_KEY = object()
_SKIP = object()


def read_file(path: str | Path) -> tuple[str | None, list[Finding]]:
    """The text of a deck file, or findings saying why it cannot be used."""
    p = Path(path)
    try:
        if p.is_dir():
            return None, [Finding("file_is_folder", line=0, column=0)]
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
        _Builder(result).run(text)
    except _Stop as stop:
        result.data = None
        result.findings.append(stop.finding)
    return result


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _yaml_finding(exc: Exception) -> Finding:
    """Word a parser error: where it is, what libyaml says, and a hint for the usual causes."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = str(getattr(exc, "problem", None) or getattr(exc, "reason", None) or exc).strip()
    context = str(getattr(exc, "context", None) or "")
    both = f"{context} {problem}"
    if "mapping values are not allowed" in both:
        hint = "yaml_hint_colon"
    elif "cannot start any token" in both and mark is not None and _char_at(mark) == "\t":
        hint = "yaml_hint_tab"
    elif "quoted scalar" in both:
        hint = "yaml_hint_quote"
    elif "block end" in both or "expected key" in both or "block mapping" in both:
        hint = "yaml_hint_indent"
    else:
        hint = "yaml_hint_general"
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return Finding("yaml_invalid", {"problem": problem, "hint_key": hint}, line=line, column=column)


def _char_at(mark) -> str:
    buffer, pointer = getattr(mark, "buffer", None), getattr(mark, "pointer", None)
    if isinstance(buffer, str) and isinstance(pointer, int) and 0 <= pointer < len(buffer):
        return buffer[pointer]
    return ""


class _Builder:
    """Turns the event stream into plain data, recording positions and refusing hostile shapes."""

    def __init__(self, result: Parsed):
        self.r = result
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.aliases = 0
        self.nodes = 0
        self.documents = 0
        self.root: Any = None

    def run(self, text: str) -> None:
        parser = _CParser(text) if _CParser is not None else yaml.SafeLoader(text)
        locs, raw = self.r.locs, self.r.raw
        stack = self.stack
        while True:
            try:
                if not parser.check_event():
                    break
                e = parser.get_event()
            except yaml.YAMLError as exc:
                raise _Stop(_yaml_finding(exc)) from None
            except Exception as exc:  # noqa: BLE001 - the parser must never crash the game, whatever it meets
                raise _Stop(
                    Finding("yaml_invalid", {"problem": str(exc), "hint_key": "yaml_hint_general"})
                ) from None
            cls = e.__class__
            if cls is ev.ScalarEvent:
                self.nodes += 1
                if self.nodes > MAX_NODES:
                    raise _Stop(self._at(e, "too_many_nodes", {"limit": MAX_NODES}))
                value = self._scalar(e)
                path = self._child_path()
                if path is not None:
                    locs[path] = (e.start_mark.line + 1, e.start_mark.column + 1)
                    if value is not None and not isinstance(value, str) and value is not _MERGE_KEY:
                        raw[path] = e.value
                if e.anchor is not None:
                    self.anchors[e.anchor] = (value, 1)
                self._put(value, 1, e.start_mark.line + 1, e.start_mark.column + 1, e.value)
            elif cls is ev.MappingStartEvent or cls is ev.SequenceStartEvent:
                self.nodes += 1
                if self.nodes > MAX_NODES:
                    raise _Stop(self._at(e, "too_many_nodes", {"limit": MAX_NODES}))
                if len(stack) >= MAX_DEPTH:
                    raise _Stop(self._at(e, "too_deep", {"limit": MAX_DEPTH}))
                if e.tag not in _ALLOWED_COLLECTION_TAGS:
                    self.r.findings.append(self._at(e, "bad_tag", {"tag": e.tag}))
                is_key = bool(stack) and stack[-1].is_map and not stack[-1].has_key
                path = self._child_path() if not is_key else stack[-1].path + ("<key>",)
                locs[path] = (e.start_mark.line + 1, e.start_mark.column + 1)
                stack.append(_Frame(cls is ev.MappingStartEvent, path, e.anchor, is_key))
            elif cls is ev.MappingEndEvent or cls is ev.SequenceEndEvent:
                frame = stack.pop()
                if frame.is_map and frame.merges:
                    self._merge(frame)
                if frame.anchor is not None:
                    self.anchors[frame.anchor] = (frame.value, frame.size)
                line, column = locs[frame.path]
                self._put(frame.value, frame.size, line, column, None, frame.is_key)
            elif cls is ev.AliasEvent:
                self._alias(e)
            elif cls is ev.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    raise _Stop(self._at(e, "many_documents"))
        if self.documents == 0:
            raise _Stop(Finding("file_empty", line=0, column=0))
        self.r.data = self.root

    # -- building ------------------------------------------------------------------------------------

    def _at(self, e, code: str, params: dict | None = None) -> Finding:
        return Finding(code, params or {}, line=e.start_mark.line + 1, column=e.start_mark.column + 1)

    def _child_path(self) -> tuple | None:
        """The path the next value will have, or None when the next value is a mapping key."""
        if not self.stack:
            return ()
        top = self.stack[-1]
        if not top.is_map:
            return top.path + (len(top.value),)
        if not top.has_key:
            return None
        if top.key is _MERGE_KEY:
            return top.path + ("<<",)
        if top.key is _SKIP:
            return top.path + ("<skip>",)
        return top.path + (top.key,)

    def _scalar(self, e) -> Any:
        tag, value = e.tag, e.value
        if tag is None or tag == "!":
            if not (e.implicit[0] and value[:1] in _MAYBE_TYPED):
                return value
            tag = _resolver.resolve(ScalarNode, value, (True, False))
            if tag == _MERGE:
                return _MERGE_KEY
            if tag == _VALUE:
                return value
        if tag == _STR:
            return value
        if tag not in _ALLOWED_SCALAR_TAGS:
            self.r.findings.append(self._at(e, "bad_tag", {"tag": tag}))
            return value
        try:
            return _constructor.yaml_constructors[tag](_constructor, ScalarNode(tag, value))
        except Exception:  # noqa: BLE001 - e.g. "!!int abc": say so, keep the words as text
            self.r.findings.append(self._at(e, "bad_scalar", {"tag": tag.rsplit(":", 1)[-1], "value": value}))
            return value

    def _put(
        self, value: Any, size: int, line: int, column: int, text: str | None, is_key_collection: bool = False
    ) -> None:
        stack = self.stack
        if not stack:
            self.root = value
            return
        top = stack[-1]
        top.size += size
        if not top.is_map:
            top.value.append(value)
            return
        if not top.has_key:
            self._take_key(top, value, line, column, text, is_key_collection)
            return
        top.has_key = False
        if top.key is _MERGE_KEY:
            top.merges.append((value, line, column))
        elif top.key is not _SKIP:
            if value is _MERGE_KEY:
                value = "<<"
            top.value[top.key] = value

    def _take_key(
        self, top: _Frame, key: Any, line: int, column: int, text: str | None, is_key_collection: bool
    ) -> None:
        top.has_key = True
        if key is _MERGE_KEY:
            top.key = _MERGE_KEY
            return
        if is_key_collection or not isinstance(key, str):
            if is_key_collection or key is None or not isinstance(key, (int, float, bool)):
                shown = "…" if is_key_collection else (text if text is not None else str(key))
                self.r.findings.append(Finding("key_not_text", {"field": shown}, line=line, column=column))
                top.key = _SKIP
                return
            key = text if text is not None else str(key)  # ``1: x`` -> "1", as written
        if key in top.seen:
            self.r.findings.append(
                Finding("duplicate_key", {"field": key, "first": top.seen[key]}, line=line, column=column)
            )
            top.key = _SKIP
            return
        top.seen[key] = line
        top.key = key
        self.r.keylocs[top.path + (key,)] = (line, column)

    def _merge(self, frame: _Frame) -> None:
        for value, line, column in frame.merges:
            sources = value if isinstance(value, list) else [value]
            if not all(isinstance(s, dict) for s in sources):
                self.r.findings.append(Finding("bad_merge", line=line, column=column))
                continue
            for source in sources:
                for k, v in source.items():
                    if k not in frame.value:
                        frame.value[k] = v

    def _alias(self, e) -> None:
        self.aliases += 1
        if self.aliases > MAX_ALIASES:
            raise _Stop(self._at(e, "too_many_aliases", {"limit": MAX_ALIASES}))
        name = e.anchor
        if name not in self.anchors:
            open_anchors = {f.anchor for f in self.stack}
            code = "alias_self" if name in open_anchors else "alias_unknown"
            self.r.findings.append(self._at(e, code, {"name": name}))
            value, size = None, 1
        else:
            value, size = self.anchors[name]
        self.nodes += size
        if self.nodes > MAX_NODES:
            raise _Stop(self._at(e, "too_many_nodes", {"limit": MAX_NODES}))
        path = self._child_path()
        line, column = e.start_mark.line + 1, e.start_mark.column + 1
        if path is not None:
            self.r.locs[path] = (line, column)
        self._put(value, size, line, column, None)
