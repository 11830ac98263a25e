"""The kinds of board tile, named once: ``TileKind``.

A ``StrEnum``, so saved games (which hold plain strings) compare equal. ``SPECIALS`` is the order the
special tiles are spread round the ring. What landing on each kind does is the rule declared with
``@lands_on`` in ``game.model.turn_rules``; a kind without a rule is an error, never a silent default.
"""

from __future__ import annotations

from enum import StrEnum


class TileKind(StrEnum):
    THEME = "theme"
    CHOICE = "choice"  # "Your choice": pick any theme (also every turn when dice are off)
    EVERYONE = "everyone"
    CELEBRATE = "celebrate"
    LOOKBACK = "lookback"


SPECIALS = tuple(k for k in TileKind if k is not TileKind.THEME)
