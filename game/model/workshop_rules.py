"""Workshop rules: the debrief that closes a workshop, and stopping the turn timer.

The debrief: the deck's questions, asked one at a time after the group checks the plan. Confirming a workshop's plan opens the debrief (once, and only when the decks have questions). Anyone adds
anonymous notes to the question being asked; Next (or Pass) moves on, and after the last question the
game is finished. The notes become the practice plan's "What we learnt".

The trainer can stop the turn timer (from the presenter view): it is gone for the rest of that turn, and
the next turn's timer starts as usual.
"""

from __future__ import annotations

from game.model import commands as C
from game.model.errors import Refused
from game.model.phase import Phase
from game.model.rules import handles
from game.model.textrules import clean_text


class WorkshopRules:
    """Mixed into ``Game``: ``self.state`` and ``self.decks`` are the game's."""

    def _debrief_first(self) -> bool:
        """Called when the plan is confirmed: True when the debrief starts instead of the game ending."""
        s = self.state
        if s.setup.get("mode") != "workshop" or not self.decks.debrief or s.debriefed:
            return False
        s.phase = Phase.DEBRIEF
        s.debrief_at = 0
        return True

    @handles(C.AddLearnt, Phase.DEBRIEF)
    def _add_learnt(self, cmd: C.AddLearnt) -> None:
        text = clean_text(cmd.text, 2000)
        self.state.learnt.append({"question": self.state.debrief_at, "text": text})

    @handles(C.Next, Phase.DEBRIEF)
    @handles(C.Pass, Phase.DEBRIEF)
    def _next_question(self, cmd: C.Next | C.Pass) -> None:
        s = self.state
        s.debrief_at += 1
        if s.debrief_at >= len(self.decks.debrief):
            s.debriefed = True
            s.phase = Phase.FINISHED
            self.event = "event_finished"

    @handles(C.StopTimer, play=True, timer=True)
    def _stop_timer(self, cmd: C.StopTimer) -> None:
        if self.state.turn is None:
            raise Refused("refuse_no_timer_now")
        self.state.turn.timer_stopped = True
