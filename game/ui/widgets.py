"""The pieces screens are made of: labels, buttons (icon + words), cards and chips.

Every widget knows its rect, role, words and colours, so tests (and the demo's autoplayer) can find
"the Pass button" and tap its centre, and the layout test can check fit, overlap, size and contrast.
Text is always fitted to its box at the final pixel size; it is never scaled as a bitmap.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.ui import sizes as S
from game.ui.look import Colour, readable_fill


@dataclass
class Ctx:
    """What drawing needs, owned by the App: fonts, icons, look, metrics, words."""

    fonts: object
    icons: object
    look: object
    m: object
    words: object


class Widget:
    role = "widget"
    focusable = False
    floor: str | None = None  # a Metrics size the words never shrink below (they are cut with "…")
    most_px: int | None = None  # the largest the words are drawn (a group of choices shares one size)

    def __init__(self, rect: pygame.Rect, key: str = "", text: str = ""):
        self.rect = pygame.Rect(rect)
        self.key = key
        self.text = text
        self.enabled = True
        self.children: list[dict] = []
        self._fit: tuple[int, tuple[int, int], pygame.Rect] | None = None
        self.shown = text  # the words as last drawn, after any cut to fit
        self.colours: tuple[Colour, Colour] | None = None

    def activate(self, app) -> bool:
        return False

    def handle(self, app, event) -> bool:
        return False

    def draw(self, surface: pygame.Surface, ctx: Ctx, focused: bool = False) -> None:
        pass

    def describe(self) -> dict:
        d = {
            "role": self.role,
            "key": self.key,
            "text": self.text,
            "rect": pygame.Rect(self.rect),
            "enabled": self.enabled,
        }
        if self._fit:
            px, size, box = self._fit
            d.update(font_px=px, text_size=size, text_box=pygame.Rect(box), shown=self.shown)
        if self.colours:
            d.update(bg=self.colours[0], fg=self.colours[1])
        d["children"] = list(self.children)
        return d

    def _text_in(
        self,
        surface,
        ctx: Ctx,
        text: str,
        box: pygame.Rect,
        max_px: int,
        colour,
        bold=False,
        align="center",
        min_px=None,
    ):
        if not text or box.width <= 0 or box.height <= 0:
            self._fit = None
            return
        floor = min_px or max(8, int(max_px * 0.5))
        scale = getattr(ctx.m, "text_scale", 1.0)
        if scale > 1:
            # Larger text never ends up smaller than it would be at the normal size: whatever fitted
            # at normal size in this box still fits, so that is the floor.
            normal = max(8, round(max_px / scale))
            floor = max(floor, ctx.fonts.fit(text, box.width, box.height, normal, min(floor, normal), bold))
        px = ctx.fonts.fit(text, box.width, box.height, max_px, floor, bold)
        text = self.shown = ctx.fonts.shorten(text, px, box.width, box.height, bold)
        surf = ctx.fonts.render(text, px, colour, box.width, bold, align)
        r = surf.get_rect()
        r.centery = box.centery
        if align == "center":
            r.centerx = box.centerx
        elif align == "right":
            r.right = box.right
        else:
            r.left = box.left
        surface.blit(surf, r)
        self._fit = (px, surf.get_size(), box)


class Label(Widget):
    role = "text"

    def __init__(self, rect, text, size: str = "body", bold=False, align="left", style="screen", key=""):
        super().__init__(rect, key, text)
        self.size, self.bold, self.align, self.style = size, bold, align, style

    def text_box(self, m) -> pygame.Rect:
        pad = m.px(S.LABEL_PAD) if self.style != "screen" else 0
        return self.rect.inflate(-2 * pad, -2 * pad)

    def draw(self, surface, ctx, focused=False):
        bg, fg = ctx.look.pair(self.style)
        self.colours = (bg, fg)
        if self.style not in ("screen",):
            pygame.draw.rect(surface, bg, self.rect, border_radius=ctx.m.px(S.BOX_RADIUS))
            if bg == ctx.look.background:
                # Same colour as the screen (strong colours): an outline shows where the box is.
                pygame.draw.rect(
                    surface,
                    ctx.look.edge,
                    self.rect,
                    ctx.m.px(S.THIN_EDGE),
                    border_radius=ctx.m.px(S.BOX_RADIUS),
                )
        self._text_in(
            surface,
            ctx,
            self.text,
            self.text_box(ctx.m),
            getattr(ctx.m, self.size),
            fg,
            self.bold,
            self.align,
            min_px=getattr(ctx.m, self.floor) if self.floor else None,
        )


class Button(Widget):
    role = "button"
    focusable = True

    def __init__(
        self,
        rect,
        text,
        key,
        action: Callable[[], object] | None = None,
        icon: str | None = None,
        style: str = "button",
        enabled: bool = True,
        fill: Colour | None = None,
        size: str = "body",
    ):
        super().__init__(rect, key, text)
        self.action, self.icon, self.style, self.fill, self.size = action, icon, style, fill, size
        self.enabled = enabled
        self.focusable = action is not None  # a card shown only to read is not a stop for Tab
        self.pressed = False

    def text_box(self, m) -> pygame.Rect:
        """Where the words go: inside the edge, after the icon when there is one."""
        inner = self.rect.inflate(-2 * m.px(S.PAD_X), -2 * m.px(S.PAD_Y))
        if not self.icon:
            return inner
        isz = min(inner.height, m.px(S.ICON), inner.width // 3)
        left = inner.left + isz + m.px(S.ICON_GAP)
        return pygame.Rect(left, inner.top, inner.right - left, inner.height)

    def activate(self, app) -> bool:
        if not self.enabled or self.action is None:
            return False
        self.action()
        return True

    def draw(self, surface, ctx, focused=False):
        m = ctx.m
        if self.fill is not None:
            bg, fg = readable_fill(self.fill)
            if ctx.look.name == "high-contrast" and self.style != "selected":
                bg, fg = ctx.look.pair("button")
        else:
            bg, fg = ctx.look.pair(self.style)
        if not self.enabled:
            bg, fg = ctx.look.pair("panel")
        self.colours = (bg, fg)
        radius = m.px(S.RADIUS)
        pygame.draw.rect(surface, bg, self.rect, border_radius=radius)
        edge_w = m.px(S.EDGE_SELECTED) if self.style == "selected" else m.px(S.EDGE)
        pygame.draw.rect(
            surface,
            fg if self.style == "selected" or self.fill is not None else ctx.look.edge,
            self.rect,
            max(2, edge_w),
            border_radius=radius,
        )
        if not self.enabled:
            # Dashed look for "not now" so it is not told by colour alone.
            pygame.draw.line(
                surface,
                fg,
                (self.rect.left + radius, self.rect.bottom - m.px(S.DISABLED_LINE_RISE)),
                (self.rect.right - radius, self.rect.bottom - m.px(S.DISABLED_LINE_RISE)),
                m.px(S.UNDERLINE),
            )
        inner = self.text_box(m)
        if self.icon:
            isz = min(inner.height, m.px(S.ICON), self.rect.inflate(-2 * m.px(S.PAD_X), 0).width // 3)
            left = self.rect.left + m.px(S.PAD_X)
            ctx.icons.draw(surface, self.icon, pygame.Rect(left, inner.centery - isz // 2, isz, isz), fg)
        self._text_in(
            surface,
            ctx,
            self.text,
            inner,
            min(getattr(m, self.size), self.most_px or getattr(m, self.size)),
            fg,
            bold=True,
            align="center" if not self.icon else "left",
            min_px=getattr(m, self.floor) if self.floor else None,
        )


SELECTED_MARK = "● "


class Chip(Button):
    """A choice among several (a scale point, a player, a format): selected shows a dot and a thick edge.

    The dot, not a tick: a tick is the deck's mark for "This is real for me", and a name with a tick
    beside it would look like an answer given."""

    role = "choice"

    def __init__(self, rect, text, key, action=None, selected=False, icon=None, fill=None, enabled=True):
        super().__init__(
            rect,
            (SELECTED_MARK if selected else "") + text,
            key,
            action,
            icon,
            "selected" if selected else "button",
            enabled,
            fill,
        )
        self.selected = selected


def one_size(group: list, ctx: Ctx) -> None:
    """A group of choices drawn at one size, the size the longest fits at (with the selected dot, so
    choosing one changes no size): for answers where none may look more important (the rating scale:
    a bigger "This is real for me" would nudge the answer)."""
    m, fonts = ctx.m, ctx.fonts
    sizes = []
    for w in group:
        words = w.text if w.text.startswith(SELECTED_MARK) else SELECTED_MARK + w.text
        box = w.text_box(m)
        sizes.append(fonts.fit(words, box.width, box.height, getattr(m, w.size), m.min_body, True))
    for w in group:
        w.most_px = min(sizes) if sizes else None
