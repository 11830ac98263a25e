"""Shared Word-building helpers: readable styles, tables with real header rows, right-to-left text.

Used by the plan (``docx.py``) and the Easy Read version (``easyread.py``). Styles are set on the
document so staff who edit the file further keep the same look (Heading 1/2/3, a sans font).
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from docx.document import Document as DocumentType
from docx.enum.style import WD_STYLE_TYPE
from docx.image.exceptions import UnrecognizedImageError
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.shape import CT_Inline
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from game.export.clean import is_rtl, isolate
from game.export.icons import png_path

FONT = "Arial"
"""Word and LibreOffice both have Arial or a metric twin (Liberation Sans), so layout holds."""
INK = RGBColor(0x1A, 0x1A, 0x1A)  # near-black on white: contrast about 17:1
_AFTER_SZCS = ("w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl",
               "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")  # fmt: skip
_AFTER_BIDI = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip


def set_font(style, size_pt: float, bold: bool | None = None) -> None:
    style.font.name = FONT
    style.font.size = Pt(size_pt)
    style.font.color.rgb = INK
    if bold is not None:
        style.font.bold = bold
    rpr = style.element.get_or_add_rPr()
    # Right-to-left and other complex scripts take their size from szCs, not sz.
    size_cs = rpr.find(qn("w:szCs"))
    if size_cs is None:
        size_cs = OxmlElement("w:szCs")
        rpr.insert_element_before(size_cs, *_AFTER_SZCS)
    size_cs.set(qn("w:val"), str(round(size_pt * 2)))
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        # Theme font attributes win over named fonts in Word, so drop them.
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        fonts.set(qn("w:cs"), FONT)


def _set_lang(rpr, language: str) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    lang.set(qn("w:val"), language)
    lang.set(qn("w:bidi"), language)
    if lang.get(qn("w:eastAsia")) is not None:
        lang.set(qn("w:eastAsia"), language)


def set_language(style, language: str) -> None:
    """Tell Word which language the text is in, for spelling and read-aloud."""
    _set_lang(style.element.get_or_add_rPr(), language)


def proofing_language(doc: DocumentType, language: str) -> None:
    """Every style, and the document default, checks spelling in the plan's language (en-GB, not the
    template's en-US), so a style staff pick later does not switch Word back to American spelling."""
    tag = {"en": "en-GB", "cy": "cy-GB"}.get(language, language)
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    if rpr is not None and rpr.find(qn("w:rPr")) is not None:
        _set_lang(rpr.find(qn("w:rPr")), tag)
    for style in doc.styles:
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE):
            set_language(style, tag)


def a4_page(doc: DocumentType) -> None:
    """A4 with the margins Word uses in the UK (2.54 cm all round); python-docx starts from US Letter."""
    for section in doc.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Cm(2.54)
        section.top_margin = section.bottom_margin = Cm(2.54)
        section.header_distance = section.footer_distance = Cm(1.25)


def properties(doc: DocumentType, title: str, subject: str, author: str, language: str) -> None:
    """The file's properties as an office's document list shows them: no 2013 dates, no tool comment.
    python-docx's template also carries a blank preview picture; it is dropped, so Word and file
    browsers draw their own preview instead of showing an empty page."""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    cp = doc.core_properties
    cp.title, cp.subject, cp.author, cp.last_modified_by = title, subject, author, author
    cp.comments, cp.keywords, cp.category = "", subject, subject
    cp.language, cp.revision = language, 1
    cp.created = cp.modified = now
    cp.last_printed = now
    package = doc.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rid]


