"""Icons drawn at their final size: assets/icons/<name>.svg via pygame.image.load_sized_svg, tinted to
the text colour so they keep the same contrast as the words beside them. A missing icon becomes a
simple drawn mark, never an error.

Card pictures (a deck's ``image:`` files) come through the same cache, in their own colours and with
their shape kept: ``picture(path, width, height)`` fits one inside a box."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

import pygame

from game import paths


def _bytes(surf: pygame.Surface | None) -> int:
    return surf.get_width() * surf.get_height() * surf.get_bytesize() if surf is not None else 0


class Icons:
    def __init__(self, icons_dir: Path | None = None, cache_bytes: int = 16 * 1024 * 1024):
        self.dir = icons_dir or paths.ICONS_DIR
        # Every window size and colour needs its own copy: keep the recently used ones within a byte
        # budget, so resizing a window (or a 4K screen) cannot grow memory without end.
        self._cache: OrderedDict[tuple[str, int, tuple], pygame.Surface | None] = OrderedDict()
        self._cache_bytes = cache_bytes
        self._held = 0

    def get(self, name: str, size: int, colour) -> pygame.Surface | None:
        key = (name, int(size), tuple(colour))
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        surf = self._load(name, int(size))
        if surf is not None:
            surf = tint(surf, colour)
        self._keep(key, surf)
        return surf

    def picture(self, path: str | None, width: int, height: int) -> pygame.Surface | None:
        """A card picture (SVG or PNG) as large as fits in width x height, its shape kept; None if it
        cannot be read (the caller draws the theme icon instead)."""
        if not path or width < 2 or height < 2:
            return None
        key = ("picture:" + path, int(width), (int(height),))
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        surf = None
        try:
            if path.lower().endswith(".svg"):
                surf = pygame.image.load_sized_svg(path, (int(width), int(height)))
            else:
                raw = pygame.image.load(path)
                scale = min(width / raw.get_width(), height / raw.get_height())
                size = (max(1, int(raw.get_width() * scale)), max(1, int(raw.get_height() * scale)))
                surf = pygame.transform.smoothscale(
                    raw.convert_alpha() if pygame.display.get_surface() else raw, size
                )
            if surf is not None and pygame.display.get_surface():
                surf = surf.convert_alpha()
        except (pygame.error, OSError, ValueError):
            surf = None
        self._keep(key, surf)
        return surf

    def _keep(self, key, surf) -> None:
        self._cache[key] = surf
        self._held += _bytes(surf)
        while self._held > self._cache_bytes and len(self._cache) > 1:
            _, old = self._cache.popitem(last=False)
            self._held -= _bytes(old)

    def _load(self, name: str, size: int) -> pygame.Surface | None:
        if not name or size < 2:
            return None
        svg = self.dir / f"{name}.svg"
        png = self.dir / f"{name}.png"
        try:
            if svg.is_file():
                surf = pygame.image.load_sized_svg(str(svg), (size, size))
            elif png.is_file():
                surf = pygame.transform.smoothscale(pygame.image.load(str(png)), (size, size))
            else:
                return None
        except (pygame.error, OSError, ValueError):
            return None
        return surf.convert_alpha() if pygame.display.get_surface() else surf

    def draw(self, surface: pygame.Surface, name: str, rect: pygame.Rect, colour) -> None:
        size = min(rect.width, rect.height)
        icon = self.get(name, size, colour)
        if icon is not None:
            surface.blit(icon, icon.get_rect(center=rect.center))
        else:
            draw_fallback(surface, name, rect, colour)


def tint(surf: pygame.Surface, colour) -> pygame.Surface:
    """Keep the icon's alpha, paint every pixel in ``colour``."""
    out = surf.copy()
    out.fill((0, 0, 0, 255), special_flags=pygame.BLEND_RGBA_MULT)
    out.fill((*colour[:3], 0), special_flags=pygame.BLEND_RGBA_ADD)
    return out


def draw_fallback(surface: pygame.Surface, name: str, rect: pygame.Rect, colour) -> None:
    r = rect.inflate(-rect.width // 6, -rect.height // 6)
    w = max(2, r.width // 10)
    c = r.center
    rad = min(r.width, r.height) // 2
    if name.startswith("scale-real") or name in ("done", "yes"):
        pygame.draw.lines(
            surface, colour, False, [(r.left, c[1]), (c[0] - rad // 3, r.bottom), (r.right, r.top)], w
        )
    elif name.startswith("scale-not-yet") or name == "back":
        pygame.draw.polygon(surface, colour, [(r.right, r.top), (r.left, c[1]), (r.right, r.bottom)], w)
    elif name.startswith("scale-not-sure"):
        pygame.draw.circle(surface, colour, c, rad, w)
        pygame.draw.circle(surface, colour, (c[0], r.bottom - w), w)
    elif name.startswith("scale-sometimes"):
        pygame.draw.arc(surface, colour, r, 0, 3.14, w)
    elif name in ("pass",):
        pygame.draw.line(surface, colour, (r.left, c[1]), (r.right, c[1]), w)
    elif name in ("speak",):
        pygame.draw.polygon(
            surface,
            colour,
            [(r.left, c[1] - rad // 3), (c[0], r.top), (c[0], r.bottom), (r.left, c[1] + rad // 3)],
        )
        pygame.draw.arc(surface, colour, r.inflate(-w, -w).move(rad // 3, 0), -0.8, 0.8, w)
    else:
        pygame.draw.circle(surface, colour, c, rad, w)
        pygame.draw.circle(surface, colour, c, max(2, rad // 3))
