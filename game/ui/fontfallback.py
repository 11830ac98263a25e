"""Per-character font fallback: which font draws each character of a string, so nothing shows as an empty box.

A string is cut into user-perceived characters ("clusters": a letter with its accents, an emoji with its
variation selector, skin tone and joiners) and each cluster goes to the first font in a chain that has
every visible part of it: the chosen face (DejaVu Sans or OpenDyslexic), then DejaVu Sans when OpenDyslexic
is on, then Noto Sans Symbols 2 and Symbola (symbols and emoji, shipped in assets/fonts), then a font the
system has for that script (Noto Sans Bengali, a CJK font ...). Invisible joiners the chosen font has no
glyph for are left out of what is drawn (they would draw as boxes) but never out of the text itself.

Coverage is checked with pygame.freetype's get_metrics (None for a missing glyph) once per (font, char).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pygame
import pygame.freetype

from game import paths
from game.ui.clusters import SKIN_TONES, clusters, direction, invisible, rtl_script, script_tag, script_word

# Symbol and emoji fonts, best first: Noto Sans Symbols 2 draws the emoji it has (👍 ❤ ⭐) big and clear;
# Symbola has nearly every emoji up to Unicode 10 (faces, food, people, flags), drawn smaller.
SYMBOL_FONTS = [["NotoSansSymbols2-Regular.ttf"], ["Symbola_hint.ttf", "Symbola.ttf"]]
_SYMBOL_SYSTEM = [
    Path("/usr/share/fonts/truetype/noto"),
    Path("/usr/share/fonts/truetype/ancient-scripts"),
    Path("/usr/share/fonts/truetype/symbola"),
]
_SCRIPT_DIRS = [
    Path("/usr/share/fonts/truetype/noto"),
    Path("/usr/share/fonts/opentype/noto"),
    Path("/usr/share/fonts/truetype/freefont"),
    Path("/usr/share/fonts/truetype/droid"),
    Path("/usr/share/fonts/truetype/wqy"),
    Path("/usr/share/fonts/opentype/unifont"),
    Path("/usr/share/fonts/truetype/unifont"),
    Path("/Library/Fonts"),
    Path("/System/Library/Fonts"),
    Path("C:/Windows/Fonts"),
]
# Broad fonts tried for a script when no font is named after it (Chinese, Japanese, Korean mostly).
_BROAD = [
    "NotoSansCJK-Regular.ttc",
    "NotoSansCJKsc-Regular.otf",
    "DroidSansFallbackFull.ttf",
    "wqy-microhei.ttc",
    "wqy-zenhei.ttc",
    "FreeSans.ttf",
    "FreeSerif.ttf",
    "unifont.otf",
    "unifont.ttf",
    "seguisym.ttf",
    "msyh.ttc",
    "Nirmala.ttf",
    "Arial Unicode.ttf",
]


class Coverage:
    """Which font files have a glyph for which character; one per Fonts, nothing global."""

    def __init__(self):
        if not pygame.freetype.get_init():
            pygame.freetype.init()
        self._faces: dict[Path | None, pygame.freetype.Font | None] = {}
        self._has: dict[Path | None, dict[str, bool]] = {}
        self._script_fonts: dict[str, Path | None] = {}
        self._system_listing: list[Path] | None = None

    def _face(self, path: Path | None):
        if path not in self._faces:
            try:
                self._faces[path] = pygame.freetype.Font(str(path) if path else None, 16)
            except (OSError, pygame.error, FileNotFoundError):
                self._faces[path] = None
        return self._faces[path]

    def has(self, path: Path | None, ch: str) -> bool:
        known = self._has.setdefault(path, {})
        got = known.get(ch)
        if got is None:
            face = self._face(path)
            got = False
            if face is not None:
                try:
                    got = face.get_metrics(ch)[0] is not None
                except (pygame.error, ValueError, IndexError):
                    got = False
            known[ch] = got
        return got

    def covers(self, path: Path | None, cluster: str) -> bool:
        """The font has every visible part of the cluster."""
        return all(self.has(path, c) for c in cluster if c == cluster[0] or not invisible(c))

    def script_font(self, ch: str) -> Path | None:
        """A system font for a character none of the game's fonts has, found once per script."""
        word = script_word(ch)
        if word in self._script_fonts:
            found = self._script_fonts[word]
            if found is None or self.has(found, ch):
                return found
        found = None
        names = []
        if word:
            title = word.title().replace("-", "")
            names += [
                f"NotoSans{title}-Regular.ttf",
                f"NotoSans{title}-Regular.otf",
                f"NotoSerif{title}-Regular.ttf",
            ]
        names += _BROAD
        for name in names:
            for folder in _SCRIPT_DIRS:
                p = folder / name
                if p.is_file():
                    if self.has(p, ch):
                        found = p
                        break
                    self._faces.pop(p, None)
            if found:
                break
        if found is None:
            found = self._scan_noto(ch)
        self._script_fonts[word] = found
        return found

    def _scan_noto(self, ch: str) -> Path | None:
        # Last try: any regular Noto Sans font the system has (a few hundred files, checked once per script).
        if self._system_listing is None:
            listing = []
            for folder in _SCRIPT_DIRS[:2]:
                if folder.is_dir():
                    listing += sorted(folder.glob("NotoSans*-Regular.*"))
            self._system_listing = listing
        for p in self._system_listing:
            if self.has(p, ch):
                return p
            self._faces.pop(p, None)  # let go of the file: hundreds of fonts must not stay open
        return None


