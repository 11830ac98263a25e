"""Opening the saved-games file, whatever state it and its folder are in, without ever raising.

Every way the file can be unusable ends in a working ``Store`` plus a plain ``problem`` message:

* folder cannot be made or written -> a store in memory (seeded with a read-only copy of any saved
  games, so they can still be continued and exported);
* another running copy holds the lock -> a store in memory; the other copy's file is not touched;
* the file is damaged (not a database, or the checks in ``game.store.damage`` find a page, a table or
  a value gone wrong) -> it is renamed aside (``games.db.corrupt-<time>``) and never written again, a
  new file is started, and whatever still replays is brought back into it (``game.store.salvage``);
* the file says it is at a version below zero (another program's) -> a store in memory; not touched;
* the file is from a newer game -> a store in memory; the file is not touched;
* an older file -> upgraded one version at a time (``game.store.schema``).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from pathlib import Path

from game.store import damage
from game.store import problems as P
from game.store.db import apply_settings, connect
from game.store.location import DB_NAME, LOCK_NAME
from game.store.location import data_dir as resolve_data_dir
from game.store.lock import AlreadyLocked, FolderLock
from game.store.salvage import salvage
from game.store.schema import CURRENT_VERSION, ForeignFile, NewerSchema, migrate, version_of
from game.store.store import Store

log = logging.getLogger(__name__)


def open_store(
    data_dir: str | os.PathLike | None = None,
    *,
    language: str | None = None,
    max_page_count: int | None = None,
    read_only: bool = False,
) -> Store:
    """Open the store in ``data_dir`` (else $MAKING_IT_REAL_DATA, else the user data folder).

    Never raises: check ``store.problem``. ``read_only`` opens without taking the one-copy lock, for
    listing while a game is running. ``max_page_count`` caps the file's size (tests use it to fill
    the "disk").
    """
    folder = _folder(data_dir)
    try:
        if read_only:
            return _open_read_only(folder, language)
        return _open(folder, language, max_page_count)
    except ValueError:  # a folder name no file system accepts (e.g. with a NUL in it)
        shown = str(folder).replace("\x00", "\ufffd")
        return memory_store(language, P.Problem(P.FOLDER, {"folder": shown}), folder=folder)
    except Exception as exc:  # noqa: BLE001 - the game must start whatever the file is like
        log.exception("could not open the saved games in %s; playing without saving", folder)
        return memory_store(
            language, P.classify(exc, file=str(folder / DB_NAME), folder=str(folder)), folder=folder
        )


def memory_store(
    language: str | None = None,
    problem: P.Problem | None = None,
    *,
    seed_from: Path | None = None,
    folder: Path | None = None,
) -> Store:
    """A store that keeps everything in memory (and loses it on exit); optionally starting with a
    read-only copy of a saved-games file."""
    db = connect(":memory:")
    if seed_from is not None:
        _seed(db, seed_from)
    apply_settings(db, on_disk=False)
    migrate(db)
    return Store(db, path=None, folder=folder, language=language, problem=problem)


def _folder(given: str | os.PathLike | None) -> Path:
    try:
        return resolve_data_dir(given)
    except Exception:  # noqa: BLE001 - e.g. no home folder; play still goes on
        log.warning("no data folder for this user; saving in ./making-it-real-data", exc_info=True)
        return Path(".") / "making-it-real-data"


def _seed(db: sqlite3.Connection, path: Path) -> None:
    """Copy a saved-games file into memory, if it can be read and is not from a newer game."""
    try:
        src = connect(path, read_only=True)
    except sqlite3.Error:
        return
    try:
        if version_of(src) <= CURRENT_VERSION:
            src.backup(db)
    except sqlite3.Error:
        pass  # unreadable: start empty; the file itself is left alone
    finally:
        src.close()


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK | os.X_OK) if path.is_dir() else os.access(path, os.W_OK)


def _open(folder: Path, language: str | None, max_page_count: int | None) -> Store:
    path = folder / DB_NAME
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return memory_store(language, P.Problem(P.FOLDER, {"folder": str(folder)}), folder=folder)
    seed = path if path.is_file() else None
    if not _writable(folder):
        return memory_store(
            language, P.Problem(P.FOLDER, {"folder": str(folder)}), seed_from=seed, folder=folder
        )

    lock = FolderLock(folder / LOCK_NAME)
    try:
        lock.acquire()
    except AlreadyLocked:
        return memory_store(language, P.Problem(P.OTHER_COPY), folder=folder)
    except OSError:
        return memory_store(
            language, P.Problem(P.FOLDER, {"folder": str(folder)}), seed_from=seed, folder=folder
        )

    db = None
    try:
        if seed is not None and not _writable(path):
            lock.release()
            return memory_store(
                language, P.Problem(P.READ_ONLY, {"file": str(path)}), seed_from=seed, folder=folder
            )
        db, kept = _connect_checked(path)
        findings: list[str] = []
        checked_at: float | None = None
        try:
            version = version_of(db)
            if version > CURRENT_VERSION:
                raise NewerSchema(version)
            if version < 0:
                raise ForeignFile(version)
            if kept is None and version > 0:
                # Checked before it is upgraded: nothing is written into a file not known to be healthy.
                findings, checked_at = _findings(db, version)
            if not findings:
                migrate(db)
                if checked_at is not None:
                    _mark_checked(db, checked_at)
        except NewerSchema:
            db.close()
            lock.release()
            return memory_store(language, P.Problem(P.NEWER), folder=folder)
        except ForeignFile:
            db.close()
            lock.release()
            return memory_store(language, P.Problem(P.FOREIGN, {"file": str(path)}), folder=folder)
        except sqlite3.Error as exc:
            if not P.is_not_a_database(exc):
                db.close()
                lock.release()
                return memory_store(
                    language,
                    P.classify(exc, file=str(path), folder=str(folder)),
                    seed_from=seed,
                    folder=folder,
                )
            findings = [str(exc)]
        if findings:
            db.close()
            kept = set_aside(path)
            db = _fresh(path)
        _private(path)
        if max_page_count:
            db.execute(f"PRAGMA max_page_count = {int(max_page_count)}")
        store = Store(db, path=path, folder=folder, lock=lock, language=language)
        if kept is not None:
            note = salvage(kept, store)
            store.set_open_problem(
                P.Problem(
                    P.CORRUPT,
                    {"file": str(path), "kept": str(kept), "recovered": note.summary(language)},
                )
            )
        store.discard_unkept_workshops()
        return store
    except BaseException:
        if db is not None:
            db.close()
        lock.release()
        raise


def _connect_checked(path: Path) -> tuple[sqlite3.Connection, Path | None]:
    """Connect and read the header; a file that is not a database is renamed aside, never overwritten.
    Returns the connection and where a damaged file was set aside (None if it was not)."""
    db = connect(path)
    try:
        version_of(db)
        db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        apply_settings(db)
        return db, None
    except sqlite3.DatabaseError as exc:
        db.close()
        if not P.is_not_a_database(exc):
            raise
    kept = set_aside(path)
    return _fresh(path), kept


def _fresh(path: Path) -> sqlite3.Connection:
    db = connect(path)
    apply_settings(db)
    migrate(db)
    return db


def _findings(
    db: sqlite3.Connection, version: int, now: float | None = None
) -> tuple[list[str], float | None]:
    """Quick checks every open; the full check too when the last full check that passed is a day old.
    Returns what was found, and when a full check passed (to be written down once the file is upgraded)."""
    now = time.time() if now is None else now
    found = damage.quick_findings(db, version)
    if found or now - damage.last_full_check(db) < damage.FULL_CHECK_EVERY_S:
        return found, None
    found = damage.full_findings(db, version)
    return found, (None if found else now)


def _mark_checked(db: sqlite3.Connection, now: float) -> None:
    try:
        db.execute("BEGIN IMMEDIATE")
        damage.mark_checked(db, now)
        db.execute("COMMIT")
    except sqlite3.Error:  # a full disk, say: the check runs again next time, nothing is lost
        if db.in_transaction:
            db.execute("ROLLBACK")


def set_aside(path: Path) -> Path:
    """Rename a damaged file (and its journal) to ``<name>.corrupt-<time>``; never overwrite a file."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    n = 0
    while True:
        target = path.with_name(f"{path.name}.corrupt-{stamp}" + (f"-{n}" if n else ""))
        if not any(Path(str(target) + s).exists() for s in ("", "-journal", "-wal", "-shm")):
            break
        n += 1
    os.rename(path, target)
    for suffix in ("-journal", "-wal", "-shm"):
        side = Path(str(path) + suffix)
        if side.exists():
            os.rename(side, Path(str(target) + suffix))
    return target