def setup_styles(doc: DocumentType, body_pt: float, language: str, title: str) -> None:
    styles = doc.styles
    a4_page(doc)
    set_font(styles["Normal"], body_pt)
    styles["Normal"].paragraph_format.space_after = Pt(body_pt * 0.5)
    styles["Normal"].paragraph_format.line_spacing = 1.15
    for name, scale in (("Heading 1", 1.75), ("Heading 2", 1.4), ("Heading 3", 1.15), ("Heading 4", 1)):
        set_font(styles[name], round(body_pt * scale), bold=True)
        styles[name].font.italic = False
        styles[name].paragraph_format.space_before = Pt(body_pt)
        styles[name].paragraph_format.keep_with_next = True
    for name in ("List Bullet", "Table Grid"):
        if name in [s.name for s in styles]:
            set_font(styles[name], body_pt)
    proofing_language(doc, language)


def mark_rtl(paragraph: Paragraph, text: str) -> None:
    """Right-to-left paragraphs read from the right in Word, not just their letters."""
    if is_rtl(text):
        ppr = paragraph._p.get_or_add_pPr()
        if ppr.find(qn("w:bidi")) is None:
            # Word is strict about the order of paragraph properties.
            ppr.insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)
        for run in paragraph.runs:
            run.font.rtl = True


def style_id(container, name: str) -> str:
    """The style's id, looked up once per document: python-docx searches every style on each
    lookup by name, which made a long plan take seconds."""
    part = container.part
    cache = part.__dict__.setdefault("_mir_style_ids", {})
    if name not in cache:
        cache[name] = part.document.styles[name].style_id
    return cache[name]


def para(doc_or_cell, text: str = "", style: str | None = None, bold: bool = False, italic: bool = False):
    p = doc_or_cell.add_paragraph()
    if style:
        p._p.style = style_id(doc_or_cell, style)
    if text:
        run = p.add_run(text)
        # Only set what is on: setting None still adds empty run properties to every run.
        if bold:
            run.bold = True
        if italic:
            run.italic = True
        mark_rtl(p, text)
    return p


def labelled(doc_or_cell, label: str, value: str):
    """'Label: value' with the label in bold. The line reads in the label's direction; a value in
    another direction (an Arabic service name in an English plan) is isolated inside it, as the
    HTML does with dir="auto"."""
    p = doc_or_cell.add_paragraph()
    p.add_run(f"{label}: ").bold = True
    p.add_run(isolate(value) if is_rtl(value) != is_rtl(label) else value)
    mark_rtl(p, label)
    return p


def heading(doc: DocumentType, text: str, level: int):
    return para(doc, text, style=f"Heading {level}")


def column_paragraphs(grid: Table, column: int) -> list[Paragraph]:
    """The first paragraph of each row's cell in one column, read straight from the XML:
    python-docx's row.cells works out the whole grid on every call."""
    tc = qn("w:tc")
    return [Paragraph(tr.findall(tc)[column].find(qn("w:p")), grid._parent) for tr in grid._tbl.tr_lst]


def keep_with_next(paragraph: Paragraph) -> Paragraph:
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


def picture(
    paragraph: Paragraph, icon: str | None, height, alt: str, first: bool = False, path: Path | None = None
) -> bool:
    """Add the icon's PNG (or the PNG at ``path``) to the paragraph, at its start with ``first``,
    with ``alt`` as its alternative text. False, and nothing added, if there is no usable picture.

    Built from the image part and one id counter: python-docx's own add_picture searches the whole
    document for a free id each time, which made a long plan take seconds."""
    part = paragraph.part
    cache = part.__dict__.setdefault("_mir_pictures", {})
    key = (str(path) if path else icon, int(height))
    if key not in cache:
        file = path or png_path(icon)
        try:
            if file is None:
                raise OSError(icon)
            rid, image = part.get_or_add_image(str(file))
            cx, cy = image.scaled_dimensions(None, height)
            cache[key] = CT_Inline.new_pic_inline(0, rid, image.filename, cx, cy)
        except (UnrecognizedImageError, OSError, ValueError, ZeroDivisionError):
            # A missing or broken picture file must not stop the plan being made.
            cache[key] = None
    if cache[key] is None:
        return False
    inline = copy.deepcopy(cache[key])
    # Every picture gets its id from one counter, so no two share one.
    ids = part.__dict__.setdefault("_mir_picture_ids", itertools.count(1))
    doc_pr = inline.find(qn("wp:docPr"))
    doc_pr.set("id", str(next(ids)))
    doc_pr.set("name", f"{icon} {doc_pr.get('id')}")
    # Word's accessibility checker and screen readers read docPr/@descr as the alternative text.
    doc_pr.set("descr", alt)
    doc_pr.set("title", alt)
    run = OxmlElement("w:r")
    drawing = OxmlElement("w:drawing")
    drawing.append(inline)
    run.append(drawing)
    space = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    text.text = "  "
    space.append(text)
    p = paragraph._p
    if first:
        at = 1 if p.pPr is not None else 0
        p.insert(at, space)
        p.insert(at, run)
    else:
        p.append(run)
        p.append(space)
    return True


