"""Small rules for what people type and for dates: tidy text, check length, work out due dates."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata

from game.model.errors import Refused

_KEEP = {"\n", "\t"}
BIDI_AND_ZERO_WIDTH = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b\u2060\ufeff\u180e]")
"""Invisible characters that change the text around them: bidi embeddings and overrides (LRE RLE PDF
LRO RLO), isolates (LRI RLI FSI PDI), direction marks, and zero-width spaces (ZWSP, word joiner,
BOM, Mongolian vowel separator). A U+202E in a name would print the words after it backwards
("(said by X)" as "yb dias"). ZWJ and ZWNJ stay: emoji and Persian spelling need them, and they
turn nothing."""

_TERMINAL_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(sorted(_TERMINAL_BIDI)) + "]")
"""The characters ``is_control`` names, as one pattern: a deck's 10,000 cards are searched with it
(one regex search per text instead of a Python call per character)."""


def is_control(ch: str) -> bool:
    """A character that makes a screen or terminal do something instead of showing a letter: a C0 or C1
    control code, or a bidi control that reorders the line (new lines and tabs are text)."""
    code = ord(ch)
    return ch not in _KEEP and (code < 0x20 or 0x7F <= code <= 0x9F or ch in _TERMINAL_BIDI)


def escaped(text: str) -> str:
    """``text`` with every control character written out (``\\x1b``, ``\\u202e``), safe to show."""
    if not any(is_control(ch) for ch in text):
        return text
    return "".join(
        (f"\\x{ord(ch):02x}" if ord(ch) <= 0xFF else f"\\u{ord(ch):04x}") if is_control(ch) else ch
        for ch in text
    )


def clean_text(text: str, limit: int, allow_empty: bool = False) -> str:
    """Trim, drop invisible control characters (but keep new lines) and direction controls, and
    check the length."""
    if not isinstance(text, str):
        raise Refused("refuse_empty_text")
    cleaned = "".join(ch for ch in text if ch in _KEEP or unicodedata.category(ch) not in ("Cc", "Cs"))
    cleaned = BIDI_AND_ZERO_WIDTH.sub("", cleaned).strip()
    if not cleaned and not allow_empty:
        raise Refused("refuse_empty_text")
    if len(cleaned) > limit:
        raise Refused("refuse_too_long", limit=limit)
    return cleaned


def parse_date(text: str | None) -> dt.date | None:
    if not isinstance(text, str) or len(text) != 10:
        return None
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return None
    # Months are added to dates (due dates, the next review): keep clear of the calendar's end, year 9999.
    return day if day.year < 9900 else None


def add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def when_to_due(when: str, session_date: str, next_review: str | None) -> str | None:
    """The date an action is due, from "next week", "next month" or "by the next review"."""
    day = parse_date(session_date)
    if day is None:
        return None
    if when == "next_week":
        return (day + dt.timedelta(days=7)).isoformat()
    if when == "next_month":
        return add_months(day, 1).isoformat()
    if when == "next_review":
        return next_review or add_months(day, 3).isoformat()
    return None
