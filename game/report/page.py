"""The report as one HTML page: the headline figure, then each table with its chart beside it.

Everything is inside the page (styles and SVG charts), so it opens from a shared drive with no
network and prints as it shows. Text from plan files goes through Jinja2's autoescaping; the charts
escape their own text (``game.report.svg``).
"""

from __future__ import annotations

from jinja2 import Environment
from markupsafe import Markup

from game.report.svg import bar_chart
from game.report.tables import Table, cell_text
from game.words import Words

TEMPLATE = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ w('report_title') }}</title>
<style>
:root { color: #111; background: #fff; font-family: "Atkinson Hyperlegible", Verdana, Arial, sans-serif; }
body { margin: 1.5rem auto; max-width: 1500px; padding: 0 1rem; font-size: 17px; line-height: 1.45; }
h1 { font-size: 2rem; margin: 0 0 .3rem; }
h2 { font-size: 1.45rem; margin: 2.2rem 0 .4rem; border-top: 3px solid currentColor; padding-top: .8rem; }
.meta { margin: 0 0 1rem; }
.headline { border: 4px solid currentColor; padding: 1rem 1.4rem; margin: 1rem 0 1.5rem; }
.headline .big { font-size: 3rem; font-weight: bold; display: block; line-height: 1.1; }
.pair { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
.pair figure { margin: 0; flex: 0 1 724px; min-width: 0; }
.pair figure svg { max-width: 100%; height: auto; }
.pair .table { flex: 1 1 380px; overflow-x: auto; }
table { border-collapse: collapse; }
th, td { border: 1px solid currentColor; padding: .3rem .55rem; text-align: left; vertical-align: top; }
th { background: #e8e8e8; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.late td { font-weight: bold; }
nav ul { columns: 2; padding-left: 1.2rem; }
a { color: #0b3d91; }
@media (forced-colors: active) { th { background: Canvas; } .chart { forced-color-adjust: auto; } }
@media print {
  body { font-size: 10pt; max-width: none; margin: 0; }
  nav { display: none; }
  h2 { break-after: avoid; }
  /* A page is too narrow for both at a readable size: the table goes right under its chart. */
  .pair { display: block; }
  .pair figure { margin-bottom: .6rem; }
  .pair .table { overflow: visible; }
  section.kept { break-inside: avoid; }  /* a heading, its chart and its short table on one page */
  tr, figure { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
</style>
</head>
<body>
<h1>{{ w('report_title') }}</h1>
<p class="meta">{{ w('report_meta', today=today, plans=plans, services=services, grace=grace) }}</p>
<p class="headline"><span class="big">{{ headline }}</span>{{ headline_words }}</p>
<p>{{ w('report_privacy_names') if with_names else w('report_privacy') }}</p>
<nav aria-label="{{ w('report_contents') }}"><ul>
{% for t in tables %}<li><a href="#{{ t.id }}">{{ t.title }}</a></li>
{% endfor %}</ul></nav>
{% for t in tables %}
<section id="{{ t.id }}"{% if t.svg %} class="kept"{% endif %}>
<h2>{{ t.title }}</h2>
<p>{{ t.intro }}</p>
{% if not t.rows %}<p><em>{{ w('report_nothing') }}</em></p>{% else %}
<div class="pair">
{% if t.svg %}<figure>{{ t.svg }}</figure>{% endif %}
<div class="table"><table>
<thead><tr>{% for c in t.columns %}<th scope="col">{{ c }}</th>{% endfor %}</tr></thead>
<tbody>
{% for row in t.rows %}<tr{% if t.id == 'services' and row[3] == yes %} class="late"{% endif %}>
{% for v in row %}<td{% if v is number %} class="n"{% endif %}>{{ text(v) }}</td>{% endfor %}</tr>
{% endfor %}</tbody></table></div>
</div>{% endif %}
</section>
{% endfor %}
</body>
</html>
"""


class _Shown:
    """A table as the template shows it: its fields, plus its chart drawn as SVG."""

    def __init__(self, table: Table):
        self.__dict__.update(table.__dict__)
        self.svg = None
        c = table.chart
        if c is not None and table.rows:
            series = [table.columns[i] for i in c.values]
            labels = [str(r[c.label]) for r in table.rows]
            values = [[float(r[i]) for i in c.values] for r in table.rows]
            self.svg = Markup(bar_chart(f"c-{table.id}", table.title, labels, series, values, c.percent))


def render_page(tables: list[Table], words: Words, *, today: str, plans: int, grace: int,
                with_names: bool) -> str:  # fmt: skip
    env = Environment(autoescape=True)
    head = next(t for t in tables if t.id == "headline")
    in_date, total = head.rows[0][1], sum(r[1] for r in head.rows)
    return env.from_string(TEMPLATE).render(
        lang=words.language,
        w=words.get,
        text=cell_text,
        tables=[_Shown(t) for t in tables],
        today=today,
        plans=plans,
        services=total,
        grace=grace,
        headline=f"{head.rows[0][2]:g}%",
        headline_words=words.get("report_headline", n=in_date, total=total),
        with_names=with_names,
        yes=words.get("report_yes"),
    )
