"""Finding damage in the saved-games file when it is opened, before anything is written into it.

Real damage is a page of a table overwritten (a disk or copy fault), a table or its header gone (a
tool, a half-copied file), a value of the wrong type in a column (another program wrote to the file).
SQLite itself notices some of it only when the damaged page happens to be read, and a listing can then
silently show fewer steps than were saved. So the file is checked when it is opened:

* quick checks, every open: every table and column this game expects, with its declared type;
  ``PRAGMA quick_check`` (every page of every table is walked: a page overwritten or lost is found);
  every value of the type the game reads it as, every JSON value of the right JSON type; each game's
  steps in order, 0, 1, 2 ... with none missing or repeated.
* the full check, at most once a day: ``PRAGMA integrity_check`` (indexes agree with their tables),
  foreign keys, and every saved step, draft, deck and plan read back by Python's own JSON reader.

``checked`` in the ``info`` table says when the last full check passed. The cost is measured by
benchmarks/store_bench.py ("store: checks at open").
"""

from __future__ import annotations

import json
import sqlite3

from game.store.schema import CURRENT_VERSION

FULL_CHECK_EVERY_S = 24 * 3600
_MAX_FINDINGS = 20

# table -> column -> declared type; value types each column must hold (typeof) are below.
EXPECTED_COLUMNS: dict[str, dict[str, str]] = {
    "games": {
        "id": "TEXT",
        "title": "TEXT",
        "service": "TEXT",
        "date": "TEXT",
        "mode": "TEXT",
        "keep": "INTEGER",
        "deckset": "TEXT",
        "created": "REAL",
        "updated": "REAL",
        "finished": "INTEGER",
    },
    "commands": {"game_id": "TEXT", "seq": "INTEGER", "body": "TEXT"},
    "plans": {
        "id": "TEXT",
        "game_id": "TEXT",
        "title": "TEXT",
        "service": "TEXT",
        "date": "TEXT",
        "mode": "TEXT",
        "saved": "REAL",
        "body": "TEXT",
        "match_key": "TEXT",
    },
    "drafts": {"game_id": "TEXT", "field": "TEXT", "text": "TEXT", "saved": "REAL"},
    "info": {"key": "TEXT", "value": "TEXT"},
}

# What came with which version (game.store.schema): a file is checked before it is upgraded, so
# nothing is written into it until it is known to be healthy.
_TABLE_SINCE = {"drafts": 2, "info": 3}
_COLUMN_SINCE = {("plans", "match_key"): 2}


def expected(version: int) -> dict[str, dict[str, str]]:
    """The tables and columns a file at ``version`` has."""
    return {
        table: {c: k for c, k in columns.items() if _COLUMN_SINCE.get((table, c), 1) <= version}
        for table, columns in EXPECTED_COLUMNS.items()
        if _TABLE_SINCE.get(table, 1) <= version
    }


_TYPES = {"TEXT": ("text",), "INTEGER": ("integer",), "REAL": ("real", "integer")}
_NULLABLE = {("plans", "game_id")}
# Columns holding JSON, and the JSON type each value must be (SQLite's json_type names).
_JSON_COLUMNS = {
    ("games", "deckset"): "object",
    ("commands", "body"): "object",
    ("plans", "body"): "object",
    ("drafts", "text"): "text",
}


def quick_findings(db: sqlite3.Connection, version: int | None = None) -> list[str]:
    """What is wrong with the file (at schema ``version``, else the current one), found cheaply; empty
    when nothing is. Raises ``sqlite3.DatabaseError`` when the file cannot even be read: damage too."""
    tables = expected(CURRENT_VERSION if version is None else version)
    found = _schema_findings(db, tables)
    if found:
        return found  # the checks below would only fail on the missing parts
    rows = db.execute(f"PRAGMA quick_check({_MAX_FINDINGS})").fetchall()
    found += [f"quick_check: {r[0]}" for r in rows if r[0] != "ok"]
    if found:
        return found
    return _type_findings(db, tables) or _order_findings(db)


