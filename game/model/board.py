"""The ring of tiles: two tiles per theme in play, with the special tiles (``tiles.SPECIALS``) spread evenly."""

from __future__ import annotations

from game.model.state import Tile
from game.model.tiles import SPECIALS, TileKind


def build_board(
    themes: list[str], specials: tuple[TileKind, ...] = SPECIALS, per_theme: int = 2
) -> list[Tile]:
    """Theme tiles in deck order, repeated, with a special tile after every few theme tiles.

    Specials are spaced so that a die roll of 1 to 6 reaches one from most places, and no two
    specials sit side by side (except with a single theme in play: two theme tiles cannot part four).
    """
    theme_tiles = [Tile(TileKind.THEME, t) for _ in range(per_theme) for t in themes]
    n = len(theme_tiles)
    tiles: list[Tile] = []
    gap = max(1, n // len(specials))
    waiting = list(specials)
    for i, tile in enumerate(theme_tiles):
        tiles.append(tile)
        if waiting and (i + 1) % gap == 0:
            tiles.append(Tile(waiting.pop(0)))
    tiles.extend(Tile(s) for s in waiting)
    return tiles
