"""Where the shipped files live: the decks and assets folders beside the package."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DECKS_DIR = ROOT / "decks"
ASSETS_DIR = ROOT / "assets"
FONTS_DIR = ASSETS_DIR / "fonts"
ICONS_DIR = ASSETS_DIR / "icons"
SOUNDS_DIR = ASSETS_DIR / "sounds"


def shipped_decks() -> list[Path]:
    """The deck files that come with the game, main deck first."""
    return sorted(DECKS_DIR.glob("*.yaml"), key=lambda p: (p.name != "making-it-real.yaml", p.name))
