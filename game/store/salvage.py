"""Bringing back what still replays from a damaged saved-games file, and the set-aside copies themselves.

A damaged file is renamed aside (``games.db.corrupt-<time>``) and never written to again. ``salvage``
reads it without changing a byte (``immutable``), and for each game it can read replays the saved steps
on the game's own decks, up to the first step that is missing, unreadable or refused, and saves that
into the fresh file. What came back and what did not is written down (``Salvaged``) in the fresh file's
``info`` table, so the start screen and ``sessions`` can say so, and ``sessions`` lists the set-aside
copies and deletes them for good.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from game.model.deck import DeckSet
from game.model.engine import Game
from game.model.phase import Phase
from game.store.location import DB_NAME
from game.words import Words

COPY_MARK = ".corrupt-"
NOTE_PREFIX = "salvaged:"
_SIDE_FILES = ("", "-journal", "-wal", "-shm")
_LISTED = 5


@dataclass
class Salvaged:
    """What was brought back from one set-aside copy."""

    kept: str  # the copy's file name
    at: float = 0.0
    games: list[dict] = field(default_factory=list)  # {"id", "title", "steps", "whole"}
    unreadable: bool = False  # some games (or the list of games itself) could not be read at all
    plans: int = 0  # finished plans kept that came with no game (imported)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Salvaged | None:
        try:
            data = json.loads(text)
            return cls(**{k: data[k] for k in ("kept", "at", "games", "unreadable", "plans")})
        except (TypeError, ValueError, KeyError):
            return None

    def summary(self, language: str | None = None) -> str:
        """A few plain sentences: how many games came back whole, and which came back in part or not at all."""
        words = Words(language)
        whole = [g for g in self.games if g["steps"] > 0 and g["whole"]]
        part = [g for g in self.games if g["steps"] > 0 and not g["whole"]]
        lost = [g for g in self.games if g["steps"] <= 0]
        parts = []
        if whole:
            parts.append(_counted(words, "store_salvage_whole_count", len(whole)))
        if part:
            names = [words.get("store_salvage_part", title=_title(g, words), steps=g["steps"]) for g in part]
            parts.append(words.get("store_salvage_part_list", list=_listed(names, words)))
        if lost:
            parts.append(
                words.get("store_salvage_lost", list=_listed([_title(g, words) for g in lost], words))
            )
        if self.unreadable and (whole or part or self.plans):
            parts.append(words.get("store_salvage_unreadable"))
        if self.plans:
            parts.append(_counted(words, "store_salvage_plans", self.plans))
        return " ".join(parts) or words.get("store_salvage_nothing")

    def short(self, language: str | None = None) -> str:
        """For a table cell: ``3 whole, 1 in part, 1 not``."""
        whole = sum(1 for g in self.games if g["whole"] and g["steps"] > 0)
        part = sum(1 for g in self.games if not g["whole"] and g["steps"] > 0)
        lost = sum(1 for g in self.games if g["steps"] <= 0) + (1 if self.unreadable else 0)
        return Words(language).get("store_salvage_short", whole=whole, part=part, lost=lost)


def _counted(words: Words, key: str, n: int) -> str:
    return words.get(f"{key}_one") if n == 1 else words.get(key, n=n)


def _title(game: dict, words: Words) -> str:
    title = str(game.get("title") or words.get("store_untitled"))
    return f"{title[:40]}… ({game['id']})" if len(title) > 40 else f"{title} ({game['id']})"


def _listed(names: list[str], words: Words) -> str:
    if len(names) <= _LISTED:
        return "; ".join(names)
    return "; ".join(names[:_LISTED]) + "; " + words.get("store_salvage_more", n=len(names) - _LISTED)


def _rows(src: sqlite3.Connection, sql: str, params: tuple = ()) -> tuple[list[tuple], bool]:
    """Every row that can be read, and whether the reading got to the end without meeting damage."""
    out: list[tuple] = []
    try:
        cur = src.execute(sql, params)
        while (row := cur.fetchone()) is not None:
            out.append(row)
    except (sqlite3.Error, ValueError, OverflowError):
        return out, False
    return out, True


def salvage(kept: Path, store) -> Salvaged:
    """Replay what can be read from ``kept`` into ``store`` (a fresh, healthy store)."""
    note = Salvaged(kept=kept.name, at=time.time())
    try:
        src = sqlite3.connect(kept.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        note.unreadable = True
        return note
    try:
        games, ok = _rows(
            src, "SELECT id, title, service, date, mode, keep, deckset FROM games ORDER BY created, rowid"
        )
        note.unreadable = not ok
        brought: set[str] = set()
        for row in games:
            result = _one_game(src, row, store)
            if result is None:
                note.unreadable = True
            elif result:
                note.games.append(result)
                if store.plan_id_for(result["id"]):
                    brought.add(result["id"])
        plans, ok = _rows(src, "SELECT game_id, body FROM plans ORDER BY saved, id")
        note.unreadable = note.unreadable or not ok
        for game_id, body in plans:
            if game_id in brought:
                continue  # its plan came back with its game's steps
            plan = _json(body)
            if isinstance(plan, dict) and store.add_plan(plan):
                note.plans += 1
    finally:
        src.close()
    store.set_info(NOTE_PREFIX + kept.name, note.to_json())
    return note


def _json(text):
    try:
        return json.loads(text) if isinstance(text, str) else None
    except ValueError:
        return None


def _one_game(src: sqlite3.Connection, row: tuple, store) -> dict | None:
    """Replay one game into the store; its line for the note, {} for a game nobody kept (an unkept
    workshop), None when even its id cannot be read."""
    gid, title, service, date, mode, keep, deckset = row
    if not isinstance(gid, str) or not gid:
        return None
    title = title if isinstance(title, str) else ""
    if mode == "workshop" and not keep:
        return {}
    line = {"id": gid, "title": title, "steps": 0, "whole": False}
    decks = _json(deckset)
    try:
        deckset_read = DeckSet.from_dict(decks)
    except (TypeError, ValueError, KeyError, AttributeError):
        return line
    bodies, read_all = _rows(src, "SELECT seq, body FROM commands WHERE game_id = ? ORDER BY seq", (gid,))
    log = []
    for n, (seq, body) in enumerate(bodies):
        cmd = _json(body)
        if seq != n or not isinstance(cmd, dict):
            break  # a step missing or unreadable: the ones after it were made on a state we cannot rebuild
        log.append(cmd)
    game = Game.replay(deckset_read, log)  # the one replay, and its policy: stop at the first step refused
    whole = read_all and len(game.log) == len(bodies)
    if not game.log:
        return line
    meta = {
        "title": title,
        "service": service if isinstance(service, str) else "",
        "date": date if isinstance(date, str) else "",
        "mode": mode if isinstance(mode, str) else "group",
        "keep": bool(keep),
    }
    if not (store.create_game(gid, decks, meta) and store.append_many(gid, 0, game.log)):
        return line
    if game.state.phase == Phase.FINISHED:
        store.finish(gid, game.plan().to_dict())
    drafts, _ = _rows(src, "SELECT field, text FROM drafts WHERE game_id = ?", (gid,))
    for name, text in drafts:
        words = _json(text)
        if isinstance(name, str) and isinstance(words, str):
            store.save_draft(gid, name, words)
    line.update(steps=len(game.log), whole=whole)
    return line


# ----- the set-aside copies ----------------------------------------------------------------------------


def copies(folder: Path | None) -> list[Path]:
    """Set-aside copies of damaged files in the data folder, oldest first."""
    if folder is None:
        return []
    try:
        found = [
            p
            for p in folder.glob(f"{DB_NAME}{COPY_MARK}*")
            if p.is_file() and not p.name.endswith(("-journal", "-wal", "-shm"))
        ]
    except OSError:
        return []
    return sorted(found, key=lambda p: p.name)


def is_copy_name(name: str) -> bool:
    return name.startswith(DB_NAME + COPY_MARK) and "/" not in name and "\\" not in name


def delete_copy(folder: Path, name: str) -> bool:
    """Delete a set-aside copy (and its journal) for good: its bytes are overwritten with zeros first,
    so the words in it are not left in the disk's free space by a plain unlink. False if not there."""
    path = folder / name
    if not is_copy_name(name) or not path.is_file():
        return False
    for suffix in _SIDE_FILES:
        side = Path(str(path) + suffix)
        if side.is_file():
            _zero(side)
            side.unlink()
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    return True


def _zero(path: Path) -> None:
    size = path.stat().st_size
    with open(path, "r+b") as f:
        chunk = b"\0" * 65536
        left = size
        while left > 0:
            f.write(chunk[: min(left, len(chunk))])
            left -= len(chunk)
        f.flush()
        os.fsync(f.fileno())
