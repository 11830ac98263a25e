"""Cards as the game draws them: the big I-statement card (theme band, picture, statement) and a card's
picture on its own. The picture gives way to the words when a long statement, Welsh or larger text needs
the room, so the statement never drops below card size; it keeps what room is left."""

from __future__ import annotations

import pygame

from game.ui import sizes as S
from game.ui.look import Colour, readable_fill
from game.ui.widgets import Button, Widget


class CardWidget(Button):
    """A big I-statement card: theme band with icon and title, the card's picture (a third of the card or
    more, so it can be recognised across a room by someone who cannot read), then the statement."""

    role = "card"
    # The picture's share of the card's height (above the words) or width (beside them on a wide, low
    # card): the first is the usual, the smaller ones are for when the words need the room.
    ABOVE_SHARES = (0.42, 0.36, 0.3, 0.25, 0.2, 0.16)
    SIDE_SHARES = (0.34, 0.28, 0.22, 0.17)
    PICTURE_MIN = 56  # at 1080p: a smaller picture is not worth the words' room

    def __init__(
        self,
        rect,
        text,
        key,
        action=None,
        theme_title="",
        theme_colour: Colour = (128, 128, 128),
        theme_icon="",
        selected=False,
        hidden=False,
        image: str | None = None,
    ):
        super().__init__(rect, text, key, action)
        self.theme_title, self.theme_colour, self.theme_icon = theme_title, theme_colour, theme_icon
        self.selected, self.hidden, self.image = selected, hidden, image

    anim_dy = 0  # set by the screen while cards are being dealt

    def draw(self, surface, ctx, focused=False):
        if self.anim_dy:
            real = self.rect
            self.rect = real.move(0, int(self.anim_dy))
            try:
                self._draw_card(surface, ctx)
            finally:
                self.rect = real
            return
        self._draw_card(surface, ctx)

    def _draw_card(self, surface, ctx):
        m = ctx.m
        bg, fg = ctx.look.pair("card")
        self.colours = (bg, fg)
        radius = m.px(S.CARD_RADIUS)
        pygame.draw.rect(surface, bg, self.rect, border_radius=radius)
        band_h = min(m.px(S.CARD_BAND), self.rect.height // 4)
        band = pygame.Rect(self.rect.left, self.rect.top, self.rect.width, band_h)
        fill, ink = readable_fill(self.theme_colour)
        if ctx.look.name == "high-contrast":
            fill, ink = ctx.look.pair("selected")
        pygame.draw.rect(surface, fill, band, border_top_left_radius=radius, border_top_right_radius=radius)
        isz = band_h - m.px(16)
        ir = pygame.Rect(band.left + m.px(S.RADIUS), band.top + m.px(8), isz, isz)
        ctx.icons.draw(surface, self.theme_icon, ir, ink)
        tbox = pygame.Rect(
            ir.right + m.px(10), band.top + m.px(4), band.right - ir.right - m.px(24), band_h - m.px(8)
        )
        px = ctx.fonts.fit(self.theme_title, tbox.width, tbox.height, m.small, 8, True)
        ts = ctx.fonts.render(self.theme_title, px, ink, tbox.width, True)
        surface.blit(ts, ts.get_rect(midleft=tbox.midleft))
        self.children = [
            {
                "role": "text",
                "text": self.theme_title,
                "font_px": px,
                "text_size": ts.get_size(),
                "text_box": tbox,
                "bg": fill,
                "fg": ink,
                "rect": tbox,
            }
        ]
        edge = m.px(8) if self.selected else m.px(S.EDGE)
        pygame.draw.rect(surface, ctx.look.edge, self.rect, max(2, edge), border_radius=radius)
        area, body = self.parts(self.rect, m, ctx.fonts, self.text)
        if area.width and area.height:
            self._draw_picture(surface, ctx, area)
        self._text_in(surface, ctx, self.text, body, m.card, fg, bold=False, align="center")

    @classmethod
    def parts(cls, rect: pygame.Rect, m, fonts=None, text: str = "") -> tuple[pygame.Rect, pygame.Rect]:
        """Where the picture and the words go on a card of this size (the band is above both).

        Given the fonts and the statement, the picture gives way to the words: it shrinks until the
        statement fits at card size, and goes only when even a small picture leaves too little room."""
        options = cls._layouts(rect, m)
        if fonts is None or not text:
            return options[0]
        for area, body in options:
            if body.width > 0 and body.height > 0:
                if fonts.fit(text, body.width, body.height, m.min_card, m.min_card - 1) >= m.min_card:
                    return area, body
        return options[-1]

    @classmethod
    def _layouts(cls, rect: pygame.Rect, m) -> list[tuple[pygame.Rect, pygame.Rect]]:
        """The ways to share the card between picture and words, biggest picture first, no picture last."""
        band_h = min(m.px(S.CARD_BAND), rect.height // 4)
        inside = pygame.Rect(rect.left + m.px(16), rect.top + band_h + m.px(10), rect.width - m.px(32), 0)
        inside.height = rect.bottom - m.px(16) - inside.top
        smallest = m.px(cls.PICTURE_MIN)
        out = []
        if inside.width > inside.height * 1.6:
            # A wide, low card (workshop strip, small windows): picture beside the words, so both stay big.
            for share in cls.SIDE_SHARES:
                pw = int(inside.width * share)
                if pw < smallest:
                    break
                area = pygame.Rect(inside.left, inside.top, pw, inside.height)
                gap = m.px(12)
                body = pygame.Rect(
                    area.right + gap, inside.top, inside.right - area.right - gap, inside.height
                )
                out.append((area, body))
        else:
            for share in cls.ABOVE_SHARES:
                ph = int(rect.height * share)
                if ph < smallest:
                    break
                area = pygame.Rect(inside.left, inside.top, inside.width, ph)
                body = pygame.Rect(
                    inside.left + m.px(8),
                    area.bottom + m.px(8),
                    inside.width - m.px(16),
                    inside.bottom - area.bottom - m.px(8),
                )
                out.append((area, body))
        words_only = pygame.Rect(inside.left + m.px(8), inside.top, inside.width - m.px(16), inside.height)
        out.append((pygame.Rect(inside.left, inside.top, 0, 0), words_only))
        return out

    def _draw_picture(self, surface, ctx, area: pygame.Rect) -> None:
        """The picture on a light tile (Mulberry symbols are drawn for a light background, so they stay
        clear in the high-contrast look too). Without a picture file, the theme's icon stands in."""
        m = ctx.m
        pic = ctx.icons.picture(self.image, area.width - m.px(12), area.height - m.px(12))
        if pic is None:
            ctx.icons.draw(surface, self.theme_icon, area.inflate(-m.px(12), -m.px(12)), self.colours[1])
            shown = area
        else:
            shown = pic.get_rect(center=area.center).inflate(m.px(12), m.px(12)).clip(area)
            pygame.draw.rect(surface, (255, 255, 255), shown, border_radius=m.px(12))
            surface.blit(pic, pic.get_rect(center=area.center))
        self.children.append(
            {
                "role": "picture",
                "key": f"{self.key}:picture",
                "image": self.image,
                "rect": shown,
                "area": area,
            }
        )


class PictureWidget(Widget):
    """A card's picture on its own, beside words (the summary's rows): same look as on the card."""

    role = "picture"

    def __init__(self, rect, image: str | None, key: str = "", fallback_icon: str = ""):
        super().__init__(rect, key, "")
        self.image, self.fallback_icon = image, fallback_icon

    def draw(self, surface, ctx, focused=False):
        m = ctx.m
        pic = ctx.icons.picture(self.image, self.rect.width - m.px(8), self.rect.height - m.px(8))
        pygame.draw.rect(surface, (255, 255, 255), self.rect, border_radius=m.px(10))
        if pic is not None:
            surface.blit(pic, pic.get_rect(center=self.rect.center))
        else:
            ctx.icons.draw(surface, self.fallback_icon, self.rect.inflate(-m.px(12), -m.px(12)), (0, 0, 0))
