"""The kinds of board tile, named once: ``TileKind``.

A ``StrEnum``, so saved games (which hold plain strings) compare equal. ``BOARDS`` lists the special tiles
of every board the game has had, in the order they are spread round the ring; a game keeps the board it was
set up with (``StartGame.board``), so a new special tile never moves the tokens of a game saved before it. What landing on each kind does is the rule declared with
``@lands_on`` in ``game.model.turn_rules``; a kind without a rule is an error, never a silent default.

A new special tile needs: its member here, and a new board at the end of ``BOARDS`` that has it (the board
places it by itself); its rule, a ``@lands_on``
method in ``turn_rules.py`` (and, if it has a step of its own, a ``Phase`` member with ``@handles`` rules,
a step view registered in ``game/ui/screens/steps.py`` and a chooser in ``game/model/autoplay.py``); its
words ``tile_<kind>`` and ``landed_<kind>`` in every ``game/locale/<lang>/``; and its icon
``assets/icons/<kind>.svg``. tests/test_engine_rules.py checks the rule, the words and the icon.
"""

from __future__ import annotations

from enum import StrEnum


class TileKind(StrEnum):
    THEME = "theme"
    CHOICE = "choice"  # "Your choice": pick any theme (also every turn when dice are off)
    EVERYONE = "everyone"
    CELEBRATE = "celebrate"
    LOOKBACK = "lookback"


# The special tiles of each board, oldest first: a board once used is never changed, as saved games are
# played on it. Games saved before boards were numbered were set up on board 0.
BOARDS: tuple[tuple[TileKind, ...], ...] = (
    (TileKind.CHOICE, TileKind.EVERYONE, TileKind.CELEBRATE, TileKind.LOOKBACK),
)
BOARD = len(BOARDS) - 1  # the board new games are set up on
SPECIALS = BOARDS[BOARD]
