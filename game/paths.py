"""Where the files that come with the game live: the shipped decks and the assets (fonts, icons, pictures).

The one place the game asks. The package is found through ``importlib.resources``; an installed wheel
carries the decks and assets inside it (``game/decks``, ``game/assets``: setup.py copies them in when
the wheel is built). In a checkout, run from the folder or installed editable, they are the top-level
``decks/`` and ``assets/`` folders beside the package, where deck writers edit them.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

PACKAGE_DIR = Path(str(files("game")))
ROOT = PACKAGE_DIR.parent  # the checkout, when there is one (benchmarks/ lives there)


def shipped_folder(name: str, package_dir: Path = PACKAGE_DIR) -> Path:
    """The folder ``name`` inside the installed package, or else beside the package in a checkout."""
    inside = package_dir / name
    return inside if inside.is_dir() else package_dir.parent / name


DECKS_DIR = shipped_folder("decks")
ASSETS_DIR = shipped_folder("assets")
FONTS_DIR = ASSETS_DIR / "fonts"
ICONS_DIR = ASSETS_DIR / "icons"


def shipped_decks() -> list[Path]:
    """The deck files that come with the game, main deck first."""
    return sorted(DECKS_DIR.glob("*.yaml"), key=lambda p: (p.name != "making-it-real.yaml", p.name))
