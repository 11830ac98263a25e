"""The saved-games file's tables, and the forward migrations that bring an older file up to date.

``PRAGMA user_version`` holds the schema version. Each step moves exactly one version forward inside
its own transaction, and writes the new version number in that same transaction, so a crash during an
upgrade leaves the file at the last whole version. A file from a newer game is never touched.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

CURRENT_VERSION = 3


class ForeignFile(Exception):
    """The file says it is at a version no version of this game wrote (below zero): another program's."""


class NewerSchema(Exception):
    """The file was written by a newer version of the game."""

    def __init__(self, found: int):
        super().__init__(f"schema version {found} is newer than {CURRENT_VERSION}")
        self.found = found


def match_key(title: str | None, service: str | None) -> str:
    """Plans are grouped by title and service regardless of case and spacing ("Rose House" == "rose  house")."""

    def norm(s: str | None) -> str:
        return " ".join(str(s or "").split()).casefold()

    return f"{norm(title)}\x1f{norm(service)}"


def _v1(db: sqlite3.Connection) -> None:
    """The first released layout: games, their command logs, and finished plans."""
    db.execute(
        """CREATE TABLE IF NOT EXISTS games (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            service TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL DEFAULT '',
            mode TEXT NOT NULL DEFAULT 'group',
            keep INTEGER NOT NULL DEFAULT 1,
            deckset TEXT NOT NULL,
            created REAL NOT NULL,
            updated REAL NOT NULL,
            finished INTEGER NOT NULL DEFAULT 0
        )"""
    )
    db.execute(
        """CREATE TABLE IF NOT EXISTS commands (
            game_id TEXT NOT NULL REFERENCES games(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (game_id, seq)
        ) WITHOUT ROWID"""
    )
    db.execute(
        """CREATE TABLE IF NOT EXISTS plans (
            id TEXT PRIMARY KEY,
            game_id TEXT,
            title TEXT NOT NULL DEFAULT '',
            service TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL DEFAULT '',
            mode TEXT NOT NULL DEFAULT 'group',
            saved REAL NOT NULL,
            body TEXT NOT NULL
        )"""
    )


def _v2(db: sqlite3.Connection) -> None:
    """Drafts of text being typed, and a grouping key so a review finds the last plan quickly."""
    db.execute(
        """CREATE TABLE IF NOT EXISTS drafts (
            game_id TEXT NOT NULL REFERENCES games(id) ON DELETE CASCADE,
            field TEXT NOT NULL,
            text TEXT NOT NULL,
            saved REAL NOT NULL,
            PRIMARY KEY (game_id, field)
        ) WITHOUT ROWID"""
    )
    db.execute("ALTER TABLE plans ADD COLUMN match_key TEXT NOT NULL DEFAULT ''")
    rows = db.execute("SELECT id, title, service FROM plans").fetchall()
    db.executemany(
        "UPDATE plans SET match_key = ? WHERE id = ?", [(match_key(t, s), pid) for pid, t, s in rows]
    )
    db.execute("CREATE INDEX IF NOT EXISTS plans_by_match ON plans(match_key, date, saved)")
    db.execute("CREATE INDEX IF NOT EXISTS plans_by_game ON plans(game_id)")
    db.execute("CREATE INDEX IF NOT EXISTS games_by_mode ON games(mode, keep)")


def _v3(db: sqlite3.Connection) -> None:
    """Facts about the file itself: when it was last fully checked, and what was brought back from a
    damaged file that was set aside (``game.store.damage``, ``game.store.salvage``)."""
    db.execute("CREATE TABLE IF NOT EXISTS info (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")


STEPS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _v1, 2: _v2, 3: _v3}
"""STEPS[n] upgrades a version n-1 file to version n."""


def version_of(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite3.Connection, target: int = CURRENT_VERSION) -> list[int]:
    """Upgrade ``db`` (opened with isolation_level=None) to ``target``; return the versions stepped to.

    Raises ``NewerSchema`` without writing anything when the file is ahead of this game.
    """
    found = version_of(db)
    if found > CURRENT_VERSION:
        raise NewerSchema(found)
    if found < 0:
        raise ForeignFile(found)
    done: list[int] = []
    version = found
    while version < target:
        step = version + 1
        db.execute("BEGIN IMMEDIATE")
        try:
            STEPS[step](db)
            # PRAGMA cannot take a bound parameter; ``step`` is our own int.
            db.execute(f"PRAGMA user_version = {int(step)}")
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        version = step
        done.append(step)
    return done
