"""The trainer guide as a Word document (A4, UK margins, real headings), to print or edit.

Each persona starts a new page, so the persona pages can be printed and handed out one each.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_BREAK
from docx.shared import Cm, Inches

from game.export.docx_kit import heading, labelled, page_furniture, para, setup_styles, table
from game.export.icons import png_path
from game.guide.content import Guide

BODY_PT = 12


def _a4(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))


def _page_break(doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def render(guide: Guide) -> bytes:
    t = guide.t
    doc = Document()
    _a4(doc)
    setup_styles(doc, BODY_PT, guide.language, f"{guide.title}: {guide.subtitle}")
    doc.core_properties.subject = guide.title
    doc.core_properties.comments = ""
    page_furniture(doc, guide.title)

    heading(doc, guide.title, 1)
    para(doc, guide.subtitle, bold=True)
    para(doc, guide.deck_line, italic=True)

    heading(doc, t("guide_what_heading"), 2)
    for p in guide.intro:
        para(doc, p)
    heading(doc, t("guide_coproduction_heading"), 3)
    for p in guide.coproduction:
        para(doc, p)
    heading(doc, t("guide_how_to_play_heading"), 3)
    for p in guide.how_to_play:
        para(doc, p, style="List Bullet")

    for minutes, rows in guide.plans.items():
        heading(doc, t("guide_plan_heading", minutes=minutes), 2)
        table(
            doc,
            [t("guide_col_when"), t("guide_col_part"), t("guide_col_what")],
            [[f"{r.start}–{r.end}\n({t('guide_minutes', n=r.minutes)})", r.title, r.what] for r in rows],
            [18, 22, 60],
        )

    heading(doc, t("guide_themes_heading"), 2)
    para(doc, t("guide_themes_intro"))
    for th in guide.themes:
        p = doc.add_paragraph()
        icon = png_path(th.icon)
        if icon is not None:
            p.add_run().add_picture(str(icon), width=Inches(0.45))
            p.add_run("  ")
        p.add_run(th.title).bold = True
        p.paragraph_format.keep_with_next = True  # a theme's name stays on the page with its question
        para(doc, th.question, italic=True)

    heading(doc, t("guide_notes_heading"), 2)
    para(doc, t("guide_notes_intro"))
    for n in guide.notes:
        heading(doc, n.title, 3)
        para(doc, n.text)

    heading(doc, t("guide_debrief_heading"), 2)
    para(doc, t("guide_debrief_intro"))
    for q in guide.debrief:
        para(doc, q, style="List Number")

    heading(doc, t("guide_personas_heading"), 2)
    para(doc, t("guide_personas_intro"))
    for persona in guide.personas:
        _page_break(doc)
        heading(doc, f"{persona.name}, {persona.age}" if persona.age else persona.name, 2)
        if persona.setting:
            labelled(doc, t("guide_persona_setting"), persona.setting)
        if persona.needs:
            labelled(doc, t("guide_persona_needs"), persona.needs)
        para(doc, persona.summary).runs[0].font.size = doc.styles["Heading 3"].font.size
        para(doc, t("guide_persona_footer"), italic=True)

    para(doc, t("guide_footer"), italic=True)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
