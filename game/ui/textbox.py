"""A multi-line text box for notes: typing through TEXTINPUT (so accents and input methods work),
TEXTEDITING shown while composing, cursor and selection by keys or pointer, cut/copy/paste, Ctrl+A,
Home/End, and word wrapping that breaks over-long words rather than spilling out of the box.

The cursor is steady (no blinking), so an idle screen needs no redraws.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import pygame

from game.ui import sizes as S
from game.ui.clusters import boundaries, next_boundary, prev_boundary
from game.ui.text import clean
from game.ui.widgets import Widget

MAX_CHARS = 600


def _clipboard_get() -> str:
    try:
        return pygame.scrap.get_text() or ""
    except (pygame.error, AttributeError):
        return ""


def _clipboard_put(text: str) -> None:
    try:
        pygame.scrap.put_text(text)
    except (pygame.error, AttributeError):
        pass


class TextBox(Widget):
    role = "textbox"
    focusable = True

    def __init__(
        self,
        rect,
        key: str,
        text: str = "",
        hint: str = "",
        on_change: Callable[[str], None] | None = None,
        on_submit: Callable[[], object] | None = None,
        max_chars: int = MAX_CHARS,
        label: str = "",
        single_line: bool = False,
    ):
        # A one-line box (a name, a title, a date, a folder) never takes a new line: Enter goes on.
        self.single_line = single_line
        super().__init__(rect, key, self._one_line(clean(text))[:max_chars])
        self.hint, self.label = hint, label
        self.on_change, self.on_submit = on_change, on_submit
        self.max_chars = max_chars
        self.cursor = len(self.text)
        self.anchor: int | None = None
        self.composing = ""
        self.full = False
        self.scroll = 0
        self._lines: list[tuple[int, int]] = [(0, 0)]
        self._font = None
        self._wrap_w = 10
        self._dragging = False

    # --- editing -----------------------------------------------------------------------------------------
    def selection(self) -> tuple[int, int] | None:
        if self.anchor is None or self.anchor == self.cursor:
            return None
        return (min(self.anchor, self.cursor), max(self.anchor, self.cursor))

    def _one_line(self, s: str) -> str:
        return " ".join(s.splitlines()) if self.single_line else s

    def set_text(self, text: str) -> None:
        self.text = self._one_line(clean(text))[: self.max_chars]
        self.cursor = len(self.text)
        self.anchor = None
        self._changed()

    def insert(self, s: str) -> None:
        s = clean(s).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
        s = self._one_line(s)
        # Invisible control characters would show as boxes and are dropped when saved anyway.
        s = "".join(ch for ch in s if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cs"))
        sel = self.selection()
        if sel:
            self.text = self.text[: sel[0]] + self.text[sel[1] :]
            self.cursor = sel[0]
        self.anchor = None
        room = self.max_chars - len(self.text)
        self.full = len(s) > room
        if len(s) > room:
            # Never keep half an emoji or half an accented letter.
            s = s[: max((b for b in boundaries(s) if b <= room), default=0)]
        self.text = self.text[: self.cursor] + s + self.text[self.cursor :]
        self.cursor += len(s)
        self._changed()

    def _delete(self, forward: bool, word: bool = False) -> None:
        sel = self.selection()
        if sel:
            self.text = self.text[: sel[0]] + self.text[sel[1] :]
            self.cursor = sel[0]
        elif forward and self.cursor < len(self.text):
            end = self._word_right(self.cursor) if word else next_boundary(self.text, self.cursor)
            self.text = self.text[: self.cursor] + self.text[end:]
        elif not forward and self.cursor > 0:
            start = self._word_left(self.cursor) if word else prev_boundary(self.text, self.cursor)
            self.text = self.text[:start] + self.text[self.cursor :]
            self.cursor = start
        self.anchor = None
        self.full = False
        self._changed()

    def _changed(self) -> None:
        if self.on_change:
            self.on_change(self.text)

    def _word_left(self, i: int) -> int:
        while i > 0 and self.text[i - 1].isspace():
            i -= 1
        while i > 0 and not self.text[i - 1].isspace():
            i -= 1
        return i

    def _word_right(self, i: int) -> int:
        n = len(self.text)
        while i < n and not self.text[i].isspace():
            i += 1
        while i < n and self.text[i].isspace():
            i += 1
        return i

    def _move(self, to: int, shift: bool) -> None:
        if shift:
            if self.anchor is None:
                self.anchor = self.cursor
        else:
            self.anchor = None
        self.cursor = max(0, min(len(self.text), to))

    def _line_of(self, i: int) -> int:
        for n, (a, b) in enumerate(self._lines):
            if a <= i <= b and (i < b or n == len(self._lines) - 1 or self._lines[n + 1][0] > i):
                return n
        return len(self._lines) - 1

    def handle(self, app, event) -> bool:
        t = event.type
        if t == pygame.TEXTINPUT:
            self.composing = ""
            self.insert(event.text)
            return True
        if t == pygame.TEXTEDITING:
            self.composing = clean(event.text)
            return True
        if t != pygame.KEYDOWN:
            return False
        self._ensure_lines()
        k, mods = event.key, event.mod
        shift = bool(mods & pygame.KMOD_SHIFT)
        ctrl = bool(mods & (pygame.KMOD_CTRL | pygame.KMOD_META))
        if ctrl and k == pygame.K_a:
            self.anchor, self.cursor = 0, len(self.text)
        elif ctrl and k in (pygame.K_c, pygame.K_x):
            sel = self.selection()
            if sel:
                _clipboard_put(self.text[sel[0] : sel[1]])
                if k == pygame.K_x:
                    self._delete(False)
        elif ctrl and k == pygame.K_v:
            self.insert(_clipboard_get())
        elif k == pygame.K_BACKSPACE:
            self._delete(False, ctrl)
        elif k == pygame.K_DELETE:
            self._delete(True, ctrl)
        elif k == pygame.K_LEFT:
            sel = self.selection()
            if sel and not shift:
                self._move(sel[0], False)
            else:
                self._move(
                    self._word_left(self.cursor) if ctrl else prev_boundary(self.text, self.cursor), shift
                )
        elif k == pygame.K_RIGHT:
            sel = self.selection()
            if sel and not shift:
                self._move(sel[1], False)
            else:
                self._move(
                    self._word_right(self.cursor) if ctrl else next_boundary(self.text, self.cursor), shift
                )
        elif k == pygame.K_HOME:
            self._move(0 if ctrl else self._lines[self._line_of(self.cursor)][0], shift)
        elif k == pygame.K_END:
            self._move(len(self.text) if ctrl else self._lines[self._line_of(self.cursor)][1], shift)
        elif k in (pygame.K_UP, pygame.K_DOWN):
            n = self._line_of(self.cursor)
            target = n - 1 if k == pygame.K_UP else n + 1
            if not 0 <= target < len(self._lines):
                return False  # let the screen move focus out of the box
            x = self._x_of(self.cursor)
            self._move(self._index_at_x(target, x), shift)
        elif k in (pygame.K_RETURN, pygame.K_KP_ENTER):
            if self.single_line:
                if self.on_submit is None:
                    return False  # the screen moves on to the next box or button
                self.on_submit()
            elif shift or self.on_submit is None:
                self.insert("\n")
            else:
                self.on_submit()
        else:
            return False
        return True

    # --- pointer -----------------------------------------------------------------------------------------
    def pointer_down(self, pos, shift=False) -> None:
        i = self._index_at(pos)
        self._move(i, shift)
        self._dragging = True

    def pointer_drag(self, pos) -> None:
        if self._dragging:
            if self.anchor is None:
                self.anchor = self.cursor
            self.cursor = self._index_at(pos)

    def pointer_up(self, pos) -> None:
        self._dragging = False

    # --- layout ------------------------------------------------------------------------------------------
    def _inner(self, m) -> pygame.Rect:
        return self.rect.inflate(-2 * m.px(S.TEXT_BOX_PAD_X), -2 * m.px(S.TEXT_BOX_PAD_Y))

    def _wrap(self, font, width: int) -> list[tuple[int, int]]:
        text = self.text
        lines: list[tuple[int, int]] = []
        start = 0
        for para in text.split("\n"):
            p0 = start
            i = p0
            end = p0 + len(para)
            # Steps are whole characters as seen (an emoji with its joiners), never half of one.
            marks = [start + k for k in boundaries(para)]
            step = dict(zip(marks, marks[1:], strict=False))
            while True:
                if font.size(text[p0:end])[0] <= width:
                    lines.append((p0, end))
                    break
                # Find the last space that fits; else break the word at the last character that fits.
                cut = p0
                last_space = -1
                j = p0
                while j < end:
                    k = step.get(j, j + 1)
                    if font.size(text[p0:k])[0] > width:
                        break
                    if text[j] == " ":
                        last_space = j
                    j = k
                cut = last_space + 1 if last_space >= p0 else max(j, step.get(p0, p0 + 1))
                lines.append((p0, cut))
                p0 = cut
                i = p0
            start = end + 1
            del i
        return lines or [(0, 0)]

    def _ensure_lines(self) -> None:
        """Re-wrap if the text changed since the last drawing, so Home/End/Up/Down use today's lines."""
        if self._font is not None and getattr(self, "_wrapped", None) != (self.text, self._wrap_w):
            self._lines = self._wrap(self._font, self._wrap_w)
            self._wrapped = (self.text, self._wrap_w)
        elif self._font is None:
            self._lines, start = [], 0
            for para in self.text.split("\n"):
                self._lines.append((start, start + len(para)))
                start += len(para) + 1

    def _x_of(self, i: int) -> int:
        n = self._line_of(i)
        a, _ = self._lines[n]
        return self._font.size(self.text[a:i])[0] if self._font else 0

    def _index_at_x(self, line: int, x: int) -> int:
        a, b = self._lines[line]
        best = a
        for j in [a + k for k in boundaries(self.text[a:b])]:
            if self._font.size(self.text[a:j])[0] <= x + 2:
                best = j
            else:
                break
        return best

    def _index_at(self, pos) -> int:
        if not self._font:
            return len(self.text)
        self._ensure_lines()
        lh = self._font.get_linesize()
        inner = self._box
        line = max(0, min(len(self._lines) - 1, (pos[1] - inner.top) // lh + self.scroll))
        return self._index_at_x(line, pos[0] - inner.left)

    def draw(self, surface, ctx, focused=False):
        m, look = ctx.m, ctx.look
        bg, fg = look.pair("card")
        self.colours = (bg, fg)
        pygame.draw.rect(surface, bg, self.rect, border_radius=m.px(S.BOX_RADIUS))
        pygame.draw.rect(
            surface,
            look.focus if focused else look.edge,
            self.rect,
            max(2, m.px(S.TEXT_BOX_FOCUSED_EDGE if focused else S.EDGE)),
            border_radius=m.px(S.BOX_RADIUS),
        )
        inner = self._inner(m)
        px = m.body
        # Measures with the same fallback fonts the words are drawn in, so the cursor sits after an emoji.
        font = ctx.fonts.measurer(px)
        lh = font.get_linesize()
        if inner.height < 2 * lh:
            # A one-line box (a name, a date): the line sits in the middle, not at the top.
            inner = pygame.Rect(inner.left, inner.centery - lh // 2, inner.width, lh)
        self._box = inner
        self._font = font
        self._wrap_w = max(10, inner.width)
        self._ensure_lines()
        visible = max(1, inner.height // lh)
        cur_line = self._line_of(self.cursor)
        if cur_line < self.scroll:
            self.scroll = cur_line
        elif cur_line >= self.scroll + visible:
            self.scroll = cur_line - visible + 1
        self.scroll = max(0, min(self.scroll, max(0, len(self._lines) - visible)))
        widest = 0
        if not self.text and not self.composing and self.hint:
            hs = ctx.fonts.render(
                self.hint, ctx.fonts.fit(self.hint, inner.width, inner.height, px, 8), look.muted, inner.width
            )
            surface.blit(hs, inner.topleft)
            widest = hs.get_width()
        sel = self.selection()
        clip = surface.get_clip()
        surface.set_clip(inner.inflate(m.px(S.TEXT_SPILL), 0))
        for n in range(self.scroll, min(len(self._lines), self.scroll + visible)):
            a, b = self._lines[n]
            y = inner.top + (n - self.scroll) * lh
            if sel and sel[0] < b + 1 and sel[1] > a:
                s0, s1 = max(a, sel[0]), min(b, sel[1])
                x0 = font.size(self.text[a:s0])[0]
                x1 = font.size(self.text[a:s1])[0] + (m.px(S.SELECTED_LINE_END) if sel[1] > b else 0)
                pygame.draw.rect(surface, look.selected, (inner.left + x0, y, max(2, x1 - x0), lh))
            seg = self.text[a:b].rstrip("\n")
            if seg:
                if sel and sel[0] < b and sel[1] > a:
                    # Selected characters are drawn in the selected text colour so they stay readable.
                    x = inner.left
                    for part, on in (
                        (self.text[a : max(a, sel[0])], False),
                        (self.text[max(a, sel[0]) : min(b, sel[1])], True),
                        (self.text[min(b, sel[1]) : b], False),
                    ):
                        if part:
                            s = ctx.fonts.render(part, px, look.selected_text if on else fg)
                            surface.blit(s, (x, y))
                            x += s.get_width()
                else:
                    s = ctx.fonts.render(seg, px, fg)
                    surface.blit(s, (inner.left, y))
                    widest = max(widest, s.get_width())
        if focused:
            cx = inner.left + self._x_of(self.cursor)
            cy = inner.top + (cur_line - self.scroll) * lh
            if self.composing:
                cs = ctx.fonts.render(self.composing, px, fg)
                surface.blit(cs, (cx, cy))
                pygame.draw.line(
                    surface, fg, (cx, cy + lh - 2), (cx + cs.get_width(), cy + lh - 2), m.px(S.UNDERLINE)
                )
                cx += cs.get_width()
            inset = m.px(S.CARET_INSET)
            pygame.draw.line(surface, fg, (cx, cy + inset), (cx, cy + lh - inset), max(2, m.px(S.CARET)))
            self.caret_rect = pygame.Rect(cx, cy, m.px(S.CARET_BOX), lh)
        surface.set_clip(clip)
        self._fit = (
            px,
            (min(widest, inner.width), min(inner.height, lh * min(visible, len(self._lines)))),
            inner,
        )
