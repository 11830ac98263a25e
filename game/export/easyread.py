"""The Easy Read version of the plan, as HTML and as Word, for the people the plan is about.

Large type (1.5rem on screen, 16 pt and up in Word), the theme's icon beside each section, short
sentences, and the person's own statements first, in the card's easy-read wording. Empty parts are
left out so there is less to read; a theme nobody talked about still says so.
"""

from __future__ import annotations

import copy
import io
import itertools
import re
from dataclasses import dataclass, field

from docx import Document
from docx.image.exceptions import UnrecognizedImageError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from game.export import html as html_format
from game.export.clean import isolate
from game.export.docx_kit import heading, mark_rtl, page_furniture, para, setup_styles
from game.export.icons import png_path, svg_data_uri
from game.export.view import PlanView, ThemeView

BODY_PT = 16


@dataclass
class Line:
    """A short line under an item (a view, a status), with a picture name or None."""

    text: str
    icon: str | None = None


@dataclass
class Item:
    text: str
    views: list[Line] = field(default_factory=list)


@dataclass
class Part:
    heading: str
    items: list[Item]
    icon: str | None = None


@dataclass
class EasyTheme:
    title: str
    colour: str
    icon: str
    parts: list[Part]


@dataclass
class EasyView:
    title: str
    intro: list[str]
    people: list[str]
    themes: list[EasyTheme]
    closing: list[Part]


def build(view: PlanView) -> EasyView:
    t = view.t
    intro = [t("export_easy_intro") if view.person_led else t("export_easy_intro_group")]
    if view.date:
        intro.append(t("export_easy_about", date=view.date))
    closing = []
    if view.parked:
        closing.append(Part(t("export_easy_parked"), [Item(p.text) for p in view.parked], "park"))
    if view.you_said_we_did:
        closing.append(
            Part(
                view.ysd_easy_heading,
                [
                    Item(
                        y.what,
                        [Line(t("export_easy_view", name=t("export_ysd_did"), label=y.status))]
                        + ([Line(y.note)] if y.note else []),
                    )
                    for y in view.you_said_we_did
                ],
                "lookback",
            )  # fmt: skip
        )
    return EasyView(
        title=t("export_easy_title") if view.person_led else t("export_easy_title_group"),
        intro=intro,
        people=view.participants,
        themes=[_theme(th, view) for th in view.themes],
        closing=closing,
    )


def _theme(th: ThemeView, view: PlanView) -> EasyTheme:
    t = view.t
    parts: list[Part] = []
    if th.covered:
        # The person's own choices first, under "What I said"; everyone else's after.
        def items(statements):
            out = []
            for s in statements:
                ratings = sorted(s.ratings, key=lambda r: not r.is_person)
                views = [
                    Line(t("export_easy_view", name=r.who, label=r.easy_text), _scale_icon(r.point_id))
                    for r in ratings
                ]
                out.append(Item(s.easy_text, views))
            return out

        own = [s for s in th.statements if s.by_person]
        others = [s for s in th.statements if not s.by_person]
        if own:
            parts.append(Part(t("export_easy_i_said"), items(own)))
        if others:
            parts.append(Part(t("export_easy_we_said"), items(others)))
        for sec in th.sections:
            if sec.notes:
                parts.append(Part(sec.easy_heading, [Item(n.text) for n in sec.notes]))
        if th.actions:
            parts.append(
                Part(
                    t("export_easy_actions"),
                    [
                        Item(
                            # Isolated, so an Arabic name does not turn the English sentence round.
                            t(
                                "export_easy_action_line_plain",
                                who=isolate(a.who),
                                what=isolate(a.what),
                                when=a.when,
                            ),
                            [Line(a.status)],
                        )
                        for a in th.actions
                    ],
                    "action",
                )  # fmt: skip
            )
    return EasyTheme(th.easy_title or th.title, th.colour, th.icon, parts)


def _scale_icon(point_id: str | None) -> str:
    # Scale pictures are named scale-<point id> (see the deck format); a pass has its own picture.
    return f"scale-{point_id}" if point_id else "pass"


def _icon_names(easy: EasyView) -> set[str]:
    names = {th.icon for th in easy.themes}
    for part in [p for th in easy.themes for p in th.parts] + easy.closing:
        names.add(part.icon)
        names.update(line.icon for item in part.items for line in item.views)
    return {n for n in names if n}


