"""``making-it-real sessions``: list saved games and finished plans as a table; ``--delete ID`` deletes one.

Exit codes: 0 done, 1 the saved-games file could not be used (the message says why), 2 no such id.
Listing opens the file read-only, so it works while a game is being played.
"""

from __future__ import annotations

import sys
import time
import unicodedata

from game.cli.console import write
from game.store import StoreError, UnknownId, open_store
from game.words import Words

MAX_CELL = 32


def run(args) -> int:
    out = _Out()
    words = Words(getattr(args, "language", None))
    data_dir = getattr(args, "data_dir", None)
    target = getattr(args, "delete", None)
    if target:
        return _delete(data_dir, target, words, out)
    with open_store(data_dir, read_only=True) as store:
        if store.problem:
            out.err(store.problem)
        out.line(_listing(store.list_games(), store.list_plans(), words))
        if store.path:
            out.line(words.get("store_sessions_where", file=str(store.path)))
    return 1 if store.problem else 0


def _delete(data_dir, target: str, words: Words, out: _Out) -> int:
    with open_store(data_dir) as store:
        if not store.on_disk:
            out.err(store.problem or words.get("store_cannot_delete", id=target))
            return 1
        try:
            kind = store.delete(target)
        except UnknownId as exc:
            out.err(exc.message)
            return 2
        except StoreError as exc:
            out.err(words.get("store_cannot_delete", id=target))
            out.err(exc.message)
            return 1
    key = "store_deleted_game" if kind == "game" else "store_deleted_plan"
    out.line(words.get(key, id=target))
    return 0


def _listing(games: list[dict], plans: list[dict], words: Words) -> str:
    parts = [words.get("store_sessions_games")]
    if games:
        rows = [
            [
                g["id"],
                g["title"] or words.get("store_untitled"),
                g["date"],
                _mode(g["mode"], words),
                words.get("store_state_finished" if g["finished"] else "store_state_playing"),
                str(g["steps"]),
                _when(g["updated"]),
            ]
            for g in games
        ]
        heads = ["id", "title", "date", "mode", "state", "steps", "saved"]
        parts.append(_table([words.get(f"store_col_{h}") for h in heads], rows))
    else:
        parts.append(words.get("store_sessions_none_games"))
    parts.append("")
    parts.append(words.get("store_sessions_plans"))
    if plans:
        rows = [
            [
                p["id"],
                p["title"] or words.get("store_untitled"),
                p["service"],
                p["date"],
                _mode(p["mode"], words),
            ]
            for p in plans
        ]
        heads = ["id", "title", "service", "date", "mode"]
        parts.append(_table([words.get(f"store_col_{h}") for h in heads], rows))
    else:
        parts.append(words.get("store_sessions_none_plans"))
    if games or plans:
        parts.append("")
        parts.append(words.get("store_sessions_delete_hint"))
    return "\n".join(parts)


def _mode(mode: str, words: Words) -> str:
    key = f"store_mode_{mode}"
    return words.get(key) if words.has(key) else mode


def _when(epoch: float | None) -> str:
    if not epoch:
        return ""
    try:
        return time.strftime("%Y-%m-%d %H:%M", time.localtime(epoch))
    except (OverflowError, OSError, ValueError):
        return ""


def clean_cell(text: object) -> str:
    """One line, no control characters, at most MAX_CELL columns wide, whatever people typed."""
    s = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in str(text or ""))
    s = " ".join(s.split())
    if width(s) <= MAX_CELL:
        return s
    out = ""
    for ch in s:
        if width(out + ch) > MAX_CELL - 1:
            break
        out += ch
    return out + "…"


def width(s: str) -> int:
    """Columns a terminal gives ``s``: wide East Asian characters take two, combining marks none."""
    w = 0
    for ch in s:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def _table(head: list[str], rows: list[list[str]]) -> str:
    cells = [[clean_cell(c) for c in r] for r in [head, *rows]]
    widths = [max(width(r[i]) for r in cells) for i in range(len(head))]

    def fmt(r: list[str]) -> str:
        return "  ".join(c + " " * (widths[i] - width(c)) for i, c in enumerate(r)).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([fmt(cells[0]), rule, *(fmt(r) for r in cells[1:])])


class _Out:
    """Prints without ever failing on a terminal that cannot show some characters."""

    def line(self, text: str) -> None:
        write(text, sys.stdout)

    def err(self, text: str) -> None:
        write(text, sys.stderr)
