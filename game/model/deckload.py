"""Loading deck files into ``Deck`` records, checking them, and merging a main deck with its extensions.

Public interface::

    load_deck(path) -> Deck                 # one file on its own
    load_deck_text(text, file) -> Deck      # the same, from text or bytes already in memory
    load_decks(paths, search_dirs) -> list[Deck]   # resolves ``extends``; base decks come first
    load_deckset(paths, search_dirs) -> DeckSet    # one main deck plus its extensions, merged
    check_files(paths, search_dirs) -> list[DeckFile]  # every file's deck or problems, for `check`

A bad deck raises ``DeckError`` (and nothing else), carrying every ``Problem`` found in every file.
Checking happens in three layers: safe reading (``deck_yaml``), the structure the JSON Schema file
describes (``deck_schema``), then the meaning: ids, references (``deck_rules``), extensions and
translations (``deck_links``). One file is read and checked by ``deck_file``.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Iterable, Sequence
from pathlib import Path

from game.model.deck import Card, Deck, DeckInfo, DeckSet, Persona, Prompt, ScalePoint, Theme, merge
from game.model.deck_file import DeckFile, analyse, read_deck_file
from game.model.deck_links import Resolver, in_order
from game.model.deck_pictures import locate
from game.model.deck_problem import DeckError, Finding, Problem
from game.model.deck_rules import items
from game.model.deck_words import to_problems
from game.model.deck_yaml import decode
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
    f = read_deck_file(path, Words(language))
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
    f = analyse(text, file, None, words)
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
    return [f.deck for f in in_order(files) if f.deck is not None]


@_collector_paused
def load_deckset(
    paths: Iterable[str | Path], search_dirs: Sequence[str | Path] = SEARCH_DIRS, language: str | None = None
) -> DeckSet:
    """One main deck and its extensions, merged into the set a game is played with."""
    words = Words(language)
    files = check_files(paths, search_dirs, language)
    problems = [p for f in files for p in f.problems]
    if not problems:
        roots = [f for f in in_order(files) if f.parent is None]
        if len(roots) > 1:
            ids_text = ", ".join(f"{f.deck_id} ({f.file})" for f in roots)
            finding = Finding("many_main", {"ids": ids_text}, ("id",))
            problems = to_problems(roots[1].file, [finding], roots[1].parsed, words)
    if problems:
        raise DeckError(problems)
    return merge([f.deck for f in in_order(files) if f.deck is not None])


@_collector_paused
def check_files(
    paths: Iterable[str | Path], search_dirs: Sequence[str | Path] = SEARCH_DIRS, language: str | None = None
) -> list[DeckFile]:
    """Read and check every file (never raises for a bad deck): the given files, then any base decks
    fetched from ``search_dirs``. Each has ``problems`` (empty when good) and ``deck`` (None when not)."""
    words = Words(language)
    files = [read_deck_file(p, words) for p in paths]
    Resolver(files, [Path(d) for d in search_dirs], words).run()
    for f in files:
        if not f.findings and f.deck is None and isinstance(f.data, dict):
            f.deck = _build(f)
    return files


# -- one file ---------------------------------------------------------------------------------------------


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
            t["id"],
            text(t, "title"),
            text(t, "question"),
            t["colour"],
            t["icon"],
            text(t, "easy_read"),
            image(t),
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
