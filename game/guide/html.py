"""The trainer guide as one self-contained HTML page to read or print (autoescaped; icons inlined)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2

from game.export.html import css
from game.export.icons import svg_data_uri
from game.guide.content import Guide


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).resolve().parent / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(guide: Guide) -> bytes:
    icons = {th.icon: svg_data_uri(th.icon) for th in guide.themes}
    page = (
        _environment()
        .get_template("guide.html.j2")
        .render(g=guide, t=guide.t, icons=icons, css=css("1.125rem", "3rem", "12pt"))
    )
    return page.encode("utf-8")
