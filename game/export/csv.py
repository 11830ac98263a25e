"""The plan's actions as CSV, for trackers and spreadsheets.

One row per action: theme, what, who, by when, due date, status, note. UTF-8 with a byte order
mark so Excel shows accents right. A cell that starts with = + - @ (or a tab or carriage return)
is prefixed with ' so a spreadsheet shows it as text and never runs it as a formula.
"""

from __future__ import annotations

import csv
import io

from game.export.view import PlanView

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str | None) -> str:
    text = value or ""
    return "'" + text if text.startswith(_FORMULA_START) else text


def rows(view: PlanView) -> list[list[str]]:
    """Header row then one row per action, every cell already neutralised."""
    t = view.t
    header = [
        t("export_action_theme"),
        t("export_action_what"),
        t("export_action_who"),
        t("export_action_when"),
        t("export_action_due"),
        t("export_action_status"),
        t("export_action_note"),
    ]
    body = []
    for theme in view.themes:
        for a in theme.actions:
            body.append([theme.title, a.what, a.who, a.when, a.due, a.status, a.note])
    return [[neutralise(c) for c in row] for row in [header, *body]]


def render(view: PlanView) -> bytes:
    out = io.StringIO()
    # Excel expects CRLF row ends; quoting keeps line breaks inside notes in their cell.
    csv.writer(out, lineterminator="\r\n").writerows(rows(view))
    return out.getvalue().encode("utf-8-sig")
