"""Fonts and text: one Font per (font file, pixel size), wrapped text rendered at its final size and cached,
and shrink-to-fit so words never overflow their box.

Fonts come from assets/fonts; if the game's copies are missing we try the system's DejaVu/OpenDyslexic,
then pygame's built-in font (with one warning on the console). A character the chosen face has no glyph for
(an emoji, a scale mark in OpenDyslexic, a script DejaVu lacks) is drawn in the next font that has it (see
fontfallback.py): such text is wrapped and composed here run by run, at the same pixel size and baseline.
"""

from __future__ import annotations

import re
import sys
from collections import OrderedDict
from pathlib import Path

import pygame

from game import paths
from game.ui.clusters import boundaries, rtl_script
from game.ui.fontfallback import Chain, Coverage, symbol_fonts

__all__ = ["Fonts", "LineFont", "clean", "find_face", "rtl_script"]

FONT_LIMIT = 96  # open Font objects kept (one screen at one size uses about 10 to 30)

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


def _bytes(surf: pygame.Surface) -> int:
    return surf.get_width() * surf.get_height() * surf.get_bytesize()


def find_face(face: str, fonts_dir: Path | None = None) -> Path | None:
    for folder in [fonts_dir or paths.FONTS_DIR, *_SYSTEM_DIRS]:
        for name in _FACES.get(face, []):
            p = folder / name
            if p.is_file():
                return p
    return None


def _draw(font: pygame.font.Font, text: str, colour, wrap: int = 0) -> pygame.Surface | None:
    """The text drawn, or None when there is nothing to see (only zero-width characters)."""
    for attempt in (text, text.encode("ascii", "replace").decode("ascii")):
        try:
            return font.render(attempt, True, colour, None, wrap)
        except (pygame.error, ValueError):
            # A character the font engine cannot shape, or nothing with any width, must not stop the game.
            continue
    return None


class LineFont:
    """Measures one line of text the way Fonts draws it (fallback runs included), for the note box."""

    def __init__(self, fonts: Fonts, px: int, bold: bool = False):
        self.fonts, self.px, self.bold = fonts, px, bold
        self._h = fonts.line_height(px, bold)

    def size(self, text: str) -> tuple[int, int]:
        return self.fonts.measure(text, self.px, self.bold), self._h

    def get_linesize(self) -> int:
        return self._h


