"""The plan as a care office files it: the Word file's page, language and properties, the template's
own questions, one action plan before the themes, real dates, a title that says whose plan it is,
and no typed control character that can turn the product's words around."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Cm, Mm
from export_readback import read_csv, read_docx, read_html

from game.export import FORMATS, export_plan, render_all
from game.export.csv import neutralise
from game.export.sample import feature_plan
from game.model.plan import Note, Participant

QUESTIONS = ("What do you not do?", "How can we work together to help make this real?")
RLO = "\u202e"
OVERRIDES = re.compile("[\u202a-\u202e]")


@pytest.fixture(scope="module")
def files():
    return dict(render_all(feature_plan(), FORMATS))


def word(data: bytes):
    return docx.Document(io.BytesIO(data))


def test_word_page_is_a4_with_uk_margins(files):
    for name in (".docx", "-easy-read.docx"):
        section = word(files[name]).sections[0]
        assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
        for margin in (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin):
            assert abs(margin - Cm(2.54)) < Mm(1)


def test_word_checks_spelling_in_en_gb_in_every_style(files):
    d = word(files[".docx"])
    defaults = d.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:lang")).get(qn("w:val")) == "en-GB"
    kinds = (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE)
    styles = [s for s in d.styles if s.type in kinds]
    assert len(styles) > 20
    for style in styles:
        lang = style.element.rPr.find(qn("w:lang"))
        assert lang is not None and lang.get(qn("w:val")) == "en-GB", style.name
    assert "en-US" not in d.styles.element.xml


def test_word_properties_are_the_plans_own(files):
    for name in (".docx", "-easy-read.docx"):
        cp = word(files[name]).core_properties
        assert "Rosé Court / Flat 2" in cp.title
        assert cp.subject == "Making It Real plan"
        assert cp.author == "Ty Gwyn — Supported living"  # the service, as nobody is named as writer
        assert cp.created.date() == dt.datetime.now(dt.UTC).date() and cp.modified == cp.created
        assert cp.comments == ""
        with zipfile.ZipFile(io.BytesIO(files[name])) as z:
            assert not [n for n in z.namelist() if "thumbnail" in n]
            props = z.read("docProps/core.xml").decode("utf-8")
        assert "python-docx" not in props and "2013" not in props


def test_word_author_is_who_wrote_it_up(tmp_path):
    plan = feature_plan()
    plan.written_by = "Sam Patel"
    plan.checked_on = "2026-11-24"
    path = export_plan(plan, ["docx"], tmp_path)[0]
    assert docx.Document(str(path)).core_properties.author == "Sam Patel"
    texts = read_docx(path).texts()
    assert "Written up by: Sam Patel" in texts
    assert "Checked together: We checked this together on 24 November 2026." in texts


def test_word_keeps_headings_statements_and_rows_together(files):
    d = word(files[".docx"])
    for n in (1, 2, 3, 4):
        assert d.styles[f"Heading {n}"].paragraph_format.keep_with_next, n
    statement = next(p for p in d.paragraphs if p.text == "I do things I enjoy every week.")
    assert statement.paragraph_format.keep_with_next
    # The statement's views follow it, and each row but the last keeps with the next one.
    ratings = statement._p.getnext()
    while ratings.tag != qn("w:tbl"):
        assert ratings.find(qn("w:pPr")).find(qn("w:keepNext")) is not None
        ratings = ratings.getnext()
    rows = ratings.findall(qn("w:tr"))
    assert all(r.find(qn("w:tc")).find(qn("w:p")).find(qn("w:pPr")).find(qn("w:keepNext")) is not None
               for r in rows[:-1])  # fmt: skip
    # No table row in the file breaks across a page.
    for table in d.tables:
        for row in table.rows:
            assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
    # "Actions" is a heading, never bold text left alone at the foot of a page.
    heads = read_docx(files[".docx"]).headings()
    assert (2, "Action plan") in heads and (4, "Actions") in heads


def test_word_rating_symbols_are_pictures_with_alt_text(files):
    d = word(files[".docx"])
    table = next(t for t in d.tables if t.rows[0].cells[1].text == "How real is it?")
    for row in table.rows[1:]:
        pictures = list(row.cells[1]._tc.iter(qn("wp:docPr")))
        assert len(pictures) == 1 and pictures[0].get("descr") == row.cells[1].text.strip()
    # No symbol character is left for a font to miss.
    assert not {"◐", "✔", "✘"} & set(read_docx(files[".docx"]).all_text())


def test_template_questions_are_the_headings(files, tmp_path):
    paths = export_plan(feature_plan(), ["docx", "html", "md"], tmp_path)
    heads = {
        ".docx": [t for _, t in read_docx(paths[0]).headings()],
        ".html": [t for _, t in read_html(paths[1]).headings()],
        ".md": [
            line.lstrip("#").strip() for line in paths[2].read_text("utf-8").splitlines() if line[:1] == "#"
        ],
    }
    for name, found in heads.items():
        for question in (*QUESTIONS, "How do you help me to live the life I want?"):
            assert any(h.startswith(question) for h in found), (name, question)
        # The friendly short name may follow the question.
        assert f"{QUESTIONS[0]} · What we don't do yet" in found, name


def test_action_plan_comes_before_the_first_theme(tmp_path):
    paths = export_plan(feature_plan(), ["docx", "html", "md"], tmp_path)
    for heads in (
        [t for _, t in read_docx(paths[0]).headings()],
        [t for _, t in read_html(paths[1]).headings()],
        [line.lstrip("#").strip() for line in paths[2].read_text("utf-8").splitlines() if line[:1] == "#"],
    ):
        assert heads.index("At a glance") < heads.index("Action plan") < heads.index("Living the life I want")
    # In Word the action table itself sits before the first theme's heading.
    body = docx.Document(str(paths[0])).element.body
    order = [el for el in body if el.tag in (qn("w:p"), qn("w:tbl"))]
    texts = ["".join(t.text or "" for t in el.iter(qn("w:t"))) for el in order]
    theme = texts.index("Living the life I want")
    table = next(i for i, el in enumerate(order) if el.tag == qn("w:tbl") and "By when" in texts[i])
    assert table < theme


def test_every_by_when_is_a_real_date_in_every_format(files):
    relative = ("next week", "next month", "by the next review", "wythnos nesaf")
    for name, data in files.items():
        if name == ".json":
            continue  # the JSON keeps the choice as made ("next_week"), for the review to read
        text = (
            " ".join(read_docx(data).all_text().split())
            if name.endswith(".docx")
            else data.decode("utf-8-sig")
        )
        for words in relative:
            assert words not in text, (name, words)
    assert "by 30 November 2026" in files[".html"].decode("utf-8")


def test_a_plan_with_no_title_says_whose_it_is(tmp_path):
    plan = feature_plan()
    plan.title = ""
    plan.mode = "one-to-one"
    html = read_html(export_plan(plan, ["html"], tmp_path / "one")[0])
    assert html.headings()[0] == (1, "Making It Real plan: Zoë Brontë 🌻")
    plan.mode = "group"
    plan.participants = [Participant("a", "Ann"), Participant("b", "Bo"), Participant("c", "Cy")]
    doc = read_docx(export_plan(plan, ["docx"], tmp_path / "group")[0])
    assert doc.headings()[0] == (1, "Making It Real plan: Ann, Bo and Cy")


def unpaired(text: str) -> bool:
    """True if the text has a bidi override or embedding, or an isolate that is not closed."""
    if OVERRIDES.search(text):
        return True
    depth = 0
    for ch in text:
        if ch in "\u2066\u2067\u2068":
            depth += 1
        elif ch == "\u2069":
            depth -= 1
            if depth < 0:
                return True
    return depth != 0


def output_texts(data: bytes, name: str) -> list[str]:
    if name.endswith(".docx"):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            # Each paragraph on its own: an isolate must close within the line it opens in.
            xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
        return ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p)) for p in xml.split("</w:p>")] + [xml]
    return data.decode("utf-8-sig").splitlines()


def test_a_right_to_left_override_leaves_no_unpaired_control_in_any_output():
    plan = feature_plan()
    plan.participants[1].label = f"M.K.{RLO}"
    plan.themes[0].notes.append(Note("rlo", "dont", f"Bus{RLO} times change", "p2"))
    plan.themes[0].actions[0].what = f"{RLO}Ring the college\u200b"
    plan.parked[0].text += RLO
    for name, data in render_all(plan, FORMATS):
        for line in output_texts(data, name):
            assert not unpaired(line), (name, line[:200])
        assert "\u200b" not in data.decode("utf-8", "replace") or name.endswith(".docx"), name
    docx_text = " ".join(read_docx(dict(render_all(plan, ["docx"]))[".docx"]).all_text().split())
    # The product's own words around the name read the right way round.
    assert "Bus times change (said by M.K.)" in docx_text


@pytest.mark.parametrize(
    "cell",
    ["=1+1", " =1+1", "\u00a0=1+1", "\u3000=1+1", "＝1+1", "＋1", "－1", "＠SUM(A1)", "\r=1+1", "\n=1+1",
     "\t=1+1", "\r\n@x", " \n +1", "-2", "+44 1234", "@me"],
)  # fmt: skip
def test_csv_formula_cases_are_neutralised(cell, tmp_path):
    assert neutralise(cell).startswith("'")
    plan = feature_plan()
    plan.themes[0].actions[0].what = cell
    plan.themes[0].actions[0].note = cell
    _, rows = read_csv(export_plan(plan, ["csv"], tmp_path)[0])
    row = next(r for r in rows[1:] if r[rows[0].index("Row")] == "Action")  # after the look-backs
    for value in (row[rows[0].index("What")], row[rows[0].index("Note")]):
        assert value.startswith("'"), value
        # Past the quote, the cell holds what was typed (line ends as \n).
        assert value[1:] == cell.replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.parametrize("cell", ["Ring Sam", "a=b", "Café 1+1", " plain", "", "'quoted"])
def test_csv_ordinary_text_is_left_alone(cell):
    assert neutralise(cell) == cell


def test_the_plan_records_the_day_the_group_checked_it_and_who_wrote_it_up():
    from model_fixtures import group_setup, small_decks

    from game.model.engine import Game

    g = Game.new(small_decks())
    assert g.apply({"type": "start_game", "setup": group_setup(dice=False, written_by="Sam Patel")}).ok
    assert g.plan().checked_on is None
    assert g.apply({"type": "stop_game"}).ok
    at = dt.datetime(2026, 11, 24, 15, 30).timestamp()
    assert g.apply({"type": "confirm_plan", "at": at}).ok
    plan = g.plan()
    assert plan.checked_on == "2026-11-24" and plan.written_by == "Sam Patel"
    texts = read_docx(dict(render_all(plan, ["docx"]))[".docx"]).texts()
    assert "Checked together: We checked this together on 24 November 2026." in texts
    # Undo takes the check back.
    assert g.apply({"type": "undo"}).ok and g.plan().checked_on is None


@pytest.mark.parametrize(
    "deck, language", [("making-it-real.yaml", "en-GB"), ("making-it-real.cy.yaml", "cy")]
)
def test_the_demo_plan_reads_like_a_real_one(deck, language):
    from model_fixtures import group_setup

    from game.model.autoplay import play
    from game.model.deckload import load_deckset
    from game.model.engine import Game
    from game.paths import DECKS_DIR
    from game.words import Words

    words = Words(language)
    decks = load_deckset([DECKS_DIR / deck])
    for seed in (1, 2, 3):
        g = Game.new(decks)
        assert g.apply({"type": "start_game", "setup": group_setup(n=4, seed=seed, language=language)}).ok
        plan = play(g, seed=seed, pass_rate=0.1).plan()
        notes = [n for th in plan.themes for n in th.notes]
        said = [n.text for n in notes] + [a.what for a in plan.all_actions()]
        assert len(notes) >= 5 and plan.all_actions(), seed
        assert len(said) == len(set(said)), seed  # no sentence said twice
        for n in notes:
            if n.card_id:  # a note on a card is what the demo says about that very card
                assert n.text == words.get(f"demo_card_{n.card_id}_{n.section}"), (seed, n)
        for a in plan.all_actions():
            assert a.what == words.get(f"demo_card_{a.card_id}_action"), (seed, a)


def test_typed_direction_controls_never_reach_the_game_record():
    from model_fixtures import group_setup, small_decks

    from game.model.engine import Game

    g = Game.new(small_decks())
    setup = group_setup(dice=False, title=f"Oak{RLO} House")
    setup["players"][0]["name"] = f"Ann{RLO}"
    assert g.apply({"type": "start_game", "setup": setup}).ok
    assert g.apply({"type": "park", "text": f"\u200bMoney{RLO} worries\u2066"}).ok
    plan = g.plan()
    assert plan.title == "Oak House" and plan.participants[0].label == "Ann"
    assert plan.parked[0].text == "Money worries"
