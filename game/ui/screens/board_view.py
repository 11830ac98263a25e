"""The board: a ring of tiles (each coloured AND marked with an icon and a word), the players' tokens
(each a different shape and colour), and the plan wheel in the middle, whose six segments fill as
themes get a statement talked about (half) and an action agreed (full)."""

from __future__ import annotations

import math

import pygame

from game.model.tiles import TileKind
from game.ui import sizes as S
from game.ui.layout import grid, rows
from game.ui.look import hex_colour, readable_fill, text_on
from game.ui.shapes import draw_token, draw_wheel
from game.ui.widgets import Widget


def ring_shapes(n: int, aspect: float) -> list[tuple[int, int]]:
    """Columns and rows of rectangular rings with at least n cells, best first: shaped like the space
    they sit in, with room in the middle for the plan wheel."""
    scored = []
    for c in range(2, n + 1):
        for r in range(2, n + 1):
            waste = 2 * c + 2 * r - 4 - n
            if waste < 0 or waste > 4:
                continue
            # A ring only 2 (or, for a big board, 3) tiles high leaves no room for the wheel.
            thin = 5.0 if min(c, r) < 3 else (3.0 if n >= 12 and min(c, r) < 4 else 0.0)
            scored.append((abs(math.log((c / r) / aspect)) + waste * 2.0 + thin, c, r))
    return [(c, r) for _, c, r in sorted(scored)] or [(n, 2)]


def _bands(total: float, k: int, gap: int, edge_share: float) -> list[tuple[float, float]]:
    """Start and size of k bands across ``total``: the two outer bands (the ring) are kept thin
    enough that the middle has room for the plan wheel."""
    equal = (total - gap * (k - 1)) / k
    if k <= 2:
        return [(i * (equal + gap), equal) for i in range(k)]
    edge = min(equal, total * edge_share)
    inner = (total - 2 * edge - gap * (k - 1)) / (k - 2)
    sizes = [edge] + [inner] * (k - 2) + [edge]
    out, pos = [], 0.0
    for size in sizes:
        out.append((pos, size))
        pos += size + gap
    return out


def ring_cells(rect: pygame.Rect, n: int, gap: int, fits=None) -> list[pygame.Rect]:
    """n cells clockwise from the top-left corner. With ``fits(i, cell)``, the best-shaped ring in which
    every tile's words fit (if there is one)."""
    shapes = ring_shapes(n, rect.width / max(1, rect.height))
    if n >= 8:  # a ring with no middle hides the plan wheel: better a tile's words made smaller
        shapes = [(c, r) for c, r in shapes if min(c, r) >= 3] or shapes
    for c, r in shapes if fits else shapes[:1]:
        cells = _cells(rect, n, gap, c, r)
        if fits is None or all(fits(i, cell) for i, cell in enumerate(cells)):
            return cells
    return _cells(rect, n, gap, *shapes[0])


def _cells(rect: pygame.Rect, n: int, gap: int, c: int, r: int) -> list[pygame.Rect]:
    xs = _bands(rect.width, c, gap, 0.2)
    ys = _bands(rect.height, r, gap, 0.26)
    order = (
        [(i, 0) for i in range(c)]
        + [(c - 1, j) for j in range(1, r)]
        + [(i, r - 1) for i in range(c - 2, -1, -1)]
        + [(0, j) for j in range(r - 2, 0, -1)]
    )
    cells = []
    for i, j in order[:n]:
        (x, w), (y, h) = xs[i], ys[j]
        cells.append(pygame.Rect(round(rect.left + x), round(rect.top + y), round(w), round(h)))
    return cells


