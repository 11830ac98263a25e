"""Theme icons for the exports: SVG inlined into HTML, PNG placed in Word files.

Another part of the team draws the icons (assets/icons/<name>.svg and assets/icons/png/<name>.png).
A missing or unusable icon is never an error: callers get None and leave the icon out.
"""

from __future__ import annotations

import base64
import re
from functools import lru_cache
from pathlib import Path

from game.paths import ICONS_DIR

_NAME = re.compile(r"[a-z0-9-]{1,64}")
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