def render_html(view: PlanView) -> bytes:
    language, icons = html_format.safe_view_bits(view)
    view.language = language
    easy = build(view)
    icons.update({name: svg_data_uri(name) for name in _icon_names(easy)})
    page = (
        html_format.environment()
        .get_template("easyread.html.j2")
        .render(v=view, e=easy, t=view.t, icons=icons, css=html_format.css("1.5rem", "4rem", "16pt"))
    )
    return page.encode("utf-8")


def render_docx(view: PlanView) -> bytes:
    t = view.t
    easy = build(view)
    doc = Document()
    setup_styles(doc, BODY_PT, view.language, easy.title)
    heading(doc, easy.title, 1)
    para(doc, view.title)
    if view.practice:
        para(doc, t("export_practice_banner"), bold=True)
    if view.draft:
        para(doc, t("export_draft_banner"), bold=True)
    heading(doc, t("export_details"), 2)
    for line in easy.intro:
        para(doc, line)
    if easy.people:
        para(doc, t("export_easy_people"))
        for p in easy.people:
            para(doc, p, style="List Bullet")
    for th in easy.themes:
        h = doc.add_heading(level=2)
        _icon(h, th)
        h.add_run(th.title)
        mark_rtl(h, th.title)
        if not th.parts:
            para(doc, t("export_easy_not_talked"))
        for part in th.parts:
            _part(doc, part, 3)
    for part in easy.closing:
        _part(doc, part, 2)
    heading(doc, t("export_next_review"), 2)
    para(doc, view.next_review_easy)
    page_furniture(doc, view.title, t("export_practice_banner") if view.practice else None)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _part(doc, part: Part, level: int) -> None:
    h = heading(doc, "", level)
    if part.icon:
        _picture(h, part.icon, Cm(1.2), "")
    h.add_run(part.heading)
    for item in part.items:
        para(doc, item.text, style="List Bullet")
        for line in item.views:
            p = para(doc)
            p.paragraph_format.left_indent = Cm(1.25)
            if line.icon:
                _picture(p, line.icon, Cm(0.8), "")
            p.add_run(line.text)
            mark_rtl(p, line.text)


def _picture(paragraph, icon: str, height, alt: str) -> bool:
    """Add the icon's PNG to the paragraph; False (and nothing added) if there is no usable picture."""
    part = paragraph.part
    cache = part.__dict__.setdefault("_mir_pictures", {})
    key = (icon, int(height))
    run = paragraph.add_run()
    if key in cache:
        # Copy the picture made the first time: python-docx numbers each new picture by searching the
        # whole document, which made a long Easy Read plan take seconds.
        inline = copy.deepcopy(cache[key])
        drawing = OxmlElement("w:drawing")
        drawing.append(inline)
        run._r.append(drawing)
    else:
        path = png_path(icon)
        if path is None:
            run._r.getparent().remove(run._r)
            return False
        try:
            run.add_picture(str(path), height=height)
        except (UnrecognizedImageError, OSError, ValueError, ZeroDivisionError):
            # A broken picture file must not stop the plan being made.
            run._r.getparent().remove(run._r)
            return False
        inline = next(run._r.iter(qn("wp:inline")))
        cache[key] = copy.deepcopy(inline)
    # Every picture gets its id from one counter, so copies and new pictures never share one.
    ids = part.__dict__.setdefault("_mir_picture_ids", itertools.count(1))
    doc_pr = inline.find(qn("wp:docPr"))
    doc_pr.set("id", str(next(ids)))
    # Word's accessibility checker reads docPr/@descr as the picture's alternative text.
    doc_pr.set("descr", alt)
    paragraph.add_run("  ")
    return True


def _icon(paragraph, th: EasyTheme) -> None:
    """The theme's picture at the start of its heading; a coloured mark if there is no picture."""
    if _picture(paragraph, th.icon, Cm(2), th.title):
        return
    if re.fullmatch(r"#[0-9A-Fa-f]{6}", th.colour or ""):
        mark = paragraph.add_run("● ")
        mark.font.color.rgb = RGBColor.from_string(th.colour[1:].upper())
        mark.font.size = Pt(BODY_PT * 2)


def render(view: PlanView) -> list[tuple[str, bytes]]:
    return [("-easy-read.html", render_html(view)), ("-easy-read.docx", render_docx(view))]
