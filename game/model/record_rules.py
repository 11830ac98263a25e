"""The rules for what a game records: notes, actions, looking back, parking, stopping, the summary's
corrections and the workshop timer. A mixin of ``game.model.engine.Game``; it changes only ``self.state``
(and ``self.event``, the words key for what just happened). Each handler declares the phases it serves.
"""

from __future__ import annotations

import datetime as dt

from game.model import commands as C
from game.model.errors import Refused
from game.model.phase import Phase
from game.model.plan import (
    REVIEW_STATUSES,
    WHEN_CHOICES,
    WHO_KINDS,
    Action,
    LookBack,
    Note,
    Parked,
    Statement,
)
from game.model.planbuild import GROUP_WHO
from game.model.rules import handles
from game.model.state import Turn, TurnRecord
from game.model.textrules import clean_text, parse_date, when_to_due


class RecordRules:
    # ----- notes, actions, look back -------------------------------------------------------
    @handles(C.AddNote, Phase.TALK)
    def _add_note(self, cmd: C.AddNote) -> None:
        s, t = self.state, self.state.turn
        text = clean_text(cmd.text, 2000)
        section = cmd.section or self.decks.prompts[t.prompt].section
        st = self._statement() if t.card else None
        if section not in ("do", "dont", "together") and not (st and st.takes_changed(section)):
            raise Refused("refuse_bad_section", section=section)
        author = self._optional_player(cmd.author)
        s.notes.setdefault(t.theme, []).append(
            Note(
                id=self._new_id("n"),
                section=section,
                text=text,
                author=author,
                card_id=t.card,
                statement=st.id if st else None,
            )
        )

    @handles(C.Celebrate, Phase.CELEBRATE)
    def _celebrate(self, cmd: C.Celebrate) -> None:
        s = self.state
        if cmd.theme not in s.themes_in_play:
            raise Refused("refuse_theme_not_in_play", theme=cmd.theme)
        text = clean_text(cmd.text, 2000)
        author = self._optional_player(cmd.author)
        s.turn.theme = s.turn.theme or cmd.theme
        s.notes.setdefault(cmd.theme, []).append(
            Note(id=self._new_id("n"), section="do", text=text, author=author)
        )

    def _who(self, who: str, kind: str) -> str:
        if kind not in WHO_KINDS:
            raise Refused("refuse_bad_who", who=who)
        if kind == "player":
            if not self.state.has_player(who):
                raise Refused("refuse_unknown_player", player=who)
            return self.state.player(who).ref
        if kind in GROUP_WHO:
            return ""  # the words are looked up when shown or exported (planbuild.who_words)
        return clean_text(who, 100)

    def _when(self, when: str, due: str | None) -> str | None:
        if when not in WHEN_CHOICES:
            raise Refused("refuse_bad_when", when=when)
        if when == "date":
            if due is None or parse_date(due) is None:
                raise Refused("refuse_bad_date", date=due or "")
            return due
        return when_to_due(when, self.state.setup["date"], self.state.next_review)

    @handles(C.AgreeAction, Phase.ACTION)
    def _agree_action(self, cmd: C.AgreeAction) -> None:
        s, t = self.state, self.state.turn
        what = clean_text(cmd.what, 300)
        who = self._who(cmd.who, cmd.who_kind)
        due = self._when(cmd.when, cmd.due)
        s.actions.setdefault(t.theme, []).append(
            Action(
                id=self._new_id("a"),
                what=what,
                who=who,
                who_kind=cmd.who_kind,
                when=cmd.when,
                due=due,
                status="agreed",
                theme=t.theme,
                card_id=t.card,
            )
        )
        self.event = "event_action_agreed"

    def _look_back_words(self, cmd: C.MarkAction) -> tuple[str, str | None]:
        """The checked note and who gave it."""
        if cmd.status not in REVIEW_STATUSES and cmd.status != "":
            raise Refused("refuse_bad_status", status=cmd.status)
        return clean_text(cmd.note, 1000, allow_empty=True), self._optional_player(cmd.by)

    @handles(C.MarkAction, Phase.LOOK_BACK)
    def _mark_in_round(self, cmd: C.MarkAction) -> None:
        """The review's look-back round: last plan's actions, one by one, then the first turn."""
        s = self.state
        note, by = self._look_back_words(cmd)
        self._record_look_back(s.look_back_queue[0], cmd, note, by)
        s.look_back_queue.pop(0)
        if not s.look_back_queue:
            self._start_turn(cmd.at)

    @handles(C.MarkAction, Phase.LOOK_BACK_ONE)
    def _mark_on_tile(self, cmd: C.MarkAction) -> None:
        """A look-back tile: the one action it drew, then the turn ends."""
        s = self.state
        note, by = self._look_back_words(cmd)
        target_id = s.turn.look_back_action
        queued = [a for a in s.look_back_queue if a.id == target_id]
        if queued:
            self._record_look_back(queued[0], cmd, note, by)
            s.look_back_queue.remove(queued[0])
        else:
            action = s.find_action(target_id)
            if action is None:  # removed since the tile was landed on; passing ends the turn
                raise Refused("refuse_no_such_action", action=target_id)
            if cmd.status:
                action.status = cmd.status
            if note:
                action.note = note
            s.looked_back.append(target_id)
            s.you_said_we_did.append(
                LookBack(action=Action(**action.__dict__), status=cmd.status, note=note, by=by)
            )
        self._end_turn(cmd.at)

    def _new_due(self, action: Action, cmd: C.MarkAction) -> tuple[str, str | None]:
        """An unfinished earlier action's new "by when" (else the next review), after the review's day."""
        review_day = self.state.setup["date"]
        if cmd.when is None:
            if action.when != "next_review" and action.due and action.due[:10] > review_day:
                return action.when, action.due  # still in the future: it stands as agreed
            return "next_review", self.state.next_review
        due = self._when(cmd.when, cmd.due)
        if due is not None and due[:10] <= review_day:
            raise Refused("refuse_due_not_after_review", date=due, review=review_day)
        return cmd.when, due

    def _record_look_back(self, action: Action, cmd: C.MarkAction, note: str, by: str | None) -> None:
        """Last plan's action, looked back on: into "You said, we did"; unfinished ones carry on with a
        new "by when"."""
        s, status = self.state, cmd.status
        unfinished = status in ("started", "not_yet", "")
        when, due = self._new_due(action, cmd) if unfinished else (action.when, None)  # may refuse: first
        s.you_said_we_did.append(
            LookBack(action=Action(**action.__dict__), status=status, note=note, by=by, new_due=due)
        )
        if unfinished:
            carried = Action(
                **{
                    **action.__dict__,
                    "status": status or action.status,
                    "note": note,
                    "when": when,
                    "due": due,
                }
            )
            theme = (
                action.theme
                if action.theme in s.themes_in_play or self.decks.has_theme(action.theme or "")
                else None
            )
            if theme:
                s.actions.setdefault(theme, []).append(carried)

    @handles(C.Park, Phase.SUMMARY, play=True)
    def _park(self, cmd: C.Park) -> None:
        s = self.state
        text = clean_text(cmd.text, 300)
        theme = cmd.theme or (s.turn.theme if s.turn else None)
        if theme is not None and not self.decks.has_theme(theme):
            raise Refused("refuse_theme_not_in_play", theme=theme)
        by = self._optional_player(cmd.by)
        s.parked.append(Parked(text=text, theme=theme, by=by))
        self.event = "event_parked"

    @handles(C.RaiseParked, Phase.SUMMARY, play=True)
    def _raise_parked(self, cmd: C.RaiseParked) -> None:
        """Last time's next parked topic: talked about now (a note), kept for later, or dropped."""
        s = self.state
        if not s.parked_before:
            raise Refused("refuse_no_such_parked")
        if cmd.choice not in ("talk", "keep", "drop"):
            raise Refused("refuse_setup", detail="choice")
        topic = s.parked_before.pop(0)
        if cmd.choice == "keep":
            s.parked.append(topic)
        elif cmd.choice == "talk":
            theme = topic.theme if topic.theme in s.themes_in_play else s.themes_in_play[0]
            s.notes.setdefault(theme, []).append(
                Note(id=self._new_id("n"), section="together", text=topic.text, author=topic.by)
            )

    @handles(C.StopGame, play=True)
    def _stop_game(self, cmd: C.StopGame) -> None:
        s = self.state
        if s.turn is not None and s.turn.everyone and not s.turn.revealed and s.turn.ratings:
            self._reveal()  # views given so far are shown rather than silently lost
        s.stopped_in = s.phase
        s.phase = Phase.SUMMARY
        s.stop_reason = "stopped"

    def _can_carry_on(self) -> bool:
        """The group stopped mid-turn and that turn is still whole (the summary did not remove its card)."""
        s, t = self.state, self.state.turn
        if s.stop_reason != "stopped" or t is None or s.stopped_in is None:
            return False
        if t.card is None:
            return True
        return any(st.card_id == t.card and not st.carried_over for st in s.statements.get(t.theme, []))

    @handles(C.BackToGame, Phase.SUMMARY)
    def _back_to_game(self, cmd: C.BackToGame) -> None:
        s = self.state
        carry_on = self._can_carry_on()
        s.stop_reason = None
        stopped_in, s.stopped_in = s.stopped_in, None
        if carry_on:
            s.phase = stopped_in  # carry on exactly where the group stopped
        elif s.turn is None and s.look_back_queue and not s.turns:
            s.phase = Phase.LOOK_BACK  # stopped during the look-back round: finish it first
        elif s.turn is not None and s.turn.card is None and s.turn.theme is None:
            s.phase = Phase.ROLL if s.setup["dice"] else Phase.CHOOSE_THEME
        else:
            if s.turn is not None:
                s.turns.append(
                    TurnRecord(s.turn.number, s.turn.player, s.turn.kind, s.turn.theme, s.turn.card, False)
                )
                s.active += 1
                if s.active >= len(s.order):  # counted as in _end_turn, so "N rounds" stays N
                    s.active = 0
                    s.rounds_done += 1
            self._start_turn(cmd.at)

    # ----- corrections (any time, and on the summary) --------------------------------------
    @handles(C.EditNote, Phase.SUMMARY, play=True)
    def _edit_note(self, cmd: C.EditNote) -> None:
        note = self.state.find_note(cmd.note)
        if note is None:
            raise Refused("refuse_no_such_note", note=cmd.note)
        note.text = clean_text(cmd.text, 2000)

    @handles(C.RemoveNote, Phase.SUMMARY, play=True)
    def _remove_note(self, cmd: C.RemoveNote) -> None:
        for notes in self.state.notes.values():
            for n in notes:
                if n.id == cmd.note:
                    notes.remove(n)
                    return
        raise Refused("refuse_no_such_note", note=cmd.note)

    @handles(C.EditAction, Phase.SUMMARY, play=True)
    def _edit_action(self, cmd: C.EditAction) -> None:
        action = self.state.find_action(cmd.action)
        if action is None:
            raise Refused("refuse_no_such_action", action=cmd.action)
        changes = {}
        if cmd.what is not None:
            changes["what"] = clean_text(cmd.what, 300)
        if cmd.who is not None:
            kind = cmd.who_kind or ("typed" if action.who_kind == "player" else action.who_kind)
            changes["who"] = self._who(cmd.who, kind)
            changes["who_kind"] = kind
        if cmd.when is not None:
            changes["when"] = cmd.when
            changes["due"] = self._when(cmd.when, cmd.due)
        elif cmd.due is not None:
            if parse_date(cmd.due) is None:
                raise Refused("refuse_bad_date", date=cmd.due)
            changes["when"], changes["due"] = "date", cmd.due
        if cmd.status is not None:
            if cmd.status not in ("agreed", *REVIEW_STATUSES):
                raise Refused("refuse_bad_status", status=cmd.status)
            changes["status"] = cmd.status
        for k, v in changes.items():
            setattr(action, k, v)

    @handles(C.RemoveAction, Phase.SUMMARY, play=True)
    def _remove_action(self, cmd: C.RemoveAction) -> None:
        s = self.state
        for acts in [*s.actions.values(), s.look_back_queue]:
            for i, a in enumerate(acts):
                if a.id == cmd.action:
                    del acts[i]
                    if s.phase == Phase.LOOK_BACK and not s.look_back_queue:
                        self._start_turn(cmd.at)  # nothing left to look back on
                    return
        raise Refused("refuse_no_such_action", action=cmd.action)

    def _find_statement(self, card_id: str, statement_id: str | None = None) -> Statement:
        """The statement named by its id; in games saved before ids, the card's latest one this session
        (before one carried over from the last plan)."""
        if statement_id is not None:
            st = self.state.find_statement(statement_id)
            if st is None:
                raise Refused("refuse_no_such_statement", card=statement_id)
            return st
        found = [st for sts in self.state.statements.values() for st in sts if st.card_id == card_id]
        if not found:
            raise Refused("refuse_no_such_statement", card=card_id)
        fresh = [st for st in found if not st.carried_over]
        return (fresh or found)[-1]

    @handles(C.SetRating, Phase.SUMMARY)
    def _set_rating(self, cmd: C.SetRating) -> None:
        st = self._find_statement(cmd.card, cmd.statement)
        if not self.state.has_player(cmd.player):
            raise Refused("refuse_unknown_player", player=cmd.player)
        self._check_point(cmd.point)
        new = self._rating(cmd.player, cmd.point)
        ratings = [r for r in st.ratings if r.player_id != cmd.player]
        ratings.append(new)
        order = {p.id: i for i, p in enumerate(self.state.players)}
        st.ratings = sorted(ratings, key=lambda r: order.get(r.player_id, 99))

    @handles(C.RemoveStatement, Phase.SUMMARY)
    def _remove_statement(self, cmd: C.RemoveStatement) -> None:
        s = self.state
        st = self._find_statement(cmd.card, cmd.statement)
        card = st.card_id
        for sts in s.statements.values():
            for i, other in enumerate(sts):
                if other is st:  # by identity: a card talked about twice gives equal statements
                    del sts[i]
                    break
        still = any(o.card_id == card and not o.carried_over for sts in s.statements.values() for o in sts)
        if card in s.discussed and not still:
            s.discussed.remove(card)

    @handles(C.RemoveParked, Phase.SUMMARY)
    def _remove_parked(self, cmd: C.RemoveParked) -> None:
        s = self.state
        if not 0 <= cmd.index < len(s.all_parked):  # numbered as the plan lists them
            raise Refused("refuse_no_such_parked")
        before = len(s.parked_before)
        s.parked_before.pop(cmd.index) if cmd.index < before else s.parked.pop(cmd.index - before)

    @handles(C.SetNextReview, Phase.SUMMARY)
    def _set_next_review(self, cmd: C.SetNextReview) -> None:
        if parse_date(cmd.date) is None:
            raise Refused("refuse_bad_date", date=cmd.date)
        self.state.next_review = cmd.date
        # Actions agreed "by the next review" follow the new date, so the plan never shows two.
        for action in self.state.all_actions():
            if action.when == "next_review":
                action.due = cmd.date

    @handles(C.ConfirmPlan, Phase.SUMMARY)
    def _confirm_plan(self, cmd: C.ConfirmPlan) -> None:
        if self._debrief_first():
            return
        self.state.phase = Phase.FINISHED
        # The plan says "We checked this together on <date>": the day of the tap, or the session's.
        when = dt.date.fromtimestamp(cmd.at) if cmd.at is not None else None
        self.state.checked_on = when.isoformat() if when else self.state.setup.get("date")
        self.event = "event_finished"

    # ----- the workshop timer ---------------------------------------------------------------
    def _timer_turn(self) -> Turn:
        if self.state.turn is None:
            raise Refused("refuse_no_timer_now")
        return self.state.turn

    @handles(C.ExtendTimer, play=True, timer=True)
    def _extend_timer(self, cmd: C.ExtendTimer) -> None:
        self._timer_turn()
        if not 1 <= cmd.seconds <= 3600:
            raise Refused("refuse_bad_timer")
        self.state.turn.timer_extra += cmd.seconds

    @handles(C.PauseTimer, play=True, timer=True)
    def _pause_timer(self, cmd: C.PauseTimer) -> None:
        t = self._timer_turn()
        if t.paused_at is None:
            t.paused_at = cmd.at if cmd.at is not None else t.started_at

    @handles(C.ResumeTimer, play=True, timer=True)
    def _resume_timer(self, cmd: C.ResumeTimer) -> None:
        t = self._timer_turn()
        if t.paused_at is not None:
            if cmd.at is not None:
                t.paused_total += cmd.at - t.paused_at
            t.paused_at = None
