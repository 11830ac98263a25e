"""Drawn shapes that carry meaning without colour: player token shapes, die faces, and the plan wheel."""

from __future__ import annotations

import math

import pygame

from game.ui.look import BLACK, WHITE, contrast


def polygon_points(shape: str, center, radius: float) -> list[tuple[float, float]] | None:
    cx, cy = center
    r = radius
    if shape == "square":
        return [
            (cx - r * 0.85, cy - r * 0.85),
            (cx + r * 0.85, cy - r * 0.85),
            (cx + r * 0.85, cy + r * 0.85),
            (cx - r * 0.85, cy + r * 0.85),
        ]
    if shape == "triangle":
        return [(cx, cy - r), (cx + r * 0.95, cy + r * 0.8), (cx - r * 0.95, cy + r * 0.8)]
    if shape == "diamond":
        return [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)]
    if shape == "star":
        pts = []
        for i in range(10):
            a = -math.pi / 2 + i * math.pi / 5
            rr = r if i % 2 == 0 else r * 0.45
            pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
        return pts
    if shape == "hexagon":
        return [
            (
                cx + r * math.cos(math.pi / 6 + i * math.pi / 3),
                cy + r * math.sin(math.pi / 6 + i * math.pi / 3),
            )
            for i in range(6)
        ]
    if shape == "cross":
        t = r * 0.38
        return [
            (cx - t, cy - r), (cx + t, cy - r), (cx + t, cy - t), (cx + r, cy - t), (cx + r, cy + t), (cx + t, cy + t),
            (cx + t, cy + r), (cx - t, cy + r), (cx - t, cy + t), (cx - r, cy + t), (cx - r, cy - t), (cx - t, cy - t),
        ]  # fmt: skip
    if shape == "heart":
        pts = []
        for i in range(24):
            t = i / 24 * 2 * math.pi
            x = 16 * math.sin(t) ** 3
            y = -(13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t))
            pts.append((cx + x * r / 17, cy + y * r / 17))
        return pts
    return None


def draw_token(surface: pygame.Surface, shape: str, colour, center, radius: float, edge=BLACK) -> None:
    """A player's token: filled shape with a dark (or light) outline so it shows on any tile."""
    radius = max(3, radius)
    outline = edge if contrast(edge, colour) >= 3 else (WHITE if edge == BLACK else BLACK)
    w = max(2, int(radius / 7))
    pts = polygon_points(shape, center, radius)
    if pts is None:
        pygame.draw.circle(surface, colour, center, radius)
        pygame.draw.circle(surface, outline, center, radius, w)
    else:
        pygame.draw.polygon(surface, colour, pts)
        pygame.draw.polygon(surface, outline, pts, w)


PIPS = {
    1: [(0, 0)],
    2: [(-1, -1), (1, 1)],
    3: [(-1, -1), (0, 0), (1, 1)],
    4: [(-1, -1), (1, -1), (-1, 1), (1, 1)],
    5: [(-1, -1), (1, -1), (0, 0), (-1, 1), (1, 1)],
    6: [(-1, -1), (1, -1), (-1, 0), (1, 0), (-1, 1), (1, 1)],
}


def draw_die(surface: pygame.Surface, rect: pygame.Rect, value: int | None, face, ink) -> None:
    pygame.draw.rect(surface, face, rect, border_radius=rect.width // 6)
    pygame.draw.rect(surface, ink, rect, max(2, rect.width // 30), border_radius=rect.width // 6)
    if not value:
        return
    step = rect.width * 0.27
    for dx, dy in PIPS.get(int(value), []):
        pygame.draw.circle(
            surface, ink, (rect.centerx + dx * step, rect.centery + dy * step), rect.width * 0.09
        )


def draw_wheel(surface, center, radius, segments, empty, edge, progress=None) -> None:
    """segments: list of (colour, fill 0..1). Each segment fills outward from the hub as its theme
    gains a statement (half) and an action (full)."""
    n = max(1, len(segments))
    cx, cy = center
    hub = radius * 0.22
    for i, (colour, fill) in enumerate(segments):
        if progress is not None:
            fill = min(fill, progress[i] if i < len(progress) else fill)
        a0 = -math.pi / 2 + i * 2 * math.pi / n
        a1 = a0 + 2 * math.pi / n
        _sector(surface, empty, (cx, cy), hub, radius, a0, a1)
        if fill > 0:
            _sector(surface, colour, (cx, cy), hub, hub + (radius - hub) * fill, a0, a1)
        pygame.draw.line(
            surface,
            edge,
            (cx + hub * math.cos(a0), cy + hub * math.sin(a0)),
            (cx + radius * math.cos(a0), cy + radius * math.sin(a0)),
            max(2, int(radius / 60)),
        )
    pygame.draw.circle(surface, edge, (cx, cy), radius, max(2, int(radius / 60)))
    pygame.draw.circle(surface, edge, (cx, cy), hub, max(2, int(radius / 60)))


def _sector(surface, colour, center, r0, r1, a0, a1) -> None:
    cx, cy = center
    steps = 16
    outer = [
        (cx + r1 * math.cos(a0 + (a1 - a0) * k / steps), cy + r1 * math.sin(a0 + (a1 - a0) * k / steps))
        for k in range(steps + 1)
    ]
    inner = [
        (cx + r0 * math.cos(a1 - (a1 - a0) * k / steps), cy + r0 * math.sin(a1 - (a1 - a0) * k / steps))
        for k in range(steps + 1)
    ]
    pygame.draw.polygon(surface, colour, outer + inner)
