"""Plain data from a YAML event stream, refusing hostile shapes as it goes (used by ``deck_yaml``).

Events come out of a non-recursive state machine, so nesting depth and alias expansion are limited here
before any tree is built. (Measured: the C composer crashed the interpreter on 100,000 nested brackets,
and libyaml slows quadratically as nesting deepens, so stopping at ``MAX_DEPTH`` matters.) Building
plain data straight from events is also several times faster than composing and resolving nodes.
Only the standard YAML 1.1 scalar types are accepted; any other tag (``!!python/object`` ...) is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import yaml
from yaml import events as ev
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from game.model.deck_problem import Finding

if TYPE_CHECKING:
    from game.model.deck_yaml import Parsed

MAX_DEPTH = 32
MAX_ALIASES = 100
MAX_NODES = 500_000

_TAG = "tag:yaml.org,2002:"
_STR, _MERGE, _VALUE = _TAG + "str", _TAG + "merge", _TAG + "value"
_ALLOWED_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_ALLOWED_COLLECTION_TAGS = {None, "!", _TAG + "map", _TAG + "seq"}
# Plain scalars starting with any other character are always text: skip the (slow) regex resolvers.
_MAYBE_TYPED = frozenset(Resolver.yaml_implicit_resolvers)

_resolver = Resolver()
_constructor = SafeConstructor()


class Stop(Exception):
    """A file too hostile to read any further; the finding says why."""

    def __init__(self, finding: Finding):
        self.finding = finding


class _Frame:
    __slots__ = (
        "is_map",
        "value",
        "key",
        "has_key",
        "anchor",
        "counted_before",
        "merges",
        "is_key",
        "vmarks",
        "kmarks",
        "raw",
    )

    def __init__(self, is_map: bool, anchor: str | None, is_key: bool):
        self.is_map = is_map
        self.value: Any = {} if is_map else []
        self.key: Any = None
        self.has_key = False
        self.anchor = anchor
        self.counted_before = 0
        self.merges: list[tuple[Any, Any]] = []
        self.is_key = is_key
        self.vmarks: dict = {}
        self.kmarks: dict = {}
        self.raw: dict = {}


_MERGE_KEY = object()
_SKIP = object()


def yaml_finding(exc: Exception) -> Finding:
    """Word a parser error: where it is, what libyaml says, and a hint for the usual causes."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = str(getattr(exc, "problem", None) or getattr(exc, "reason", None) or exc).strip()
    context = str(getattr(exc, "context", None) or "")
    both = f"{context} {problem}"
    if "mapping values are not allowed" in both:
        hint = "yaml_hint_colon"
    elif "tab character" in both or (
        "cannot start any token" in both and mark is not None and _char_at(mark) == "\t"
    ):
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


