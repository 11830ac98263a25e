"""The board: a ring of tiles (each coloured AND marked with an icon and a word), the players' tokens
(each a different shape and colour), and the plan wheel in the middle, whose six segments fill as
themes get a statement talked about (half) and an action agreed (full)."""

from __future__ import annotations

import math

import pygame

from game.ui.look import hex_colour, readable_fill
from game.ui.shapes import draw_token, draw_wheel
from game.ui.widgets import Widget

SPECIAL_ICONS = {"choice": "choice", "everyone": "everyone", "celebrate": "celebrate", "lookback": "lookback"}


def ring_shape(n: int, aspect: float) -> tuple[int, int]:
    """Columns and rows of a rectangular ring with at least n cells, shaped like the space it sits in."""
    best = None
    for c in range(2, n + 1):
        r = max(2, math.ceil((n + 4 - 2 * c) / 2))
        if 2 * c + 2 * r - 4 < n:
            continue
        waste = 2 * c + 2 * r - 4 - n
        score = abs(math.log((c / r) / aspect)) + waste * 0.5
        if best is None or score < best[0]:
            best = (score, c, r)
    return (best[1], best[2]) if best else (n, 2)


def ring_cells(rect: pygame.Rect, n: int, gap: int) -> list[pygame.Rect]:
    """n cells clockwise from the top-left corner."""
    c, r = ring_shape(n, rect.width / max(1, rect.height))
    w = (rect.width - gap * (c - 1)) / c
    h = (rect.height - gap * (r - 1)) / r
    cells = []
    order = (
        [(i, 0) for i in range(c)]
        + [(c - 1, j) for j in range(1, r)]
        + [(i, r - 1) for i in range(c - 2, -1, -1)]
        + [(0, j) for j in range(r - 2, 0, -1)]
    )
    for i, j in order[:n]:
        cells.append(
            pygame.Rect(round(rect.left + i * (w + gap)), round(rect.top + j * (h + gap)), round(w), round(h))
        )
    return cells


class BoardWidget(Widget):
    role = "board"

    def __init__(self, rect, screen):
        super().__init__(rect, "board", "")
        self.screen = screen

    def tile_words(self, tile) -> tuple[str, str, tuple]:
        app, decks = self.screen.app, self.screen.decks
        if tile.kind == "theme":
            th = decks.theme(tile.theme)
            return th.easy_read or th.title, th.icon, hex_colour(th.colour)
        return app.w(f"tile_{tile.kind}"), SPECIAL_ICONS.get(tile.kind, "circle"), (235, 235, 235)

    def draw(self, surface, ctx, focused=False):
        m, look = ctx.m, ctx.look
        s = self.screen.state
        pygame.draw.rect(surface, look.board, self.rect, border_radius=m.px(18))
        self.children = []
        cells = ring_cells(self.rect.inflate(-m.px(12), -m.px(12)), len(s.board), m.px(8)) if s.board else []
        self.cells = cells
        for i, (tile, cell) in enumerate(zip(s.board, cells, strict=True)):
            words, icon, colour = self.tile_words(tile)
            fill, ink = readable_fill(colour)
            if look.name == "high-contrast":
                fill, ink = (0, 0, 0), (255, 255, 255)
            pygame.draw.rect(surface, fill, cell, border_radius=m.px(12))
            pygame.draw.rect(surface, look.edge, cell, max(2, m.px(3)), border_radius=m.px(12))
            isz = min(cell.height - m.px(16), m.px(56), cell.width // 3)
            ir = pygame.Rect(cell.left + m.px(8), cell.top + m.px(8), isz, isz)
            ctx.icons.draw(surface, icon, ir, ink)
            tb = pygame.Rect(
                ir.right + m.px(6),
                cell.top + m.px(6),
                cell.right - ir.right - m.px(12),
                cell.height - m.px(12),
            )
            px = ctx.fonts.fit(words, tb.width, tb.height, m.small, 8, True)
            ts = ctx.fonts.render(words, px, ink, tb.width, True)
            surface.blit(ts, ts.get_rect(midleft=tb.midleft))
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
            inner = pygame.Rect(cells[0].left, cells[0].bottom, cells[0].width, 0)
            inner = pygame.Rect(cells[0].right + m.px(16), cells[0].bottom + m.px(16), 0, 0)
            right = max(c.left for c in cells) - m.px(16)
            bottom = max(c.top for c in cells) - m.px(16)
            inner.width, inner.height = right - inner.left, bottom - inner.top
        else:
            inner = self.rect.inflate(-m.px(40), -m.px(40))
        radius = max(10, min(inner.width, inner.height) // 2 - m.px(4))
        decks, s = self.screen.decks, self.screen.state
        segs, icons = [], []
        for th in decks.themes:
            full = 1.0 if s.theme_complete(th.id) else (0.5 if s.theme_covered(th.id) else 0.0)
            if th.id not in s.themes_in_play:
                full = 0.0
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
            ctx.icons.draw(
                surface,
                icon,
                pygame.Rect(cx - isz / 2, cy - isz / 2, isz, isz),
                look.text if look.name == "high-contrast" else (0, 0, 0),
            )
        self.wheel_rect = pygame.Rect(inner.centerx - radius, inner.centery - radius, 2 * radius, 2 * radius)
        self.children.append({"role": "wheel", "key": "wheel", "text": "", "rect": self.wheel_rect})

    def _draw_tokens(self, surface, ctx, cells):
        if not cells:
            return
        s = self.screen.state
        by_tile: dict[int, list] = {}
        for pid in s.order:
            by_tile.setdefault(round(self.screen.token_pos(pid)) % len(cells), []).append(pid)
        for pid in s.order:
            pos = self.screen.token_pos(pid)
            i0 = int(math.floor(pos)) % len(cells)
            i1 = (i0 + 1) % len(cells)
            f = pos - math.floor(pos)
            a, b = cells[i0].center, cells[i1].center
            base = (a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f)
            group = by_tile.get(round(pos) % len(cells), [pid])
            k = group.index(pid) if pid in group else 0
            cell = cells[i0]
            r = min(cell.width, cell.height) * (0.22 if len(group) > 1 else 0.3)
            off = ((k % 2) * 2 - 1) * r * 0.9 if len(group) > 1 else 0
            offy = ((k // 2) % 2 * 2 - 1) * r * 0.9 if len(group) > 2 else 0
            p = s.player(pid)
            center = (base[0] + off + cell.width * 0.18, base[1] + offy)
            draw_token(surface, p.shape, hex_colour(p.colour), center, r, ctx.look.edge)
            if s.turn and s.turn.player == pid:
                pygame.draw.circle(surface, ctx.look.focus, center, r * 1.35, max(2, ctx.m.px(4)))
