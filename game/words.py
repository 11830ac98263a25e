"""The one place player-facing words come from, so the game can be translated.

Words live in YAML files under ``game/locale/<language>/`` (one file per area: ``engine.yaml``,
``ui.yaml``, ``export.yaml`` ...). A language that lacks a word falls back to English.
Use ``Words("cy").get("key", name="Ann")`` — ``{name}`` placeholders are filled with ``str.format``.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from pathlib import Path

import yaml

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
FALLBACK = "en"
_LANG = re.compile(r"[a-z]{2,8}")


@lru_cache(maxsize=16)
def _table(lang: str) -> dict[str, str]:
    table: dict[str, str] = {}
    folder = LOCALE_DIR / lang
    if folder.is_dir():
        for f in sorted(folder.glob("*.yaml")):
            try:
                data = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
            except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
                # A broken translation file must not stop the game: its words fall back to English.
                print(f"Could not read the words in {f}: {exc}", file=sys.stderr)
                continue
            if not isinstance(data, dict):
                continue
            for k, v in data.items():
                if v is None or isinstance(v, dict | list):
                    continue  # a gap left by a translator falls back to English, never shows "None"
                table[str(k)] = str(v)
    return table


def base_language(tag: str | None) -> str:
    """'en-GB' -> 'en', 'cy' -> 'cy'. Anything that is not a language tag (a path, say) gives English."""
    base = (tag if isinstance(tag, str) else FALLBACK).split("-")[0].lower()
    # The tag names a folder under locale/, so only plain letters may reach the file system.
    return base if _LANG.fullmatch(base) else FALLBACK


def languages() -> list[str]:
    """The languages the game speaks: one per folder under locale/, English first."""
    return sorted(
        (p.name for p in LOCALE_DIR.iterdir() if p.is_dir()), key=lambda lang: (lang != FALLBACK, lang)
    )


class Words:
    def __init__(self, language: str | None = None):
        self.language = base_language(language)

    def get(self, key: str, **params) -> str:
        text = _table(self.language).get(key)
        if text is None:
            text = _table(FALLBACK).get(key)
        if text is None:
            # A missing word is a bug, but people must never see a crash for it.
            return key
        if params:
            try:
                return text.format(**params)
            except (KeyError, IndexError, ValueError, AttributeError, TypeError):
                # A slip in a translation ("{name.x}", "{n[0]}") shows the words unfilled, never a crash.
                return text
        return text

    __call__ = get

    def has(self, key: str) -> bool:
        return key in _table(self.language) or key in _table(FALLBACK)
