"""Property tests: whatever people type, each format shows exactly that text and nothing it could
be mistaken for (no markup from Markdown or HTML, no spreadsheet formulas)."""

from __future__ import annotations

import csv
import io

import pytest
from export_readback import read_html
from hypothesis import given, settings
from hypothesis import strategies as st

from game.export import render_all
from game.export.csv import neutralise
from game.export.sample import feature_plan
from game.model.plan import Note

# Letters, spaces, line breaks and every character that means something in Markdown, HTML or CSV.
tricky = st.lists(
    st.sampled_from(
        list("ab Zé 1.\n\t\\`*_{}[]()<>#+-=!|~&;:\"'$@/%^") + ["&amp;", "&#x41;", "http://x.y", "    "]
    ),
    min_size=1,
    max_size=40,
).map("".join)


def squash(text: str) -> str:
    return " ".join(text.split())


def descendants(el):
    for child in el.children:
        yield child
        yield from descendants(child)


def plan_with(note: str):
    plan = feature_plan()
    living = plan.themes[0]
    living.notes = [Note("only", "dont", note, None)]
    living.actions = living.actions[:1]
    living.actions[0].what = note
    return plan


def files_for(note: str, formats: list[str]) -> dict[str, bytes]:
    return dict(render_all(plan_with(note), formats))


@settings(max_examples=40, deadline=None)
@given(note=tricky)
def test_markdown_shows_typed_text_and_nothing_else(note):
    markdown_it = pytest.importorskip("markdown_it")
    md = files_for(note, ["md"])[".md"].decode("utf-8")
    # A line break counts as a space when comparing text.
    doc = read_html(markdown_it.MarkdownIt("commonmark").enable("table").render(md).replace("<br", " <br"))
    # The note is the only item under "What we don't do yet" of the first theme.
    heads = [e for e in doc.elements if e.tag == "h3"]
    dont = next(i for i, e in enumerate(doc.elements) if e.tag == "h3" and "don't do yet" in e.text)
    after = doc.elements[dont + 1 :]
    item = next(e for e in after if e.tag == "li")
    assert squash(item.text) == squash(note)
    # Inside the item there is nothing but the text and the hard line breaks we put there.
    assert {e.tag for e in descendants(item)} <= {"br"}, note
    # The same text as a table cell (the action) stays in its cell.
    table = next(
        t for t in doc.find_all("table") if squash(t.children[0].text).startswith("What Who By when")
    )
    first_row = [e for e in descendants(table) if e.tag == "tr"][1]
    cells = [c for c in first_row.children if c.tag == "td"]
    assert len(cells) == 5 and squash(cells[0].text) == squash(note)
    assert {e.tag for e in descendants(cells[0])} <= {"br"}, note
    assert heads  # the document kept its structure


@settings(max_examples=40, deadline=None)
@given(note=tricky)
def test_html_shows_typed_text_and_nothing_else(note):
    doc = read_html(files_for(note, ["html"])[".html"].decode("utf-8"))
    dont = next(i for i, e in enumerate(doc.elements) if e.tag == "h3" and "don't do yet" in e.text)
    item = next(e for e in doc.elements[dont + 1 :] if e.tag == "li")
    assert squash(item.text) == squash(note)
    assert {e.tag for e in descendants(item)} <= {"bdi"}, note


@settings(max_examples=40, deadline=None)
@given(note=tricky)
def test_csv_cells_come_back_as_typed_and_never_as_formulas(note):
    raw = files_for(note, ["csv"])["-actions.csv"]
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    first_action = next(r for r in rows[1:] if r[rows[0].index("Row")] == "Action")  # after the look-backs
    what = first_action[rows[0].index("What")]
    assert what == neutralise(note)
    # Only a cell a spreadsheet could read as a formula gets the ' in front.
    risky = note[:1] in "\t\n" or note.lstrip()[:1] in tuple("=+-@")
    assert what.removeprefix("'") == note if risky else what == note


@settings(max_examples=60, deadline=None)
@given(title=st.text(max_size=200), date=st.text(max_size=30))
def test_file_names_are_always_safe(title, date):
    import re

    from game.export.filenames import MAX_SLUG, base_name, slug

    s = slug(title)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", s) and len(s) <= MAX_SLUG
    name = base_name(title, date, practice=True)
    assert re.fullmatch(r"[a-z0-9-]+", name) and len(name) <= MAX_SLUG + 20
    assert ".." not in name and "/" not in name
