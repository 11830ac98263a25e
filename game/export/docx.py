"""The plan as a Word document (.docx) in the Making It Real template, for staff to edit further.

Real Heading 1/2/3 styles (so Word's navigation pane and screen readers see the structure), tables
with header rows, a 12 pt sans font. Works in Word and LibreOffice.
"""

from __future__ import annotations

import io

from docx import Document

from game.export.clean import isolate
from game.export.docx_kit import heading, labelled, page_furniture, para, setup_styles, table
from game.export.view import PlanView, ThemeView

BODY_PT = 12


def render(view: PlanView) -> bytes:
    t = view.t
    doc = Document()
    setup_styles(doc, BODY_PT, view.language, view.title)

    heading(doc, view.title, 1)
    if view.practice:
        para(doc, t("export_practice_banner"), bold=True)
    if view.draft:
        para(doc, t("export_draft_banner"), bold=True)

    heading(doc, t("export_details"), 2)
    for label, value in view.details:
        labelled(doc, label, value)

    heading(doc, t("export_who_took_part"), 3)
    for line in view.participants or [t("export_nobody_listed")]:
        para(doc, line, style="List Bullet")
    heading(doc, t("export_decks_used"), 3)
    for line in view.decks or [t("export_no_decks")]:
        para(doc, line, style="List Bullet")
    heading(doc, t("export_at_a_glance"), 3)
    for line in view.glance:
        para(doc, line, style="List Bullet")
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
    )

    for theme in view.themes:
        _theme(doc, theme, view)

    heading(doc, t("export_parked"), 2)
    if not view.parked:
        para(doc, t("export_parked_none"))
    for p in view.parked:
        para(doc, f"{isolate(p.text)} ({p.extra})" if p.extra else p.text, style="List Bullet")

    heading(doc, t("export_you_said_we_did"), 2)
    if view.you_said_we_did:
        para(doc, view.ysd_intro)
        table(
            doc,
            [t("export_ysd_said"), t("export_action_who"), t("export_ysd_did"), t("export_action_note")],
            [[y.what, y.who, y.status, y.note] for y in view.you_said_we_did],
            [40, 20, 15, 25],
        )
    else:
        para(doc, view.ysd_empty)

    heading(doc, t("export_next_review"), 2)
    para(doc, view.next_review)
    para(doc, t("export_made_with"), italic=True)

    page_furniture(doc, view.title, t("export_practice_banner") if view.practice else None)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _theme(doc, theme: ThemeView, view: PlanView) -> None:
    t = view.t
    heading(doc, theme.title, 2)
    labelled(doc, t("export_question"), theme.question)
    if not theme.covered:
        para(doc, t("export_not_talked"), italic=True)
        if not theme.in_play:
            para(doc, t("export_not_in_play"), italic=True)
        return

    heading(doc, t("export_statements"), 3)
    if not theme.statements:
        para(doc, t("export_no_statements"))
    for s in theme.statements:
        para(doc, s.text, bold=True)
        if s.meta:
            para(doc, s.meta, italic=True)
        if s.we:
            para(doc, t("export_we_statement", we=s.we))
        if s.ratings:
            table(
                doc, [t("export_who"), t("export_how_real")], [[r.who, r.text] for r in s.ratings], [40, 60]
            )
            if s.differing:
                para(doc, t("export_differing_views"), italic=True)
        else:
            para(doc, t("export_no_ratings"))

    for section in theme.sections:
        heading(doc, section.heading, 3)
        if not section.notes and section.id != "together":
            para(doc, t("export_nothing_noted"))
        for n in section.notes:
            para(doc, f"{isolate(n.text)} ({n.extra})" if n.extra else n.text, style="List Bullet")
        if section.id == "together":
            if not section.notes and not theme.actions:
                para(doc, t("export_nothing_noted"))
            _actions(doc, theme, view)


def _actions(doc, theme: ThemeView, view: PlanView) -> None:
    t = view.t
    if not theme.actions:
        para(doc, t("export_no_actions"))
        return
    para(doc, t("export_actions"), bold=True)
    headers = [
        t("export_action_what"),
        t("export_action_who"),
        t("export_action_when"),
        t("export_action_status"),
    ]
    widths = [45, 20, 20, 15]
    rows = [[a.what, a.who, a.when, a.status] for a in theme.actions]
    if theme.has_action_notes:
        headers.append(t("export_action_note"))
        widths = [35, 15, 15, 12, 23]
        for row, a in zip(rows, theme.actions, strict=True):
            row.append(a.note)
    table(doc, headers, rows, widths)