class Fonts:
    """Owns every Font and rendered-text surface. One per App; nothing global."""

    def __init__(
        self,
        dyslexic: bool = False,
        fonts_dir: Path | None = None,
        cache_size: int = 1500,
        cache_bytes: int = 48 * 1024 * 1024,
    ):
        if not pygame.font.get_init():
            pygame.font.init()
        self.fonts_dir = fonts_dir
        self.dyslexic = dyslexic
        # Each Font keeps its font file open, and every window size and text size needs new pixel sizes:
        # only the most recently used are kept, so resizing a window for a while cannot run out of files.
        self._fonts: OrderedDict = OrderedDict()
        self._paths: dict[str, Path | None] = {}
        self._renders: OrderedDict = OrderedDict()
        self._fits: OrderedDict = OrderedDict()
        self._widths: OrderedDict = OrderedDict()
        self._cache_size = cache_size
        # Rendered text is kept by bytes too, not only by count: at 4K one card's words alone take
        # megabytes, and counting surfaces let a demo game reach 400 MB.
        self._cache_bytes = cache_bytes
        self._render_bytes = 0
        self._coverage: Coverage | None = None
        self._chains: dict[str, Chain] = {}
        self.warned: list[str] = []

    def set_dyslexic(self, on: bool) -> None:
        if on != self.dyslexic:
            self.dyslexic = on
            self._renders.clear()
            self._render_bytes = 0
            self._fits.clear()
            self._widths.clear()

    def _face_name(self, bold: bool) -> str:
        base = "dyslexic" if self.dyslexic else "sans"
        return base + ("-bold" if bold else "")

    def _path(self, face: str) -> Path | None:
        if face not in self._paths:
            self._paths[face] = find_face(face, self.fonts_dir)
            if self._paths[face] is None and face not in self.warned:
                self.warned.append(face)
                print(
                    f"making-it-real: font {face!r} not found; using pygame's built-in font",
                    file=sys.stderr,
                )
        return self._paths[face]

    def chain(self, bold: bool = False) -> Chain:
        """Fonts tried in order: chosen face, DejaVu Sans (for OpenDyslexic), the symbol and emoji fonts."""
        face = self._face_name(bold)
        got = self._chains.get(face)
        if got is None:
            if self._coverage is None:
                self._coverage = Coverage()
            order = [self._path(face)]
            if self.dyslexic:
                order.append(find_face("sans-bold" if bold else "sans", self.fonts_dir))
            order += symbol_fonts(self.fonts_dir)
            fonts: list[Path | None] = [order[0]]
            fonts += [p for p in order[1:] if p is not None and p not in fonts]
            got = self._chains[face] = Chain(self._coverage, fonts)
        return got

    def _font_at(
        self, path: Path | None, px: int, script: str | None = None, rtl: bool | None = None
    ) -> pygame.font.Font:
        px = max(6, int(px))
        rtl = bool(script) if rtl is None else rtl
        key = (path, px, script, rtl)
        f = self._fonts.get(key)
        if f is not None:
            self._fonts.move_to_end(key)
        else:
            f = pygame.font.Font(str(path) if path else None, px)
            if script:
                # Right-to-left text (Arabic, Hebrew) and scripts with vowel signs (Bengali, Hindi) are
                # shaped and ordered properly only when the engine is told the script.
                try:
                    f.set_script(script)
                    if rtl:
                        f.set_direction(pygame.DIRECTION_RTL)
                except (pygame.error, AttributeError, ValueError):
                    pass
            self._fonts[key] = f
            while len(self._fonts) > FONT_LIMIT:
                self._fonts.popitem(last=False)
        return f

    def font(self, px: int, bold: bool = False, script: str | None = None) -> pygame.font.Font:
        """The chosen face's Font (no fallback): for line heights and all-covered text."""
        return self._font_at(self._path(self._face_name(bold)), px, script)

    def measurer(self, px: int, bold: bool = False) -> LineFont:
        return LineFont(self, px, bold)

    def measure(self, text: str, px: int, bold: bool = False) -> int:
        """Width in pixels of text drawn on one line (each line, if it has line breaks: the widest)."""
        text = clean(text)
        if "\n" in text:
            return max(self.measure(t, px, bold) for t in text.split("\n"))
        script = rtl_script(text)
        chain = self.chain(bold)
        if chain.simple(text):
            return self.font(px, bold, script).size(text)[0]
        key = (text, self._face_name(bold), int(px))
        w = self._widths.get(key)
        if w is None:
            w = sum(
                self._font_at(p, px, sc, rtl).size(seg)[0]
                for p, seg, sc, rtl in chain.runs(text, script)
                if seg
            )
            self._widths[key] = w
            if len(self._widths) > 4 * self._cache_size:
                self._widths.popitem(last=False)
        return w

    def render(
        self, text: str, px: int, colour, width: int = 0, bold: bool = False, align: str = "left"
    ) -> pygame.Surface:
        text = clean(text)
        key = (text, self._face_name(bold), int(px), tuple(colour), int(width), align)
        surf = self._renders.get(key)
        if surf is not None:
            self._renders.move_to_end(key)
            return surf
        if self.chain(bold).simple(text):
            surf = self._render_one_font(text, px, colour, width, bold, align)
        else:
            surf = self._render_mixed(text, px, colour, width, bold, align)
        self._renders[key] = surf
        self._render_bytes += _bytes(surf)
        while len(self._renders) > 1 and (
            len(self._renders) > self._cache_size or self._render_bytes > self._cache_bytes
        ):
            _, old = self._renders.popitem(last=False)
            self._render_bytes -= _bytes(old)
        return surf

    def _render_one_font(self, text, px, colour, width, bold, align) -> pygame.Surface:
        f = self.font(px, bold, rtl_script(text))
        f.align = {"left": pygame.FONT_LEFT, "center": pygame.FONT_CENTER, "right": pygame.FONT_RIGHT}[align]
        got = _draw(f, text or " ", colour, max(0, int(width)))
        return got if got is not None else pygame.Surface((1, f.get_linesize()), pygame.SRCALPHA)

    def _wrap(self, para: str, px: int, bold: bool, width: int) -> list[str]:
        """Lines of one paragraph, broken at spaces (long words at character boundaries), like SDL_ttf does."""
        lines: list[str] = []
        cur, cur_w, joins = "", 0, 0
        widths: dict[str, int] = {}

        def w(t: str) -> int:
            if t not in widths:
                widths[t] = self.measure(t, px, bold)
            return widths[t]

        for tok in re.findall(r"\S+|\s+", para):
            if tok.isspace():
                cur, cur_w, joins = cur + tok, cur_w + w(tok), joins + 1
                continue
            cand, guess = cur + tok, cur_w + w(tok)
            # Words measured one by one add up to the line's width give or take a pixel of kerning at
            # each join; only a line that close to the edge is measured whole.
            if guess <= width - 1 - 2 * joins or (
                guess <= width + 2 + 2 * joins and self.measure(cand, px, bold) <= width
            ):
                cur, cur_w = cand, guess
                continue
            if cur.strip():
                lines.append(cur.rstrip())
            cur, cur_w, joins = "", 0, 0
            if w(tok) <= width:
                cur, cur_w = tok, w(tok)
                continue
            marks = boundaries(tok)
            start = 0
            while start < len(tok):
                k = marks.index(start) + 1
                end = marks[k]
                while k + 1 < len(marks) and self.measure(tok[start : marks[k + 1]], px, bold) <= width:
                    k += 1
                    end = marks[k]
                if end < len(tok):
                    lines.append(tok[start:end])
                else:
                    cur, cur_w = tok[start:end], self.measure(tok[start:end], px, bold)
                start = end
        lines.append(cur.rstrip())
        return lines

    def _line(self, text: str, px: int, colour, bold: bool, script: str | None) -> pygame.Surface:
        """One line drawn run by run, every run on the chosen face's baseline."""
        main = self.font(px, bold)
        base, lh = main.get_ascent(), main.get_linesize()
        parts = []
        for path, seg, sc, rtl in self.chain(bold).runs(text, script):
            if not seg:
                continue
            f = self._font_at(path, px, sc, rtl)
            s = _draw(f, seg, colour)
            if s is not None:
                parts.append((s, base - f.get_ascent()))
        out = pygame.Surface((max(1, sum(s.get_width() for s, _ in parts)), lh), pygame.SRCALPHA)
        x = 0
        for s, y in parts:
            out.blit(s, (x, y))
            x += s.get_width()
        return out

    def _render_mixed(self, text, px, colour, width, bold, align) -> pygame.Surface:
        width = max(0, int(width))
        script = rtl_script(text)
        lines: list[str] = []
        for para in text.split("\n"):
            lines += self._wrap(para, px, bold, width) if width else [para]
        surfs = [self._line(t, px, colour, bold, script) for t in lines]
        lh = self.line_height(px, bold)
        if width and len(lines) > 1:
            w = width
        else:
            w = max(s.get_width() for s in surfs)
            w = min(w, width) if width else w
        out = pygame.Surface((max(1, w), lh * len(surfs)), pygame.SRCALPHA)
        for n, s in enumerate(surfs):
            x = {"left": 0, "center": (w - s.get_width()) // 2, "right": w - s.get_width()}[align]
            out.blit(s, (max(0, x) if align != "left" else 0, n * lh))
        return out

    def size(self, text: str, px: int, width: int = 0, bold: bool = False) -> tuple[int, int]:
        return self.render(text, px, (0, 0, 0), width, bold).get_size()

    def fit(self, text: str, box_w: int, box_h: int, max_px: int, min_px: int = 8, bold: bool = False) -> int:
        """The largest size <= max_px at which ``text`` wrapped to box_w fits in box_h."""
        key = (clean(text), self._face_name(bold), int(box_w), int(box_h), int(max_px), int(min_px))
        got = self._fits.get(key)
        if got is not None:
            return got
        px = int(max_px)
        longest = self._widest_candidates(clean(text), bold)

        def fits(p: int) -> bool:
            w, h = self.size(text, p, box_w, bold)
            # A size that would split a word across lines is not a fit: shrink until whole words fit.
            return w <= box_w and h <= box_h and max(self.measure(t, p, bold) for t in longest) <= box_w

        tried = px
        while px > min_px and not fits(px):
            tried, px = px, max(min_px, min(px - 1, int(px * 0.96)))
        # The steps skip sizes: the largest that fits may lie between the last two tried (so a size rule
        # met exactly is not missed by a pixel).
        while px + 1 < tried and fits(px + 1):
            px += 1
        self._fits[key] = px
        if len(self._fits) > self._cache_size:
            self._fits.popitem(last=False)
        return px

    def _widest_candidates(self, text: str, bold: bool) -> list[str]:
        """The words that may be the widest: the longest few, and any with emoji or symbols in them."""
        words = sorted(set(text.split()), key=len, reverse=True)
        chain = self.chain(bold)
        return words[:3] + [wd for wd in words[3:] if not chain.simple(wd)] or [""]

    def shorten(self, text: str, px: int, box_w: int, box_h: int, bold: bool = False) -> str:
        """The text, or as much of it as fits followed by "…", when even the smallest size is too big.

        Only for words that cannot fit at a readable size (a 60-letter name on a small button);
        everything else shrinks instead (see ``fit``). It is never cut inside an emoji or accented letter."""

        def fits(t: str) -> bool:
            w, h = self.size(t, px, box_w, bold)
            return (
                w <= box_w and h <= box_h and self.measure(max(t.split() or [""], key=len), px, bold) <= box_w
            )

        text = clean(text)
        key = ("short", text, self._face_name(bold), int(px), int(box_w), int(box_h))
        got = self._fits.get(key)
        if got is not None:
            return got
        if fits(text):
            self._fits[key] = text
            return text
        marks = boundaries(text)
        lo, hi = 0, len(marks) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if fits(text[: marks[mid]].rstrip() + "…"):
                lo = mid
            else:
                hi = mid - 1
        short = text[: marks[lo]].rstrip() + "…" if lo else "…"
        self._fits[key] = short
        return short

    def line_height(self, px: int, bold: bool = False) -> int:
        return self.font(px, bold).get_linesize()
