"""Pictures for the exports: SVG inlined into HTML, PNG placed in Word files.

Another part of the team draws the icons (assets/icons/<name>.svg and assets/icons/png/<name>.png)
and the cards' own pictures (``image:`` in a deck, shipped in assets/pictures). A missing or
unusable picture is never an error: callers get None and use another picture or none.
"""

from __future__ import annotations

import base64
import re
from functools import lru_cache
from pathlib import Path

from game.paths import ASSETS_DIR, ICONS_DIR

_NAME = re.compile(r"[a-z0-9-]{1,64}")
# A card's picture as a deck names it: a relative path of plain parts ("cards/walk.svg").
_IMAGE = re.compile(
    r"(?:[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}/){0,3}[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}\.(?:svg|png)"
)
PICTURES_DIR = ASSETS_DIR / "pictures"
_MAX_ICON_BYTES = 512_000


def _file(name: str | None, folder: Path, suffix: str) -> Path | None:
    # The icon name comes from a plan file, so it must not be able to name a path elsewhere.
    if not name or not _NAME.fullmatch(name):
        return None
    path = folder / f"{name}{suffix}"
    try:
        if path.is_file() and 0 < path.stat().st_size <= _MAX_ICON_BYTES:
            return path
    except OSError:
        return None
    return None


def png_path(name: str | None, icons_dir: Path = ICONS_DIR) -> Path | None:
    return _file(name, icons_dir / "png", ".png")


@lru_cache(maxsize=64)
def svg_data_uri(name: str | None, icons_dir: Path = ICONS_DIR) -> str | None:
    """A data: URI for the icon's SVG, so the HTML file needs nothing beside it.

    As an <img> source an SVG cannot run scripts or fetch anything, whatever it contains.
    """
    path = _file(name, icons_dir, ".svg")
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if b"<svg" not in data[:2048]:
        return None
    return "data:image/svg+xml;base64," + base64.b64encode(data).decode("ascii")


def card_picture(image: str | None, suffix: str, pictures_dir: Path = PICTURES_DIR) -> Path | None:
    """The shipped file for a card's ``image`` in the wanted kind (".svg" or ".png"): the file itself
    if it is that kind, else a same-named file of that kind beside it or in png/ (where the pictures
    are also drawn as PNG, for Word); None if there is none."""
    if not image or not _IMAGE.fullmatch(image) or ".." in image.split("/"):
        return None
    stem = image.rsplit(".", 1)[0]
    places = [pictures_dir / f"{stem}{suffix}"]
    if suffix == ".png":
        places.append(pictures_dir / "png" / f"{stem.rsplit('/', 1)[-1]}.png")
    for path in places:
        try:
            if path.is_file() and 0 < path.stat().st_size <= _MAX_ICON_BYTES:
                return path
        except OSError:
            continue
    return None


@lru_cache(maxsize=256)
def card_data_uri(image: str | None) -> str | None:
    """A data: URI for a card's own picture (SVG or PNG), or None."""
    svg = card_picture(image, ".svg")
    path = svg or card_picture(image, ".png")
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    kind = "image/svg+xml" if svg else "image/png"
    if svg and b"<svg" not in data[:2048]:
        return None
    return f"data:{kind};base64," + base64.b64encode(data).decode("ascii")
