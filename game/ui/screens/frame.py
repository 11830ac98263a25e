"""The frame every screen shares: a heading across the top, a plain-words message strip when there is
something to say (a refusal, a saving problem), and a row of big buttons along the bottom."""

from __future__ import annotations

import pygame

from game.ui import sizes as S
from game.ui.days import review_title
from game.ui.layout import cols, rows
from game.ui.screen import Screen
from game.ui.widgets import Button, Label, Widget


def shorten(text: str, most: int = 120) -> str:
    """Long words (a pasted path, a long error) cut in the middle, so the message still fits on screen."""
    text = " ".join(str(text).split())
    return text if len(text) <= most else text[: most // 2 - 1] + "…" + text[-(most // 2 - 1) :]


class FramedScreen(Screen):
    """A screen with a title bar and a bottom button row; subclasses fill the body."""

    title_key = ""
    # Keep the message row on screen even when there is nothing to say, so a message coming or going
    # never moves a control under a finger.
    keep_message_room = False
    message_room = 96  # its height at 1080p
    # Sample states this screen can be shown in, for screenshots, tests and the benchmark ("" = as opened).
    samples: tuple[str, ...] = ("",)

    @classmethod
    def sample(cls, app, variant: str = "", link=None):
        """This screen in one of its ``samples``, filled with made-up content."""
        return cls(app)

    def title(self) -> str:
        return self.app.w(self.title_key) if self.title_key else ""

    def reviewing(self) -> dict | None:
        """{title, date} of the plan the game under way reviews, or None. A screen opened over a review
        (a dialog, the settings) takes it from the screen beneath, so it says "Review of" too."""
        screens = list(getattr(self.app, "screens", ()))
        below = screens[: screens.index(self)] if self in screens else screens
        for s in reversed(below):
            own = getattr(s, "reviewing", None)
            if callable(own):
                return own()
        return None

    def title_line(self) -> str:
        """The title bar's words: the title, and in a review "Review of <plan title>, <its date>"."""
        return review_title(self.app.w, self.title(), self.reviewing())

    def bottom_buttons(self) -> list[tuple[str, str, object, str | None, str]]:
        """(key, words, action, icon, style) for the bottom row."""
        return [("back", self.app.w("btn_back"), self.back, "back", "button")]

    def problem(self) -> str | None:
        store = self.app.store
        p = getattr(store, "problem", None)
        return self.app.w(p) if p and self.app.words.has(p) else p

    def message_line(self) -> str:
        """What the kept message row says: the message, then any standing saving problem."""
        return "  ".join(t for t in (self.message, self.problem()) if t)

    def body(self, rect: pygame.Rect) -> list[Widget]:
        return []

    def message_height(self) -> int:
        """The kept message row's height at 1080p."""
        return self.message_room

    def message_row(self, rect: pygame.Rect) -> tuple[list[Widget], pygame.Rect]:
        """Controls that stand at the right of the kept message row (the workshop timer), and the room
        left for the message."""
        return [], rect

    def extra_top(self, rect: pygame.Rect) -> list[Widget]:
        """Widgets at the right of the title bar (e.g. the workshop timer)."""
        return []

    def build(self, rect: pygame.Rect) -> list[Widget]:
        m = self.app.ctx.m
        area = rect.inflate(-2 * m.margin, -2 * m.margin)
        if self.keep_message_room:
            return self._build_kept(area)
        strips = [line for line in (self.message, self.problem()) if line]
        # Each message strip is as tall as its words need at full size (up to three lines).
        fonts, pad = self.app.ctx.fonts, m.px(S.PAD_Y)
        line_h = fonts.line_height(m.body)
        strip_h = [
            min(3 * line_h, fonts.size(t, m.body, area.width - 2 * pad)[1]) + 2 * pad + m.px(S.MESSAGE_SPARE)
            for t in strips
        ]
        # The body (cards, choices) must keep room to work: if two strips would squeeze it, show only the
        # first (what just happened); a standing saving problem is back on screen after the next tap.
        fixed = m.px(S.TOP_BAR) + m.px(S.BOTTOM_BAR) + (len(strips) + 2) * m.gap
        if len(strips) > 1 and area.height - fixed - sum(strip_h) < area.height * 0.58:
            strips, strip_h = strips[:1], strip_h[:1]
        heights = [m.px(S.TOP_BAR), *strip_h, 1.0, m.px(S.BOTTOM_BAR)]
        parts = rows(area, heights, m.gap)
        top, bar = parts[0], parts[-1]
        body = parts[-2]
        out = self._top(top)
        for i, line in enumerate(strips):
            out.append(Label(parts[1 + i], line, "body", style="problem", key=f"message{i}"))
        out.extend(self.body(body))
        out.extend(self._bar(bar))
        return out

    def _build_kept(self, area: pygame.Rect) -> list[Widget]:
        m = self.app.ctx.m
        top, strip, body, bar = rows(
            area, [m.px(S.TOP_BAR), m.px(self.message_height()), 1.0, m.px(S.BOTTOM_BAR)], m.gap
        )
        out = self._top(top)
        extras, strip = self.message_row(strip)
        out.extend(extras)
        line = self.message_line()
        if line:
            out.append(Label(strip, line, "body", style="problem", key="message0"))
        out.extend(self.body(body))
        out.extend(self._bar(bar))
        return out

    def _top(self, top: pygame.Rect) -> list[Widget]:
        m = self.app.ctx.m
        extras = self.extra_top(top)
        extra_w = top.right - min(w.rect.left for w in extras) + m.gap if extras else 0
        head = pygame.Rect(top.left, top.top, top.width - extra_w, top.height)
        demo = self.app.autoplayer
        if demo is not None:
            # While the demo plays, the heading says so, and what is happening, for the room.
            title = Label(head, "", "body", bold=True, style="panel", key="demo_caption")
            title.text = self._caption_that_fits(demo.caption(), title.text_box(m))
            title.floor = "min_body"
        else:
            title = Label(head, self.title_line(), "heading", bold=True, key="title")
        return [title, *extras]

    def _caption_that_fits(self, caption: str, box: pygame.Rect) -> str:
        """The demo's caption, with "Review of <plan>, <date>" after it in a review, whole at a readable
        size: when caption and review together are more than the title bar holds (Welsh, larger text),
        the caption keeps its first sentence ("Demo: talking it through."), or else its first part
        ("Demo: agreeing what we will do."), never smaller words."""
        m, fonts, reviewing = self.app.ctx.m, self.app.ctx.fonts, self.reviewing()
        first = caption.split(". ", 1)[0].rstrip(".") + "."
        part = first.split(", ", 1)[0].rstrip(".") + "."
        tries = [review_title(self.app.w, c, reviewing) for c in dict.fromkeys((caption, first, part))]
        for words in tries:
            if fonts.fit(words, box.width, box.height, m.body, m.min_body - 1, True) >= m.min_body:
                return words
        return tries[-1]

    def _bar(self, bar: pygame.Rect) -> list[Widget]:
        m = self.app.ctx.m
        out: list[Widget] = []
        buttons = self.bottom_buttons()
        if buttons:
            for (key, words, action, icon, style), r in zip(
                buttons, cols(bar, [1] * len(buttons), m.gap), strict=True
            ):
                out.append(Button(r, words, key, action, icon=icon, style=style, enabled=action is not None))
        return out

    def handle_one(self, e) -> bool:
        if e.type == pygame.MOUSEWHEEL and e.y:
            # The wheel turns the page on screens that have pages.
            w = self.find("page_next" if e.y < 0 else "page_prev")
            if w is not None and w.enabled:
                return self.activate(w)
            return False
        return super().handle_one(e)

    def say_screen(self) -> None:
        text = self.speech_text() or self.title_line()
        speaker = self.app.speaker
        if speaker.speaking:
            speaker.stop()  # the same button stops the reading
        elif not speaker.available:
            self.message = self.app.w(
                "speech_unavailable", why=self.app.w(speaker.reason or "speech_why_off")
            )
        elif not self.app.settings.read_aloud:
            self.message = self.app.w("speech_off")
        else:
            self.app.say(text)
        self.needs_build = True

    def speak_button(self) -> tuple[str, str, object, str | None, str]:
        state = self.app.speaker.state  # speaking, stopped or unavailable
        words = self.app.w(
            {"speaking": "btn_read_aloud_stop", "unavailable": "btn_read_aloud_none"}.get(
                state, "btn_read_aloud"
            )
        )
        return ("speak", words, self.say_screen, "pause" if state == "speaking" else "speak", "button")
