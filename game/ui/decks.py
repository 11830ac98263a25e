"""Loading the decks a game is played with, for the screens: the shipped main deck plus any chosen
files. Problems come back as plain lines to show, never as a crash."""

from __future__ import annotations

import logging
from pathlib import Path

from game import paths
from game.model.deck import DeckSet

log = logging.getLogger(__name__)


def available_decks() -> list[Path]:
    return paths.shipped_decks()


def default_files(language: str = "en", mode: str = "group") -> list[Path]:
    """The shipped main deck in this language (English if there is no translation), plus the workshop
    pack (practice personas and trainer notes) for workshops."""
    folder = paths.DECKS_DIR
    main = folder / f"making-it-real.{language}.yaml"
    if language == "en" or not main.is_file():
        main = folder / "making-it-real.yaml"
    files = [main] if main.is_file() else [p for p in available_decks() if "workshop" not in p.name][:1]
    workshop = folder / (
        "workshop.yaml" if main.name == "making-it-real.yaml" else f"workshop.{language}.yaml"
    )
    if mode == "workshop" and workshop.is_file():
        files.append(workshop)
    return files


def load_for_game(
    files: list[str | Path] | None = None, language: str = "en", mode: str = "group"
) -> tuple[DeckSet | None, list[str]]:
    """The DeckSet for these files (default: see ``default_files``)."""
    files = [Path(f) for f in (files or [])] or default_files(language, mode)
    from game.model.deckload import DeckError, load_deckset

    try:
        return load_deckset(files), []
    except DeckError as exc:
        return None, [str(p) for p in exc.problems]
    except Exception as exc:  # noqa: BLE001 - the loader should only raise DeckError; never crash the game
        log.exception("loading the decks failed unexpectedly")
        return None, [str(exc)]
