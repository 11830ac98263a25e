"""Pick a card from the three dealt, then talk it through one question at a time. Talking is typing:
the keyboard starts in the note box, and every note added stays in view in the turn's record."""

from __future__ import annotations

from game.model import commands as C
from game.model.phase import Phase
from game.model.plan import CHANGED
from game.ui import sizes as S
from game.ui.layout import cols, grid, rows
from game.ui.screens import turn_record
from game.ui.screens.steps import StepView, card_widget, step
from game.ui.widgets import Button, Chip, Label, Widget

LEFT = 0.4


@step(Phase.PICK)
class PickView(StepView):
    title_key = "title_pick"
    trainer_step = "pick"
    deals_cards = True

    def speech(self) -> list[str]:
        return [self.scr.decks.card(c).text for c in self.scr.turn.dealt]

    def first_focus(self) -> str | None:
        dealt = self.scr.turn.dealt
        return f"card:{dealt[0]}" if dealt else None

    def in_places(self, dealt: list[str]) -> list[str]:
        """The dealt cards in their places: a card still dealt after "Other cards" keeps its place, so
        it does not move under a finger; the new cards fill the places left."""
        kept = getattr(self, "_places", [])[: len(dealt)]
        places: list[str | None] = [c if c in dealt else None for c in kept]
        places += [None] * (len(dealt) - len(places))
        for c in dealt:
            if c not in places:
                places[places.index(None)] = c
        self._places = places
        return [c for c in places if c is not None]

    def build(self, rect) -> list[Widget]:
        scr = self.scr
        m, w, t = scr.app.ctx.m, scr.app.w, scr.turn
        out: list[Widget] = []
        th = scr.decks.theme(t.theme)
        line = w("pick_help_everyone" if t.everyone else "pick_help", theme=th.title)
        if t.repeats:
            line += " " + w("pick_repeats")
        # The help line and the buttons for other cards share one row above the cards, so the cards
        # get the height (their words stay at card size and their pictures stay large). The row is as
        # tall as the longest line this step can show needs, so nothing moves when new cards come.
        n_buttons = 2 if scr.state.carried or scr.state.review_of else 1  # the same all through a review
        info_w = rect.width - n_buttons * (int(rect.width * 0.27) + m.gap)
        longest = line if t.repeats else f"{line} {w('pick_repeats')}"
        top_h = max(m.px(S.BUTTON_ROW), scr.app.ctx.fonts.size(longest, m.min_body, info_w)[1])
        top, cards_r = rows(rect, [top_h, 1.0], m.gap)
        info, *buttons = cols(top, [1.0] + [int(rect.width * 0.27)] * n_buttons, m.gap)
        out.append(Label(info, line, "body", key="pick_help"))
        for cid, r in zip(self.in_places(t.dealt), cols(cards_r, [1] * len(t.dealt), m.gap * 2), strict=True):
            out.append(card_widget(scr, r, cid, f"card:{cid}", lambda c=cid: scr.apply(C.PickCard(card=c))))
        out.append(
            Button(
                buttons[0],
                w("btn_other_cards"),
                "more_cards",
                lambda: scr.apply(C.MoreCards(include_discussed=not scr.state.carried)),
                icon="cards",
            )
        )
        if scr.state.carried:  # a review: cards talked about before come only when asked for
            out.append(
                Button(
                    buttons[1],
                    w("btn_cards_before"),
                    "cards_before",
                    lambda: scr.apply(C.MoreCards(include_discussed=True)),
                    icon="cards",
                )
            )
        return out