class Builder:
    """Turns the event stream into plain data, recording positions and refusing hostile shapes."""

    def __init__(self, result: Parsed):
        self.r = result
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.aliases = 0
        self.nodes = 0
        self.documents = 0
        self.root: Any = None

    def run(self, get_event: Callable[[], Any]) -> None:
        """Read every event ``get_event`` gives (a PyYAML parser's), building ``Parsed.data``."""
        # The hot loop of the loader: scalars (most events) are handled inline, without helper calls.
        stack = self.stack
        marks = self.r.marks
        maybe_typed = _MAYBE_TYPED
        scalar_cls, end_cls = ev.ScalarEvent, ev.StreamEndEvent
        map_start, seq_start, map_end, seq_end = (
            ev.MappingStartEvent,
            ev.SequenceStartEvent,
            ev.MappingEndEvent,
            ev.SequenceEndEvent,
        )
        top: _Frame | None = None
        nodes = 0
        while True:
            try:
                e = get_event()
            except yaml.YAMLError as exc:
                raise Stop(yaml_finding(exc)) from None
            except Exception as exc:  # noqa: BLE001 - the parser must never crash the game, whatever it meets
                raise Stop(
                    Finding("yaml_invalid", {"problem": str(exc), "hint_key": "yaml_hint_general"})
                ) from None
            cls = e.__class__
            if cls is scalar_cls:
                nodes += 1
                value = e.value
                if (e.tag is not None or e.implicit[0]) and (e.tag is not None or value[:1] in maybe_typed):
                    value = self._scalar(e)
                    if value is _MERGE_KEY and not (top is not None and top.is_map and not top.has_key):
                        value = "<<"  # only a key can merge; anywhere else "<<" is just the text
                if top is None:
                    self.root, self.r.root_mark = value, e.start_mark
                    if e.anchor is not None:
                        self.anchors[e.anchor] = (value, 1)
                    continue
                if e.anchor is not None:
                    self.anchors[e.anchor] = (value, 1)
                if top.is_map:
                    if top.has_key:
                        top.has_key = False
                        key = top.key
                        if key.__class__ is str:
                            top.value[key] = value
                            top.vmarks[key] = e.start_mark
                            if value is not None and value.__class__ is not str:
                                self._typed(top, key, value, e)
                        elif key is _MERGE_KEY:
                            top.merges.append((value, e.start_mark))
                    elif value.__class__ is str and value not in top.kmarks:
                        top.has_key = True
                        top.key = value
                        top.kmarks[value] = e.start_mark
                    else:
                        self._take_key(top, value, e.start_mark, e.value, False)
                else:
                    top.vmarks[len(top.value)] = e.start_mark
                    if value is not None and value.__class__ is not str:
                        self._typed(top, len(top.value), value, e)
                    top.value.append(value)
            elif cls is map_start or cls is seq_start:
                nodes += 1
                if nodes > MAX_NODES:
                    raise Stop(self._at(e, "too_many_nodes", {"limit": MAX_NODES}))
                if len(stack) >= MAX_DEPTH:
                    raise Stop(self._at(e, "too_deep", {"limit": MAX_DEPTH}))
                if e.tag not in _ALLOWED_COLLECTION_TAGS:
                    self.r.findings.append(self._at(e, "bad_tag", {"tag": e.tag}))
                is_key = top is not None and top.is_map and not top.has_key
                if top is None:
                    self.r.root_mark = e.start_mark
                elif not is_key:
                    _mark_child(top, e.start_mark)
                frame = _Frame(cls is map_start, e.anchor, is_key)
                frame.counted_before = nodes - 1  # its size is the count at its end minus this
                frame.vmarks[None] = e.start_mark  # where the container itself starts
                stack.append(frame)
                top = frame
            elif cls is map_end or cls is seq_end:
                frame = stack.pop()
                top = stack[-1] if stack else None
                if frame.is_map and frame.merges:
                    self._merge(frame)
                start = frame.vmarks.pop(None)
                marks[id(frame.value)] = (frame.vmarks, frame.kmarks, frame.raw)
                size = nodes - frame.counted_before
                if frame.anchor is not None:
                    self.anchors[frame.anchor] = (frame.value, size)
                self.nodes = nodes
                self._put(top, frame.value, start, frame.is_key)
            elif cls is ev.AliasEvent:
                self.nodes = nodes
                self._alias(top, e)
                nodes = self.nodes
            elif cls is ev.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    raise Stop(self._at(e, "many_documents"))
            elif cls is end_cls:
                break
            if nodes > MAX_NODES:
                raise Stop(self._at(e, "too_many_nodes", {"limit": MAX_NODES}))
        if self.documents == 0:
            raise Stop(Finding("file_empty", line=0, column=0))
        self.r.data = self.root
        self.r.complete = True

    # -- building ------------------------------------------------------------------------------------

    def _at(self, e, code: str, params: dict | None = None) -> Finding:
        return Finding(code, params or {}, line=e.start_mark.line + 1, column=e.start_mark.column + 1)

    def _scalar(self, e) -> Any:
        tag, value = e.tag, e.value
        if tag is None or tag == "!":
            if not (e.implicit[0] and value[:1] in _MAYBE_TYPED):
                return value
            tag = _implicit_tag(value)
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

    def _typed(self, top: _Frame, key: Any, value: Any, e) -> None:
        top.raw[key] = e.value  # kept for the message "put it in quotes, like ..."

    def _put(self, top: _Frame | None, value: Any, mark, is_key_collection: bool) -> None:
        if top is None:
            self.root = value
            return
        if not top.is_map:
            top.vmarks.setdefault(len(top.value), mark)
            top.value.append(value)
            return
        if not top.has_key:
            self._take_key(top, value, mark, None, is_key_collection)
            return
        top.has_key = False
        key = top.key
        if key is _MERGE_KEY:
            top.merges.append((value, mark))
        elif key is not _SKIP:
            top.value[key] = "<<" if value is _MERGE_KEY else value
            top.vmarks.setdefault(key, mark)

    def _take_key(self, top: _Frame, key: Any, mark, text: str | None, is_key_collection: bool) -> None:
        top.has_key = True
        line, column = mark.line + 1, mark.column + 1
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
        if key in top.kmarks:
            first = top.kmarks[key].line + 1
            self.r.findings.append(
                Finding("duplicate_key", {"field": key, "first": first}, line=line, column=column)
            )
            top.key = _SKIP
            return
        top.kmarks[key] = mark
        top.key = key

    def _merge(self, frame: _Frame) -> None:
        for value, mark in frame.merges:
            sources = value if isinstance(value, list) else [value]
            if not all(isinstance(s, dict) for s in sources):
                self.r.findings.append(Finding("bad_merge", line=mark.line + 1, column=mark.column + 1))
                continue
            for source in sources:
                for k, v in source.items():
                    if k not in frame.value:
                        frame.value[k] = v
                        frame.vmarks.setdefault(k, mark)

    def _alias(self, top: _Frame | None, e) -> None:
        self.aliases += 1
        if self.aliases > MAX_ALIASES:
            raise Stop(self._at(e, "too_many_aliases", {"limit": MAX_ALIASES}))
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
            raise Stop(self._at(e, "too_many_nodes", {"limit": MAX_NODES}))
        if top is not None and not (top.is_map and not top.has_key):
            _mark_child(top, e.start_mark)
        self._put(top, value, e.start_mark, False)


_tag_cache: dict[str, str] = {}


def _implicit_tag(value: str) -> str:
    """The type YAML gives a plain scalar (``yes`` -> bool ...). Field names repeat thousands of times in
    a big deck and many start like a bool ("text", "theme"), so short answers are remembered."""
    tag = _tag_cache.get(value)
    if tag is None:
        tag = _resolver.resolve(ScalarNode, value, (True, False))
        if len(value) <= 32 and len(_tag_cache) < 4096:
            _tag_cache[value] = tag
    return tag


def _mark_child(top: _Frame, mark) -> None:
    """Remember where the value about to be added to ``top`` starts."""
    if not top.is_map:
        top.vmarks[len(top.value)] = mark
    elif top.key.__class__ is str:
        top.vmarks[top.key] = mark
