"""The play screen's bars: Stop for now and Settings beside the title, and in a workshop one row under
it for the turn timer and the trainer strip (who this player is playing as, the trainer's notes), at
the right of the kept message row."""

from __future__ import annotations

import pygame

from game.ui import sizes as S
from game.ui.layout import cols
from game.ui.screens.steps import strip_offer, strip_widgets, strip_words
from game.ui.timer_controls import timer_buttons, timer_words
from game.ui.widgets import Button, Label

# The longest time the row must have room to say (99:59): a turn may be given more than the hour it
# can start with, a minute at a time.
LONGEST_TIME = 99 * 60 + 59


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
        # The kept row is narrow: the time stands under "Time left", never split from it.
        return timer_words(self.app.w, left, stacked=True)

    def _row_shows(self) -> tuple[bool, tuple | None]:
        """Whether the kept row holds the timer, and what workshop strip it holds (None: no strip)."""
        return bool(self._timer_text()) and self.shown.timed, strip_offer(self.shown)

    def message_height(self) -> int:
        # With the timer or the workshop strip the row holds buttons too, so it is as tall as a target.
        timer, offer = self._row_shows()
        return S.TARGET if timer or offer is not None else S.MESSAGE

    def message_row(self, rect: pygame.Rect) -> tuple[list, pygame.Rect]:
        """The workshop's controls stand at the right of the kept message row, one row for all: the
        time left (a soft colour and words when it runs over, never a sound), one more minute and pause,
        then who this player is playing as and the trainer's notes. They take no room from the step, so
        the step keeps its room, and a message still has the row's left part. Each place is as wide as
        the longest words it may show in this game, so nothing moves when the time or the player does."""
        timer = self._timer_text()
        self._timer_words = timer
        show_timer, offer = self._row_shows()
        if not show_timer and offer is None:
            return [], rect
        m, w = self.app.ctx.m, self.app.w
        places: list[tuple[list[str], str | None, str]] = []  # each place's words, icon and text size
        if show_timer:
            times = [timer_words(w, -1), timer_words(w, LONGEST_TIME, stacked=True)]
            places += [
                (times, None, "small"),
                ([w("btn_timer_more")], "plus", "small"),
                ([w("btn_timer_pause"), w("btn_timer_resume")], "timer", "small"),
            ]
        if offer is not None:
            personas, notes = strip_words(self)
            places += [(personas + [w("trainer_strip")], "person", "small"), ([notes], "note", "small")]
        rest, *places = cols(rect, [1.0, *self._place_widths(rect.width, places)], m.gap)
        if not self._message_fits(rest):
            # A message too long for its part of the row is read across the whole row until the next tap
            # (the row's buttons step aside for it; nothing moves into their places).
            return [], rect
        out: list = []
        if show_timer:
            paused = self.turn is not None and self.turn.paused_at is not None
            over = (self.game.timer_remaining(self.app.now()) or 0) < 0
            a, b, c = places[:3]
            out += [
                Label(a, timer, "small", bold=True, style="timer" if over else "panel", key="timer"),
                *timer_buttons(w, self.apply, b, c, paused, prefix="", pause_icon="timer"),
            ]
        if offer is not None:
            out += strip_widgets(self.shown, offer, *places[-2:])
        return out, rest

    def _place_widths(self, width: int, places: list) -> list[int]:
        """Each place's width, worked out once for this window, text size and game (the timer ticks a
        rebuild every second, and the widths never change with it). A message keeps a part of the row
        to be read in: with larger text, when the places sized for it would leave less, they are sized
        for the normal text size (their words are no smaller)."""
        m = self.app.ctx.m
        key = (width, m.u, m.text_scale, repr(places))
        if self._row_widths[0] != key:
            room = width - m.px(S.ROW_MESSAGE_LEAST) - len(places) * m.gap
            widths = [self._least_width(*p) for p in places]
            if sum(widths) > room:
                widths = [self._least_width(*p, normal=True) for p in places]
            self._row_widths = (key, widths)
        return self._row_widths[1]

    def _message_fits(self, rest: pygame.Rect) -> bool:
        """The message (and any saving problem) shows whole at a readable size in the row's left part."""
        line = self.message_line()
        if not line:
            return True
        m, fonts = self.app.ctx.m, self.app.ctx.fonts
        box = Label(rest, "", "body", style="problem").text_box(m)
        px = fonts.fit(line, box.width, box.height, m.body, m.min_body)
        return px >= m.min_body and fonts.size(line, px, box.width)[1] <= box.height

    def _least_width(self, texts: list[str], icon: str | None, size: str, normal: bool = False) -> int:
        """The least width (a target's at least, a strip button's at most) at which every one of these
        words shows whole at full size (``normal``: the normal text size) in the row, on two lines if
        need be. Words that do not fit even at the most shrink, no smaller than at the normal size."""
        m = self.app.ctx.m
        px = getattr(m, size)
        if normal:
            px = max(1, round(px / m.text_scale))
        most = m.px(S.STRIP_BUTTON)
        for width in range(m.px(S.TARGET), most, max(1, m.px(S.STRIP_STEP))):
            r = pygame.Rect(0, 0, width, m.px(S.TARGET))
            box = (
                Button(r, "", "", icon=icon).text_box(m) if icon else Label(r, "", style="panel").text_box(m)
            )
            if all(self._whole_lines(t, box.width, box.height, px) for t in texts):
                return width
        return most

    def _whole_lines(self, text: str, box_w: int, box_h: int, px: int) -> bool:
        """The words fit at full size, and the box is not just narrower than a word with its space: there
        the wrapping carries the space to the start of the next line, and the lines do not line up
        ("Pause" over " timer")."""
        fonts = self.app.ctx.fonts
        if fonts.fit(text, box_w, box_h, px, px - 1, True) < px:
            return False
        return not any(
            fonts.measure(word, px, True) <= box_w < fonts.measure(word + " ", px, True)
            for word in text.split()
        )
