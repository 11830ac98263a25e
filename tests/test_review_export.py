"""A review's documents (issue 14): every format opens with "You said, we did" before the first theme,
each statement talked about again shows then -> now (and its history over plan -> review -> review),
counts tell this time from what was carried over, notes say which statement they belong to, and the
review's files are named apart from the plan's."""

from __future__ import annotations

import json

import docx
from export_readback import read_csv
from test_review_model import finish, first_plan, ok, play_card, review

from game.export import EXPORTERS, FORMATS, export_plan
from game.model import commands as C
from game.model.plan import Plan


def three_plans() -> list[Plan]:
    p1 = first_plan()
    g2 = review(p1, "2027-02-23")
    ok(g2, C.MarkAction(status="not_yet", note="Waiting for a date", when="next_month"))
    ok(g2, C.MarkAction(status="done", note="Sorted"))
    play_card(g2, "living", "living-01", ["sometimes", "sometimes"], "Better now", include_discussed=True)
    play_card(g2, "living", "living-02", ["real", "real"], "New card")
    p2 = finish(g2)
    g3 = review(p2, "2027-05-23")
    while g3.state.look_back_queue:
        ok(g3, C.MarkAction(status="done"))
    play_card(g3, "living", "living-01", ["real", "real"], "Good", include_discussed=True)
    return [Plan.from_dict(p1), Plan.from_dict(p2), g3.plan()]


def text_of(path) -> str:
    if path.suffix == ".docx":
        d = docx.Document(str(path))
        cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
        return "\n".join([p.text for p in d.paragraphs] + cells)
    return path.read_text(encoding="utf-8")


def paragraphs_in_order(path) -> str:
    if path.suffix == ".docx":
        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    return path.read_text(encoding="utf-8")


def test_every_review_document_opens_with_you_said_we_did(tmp_path):
    _, p2, p3 = three_plans()
    for plan, folder in ((p2, tmp_path / "r1"), (p3, tmp_path / "r2")):
        paths = export_plan(plan, FORMATS, folder)
        assert all("-review-" in p.name for p in paths), "the review's files are told apart by name"
        documents = [p for p in paths if p.suffix in (".md", ".html", ".docx")]
        assert len(documents) == 5  # plan and easy read, in Word, HTML and Markdown
        for path in documents:
            body = paragraphs_in_order(path)
            said = [body.find(h) for h in ("You said, we did", "you said. This is what we did.")]
            said = min(i for i in said if i >= 0)
            # The first theme's own heading (the summary's table names the themes too).
            mark = {".html": '<section class="theme', ".md": "## Theme living"}.get(
                path.suffix, "Theme living"
            )
            first_theme = body.find(mark)
            assert 0 <= said < first_theme, path.name


def test_then_now_history_counts_and_notes_in_the_documents(tmp_path):
    _, p2, p3 = three_plans()
    md2 = (export_plan(p2, ["md"], tmp_path / "a")[0]).read_text(encoding="utf-8")
    assert "Then → now: Player 1: ✗ Not yet → ◐ Sometimes; Player 2: ◐ Sometimes → ◐ Sometimes" in md2
    assert "now by 23 March 2027" in md2, "the unfinished action's new date in 'You said, we did'"
    assert "Statements we talked about this time: 2. From the last plan: 1" in md2
    assert "Actions we agreed this time: 2. Carried on from the last plan: 1" in md2
    assert "about “I statement 1 about living.”" in md2, "a note says which statement it belongs to"
    for path in export_plan(p3, ["md", "html", "docx"], tmp_path / "b"):
        body = text_of(path)
        assert "Over time: Player 1: ✗ Not yet → ◐ Sometimes → ✔ This is real for me" in body, path.name


def test_each_export_format_of_a_review_opens_with_you_said_we_did(tmp_path):
    """Every format in game.export.EXPORTERS, every file it writes: the earlier actions looked back on
    come before the first theme (the CSV's first rows, the JSON's keys before "themes")."""
    _, p2, _ = three_plans()
    checked = set()
    for name, exporter in EXPORTERS.items():
        for path in export_plan(p2, [name], tmp_path / name):
            suffix = next(s for s in exporter.suffixes if path.name.endswith(s))
            if suffix.endswith((".md", ".html", ".docx")):
                body = paragraphs_in_order(path)
                said = [
                    i for i in (body.find("You said, we did"), body.find("This is what we did.")) if i >= 0
                ]
                mark = {".html": '<section class="theme', ".md": "## Theme living"}.get(
                    path.suffix, "Theme living"
                )
                first_theme = body.find(mark)
                assert said and 0 <= min(said) < first_theme, path.name
            elif suffix == ".json":
                text = path.read_text(encoding="utf-8")
                assert 0 <= text.find('"you_said_we_did"') < text.find('"themes"'), path.name
                assert json.loads(text)["you_said_we_did"]
            else:
                _, rows = read_csv(path)
                kinds = [r[4] for r in rows[1:]]
                looked = kinds.count("Looked back on")
                assert looked and kinds[:looked] == ["Looked back on"] * looked, kinds
            checked.add(suffix)
    assert checked == {s for e in EXPORTERS.values() for s in e.suffixes}


def test_easy_read_says_which_statement_a_note_is_about(tmp_path):
    """Two cards talked about in one theme: in Easy Read too, each note says which statement it is about."""
    _, p2, _ = three_plans()
    for path in export_plan(p2, ["easyread"], tmp_path):
        body = text_of(path)
        at = body.find("Better now")
        assert at >= 0 and body.find("This is about “I statement 1 about living.”", at) > at, path.name
