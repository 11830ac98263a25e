"""Writing export files whole or not at all, private to this user.

Each file is written under a temporary name in the same folder, flushed to the disk (fsync) and only
then linked to its final name, so a crash or a kill never leaves a file that looks complete but is
not, and an existing file is never replaced. Files are created 0600 and the folders an export makes
0700 on POSIX: a plan holds what people said about their care, like the saved-games file. A failed
export removes the folders it made (``remove_made``).
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def make_folder(folder: Path) -> list[Path]:
    """Make ``folder`` and any missing parents (0700); returns the folders made, deepest last."""
    missing = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    made: list[Path] = []
    try:
        for path in reversed(missing):
            path.mkdir(mode=FOLDER_MODE)
            made.append(path)
    except FileExistsError:
        pass  # made by someone else meanwhile: fine, it is not ours to remove
    except OSError:
        remove_made(made)
        raise
    return made


def remove_made(made: list[Path]) -> None:
    """Remove the folders an export made (deepest first), if they are empty."""
    for path in reversed(made):
        with contextlib.suppress(OSError):
            path.rmdir()


def write_whole(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` whole, without ever replacing a file already there.

    Returns False if ``path`` is taken (the caller tries another name); raises OSError if the disk or
    folder refused, and then leaves nothing behind.
    """
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        return _publish(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
        _sync_folder(path.parent)


def _publish(tmp: Path, path: Path) -> bool:
    try:
        os.link(tmp, path)  # atomic, and fails rather than replace
        return True
    except FileExistsError:
        return False
    except OSError:
        pass  # a file system without hard links (FAT, some network drives)
    if path.exists():
        return False
    os.rename(tmp, path)
    return True


def _sync_folder(folder: Path) -> None:
    """The new name itself must survive a power cut, so the folder is flushed too (POSIX only)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
