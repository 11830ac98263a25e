"""One running copy per saved-games file: an exclusive lock on ``games.db.lock`` held while the store is open.

The operating system drops the lock when the process ends, however it ends (even SIGKILL or a power cut),
so a crash never leaves a stale lock behind. The file also holds the owner's process id, for people
looking into a "game is already open" message.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None
    import msvcrt


_NO_LOCKS = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, getattr(errno, "ENOTSUP", errno.EOPNOTSUPP)}


class AlreadyLocked(Exception):
    """Another running copy of the game has this folder open."""


class FolderLock:
    def __init__(self, path: Path):
        self.path = path
        self._fh = None
        self.supported = True

    def acquire(self) -> None:
        """Take the lock or raise ``AlreadyLocked``; ``OSError`` if the lock file cannot be made."""
        fh = open(self.path, "a+", encoding="utf-8")
        try:
            if fcntl is not None:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            else:  # pragma: no cover - Windows
                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except (BlockingIOError, PermissionError) as exc:
            fh.close()
            raise AlreadyLocked(str(self.path)) from exc
        except OSError as exc:
            if exc.errno not in _NO_LOCKS:
                fh.close()
                raise
            # Some network drives cannot lock files at all. Saving still works (SQLite's own locks and
            # BEGIN IMMEDIATE keep each commit whole); only the "already open" check is lost.
            self.supported = False
        try:
            fh.seek(0)
            fh.truncate()
            fh.write(f"{os.getpid()}\n")
            fh.flush()
        except OSError:
            pass  # the pid is only a courtesy; holding the lock is what matters
        self._fh = fh

    def owner_pid(self) -> int | None:
        try:
            return int(self.path.read_text(encoding="utf-8").strip() or 0) or None
        except (OSError, ValueError):
            return None

    def release(self) -> None:
        if self._fh is None:
            return
        try:
            if fcntl is not None and self.supported:
                fcntl.flock(self._fh.fileno(), fcntl.LOCK_UN)
        finally:
            self._fh.close()
            self._fh = None

    @property
    def held(self) -> bool:
        return self._fh is not None
