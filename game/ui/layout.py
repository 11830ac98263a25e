"""Sizes that scale with the window: one unit from the window size, and helpers that cut a rect into
rows, columns and grids. Every screen lays itself out from these, so 1280x720 and 3840x2160 look alike."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui import sizes as S

BASE_HEIGHT = 1080


@dataclass(frozen=True)
class Metrics:
    """Pixel sizes for one window size and text-size setting."""

    width: int
    height: int
    text_scale: float = 1.0

    @property
    def u(self) -> float:
        # Height sets the scale, but a narrow window must not overflow sideways.
        return min(self.height / BASE_HEIGHT, self.width / 1920 * 1.25)

    def px(self, n: float) -> int:
        return max(1, round(n * self.u))

    def text(self, n: float) -> int:
        return max(8, round(n * self.u * self.text_scale))

    @property
    def margin(self) -> int:
        return self.px(S.MARGIN)

    @property
    def gap(self) -> int:
        return self.px(S.GAP)

    @property
    def target(self) -> int:
        """Smallest touch target side: 88 px at 1080p (the bar is 64)."""
        return self.px(S.TARGET)

    # Text sizes at 1080p: body 32 (bar 28), headings 44, cards 56 (bar 48).
    @property
    def body(self) -> int:
        return self.text(32)

    @property
    def small(self) -> int:
        return self.text(29)

    @property
    def heading(self) -> int:
        return self.text(44)

    @property
    def card(self) -> int:
        return self.text(56)

    @property
    def min_body(self) -> int:
        return max(8, round(28 * self.u))

    @property
    def min_card(self) -> int:
        return max(8, round(48 * self.u))


def rows(r: pygame.Rect, heights: list[float], gap: int = 0) -> list[pygame.Rect]:
    """Split vertically. Heights > 1 are pixels; 0 < h <= 1 are shares of what is left."""
    return _split(r, heights, gap, vertical=True)


def cols(r: pygame.Rect, widths: list[float], gap: int = 0) -> list[pygame.Rect]:
    return _split(r, widths, gap, vertical=False)


def _split(r: pygame.Rect, sizes: list[float], gap: int, vertical: bool) -> list[pygame.Rect]:
    total = r.height if vertical else r.width
    total -= gap * max(0, len(sizes) - 1)
    fixed = sum(s for s in sizes if s > 1)
    shares = sum(s for s in sizes if 0 < s <= 1) or 1
    left = max(0, total - fixed)
    out = []
    pos = r.top if vertical else r.left
    for s in sizes:
        n = int(s) if s > 1 else int(left * s / shares)
        if vertical:
            out.append(pygame.Rect(r.left, pos, r.width, n))
        else:
            out.append(pygame.Rect(pos, r.top, n, r.height))
        pos += n + gap
    return out


def grid(r: pygame.Rect, n: int, columns: int, gap: int, row_h: int | None = None) -> list[pygame.Rect]:
    columns = max(1, columns)
    nrows = max(1, -(-n // columns))
    h = row_h or (r.height - gap * (nrows - 1)) // nrows
    w = (r.width - gap * (columns - 1)) // columns
    return [
        pygame.Rect(r.left + (i % columns) * (w + gap), r.top + (i // columns) * (h + gap), w, h)
        for i in range(n)
    ]
