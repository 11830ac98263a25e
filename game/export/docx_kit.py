"""Shared Word-building helpers: readable styles, tables with real header rows, right-to-left text.

Used by the plan (``docx.py``) and the Easy Read version (``easyread.py``). Styles are set on the
document so staff who edit the file further keep the same look (Heading 1/2/3, a sans font).
"""

from __future__ import annotations

from xml.sax.saxutils import escape as xml_escape

from docx.document import Document as DocumentType
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph

from game.export.clean import is_rtl, isolate

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
        run.bold = bold or None
        run.italic = italic or None
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


def table(
    doc: DocumentType, headers: list[str], rows: list[list[str]], widths_pct: list[int] | None = None
) -> None:
    """A grid table whose first row is a real header row (repeats on each page, read as headers).

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
        "<w:tr><w:trPr><w:tblHeader/></w:trPr>",
    ]
    for text, w in zip(headers, widths, strict=True):
        parts.append(_cell_xml(text, w, header=True))
    parts.append("</w:tr>")
    for values in rows:
        parts.append("<w:tr>")
        for text, w in zip(values, widths, strict=True):
            parts.append(_cell_xml(text, w))
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    doc.element.body._insert_tbl(parse_xml("".join(parts)))


def _cell_xml(text: str, width_pct: int, header: bool = False) -> str:
    shade = '<w:shd w:val="clear" w:color="auto" w:fill="E8E8E8"/>' if header else ""
    rtl = is_rtl(text)
    ppr = "<w:pPr><w:bidi/></w:pPr>" if rtl else ""
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
