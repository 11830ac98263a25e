"""The plan's actions as CSV, for trackers and spreadsheets that gather actions from many plans.

One row per earlier action looked back on ("You said, we did"), then one per action; every row says
which plan it came from (title, service, plan date, the plan it reviews), so rows from several plans
can share one tracker; a practice plan's rows end with "Practice — not a real plan". Dates are ISO
(2026-11-30) so spreadsheets sort them. UTF-8 with a byte order mark so Excel shows accents right.

A cell a spreadsheet could run as a formula is prefixed with ' so it shows as text: one that starts
with = + - @ (or their full-width forms ＝ ＋ － ＠), also after leading spaces, no-break spaces or
line breaks, and one that starts with a tab or line break.
"""

from __future__ import annotations

import csv
import io

from game.export.view import PlanView

_SIGNS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20\u2212")  # with full-width = + - @ and the minus sign
_STARTS = frozenset("\t\r\n")


def neutralise(value: str | None) -> str:
    text = value or ""
    if not text:
        return text
    # Spreadsheets skip leading white space (Excel and Calc both do for " =1+1") before the sign.
    bare = text.lstrip()
    if text[0] in _STARTS or (bare and bare[0] in _SIGNS):
        return "'" + text
    return text


def rows(view: PlanView) -> list[list[str]]:
    """Header row then one row per action and per look-back, every cell already neutralised."""
    t = view.t
    header = [
        t("export_csv_plan"),
        t("export_service"),
        t("export_csv_plan_date"),
        t("export_csv_review_of"),
        t("export_csv_kind"),
        t("export_action_theme"),
        t("export_action_what"),
        t("export_action_who"),
        t("export_action_when"),
        t("export_action_due"),
        t("export_action_status"),
        t("export_action_note"),
    ]
    plan = [view.whose, view.service, view.plan_date, view.previous_plan_date]
    # A review opens with "You said, we did" (the earlier actions looked back on), as every export does.
    body = [
        [*plan, t("export_csv_kind_review"), y.theme, y.what, y.who, y.when, y.due, y.status, y.note]
        for y in view.you_said_we_did
    ]
    body += [
        [*plan, t("export_csv_kind_action"), a.theme, a.what, a.who, a.when, a.due, a.status, a.note]
        for a in view.actions
    ]
    if view.practice:  # rows gathered into a tracker must never pass for a real person's actions
        header.append(t("export_practice_word"))
        body = [[*row, t("export_practice_mark")] for row in body]
    return [[neutralise(c) for c in row] for row in [header, *body]]


def render(view: PlanView) -> bytes:
    out = io.StringIO()
    # Excel expects CRLF row ends; quoting keeps line breaks inside notes in their cell.
    csv.writer(out, lineterminator="\r\n").writerows(rows(view))
    return out.getvalue().encode("utf-8-sig")
