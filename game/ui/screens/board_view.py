"""The board: a ring of tiles (each coloured AND marked with an icon and a word), the players' tokens
(each a different shape and colour), and the plan wheel in the middle, whose six segments fill as
themes get a statement talked about (half) and an action agreed (full)."""

from __future__ import annotations

import math

import pygame

from game.model.tiles import TileKind
from game.ui.look import hex_colour, readable_fill, text_on
from game.ui.shapes import draw_token, draw_wheel
from game.ui.widgets import Widget


def ring_shape(n: int, aspect: float) -> tuple[int, int]:
    """Columns and rows of a rectangular ring with at least n cells, shaped like the space it sits in,
    with room in the middle for the plan wheel."""
    best = None
    for c in range(2, n + 1):
        for r in range(2, n + 1):
            waste = 2 * c + 2 * r - 4 - n
            if waste < 0 or waste > 4:
                continue
            # A ring only 2 (or, for a big board, 3) tiles high leaves no room for the wheel.
            thin = 5.0 if min(c, r) < 3 else (3.0 if n >= 12 and min(c, r) < 4 else 0.0)
            score = abs(math.log((c / r) / aspect)) + waste * 2.0 + thin
            if best is None or score < best[0]:
                best = (score, c, r)
    return (best[1], best[2]) if best else (n, 2)


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


