"""The rules engine: applies player commands to the game state, refuses bad ones, and undoes.

The state is the result of applying the accepted commands in order, so ``Game.replay(decks, log)``
rebuilds any game exactly. A refused command leaves the state as it was and says why, as a words
key the screen can show. "Back" (``undo``) drops the last step and rebuilds from the rest.

The rules themselves live in two mixins, ``TurnRules`` (a turn's steps) and ``RecordRules`` (what is
recorded and corrected); each handler declares the phases it serves with ``@handles``, and ``RULES`` /
``PHASE_COMMANDS`` are built from those declarations (``game.model.rules``).
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass, field

from game.model import commands as C
from game.model import setup as setup_rules
from game.model.board import build_board
from game.model.deck import DeckSet
from game.model.errors import Refused
from game.model.phase import Phase
from game.model.plan import Action, Note, Parked, Plan, Statement
from game.model.planbuild import build_plan
from game.model.record_rules import RecordRules
from game.model.rules import collect, handles, phase_commands
from game.model.state import State
from game.model.tiles import BOARDS
from game.model.turn_rules import TurnRules
from game.model.workshop_rules import WorkshopRules

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    ok: bool
    reason: str | None = None
    params: dict = field(default_factory=dict)


OK = Outcome(True)


class Game(TurnRules, RecordRules, WorkshopRules):
    """One game: its decks, its accepted commands and the state they add up to."""

    def __init__(self, decks: DeckSet):
        self.decks = decks
        self.state = State()
        self.log: list[dict] = []
        self._steps: list[C.Command] = []  # accepted commands still in effect (undo pops them)
        self.event: str | None = None  # words key for what the last command did (not part of the state)

    # ----- building -------------------------------------------------------------------------
    @classmethod
    def new(cls, decks: DeckSet) -> Game:
        return cls(decks)

    @classmethod
    def replay(cls, decks: DeckSet, log: list) -> Game:
        """Rebuild a game from its saved log: the one replay, used by the engine's callers, resuming a
        saved game and exporting one. Its policy: play the steps in order and stop at the first one this
        version refuses (later steps were made on the state that step produced, so they cannot be trusted).
        ``len(game.log)`` is then how many steps were used."""
        g = cls(decks)
        for d in log:
            if not g.apply(d).ok:
                break
        return g

    def _rebuild(self) -> None:
        steps = list(self._steps)
        self.state = State()
        self._steps = []
        for cmd in steps:
            self._apply_step(cmd)
            self._steps.append(cmd)

    # ----- the public surface ---------------------------------------------------------------
    def allowed(self) -> frozenset[str]:
        return (PHASE_COMMANDS if self.state.setup.get("timer_seconds") else _NO_TIMER)[self.state.phase]

    def apply(self, command: C.Command | dict) -> Outcome:
        """Apply a typed command (``C.PickCard(card=...)``) or its saved dict form."""
        try:
            cmd = C.from_dict(command)
        except C.BadCommand as exc:
            return Outcome(False, "refuse_bad_command", {"detail": str(exc)})
        if cmd.type not in self.allowed():
            return Outcome(False, "refuse_not_now", {"command": cmd.type, "phase": self.state.phase})
        if isinstance(cmd, C.Undo):
            return self._undo(cmd)
        try:
            self._apply_step(cmd)
        except Refused as r:
            return Outcome(False, r.reason, r.params)
        except Exception as exc:  # a bug must not leave a half-changed state behind
            log.exception("step %s failed; the game goes back to its last good state", cmd.type)
            self._rebuild()
            return Outcome(False, "refuse_internal", {"detail": repr(exc)})
        self._steps.append(cmd)
        self.log.append(cmd.to_dict())
        return OK

    def state_dict(self) -> dict:
        return self.state.to_dict()

    def plan(self, language: str | None = None) -> Plan:
        """The plan draft, worded in ``language`` (default: the game's own)."""
        return build_plan(self.state, self.decks, language)

    def timer_remaining(self, now: float) -> float | None:
        """Seconds left on the workshop turn timer, or None when there is no timer."""
        s, t = self.state, self.state.turn
        secs = s.setup.get("timer_seconds")
        if not secs or t is None or t.started_at is None or t.timer_stopped:
            return None
        paused = t.paused_total + ((now - t.paused_at) if t.paused_at is not None else 0.0)
        return secs + t.timer_extra - (now - t.started_at - paused)

    # ----- dispatch -------------------------------------------------------------------------
    def _apply_step(self, cmd: C.Command) -> None:
        rule = self.RULES[(type(cmd), self.state.phase)]
        self.event = None
        rule.handler(self, cmd)

    @handles(C.Undo, Phase.SUMMARY, Phase.DEBRIEF, Phase.FINISHED, play=True)
    def _undo(self, cmd: C.Undo) -> Outcome:
        if len(self._steps) <= 1:
            return Outcome(False, "refuse_nothing_to_undo")
        self._steps.pop()
        self._rebuild()
        self.event = "event_undone"
        self.log.append(cmd.to_dict())
        return OK

    def _rng(self) -> random.Random:
        s = self.state
        rng = random.Random(f"{s.setup.get('seed', 0)}/{s.rng_draws}")
        s.rng_draws += 1
        return rng

    def _new_id(self, prefix: str) -> str:
        i = self.state.next_id
        self.state.next_id += 1
        return f"{prefix}{i}"

    def _player_or_active(self, player_id: str | None):
        s = self.state
        if player_id is None:
            return s.active_player
        if not s.has_player(player_id):
            raise Refused("refuse_unknown_player", player=player_id)
        return s.player(player_id)

    def _optional_player(self, player_id: str | None) -> str | None:
        """How records name an attributed player (``Player.ref``), or None when a note is not attributed."""
        if player_id is None:
            return None
        if not self.state.has_player(player_id):
            raise Refused("refuse_unknown_player", player=player_id)
        return self.state.player(player_id).ref

    # ----- set-up ---------------------------------------------------------------------------
    @handles(C.StartGame, Phase.SETUP)
    def _start_game(self, cmd: C.StartGame) -> None:
        if not 0 <= cmd.board < len(BOARDS):
            raise Refused("refuse_setup", detail="board")  # a board from a newer version of the game
        setup = setup_rules.normalise(cmd.setup, self.decks)  # raises Refused via setup_rules.Invalid
        s = self.state
        s.setup = setup
        s.players = setup_rules.make_players(setup, self.decks)
        s.order = setup_rules.turn_order(setup, s.players)
        if setup["mode"] == "workshop" and self.decks.personas:
            pool = [p.id for p in self.decks.personas]
            self._rng().shuffle(pool)
            for i, pid in enumerate(s.order):
                s.player(pid).persona = pool[i % len(pool)]
        if setup["dice"]:
            s.board = build_board(setup["themes"], BOARDS[cmd.board])
        s.positions = {pid: 0 for pid in s.order}
        s.started_at = cmd.at
        s.next_review = setup["next_review"]
        prev = setup_rules.previous_plan(setup)
        if prev is not None:
            self._carry_forward(prev)
        if s.look_back_queue:
            s.phase = Phase.LOOK_BACK
            self.event = "event_look_back_round"
        else:
            self._start_turn(cmd.at)

    def _carry_forward(self, prev: Plan) -> None:
        """A review: last plan's statements, notes and parked topics come along, and its unfinished actions
        wait to be looked back on, so nobody has to say them again."""
        s = self.state
        s.previous_date = prev.date
        s.review_of = {"id": prev.game_id or "", "date": prev.date, "title": prev.title}
        s.parked_before.extend(  # offered again during the game: talk now, keep for later, or drop
            Parked(text=p.text, theme=p.theme if self.decks.has_theme(p.theme or "") else None, by=p.by)
            for p in prev.parked
        )
        for t in prev.themes:
            # Plans made before statements had ids: name each by its place, and its notes by card.
            ids: dict[str, str] = {}
            by_card: dict[str, str] = {}
            for i, st in enumerate(t.statements):
                old = st.id or f"{t.id}.{i + 1}"
                ids[old] = by_card[st.card_id] = "p" + old  # a note names its card's latest statement
                if self.decks.has_theme(t.id):
                    s.statements.setdefault(t.id, []).append(
                        Statement(
                            **{
                                **st.__dict__,
                                "id": "p" + old,
                                "carried_over": True,
                                "ratings": list(st.ratings),
                                "said_on": st.said_on or (prev.date if not st.carried_over else None),
                            }
                        )
                    )
                    s.carried.append(st.card_id)
            for n in t.notes:
                s.notes.setdefault(t.id, []).append(
                    Note(
                        id="p" + n.id,
                        section=n.section,
                        text=n.text,
                        author=n.author,
                        card_id=n.card_id,
                        carried_over=True,
                        statement=ids.get(n.statement or "") or by_card.get(n.card_id or ""),
                    )
                )
            for a in t.actions:
                if a.status in ("done", "not_needed"):
                    continue
                s.look_back_queue.append(Action(**{**a.__dict__, "id": "p" + a.id, "theme": t.id}))


Game.RULES, Game.LANDING = collect(Game)
PHASE_COMMANDS: dict[Phase, frozenset[str]] = phase_commands(Game.RULES)
_NO_TIMER = phase_commands(Game.RULES, timer=False)
