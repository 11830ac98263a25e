"""Fonts and text: one Font per (face, pixel size), wrapped text rendered at its final size and cached,
and shrink-to-fit so words never overflow their box.

Fonts come from assets/fonts; if the game's copies are missing we try the system's DejaVu/OpenDyslexic,
then pygame's built-in font (with one warning on the console).
"""

from __future__ import annotations

import sys
import unicodedata
from collections import OrderedDict
from pathlib import Path

import pygame

from game import paths

_FACES = {
    "sans": ["DejaVuSans.ttf"],
    "sans-bold": ["DejaVuSans-Bold.ttf"],
    "dyslexic": ["OpenDyslexic-Regular.otf", "OpenDyslexic-Regular.ttf", "OpenDyslexic3-Regular.ttf"],
    "dyslexic-bold": ["OpenDyslexic-Bold.otf", "OpenDyslexic-Bold.ttf", "OpenDyslexic3-Bold.ttf"],
}
_SYSTEM_DIRS = [
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/opentype/opendyslexic"),
    Path("/usr/share/fonts/truetype/opendyslexic"),
]


def clean(text: object) -> str:
    """Text safe to hand to the font renderer: a string with no NUL and no lone surrogates."""
    s = "" if text is None else str(text)
    if "\x00" in s:
        s = s.replace("\x00", "")
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        s = s.encode("utf-8", "replace").decode("utf-8")
    return s


def rtl_script(text: str) -> str | None:
    """The script name ("Arab" or "Hebr") when the text is written right to left, else None.

    Only text with no left-to-right letters at all is turned round: the font engine has no full
    bidirectional layout, and turning a mixed line round would print its English words backwards."""
    script = None
    for ch in text:
        bidi = unicodedata.bidirectional(ch)
        if bidi == "L":
            return None
        if script is None and bidi in ("AL", "R"):
            script = "Arab" if bidi == "AL" else "Hebr"
    return script


def find_face(face: str, fonts_dir: Path | None = None) -> Path | None:
    for folder in [fonts_dir or paths.FONTS_DIR, *_SYSTEM_DIRS]:
        for name in _FACES.get(face, []):
            p = folder / name
            if p.is_file():
                return p
    return None


class Fonts:
    """Owns every Font and rendered-text surface. One per App; nothing global."""

    def __init__(self, dyslexic: bool = False, fonts_dir: Path | None = None, cache_size: int = 1500):
        if not pygame.font.get_init():
            pygame.font.init()
        self.fonts_dir = fonts_dir
        self.dyslexic = dyslexic
        self._fonts: dict[tuple[str, int], pygame.font.Font] = {}
        self._paths: dict[str, Path | None] = {}
        self._renders: OrderedDict = OrderedDict()
        self._fits: OrderedDict = OrderedDict()
        self._cache_size = cache_size
        self.warned: list[str] = []

    def set_dyslexic(self, on: bool) -> None:
        if on != self.dyslexic:
            self.dyslexic = on
            self._renders.clear()
            self._fits.clear()

    def _face_name(self, bold: bool) -> str:
        base = "dyslexic" if self.dyslexic else "sans"
        return base + ("-bold" if bold else "")

    def font(self, px: int, bold: bool = False, script: str | None = None) -> pygame.font.Font:
        face = self._face_name(bold)
        px = max(6, int(px))
        key = (face, px, script)
        f = self._fonts.get(key)
        if f is None:
            if face not in self._paths:
                self._paths[face] = find_face(face, self.fonts_dir)
                if self._paths[face] is None and face not in self.warned:
                    self.warned.append(face)
                    print(
                        f"making-it-real: font {face!r} not found; using pygame's built-in font",
                        file=sys.stderr,
                    )
            path = self._paths[face]
            f = pygame.font.Font(str(path) if path else None, px)
            if script:
                # Right-to-left text (Arabic, Hebrew) is shaped and ordered properly when asked for.
                try:
                    f.set_script(script)
                    f.set_direction(pygame.DIRECTION_RTL)
                except (pygame.error, AttributeError, ValueError):
                    pass
            self._fonts[key] = f
        return f

    def render(
        self, text: str, px: int, colour, width: int = 0, bold: bool = False, align: str = "left"
    ) -> pygame.Surface:
        text = clean(text)
        key = (text, self._face_name(bold), int(px), tuple(colour), int(width), align)
        surf = self._renders.get(key)
        if surf is not None:
            self._renders.move_to_end(key)
            return surf
        f = self.font(px, bold, rtl_script(text))
        f.align = {"left": pygame.FONT_LEFT, "center": pygame.FONT_CENTER, "right": pygame.FONT_RIGHT}[align]
        try:
            surf = f.render(text or " ", True, colour, None, max(0, int(width)))
        except (pygame.error, ValueError):
            # A character the font engine cannot shape must not stop the game.
            safe = text.encode("ascii", "replace").decode("ascii")
            surf = f.render(safe or " ", True, colour, None, max(0, int(width)))
        self._renders[key] = surf
        if len(self._renders) > self._cache_size:
            self._renders.popitem(last=False)
        return surf

    def size(self, text: str, px: int, width: int = 0, bold: bool = False) -> tuple[int, int]:
        return self.render(text, px, (0, 0, 0), width, bold).get_size()

    def fit(self, text: str, box_w: int, box_h: int, max_px: int, min_px: int = 8, bold: bool = False) -> int:
        """The largest size <= max_px at which ``text`` wrapped to box_w fits in box_h."""
        key = (clean(text), self._face_name(bold), int(box_w), int(box_h), int(max_px), int(min_px))
        got = self._fits.get(key)
        if got is not None:
            return got
        px = int(max_px)
        longest = max(clean(text).split() or [""], key=len)
        while px > min_px:
            w, h = self.size(text, px, box_w, bold)
            # A size that would split a word across lines is not a fit: shrink until whole words fit.
            if w <= box_w and h <= box_h and self.font(px, bold).size(longest)[0] <= box_w:
                break
            px = max(min_px, min(px - 1, int(px * 0.96)))
        self._fits[key] = px
        if len(self._fits) > self._cache_size:
            self._fits.popitem(last=False)
        return px

    def shorten(self, text: str, px: int, box_w: int, box_h: int, bold: bool = False) -> str:
        """The text, or as much of it as fits followed by "…", when even the smallest size is too big.

        Only for words that cannot fit at a readable size (a 60-letter name on a small button);
        everything else shrinks instead (see ``fit``)."""

        def fits(t: str) -> bool:
            w, h = self.size(t, px, box_w, bold)
            return (
                w <= box_w
                and h <= box_h
                and self.font(px, bold).size(max(t.split() or [""], key=len))[0] <= box_w
            )

        text = clean(text)
        key = ("short", text, self._face_name(bold), int(px), int(box_w), int(box_h))
        got = self._fits.get(key)
        if got is not None:
            return got
        if fits(text):
            self._fits[key] = text
            return text
        lo, hi = 0, len(text)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if fits(text[:mid].rstrip() + "…"):
                lo = mid
            else:
                hi = mid - 1
        short = text[:lo].rstrip() + "…" if lo else "…"
        self._fits[key] = short
        return short

    def line_height(self, px: int, bold: bool = False) -> int:
        return self.font(px, bold).get_linesize()
