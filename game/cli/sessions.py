"""``making-it-real sessions``: list saved games, finished plans and the set-aside copies of damaged files
as tables; ``--delete ID`` deletes a game, a plan or a set-aside copy for good.

Exit codes: 0 done, 1 the saved-games file could not be used or was found damaged (the message on
standard error says why and names the file), 2 no such id. Listing opens the file read-only, so it
works while a game is being played; if no game is running, a damaged file is set aside as the game
itself would, and what was brought back from it is listed.
"""

from __future__ import annotations

import sys
import time
import unicodedata

from game.cli.console import write
from game.store import StoreError, UnknownId, open_store
from game.store import problems as P
from game.store.salvage import NOTE_PREFIX, Salvaged, copies, delete_copy, is_copy_name
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
        copied = _copies(store, words)
        if copied:
            out.line("")
            out.line(copied)
        if store.path:
            out.line(words.get("store_sessions_where", file=str(store.path)))
    return 1 if store.problem else 0


def _copies(store, words: Words) -> str:
    """The set-aside copies of damaged files, with what was brought back from each."""
    found = copies(store.folder)
    if not found:
        return ""
    notes = {name: Salvaged.from_json(text) for name, text in store.info(NOTE_PREFIX).items()}
    rows = []
    for path in found:
        note = notes.get(path.name)
        try:
            size = f"{path.stat().st_size / 1e6:.1f} MB"
            when = _when(path.stat().st_mtime)
        except OSError:
            size = when = ""
        rows.append([path.name, _when(note.at) if note else when, size, note.short() if note else ""])
    heads = ["name", "saved", "size", "back"]
    table = _table([words.get(f"store_col_{h}") for h in heads], rows)
    # In full, what came back from each and what did not (the table's cells are cut short).
    told = [f"{p.name}: {notes[p.name].summary(store.language)}" for p in found if notes.get(p.name)]
    return "\n".join(
        [
            words.get("store_sessions_copies"),
            table,
            "",
            *told,
            *([""] if told else []),
            words.get("store_sessions_copies_hint"),
        ]
    )


def _delete(data_dir, target: str, words: Words, out: _Out) -> int:
    with open_store(data_dir) as store:
        found_damage = store.problem_key == P.CORRUPT
        if found_damage:
            out.err(store.problem)  # the file was set aside just now: say so before anything else
        if is_copy_name(target) and store.folder is not None:
            if not delete_copy(store.folder, target):
                out.err(words.get("store_no_such_id", id=target))
                return 2
            if store.on_disk:
                store.delete_info(NOTE_PREFIX + target)
            out.line(words.get("store_deleted_copy", id=target))
            return 1 if found_damage else 0
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
    # A damaged copy set aside just now may still hold what was deleted: the message above says where.
    return 1 if found_damage else 0


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