def ring_cells(rect: pygame.Rect, n: int, gap: int) -> list[pygame.Rect]:
    """n cells clockwise from the top-left corner."""
    c, r = ring_shape(n, rect.width / max(1, rect.height))
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

    def draw(self, surface, ctx, focused=False):
        m, look = ctx.m, ctx.look
        s = self.screen.state
        pygame.draw.rect(surface, look.board, self.rect, border_radius=m.px(18))
        self.children = []
        self.lane = m.px(84)  # room inside the ring where tokens stand beside their tile
        cells = ring_cells(self.rect.inflate(-m.px(12), -m.px(12)), len(s.board), m.px(8)) if s.board else []
        self.cells = cells
        for i, (tile, cell) in enumerate(zip(s.board, cells, strict=True)):
            words, icon, colour = self.tile_words(tile)
            fill, ink = readable_fill(colour)
            if look.name == "high-contrast":
                fill, ink = (0, 0, 0), (255, 255, 255)
            pygame.draw.rect(surface, fill, cell, border_radius=m.px(12))
            if look.name == "high-contrast" and tile.kind == TileKind.THEME:
                # Strong colours keep text white on black; the theme colour stays as a thick frame.
                pygame.draw.rect(surface, colour, cell, max(3, m.px(9)), border_radius=m.px(12))
            else:
                pygame.draw.rect(surface, look.edge, cell, max(2, m.px(3)), border_radius=m.px(12))
            # Icon on top, words below across the whole tile; tokens stand beside tiles, never on the words.
            isz = min(int(cell.height * 0.27), m.px(48))
            ir = pygame.Rect(cell.centerx - isz // 2, cell.top + m.px(6), isz, isz)
            ctx.icons.draw(surface, icon, ir, ink)
            tb = pygame.Rect(
                cell.left + m.px(8),
                ir.bottom + m.px(4),
                cell.width - m.px(16),
                cell.bottom - ir.bottom - m.px(12),
            )
            px = ctx.fonts.fit(words, tb.width, tb.height, m.small, 8, True)
            ts = ctx.fonts.render(words, px, ink, tb.width, True, "center")
            surface.blit(ts, ts.get_rect(center=tb.center))
            self.children.append(
                {
                    "role": "tile",
                    "key": f"tile:{i}",
                    "text": words,
                    "rect": pygame.Rect(cell),
                    "font_px": px,
                    "text_size": ts.get_size(),
                    "text_box": tb,
                    "bg": fill,
                    "fg": ink,
                }
            )
        self._draw_wheel(surface, ctx, cells)
        self._draw_tokens(surface, ctx, cells)

    def _draw_wheel(self, surface, ctx, cells):
        m, look = ctx.m, ctx.look
        if cells:
            lane = self.lane
            inner = pygame.Rect(cells[0].right + lane, cells[0].bottom + lane, 0, 0)
            inner.width = max(c.left for c in cells) - lane - inner.left
            inner.height = max(c.top for c in cells) - lane - inner.top
        else:
            inner = self.rect.inflate(-m.px(40), -m.px(40))
        radius = max(10, min(inner.width, inner.height) // 2 - m.px(4))
        decks, s = self.screen.decks, self.screen.state
        segs, icons = [], []
        # One segment per theme in this game, so the wheel and "2 of 3 themes" agree.
        for th in (t for t in decks.themes if t.id in s.themes_in_play):
            full = 1.0 if s.theme_complete(th.id) else (0.5 if s.theme_covered(th.id) else 0.0)
            segs.append((readable_fill(hex_colour(th.colour))[0], full))
            icons.append(th.icon)
        shown = self.screen.wheel_shown(len(segs))
        draw_wheel(surface, inner.center, radius, segs, look.wheel_empty, look.edge, shown)
        n = max(1, len(segs))
        isz = max(8, int(radius * 0.26))
        for i, icon in enumerate(icons):
            a = -math.pi / 2 + (i + 0.5) * 2 * math.pi / n
            cx = inner.centerx + math.cos(a) * radius * 0.66
            cy = inner.centery + math.sin(a) * radius * 0.66
            # The icon sits where the segment's fill reaches once it is more than half full: ink it for
            # whichever colour is behind it.
            behind = segs[i][0] if shown[i] > 0.6 else look.wheel_empty
            colour = text_on(behind)
            ctx.icons.draw(surface, icon, pygame.Rect(cx - isz / 2, cy - isz / 2, isz, isz), colour)
        self.wheel_rect = pygame.Rect(inner.centerx - radius, inner.centery - radius, 2 * radius, 2 * radius)
        self.children.append({"role": "wheel", "key": "wheel", "text": "", "rect": self.wheel_rect})

    def _draw_tokens(self, surface, ctx, cells):
        if not cells:
            return
        s = self.screen.state
        by_tile: dict[int, list] = {}
        for pid in s.order:
            by_tile.setdefault(round(self.screen.token_pos(pid)) % len(cells), []).append(pid)
        lane = self.lane
        left, right = min(c.left for c in cells), max(c.right for c in cells)
        top, bottom = min(c.top for c in cells), max(c.bottom for c in cells)

        def anchor(c):
            # The point just inside the ring next to this tile; corners use their long side.
            dx = 1 if c.left == left else (-1 if c.right == right else 0)
            dy = 1 if c.top == top else (-1 if c.bottom == bottom else 0)
            x = c.centerx if dx == 0 else (c.right + lane / 2 if dx > 0 else c.left - lane / 2)
            y = c.centery if dy == 0 else (c.bottom + lane / 2 if dy > 0 else c.top - lane / 2)
            if dx and dy:  # a corner: stand diagonally inside it, in a small group
                return (x, y), None
            return (x, y), dx == 0

        for pid in s.order:
            pos = self.screen.token_pos(pid)
            i0 = int(math.floor(pos)) % len(cells)
            i1 = (i0 + 1) % len(cells)
            f = pos - math.floor(pos)
            (a, horiz), (b, _) = anchor(cells[i0]), anchor(cells[i1])
            base = (a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f)
            group = by_tile.get(round(pos) % len(cells), [pid])
            k = group.index(pid) if pid in group else 0
            cell = cells[i0]
            n = max(1, len(group))
            p = s.player(pid)
            if horiz is None:
                r = lane * 0.36
                off = (k - (n - 1) / 2) * r * 1.1
                center = (base[0] + off, base[1] + off)
            else:
                span = cell.width if horiz else cell.height
                r = min(lane * 0.42, span / (2 * n) * 0.9)
                off = (k - (n - 1) / 2) * (span / n)
                center = (base[0] + off, base[1]) if horiz else (base[0], base[1] + off)
            draw_token(surface, p.shape, hex_colour(p.colour), center, r, ctx.look.edge)
            if s.turn and s.turn.player == pid:
                pygame.draw.circle(surface, ctx.look.focus, center, r * 1.3, max(2, ctx.m.px(4)))