def author_chips(scr, rect, out, selected, setter, prefix="author"):
    m, w = scr.app.ctx.m, scr.app.w
    people = [(None, w("author_none"))] + [(p.id, p.label) for p in scr.state.players]
    ncols = min(len(people), 5)
    nrows = -(-len(people) // ncols)
    row_h = min(m.px(S.CHOICE_ROW), (rect.height - m.gap * (nrows - 1)) // nrows)
    for (pid, label), r in zip(people, grid(rect, len(people), ncols, m.gap // 2, row_h), strict=True):
        out.append(
            Chip(r, label, f"{prefix}:{pid or 'none'}", lambda pid=pid: setter(pid), selected=selected == pid)
        )


@step(Phase.TALK)
class TalkView(StepView):
    title_key = "title_talk"
    typed_field = "note"
    trainer_step = "talk"
    shows_record = True

    def __init__(self, scr):
        super().__init__(scr)
        self.author: str | None = None

    def speech(self) -> list[str]:
        t, d = self.scr.turn, self.scr.decks
        out = [d.card(t.card).text]
        if t.prompt < len(d.prompts):
            out.append(d.prompts[t.prompt].text)
        return out

    def build(self, rect) -> list[Widget]:
        scr = self.scr
        m, w, t, d = scr.app.ctx.m, scr.app.w, scr.turn, scr.decks
        out: list[Widget] = []
        prompt = d.prompts[min(t.prompt, len(d.prompts) - 1)]
        left, right = cols(rect, [LEFT, 1 - LEFT], m.gap * 2)
        out += turn_record.build(scr, left)
        people = len(scr.state.players) + 1
        chip_rows = -(-people // min(people, 5))
        who_h = chip_rows * m.px(S.CHIP_ROW) + (chip_rows - 1) * (m.gap // 2)
        q, box, who_l, who_r, btns = rows(
            right, [m.px(S.PROMPT_ROW), 1.0, m.px(S.SMALL_LABEL_ROW), who_h, m.px(S.BUTTON_ROW)], m.gap
        )
        out.append(
            Label(
                q,
                w("talk_prompt", n=t.prompt + 1, of=len(d.prompts), prompt=prompt.text),
                "heading",
                bold=True,
                key="prompt",
            )
        )
        last, box = turn_record.last_notes(scr, box)
        out += last
        b = scr.boxes["note"]
        changed = turn_record.last_time(scr) is not None  # the group can say what changed since
        b.rect, b.hint, b.on_submit = box, w("note_hint_changed" if changed else "note_hint"), self.add_note
        out.append(b)
        out.append(Label(who_l, w("who_said_it"), "small", key="who_said"))
        author_chips(scr, who_r, out, self.author, self._set_author)
        if changed:  # a card from last time: a note can be kept as what has changed since then
            a, ch, c = cols(btns, [1, 1, 1], m.gap)
            out.append(Button(ch, w("btn_add_changed"), "add_changed", self.add_changed, icon="note"))
        else:
            a, c = cols(btns, [0.5, 0.5], m.gap)
        out.append(Button(a, w("btn_add_note_first"), "add_note", self.add_note, icon="note"))
        last = t.prompt + 1 >= len(d.prompts)
        out.append(
            Button(
                c,
                w("btn_next_action" if last else "btn_next_question"),
                "next",
                self.next_prompt,
                icon="play",
                style="primary",
            )
        )
        return out

    def _set_author(self, pid) -> None:
        self.author = pid

    def next_prompt(self) -> None:
        """Next question. A note typed but not yet added is added first, so nothing said is lost."""
        scr = self.scr
        if scr.boxes["note"].text.strip():
            self.add_note()
            if scr.boxes["note"].text.strip():
                return  # it was refused; the message says why and the words stay in the box
        scr.apply(C.Next())

    def add_note(self, section: str | None = None) -> None:
        scr = self.scr
        box = scr.boxes["note"]
        if not box.text.strip():
            scr.message = scr.app.w("note_empty")
            scr.needs_build = True
            return
        if scr.apply(C.AddNote(text=box.text, author=self.author, section=section)):
            scr.clear_box("note")
            scr.message = scr.app.w("note_added_changed" if section == CHANGED else "note_added")

    def add_changed(self) -> None:
        """The note says what has changed since last time: it is kept beside the card's then -> now."""
        self.add_note(CHANGED)

    def stop(self) -> None:
        """Finish and check: a note typed but not added is added first, as Next question does."""
        if self.scr.boxes["note"].text.strip():
            self.add_note()
            if self.scr.boxes["note"].text.strip():
                return  # refused; the message says why and the words stay in the box
        self.scr.apply(C.StopGame())
