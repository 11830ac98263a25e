"""The play screen's bars: Stop for now and Settings beside the title, and the workshop turn timer at
the right of the kept message row."""

from __future__ import annotations

import pygame

from game.ui import sizes as S
from game.ui.layout import cols
from game.ui.timer_controls import timer_buttons, timer_words
from game.ui.widgets import Button, Label


class PlayBars:
    """Mixed into PlayScreen."""

    def extra_top(self, top: pygame.Rect):
        m, w = self.app.ctx.m, self.app.w
        out = []
        bw = m.px(S.TOP_BUTTON_MIN)
        right = top.right
        items = [
            ("leave", w("btn_leave"), self.leave, "pause"),
            ("settings", w("btn_settings"), self.open_settings, "settings"),
        ]
        for key, words, action, icon in items:
            # Wide enough for the words in any language at full size (icon + padding + words).
            need = (
                m.px(S.ICON + S.ICON_GAP + S.TOP_BUTTON_PAD)
                + self.app.ctx.fonts.size(words, m.small, 0, True)[0]
            )
            bw = max(m.px(S.TOP_BUTTON_MIN), min(m.px(S.TOP_BUTTON_MAX), need))
            out.append(
                Button(
                    pygame.Rect(right - bw, top.top, bw, top.height),
                    words,
                    key,
                    action,
                    icon=icon,
                    size="small",
                )
            )
            right -= bw + m.gap
        return out[::-1]  # in reading order, left to right, for Tab

    def _timer_text(self) -> str:
        if self.turn is None:
            return ""
        left = self.game.timer_remaining(self.app.now())
        if left is None:
            return ""
        return timer_words(self.app.w, left)

    def message_height(self) -> int:
        # With a timer the row holds its buttons too, so it is as tall as a target.
        return S.TARGET if self._timer_text() and self.shown.timed else S.MESSAGE

    def message_row(self, rect: pygame.Rect) -> tuple[list, pygame.Rect]:
        """The workshop turn timer, when one is set, stands at the right of the kept message row: the
        time left (a soft colour and words when it runs over, never a sound), one more minute, and
        pause. It takes no room from the step, so it never squeezes the step's controls."""
        timer = self._timer_text()
        self._timer_words = timer
        if not timer or not self.shown.timed:
            return [], rect
        m, w = self.app.ctx.m, self.app.w
        paused = self.turn is not None and self.turn.paused_at is not None
        over = (self.game.timer_remaining(self.app.now()) or 0) < 0
        rest, a, b, c = cols(
            rect, [1.0, m.px(S.TIMER_WORDS), m.px(S.STRIP_BUTTON), m.px(S.STRIP_BUTTON)], m.gap
        )
        out = [
            Label(a, timer, "body", bold=True, style="timer" if over else "panel", key="timer"),
            *timer_buttons(w, self.apply, b, c, paused, prefix="", pause_icon="timer"),
        ]
        return out, rest
