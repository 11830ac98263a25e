"""Turning what went wrong with the saved-games file into a plain message people can act on.

A ``Problem`` is a words key (from ``game/locale/<lang>/store.yaml``) plus its parameters, so the
UI can show it in the player's language. ``classify`` maps SQLite and OS errors onto those keys.
"""

from __future__ import annotations

import errno
import sqlite3
from dataclasses import dataclass, field

from game.words import Words

FOLDER = "store_problem_folder"
READ_ONLY = "store_problem_read_only"
DISK_FULL = "store_problem_disk_full"
CORRUPT = "store_problem_corrupt"
CORRUPT_NOW = "store_problem_corrupt_now"
CORRUPT_READ = "store_problem_corrupt_read"
OTHER_COPY = "store_problem_other_copy"
NEWER = "store_problem_newer"
FOREIGN = "store_problem_foreign"
BUSY = "store_problem_busy"
OTHER = "store_problem_other"
NOT_RESTORED = "store_problem_not_restored"


@dataclass(frozen=True)
class Problem:
    key: str
    params: dict = field(default_factory=dict)

    def message(self, language: str | None = None) -> str:
        return Words(language).get(self.key, **self.params)


class StoreError(Exception):
    """A store operation that the caller must know failed (e.g. a delete). ``message`` is plain words."""

    def __init__(self, problem: Problem, language: str | None = None):
        self.problem = problem
        self.message = problem.message(language)
        super().__init__(self.message)


class UnknownId(StoreError, KeyError):
    """No saved game or plan has this id."""

    def __init__(self, key: str, item_id: str, language: str | None = None):
        # An id is whatever was typed: a huge one is cut short rather than echoed in full.
        shown = item_id if len(item_id) <= 60 else item_id[:59] + "…"
        super().__init__(Problem(key, {"id": shown}), language)
        self.item_id = item_id

    def __str__(self) -> str:  # KeyError would otherwise show the repr
        return self.message


def _name(exc: BaseException) -> str:
    return getattr(exc, "sqlite_errorname", "") or ""


def is_not_a_database(exc: BaseException) -> bool:
    name = _name(exc)
    text = str(exc).lower()
    return name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")) or (
        "not a database" in text or "malformed" in text
    )


def classify(exc: BaseException, *, file: str = "", folder: str = "") -> Problem:
    """The message for an error met while reading or writing the file."""
    name = _name(exc)
    text = str(exc).lower()
    if isinstance(exc, sqlite3.Error):
        if name.startswith("SQLITE_FULL") or "disk is full" in text:
            return Problem(DISK_FULL)
        if name.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text:
            return Problem(READ_ONLY, {"file": file})
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text or "busy" in text:
            return Problem(BUSY)
        if is_not_a_database(exc):
            return Problem(CORRUPT_NOW)
        if name.startswith(("SQLITE_CANTOPEN", "SQLITE_PERM")) or "unable to open" in text:
            return Problem(FOLDER, {"folder": folder})
        return Problem(OTHER, {"detail": str(exc)})
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return Problem(DISK_FULL)
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOTDIR, errno.ENOENT):
            return Problem(FOLDER, {"folder": folder})
    return Problem(OTHER, {"detail": f"{type(exc).__name__}: {exc}"})
