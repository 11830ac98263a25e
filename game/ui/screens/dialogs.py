"""Small screens that ask one thing: type some words (park a topic, change a note) or pick one of a few
answers. Cancel always leaves everything as it was."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui import sizes as S
from game.ui.card_widget import PictureWidget
from game.ui.layout import cols, grid, rows
from game.ui.screens.frame import FramedScreen
from game.ui.textbox import TextBox
from game.ui.widgets import Button, Chip, Label


class TextDialog(FramedScreen):
    """``on_save(text)`` returns None when done, or words explaining what to change (the text stays)."""

    name = "text-dialog"

    @classmethod
    def sample(cls, app, variant="", link=None):
        return cls(app, app.w("park_title"), app.w("park_question"), hint=app.w("park_hint"))

    def __init__(
        self,
        app,
        title: str,
        question: str,
        text: str = "",
        on_save: Callable[[str], str | None] | None = None,
        hint: str = "",
        save_words: str | None = None,
        draft_field: str | None = None,
        link=None,
    ):
        super().__init__(app)
        self._title, self.question = title, question
        self.on_save = on_save
        self.save_words = save_words
        self.draft_field, self.link = draft_field, link
        self._saved = False
        self.box = TextBox((0, 0, 10, 10), "text", text, hint=hint, on_submit=self.save)

    def title(self) -> str:
        return self._title

    def speech_text(self) -> str:
        return self.question

    def bottom_buttons(self):
        return [
            ("cancel", self.app.w("btn_cancel"), self.back, "back", "button"),
            self.speak_button(),
            ("save", self.save_words or self.app.w("btn_save"), self.save, "check", "primary"),
        ]

    def body(self, rect):
        m = self.app.ctx.m
        q, box = rows(rect, [m.px(S.BUTTON_ROW), 1.0], m.gap)
        self.box.rect = box
        return [Label(q, self.question, "body", key="question"), self.box]

    def on_text_blur(self, box):
        if self.link and self.draft_field:
            self.link.save_draft(self.draft_field, box.text)

    def exit(self) -> None:
        # Closed any other way than Save (Cancel, Escape, the window closing): keep the words as a draft.
        if self.link and self.draft_field and not self._saved:
            self.link.save_draft(self.draft_field, self.box.text)

    def save(self) -> None:
        problem = self.on_save(self.box.text) if self.on_save else None
        if problem:
            self.message = problem
            self.set_focus(self.box.key)  # straight back to the words, to put them right
        else:
            self._saved = True
            if self.link and self.draft_field:
                self.link.save_draft(self.draft_field, "")
            if self.app.top is self:  # on_save may already have moved on to another screen
                self.app.pop()
        self.needs_build = True


class ChoiceDialog(FramedScreen):
    """Pick one answer; ``on_choose(value)`` returns None when done or words saying why not."""

    name = "choice-dialog"

    @classmethod
    def sample(cls, app, variant="", link=None):
        from game.ui.decks import load_for_game

        d, _ = load_for_game()
        opts = [(sp.id, sp.label, sp.icon) for sp in d.scale]
        return cls(
            app, app.w("change_rating_title"), app.w("change_rating_point", name="Ann"), opts, lambda v: None
        )

    def __init__(
        self,
        app,
        title: str,
        question: str,
        options: list[tuple[str, str, str | None]],
        on_choose: Callable[[str], str | None],
        selected: str | None = None,
    ):
        super().__init__(app)
        self._title, self.question, self.options = title, question, options
        self.on_choose, self.selected = on_choose, selected

    def title(self) -> str:
        return self._title

    def speech_text(self) -> str:
        return self.question + " " + ". ".join(w for _, w, _ in self.options)

    def bottom_buttons(self):
        return [("cancel", self.app.w("btn_cancel"), self.back, "back", "button"), self.speak_button()]

    def body(self, rect):
        m = self.app.ctx.m
        q, area = rows(rect, [m.px(S.BUTTON_ROW), 1.0], m.gap)
        out = [Label(q, self.question, "body", key="question")]
        ncols = 2 if len(self.options) > 4 else 1
        nrows = -(-len(self.options) // ncols)
        row_h = min(m.px(S.ROLL_BUTTON), (area.height - m.gap * (nrows - 1)) // max(1, nrows))
        for (value, words, icon), r in zip(
            self.options, grid(area, len(self.options), ncols, m.gap, row_h), strict=True
        ):
            out.append(
                Chip(
                    r, words, f"choice:{value}", self._pick(value), selected=value == self.selected, icon=icon
                )
            )
        return out

    def _pick(self, value):
        def go():
            problem = self.on_choose(value)
            if problem:
                self.message = problem
            else:
                self.app.pop()

        return go


class InfoDialog(FramedScreen):
    """Words to read, such as a practice persona (with its picture) or the trainer's notes; Back
    returns."""

    name = "info-dialog"
    samples = ("", "persona")

    @classmethod
    def sample(cls, app, variant="", link=None):
        if variant == "persona":
            from game.ui.decks import load_for_game

            decks, _ = load_for_game(language=app.settings.language, mode="workshop")
            who = decks.personas[0]
            return cls(app, app.w("persona_title", name=who.name), who.summary, decks.persona_image(who.id))
        return cls(
            app,
            app.w("trainer_title"),
            "Three cards are dealt. Ask the player to pick the one that matters most.",
        )

    def __init__(self, app, title: str, text: str, picture: str | None = None):
        """``picture``: a picture file shown beside the words (a persona's face), or None."""
        super().__init__(app)
        self._title, self.text, self.picture = title, text, picture

    def title(self) -> str:
        return self._title

    def speech_text(self) -> str:
        return self.text

    def bottom_buttons(self):
        return [("back", self.app.w("btn_back"), self.back, "back", "primary"), self.speak_button()]

    def body(self, rect):
        if not self.picture:
            return [Label(rect, self.text, "heading", style="panel", key="info")]
        # The picture beside the words, as large as a third of the width allows: who this is, at a glance.
        side = min(rect.height, rect.width // 3)
        pic_col, words = cols(rect, [side, 1.0], self.app.ctx.m.gap)
        return [
            PictureWidget(pygame.Rect(pic_col.x, pic_col.y, side, side), self.picture, "picture", "person"),
            Label(words, self.text, "heading", style="panel", key="info"),
        ]


class ConfirmDialog(FramedScreen):
    """ "Are you sure?" before something that cannot be undone, such as deleting a saved game. The "Yes"
    button is placed away from ``avoid`` (the rect of the button that opened it), so a quick double tap
    on that button can never say yes by accident; "No, keep it" is where the finger already is."""

    name = "confirm-dialog"

    @classmethod
    def sample(cls, app, variant="", link=None):
        w = app.w
        return cls(
            app, w("delete_title"), w("delete_question", name="Rose House plan"), w("btn_delete_sure"), None
        )

    def __init__(self, app, title: str, question: str, yes_words: str, on_yes, avoid=None):
        super().__init__(app)
        self._title, self.question, self.yes_words = title, question, yes_words
        self.on_yes, self.avoid = on_yes, pygame.Rect(avoid) if avoid is not None else None

    def title(self) -> str:
        return self._title

    def speech_text(self) -> str:
        return self.question

    def bottom_buttons(self):
        return [("cancel", self.app.w("btn_cancel"), self.back, "back", "button"), self.speak_button()]

    def default_focus(self) -> str | None:
        return "no"  # Enter keeps it; saying yes takes a deliberate move

    def body(self, rect):
        m, w = self.app.ctx.m, self.app.w
        q, row, _ = rows(rect, [m.px(S.BUTTON_ROW), m.px(S.ROLL_BUTTON), 1.0], m.gap)
        left, right = cols(row, [1, 1], m.gap * 4)
        yes_r, no_r = left, right
        if self.avoid is not None and self.avoid.colliderect(yes_r.inflate(m.gap * 2, m.gap * 2)):
            yes_r, no_r = right, left
        if self.avoid is not None and self.avoid.colliderect(yes_r.inflate(m.gap * 2, m.gap * 2)):
            # Both halves meet it: the yes goes below, clear of it.
            yes_r = pygame.Rect(
                yes_r.left, max(yes_r.top, self.avoid.bottom + m.gap * 2), yes_r.width, yes_r.height
            )
            yes_r.bottom = min(yes_r.bottom, rect.bottom)
        return [
            Label(q, self.question, "body", key="question"),
            Button(no_r, w("btn_keep_it"), "no", self.back, icon="back", style="primary"),
            Button(yes_r, self.yes_words, "yes", self._yes, icon="pass"),
        ]

    def _yes(self) -> None:
        self.app.pop()
        self.on_yes()