def symbol_fonts(fonts_dir: Path | None = None) -> list[Path]:
    """The symbol and emoji fonts found, from the game's folder first, else the system's."""
    found = []
    for names in SYMBOL_FONTS:
        for folder in [fonts_dir or paths.FONTS_DIR, *_SYMBOL_SYSTEM]:
            hit = next((folder / n for n in names if (folder / n).is_file()), None)
            if hit:
                found.append(hit)
                break
    return found


class Chain:
    """The fonts tried in order for one face, and which of them draws each cluster."""

    def __init__(self, coverage: Coverage, fonts: list[Path | None]):
        self.coverage = coverage
        self.fonts = fonts
        self.primary = fonts[0]
        # Characters the primary font has that read left to right and need no script named: a string made
        # only of them goes to the font engine whole.
        self.plain: set[str] = {"\n", " "}
        self._pick: dict[str, tuple[Path | None, str]] = {}

    def simple(self, text: str) -> bool:
        """The primary font has every character and the line reads one way: the font engine can take it whole."""
        if self.plain.issuperset(text):
            return True
        rtl = False
        for c in set(text) - self.plain:
            if not self.coverage.has(self.primary, c):
                return False
            if unicodedata.bidirectional(c) in ("R", "AL"):
                rtl = True
            elif script_tag(c):
                return False  # needs its script named to be shaped (a primary font with Bengali, say)
            else:
                self.plain.add(c)
        return not rtl or rtl_script(text) is not None

    def pick(self, cluster: str) -> tuple[Path | None, str]:
        """(font, what to draw) for one cluster; what to draw leaves out invisible parts the font lacks."""
        got = self._pick.get(cluster)
        if got is not None:
            return got
        cov = self.coverage
        choice = None
        for path in self.fonts:
            if cov.covers(path, cluster):
                choice = path
                break
        if choice is None:
            base = cluster[0]
            if not invisible(base):
                choice = cov.script_font(base)
            if choice is None:
                # No font has it: draw it in the first font with the base character, else the primary's box.
                choice = next((p for p in self.fonts if cov.has(p, base)), self.primary)
        # A skin tone after an emoji cannot show in a one-colour font; Symbola would draw it as a swatch.
        drawn = "".join(
            c
            for k, c in enumerate(cluster)
            if k == 0 or not ((invisible(c) and not cov.has(choice, c)) or ord(c) in SKIN_TONES)
        )
        got = (choice, drawn)
        if len(self._pick) > 20000:
            self._pick.clear()
        self._pick[cluster] = got
        return got

    def runs(
        self, text: str, line_script: str | None = None
    ) -> list[tuple[Path | None, str, str | None, bool]]:
        """The text cut into runs of one font and one direction each: (font, what to draw, script, right to left).

        Runs come in the order they are drawn from the left. For a whole right-to-left line
        (``line_script`` set) every run is right to left and their order is turned round; in a
        left-to-right line only a stretch of right-to-left words is (its spaces and marks go with it)."""
        cls = clusters(text)
        if line_script:
            dirs = ["R"] * len(cls)
        else:
            dirs = [direction(cl[0]) for cl in cls]
            # A space or mark between two right-to-left words belongs to them; anywhere else it reads left to right.
            after, nxt = [], "L"
            for d in reversed(dirs):
                after.append(nxt)
                nxt = d if d != "N" else nxt
            after.reverse()
            before = "L"
            for i, d in enumerate(dirs):
                if d == "N":
                    dirs[i] = "R" if before == after[i] == "R" else "L"
                else:
                    before = d
        out: list[list] = []
        for cl, d in zip(cls, dirs, strict=True):
            rtl = d == "R"
            if cl.isspace() and out and out[-1][3] == rtl:
                out[-1][1].append(cl)
                continue
            font, drawn = self.pick(cl)
            if out and out[-1][0] is font and out[-1][3] == rtl:
                out[-1][1].append(drawn)
            else:
                out.append([font, [drawn], None, rtl])
        runs = []
        for font, parts, _, rtl in out:
            seg = "".join(parts)
            if rtl:
                script = line_script or (
                    "Arab" if any(unicodedata.bidirectional(c) == "AL" for c in seg) else "Hebr"
                )
            else:
                script = next((t for t in map(script_tag, seg) if t), None)
            runs.append((font, seg, script, rtl))
        if line_script:
            runs.reverse()
        else:
            # Each stretch of right-to-left runs is read from its right-hand end.
            i = 0
            while i < len(runs):
                if runs[i][3]:
                    j = i
                    while j < len(runs) and runs[j][3]:
                        j += 1
                    runs[i:j] = runs[i:j][::-1]
                    i = j
                else:
                    i += 1
        return runs or [(self.primary, "", line_script, bool(line_script))]
