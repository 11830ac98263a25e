"""The workshop debrief: the deck's questions one at a time, each with a box for anonymous notes.

It comes after the group has checked the plan ("Is this right?") and before the files are saved. The
notes have no author on purpose: people say more when nobody is named. Pass (or Next) moves on; Back
takes the last step away as everywhere else."""

from __future__ import annotations

from game.model import commands as C
from game.model.phase import Phase
from game.ui import sizes as S
from game.ui.layout import cols, rows
from game.ui.screens.steps import StepView, step
from game.ui.widgets import Button, Label, Widget

MAX_SHOWN = 4  # notes already added to this question, newest last


@step(Phase.DEBRIEF)
class DebriefView(StepView):
    title_key = "title_debrief"
    typed_field = "learnt"
    trainer_step = "debrief"
    timed = False

    def question(self) -> str:
        qs = self.scr.decks.debrief
        return qs[min(self.scr.state.debrief_at, len(qs) - 1)]

    def title(self) -> str:
        return self.scr.app.w(self.title_key)

    def speech(self) -> list[str]:
        return [self.question(), *self.said()]

    def said(self) -> list[str]:
        s = self.scr.state
        return [n["text"] for n in s.learnt if n["question"] == s.debrief_at]

    def acting(self) -> str | None:
        return None  # anyone may speak: nobody is asked by name

    def bottom_buttons(self) -> list | None:
        scr, w = self.scr, self.scr.app.w
        return [
            ("back", w("btn_back"), scr.back, "back", "button"),
            scr.speak_button(),
            ("pass", w("btn_pass"), self.do_pass, "pass", "button"),
        ]

    def build(self, rect) -> list[Widget]:
        scr = self.scr
        m, w, s = scr.app.ctx.m, scr.app.w, scr.state
        out: list[Widget] = []
        n, total = s.debrief_at + 1, len(scr.decks.debrief)
        said = self.said()[-MAX_SHOWN:]
        shown = max(1, len(said))
        q, box, lst, btns = rows(
            rect,
            [m.px(S.PROMPT_ROW), 1.0, shown * m.px(S.SMALL_LABEL_ROW) + m.gap, m.px(S.BUTTON_ROW)],
            m.gap,
        )
        out.append(
            Label(
                q,
                w("debrief_question", n=n, of=total, question=self.question()),
                "heading",
                bold=True,
                key="question",
            )
        )
        b = scr.boxes["learnt"]
        b.rect, b.hint, b.on_submit = box, w("debrief_hint"), self.add
        out.append(b)
        if said:
            for i, (text, r) in enumerate(zip(said, rows(lst, [1] * len(said), 0), strict=True)):
                out.append(Label(r, w("debrief_said", text=text), "small", key=f"learnt:{i}"))
        else:
            out.append(Label(lst, w("debrief_none_yet"), "small", key="learnt:none"))
        a, c = cols(btns, [0.5, 0.5], m.gap)
        out.append(Button(a, w("btn_add_learnt"), "add_learnt", self.add, icon="note"))
        last = n >= total
        out.append(
            Button(
                c,
                w("btn_debrief_done" if last else "btn_next_question"),
                "next",
                self.next_question,
                icon="play",
                style="primary",
            )
        )
        return out

    def add(self) -> None:
        scr = self.scr
        box = scr.boxes["learnt"]
        if not box.text.strip():
            scr.message = scr.app.w("note_empty")
            scr.needs_build = True
            return
        if scr.apply(C.AddLearnt(text=box.text)):
            scr.clear_box("learnt")
            scr.message = scr.app.w("note_added")

    def next_question(self) -> None:
        """A note typed but not added is added first, so nothing said is lost."""
        scr = self.scr
        if scr.boxes["learnt"].text.strip():
            self.add()
            if scr.boxes["learnt"].text.strip():
                return  # refused: the message says why and the words stay in the box
        scr.apply(C.Next())