def token_spots(strip: pygame.Rect, n: int) -> tuple[list[tuple[float, float]], float]:
    """Centres and radius for n tokens standing side by side in a tile's strip: one row, or two when
    that lets them be bigger."""
    best = None
    for nrows in (1, 2):
        per = -(-n // nrows)
        r = min(strip.height / (2 * nrows), strip.width / (2 * per)) * 0.9
        if best is None or r > best[0] + 0.5:
            best = (r, nrows, per)
    r, nrows, per = best
    spots = []
    for k in range(n):
        row, col = divmod(k, per)
        in_row = min(per, n - row * per)
        x = strip.centerx + (col - (in_row - 1) / 2) * (strip.width / per)
        y = strip.top + (row + 0.5) * strip.height / nrows
        spots.append((x, y))
    return spots, r


def words_room(cell: pygame.Rect, m) -> tuple[int, int]:
    """The most room a tile's words can have (width, height): all above the strip at its least."""
    sides, pad = m.px(2 * S.TILE_WORDS_INSET), m.px(S.TILE_PAD)
    return cell.width - sides, cell.height - 2 * pad - round(cell.height * 0.24)


def tile_parts(cell: pygame.Rect, m, words_h: int = 0) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
    """A tile's icon, words and token strip. The words fill the top; the strip along the bottom holds
    the theme's icon at its left and the tokens standing on the tile, so tokens never cover the words.
    When the words need ``words_h`` to be read at the smallest size allowed, the strip gives up room
    for them (down to about a quarter of the tile)."""
    pad = m.px(S.TILE_PAD)
    strip_h = round(cell.height * 0.32)
    short = words_h - (cell.height - 2 * pad - strip_h)
    if short > 0:
        strip_h -= min(short, strip_h - round(cell.height * 0.24))
    strip = pygame.Rect(cell.left + pad, cell.bottom - strip_h - pad, cell.width - 2 * pad, strip_h)
    isz = max(8, min(strip_h, m.px(S.TILE_ICON)))
    icon = pygame.Rect(strip.left, strip.centery - isz // 2, isz, isz)
    gap = m.px(S.TILE_ICON_GAP)
    stand = pygame.Rect(icon.right + gap, strip.top, strip.right - icon.right - gap, strip_h)
    words = pygame.Rect(cell.left + m.px(S.TILE_WORDS_INSET), cell.top + pad, words_room(cell, m)[0], 0)
    words.height = max(1, strip.top - words.top)
    return icon, words, stand


class BoardWidget(Widget):
    role = "board"

    def __init__(self, rect, screen):
        super().__init__(rect, "board", "")
        self.screen = screen

    def tile_words(self, tile) -> tuple[str, str, tuple]:
        app, decks = self.screen.app, self.screen.decks
        if tile.kind == TileKind.THEME:
            th = decks.theme(tile.theme)
            return th.easy_read or th.title, th.icon, hex_colour(th.colour)
        # A special tile's icon is named after its kind (assets/icons/<kind>.svg).
        return app.w(f"tile_{tile.kind}"), str(tile.kind), (235, 235, 235)

    def landed_tile(self) -> int | None:
        """The tile this turn's token landed on, once it has got there (not while it walks)."""
        scr, s = self.screen, self.screen.state
        t = s.turn
        if t is None or t.tile is None or not s.board:
            return None
        if scr.token_pos(t.player) != float(s.positions.get(t.player, 0)):
            return None
        return t.tile % len(s.board)

    def draw(self, surface, ctx, focused=False):
        m, look = ctx.m, ctx.look
        s = self.screen.state
        pygame.draw.rect(surface, look.board, self.rect, border_radius=m.px(S.BOARD_RADIUS))
        self.children = []
        tiles = [self.tile_words(t) for t in s.board]
        # Tiles are made wide enough for their longest word, and tall enough for their words, at the
        # smallest size text may be (fonts.min_body): never squeezed below it.
        fonts, least = ctx.fonts, m.min_body
        longest = [max((fonts.measure(wd, least, True) for wd in t[0].split()), default=0) for t in tiles]

        def fits(i, cell):
            room_w, room_h = words_room(cell, m)
            return longest[i] <= room_w and fonts.size(tiles[i][0], least, room_w, True)[1] <= room_h

        area = self.rect.inflate(-m.px(S.BOARD_PAD), -m.px(S.BOARD_PAD))
        cells = ring_cells(area, len(s.board), m.px(S.TILE_GAP), fits) if s.board else []
        self.cells = cells
        self.parts = [
            tile_parts(cell, m, fonts.size(t[0], least, words_room(cell, m)[0], True)[1])
            for t, cell in zip(tiles, cells, strict=True)
        ]
        landed = self.landed_tile()
        corner = m.px(S.BOX_RADIUS)
        for i, (tile, cell) in enumerate(zip(s.board, cells, strict=True)):
            words, icon, colour = tiles[i]
            fill, ink = readable_fill(colour)
            if look.name == "high-contrast":
                fill, ink = (0, 0, 0), (255, 255, 255)
            pygame.draw.rect(surface, fill, cell, border_radius=corner)
            if look.name == "high-contrast" and tile.kind == TileKind.THEME:
                # Strong colours keep text white on black; the theme colour stays as a thick frame.
                pygame.draw.rect(surface, colour, cell, max(3, m.px(S.THEME_FRAME)), border_radius=corner)
            else:
                pygame.draw.rect(surface, look.edge, cell, max(2, m.px(S.EDGE)), border_radius=corner)
            ir, tb, _ = self.parts[i]
            ctx.icons.draw(surface, icon, ir, ink)
            px = ctx.fonts.fit(words, tb.width, tb.height, m.small, least, True)
            shown = ctx.fonts.shorten(words, px, tb.width, tb.height, True)
            ts = ctx.fonts.render(shown, px, ink, tb.width, True, "center")
            surface.blit(ts, ts.get_rect(center=tb.center))
            if i == landed:
                # Two tones (the focus colour inside a band of the board colour) show on any tile colour.
                band = cell.inflate(m.px(S.LANDED_BAND_OUT), m.px(S.LANDED_BAND_OUT))
                pygame.draw.rect(surface, look.board, band, max(2, m.px(S.LANDED_BAND)),
                                 border_radius=m.px(S.LANDED_BAND_RADIUS))  # fmt: skip
                pygame.draw.rect(surface, look.focus, cell, max(4, m.px(S.LANDED_RING)), border_radius=corner)
            self.children.append(
                {
                    "role": "tile",
                    "key": f"tile:{i}",
                    "text": words,
                    "shown": shown,
                    "rect": pygame.Rect(cell),
                    "font_px": px,
                    "text_size": ts.get_size(),
                    "text_box": tb,
                    "bg": fill,
                    "fg": ink,
                    "enabled": i == landed,  # the landed tile is the one lit up
                }
            )
        self._draw_wheel(surface, ctx, cells)
        self._draw_tokens(surface, ctx, cells)

    def _centre(self, m, cells) -> pygame.Rect:
        """The space inside the ring (or the whole board when there is no ring)."""
        if not cells:
            return self.rect.inflate(-m.px(S.BOARD_CENTRE_PAD), -m.px(S.BOARD_CENTRE_PAD))
        gap = m.gap
        left = max(c.right for c in cells if c.left == cells[0].left) + gap
        top = max(c.bottom for c in cells if c.top == cells[0].top) + gap
        right = min(c.left for c in cells if c.right == max(x.right for x in cells)) - gap
        bottom = min(c.top for c in cells if c.bottom == max(x.bottom for x in cells)) - gap
        return pygame.Rect(left, top, max(1, right - left), max(1, bottom - top))

    def _draw_wheel(self, surface, ctx, cells):
        m, look = ctx.m, ctx.look
        centre = self._centre(m, cells)
        bg, fg = look.pair("board")
        decks, s = self.screen.decks, self.screen.state
        themes = [t for t in decks.themes if t.id in s.themes_in_play]
        segs, icons = [], []
        # One segment per theme in this game, so the wheel and "2 of 3 themes" agree.
        for th in themes:
            full = 1.0 if s.theme_complete(th.id) else (0.5 if s.theme_covered(th.id) else 0.0)
            segs.append((readable_fill(hex_colour(th.colour))[0], full))
            icons.append(th.icon)
        # A heading above, and each segment's theme named beside it: the wheel fills what is left.
        head = pygame.Rect(centre.left, centre.top, centre.width, min(m.px(S.WHEEL_HEAD), centre.height // 5))
        area = pygame.Rect(centre.left, head.bottom, centre.width, centre.bottom - head.bottom)
        # Each side is at least as wide as the longest word in a theme's name, so names are never squeezed.
        names = [th.easy_read or th.title for th in themes]
        widest = max((ctx.fonts.measure(word, m.small, True) for n in names for word in n.split()), default=0)
        lo, hi = m.px(S.WHEEL_NAMES_MIN), m.px(S.WHEEL_NAMES_MAX)
        side = max(widest + m.px(S.WHEEL_NAME_PAD), lo, min(hi, area.width // 4))
        # ... and wide enough that each name fits its slot (a third of the height, for six themes) at the
        # smallest size allowed; the wheel gives way.
        slot_h = (area.height - m.px(S.WHEEL_NAMES_SPARE)) // max(1, -(-len(names) // 2))
        while side < area.width // 2 - m.px(S.WHEEL_LEAST) and any(
            ctx.fonts.size(n, m.min_body, side - m.px(S.WHEEL_NAME_GAP), True)[1] > slot_h for n in names
        ):
            side += m.px(S.WHEEL_NAMES_STEP)
        beside = min(area.height // 2, (area.width - 2 * side) // 2) - m.px(S.WHEEL_CLEARANCE)
        # Where the space is narrow (no ring: dice off), the names go in two columns under the wheel.
        per_col = -(-len(themes) // 2)
        legend_h = per_col * (2 * ctx.fonts.line_height(m.small, True) + m.px(S.LEGEND_SPARE))
        under = min(area.width // 2, (area.height - legend_h - m.gap) // 2) - m.px(S.WHEEL_CLEARANCE)
        radius = max(10, max(beside, under))
        if under > beside:
            cx, cy = area.centerx, area.top + radius + m.px(S.WHEEL_CLEARANCE)
            legend = pygame.Rect(area.left, cy + radius + m.gap, area.width, 0)
            legend.height = max(1, area.bottom - legend.top)
        else:
            cx, cy = area.center
            legend = None
        self._label(surface, ctx, "wheel_title", self.screen.app.w("wheel_title"), head, bg, fg, "center")
        shown = self.screen.wheel_shown(len(segs))
        draw_wheel(surface, (cx, cy), radius, segs, look.wheel_empty, look.edge, shown)
        n = max(1, len(segs))
        isz = max(8, int(radius * 0.26))
        angles = [-math.pi / 2 + (i + 0.5) * 2 * math.pi / n for i in range(len(themes))]
        right = [math.cos(a) >= -1e-6 for a in angles]
        slots: dict[int, pygame.Rect] = {}
        if legend is not None:
            for i, r in enumerate(grid(legend, len(themes), 2, m.gap)):
                mark = min(r.height, m.px(S.LEGEND_ICON))
                ctx.icons.draw(surface, icons[i], pygame.Rect(r.left, r.centery - mark // 2, mark, mark), fg)
                gap = m.px(S.LEGEND_ICON_GAP)
                slots[i] = pygame.Rect(r.left + mark + gap, r.top, r.width - mark - gap, r.height)
                right[i] = True  # read left to right after its icon
        else:
            # Each side's names stand in a column of equal slots, top to bottom in the order of the segments.
            for side_right in (True, False):
                mine = sorted(
                    (i for i in range(len(themes)) if right[i] == side_right),
                    key=lambda i: math.sin(angles[i]),
                )
                if not mine:
                    continue
                gap = m.px(S.WHEEL_NAME_GAP)
                if side_right:
                    col = pygame.Rect(
                        cx + radius + gap, area.top, area.right - cx - radius - gap, area.height
                    )
                else:
                    col = pygame.Rect(area.left, area.top, cx - radius - gap - area.left, area.height)
                for i, r in zip(mine, rows(col, [1] * len(mine), m.px(S.WHEEL_NAMES_GAP)), strict=True):
                    slots[i] = r
        for i, (icon, th) in enumerate(zip(icons, themes, strict=True)):
            ix = cx + math.cos(angles[i]) * radius * 0.66
            iy = cy + math.sin(angles[i]) * radius * 0.66
            # The icon sits where the segment's fill reaches once it is more than half full: ink it for
            # whichever colour is behind it.
            behind = segs[i][0] if shown[i] > 0.6 else look.wheel_empty
            ctx.icons.draw(surface, icon, pygame.Rect(ix - isz / 2, iy - isz / 2, isz, isz), text_on(behind))
            words = th.easy_read or th.title
            self._label(
                surface, ctx, f"wheel:{th.id}", words, slots[i], bg, fg, "left" if right[i] else "right"
            )
        self.wheel_rect = pygame.Rect(cx - radius, cy - radius, 2 * radius, 2 * radius)
        self.children.append({"role": "wheel", "key": "wheel", "text": "", "rect": self.wheel_rect})

    def _label(self, surface, ctx, key, words, box, bg, fg, align) -> None:
        if box.width <= 0 or box.height <= 0:
            return
        m = ctx.m
        px = ctx.fonts.fit(words, box.width, box.height, m.small, m.min_body, True)
        shown = ctx.fonts.shorten(words, px, box.width, box.height, True)
        ts = ctx.fonts.render(shown, px, fg, box.width, True, align)
        r = ts.get_rect(centery=box.centery)
        if align == "center":
            r.centerx = box.centerx
        elif align == "right":
            r.right = box.right
        else:
            r.left = box.left
        surface.blit(ts, r)
        self.children.append(
            {
                "role": "text",
                "key": key,
                "text": words,
                "shown": shown,
                "rect": pygame.Rect(box),
                "font_px": px,
                "text_size": ts.get_size(),
                "text_box": pygame.Rect(box),
                "bg": bg,
                "fg": fg,
            }
        )

    def _draw_tokens(self, surface, ctx, cells):
        if not cells:
            return
        m, s, scr = ctx.m, self.screen.state, self.screen
        n = len(cells)
        strips = [p[2] for p in self.parts]
        by_tile: dict[int, list] = {}
        for pid in s.order:
            by_tile.setdefault(round(scr.token_pos(pid)) % n, []).append(pid)
        spots = {i: token_spots(strips[i], len(group)) for i, group in by_tile.items()}

        def spot(pid, i):
            # Where this token stands on tile i: its own place if it is there, else the middle.
            group = by_tile.get(i, [])
            if pid in group:
                pts, r = spots[i]
                return pts[group.index(pid)], r
            return strips[i].center, token_spots(strips[i], 1)[1]

        for pid in s.order:
            pos = scr.token_pos(pid)
            i0 = int(math.floor(pos)) % n
            i1 = (i0 + 1) % n
            f = pos - math.floor(pos)
            (a, ra), (b, rb) = spot(pid, i0), spot(pid, i1)
            # Walking from tile to tile: a small hop between them, so each tile is a step.
            hop = math.sin(math.pi * f) * strips[i0].height * 0.5
            center = (a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f - hop)
            r = ra + (rb - ra) * f
            p = s.player(pid)
            draw_token(surface, p.shape, hex_colour(p.colour), center, r, ctx.look.edge)
            if s.turn and s.turn.player == pid:
                pygame.draw.circle(surface, ctx.look.focus, center, r * 1.12, max(2, m.px(S.TURN_RING)))
            on = round(pos) % n
            self.children.append(
                {
                    "role": "token",
                    "key": f"token:{pid}",
                    "text": p.label,
                    "rect": pygame.Rect(
                        round(center[0] - r), round(center[1] - r), round(2 * r), round(2 * r)
                    ),
                    "on": f"tile:{on}",
                }
            )
