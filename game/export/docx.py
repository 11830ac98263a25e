"""The plan as a Word document (.docx) in the Making It Real template, for staff to edit further.

A4 with UK margins, spelling in the plan's language (en-GB), real document properties. Real
Heading 1/2/3 styles (so Word's navigation pane and screen readers see the structure), tables with
header rows whose rows never break across a page, headings and statements kept with what follows,
and rating symbols as small pictures so Word and LibreOffice show the same. Parts come in the
order ``PlanView.order`` gives.
"""

from __future__ import annotations

import io

from docx import Document
from docx.shared import Cm

from game.export.clean import isolate
from game.export.docx_kit import (
    column_paragraphs,
    heading,
    keep_with_next,
    labelled,
    page_furniture,
    para,
    picture,
    properties,
    setup_styles,
    table,
)
from game.export.view import PlanView, ThemeView

BODY_PT = 12
SYMBOL = Cm(0.45)  # a rating picture, about the height of the 12 pt text beside it


def render(view: PlanView) -> bytes:
    t = view.t
    doc = Document()
    setup_styles(doc, BODY_PT, view.language, view.title)
    properties(doc, view.title, t("export_default_title"), view.author, view.language)

    heading(doc, view.heading, 1)
    if view.practice:
        para(doc, t("export_practice_banner"), bold=True)
    if view.draft:
        para(doc, t("export_draft_banner"), bold=True)
    for part in view.order:
        PARTS[part](doc, view)
    para(doc, t("export_made_with"), italic=True)

    page_furniture(doc, view.title, t("export_practice_mark") if view.practice else None)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _details(doc, view: PlanView) -> None:
    t = view.t
    heading(doc, t("export_details"), 2)
    for label, value in view.details:
        labelled(doc, label, value)
    heading(doc, t("export_who_took_part"), 3)
    for line in view.participants or [t("export_nobody_listed")]:
        para(doc, line, style="List Bullet")
    heading(doc, t("export_decks_used"), 3)
    for line in view.decks or [t("export_no_decks")]:
        para(doc, line, style="List Bullet")


def _glance(doc, view: PlanView) -> None:
    t = view.t
    heading(doc, t("export_at_a_glance"), 2)
    for line in view.glance:
        keep_with_next(para(doc, line, style="List Bullet"))
    table(
        doc,
        [
            t("export_theme_col"),
            t("export_glance_statements_col"),
            t("export_glance_actions_col"),
            t("export_progress"),
        ],
        view.glance_rows,
        [40, 20, 14, 26],
        keep=True,
    )


def _action_plan(doc, view: PlanView) -> None:
    t = view.t
    heading(doc, t("export_action_plan"), 2)
    if not view.actions:
        para(doc, t("export_action_plan_none"))
        return
    keep_with_next(para(doc, t("export_action_plan_intro")))
    headers = [t("export_action_what"), t("export_action_who"), t("export_action_when"),
               t("export_theme_col"), t("export_action_status")]  # fmt: skip
    widths = [36, 18, 18, 16, 12]
    rows = [[a.what, a.who, a.when, a.theme, a.status] for a in view.actions]
    if any(a.note for a in view.actions):
        headers.append(t("export_action_note"))
        widths = [28, 14, 15, 14, 11, 18]
        rows = [r + [a.note] for r, a in zip(rows, view.actions, strict=True)]
    table(doc, headers, rows, widths)


def _themes(doc, view: PlanView) -> None:
    for theme in view.themes:
        _theme(doc, theme, view)


def _theme(doc, theme: ThemeView, view: PlanView) -> None:
    t = view.t
    heading(doc, theme.title, 2)
    if not theme.covered:
        labelled(doc, t("export_question"), theme.question)
        para(doc, t("export_not_talked"), italic=True)
        if not theme.in_play:
            para(doc, t("export_not_in_play"), italic=True)
        return

    heading(doc, t("export_statements"), 3)
    if not theme.statements:
        para(doc, t("export_no_statements"))
    for s in theme.statements:
        # The statement, who chose it and its views stay on one page together.
        keep_with_next(para(doc, s.text, bold=True))
        if s.meta:
            keep_with_next(para(doc, s.meta, italic=True))
        if s.we:
            keep_with_next(para(doc, t("export_we_statement", we=s.we)))
        if s.ratings:
            grid = table(
                doc,
                [t("export_who"), t("export_how_real")],
                [[r.who, r.label] for r in s.ratings],
                [40, 60],
                keep=True,
            )
            for cell, r in zip(column_paragraphs(grid, 1)[1:], s.ratings, strict=True):
                picture(cell, r.icon, SYMBOL, r.label, first=True)
            if s.differing:
                para(doc, t("export_differing_views"), italic=True)
        else:
            para(doc, t("export_no_ratings"))

    for section in theme.sections:
        _section_heading(doc, section.heading, section.label)
        if not section.notes and (section.id != "together" or not theme.actions):
            para(doc, t("export_nothing_noted"))
        for n in section.notes:
            para(doc, f"{isolate(n.text)} ({n.extra})" if n.extra else n.text, style="List Bullet")
        if section.id == "together" and theme.actions:
            heading(doc, t("export_actions"), 4)
            for a in theme.actions:
                para(doc, f"{isolate(a.what)} ({a.who}, {a.when}; {a.status})", style="List Bullet")


def _section_heading(doc, question: str, label: str) -> None:
    """The template's question as the heading, our short name for it after, in plain type."""
    h = heading(doc, question, 3)
    if label and label != question:
        run = h.add_run(f" · {label}")
        run.bold = False


def _parked(doc, view: PlanView) -> None:
    t = view.t
    heading(doc, t("export_parked"), 2)
    if not view.parked:
        para(doc, t("export_parked_none"))
    for p in view.parked:
        para(doc, f"{isolate(p.text)} ({p.extra})" if p.extra else p.text, style="List Bullet")


def _you_said_we_did(doc, view: PlanView) -> None:
    t = view.t
    heading(doc, t("export_you_said_we_did"), 2)
    if not view.you_said_we_did:
        para(doc, view.ysd_empty)
        return
    keep_with_next(para(doc, view.ysd_intro))
    table(
        doc,
        [t("export_ysd_said"), t("export_action_who"), t("export_ysd_did"), t("export_action_note")],
        [[y.what, y.who, y.status, y.note] for y in view.you_said_we_did],
        [40, 20, 15, 25],
    )


def _next_review(doc, view: PlanView) -> None:
    heading(doc, view.t("export_next_review"), 2)
    para(doc, view.next_review)


def _learnt(doc, view: PlanView) -> None:
    t = view.t
    heading(doc, t("export_learnt"), 2)
    para(doc, t("export_learnt_intro"))
    for question, notes in view.learnt:
        heading(doc, question, 3)
        for n in notes:
            para(doc, n, style="List Bullet")


PARTS = {
    "details": _details,
    "glance": _glance,
    "actions": _action_plan,
    "themes": _themes,
    "parked": _parked,
    "you_said_we_did": _you_said_we_did,
    "next_review": _next_review,
    "learnt": _learnt,
}
