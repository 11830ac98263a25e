"""The rules engine: applies player commands to the game state, refuses bad ones, and undoes.

The state is the result of applying the accepted commands in order, so ``Game.replay(decks, log)``
rebuilds any game exactly. A refused command leaves the state as it was and says why, as a words
key the screen can show. "Back" (``undo``) drops the last step and rebuilds from the rest.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from game.model import commands as C
from game.model import setup as setup_rules
from game.model.board import build_board
from game.model.deck import DeckSet
from game.model.errors import Refused
from game.model.plan import (
    Action,
    Note,
    Parked,
    Plan,
    Rating,
    Statement,
)
from game.model.planbuild import build_plan
from game.model.record_rules import RecordRules
from game.model.state import PLAY_PHASES, State, Turn, TurnRecord

ANYTIME = frozenset({"park", "stop_game", "undo", "edit_note", "remove_note", "edit_action", "remove_action"})
TIMER = frozenset({"extend_timer", "pause_timer", "resume_timer"})
PHASE_COMMANDS: dict[str, frozenset[str]] = {
    "setup": frozenset({"start_game"}),
    "look_back": frozenset({"mark_action", "pass"}),
    "roll": frozenset({"roll_die", "pass"}),
    "choose_theme": frozenset({"choose_theme", "pass"}),
    "pick": frozenset({"pick_card", "more_cards", "pass"}),
    "rate": frozenset({"rate", "next", "pass"}),
    "rate_all": frozenset({"rate", "pass"}),
    "reveal": frozenset({"next", "pass"}),
    "talk": frozenset({"add_note", "next", "pass"}),
    "action": frozenset({"agree_action", "end_turn", "next", "pass"}),
    "celebrate": frozenset({"celebrate", "end_turn", "next", "pass"}),
    "look_back_one": frozenset({"mark_action", "pass"}),
    "summary": frozenset(
        {
            "edit_note",
            "remove_note",
            "edit_action",
            "remove_action",
            "set_rating",
            "remove_statement",
            "remove_parked",
            "set_next_review",
            "confirm_plan",
            "back_to_game",
            "park",
            "undo",
        }
    ),
    "finished": frozenset({"undo"}),
}


@dataclass(frozen=True)
class Outcome:
    ok: bool
    reason: str | None = None
    params: dict = field(default_factory=dict)


OK = Outcome(True)


class Game(RecordRules):
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
    def replay(cls, decks: DeckSet, log: list[dict]) -> Game:
        """Rebuild a game from its saved log. Commands that would be refused are skipped."""
        g = cls(decks)
        for d in log:
            g.apply(d)
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
        phase = self.state.phase
        allowed = PHASE_COMMANDS.get(phase, frozenset())
        if phase in PLAY_PHASES:
            allowed = allowed | ANYTIME
            if self.state.setup.get("timer_seconds"):
                allowed = allowed | TIMER
        return allowed

    def apply(self, command) -> Outcome:
        try:
            cmd = C.from_dict(command)
        except C.BadCommand as exc:
            return Outcome(False, "refuse_bad_command", {"detail": str(exc)})
        if cmd.type not in self.allowed():
            return Outcome(False, "refuse_not_now", {"command": cmd.type, "phase": self.state.phase})
        if isinstance(cmd, C.Undo):
            if len(self._steps) <= 1:
                return Outcome(False, "refuse_nothing_to_undo")
            self._steps.pop()
            self._rebuild()
            self.event = "event_undone"
            self.log.append(cmd.to_dict())
            return OK
        try:
            self._apply_step(cmd)
        except Refused as r:
            return Outcome(False, r.reason, r.params)
        except Exception as exc:  # a bug must not leave a half-changed state behind
            self._rebuild()
            return Outcome(False, "refuse_internal", {"detail": repr(exc)})
        self._steps.append(cmd)
        self.log.append(cmd.to_dict())
        return OK

    def state_dict(self) -> dict:
        return self.state.to_dict()

    def plan(self) -> Plan:
        return build_plan(self.state, self.decks)

    def timer_remaining(self, now: float) -> float | None:
        """Seconds left on the workshop turn timer, or None when there is no timer."""
        s, t = self.state, self.state.turn
        secs = s.setup.get("timer_seconds")
        if not secs or t is None or t.started_at is None:
            return None
        paused = t.paused_total + ((now - t.paused_at) if t.paused_at is not None else 0.0)
        return secs + t.timer_extra - (now - t.started_at - paused)

    # ----- dispatch -------------------------------------------------------------------------
    def _apply_step(self, cmd: C.Command) -> None:
        handler = getattr(self, "_do_" + cmd.type)
        self.event = None
        handler(cmd)

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
        """The label of an attributed player, or None when a note is not attributed."""
        if player_id is None:
            return None
        if not self.state.has_player(player_id):
            raise Refused("refuse_unknown_player", player=player_id)
        return self.state.player(player_id).label

    # ----- set-up ---------------------------------------------------------------------------
    def _do_start_game(self, cmd: C.StartGame) -> None:
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
            s.board = build_board(setup["themes"])
        s.positions = {pid: 0 for pid in s.order}
        s.started_at = cmd.at
        s.next_review = setup["next_review"]
        prev = setup_rules.previous_plan(setup)
        if prev is not None:
            s.previous_date = prev.date
            # Topics parked last time are still waiting: nobody should have to raise them again.
            s.parked.extend(
                Parked(text=p.text, theme=p.theme if self.decks.has_theme(p.theme or "") else None, by=p.by)
                for p in prev.parked
            )
            for t in prev.themes:
                for st in t.statements:
                    if self.decks.has_theme(t.id):
                        s.statements.setdefault(t.id, []).append(
                            Statement(**{**st.__dict__, "carried_over": True, "ratings": list(st.ratings)})
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
                        )
                    )
                for a in t.actions:
                    if a.status in ("done", "not_needed"):
                        continue
                    s.look_back_queue.append(Action(**{**a.__dict__, "id": "p" + a.id, "theme": t.id}))
        if s.look_back_queue:
            s.phase = "look_back"
            self.event = "event_look_back_round"
        else:
            self._start_turn(cmd.at)

    # ----- turns ----------------------------------------------------------------------------
    def _start_turn(self, at: float | None) -> None:
        s = self.state
        player = s.active_player
        s.turn = Turn(number=len(s.turns) + 1, player=player.id, started_at=at)
        if s.setup["dice"]:
            s.phase = "roll"
        else:
            s.turn.kind = "choice"
            s.phase = "choose_theme"

    def _end_turn(self, at: float | None, passed: bool = False) -> None:
        s = self.state
        t = s.turn
        if t is not None:
            s.turns.append(TurnRecord(t.number, t.player, t.kind, t.theme, t.card, passed))
        s.turn = None
        s.active += 1
        if s.active >= len(s.order):
            s.active = 0
            s.rounds_done += 1
        if self._length_reached(at):
            s.phase = "summary"
            s.stop_reason = "length"
            self.event = "event_length_reached"
            return
        self._start_turn(at)

    def _length_reached(self, at: float | None) -> bool:
        s = self.state
        length = s.setup["length"]
        if length["kind"] == "themes":
            return all(s.theme_covered(t) for t in s.themes_in_play)
        if length["kind"] == "rounds":
            return s.active == 0 and s.rounds_done >= length["value"]
        if at is not None and s.started_at is not None:
            return at - s.started_at >= length["value"] * 60
        return False

    def _do_roll_die(self, cmd: C.RollDie) -> None:
        s, t = self.state, self.state.turn
        roll = self._rng().randint(1, 6)
        pos = (s.positions[t.player] + roll) % len(s.board)
        s.positions[t.player] = pos
        t.roll, t.tile = roll, pos
        tile = s.board[pos]
        t.kind = tile.kind
        if tile.kind == "theme":
            self._begin_theme(tile.theme)
        elif tile.kind == "choice":
            s.phase = "choose_theme"
        elif tile.kind == "everyone":
            t.everyone = True
            self._begin_theme(self._least_covered_theme())
        elif tile.kind == "celebrate":
            s.phase = "celebrate"
        else:
            target = self._action_to_look_back()
            if target is None:
                t.kind = "choice"
                s.phase = "choose_theme"
                self.event = "event_nothing_to_look_back"
            else:
                t.look_back_action = target.id
                t.theme = target.theme
                s.phase = "look_back_one"

    def _least_covered_theme(self) -> str:
        s = self.state

        def count(theme):
            return sum(1 for st in s.statements.get(theme, []) if not st.carried_over)

        return min(s.themes_in_play, key=lambda th: (count(th), s.themes_in_play.index(th)))

    def _action_to_look_back(self) -> Action | None:
        s = self.state
        for a in s.look_back_queue:
            return a
        for a in s.all_actions():
            if a.id.startswith("a") and a.id not in s.looked_back:
                return a
        return None

    def _do_choose_theme(self, cmd: C.ChooseTheme) -> None:
        if cmd.theme not in self.state.themes_in_play:
            raise Refused("refuse_theme_not_in_play", theme=cmd.theme)
        self._begin_theme(cmd.theme)

    def _begin_theme(self, theme: str) -> None:
        s, t = self.state, self.state.turn
        t.theme = theme
        t.shown = []
        self._deal(include_discussed=False)
        s.phase = "pick"

    def _deal(self, include_discussed: bool) -> None:
        s, t = self.state, self.state.turn
        theme_cards = [c.id for c in self.decks.cards_for(t.theme)]
        used = set(s.discussed) | set(s.carried)
        fresh = [c for c in theme_cards if c not in t.shown and (include_discussed or c not in used)]
        t.repeats = False
        if not fresh and not include_discussed:
            # Everything in this theme has been talked about: offer them again rather than nothing.
            fresh = [c for c in theme_cards if c not in t.shown]
            t.repeats = True
        if not fresh:
            raise Refused("refuse_no_more_cards")
        self._rng().shuffle(fresh)
        t.dealt = fresh[:3]
        t.shown.extend(t.dealt)

    def _do_more_cards(self, cmd: C.MoreCards) -> None:
        t = self.state.turn
        before = (list(t.dealt), list(t.shown), t.repeats, self.state.rng_draws)
        try:
            self._deal(include_discussed=cmd.include_discussed)
        except Refused:
            if cmd.include_discussed:
                # Every card has been shown: start the theme's cards again from the top.
                t.shown = []
                self._deal(include_discussed=True)
            else:
                t.dealt, t.shown, t.repeats, self.state.rng_draws = before
                raise

    def _do_pick_card(self, cmd: C.PickCard) -> None:
        s, t = self.state, self.state.turn
        if cmd.card not in t.dealt:
            raise Refused("refuse_card_not_dealt", card=cmd.card)
        card = self.decks.card(cmd.card)
        t.card = card.id
        if card.id not in s.discussed:
            s.discussed.append(card.id)
        s.statements.setdefault(t.theme, []).append(
            Statement(
                card_id=card.id,
                text=card.text,
                easy_read=card.easy_read,
                we=card.we,
                chosen_by=s.player(t.player).label,
                everyone=t.everyone,
            )
        )
        s.phase = "rate_all" if t.everyone else "rate"

    def _statement(self) -> Statement:
        s, t = self.state, self.state.turn
        for st in reversed(s.statements.get(t.theme, [])):
            if st.card_id == t.card and not st.carried_over:
                return st
        raise Refused("refuse_no_card")

    def _rating(self, player_id: str, point: str | None) -> Rating:
        p = self.state.player(player_id)
        if point is None:
            return Rating(player_id=p.id, player_label=p.label, point_id=None)
        sp = self.decks.scale_point(point)
        return Rating(
            player_id=p.id,
            player_label=p.label,
            point_id=sp.id,
            label=sp.label,
            symbol=sp.symbol,
            easy_read=sp.easy_read,
        )

    def _check_point(self, point: str | None) -> None:
        if point is not None and not any(sp.id == point for sp in self.decks.scale):
            raise Refused("refuse_unknown_point", point=point)

    def _raters(self) -> list[str]:
        """Everyone who gives a view on "everyone" turns: all but a facilitator."""
        return [p.id for p in self.state.players if p.role != "facilitator"]

    def _do_rate(self, cmd: C.Rate) -> None:
        s, t = self.state, self.state.turn
        player = self._player_or_active(cmd.player)
        self._check_point(cmd.point)
        if s.phase == "rate_all" and player.id not in self._raters():
            raise Refused("refuse_not_a_rater", player=player.id)
        t.ratings[player.id] = cmd.point
        if s.phase == "rate":
            self._write_ratings()
        elif all(pid in t.ratings for pid in self._raters()):
            self._reveal()

    def _write_ratings(self) -> None:
        s, t = self.state, self.state.turn
        st = self._statement()
        order = [p.id for p in s.players]
        st.ratings = [self._rating(pid, t.ratings[pid]) for pid in order if pid in t.ratings]

    def _reveal(self) -> None:
        s, t = self.state, self.state.turn
        t.revealed = True
        self._write_ratings()
        s.phase = "reveal"
        self.event = "event_revealed"

    def _next_rater(self) -> str | None:
        t = self.state.turn
        for pid in self._raters():
            if pid not in t.ratings:
                return pid
        return None

    def _do_next(self, cmd: C.Next) -> None:
        s, t = self.state, self.state.turn
        if s.phase == "rate":
            if t.player not in t.ratings:
                t.ratings[t.player] = None  # moving on without a view is recorded as "chose not to say"
                self._write_ratings()
            s.phase = "talk"
            t.prompt = 0
        elif s.phase == "reveal":
            s.phase = "talk"
            t.prompt = 0
        elif s.phase == "talk":
            t.prompt += 1
            if t.prompt >= len(self.decks.prompts):
                s.phase = "action"
        else:  # action, celebrate
            self._end_turn(cmd.at)

    def _do_end_turn(self, cmd: C.EndTurn) -> None:
        self._end_turn(cmd.at)

    def _do_pass(self, cmd: C.Pass) -> None:
        s, t = self.state, self.state.turn
        phase = s.phase
        if phase == "look_back":
            self._do_mark_action(C.MarkAction(status="", by=cmd.player, at=cmd.at))
        elif phase in ("roll", "choose_theme", "pick", "look_back_one"):
            player = self._player_or_active(cmd.player)
            if player.id != t.player:  # only the player whose turn it is can pass the whole turn
                raise Refused("refuse_not_your_turn", player=player.id)
            self.event = "event_passed"
            self._end_turn(cmd.at, passed=True)
        elif phase == "rate":
            player = self._player_or_active(cmd.player)
            t.ratings[player.id] = None
            self._write_ratings()
            self.event = "event_passed"
            if player.id == t.player:
                s.phase = "talk"
                t.prompt = 0
        elif phase == "rate_all":
            pid = cmd.player or self._next_rater()
            if pid not in self._raters():
                raise Refused("refuse_not_a_rater", player=pid)
            t.ratings[pid] = None
            if all(p in t.ratings for p in self._raters()):
                self._reveal()
        else:  # reveal, talk, action, celebrate: skip this step
            self._do_next(C.Next(at=cmd.at))
