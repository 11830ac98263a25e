"""Checking what a plan file means, once its shape is right (``planio.validate`` checks the shape).

A file can have every field of the right type and still be wrong: a date that is not on any calendar
(``2026-13-45``, ``9999-99-99``; an empty one means "not set yet"), a rating by a player who is not in the plan,
a note about a card no statement is for, an action in a theme the plan does not have, two things
with one id. ``meaning_problems`` finds every such problem (up to a limit), each as ``(where, what)``
in plain words, like the shape checks. Pure: no I/O.
"""

from __future__ import annotations

from typing import Any

from game.model.textrules import parse_date
from game.words import Words

MAX_PROBLEMS = 20


def meaning_problems(
    data: dict, language: str | None = None, limit: int = MAX_PROBLEMS
) -> list[tuple[str, str]]:
    words = Words(language)
    out: list[tuple[str, str]] = []

    def problem(where: str, key: str, found: Any) -> None:
        if len(out) < limit:
            out.append((where, words.get(key, found=_short(found))))

    _dates(data, problem)
    players = _unique(data.get("participants"), "participants", "id", problem)
    themes = data.get("themes") or []
    theme_ids = _unique(themes, "themes", "id", problem)
    cards = {s.get("card_id") for t in themes for s in t.get("statements") or []}
    note_ids: set = set()
    action_ids: set = set()
    for i, theme in enumerate(themes):
        at = f"themes[{i}]"
        for j, st in enumerate(theme.get("statements") or []):
            if st.get("carried_over"):
                continue  # its views were given at the last session, perhaps by people not here today
            for k, rating in enumerate(st.get("ratings") or []):
                if rating.get("player_id") not in players:
                    problem(
                        f"{at}.statements[{j}].ratings[{k}].player_id",
                        "plan_file_problem_no_player",
                        rating.get("player_id"),
                    )
        for j, note in enumerate(theme.get("notes") or []):
            where = f"{at}.notes[{j}]"
            _once(note.get("id"), note_ids, f"{where}.id", problem)
            card = note.get("card_id")
            # A note brought forward from the last plan may be about a card not dealt this time.
            if card is not None and card not in cards and not note.get("carried_over"):
                problem(f"{where}.card_id", "plan_file_problem_no_card", card)
        for j, action in enumerate(theme.get("actions") or []):
            where = f"{at}.actions[{j}]"
            _once(action.get("id"), action_ids, f"{where}.id", problem)
            if action.get("theme") not in (None, "", *theme_ids):
                problem(f"{where}.theme", "plan_file_problem_no_theme", action.get("theme"))
    for i, parked in enumerate(data.get("parked") or []):
        if parked.get("theme") not in (None, "", *theme_ids):
            problem(f"parked[{i}].theme", "plan_file_problem_no_theme", parked.get("theme"))
    return out


def _dates(data: dict, problem) -> None:
    if not _real(data.get("date")):  # "" is "not set yet", as the game itself writes it
        problem("date", "plan_file_problem_date", data.get("date"))
    for name in ("next_review", "previous_date"):
        if not _real(data.get(name)):
            problem(name, "plan_file_problem_date", data.get(name))
    for i, theme in enumerate(data.get("themes") or []):
        for j, action in enumerate(theme.get("actions") or []):
            if not _real(action.get("due")):
                problem(f"themes[{i}].actions[{j}].due", "plan_file_problem_date", action.get("due"))
    for i, said in enumerate(data.get("you_said_we_did") or []):
        action = said.get("action") if isinstance(said, dict) else None
        if isinstance(action, dict) and not _real(action.get("due")):
            problem(f"you_said_we_did[{i}].action.due", "plan_file_problem_date", action.get("due"))


def _real(value: Any) -> bool:
    """None (no date) or a day on the calendar, perhaps with a time after it."""
    if value is None or value == "":
        return True
    return isinstance(value, str) and parse_date(value[:10]) is not None


def _unique(items: Any, section: str, key: str, problem) -> set:
    seen: set = set()
    for i, item in enumerate(items or []):
        _once(item.get(key), seen, f"{section}[{i}].{key}", problem)
    return seen


def _once(value: Any, seen: set, where: str, problem) -> None:
    if value in seen:
        problem(where, "plan_file_problem_same_id", value)
    seen.add(value)


def _short(value: Any, limit: int = 40) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
