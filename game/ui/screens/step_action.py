"""Agree an action (what, who, by when) with the card and what was said in view; celebrate something
that already works."""

from __future__ import annotations

from game.model import commands as C
from game.model.phase import Phase
from game.ui import sizes as S
from game.ui.days import parse_day, show_day
from game.ui.layout import cols, grid, rows
from game.ui.look import hex_colour
from game.ui.screens import turn_record
from game.ui.screens.steps import StepView, step
from game.ui.widgets import Button, Chip, Label, Widget

WHEN = ("next_week", "next_month", "next_review", "date")


@step(Phase.ACTION)
class ActionView(StepView):
    title_key = "title_action"
    typed_field = "action_what"
    trainer_step = "action"
    shows_record = True
    warning = "action_unsaved"

    def __init__(self, scr):
        super().__init__(scr)
        self.who_kind: str | None = None
        self.who: str | None = None
        self.when: str | None = None

    def speech(self) -> list[str]:
        return [self.scr.decks.card(self.scr.turn.card).text] if self.scr.turn.card else []

    def put_back(self, field: str, words: str, extra: dict | None = None) -> bool:
        """Back after agreeing: the whole action comes back, what, who and when."""
        if not super().put_back(field, words):
            return False
        if extra:
            self.who_kind, self.who, self.when = extra.get("who_kind"), extra.get("who"), extra.get("when")
            if self.who_kind == "typed":
                self.scr.boxes["action_who"].set_text(extra.get("who_words", ""))
            if self.when == "date" and extra.get("due"):
                self.scr.boxes["action_date"].set_text(show_day(extra["due"]))
        return True

    def build(self, rect) -> list[Widget]:
        scr = self.scr
        m, w, s, t = scr.app.ctx.m, scr.app.w, scr.state, scr.turn
        out: list[Widget] = []
        record, form = cols(rect, [0.36, 0.64], m.gap * 2)
        if t.card:
            out += turn_record.build(scr, record)
        else:
            form = rect
        fields, btns = rows(form, [1.0, m.px(S.BUTTON_ROW)], m.gap)
        left, right = cols(fields, [0.5, 0.5], m.gap * 2)
        l1, what_r, l2, when_r = rows(
            left,
            [m.px(S.LABEL_ROW), 1.0, m.px(S.SMALL_LABEL_ROW), 2 * m.px(S.CHIP_ROW) + m.gap // 2],
            m.gap,
        )
        out.append(Label(l1, w("action_what"), "body", bold=True, key="action_what_label"))
        b = scr.boxes["action_what"]
        card_text = scr.decks.card(t.card).text if t.card else ""
        b.rect, b.hint, b.on_submit = what_r, w("action_what_hint", card=card_text), None
        out.append(b)
        out.append(Label(l2, w("action_when"), "small", bold=True, key="action_when_label"))
        for kind, r in zip(WHEN, grid(when_r, 4, 2, m.gap // 2), strict=True):
            out.append(
                Chip(
                    r,
                    w(f"when_{kind}"),
                    f"when:{kind}",
                    lambda k=kind: self._set_when(k),
                    selected=self.when == kind,
                )
            )
        r1, who_r, typed_row = rows(right, [m.px(S.LABEL_ROW), 1.0, m.px(S.TEXT_ROW)], m.gap)
        # One row under the names holds both boxes that may be needed, each in a place of its own:
        # "Someone else" (left) and "On a date" (right), so neither moves when the other appears.
        typed_r, date_r = cols(typed_row, [1, 1], m.gap)
        if self.when == "date":
            db = scr.boxes["action_date"]
            db.rect, db.hint = date_r, w("date_hint")
            out.append(db)
        out.append(Label(r1, w("action_who"), "body", bold=True, key="action_who_label"))
        options = [("player", p.id, p.label) for p in s.players] + [
            ("staff", "staff", w("who_staff_btn")),
            ("everyone", "everyone", w("who_everyone_btn")),
            ("typed", "typed", w("who_typed_btn")),
        ]
        ncols = 2 if len(options) <= 6 else 3
        nrows = -(-len(options) // ncols)
        row_h = min(m.px(S.CHOICE_ROW), (who_r.height - (m.gap // 2) * (nrows - 1)) // nrows)
        for (kind, val, label), r in zip(
            options, grid(who_r, len(options), ncols, m.gap // 2, row_h), strict=True
        ):
            sel = self.who_kind == kind and (kind != "player" or self.who == val)
            out.append(Chip(r, label, f"who:{val}", lambda k=kind, v=val: self._set_who(k, v), selected=sel))
        if self.who_kind == "typed":
            tb = scr.boxes["action_who"]
            tb.rect, tb.hint = typed_r, w("who_typed_hint")
            out.append(tb)
        agreed = turn_record.turn_actions(scr)
        a, c = cols(btns, [0.5, 0.5], m.gap)
        out.append(Button(a, w("btn_agree"), "agree", self.agree, icon="action", style="primary"))
        out.append(
            Button(
                c,
                w("btn_finish_turn") if agreed else w("btn_no_action"),
                "end_turn",
                lambda: self.finish(C.EndTurn()),
                icon="play",
            )
        )
        return out

    def _set_who(self, kind, val) -> None:
        self.who_kind, self.who = kind, val

    def _set_when(self, kind) -> None:
        self.when = kind

    def agree(self) -> None:
        scr = self.scr
        w = scr.app.w
        what = scr.boxes["action_what"].text.strip()
        problem = None
        if not what:
            problem = w("action_need_what")
        elif self.who_kind is None:
            problem = w("action_need_who")
        elif self.when is None:
            problem = w("action_need_when")
        who = self.who
        if not problem and self.who_kind == "typed":
            who = scr.boxes["action_who"].text.strip()
            if not who:
                problem = w("action_need_typed_who")
        due = None
        if not problem and self.when == "date":
            day = parse_day(scr.boxes["action_date"].text)
            if day is None:
                problem = w("action_bad_date")
            else:
                due = day.isoformat()
        if problem:
            scr.message = problem
            scr.needs_build = True
            return
        if scr.apply(C.AgreeAction(what=what, who=who, who_kind=self.who_kind, when=self.when, due=due)):
            for f in ("action_what", "action_who", "action_date"):
                scr.clear_box(f)
            self.who_kind = self.who = self.when = None


@step(Phase.CELEBRATE)
class CelebrateView(StepView):
    title_key = "title_celebrate"
    typed_field = "celebrate"
    trainer_step = "celebrate"
    warning = "celebrate_unsaved"

    def __init__(self, scr):
        super().__init__(scr)
        self.theme: str | None = None

    def build(self, rect) -> list[Widget]:
        scr = self.scr
        m, w, s = scr.app.ctx.m, scr.app.w, scr.state
        out: list[Widget] = []
        themes = [th for th in scr.decks.themes if th.id in s.themes_in_play]
        theme_rows = -(-len(themes) // 3)
        themes_h = theme_rows * m.px(S.CHIP_ROW) + (theme_rows - 1) * (m.gap // 2)
        q, box, l2, themes_r, btns = rows(
            rect, [m.px(S.HELP_ROW), 1.0, m.px(S.SMALL_LABEL_ROW), themes_h, m.px(S.BUTTON_ROW)], m.gap
        )
        out.append(Label(q, w("celebrate_help"), "body", key="celebrate_help"))
        b = scr.boxes["celebrate"]
        b.rect, b.hint, b.on_submit = box, w("celebrate_hint"), None
        out.append(b)
        out.append(Label(l2, w("celebrate_theme"), "small", bold=True, key="celebrate_theme_label"))
        for th, r in zip(themes, grid(themes_r, len(themes), 3, m.gap // 2), strict=True):
            out.append(
                Chip(
                    r,
                    th.title,
                    f"ctheme:{th.id}",
                    lambda t=th.id: self._set_theme(t),
                    selected=self.theme == th.id,
                    icon=th.icon,
                    fill=hex_colour(th.colour),
                )
            )
        said = scr.turn.theme is not None
        a, c = cols(btns, [0.5, 0.5], m.gap)
        out.append(
            Button(a, w("btn_celebrate"), "add_celebrate", self.celebrate, icon="celebrate", style="primary")
        )
        out.append(
            Button(
                c,
                w("btn_finish_turn") if said else w("btn_skip"),
                "end_turn",
                lambda: self.finish(C.EndTurn()),
                icon="play",
            )
        )
        return out

    def put_back(self, field: str, words: str, extra: dict | None = None) -> bool:
        # A celebration is kept as a note: its words go back in this step's own box.
        return super().put_back("celebrate" if field == "note" else field, words, extra)

    def _set_theme(self, theme) -> None:
        self.theme = theme

    def celebrate(self) -> None:
        scr = self.scr
        text = scr.boxes["celebrate"].text.strip()
        if not text:
            scr.message = scr.app.w("note_empty")
        elif self.theme is None:
            scr.message = scr.app.w("celebrate_need_theme")
        elif scr.apply(C.Celebrate(text=text, theme=self.theme)):
            scr.clear_box("celebrate")
            scr.message = scr.app.w("celebrate_added")
        scr.needs_build = True
