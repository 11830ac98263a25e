"""Text as people see it: user-perceived characters ("clusters": a letter with its accents, an emoji with
its variation selector, skin tone and joiners), where the cursor may stop, and which script and direction
each character belongs to. Font fallback (game.ui.fontfallback) and the text box build on these."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

SKIN_TONES = range(0x1F3FB, 0x1F400)
_ZWJ = "\u200d"


@lru_cache(maxsize=8192)
def _extends(ch: str) -> bool:
    """True for a character that belongs to the cluster before it (accents, selectors, skin tones, tags)."""
    o = ord(ch)
    if 0xFE00 <= o <= 0xFE0F or 0xE0020 <= o <= 0xE007F or o in SKIN_TONES or o == 0x200C or o == 0x200D:
        return True
    return unicodedata.category(ch) in ("Mn", "Me", "Mc")


def _regional(ch: str) -> bool:
    return 0x1F1E6 <= ord(ch) <= 0x1F1FF


def boundaries(text: str) -> list[int]:
    """Where one user-perceived character ends and the next begins: 0, ..., len(text).

    A simplified form of Unicode's grapheme clusters, enough for accents, emoji with variation
    selectors and skin tones, joined emoji (family, rainbow flag) and country flags."""
    out = [0]
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        i += 1
        if ch == "\n":
            out.append(i)
            continue
        if _regional(ch) and i < n and _regional(text[i]):
            i += 1
        while i < n:
            c = text[i]
            if c == "\n":
                break
            if c == _ZWJ:
                i += 1
                if i < n and text[i] != "\n":
                    i += 1  # the joined character is part of the same cluster
                continue
            if _extends(c):
                i += 1
                continue
            break
        out.append(i)
    return out


def prev_boundary(text: str, i: int) -> int:
    if i <= 0:
        return 0
    best = 0
    for b in boundaries(text):
        if b >= i:
            break
        best = b
    return best


def next_boundary(text: str, i: int) -> int:
    if i >= len(text):
        return len(text)
    for b in boundaries(text):
        if b > i:
            return b
    return len(text)


def clusters(text: str) -> list[str]:
    b = boundaries(text)
    return [text[b[k] : b[k + 1]] for k in range(len(b) - 1)]


@lru_cache(maxsize=8192)
def invisible(ch: str) -> bool:
    """Characters that draw nothing by themselves: left out when the run's font lacks them."""
    o = ord(ch)
    return (
        0xFE00 <= o <= 0xFE0F
        or 0xE0020 <= o <= 0xE007F
        or o in SKIN_TONES
        or unicodedata.category(ch) in ("Cf", "Cc", "Zl", "Zp")
    )


def rtl_script(text: str) -> str | None:
    """The script name ("Arab" or "Hebr") when the text is written right to left, else None.

    Only text with no left-to-right letters at all is turned round whole: the font engine has no full
    bidirectional layout, and turning a mixed line round would print its English words backwards.
    (Right-to-left words inside a left-to-right line are turned round on their own, see Chain.runs.)"""
    script = None
    for ch in text:
        bidi = unicodedata.bidirectional(ch)
        if bidi == "L":
            return None
        if script is None and bidi in ("AL", "R"):
            script = "Arab" if bidi == "AL" else "Hebr"
    return script


# Scripts the shaping engine must be told about to put vowel signs and joined letters in the right place.
_SCRIPT_TAGS = {
    "ARABIC": "Arab",
    "HEBREW": "Hebr",
    "BENGALI": "Beng",
    "DEVANAGARI": "Deva",
    "GURMUKHI": "Guru",
    "GUJARATI": "Gujr",
    "ORIYA": "Orya",
    "TAMIL": "Taml",
    "TELUGU": "Telu",
    "KANNADA": "Knda",
    "MALAYALAM": "Mlym",
    "SINHALA": "Sinh",
    "THAI": "Thai",
    "LAO": "Laoo",
    "TIBETAN": "Tibt",
    "MYANMAR": "Mymr",
    "KHMER": "Khmr",
}


@lru_cache(maxsize=8192)
def script_tag(ch: str) -> str | None:
    """The script a shaping engine must be told about for this character (e.g. "Beng"), else None."""
    return _SCRIPT_TAGS.get(script_word(ch))


@lru_cache(maxsize=8192)
def script_word(ch: str) -> str:
    """The first word of the character's Unicode name, e.g. "BENGALI", "DEVANAGARI", "CJK"."""
    try:
        return unicodedata.name(ch).split(" ")[0]
    except ValueError:
        return ""


@lru_cache(maxsize=8192)
def direction(ch: str) -> str:
    """R for right-to-left letters, L for left-to-right letters and digits, N for spaces, marks and emoji."""
    bidi = unicodedata.bidirectional(ch)
    if bidi in ("R", "AL"):
        return "R"
    if bidi in ("L", "EN", "AN"):
        return "L"
    return "N"
