"""The printable trainer guide for workshops: ``write_guide(decks, folder)`` writes it as HTML and Word.

``content`` builds what the guide says from the workshop deck; ``html`` and ``docx`` lay it out.
"""

from __future__ import annotations

from pathlib import Path

from game.export.safewrite import make_folder, remove_made, write_whole
from game.guide import docx, html
from game.guide.content import Guide, build_guide
from game.model.deck import DeckSet
from game.words import Words

WRITERS = (("html", html.render), ("docx", docx.render))

__all__ = ["Guide", "build_guide", "write_guide"]


def write_guide(decks: DeckSet, folder: str | Path, words: Words | None = None) -> list[Path]:
    """Write ``trainer-guide[-<lang>].html`` and ``.docx`` into ``folder``, whole or not at all, never
    replacing a file already there (a second guide gets ``-2``, ``-3`` ...). A failed write removes the
    folders it made and raises OSError."""
    guide = build_guide(decks, words)
    folder = Path(folder)
    made = make_folder(folder)
    base = guide.language.split("-")[0].lower()
    stem = "trainer-guide" if base == "en" else f"trainer-guide-{base}"
    rendered = [(suffix, render(guide)) for suffix, render in WRITERS]
    try:
        for n in range(1, 1000):
            name = stem if n == 1 else f"{stem}-{n}"
            paths = [folder / f"{name}.{suffix}" for suffix, _ in rendered]
            if any(p.exists() for p in paths):
                continue
            written = []
            for path, (_, data) in zip(paths, rendered, strict=True):
                if not write_whole(path, data):
                    break
                written.append(path)
            if len(written) == len(paths):
                return written
        raise FileExistsError(folder)
    except OSError:
        remove_made(made)
        raise