def full_findings(db: sqlite3.Connection, version: int | None = None) -> list[str]:
    """The daily check: indexes, links between tables, and every JSON value read back."""
    rows = db.execute(f"PRAGMA integrity_check({_MAX_FINDINGS})").fetchall()
    found = [f"integrity_check: {r[0]}" for r in rows if r[0] != "ok"]
    links = db.execute("PRAGMA foreign_key_check").fetchmany(_MAX_FINDINGS)
    found += [f"foreign key: {r[0]} row {r[1]} names a missing {r[2]}" for r in links]
    tables = expected(CURRENT_VERSION if version is None else version)
    for table, column in _JSON_COLUMNS:
        if table not in tables:
            continue
        for (text,) in db.execute(f"SELECT {column} FROM {table}"):  # noqa: S608 - our own names
            try:
                json.loads(text)
            except (TypeError, ValueError):
                found.append(f"{table}.{column}: not readable JSON")
                break
    return found


def _schema_findings(db: sqlite3.Connection, wanted: dict[str, dict[str, str]]) -> list[str]:
    found = []
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table, columns in wanted.items():
        if table not in tables:
            found.append(f"table {table} is missing")
            continue
        declared = {r[1]: str(r[2]).upper() for r in db.execute(f"PRAGMA table_info({table})")}
        for column, kind in columns.items():
            if column not in declared:
                found.append(f"{table}.{column} is missing")
            elif declared[column] != kind:
                found.append(
                    f"{table}.{column} is declared {declared[column] or 'without a type'}, not {kind}"
                )
    return found


def _type_findings(db: sqlite3.Connection, wanted: dict[str, dict[str, str]]) -> list[str]:
    found = []
    for table, columns in wanted.items():
        tests = []
        for column, kind in columns.items():
            allowed = ", ".join(
                f"'{t}'" for t in _TYPES[kind] + (("null",) if (table, column) in _NULLABLE else ())
            )
            tests.append(f"SUM(typeof({column}) NOT IN ({allowed}))")
        sums = db.execute(f"SELECT {', '.join(tests)} FROM {table}").fetchone()  # noqa: S608
        for column, bad in zip(columns, sums, strict=True):
            if bad:
                found.append(f"{table}.{column}: {bad} values of the wrong type")
    if found:
        return found
    for (table, column), kind in _JSON_COLUMNS.items():
        if table not in wanted:
            continue
        # CASE, so json_type only sees valid JSON (it raises on anything else).
        bad = db.execute(
            f"SELECT COUNT(*) FROM {table} WHERE CASE WHEN json_valid({column}) THEN json_type({column}) END"  # noqa: S608
            " IS NOT ?",
            (kind,),
        ).fetchone()[0]
        if bad:
            found.append(f"{table}.{column}: {bad} values are not a JSON {kind}")
    return found


def _order_findings(db: sqlite3.Connection) -> list[str]:
    """Each game's steps, read in the order the file keeps them, must run 0, 1, 2 ... A page of steps
    overwritten with another page of steps leaves every page well formed (so ``quick_check`` and even
    ``integrity_check`` pass on a WITHOUT ROWID table) but the keys out of order or repeated."""
    last_game, expected = None, 0
    seen: set[str] = set()
    for game_id, seq in db.execute("SELECT game_id, seq FROM commands"):
        if game_id != last_game:
            if game_id in seen or (last_game is not None and game_id < last_game):
                return [f"commands: the steps of {game_id!r} are out of order"]
            seen.add(game_id)
            last_game, expected = game_id, 0
        if seq != expected:
            return [f"commands: step {expected} of {game_id!r} is missing"]
        expected += 1
    return []


def last_full_check(db: sqlite3.Connection) -> float:
    try:
        row = db.execute("SELECT value FROM info WHERE key = 'checked'").fetchone()
        return float(row[0]) if row else 0.0
    except (sqlite3.Error, ValueError, TypeError):
        return 0.0


def mark_checked(db: sqlite3.Connection, now: float) -> None:
    db.execute(
        "INSERT INTO info (key, value) VALUES ('checked', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (repr(float(now)),),
    )