def _private(path: Path) -> None:
    """Only this user may read the saved games: they hold what people said about their care."""
    try:
        os.chmod(path, 0o600)
    except OSError:
        pass


def _open_read_only(folder: Path, language: str | None) -> Store:
    path = folder / DB_NAME
    if not path.is_file():
        return memory_store(language, None, folder=folder)
    if Path(str(path) + "-journal").exists():
        # A crash left a journal that must be rolled back before the file can be read, and only a
        # writer can do that. If no copy is running, open normally (which recovers) and list from that.
        writer = _open_if_free(folder, language)
        if writer is not None:
            return writer
    db = connect(path, read_only=True)
    try:
        found = version_of(db)
        if found > CURRENT_VERSION:
            db.close()
            return memory_store(language, P.Problem(P.NEWER), folder=folder)
        if found < 0:
            db.close()
            return memory_store(language, P.Problem(P.FOREIGN, {"file": str(path)}), folder=folder)
        if found < CURRENT_VERSION:
            # Cannot upgrade without writing; read an upgraded copy instead.
            db.close()
            return memory_store(language, None, seed_from=path, folder=folder)
        db.execute("PRAGMA foreign_keys = ON")
        damaged = bool(damage.quick_findings(db))
    except sqlite3.DatabaseError as exc:
        if not P.is_not_a_database(exc):
            db.close()
            return memory_store(language, P.classify(exc, file=str(path), folder=str(folder)), folder=folder)
        damaged = True
    if damaged:
        # Only a writer may set the file aside; if a game is running it will, when it next opens.
        db.close()
        writer = _open_if_free(folder, language)
        if writer is not None:
            return writer
        return memory_store(language, P.Problem(P.CORRUPT_READ, {"file": str(path)}), folder=folder)
    return Store(db, path=path, folder=folder, language=language)


def _open_if_free(folder: Path, language: str | None) -> Store | None:
    """The writer's open (which rolls back a crashed commit, and sets a damaged file aside), when no
    running copy holds the lock; None when one does."""
    probe = FolderLock(folder / LOCK_NAME)
    try:
        probe.acquire()
    except (AlreadyLocked, OSError):
        return None
    probe.release()
    return _open(folder, language, None)
