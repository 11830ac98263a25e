"""The printable trainer guide for workshops: ``write_guide(decks, folder)`` writes it as HTML and Word.

``content`` builds what the guide says from the workshop deck; ``html`` and ``docx`` lay it out.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from game.guide import docx, html
from game.guide.content import Guide, build_guide
from game.model.deck import DeckSet
from game.words import Words

WRITERS = (("html", html.render), ("docx", docx.render))

__all__ = ["Guide", "build_guide", "write_guide"]


def write_guide(decks: DeckSet, folder: str | Path, words: Words | None = None) -> list[Path]:
    """Write ``trainer-guide[-<lang>].html`` and ``.docx`` into ``folder``; each file is whole or absent."""
    guide = build_guide(decks, words)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    base = guide.language.split("-")[0].lower()
    stem = "trainer-guide" if base == "en" else f"trainer-guide-{base}"
    written = []
    for suffix, render in WRITERS:
        data = render(guide)
        path = folder / f"{stem}.{suffix}"
        fd, tmp = tempfile.mkstemp(prefix=f".{stem}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        written.append(path)
    return written
