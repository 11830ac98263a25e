"""The Easy Read plan as a Word file: each idea is a row of a borderless two-column table, its picture
on the left (2 cm, about what Easy Read guidance asks) and its words on the right, so the two stay
on one line and a row never breaks across a page. 16 pt and up, line spacing 1.5, A4.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape as xml_escape

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm
from docx.table import Table

from game.export.clean import is_rtl
from game.export.docx_kit import (
    column_paragraphs,
    heading,
    keep_with_next,
    mark_rtl,
    page_furniture,
    para,
    picture,
    properties,
    setup_styles,
)
from game.export.icons import card_picture
from game.export.view import PlanView

if TYPE_CHECKING:
    from game.export.easyread import EasyView, Line, Part

BODY_PT = 16
BIG, SMALL = Cm(2), Cm(1.4)  # a main idea's picture, and a line about it (a view, a status)
PICTURE_COL = 2.6  # cm


def render(view: PlanView, easy: EasyView) -> bytes:
    t = view.t
    doc = Document()
    setup_styles(doc, BODY_PT, view.language, easy.title)
    doc.styles["Normal"].paragraph_format.line_spacing = 1.5
    properties(doc, f"{easy.title}: {easy.whose}", t("export_default_title"), view.author, view.language)
    heading(doc, easy.title, 1)
    para(doc, easy.whose)
    if view.practice:
        para(doc, t("export_practice_banner"), bold=True)
    if view.draft:
        para(doc, t("export_draft_banner"), bold=True)
    keep_with_next(heading(doc, t("export_details"), 2))
    _lines(doc, easy.about)
    for part in easy.opening:
        _part(doc, part, 2)
    for th in easy.themes:
        h = keep_with_next(heading(doc, "", 2))
        picture(h, th.icon, BIG, th.title)
        h.add_run(th.title)
        mark_rtl(h, th.title)
        if not th.parts:
            para(doc, t("export_easy_not_talked"))
        for part in th.parts:
            _part(doc, part, 3)
    for part in easy.closing:
        _part(doc, part, 2)
    if easy.next_line.text:  # practice plans have no next review
        heading(doc, easy.next_heading, 2)
        _lines(doc, [easy.next_line])
    page_furniture(doc, view.title, t("export_practice_mark") if view.practice else None)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _part(doc, part: Part, level: int) -> None:
    h = heading(doc, "", level)
    if part.icon:
        picture(h, part.icon, Cm(1.2), part.heading)
    h.add_run(part.heading)
    _lines(doc, part.lines)


def _lines(doc, lines: list[Line]) -> None:
    """One table row per idea: picture cell, words cell. Rows keep with the next while they belong to
    the same idea (a statement and its views), so an idea is not split from what is said about it."""
    width = int(doc._block_width) // 635  # twips
    pic = int(PICTURE_COL * 567)
    rows = []
    for i, line in enumerate(lines):
        follows = i + 1 < len(lines) and lines[i + 1].sub
        rows.append(_row(line, pic, width - pic, keep=follows))
    tbl = parse_xml(
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:type="dxa" w:w="{width}"/>'
        '<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0"'
        ' w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
        f'<w:tblGrid><w:gridCol w:w="{pic}"/><w:gridCol w:w="{width - pic}"/></w:tblGrid>'
        + "".join(rows)
        + "</w:tbl>"
    )
    doc.element.body._insert_tbl(tbl)
    grid = Table(tbl, doc._body)
    for cell, line in zip(column_paragraphs(grid, 0), lines, strict=True):
        _picture(cell, line)


def _row(line: Line, pic: int, rest: int, keep: bool) -> str:
    keep_xml = "<w:keepNext/>" if keep else ""
    rtl = is_rtl(line.text)
    ppr = f"<w:pPr>{keep_xml}{'<w:bidi/>' if rtl else ''}<w:spacing w:before='60' w:after='60'/></w:pPr>"
    rpr = ("<w:b/>" if line.strong else "") + ("<w:rtl/>" if rtl else "")
    runs = "<w:br/>".join(
        f'<w:t xml:space="preserve">{xml_escape(part)}</w:t>' for part in line.text.split("\n")
    )
    return (
        "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{pic}"/><w:vAlign w:val="center"/></w:tcPr>'
        f'<w:p><w:pPr>{keep_xml}<w:jc w:val="center"/></w:pPr></w:p></w:tc>'
        f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{rest}"/><w:vAlign w:val="center"/></w:tcPr>'
        f"<w:p>{ppr}<w:r><w:rPr>{rpr}</w:rPr>{runs}</w:r></w:p></w:tc></w:tr>"
    )


def _picture(paragraph, line: Line) -> None:
    size = SMALL if line.sub else BIG
    own = card_picture(line.image, ".png")
    if own is None or not picture(paragraph, line.icon, size, line.alt, path=own):
        picture(paragraph, line.icon, size, line.alt)
