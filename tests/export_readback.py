"""Reading exported files back the way their readers do (python-docx, html.parser, csv, json),
so export tests check what people will see rather than how the templates are written."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import docx

# ---- Word ---------------------------------------------------------------------------------


@dataclass
class WordDoc:
    paragraphs: list[tuple[str, str]]  # (style name, text), body order, tables excluded
    tables: list[list[list[str]]]
    header_rows: list[bool]  # per table: is the first row marked as a header row
    body_fonts: tuple[str | None, float | None]
    language: str

    def texts(self) -> list[str]:
        return [t for _, t in self.paragraphs]

    def all_text(self) -> str:
        cells = [c for t in self.tables for row in t for c in row]
        return "\n".join(self.texts() + cells)

    def headings(self) -> list[tuple[int, str]]:
        return [(int(s.split()[-1]), t) for s, t in self.paragraphs if s.startswith("Heading")]


def read_docx(path: Path | bytes) -> WordDoc:
    d = docx.Document(io.BytesIO(path) if isinstance(path, bytes) else str(path))
    tables, header_rows = [], []
    for t in d.tables:
        tables.append([[c.text for c in row.cells] for row in t.rows])
        trpr = t.rows[0]._tr.trPr
        header_rows.append(trpr is not None and trpr.find(docx.oxml.ns.qn("w:tblHeader")) is not None)
    normal = d.styles["Normal"].font
    return WordDoc(
        paragraphs=[(p.style.name, p.text) for p in d.paragraphs],
        tables=tables,
        header_rows=header_rows,
        body_fonts=(normal.name, normal.size.pt if normal.size else None),
        language=d.core_properties.language,
    )


# ---- HTML ---------------------------------------------------------------------------------


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    text: str = ""
    children: list[Element] = field(default_factory=list)


class _Tree(HTMLParser):
    VOID = {"meta", "img", "br", "hr", "link", "input"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.stack = [self.root]
        self.all: list[Element] = []

    def handle_starttag(self, tag, attrs):
        el = Element(tag, dict(attrs))
        self.stack[-1].children.append(el)
        self.all.append(el)
        if tag not in self.VOID:
            self.stack.append(el)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        for el in self.stack[1:]:
            el.text += data


@dataclass
class HtmlDoc:
    elements: list[Element]
    root: Element

    def find_all(self, tag: str) -> list[Element]:
        return [e for e in self.elements if e.tag == tag]

    def texts(self, tag: str) -> list[str]:
        return [" ".join(e.text.split()) for e in self.find_all(tag)]

    def headings(self) -> list[tuple[int, str]]:
        return [
            (int(e.tag[1]), " ".join(e.text.split()))
            for e in self.elements
            if len(e.tag) == 2 and e.tag[0] == "h" and e.tag[1].isdigit()
        ]

    def body_text(self) -> str:
        body = self.find_all("body")[0]
        return body.text


def read_html(path: Path | str) -> HtmlDoc:
    text = Path(path).read_text(encoding="utf-8") if isinstance(path, Path) else path
    p = _Tree()
    p.feed(text)
    p.close()
    return HtmlDoc(p.all, p.root)


# ---- CSV ----------------------------------------------------------------------------------


def read_csv(path: Path) -> tuple[bytes, list[list[str]]]:
    raw = path.read_bytes()
    return raw, list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


# ---- colour contrast (WCAG 2) ---------------------------------------------------------------


def contrast(a: str, b: str) -> float:
    def lum(hex_colour: str) -> float:
        rgb = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    la, lb = sorted((lum(a), lum(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
