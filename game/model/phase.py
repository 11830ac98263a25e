"""The steps a game goes through, named once: ``Phase``.

A ``StrEnum``, so a phase compares equal to its saved string ("pick" == Phase.PICK) and the state's JSON
form is unchanged. Which commands each phase allows is declared beside the commands' handlers
(``game.model.rules``), not here.
"""

from __future__ import annotations

from enum import StrEnum


class Phase(StrEnum):
    SETUP = "setup"
    LOOK_BACK = "look_back"  # the review's look-back round over last plan's actions
    ROLL = "roll"
    CHOOSE_THEME = "choose_theme"
    PICK = "pick"
    RATE = "rate"
    RATE_ALL = "rate_all"  # an "everyone" turn: views stay hidden until all have chosen
    REVEAL = "reveal"
    TALK = "talk"
    ACTION = "action"
    CELEBRATE = "celebrate"
    LOOK_BACK_ONE = "look_back_one"  # a look-back tile: one earlier action
    SUMMARY = "summary"
    DEBRIEF = "debrief"  # a workshop's close: the deck's debrief questions, one at a time
    FINISHED = "finished"


PLAY_PHASES = frozenset(Phase) - {Phase.SETUP, Phase.SUMMARY, Phase.DEBRIEF, Phase.FINISHED}
