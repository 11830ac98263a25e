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
    on_its_own = False  # a card alone (the turn's record): its picture may go above or beside the words

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
        band_h = self.band_height(self.rect, m, ctx.fonts, self.theme_title)
        band = pygame.Rect(self.rect.left, self.rect.top, self.rect.width, band_h)
        fill, ink = readable_fill(self.theme_colour)
        if ctx.look.name == "high-contrast":
            fill, ink = ctx.look.pair("selected")
        pygame.draw.rect(surface, fill, band, border_top_left_radius=radius, border_top_right_radius=radius)
        ir, tbox = self._band_parts(band, m)
        ctx.icons.draw(surface, self.theme_icon, ir, ink)
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
        edge = m.px(S.CARD_EDGE_SELECTED) if self.selected else m.px(S.EDGE)
        pygame.draw.rect(surface, ctx.look.edge, self.rect, max(2, edge), border_radius=radius)
        aspect = 0.0
        if self.on_its_own:
            sample = ctx.icons.picture(self.image, 100, 100)  # only its shape is wanted here
            aspect = sample.get_width() / max(1, sample.get_height()) if sample is not None else 1.0
        area, body = self.parts(self.rect, m, ctx.fonts, self.text, aspect, band_h)
        if area.width and area.height:
            self._draw_picture(surface, ctx, area)
        self._text_in(surface, ctx, self.text, body, m.card, fg, bold=False, align="center")

    @staticmethod
    def _band_parts(band: pygame.Rect, m) -> tuple[pygame.Rect, pygame.Rect]:
        """The theme's icon at the left of the band, and the box its title goes in."""
        isz = band.height - m.px(2 * S.CARD_BAND_ICON_INSET)
        ir = pygame.Rect(
            band.left + m.px(S.CARD_BAND_SIDE), band.top + m.px(S.CARD_BAND_ICON_INSET), isz, isz
        )
        tbox = pygame.Rect(
            ir.right + m.px(S.CARD_BAND_TITLE_GAP),
            band.top + m.px(S.CARD_BAND_TITLE_INSET),
            band.right - ir.right - m.px(S.CARD_BAND_TITLE_GAP + S.CARD_BAND_SIDE),
            band.height - m.px(2 * S.CARD_BAND_TITLE_INSET),
        )
        return ir, tbox

    @classmethod
    def band_height(cls, rect: pygame.Rect, m, fonts=None, title: str = "") -> int:
        """The band across the top: CARD_BAND, or a quarter of a low card; given the fonts and the
        theme's title, taller (up to CARD_BAND) when the title needs it to stay at a readable size (a
        long Welsh theme with "Last time" after it takes two lines)."""
        most = m.px(S.CARD_BAND)
        h = min(most, rect.height // 4)
        while fonts is not None and title and h < most:
            _, box = cls._band_parts(pygame.Rect(rect.left, rect.top, rect.width, h), m)
            if fonts.fit(title, box.width, box.height, m.min_body, m.min_body - 1, True) >= m.min_body:
                break
            h += 1
        return h

    @classmethod
    def parts(
        cls, rect: pygame.Rect, m, fonts=None, text: str = "", aspect: float = 0.0, band: int | None = None
    ) -> tuple[pygame.Rect, pygame.Rect]:
        """Where the picture and the words go on a card of this size (the band is above both).

        Given the fonts and the statement, the picture gives way to the words: when they would not fit
        at card size, the picture shrinks, and goes only when no picture leaves them room. Given the
        picture's shape (``aspect``, width / height), it may also move (above the words or beside them),
        whichever leaves it larger: for a card on its own (a row of cards keeps one arrangement)."""
        # ``band``: the band's height as the card drawing it worked out for its title (else the usual).
        band = cls.band_height(rect, m) if band is None else band
        natural, other = cls._layouts(rect, m, band)
        if fonts is None or not text:
            return natural[0] if natural else cls._words_only(rect, m, band)

        def fits(body: pygame.Rect) -> bool:
            return (
                body.width > 0
                and body.height > 0
                and fonts.fit(text, body.width, body.height, m.min_card, m.min_card - 1) >= m.min_card
            )

        if natural and fits(natural[0][1]):
            return natural[0]

        def drawn(area: pygame.Rect) -> float:  # how much of the card the picture itself covers
            w = min(area.width, area.height * aspect)  # the picture keeps its shape
            return w * w / aspect

        room = [(area, body) for area, body in natural + (other if aspect else []) if fits(body)]
        if room and not aspect:
            return room[0]
        if room:
            return max(room, key=lambda p: drawn(p[0]))
        return cls._words_only(rect, m, band)

    @classmethod
    def _inside(cls, rect: pygame.Rect, m, band_h: int) -> pygame.Rect:
        inside = pygame.Rect(
            rect.left + m.px(S.CARD_PAD),
            rect.top + band_h + m.px(S.CARD_BELOW_BAND),
            rect.width - m.px(2 * S.CARD_PAD),
            0,
        )
        inside.height = rect.bottom - m.px(S.CARD_PAD) - inside.top
        return inside

    @classmethod
    def _words_only(cls, rect: pygame.Rect, m, band_h: int) -> tuple[pygame.Rect, pygame.Rect]:
        inside = cls._inside(rect, m, band_h)
        words = pygame.Rect(
            inside.left + m.px(S.CARD_WORDS_INSET),
            inside.top,
            inside.width - m.px(2 * S.CARD_WORDS_INSET),
            inside.height,
        )
        return pygame.Rect(inside.left, inside.top, 0, 0), words

    @classmethod
    def _layouts(cls, rect: pygame.Rect, m, band_h: int) -> tuple[list, list]:
        """The ways to share the card between picture and words, biggest picture first: the card's own
        way (beside the words on a wide, low card, above them otherwise), then the other way."""
        inside = cls._inside(rect, m, band_h)
        smallest = m.px(S.CARD_PICTURE_MIN)
        beside, above = [], []
        for share in cls.SIDE_SHARES:
            pw = int(inside.width * share)
            if pw >= smallest:
                area = pygame.Rect(inside.left, inside.top, pw, inside.height)
                gap = m.px(S.CARD_PICTURE_GAP)
                body = pygame.Rect(
                    area.right + gap, inside.top, inside.right - area.right - gap, inside.height
                )
                beside.append((area, body))
        for share in cls.ABOVE_SHARES:
            ph = int(rect.height * share)
            if ph >= smallest:
                area = pygame.Rect(inside.left, inside.top, inside.width, ph)
                body = pygame.Rect(
                    inside.left + m.px(S.CARD_WORDS_INSET),
                    area.bottom + m.px(S.CARD_PICTURE_GAP_BELOW),
                    inside.width - m.px(2 * S.CARD_WORDS_INSET),
                    inside.bottom - area.bottom - m.px(S.CARD_PICTURE_GAP_BELOW),
                )
                above.append((area, body))
        if inside.width > inside.height * 1.6:
            # A wide, low card (workshop strip, small windows): picture beside the words, so both stay big.
            return beside, above
        return above, beside

    def _draw_picture(self, surface, ctx, area: pygame.Rect) -> None:
        """The picture on a light tile (Mulberry symbols are drawn for a light background, so they stay
        clear in the high-contrast look too). Without a picture file, the theme's icon stands in."""
        m = ctx.m
        pic = ctx.icons.picture(
            self.image, area.width - m.px(S.PICTURE_PAD), area.height - m.px(S.PICTURE_PAD)
        )
        if pic is None:
            ctx.icons.draw(
                surface,
                self.theme_icon,
                area.inflate(-m.px(S.PICTURE_ICON_INSET), -m.px(S.PICTURE_ICON_INSET)),
                self.colours[1],
            )
            shown = area
        else:
            shown = (
                pic.get_rect(center=area.center).inflate(m.px(S.PICTURE_PAD), m.px(S.PICTURE_PAD)).clip(area)
            )
            pygame.draw.rect(surface, (255, 255, 255), shown, border_radius=m.px(S.BOX_RADIUS))
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
        pic = ctx.icons.picture(
            self.image, self.rect.width - m.px(S.ROW_PICTURE_PAD), self.rect.height - m.px(S.ROW_PICTURE_PAD)
        )
        pygame.draw.rect(surface, (255, 255, 255), self.rect, border_radius=m.px(S.ROW_PICTURE_RADIUS))
        if pic is not None:
            surface.blit(pic, pic.get_rect(center=self.rect.center))
        else:
            ctx.icons.draw(
                surface,
                self.fallback_icon,
                self.rect.inflate(-m.px(S.PICTURE_ICON_INSET), -m.px(S.PICTURE_ICON_INSET)),
                (0, 0, 0),
            )
