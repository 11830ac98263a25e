"""Where a deck's pictures are and whether they can be shown: a card's or theme's ``image`` is looked
for beside the deck file first, then among the pictures shipped with the game (assets/pictures).

Only the file's first bytes are read: enough to know it is a PNG or an SVG and how big it is, without
a picture library (the model imports no pygame).
"""

from __future__ import annotations

import re
import struct
from pathlib import Path, PurePosixPath, PureWindowsPath

from game.paths import ASSETS_DIR

PICTURES_DIR = ASSETS_DIR / "pictures"
MAX_BYTES = 2 * 1024 * 1024  # a card picture is a symbol, not a photo album
MAX_SIDE = 4096  # pixels, for PNGs: bigger than a 4K card needs
SUFFIXES = (".svg", ".png")
_PNG = b"\x89PNG\r\n\x1a\n"
_SVG_HEAD = 4096


def outside(value: str) -> bool:
    """True for a path that leaves the deck's folder (absolute, a drive, or ``..``)."""
    for pure in (PurePosixPath(value), PureWindowsPath(value)):
        if pure.is_absolute() or pure.drive or pure.root or ".." in pure.parts:
            return True
    return False


def locate(value: str, folder: Path | None) -> Path | None:
    """The file an ``image:`` value names: beside the deck, else a shipped picture; None if neither."""
    if not value or outside(value):
        return None
    places = ([folder / value] if folder is not None else []) + [PICTURES_DIR / value]
    for place in places:
        try:
            if place.is_file():
                return place
        except (OSError, ValueError):  # a name the file system cannot even look up
            continue
    return None


def problem(path: Path) -> tuple[str, dict] | None:
    """Why this picture cannot be shown, as a words key and its parameters; None when it is fine."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        return "image_kind", {"suffix": suffix or "-"}
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(_SVG_HEAD)
    except OSError as e:
        return "image_unreadable", {"reason": e.strerror or type(e).__name__}
    if size > MAX_BYTES:
        return "image_too_big", {"kb": size // 1024, "limit_kb": MAX_BYTES // 1024}
    if suffix == ".png":
        if not head.startswith(_PNG) or head[12:16] != b"IHDR":
            return "image_not_png", {}
        width, height = struct.unpack(">II", head[16:24])
        if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE):
            return "image_too_wide", {"width": width, "height": height, "limit": MAX_SIDE}
        return None
    text = head.decode("utf-8", errors="replace")
    if not re.search(r"<svg[\s>]", text):
        return "image_not_svg", {}
    if "<!ENTITY" in text:  # entities can make a tiny file expand without end when it is drawn
        return "image_not_svg", {}
    return None


def picture_file(stored: str | None) -> str | None:
    """A loaded deck's picture path as a file that is there now. A game saved on another computer
    keeps that computer's path: then the shipped picture of the same name is used, if there is one."""
    if not stored:
        return None
    for place in (Path(stored), PICTURES_DIR / PurePosixPath(stored.replace("\\", "/")).name):
        try:
            if place.is_file():
                return place.as_posix()
        except (OSError, ValueError):
            continue
    return None