def table(
    doc: DocumentType,
    headers: list[str],
    rows: list[list[str]],
    widths_pct: list[int] | None = None,
    keep: bool = False,
) -> Table:
    """A grid table whose first row is a real header row (repeats on each page, read as headers).
    No row breaks across a page; with ``keep`` the whole table stays on one page (a short table
    such as a statement's views, kept with the statement above it).

    Written as WordprocessingML in one go: building a table cell by cell through python-docx took
    most of a long plan's export time.
    """
    cols = len(headers)
    widths = widths_pct or [100 // cols] * cols
    block_twips = int(doc._block_width) // 635
    grid = "".join(f'<w:gridCol w:w="{block_twips * w // 100}"/>' for w in widths)
    parts = [
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{style_id(doc, "Table Grid")}"/>'
        '<w:tblW w:type="pct" w:w="5000"/><w:jc w:val="left"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0"'
        ' w:noHBand="0" w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>",
        "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>",
    ]
    for text, w in zip(headers, widths, strict=True):
        parts.append(_cell_xml(text, w, header=True, keep=True))
    parts.append("</w:tr>")
    for i, values in enumerate(rows):
        parts.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        for text, w in zip(values, widths, strict=True):
            parts.append(_cell_xml(text, w, keep=keep and i < len(rows) - 1))
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    tbl = parse_xml("".join(parts))
    doc.element.body._insert_tbl(tbl)
    return Table(tbl, doc._body)


def _cell_xml(text: str, width_pct: int, header: bool = False, keep: bool = False) -> str:
    shade = '<w:shd w:val="clear" w:color="auto" w:fill="E8E8E8"/>' if header else ""
    rtl = is_rtl(text)
    # keepNext on a row's paragraph keeps that row on the page with the next one.
    ppr = ("<w:keepNext/>" if keep else "") + ("<w:bidi/>" if rtl else "")
    ppr = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    rpr = ("<w:b/>" if header else "") + ("<w:rtl/>" if rtl else "")
    rpr = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    runs = []
    for i, line in enumerate(text.split("\n")):
        pieces = [f'<w:t xml:space="preserve">{xml_escape(piece)}</w:t>' for piece in line.split("\t")]
        body = "<w:tab/>".join(pieces)
        runs.append(("<w:br/>" if i else "") + body)
    run = f"<w:r>{rpr}{''.join(runs)}</w:r>" if text else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:type="pct" w:w="{width_pct * 50}"/>{shade}</w:tcPr>'
        f"<w:p>{ppr}{run}</w:p></w:tc>"
    )


def page_furniture(doc: DocumentType, footer_text: str, header_text: str | None = None) -> None:
    """A footer with the plan's name and the page number on every page, and an optional header
    (practice plans say so on every printed page)."""
    section = doc.sections[0]
    foot = section.footer.paragraphs[0]
    foot.add_run(f"{footer_text} · ")
    # A PAGE field: Word and LibreOffice fill in the number when they lay out the page.
    field = parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    foot._p.append(field)
    mark_rtl(foot, footer_text)
    if header_text:
        head = section.header.paragraphs[0]
        head.add_run(header_text).bold = True
