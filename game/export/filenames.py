"""Safe file names for exports, and writing files without ever replacing one that is already there.

A plan's title is typed by people, so it can hold anything: slashes, dots, emoji, a 500-letter
name, a Windows device name. ``slug`` keeps only ASCII letters, digits and hyphens, and
``write_new`` never replaces a file, adding -2, -3 ... until a name is free, so nothing is
overwritten even if two exports run at once; each file appears whole or not at all.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from game.export.labels import parse_date
from game.export.safewrite import write_whole

DEFAULT_SLUG = "making-it-real-plan"
MAX_SLUG = 60
_MAX_TRIES = 1000
# Names Windows keeps for devices; a file called "con.html" cannot be opened there.
_RESERVED = {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}


def slug(text: str | None, limit: int = MAX_SLUG) -> str:
    """'Café Rosé / Flat 2' -> 'cafe-rose-flat-2'; empty or unusable text gives the default."""
    # Accents come off (é -> e) and apostrophes join ("Ann's" -> "anns"); anything else that is
    # not a letter or digit splits words.
    folded = "".join(
        ch
        for ch in unicodedata.normalize("NFKD", text or "")
        if not unicodedata.combining(ch) and ch not in "'’`"
    )
    s = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    s = s[:limit].rstrip("-")
    if not s or s in _RESERVED:
        return DEFAULT_SLUG
    return s


def base_name(title: str | None, date: str | None, practice: bool = False, review: bool = False) -> str:
    """The stem shared by one export's files: slug of the title, 'review' for a review (so a plan's and
    its reviews' files are told apart), the session date, 'practice' if so."""
    parts = [slug(title)]
    if review:
        parts.append("review")
    day = parse_date(date)
    if day is not None:
        parts.append(day.isoformat())
    if practice:
        parts.append("practice")
    return "-".join(parts)


def write_new(folder: Path, stem: str, suffix: str, data: bytes) -> Path:
    """Write ``data`` to folder/stem+suffix, or stem-2, stem-3 ... if taken. Returns the path used."""
    for n in range(1, _MAX_TRIES + 1):
        path = folder / (f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}")
        # Whole or not at all: a temporary name, fsync, then linked to this name (game.export.safewrite).
        if write_whole(path, data):
            return path
    raise FileExistsError(f"{folder / (stem + suffix)} and {_MAX_TRIES - 1} numbered copies already exist")


def free_stem(folder: Path, stem: str, suffixes: list[str]) -> str:
    """The first of stem, stem-2, stem-3 ... for which none of the suffixes is taken,
    so the files of one export keep one shared name."""
    for n in range(1, _MAX_TRIES + 1):
        candidate = stem if n == 1 else f"{stem}-{n}"
        if not any((folder / f"{candidate}{s}").exists() for s in suffixes):
            return candidate
    return stem
