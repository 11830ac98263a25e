"""Loading deck files into ``Deck`` records, checking them, and merging a main deck with its extensions.

Public interface::

    load_deck(path) -> Deck                 # one file on its own
    load_deck_text(text, file) -> Deck      # the same, from text or bytes already in memory
    load_decks(paths, search_dirs) -> list[Deck]   # resolves ``extends``; base decks come first
    load_deckset(paths, search_dirs) -> DeckSet    # one main deck plus its extensions, merged
    check_files(paths, search_dirs) -> list[DeckFile]  # every file's deck or problems, for `check`

A bad deck raises ``DeckError`` (and nothing else), carrying every ``Problem`` found in every file.
Checking happens in three layers: safe reading (``deck_yaml``), the structure the JSON Schema file
describes (``deck_schema``), then the meaning: ids, references, extensions and translations
(``deck_rules`` and the cross-deck checks here).
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.model import deck_schema
from game.model.deck import Card, Deck, DeckInfo, DeckSet, Persona, Prompt, ScalePoint, Theme, merge
from game.model.deck_pictures import locate
from game.model.deck_problem import DeckError, Finding, Problem
from game.model.deck_rules import check_deck, ids, items, unknown_themes
from game.model.deck_words import to_problems
from game.model.deck_yaml import Parsed, decode, parse_text, read_file
from game.paths import DECKS_DIR
from game.words import Words

__all__ = [
    "DeckError",
    "DeckFile",
    "Problem",
    "check_files",
    "load_deck",
    "load_deck_text",
    "load_decks",
    "load_deckset",
]

SEARCH_DIRS: tuple[Path, ...] = (DECKS_DIR,)
_TRANSLATED_SECTIONS = ("themes", "cards", "prompts", "scale")
_MAX_LISTED_IDS = 8


@dataclass
class DeckFile:
    """One deck file, read and checked: its data, what is wrong with it, and its deck when all is well."""

    file: str
    parsed: Parsed | None
    findings: list[Finding] = field(default_factory=list)
    folder: Path | None = None
    given: bool = True  # False for a base deck found in a search folder
    parent: DeckFile | None = None
    deck: Deck | None = None
    words: Words | None = None  # the language problems are worded in

    @property
    def data(self) -> Any:
        return self.parsed.data if self.parsed is not None else None

    @property
    def deck_id(self) -> str | None:
        ident = self.data.get("id") if isinstance(self.data, dict) else None
        return ident if isinstance(ident, str) else None

    def field_text(self, key: str) -> str | None:
        value = self.data.get(key) if isinstance(self.data, dict) else None
        return value if isinstance(value, str) else None

    @property
    def problems(self) -> list[Problem]:
        return to_problems(self.file, self.findings, self.parsed, self.words or Words("en"))


def _collector_paused(fn):
    """Pause Python's cycle collector while decks are read.

    Reading a big deck makes hundreds of thousands of small objects that all stay alive, which sets off
    the collector again and again (measured: 40% of the time on a 10,000-card deck). Deck data holds no
    reference cycles, so nothing is lost by waiting; the collector is back on as soon as we finish.
    """

    @functools.wraps(fn)
    def paused(*args, **kwargs):
        was_on = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if was_on:
                gc.enable()

    return paused


# -- public interface -------------------------------------------------------------------------------------


@_collector_paused
def load_deck(path: str | Path, language: str | None = None) -> Deck:
    """One deck file on its own. (Card themes of an extension deck are checked by ``load_decks``.)"""
    f = _read(path, Words(language))
    return _only_deck(f)


@_collector_paused
def load_deck_text(text: str | bytes, file: str = "<deck>", language: str | None = None) -> Deck:
    """A deck from text (or raw bytes) already in memory; ``file`` names it in problems."""
    words = Words(language)
    if isinstance(text, bytes):
        decoded, findings = decode(text)
        if decoded is None:
            raise DeckError(to_problems(file, findings, None, words))
        text = decoded
    f = _analyse(text, file, None, words)
    return _only_deck(f)


@_collector_paused
def load_decks(
    paths: Iterable[str | Path], search_dirs: Sequence[str | Path] = SEARCH_DIRS, language: str | None = None
) -> list[Deck]:
    """These deck files, plus any base decks they extend found in ``search_dirs``; bases first."""
    files = check_files(paths, search_dirs, language)
    problems = [p for f in files for p in f.problems]
    if problems:
        raise DeckError(problems)
    return [f.deck for f in _in_order(files) if f.deck is not None]


@_collector_paused
def load_deckset(
    paths: Iterable[str | Path], search_dirs: Sequence[str | Path] = SEARCH_DIRS, language: str | None = None
) -> DeckSet:
    """One main deck and its extensions, merged into the set a game is played with."""
    words = Words(language)
    files = check_files(paths, search_dirs, language)
    problems = [p for f in files for p in f.problems]
    if not problems:
        roots = [f for f in _in_order(files) if f.parent is None]
        if len(roots) > 1:
            ids_text = ", ".join(f"{f.deck_id} ({f.file})" for f in roots)
            finding = Finding("many_main", {"ids": ids_text}, ("id",))
            problems = to_problems(roots[1].file, [finding], roots[1].parsed, words)
    if problems:
        raise DeckError(problems)
    return merge([f.deck for f in _in_order(files) if f.deck is not None])


@_collector_paused
def check_files(
    paths: Iterable[str | Path], search_dirs: Sequence[str | Path] = SEARCH_DIRS, language: str | None = None
) -> list[DeckFile]:
    """Read and check every file (never raises for a bad deck): the given files, then any base decks
    fetched from ``search_dirs``. Each has ``problems`` (empty when good) and ``deck`` (None when not)."""
    words = Words(language)
    files = [_read(p, words) for p in paths]
    _Resolver(files, [Path(d) for d in search_dirs], words).run()
    for f in files:
        if not f.findings and f.deck is None and isinstance(f.data, dict):
            f.deck = _build(f)
    return files


# -- one file ---------------------------------------------------------------------------------------------


def _read(path: str | Path, words: Words) -> DeckFile:
    label = str(path)
    text, findings = read_file(path)
    if text is None:
        return DeckFile(label, None, findings, words=words)
    return _analyse(text, label, Path(path).parent, words)


def _analyse(text: str, file: str, folder: Path | None, words: Words) -> DeckFile:
    parsed = parse_text(text)
    findings = list(parsed.findings)
    if parsed.complete:
        try:
            rule = deck_schema.compiled()
        except deck_schema.SchemaError as exc:
            findings.append(Finding("schema_broken", {"reason": str(exc)}, line=0, column=0))
        else:
            findings += deck_schema.check(parsed.data, rule)
        findings += check_deck(parsed.data, parsed, folder)
    return DeckFile(file, parsed, findings, folder, words=words)


def _only_deck(f: DeckFile) -> Deck:
    if f.findings or not isinstance(f.data, dict):
        raise DeckError(f.problems)
    return _build(f)


def _build(f: DeckFile) -> Deck:
    """Records from data that has passed every check."""
    d = f.data
    deck_id = d["id"]

    def text(item: dict, key: str) -> str | None:
        value = item.get(key)
        return value.strip() if isinstance(value, str) else None

    def image(item: dict) -> str | None:
        value = text(item, "image")
        if not value:
            return None
        found = locate(value, f.folder)
        return found.as_posix() if found is not None else value

    info = DeckInfo(
        id=deck_id,
        title=d["title"].strip(),
        version=d["version"],
        language=d["language"],
        licence=d["licence"].strip(),
        author=d["author"].strip(),
        extends=d.get("extends"),
        path=f.file,
        translation_of=d.get("translation_of"),
        description=(d.get("description") or "").strip(),
    )
    themes = tuple(
        Theme(
            t["id"], text(t, "title"), text(t, "question"), t["colour"], t["icon"], text(t, "easy_read"), image(t)
        )
        for _, t in items(d, "themes")
    )
    cards = tuple(
        Card(
            id=c["id"],
            theme=c["theme"],
            text=text(c, "text"),
            easy_read=text(c, "easy_read"),
            we=text(c, "we"),
            image=image(c),
            tags=tuple(t.strip() for t in c.get("tags", ())),
            deck=deck_id,
        )
        for _, c in items(d, "cards")
    )
    prompts = tuple(
        Prompt(p["id"], text(p, "text"), p["section"], text(p, "easy_read")) for _, p in items(d, "prompts")
    )
    scale = tuple(
        ScalePoint(s["id"], text(s, "label"), s["symbol"], s["icon"], text(s, "easy_read"))
        for _, s in items(d, "scale")
    )
    personas = tuple(
        Persona(
            id=p["id"],
            name=text(p, "name"),
            summary=text(p, "summary"),
            age=int(p["age"]) if p.get("age") is not None else None,
            setting=text(p, "setting"),
            needs=text(p, "needs"),
            image=image(p),
        )
        for _, p in items(d, "personas")
    )
    notes = {k: v.strip() for k, v in (d.get("facilitator_notes") or {}).items()}
    debrief = tuple(q.strip() for q in d.get("debrief") or () if isinstance(q, str))
    return Deck(info, themes, cards, prompts, scale, personas, notes, debrief)


# -- several files: extends, translations, order ----------------------------------------------------------


class _Resolver:
    """Links each extension deck to its base (from the given files or the search folders) and checks
    what only makes sense across decks: duplicate deck ids, loops, clashing ids, translations."""

    def __init__(self, files: list[DeckFile], search_dirs: list[Path], words: Words):
        self.files = files
        self.search_dirs = search_dirs
        self.words = words
        self.by_id: dict[str, DeckFile] = {}
        self.by_translation: dict[str, DeckFile] = {}
        self._searched: dict[Path, DeckFile] = {}

    def run(self) -> None:
        for f in self.files:
            self._register(f)
        # Extensions found in search folders may themselves extend another deck: keep going.
        i = 0
        while i < len(self.files):
            self._link(self.files[i])
            i += 1
        for f in self.files:
            self._check_loop(f)
        for f in self.files:
            self._check_against_base(f)
            self._check_translation(f)

    def _register(self, f: DeckFile) -> None:
        ident = f.deck_id
        if ident is None:
            return
        other = self.by_id.get(ident)
        if other is not None:
            f.findings.append(Finding("duplicate_deck", {"id": ident, "other": other.file}, ("id",)))
            return
        self.by_id[ident] = f
        original = f.field_text("translation_of")
        if original is not None:
            self.by_translation.setdefault(original, f)

    def _link(self, f: DeckFile) -> None:
        base_id = f.field_text("extends")
        if base_id is None or base_id == f.deck_id:
            return
        base = self.by_id.get(base_id) or self.by_translation.get(base_id) or self._search(base_id)
        if base is None:
            folders = ", ".join(str(d) for d in self.search_dirs) or "-"
            f.findings.append(Finding("extends_missing", {"base": base_id, "folders": folders}, ("extends",)))
            return
        f.parent = base

    def _search(self, deck_id: str, add: bool = True) -> DeckFile | None:
        """A deck with this id in the search folders (read once, only when needed); ``add`` puts it
        among the files to load (a base deck), rather than only looking at it (a translation's original)."""
        given = {_resolved(Path(f.file)) for f in self.files}
        for folder in self.search_dirs:
            try:
                candidates = sorted(folder.glob("*.yaml"))
            except OSError:
                continue
            for path in candidates:
                key = _resolved(path)
                if key in given:
                    continue
                if key not in self._searched:
                    self._searched[key] = _read(path, self.words)
                found = self._searched[key]
                if found.deck_id == deck_id:
                    if add and found not in self.files:
                        found.given = False
                        self.files.append(found)
                        self._register(found)
                    return found
        return None

    def _check_loop(self, f: DeckFile) -> None:
        chain, seen = [f], {id(f)}
        node = f.parent
        while node is not None:
            if id(node) in seen:
                if node is f:  # report a loop once, on the file that starts it
                    names = " → ".join(str(x.deck_id) for x in chain + [f])
                    f.findings.append(Finding("extends_loop", {"chain": names}, ("extends",)))
                f.parent = None
                return
            chain.append(node)
            seen.add(id(node))
            node = node.parent

    def _ancestors(self, f: DeckFile) -> list[DeckFile]:
        out, node = [], f.parent
        while node is not None and node is not f and len(out) < len(self.files):
            out.append(node)
            node = node.parent
        return out

    def _check_against_base(self, f: DeckFile) -> None:
        if f.parent is None or not isinstance(f.data, dict):
            return
        ancestors = self._ancestors(f)
        theme_ids = [t for a in ancestors for t in ids(a.data, "themes")] + ids(f.data, "themes")
        f.findings += unknown_themes(f.data, theme_ids)
        for section, code in (("cards", "clash_card"), ("themes", "clash_theme")):
            owner = {i: a.deck_id for a in reversed(ancestors) for i in ids(a.data, section)}
            for i, item in items(f.data, section):
                ident = item.get("id")
                if isinstance(ident, str) and ident in owner:
                    f.findings.append(Finding(code, {"id": ident, "base": owner[ident]}, (section, i, "id")))

    def _check_translation(self, f: DeckFile) -> None:
        original_id = f.field_text("translation_of")
        if original_id is None or original_id == f.deck_id or not isinstance(f.data, dict):
            return
        original = self.by_id.get(original_id) or self._search(original_id, add=False)
        if original is None or not isinstance(original.data, dict):
            return  # a translation can stand alone; there is nothing to compare it with here
        for section in _TRANSLATED_SECTIONS:
            theirs, ours = ids(original.data, section), ids(f.data, section)
            kind = {"themes": "theme", "cards": "card", "prompts": "prompt", "scale": "scale_point"}[section]
            missing = [i for i in theirs if i not in set(ours)]
            extra = [i for i in ours if i not in set(theirs)]
            for code, listed in (("translation_missing", missing), ("translation_extra", extra)):
                if listed:
                    params = {"original": original_id, "ids": _list_ids(listed), "kind": kind}
                    f.findings.append(Finding(code, params, ("translation_of",)))


def _list_ids(listed: list[str]) -> str:
    shown = ", ".join(listed[:_MAX_LISTED_IDS])
    more = len(listed) - _MAX_LISTED_IDS
    return f"{shown} (+{more})" if more > 0 else shown


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return path.absolute()


def _in_order(files: list[DeckFile]) -> list[DeckFile]:
    """Base decks before the decks that extend them; otherwise in the order given."""
    out: list[DeckFile] = []
    placed: set[int] = set()

    def place(f: DeckFile, depth: int = 0) -> None:
        if id(f) in placed or depth > len(files):
            return
        if f.parent is not None:
            place(f.parent, depth + 1)
        placed.add(id(f))
        out.append(f)

    for f in files:
        place(f)
    return out
