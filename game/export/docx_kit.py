"""Shared Word-building helpers: readable styles, tables with real header rows, right-to-left text.

Used by the plan (``docx.py``) and the Easy Read version (``easyread.py``). Styles are set on the
document so staff who edit the file further keep the same look (Heading 1/2/3, a sans font).
"""

from __future__ import annotations

from docx.document import Document as DocumentType
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from game.export.clean import is_rtl

FONT = "Arial"
"""Word and LibreOffice both have Arial or a metric twin (Liberation Sans), so layout holds."""
INK = RGBColor(0x1A, 0x1A, 0x1A)  # near-black on white: contrast about 17:1
_AFTER_BIDI = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
_AFTER_TBLW = (
    "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout",
    "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange",
)  # fmt: skip


def set_font(style, size_pt: float, bold: bool | None = None) -> None:
    style.font.name = FONT
    style.font.size = Pt(size_pt)
    style.font.color.rgb = INK
    if bold is not None:
        style.font.bold = bold
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        # Theme font attributes win over named fonts in Word, so drop them.
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        fonts.set(qn("w:cs"), FONT)


def set_language(style, language: str) -> None:
    """Tell Word which language the text is in, for spelling and read-aloud."""
    rpr = style.element.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:bidi"), language)


def setup_styles(doc: DocumentType, body_pt: float, language: str, title: str) -> None:
    styles = doc.styles
    set_font(styles["Normal"], body_pt)
    set_language(styles["Normal"], language)
    styles["Normal"].paragraph_format.space_after = Pt(body_pt * 0.5)
    styles["Normal"].paragraph_format.line_spacing = 1.15
    for name, scale in (("Heading 1", 1.75), ("Heading 2", 1.4), ("Heading 3", 1.15)):
        set_font(styles[name], round(body_pt * scale), bold=True)
        styles[name].paragraph_format.space_before = Pt(body_pt)
        styles[name].paragraph_format.keep_with_next = True
    for name in ("List Bullet", "Table Grid"):
        if name in [s.name for s in styles]:
            set_font(styles[name], body_pt)
    doc.core_properties.title = title
    doc.core_properties.language = language
    doc.core_properties.author = "Making It Real"


def mark_rtl(paragraph: Paragraph, text: str) -> None:
    """Right-to-left paragraphs read from the right in Word, not just their letters."""
    if is_rtl(text):
        ppr = paragraph._p.get_or_add_pPr()
        if ppr.find(qn("w:bidi")) is None:
            # Word is strict about the order of paragraph properties.
            ppr.insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)
        for run in paragraph.runs:
            run.font.rtl = True


def para(doc_or_cell, text: str = "", style: str | None = None, bold: bool = False, italic: bool = False):
    p = doc_or_cell.add_paragraph(style=style)
    if text:
        run = p.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
        mark_rtl(p, text)
    return p


def labelled(doc_or_cell, label: str, value: str, style: str | None = None):
    """'Label: value' with the label in bold."""
    p = doc_or_cell.add_paragraph(style=style)
    p.add_run(f"{label}: ").bold = True
    p.add_run(value)
    mark_rtl(p, value)
    return p


def heading(doc: DocumentType, text: str, level: int):
    h = doc.add_heading(text, level=level)
    mark_rtl(h, text)
    return h


def table(
    doc: DocumentType, headers: list[str], rows: list[list[str]], widths_pct: list[int] | None = None
) -> Table:
    """A grid table whose first row is a real header row (repeats on each page, read as headers)."""
    t = doc.add_table(rows=1, cols=len(headers))
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.LEFT
    head = t.rows[0]
    trpr = head._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:tblHeader"))
    for cell, text in zip(head.cells, headers, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        _shade(cell, "E8E8E8")
    for values in rows:
        cells = t.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            p = cell.paragraphs[0]
            p.add_run(text)
            mark_rtl(p, text)
    if widths_pct:
        _widths(t, widths_pct)
    return t


def _shade(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def _widths(t: Table, widths_pct: list[int]) -> None:
    # Percent widths (fiftieths of a percent) let Word and LibreOffice fit the page either way.
    tblpr = t._tbl.tblPr
    tblw = tblpr.find(qn("w:tblW"))
    if tblw is None:
        tblw = OxmlElement("w:tblW")
        tblpr.insert_element_before(tblw, *_AFTER_TBLW)
    tblw.set(qn("w:type"), "pct")
    tblw.set(qn("w:w"), "5000")
    for row in t.rows:
        for cell, pct in zip(row.cells, widths_pct, strict=False):
            tcw = cell._tc.get_or_add_tcPr().get_or_add_tcW()
            tcw.set(qn("w:type"), "pct")
            tcw.set(qn("w:w"), str(pct * 50))
