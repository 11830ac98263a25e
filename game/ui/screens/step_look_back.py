"""Look back at an action agreed before: how it went (done, started, not yet, not needed, or chose not
to say), a note, and for an earlier plan's action not done, a new "by when" with the same choices as a
new action."""

from __future__ import annotations

from game.model import commands as C
from game.model.phase import Phase
from game.model.plan import REVIEW_STATUSES, STATUS_ICONS
from game.model.planbuild import who_words
from game.ui import sizes as S
from game.ui.days import parse_day, show_day
from game.ui.layout import cols, rows
from game.ui.screens.step_action import WHEN
from game.ui.screens.steps import StepView, step
from game.ui.widgets import Button, Chip, Label, Widget

STATUSES = (*REVIEW_STATUSES, "")  # "": chose not to say
UNFINISHED = ("started", "not_yet", "")  # an earlier action in one of these needs a new "by when"


@step(Phase.LOOK_BACK)
class LookBackView(StepView):
    """The look-back round at the start of a review: each earlier action in turn."""

    title_key = "title_look_back"
    typed_field = "lookback_note"
    trainer_step = "lookback"
    warning = "stop_unsaved"

    def __init__(self, scr):
        super().__init__(scr)
        self.status: str | None = None
        self.when: str | None = None

    def may_ask_when(self) -> bool:
        """An earlier plan's action: if it is not done, it is carried on with a new "by when"."""
        a = self.action()
        return a is not None and any(q.id == a.id for q in self.scr.state.look_back_queue)

    def asks_when(self) -> bool:
        return self.status in UNFINISHED and self.may_ask_when()

    def on_enter(self) -> None:
        offer_parked(self.scr)

    def action(self):
        q = self.scr.state.look_back_queue
        return q[0] if q else None

    def speech(self) -> list[str]:
        a = self.action()
        return [self.scr.app.w("lookback_said", what=a.what)] if a is not None else []

    def do_pass(self) -> None:
        self.scr.apply(C.Pass())

    def build(self, rect) -> list[Widget]:
        scr = self.scr
        m, w = scr.app.ctx.m, scr.app.w
        out: list[Widget] = []
        a = self.action()
        if a is None:
            return out + [Label(rect, w("lookback_none"), "body", key="lookback_none")]
        asks, may = self.asks_when(), self.may_ask_when()
        # The "by when" row's room is kept for every earlier plan's action, whatever is chosen, so the
        # choices and the note box never move when "not yet" shows it.
        when_h = m.px(S.SMALL_LABEL_ROW) + m.px(S.CHIP_ROW) + m.gap if may else 0
        said_r, q, st_r, when_r, l2, note_r, btn = rows(
            rect,
            [
                m.px(S.BUTTON_ROW if may else S.SAID_BEFORE),  # room for the new "by when" and the note
                m.px(S.LABEL_ROW),
                m.px(S.BUTTON_ROW),
                when_h,
                0 if may else m.px(S.SMALL_LABEL_ROW),
                1.0,
                m.px(S.BUTTON_ROW),
            ],
            m.gap,
        )
        due = show_day(a.due) if a.due else w(f"when_{a.when}")
        out.append(
            Label(
                said_r,
                w("lookback_card", what=a.what, who=who_words(a, scr.app.words), due=due),
                "body",
                style="panel",
                key="lookback_card",
            )
        )
        out.append(Label(q, w("lookback_question"), "body", bold=True, key="lookback_question"))
        for st, r in zip(STATUSES, cols(st_r, [1] * len(STATUSES), m.gap), strict=True):
            out.append(
                Chip(
                    r,
                    w(f"status_{st or 'unsaid'}"),
                    f"status:{st or 'unsaid'}",
                    lambda s=st: self._set_status(s),
                    selected=self.status == st,
                    icon=STATUS_ICONS[st],
                )
            )
        if asks:
            out += self._when_row(when_r)
        b = scr.boxes["lookback_note"]
        a2, beside = cols(btn, [0.5, 0.5], m.gap)
        short = note_r.height < m.px(S.TEXT_ROW)
        if short:
            # Short of room (a workshop's strip and timer, a small window): the note box stands beside
            # Save, first in reading order, a full row high, rather than squeezed above it.
            note_r, a2 = a2, beside
        elif not may:  # (asking "by when" is only ever for an earlier plan's action)
            out.append(Label(l2, w("lookback_note"), "small", key="lookback_note_label"))
        # With the "by when" row (or the box beside Save) there is no label: the box asks what happened.
        b.rect, b.on_submit = note_r, None
        b.hint = w("lookback_note" if may or short else "lookback_note_hint")
        out.append(b)
        out.append(
            Button(a2, w("btn_save_lookback"), "save_lookback", self.mark, icon="check", style="primary")
        )
        return out

    def _when_row(self, rect) -> list[Widget]:
        """The new "by when", with the same choices as a new action."""
        scr = self.scr
        m, w = scr.app.ctx.m, scr.app.w
        label_r, chips_r = rows(rect, [m.px(S.SMALL_LABEL_ROW), 1.0], m.gap // 2)
        out: list[Widget] = [Label(label_r, w("lookback_new_when"), "small", bold=True, key="lookback_when")]
        chips = cols(chips_r, [1, 1, 1, 1, 1.2] if self.when == "date" else [1, 1, 1, 1], m.gap // 2)
        for kind, r in zip(WHEN, chips, strict=False):
            out.append(
                Chip(
                    r,
                    w(f"when_{kind}"),
                    f"when:{kind}",
                    lambda k=kind: self._set_when(k),
                    selected=self.when == kind,
                )
            )
        if self.when == "date":
            db = scr.boxes["lookback_date"]
            db.rect, db.hint = chips[-1], w("date_hint")
            out.append(db)
        return out

    def _set_status(self, st) -> None:
        self.status = st
        if st in UNFINISHED and self.when is None:
            self.when = "next_review"  # the usual choice, shown chosen so it can be changed

    def _set_when(self, kind) -> None:
        self.when = kind

    def mark(self) -> None:
        scr = self.scr
        w = scr.app.w
        if self.status is None:
            scr.message = w("lookback_need_status")
            scr.needs_build = True
            return
        when, due = (self.when, None) if self.asks_when() else (None, None)
        if when == "date":
            day = parse_day(scr.boxes["lookback_date"].text)
            if day is None:
                scr.message = w("action_bad_date")
                scr.needs_build = True
                return
            due = day.isoformat()
        note = scr.boxes["lookback_note"].text.strip()
        if scr.apply(C.MarkAction(status=self.status, note=note, when=when, due=due)):
            scr.clear_box("lookback_note")
            scr.clear_box("lookback_date")
            self.status = self.when = None


@step(Phase.LOOK_BACK_ONE)
class LookBackOneView(LookBackView):
    """A "Look back" tile: one action agreed before."""

    title_key = "title_look_back_one"

    def action(self):
        s, t = self.scr.state, self.scr.turn
        aid = t.look_back_action if t is not None else None
        if not aid:
            return None
        return next((a for a in s.look_back_queue if a.id == aid), None) or s.find_action(aid)


def offer_parked(scr) -> None:
    """A topic parked last time, offered once the group is at a step: talk about it now, keep it for
    later, or drop it. Cancel leaves it waiting; it is offered again at the next step."""
    from game.ui.screens.dialogs import ChoiceDialog

    waiting = scr.state.parked_before
    if not waiting or scr.app.top is not scr:
        return
    w = scr.app.w
    options = [
        ("talk", w("parked_talk"), "note"),
        ("keep", w("parked_keep"), "park"),
        ("drop", w("parked_drop"), "pass"),
    ]

    def chose(choice: str) -> str | None:
        scr.needs_build = True
        return None if scr.apply(C.RaiseParked(choice=choice)) else scr.message

    question = w("parked_before_question", text=waiting[0].text)
    scr.app.push(ChoiceDialog(scr.app, w("parked_before_title"), question, options, chose))
