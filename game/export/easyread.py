"""The Easy Read version of the plan, as HTML and as Word, for the people the plan is about.

Made to UK Easy Read guidance (/work/shared/EASY-READ.md): one idea on each line with its picture on
the left and the words on the right; each card's own picture beside its statement (the theme's
picture when the card has none); the token of whoever does an action; each view's scale picture
once; plain status words ("We did it."); dates in full; 16 pt and up, line spacing 1.5, no
italics; no staff notes or jargon. Every picture has alternative text. Empty parts are left out
so there is less to read; a theme nobody talked about still says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.export import easyread_docx
from game.export import html as html_format
from game.export.clean import is_rtl, isolate
from game.export.icons import card_data_uri, svg_data_uri
from game.export.view import PlanView, ThemeView
from game.model.plan import STATUS_ICONS

# The same picture always means the same thing: these are the plan's pictures for each idea.
SECTION_ICONS = {"do": "celebrate", "dont": "scale-not-yet", "together": "everyone"}


@dataclass
class Line:
    """One idea: a picture (an icon name, or a card's image) on the left, the words on the right."""

    text: str
    icon: str | None
    alt: str
    image: str | None = None  # a card's own picture, tried before the icon
    strong: bool = False  # the idea the lines under it are about (a statement, an action)
    sub: bool = False  # a line about the idea above (a view, a status): a smaller picture

    @property
    def dir(self) -> str:
        # Worked out here, not by the browser's dir="auto": that reads a name's isolated Arabic
        # letters as the line's start and sets "⁨نور⁩: Sometimes" right to left.
        return "rtl" if is_rtl(self.text) else "ltr"


@dataclass
class Part:
    heading: str
    lines: list[Line]
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
    whose: str
    about: list[Line]
    themes: list[EasyTheme]
    closing: list[Part]
    next_heading: str
    next_line: Line
    opening: list[Part] = field(default_factory=list)  # "You said, we did": before the first theme
    lines: list[Line] = field(default_factory=list)  # every line, for pictures and checks


def build(view: PlanView) -> EasyView:
    t = view.t
    about = [Line(t("export_easy_intro") if view.person_led else t("export_easy_intro_group"), "people", "")]
    if view.date:
        about.append(Line(t("export_easy_about", date=t.long_date(view.plan_date)), "everyone", ""))
    if view.written_by:
        about.append(Line(t("export_easy_written_by", name=isolate(view.written_by)), "note", ""))
    if not view.draft and view.checked_on:
        about.append(Line(t("export_easy_checked", date=t.long_date(view.checked_on)), "check", ""))
    if view.people:
        about.append(Line(t("export_easy_people"), "everyone", ""))
        about += [
            Line(name, shape, t("export_token_alt", name=name), sub=True) for shape, name in view.people
        ]
    closing, opening = [], []
    if view.parked:
        closing.append(Part(t("export_easy_parked"), [Line(p.text, "park", "") for p in view.parked], "park"))
    if view.you_said_we_did:
        lines = []
        for y in view.you_said_we_did:
            lines.append(Line(y.what, "action", "", strong=True))
            lines.append(_status(y.status_id, t))
            if y.note:
                lines.append(Line(y.note, "note", "", sub=True))
        opening.append(Part(view.ysd_easy_heading, lines, "lookback"))
    easy = EasyView(
        title=t("export_easy_title") if view.person_led else t("export_easy_title_group"),
        whose=view.whose,
        about=about,
        themes=[_theme(th, view) for th in view.themes],
        closing=closing,
        opening=opening,
        next_heading=t("export_easy_next_heading"),
        next_line=Line(view.next_review_easy, "lookback", ""),
    )
    easy.lines = easy.about + ([easy.next_line] if easy.next_line.text else [])
    easy.lines += [line for th in easy.themes for p in th.parts for line in p.lines]
    easy.lines += [line for p in easy.opening + easy.closing for line in p.lines]
    for line in easy.lines:
        # Each picture's alternative text says what it shows; the words beside it say the rest.
        line.alt = line.alt or t(f"export_picture_{line.icon}") if line.icon else line.alt
    return easy


def _status(status: str, t) -> Line:
    icon = STATUS_ICONS.get(status, "pass")
    key = f"export_easy_status_{status or 'none'}"
    text = t(key) if t.words.has(key) else status
    return Line(text, icon, "", sub=True)


def _theme(th: ThemeView, view: PlanView) -> EasyTheme:
    t = view.t
    parts: list[Part] = []
    if th.covered:
        # The person's own choices first, under "What I said"; everyone else's after.
        def lines(statements) -> list[Line]:
            out = []
            for s in statements:
                out.append(Line(s.easy_text, th.icon, s.easy_text, image=s.image, strong=True))
                for r in sorted(s.ratings, key=lambda r: not r.is_person):
                    label = r.easy_label or r.label
                    out.append(Line(t("export_easy_view", name=r.who, label=label), r.icon, label, sub=True))
                out += [Line(c, "note", "", sub=True) for c in s.changed]  # in a review, what changed
            return out

        own = [s for s in th.statements if s.by_person]
        others = [s for s in th.statements if not s.by_person]
        if own:
            parts.append(Part(t("export_easy_i_said"), lines(own)))
        if others:
            parts.append(Part(t("export_easy_we_said"), lines(others)))
        for sec in th.sections:
            if sec.notes:
                icon = SECTION_ICONS.get(sec.id, "note")
                notes = []
                for n in sec.notes:  # with two cards in a theme, each note says which it is about
                    notes.append(Line(n.text, icon, ""))
                    notes += (
                        [Line(t("export_easy_note_about", text=n.about), th.icon, "", sub=True)]
                        if n.about
                        else []
                    )
                parts.append(Part(sec.easy_heading, notes, icon))
        if th.actions:
            out = []
            for a in th.actions:
                # Isolated, so an Arabic name does not turn the English sentence round.
                who, what = isolate(a.easy_who or a.who), isolate(a.what)
                text = (
                    t("export_easy_action_line", who=who, what=what, date=a.long_when)
                    if a.due
                    else t("export_easy_action_line_nodate", who=who, what=what)
                )
                out.append(Line(text, a.who_icon, a.who_alt, strong=True))
                out.append(_status(a.status_id, t))
            parts.append(Part(t("export_easy_actions"), out, "action"))
    return EasyTheme(th.easy_title or th.title, th.colour, th.icon, parts)


def render_html(view: PlanView) -> bytes:
    language, icons = html_format.safe_view_bits(view)
    view.language = language
    easy = build(view)
    names = {th.icon for th in easy.themes} | {line.icon for line in easy.lines}
    names |= {p.icon for th in easy.themes for p in th.parts} | {p.icon for p in easy.opening + easy.closing}
    icons.update({name: svg_data_uri(name) for name in names if name})
    pictures = {line.image: card_data_uri(line.image) for line in easy.lines if line.image}
    page = (
        html_format.environment()
        .get_template("easyread.html.j2")
        .render(
            v=view,
            e=easy,
            t=view.t,
            icons=icons,
            pictures=pictures,
            css=html_format.css("1.5rem", "4rem", "16pt", html_format.practice_mark(view)),
        )
    )
    return page.encode("utf-8")


def render(view: PlanView) -> list[tuple[str, bytes]]:
    return [
        ("-easy-read.html", render_html(view)),
        ("-easy-read.docx", easyread_docx.render(view, build(view))),
    ]
