"""The plan as one self-contained HTML file: to read on screen, print, or send.

Everything is inside the file (styles, icons as data: URIs), so it opens offline and fetches
nothing. Jinja2 autoescaping keeps typed text as text. Structure is accessible: the page language,
headings in order, table headers with scope, text contrast of at least 7:1, and a print stylesheet.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from game.export.icons import svg_data_uri
from game.export.view import PlanView

TEMPLATES = Path(__file__).resolve().parent / "templates"
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
_LANG = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def css(body_size: str, icon_size: str, print_size: str, page_mark: str | None = None) -> Markup:
    """The shared stylesheet, marked safe: inside <style> the browser does not decode entities,
    so autoescaping it would turn quotes and '>' into &#34; and &gt; and break the rules.
    ``page_mark`` is printed at the top of every page (practice plans say so on each one)."""
    return Markup(
        environment()
        .get_template("base.css.j2")
        .render(
            body_size=body_size,
            icon_size=icon_size,
            print_size=print_size,
            page_mark=Markup(css_string(page_mark)) if page_mark else None,  # escaped for CSS here
        )
    )


def css_string(text: str) -> str:
    """Words as a quoted CSS string: anything but letters, digits and spaces is a CSS escape, so no
    word can end the string or the rule."""
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in text) + '"'


def safe_view_bits(view: PlanView) -> tuple[str, dict[str, str | None]]:
    """The page language and the icons, checked: these go into attributes, not text."""
    for theme in view.themes:
        if not _COLOUR.fullmatch(theme.colour or ""):
            theme.colour = ""
    language = view.language if _LANG.fullmatch(view.language or "") else "en"
    names = {theme.icon for theme in view.themes}
    names.update(r.icon for theme in view.themes for s in theme.statements for r in s.ratings)
    icons = {name: svg_data_uri(name) for name in names}
    return language, icons


def practice_mark(view: PlanView) -> str | None:
    return view.t("export_practice_mark") if view.practice else None


def render(view: PlanView) -> bytes:
    language, icons = safe_view_bits(view)
    view.language = language
    page = (
        environment()
        .get_template("plan.html.j2")
        .render(v=view, t=view.t, icons=icons, css=css("1.125rem", "2.5rem", "11pt", practice_mark(view)))
    )
    return page.encode("utf-8")
