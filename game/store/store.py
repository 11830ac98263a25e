"""The saved-games file: each game's command log, drafts of text being typed, and finished plans.

One SQLite file (``games.db``) in the data folder. Durability choice: a rollback journal
(``journal_mode=DELETE``) with ``synchronous=EXTRA``:

* SIGKILL or a crash mid-commit leaves a "hot" journal that SQLite rolls back on the next open, so the
  file always holds whole steps; a commit that returned is on disk.
* A power cut: FULL fsyncs the journal before the file is changed and the file before the journal is
  removed; EXTRA also fsyncs the folder after the journal is removed, so a step that was reported as
  saved cannot be rolled back by a journal that the power cut brought back. (WAL with FULL would also
  be durable, but it keeps a second file that holds old page images until a checkpoint, which makes
  "deleted means gone" harder to promise, and it needs shared memory that some network and USB
  drives do not have.)
* At rest there is only one file, so deleting a plan with ``secure_delete=ON`` and ``VACUUM`` leaves
  no copy of its words in any of the game's files.

Every write runs in ``BEGIN IMMEDIATE ... COMMIT`` with a short busy timeout and returns only after the
commit. Failures never raise out of the saving methods: they return False and ``problem`` says, in
plain words, what happened, so play carries on in memory (see ``game.store.session``). ``delete`` is
the exception: it raises ``StoreError``, because people must be told when something was not deleted.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.store import problems as P
from game.store.db import apply_settings, connect, dump, new_id, safe
from game.store.drafts import Drafts
from game.store.info import FileFacts
from game.store.location import DB_NAME
from game.store.lock import FolderLock
from game.store.plans import PlanHistory

__all__ = ["Store", "apply_settings", "connect", "dump", "new_id", "safe"]


class Store(Drafts, PlanHistory, FileFacts):
    """Saved games and plans. Build with ``game.store.open_store``, which never raises."""

    def __init__(
        self,
        db: sqlite3.Connection,
        *,
        path: Path | None,
        folder: Path | None,
        lock: FolderLock | None = None,
        language: str | None = None,
        problem: P.Problem | None = None,
        clock: Callable[[], float] = time.time,
    ):
        self._db = db
        self.path = path
        self.folder = folder
        self._lock = lock
        self.language = language
        self._open_problem = problem
        self._write_problem: P.Problem | None = None
        self._clock = clock
        self._mutex = threading.RLock()
        self.closed = False
        self.last_write_ok = True  # did the most recent write commit?
        self.damaged = False  # damage was met while in use: nothing more is written into this file

    # ----- what to tell people -------------------------------------------------------------------------

    @property
    def on_disk(self) -> bool:
        """True when steps go to the file; False when this store only keeps them in memory."""
        return self.path is not None

    @property
    def problem_info(self) -> P.Problem | None:
        return self._write_problem or self._open_problem

    @property
    def problem(self) -> str | None:
        """None, or a plain message to show on screen."""
        info = self.problem_info
        return info.message(self.language) if info else None

    @property
    def problem_key(self) -> str | None:
        info = self.problem_info
        return info.key if info else None

    def set_open_problem(self, problem: P.Problem | None) -> None:
        """What opening found (a damaged file set aside, say), to show until something else goes wrong."""
        self._open_problem = problem

    # ----- plumbing ------------------------------------------------------------------------------------

    def _fail(self, exc: BaseException, *, reading: bool = False) -> P.Problem:
        damaged = isinstance(exc, ValueError) or P.is_not_a_database(exc)  # ValueError: a record's JSON
        if damaged and self.on_disk:
            self.damaged = True  # the next open checks it, sets it aside and brings back what replays
        if damaged and reading:
            where = self.path or (self.folder / DB_NAME if self.folder else "")
            problem = P.Problem(P.CORRUPT_READ, {"file": str(where)})
        elif isinstance(exc, ValueError):
            problem = P.Problem(P.CORRUPT_NOW)
        else:
            problem = P.classify(exc, file=str(self.path or ""), folder=str(self.folder or ""))
        self._write_problem = problem
        return problem

    def _write(self, work: Callable[[sqlite3.Connection], Any]) -> tuple[bool, Any]:
        """Run ``work`` in one transaction; (True, result) once committed, (False, None) if not."""
        with self._mutex:
            if self.closed:
                self._write_problem = P.Problem(P.OTHER, {"detail": "closed"})
                self.last_write_ok = False
                return False, None
            if self.damaged:
                # Writing into a file known to be damaged could spread the damage over good pages.
                self._write_problem = P.Problem(P.CORRUPT_NOW)
                self.last_write_ok = False
                return False, None
            db = self._db
            try:
                db.execute("BEGIN IMMEDIATE")
                result = work(db)
                db.execute("COMMIT")
            except (sqlite3.Error, OSError) as exc:
                try:
                    if db.in_transaction:
                        db.execute("ROLLBACK")
                except sqlite3.Error:
                    pass  # SQLite has already rolled back (e.g. after "disk is full")
                self._fail(exc)
                self.last_write_ok = False
                return False, None
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
            self._write_problem = None
            self.last_write_ok = True
            return True, result

    def _read(self, work: Callable[[sqlite3.Connection], Any], default: Any) -> Any:
        with self._mutex:
            if self.closed:
                return default
            try:
                return work(self._db)
            except (sqlite3.Error, OSError, ValueError) as exc:
                self._fail(exc, reading=True)
                return default

    def _read_or_raise(self, work: Callable[[sqlite3.Connection], Any]) -> Any:
        with self._mutex:
            try:
                return work(self._db)
            except (sqlite3.Error, OSError, ValueError) as exc:
                raise P.StoreError(self._fail(exc, reading=True), self.language) from exc

    # ----- games ---------------------------------------------------------------------------------------

    def create_game(self, game_id: str, deckset_dict: dict, meta: dict | None = None) -> bool:
        """Save a new game with the exact decks it is played with. ``meta``: title, service, date,
        mode, keep. Raises ValueError if the id is already used (that is a bug, not a disk problem)."""
        game_id = safe(game_id)
        meta = dict(meta or {})
        mode = safe(meta.get("mode") or "group")
        keep = bool(meta.get("keep", mode != "workshop"))
        now = self._clock()

        def work(db: sqlite3.Connection) -> None:
            if db.execute("SELECT 1 FROM games WHERE id = ?", (game_id,)).fetchone():
                raise _IdTaken(game_id)
            db.execute(
                "INSERT INTO games (id, title, service, date, mode, keep, deckset, created, updated, finished)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                (
                    game_id,
                    safe(meta.get("title") or ""),
                    safe(meta.get("service") or ""),
                    safe(meta.get("date") or ""),
                    mode,
                    int(keep),
                    dump(deckset_dict),
                    now,
                    now,
                ),
            )

        try:
            ok, _ = self._write(work)
        except _IdTaken as exc:
            raise ValueError(f"a saved game already has the id {game_id!r}") from exc
        return ok

    def append(self, game_id: str, command: dict) -> bool:
        """Add one command to the end of a game's log; committed before this returns."""
        game_id = safe(game_id)

        def work(db: sqlite3.Connection) -> None:
            row = db.execute(
                "SELECT COALESCE(MAX(seq) + 1, 0) FROM commands WHERE game_id = ?", (game_id,)
            ).fetchone()
            self._insert(db, game_id, int(row[0]), [command])

        return self._write(work)[0]

    def append_many(self, game_id: str, first_seq: int, commands: list[dict]) -> bool:
        """Write ``commands`` as steps ``first_seq``, ``first_seq + 1`` ... in one commit.

        Used to catch up after a failed save: all of the unsaved steps land together or none do.
        A step already saved with the same number is left as it is.
        """
        game_id = safe(game_id)
        if not commands:
            return True
        return self._write(lambda db: self._insert(db, game_id, first_seq, commands))[0]

    def _insert(self, db: sqlite3.Connection, game_id: str, first_seq: int, commands: list[dict]) -> None:
        db.executemany(
            "INSERT OR IGNORE INTO commands (game_id, seq, body) VALUES (?, ?, ?)",
            [(game_id, first_seq + i, dump(c)) for i, c in enumerate(commands)],
        )
        cur = db.execute("UPDATE games SET updated = ? WHERE id = ?", (self._clock(), game_id))
        if cur.rowcount == 0:
            raise sqlite3.IntegrityError(f"no saved game {game_id!r}")

    def steps(self, game_id: str) -> int:
        """How many commands of this game are saved."""
        game_id = safe(game_id)
        return self._read(
            lambda db: db.execute("SELECT COUNT(*) FROM commands WHERE game_id = ?", (game_id,)).fetchone()[
                0
            ],
            0,
        )

    def has_game(self, game_id: str) -> bool:
        game_id = safe(game_id)
        return bool(
            self._read(lambda db: db.execute("SELECT 1 FROM games WHERE id = ?", (game_id,)).fetchone(), None)
        )

    def list_games(self) -> list[dict]:
        """Saved games, most recently played first."""

        def work(db: sqlite3.Connection) -> list[dict]:
            rows = db.execute(
                "SELECT g.id, g.title, g.service, g.date, g.mode, g.finished, g.updated, g.keep,"
                " (SELECT COUNT(*) FROM commands c WHERE c.game_id = g.id)"
                " FROM games g ORDER BY g.updated DESC, g.id"
            ).fetchall()
            keys = ("id", "title", "service", "date", "mode", "finished", "updated", "keep", "steps")
            out = [dict(zip(keys, r, strict=True)) for r in rows]
            for row in out:
                row["finished"] = bool(row["finished"])
                row["keep"] = bool(row["keep"])
            return out

        return self._read(work, [])

    def load_game(self, game_id: str) -> tuple[dict, list[dict]]:
        """(the game's deck set as a dict, its commands in order). Raises ``UnknownId`` or ``StoreError``."""
        game_id = safe(game_id)

        def work(db: sqlite3.Connection) -> tuple[dict, list[dict]] | None:
            row = db.execute("SELECT deckset FROM games WHERE id = ?", (game_id,)).fetchone()
            if row is None:
                return None
            bodies = db.execute(
                "SELECT body FROM commands WHERE game_id = ? ORDER BY seq", (game_id,)
            ).fetchall()
            return json.loads(row[0]), [json.loads(b) for (b,) in bodies]

        found = self._read_or_raise(work)
        if found is None:
            raise P.UnknownId("store_no_such_game", game_id, self.language)
        return found

    # ----- deleting for good ---------------------------------------------------------------------------

    def delete(self, item_id: str) -> str:
        """Delete a game or a plan so its words are gone from the file; returns "game" or "plan".

        A game and the plan made from it hold the same words, so deleting either deletes both.
        Raises ``UnknownId`` if there is no such id, ``StoreError`` if the file could not be changed.
        """
        item_id = safe(item_id)

        def work(db: sqlite3.Connection) -> str | None:
            if db.execute("SELECT 1 FROM games WHERE id = ?", (item_id,)).fetchone():
                self._delete_game_rows(db, item_id)
                return "game"
            row = db.execute("SELECT game_id FROM plans WHERE id = ?", (item_id,)).fetchone()
            if row is None:
                return None
            db.execute("DELETE FROM plans WHERE id = ?", (item_id,))
            if row[0]:
                self._delete_game_rows(db, row[0])
            return "plan"

        ok, kind = self._write(work)
        if not ok:
            raise P.StoreError(self.problem_info or P.Problem(P.OTHER, {"detail": "delete"}), self.language)
        if kind is None:
            raise P.UnknownId("store_no_such_id", item_id, self.language)
        self._vacuum()
        return kind

    @staticmethod
    def _delete_game_rows(db: sqlite3.Connection, game_id: str) -> None:
        # Explicit deletes rather than relying on ON DELETE CASCADE alone: an older file may predate it.
        db.execute("DELETE FROM drafts WHERE game_id = ?", (game_id,))
        db.execute("DELETE FROM commands WHERE game_id = ?", (game_id,))
        db.execute("DELETE FROM plans WHERE game_id = ?", (game_id,))
        db.execute("DELETE FROM games WHERE id = ?", (game_id,))

    def _vacuum(self) -> None:
        """Rebuild the file so no free page can still hold deleted words (secure_delete has already
        zeroed them; this also drops freed pages and shrinks the file). Failing here loses nothing."""
        if not self.on_disk:
            return
        with self._mutex:
            try:
                self._db.execute("VACUUM")
            except sqlite3.Error as exc:
                self._fail(exc)

    def discard_unkept_workshops(self) -> int:
        """Delete workshop games nobody asked to keep (left over from a crash); returns how many."""

        def work(db: sqlite3.Connection) -> int:
            ids = [r[0] for r in db.execute("SELECT id FROM games WHERE mode = 'workshop' AND keep = 0")]
            for gid in ids:
                self._delete_game_rows(db, gid)
            return len(ids)

        ok, count = self._write(work)
        if ok and count:
            self._vacuum()
        return count or 0

    def limit_size(self, max_pages: int | None) -> None:
        """Cap the file at ``max_pages`` pages (None lifts the cap). Tests fill the "disk" this way."""
        pages = int(max_pages) if max_pages else 4294967294
        with self._mutex:
            self._db.execute(f"PRAGMA max_page_count = {pages}")

    # ----- lifetime ------------------------------------------------------------------------------------

    def close(self) -> None:
        with self._mutex:
            if self.closed:
                return
            self.closed = True
            try:
                self._db.close()
            finally:
                if self._lock is not None:
                    self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        where = str(self.path) if self.path else "memory"
        return f"<Store {where} problem={self.problem_key}>"


class _IdTaken(Exception):
    pass
