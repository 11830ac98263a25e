"""``making-it-real check FILE...``: check deck files and say, in plain words, what to fix.

Prints one line per good deck, or every problem as ``file:line:column: message``. Exit code 0 when
every file is good, 2 when any file has a problem (a missing file included). A folder checks every
``*.yaml`` file in it.
"""

from __future__ import annotations

from pathlib import Path

from game.cli.console import write
from game.model.deckload import SEARCH_DIRS, DeckFile, check_files
from game.words import Words


def run(args) -> int:
    files = _expand([str(f) for f in args.files])
    words = Words(getattr(args, "language", None))
    # A deck may extend a deck that sits beside it, so look in each file's own folder too.
    folders = list(SEARCH_DIRS) + [Path(f).parent for f in files]
    results = check_files(files, _unique(folders))
    count = 0
    for f in results:
        problems = f.problems
        # The "...and N more" line stands for N problems, not one.
        count += sum(p.hidden or 1 for p in problems)
        for p in problems:
            _say(str(p))
        if not problems and f.given and f.deck is not None:
            _say(summary(f, words))
    if count:
        _say(words.get("check.problems_one") if count == 1 else words.get("check.problems", n=f"{count:,}"))
        return 2
    return 0


def summary(f: DeckFile, words: Words) -> str:
    """``decks/x.yaml: Making It Real 1.0.0 (en-GB) — 6 themes × 48 cards`` (or what an extension adds)."""
    deck = f.deck
    info = deck.info
    common = {"file": f.file, "title": info.title, "version": info.version, "language": info.language}
    if info.extends is None:
        return words.get("check.ok", themes=len(deck.themes), cards=len(deck.cards), **common)
    parts = [
        _count(words, "themes", len(deck.themes)),
        _count(words, "cards", len(deck.cards)),
        _count(words, "personas", len(deck.personas)),
        _count(words, "notes", len(deck.facilitator_notes)),
        _count(words, "debrief", len(deck.debrief)),
    ]
    parts = [p for p in parts if p]
    what = (
        parts[0]
        if len(parts) == 1
        else words.get("check.part.and", first=", ".join(parts[:-1]), last=parts[-1])
    )
    return words.get("check.ok_extension", what=what, base=info.extends, **common)


def _count(words: Words, name: str, n: int) -> str:
    if n == 0:
        return ""
    return words.get(f"check.part.{name}_one") if n == 1 else words.get(f"check.part.{name}", n=n)


def _expand(files: list[str]) -> list[str]:
    """A folder stands for the deck files in it (``check decks/``); an empty folder stays, to be reported."""
    out = []
    for f in files:
        inside = sorted(Path(f).glob("*.yaml")) if Path(f).is_dir() else []
        out += [str(p) for p in inside] or [f]
    return out


def _unique(folders: list[Path]) -> list[Path]:
    seen, out = set(), []
    for folder in folders:
        key = str(folder.absolute())
        if key not in seen:
            seen.add(key)
            out.append(folder)
    return out


def _say(line: str) -> None:
    # A deck can hold any text: ``write`` escapes control codes and never crashes on the terminal.
    write(line)
