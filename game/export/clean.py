"""Making any text safe to write: every export starts from a cleaned copy of the plan.

People type anything — emoji, accents, right-to-left scripts, pasted text with control characters.
Word files (XML) cannot hold most control characters, and a lone surrogate cannot be written as
UTF-8 at all, so those are removed or replaced here, once, and every format sees the same words.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from game.model.plan import Plan
from game.model.textrules import BIDI_AND_ZERO_WIDTH

# XML 1.0 forbids these; tab, newline and carriage return are fine.
_BAD_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_SURROGATES = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Text that any format can hold: line ends as \\n, no control characters, no lone surrogates,
    and no invisible direction or zero-width controls."""
    if not text:
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _BAD_CONTROLS.sub("", text)
    # The game drops these as people type; a plan file or an older save may still hold them.
    text = BIDI_AND_ZERO_WIDTH.sub("", text)
    return _SURROGATES.sub("\ufffd", text)


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value


def clean_plan(plan: Plan) -> Plan:
    """A cleaned deep copy; the caller's plan is left as it was."""
    return Plan.from_dict(_clean(plan.to_dict()))


_ISOLATE_OPEN = {"\u2066", "\u2067", "\u2068"}  # LRI, RLI, FSI
_ISOLATE_CLOSE = "\u2069"  # PDI


def is_rtl(text: str | None) -> bool:
    """True when the first letter with a direction is right-to-left (Arabic, Hebrew ...).

    Text inside isolates (see ``isolate``) does not count, as in the Unicode bidi algorithm, so
    "⁨نور⁩: Sometimes" is a left-to-right line with a right-to-left name in it.
    """
    depth = 0
    for ch in text or "":
        if ch in _ISOLATE_OPEN:
            depth += 1
        elif ch == _ISOLATE_CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            kind = unicodedata.bidirectional(ch)
            if kind in ("R", "AL"):
                return True
            if kind == "L":
                return False
    return False


def has_rtl(text: str | None) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text or "")


def isolate(text: str | None) -> str | None:
    """Wrap right-to-left text in Unicode isolates (FSI ... PDI) so that, set inside an English
    sentence ("said by نور"), it neither reorders the sentence nor is reordered by it."""
    if text and has_rtl(text):
        return f"\u2068{text}\u2069"
    return text
