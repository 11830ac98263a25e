"""The rules of a turn: rolling and landing on a tile, dealing and picking a card, giving views,
moving through the talk prompts, passing, and handing the turn on. A mixin of ``game.model.engine.Game``;
it changes only ``self.state`` (and ``self.event``, the words key for what just happened).

Each handler declares the phases it serves (``@handles``); "next" and "pass" have one handler per step
rather than one if-chain over phases. What landing on each tile kind does is declared with ``@lands_on``.
"""

from __future__ import annotations

import copy

from game.model import commands as C
from game.model.errors import Refused
from game.model.phase import Phase
from game.model.plan import Action, Previously, Rating, Statement, Then
from game.model.rules import handles, lands_on
from game.model.state import Turn, TurnRecord
from game.model.tiles import TileKind


class TurnRules:
    # ----- starting and ending turns --------------------------------------------------------
    def _start_turn(self, at: float | None) -> None:
        s = self.state
        player = s.active_player
        s.turn = Turn(number=len(s.turns) + 1, player=player.id, started_at=at)
        if s.setup["dice"]:
            s.phase = Phase.ROLL
        else:
            s.turn.kind = TileKind.CHOICE
            s.phase = Phase.CHOOSE_THEME

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
            s.phase = Phase.SUMMARY
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

    @handles(C.EndTurn, Phase.ACTION, Phase.CELEBRATE)
    def _end_turn_now(self, cmd: C.EndTurn) -> None:
        self._end_turn(cmd.at)

    # ----- the die and the tiles ------------------------------------------------------------
    @handles(C.RollDie, Phase.ROLL)
    def _roll_die(self, cmd: C.RollDie) -> None:
        s, t = self.state, self.state.turn
        roll = self._rng().randint(1, 6)
        pos = (s.positions[t.player] + roll) % len(s.board)
        s.positions[t.player] = pos
        t.roll, t.tile = roll, pos
        tile = s.board[pos]
        t.kind = tile.kind
        self.LANDING[tile.kind](self, tile)

    @lands_on(TileKind.THEME)
    def _land_theme(self, tile) -> None:
        self._begin_theme(tile.theme)

    @lands_on(TileKind.CHOICE)
    def _land_choice(self, tile) -> None:
        self.state.phase = Phase.CHOOSE_THEME

    @lands_on(TileKind.EVERYONE)
    def _land_everyone(self, tile) -> None:
        self.state.turn.everyone = True
        self._begin_theme(self._least_covered_theme())

    @lands_on(TileKind.CELEBRATE)
    def _land_celebrate(self, tile) -> None:
        self.state.phase = Phase.CELEBRATE

    @lands_on(TileKind.LOOKBACK)
    def _land_lookback(self, tile) -> None:
        s, t = self.state, self.state.turn
        target = self._action_to_look_back()
        if target is None:
            t.kind = TileKind.CHOICE
            s.phase = Phase.CHOOSE_THEME
            self.event = "event_nothing_to_look_back"
        else:
            t.look_back_action = target.id
            t.theme = target.theme
            s.phase = Phase.LOOK_BACK_ONE

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

    # ----- choosing a theme and a card ------------------------------------------------------
    @handles(C.ChooseTheme, Phase.CHOOSE_THEME)
    def _choose_theme(self, cmd: C.ChooseTheme) -> None:
        if cmd.theme not in self.state.themes_in_play:
            raise Refused("refuse_theme_not_in_play", theme=cmd.theme)
        self._begin_theme(cmd.theme)

    def _begin_theme(self, theme: str) -> None:
        s, t = self.state, self.state.turn
        t.theme = theme
        t.shown = []
        self._deal(include_discussed=False)
        s.phase = Phase.PICK

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

    @handles(C.MoreCards, Phase.PICK)
    def _more_cards(self, cmd: C.MoreCards) -> None:
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

    @handles(C.PickCard, Phase.PICK)
    def _pick_card(self, cmd: C.PickCard) -> None:
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
                chosen_by=s.player(t.player).ref,
                everyone=t.everyone,
                id=f"s{t.number}",  # one statement a turn, so the turn number names it
                said_on=s.setup.get("date"),
                previously=self._previously(t.theme, card.id),
            )
        )
        s.phase = Phase.RATE_ALL if t.everyone else Phase.RATE

    def _previously(self, theme: str, card_id: str) -> Previously | None:
        """Last time's views and notes on a card carried over from the plan this game reviews."""
        s = self.state
        last = [st for st in s.statements.get(theme, []) if st.carried_over and st.card_id == card_id]
        if not last:
            return None
        st = last[-1]
        earlier = st.history()[:-1]
        return Previously(
            date=st.said_on or s.previous_date or "",
            statement=st.id,
            ratings=copy.deepcopy(st.ratings),
            notes=[copy.deepcopy(n) for n in s.notes.get(theme, []) if n.statement == st.id],
            earlier=[Then(x.date, copy.deepcopy(x.ratings)) for x in earlier],
        )

    # ----- views on the card ----------------------------------------------------------------
    def _statement(self) -> Statement:
        s, t = self.state, self.state.turn
        for st in reversed(s.statements.get(t.theme, [])):
            if st.card_id == t.card and not st.carried_over:
                return st
        raise Refused("refuse_no_card")

    def _rating(self, player_id: str, point: str | None) -> Rating:
        p = self.state.player(player_id)
        if point is None:
            return Rating(player_id=p.id, player_label=p.ref, point_id=None)
        sp = self.decks.scale_point(point)
        return Rating(
            player_id=p.id,
            player_label=p.ref,
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

    @handles(C.Rate, Phase.RATE)
    def _rate(self, cmd: C.Rate) -> None:
        player = self._player_or_active(cmd.player)
        self._check_point(cmd.point)
        self.state.turn.ratings[player.id] = cmd.point
        self._write_ratings()

    @handles(C.Rate, Phase.RATE_ALL)
    def _rate_hidden(self, cmd: C.Rate) -> None:
        t = self.state.turn
        player = self._player_or_active(cmd.player)
        self._check_point(cmd.point)
        if player.id not in self._raters():
            raise Refused("refuse_not_a_rater", player=player.id)
        t.ratings[player.id] = cmd.point
        if all(pid in t.ratings for pid in self._raters()):
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
        s.phase = Phase.REVEAL
        self.event = "event_revealed"

    def _next_rater(self) -> str | None:
        t = self.state.turn
        for pid in self._raters():
            if pid not in t.ratings:
                return pid
        return None

    # ----- moving on ("next") ---------------------------------------------------------------
    def _to_talk(self) -> None:
        self.state.phase = Phase.TALK
        self.state.turn.prompt = 0

    @handles(C.Next, Phase.RATE)
    def _next_after_rating(self, cmd: C.Next) -> None:
        t = self.state.turn
        if t.player not in t.ratings:
            t.ratings[t.player] = None  # moving on without a view is recorded as "chose not to say"
            self._write_ratings()
        self._to_talk()

    @handles(C.Next, Phase.REVEAL)
    def _next_after_reveal(self, cmd: C.Next) -> None:
        self._to_talk()

    @handles(C.Next, Phase.TALK)
    def _next_prompt(self, cmd: C.Next) -> None:
        t = self.state.turn
        t.prompt += 1
        if t.prompt >= len(self.decks.prompts):
            self.state.phase = Phase.ACTION

    @handles(C.Next, Phase.ACTION, Phase.CELEBRATE)
    def _next_turn(self, cmd: C.Next) -> None:
        self._end_turn(cmd.at)

    # ----- passing (no reason needed) -------------------------------------------------------
    @handles(C.Pass, Phase.LOOK_BACK)
    def _pass_look_back(self, cmd: C.Pass) -> None:
        self._mark_in_round(C.MarkAction(status="", by=cmd.player, at=cmd.at))

    @handles(C.Pass, Phase.ROLL, Phase.CHOOSE_THEME, Phase.PICK, Phase.LOOK_BACK_ONE)
    def _pass_turn(self, cmd: C.Pass) -> None:
        player = self._player_or_active(cmd.player)
        if player.id != self.state.turn.player:  # only the player whose turn it is can pass the whole turn
            raise Refused("refuse_not_your_turn", player=player.id)
        self.event = "event_passed"
        self._end_turn(cmd.at, passed=True)

    @handles(C.Pass, Phase.RATE)
    def _pass_rating(self, cmd: C.Pass) -> None:
        t = self.state.turn
        player = self._player_or_active(cmd.player)
        t.ratings[player.id] = None
        self._write_ratings()
        self.event = "event_passed"
        if player.id == t.player:
            self._to_talk()

    @handles(C.Pass, Phase.RATE_ALL)
    def _pass_hidden_rating(self, cmd: C.Pass) -> None:
        t = self.state.turn
        pid = cmd.player or self._next_rater()
        if pid not in self._raters():
            raise Refused("refuse_not_a_rater", player=pid)
        t.ratings[pid] = None
        if all(p in t.ratings for p in self._raters()):
            self._reveal()

    @handles(C.Pass, Phase.REVEAL, Phase.TALK, Phase.ACTION, Phase.CELEBRATE)
    def _pass_step(self, cmd: C.Pass) -> None:
        """Skip this step: the same as moving on."""
        self.RULES[(C.Next, self.state.phase)].handler(self, C.Next(at=cmd.at))
