"""Loading the decks a game is played with, for the screens: the shipped main deck plus any chosen
files. Problems come back as plain lines to show, never as a crash."""

from __future__ import annotations

from pathlib import Path

import yaml

from game import paths
from game.model.deck import Card, Deck, DeckInfo, DeckSet, Persona, Prompt, ScalePoint, Theme, merge


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
    workshop = folder / "workshop.yaml"
    if mode == "workshop" and workshop.is_file() and main.name == "making-it-real.yaml":
        files.append(workshop)
    return files


def load_for_game(
    files: list[str | Path] | None = None, language: str = "en", mode: str = "group"
) -> tuple[DeckSet | None, list[str]]:
    """The DeckSet for these files (default: see ``default_files``)."""
    files = [Path(f) for f in (files or [])] or default_files(language, mode)
    try:
        from game.model.deckload import DeckError, load_deckset
    except ImportError:
        return _simple_load(files)
    try:
        return load_deckset(files), []
    except DeckError as exc:
        return None, [str(p) for p in exc.problems]
    except Exception as exc:  # noqa: BLE001 - the loader should only raise DeckError; never crash the game
        return None, [str(exc)]


def _simple_load(files: list[Path]) -> tuple[DeckSet | None, list[str]]:
    """Used only while the checking loader (game.model.deckload) is not installed."""
    decks = []
    try:
        for f in files:
            d = yaml.safe_load(f.read_text(encoding="utf-8"))
            info = DeckInfo(
                d["id"],
                d["title"],
                str(d["version"]),
                d["language"],
                d.get("licence", ""),
                d.get("author", ""),
                d.get("extends"),
                str(f),
            )
            decks.append(
                Deck(
                    info,
                    tuple(Theme(**t) for t in d.get("themes", [])),
                    tuple(
                        Card(**{**c, "tags": tuple(c.get("tags", ())), "deck": d["id"]})
                        for c in d.get("cards", [])
                    ),
                    tuple(Prompt(**p) for p in d.get("prompts", [])),
                    tuple(ScalePoint(**s) for s in d.get("scale", [])),
                    tuple(Persona(**p) for p in d.get("personas", [])),
                    dict(d.get("facilitator_notes", {})),
                )
            )
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        return None, [str(exc)]
    decks.sort(key=lambda d: d.info.extends is not None)
    return merge(decks), []
