"""The rules of a deck that a schema cannot say: ids used twice, cards naming a missing theme, themes
with no cards, scale symbols that clash, pictures outside the deck's folder, decks that extend nothing,
and control codes hidden in any text (a YAML escape such as "\\e" or "\\a" becomes a real escape character,
which would reach a terminal or a screen reader as a command instead of a letter).

Checks here run on data that may also have structural problems, so each one skips values of the wrong
shape instead of failing on them: every problem in a file is reported in one go.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.model.deck_pictures import PICTURES_DIR, locate, outside, problem
from game.model.deck_problem import Finding
from game.model.deck_words import SECTION_ITEM
from game.model.deck_yaml import Parsed
from game.model.textrules import CONTROL, escaped


def items(data: Any, section: str) -> list[tuple[int, dict]]:
    """The well-formed entries of a list section, with their places in it."""
    value = data.get(section) if isinstance(data, dict) else None
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def text_of(item: dict, key: str) -> str | None:
    value = item.get(key)
    return value if isinstance(value, str) else None


def ids(data: Any, section: str) -> list[str]:
    return [i for _, item in items(data, section) if (i := text_of(item, "id")) is not None]


def check_deck(data: Any, parsed: Parsed, folder: Path | None) -> list[Finding]:
    """Everything wrong with one deck on its own (references to other decks are checked by the loader)."""
    if not isinstance(data, dict):
        return []
    out: list[Finding] = []
    _duplicate_ids(data, parsed, out)
    _control_codes(data, out)
    if not isinstance(data.get("extends"), str):
        theme_ids = ids(data, "themes")
        out += unknown_themes(data, theme_ids)
    _empty_themes(data, out)
    _symbols(data, out)
    _images(data, folder, out)
    own = text_of(data, "id")
    if own is not None and data.get("extends") == own:
        out.append(Finding("extends_self", {"id": own}, ("extends",)))
    if own is not None and data.get("translation_of") == own:
        out.append(Finding("translation_self", {"id": own}, ("translation_of",)))
    if isinstance(data.get("extends"), str) and not any(
        data.get(k) for k in ("themes", "cards", "personas", "facilitator_notes", "debrief")
    ):
        out.append(Finding("extends_nothing", {"base": data["extends"]}, ("extends",)))
    return out


MAX_CONTROL_FINDINGS = 50


def control_code(text: str) -> str | None:
    """The first control code in ``text``, written out (``\\x1b``), or None."""
    found = CONTROL.search(text)
    return escaped(found.group()) if found else None


def _control_codes(data: dict, out: list[Finding]) -> None:
    """Every key and text value, in card, theme, prompt, persona and any other text."""
    found = 0
    stack: list[tuple[Any, tuple]] = [(data, ())]
    while stack and found < MAX_CONTROL_FINDINGS:
        value, path = stack.pop()
        if isinstance(value, dict):
            for key, child in value.items():
                bad = control_code(key) if isinstance(key, str) else None
                if bad:
                    out.append(Finding("control_code", {"char": bad}, (*path, key), on_key=True))
                    found += 1
                stack.append((child, (*path, key)))
        elif isinstance(value, list):
            stack.extend((child, (*path, i)) for i, child in enumerate(value))
        elif isinstance(value, str) and (bad := control_code(value)):
            out.append(Finding("control_code", {"char": bad}, path))
            found += 1


def unknown_themes(data: dict, theme_ids: list[str]) -> list[Finding]:
    out = []
    known = set(theme_ids)
    for i, card in items(data, "cards"):
        theme = text_of(card, "theme")
        if theme is not None and theme not in known:
            params = {"theme": theme, "near": theme, "allowed": theme_ids}
            out.append(Finding("unknown_theme", params, ("cards", i, "theme")))
    return out


def _duplicate_ids(data: dict, parsed: Parsed, out: list[Finding]) -> None:
    for section, kind in SECTION_ITEM.items():
        first: dict[str, int] = {}
        for i, item in items(data, section):
            ident = text_of(item, "id")
            if ident is None:
                continue
            if ident in first:
                line = parsed.position((section, first[ident], "id"))[0]
                params = {"id": ident, "first": line, "kind": kind}
                out.append(Finding("dup_id", params, (section, i, "id")))
            else:
                first[ident] = i


def _empty_themes(data: dict, out: list[Finding]) -> None:
    used = {text_of(card, "theme") for _, card in items(data, "cards")}
    for i, theme in items(data, "themes"):
        ident = text_of(theme, "id")
        if ident is not None and ident not in used:
            out.append(Finding("empty_theme", {"id": ident}, ("themes", i)))


def _symbols(data: dict, out: list[Finding]) -> None:
    seen: dict[str, str] = {}
    for i, point in items(data, "scale"):
        symbol, ident = text_of(point, "symbol"), text_of(point, "id") or str(i + 1)
        if symbol is None:
            continue
        if symbol in seen:
            out.append(
                Finding("same_symbol", {"symbol": symbol, "other": seen[symbol]}, ("scale", i, "symbol"))
            )
        else:
            seen[symbol] = ident


def _images(data: dict, folder: Path | None, out: list[Finding]) -> None:
    for section in ("themes", "cards", "personas"):
        for i, item in items(data, section):
            image = text_of(item, "image")
            if image is None or not image.strip():
                continue
            image = image.strip()
            path = (section, i, "image")
            if outside(image):
                out.append(Finding("image_outside", {"value": image}, path))
                continue
            if folder is None:
                continue
            found = locate(image, folder)
            if found is None:
                params = {"value": image, "folder": str(folder), "shipped": str(PICTURES_DIR)}
                out.append(Finding("image_missing", params, path))
                continue
            wrong = problem(found)
            if wrong is not None:
                code, params = wrong
                out.append(Finding(code, {"value": image, **params}, path))
