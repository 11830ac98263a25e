"""Each export format, read back the way its readers will read it: Word through python-docx, HTML
through html.parser, CSV through the csv module. Checks what a reader sees, not how it is built."""

from __future__ import annotations

import re

import pytest
from export_readback import contrast, read_csv, read_docx, read_html

from game.export import FORMATS, export_plan
from game.export.sample import INJECTIONS, LONG_NOTE, feature_plan

THEME_TITLES = [
    "Living the life I want",
    "Information I need",
    "Keeping connected",
    "Support my own way",
    "Staying in control",
    "The people who support me",
]
NOT_TALKED = "We did not talk about this theme this time."
# The sample plan is a review, so "You said, we did" comes right after the summary.
LEVEL2 = ["About this plan", "At a glance", "You said, we did", "Action plan", *THEME_TITLES, "Topics we parked",
          "Next review"]  # fmt: skip
HEADING = "Making It Real plan: Rosé Court / Flat 2 ✨"
FSI, PDI = "\u2068", "\u2069"


def plain(text: str) -> str:
    """Text without the invisible bidi isolates put around right-to-left names."""
    return text.replace(FSI, "").replace(PDI, "")


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    paths = export_plan(feature_plan(), FORMATS, out)
    # A review says so in its files' names.
    return {p.name.removeprefix("rose-court-flat-2-review-2026-11-23"): p for p in paths}


def test_every_format_is_written_with_a_safe_name(exported):
    assert sorted(exported) == sorted(
        [".docx", ".html", ".md", ".json", "-actions.csv", "-easy-read.html", "-easy-read.docx"]
    )
    for path in exported.values():
        assert path.stat().st_size > 0
        assert re.fullmatch(r"[a-z0-9-]+(\.[a-z]+)", path.name)


# ---- Word -----------------------------------------------------------------------------------


def test_word_has_real_headings_in_template_order(exported):
    doc = read_docx(exported[".docx"])
    heads = doc.headings()
    assert heads[0] == (1, HEADING)
    level2 = [plain(t) for level, t in heads if level == 2]
    # Every theme, in the plan's order, between the details and the closing sections.
    assert level2 == LEVEL2
    # Heading levels never jump (1 -> 3).
    levels = [level for level, _ in heads]
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))
    assert doc.body_fonts == ("Arial", 12)
    assert doc.language == "en-GB"


def test_word_shows_details_people_and_decks(exported):
    doc = read_docx(exported[".docx"])
    texts = [plain(t) for t in doc.texts()]
    assert "Service: Ty Gwyn — Supported living" in texts
    assert "Date: 23 November 2026" in texts
    assert "How we met: Group session" in texts
    assert "Next review: 23 February 2027" in texts
    assert "Zoë Brontë 🌻 (The person this plan is about)" in texts
    assert "M.K. (Supporter)" in texts
    assert "anonymous" in texts and "نور" in texts
    assert "Star (anonymous)" in texts  # named by their token, and the plan says so
    assert "Making It Real (making-it-real), version 1.0.0" in texts
    assert "Extra cards (making-it-real-extra), version 0.2" in texts
    glance = next(t for t in doc.tables if t[0][0] == "Theme")
    assert glance[1:] == [
        ["Living the life I want", "1 (+1 from last time)", "3", "Statement and action agreed"],
        ["Information I need", "1", "1", "Statement and action agreed"],
        ["Keeping connected", "0", "0", "Talked about, no action yet"],
        ["Support my own way", "0", "0", "Not talked about yet"],
        ["Staying in control", "0", "0", "Not chosen this time"],
        ["The people who support me", "0", "0", "Not chosen this time"],
    ]


def test_word_ratings_side_by_side_with_passes_as_chose_not_to_say(exported):
    doc = read_docx(exported[".docx"])
    rating_tables = [t for t in doc.tables if t[0] == ["Who", "How real is it?"]]
    first = [[plain(c).strip() for c in row] for row in rating_tables[0]]
    assert first[1:] == [
        ["Zoë Brontë 🌻", "This is real for me"],
        ["M.K.", "Not yet"],
        ["anonymous", "chose not to say"],
        ["نور", "Sometimes"],
    ]
    assert "People see this differently. Each view is shown as it was given." in doc.texts()
    # Two passes are not "different views": nothing to average, nothing to flag.
    everyone = rating_tables[-1]
    assert [row[1].strip() for row in everyone[1:]] == ["chose not to say", "chose not to say"]
    assert all(doc.header_rows)


def test_word_notes_actions_and_uncovered_themes(exported):
    doc = read_docx(exported[".docx"])
    texts = [plain(t) for t in doc.texts()]
    assert "Café trips on Fridays ☕ — everyone enjoys them. (said by Zoë Brontë 🌻)" in texts
    assert INJECTIONS["html"] in texts  # shown as typed, nothing interprets it
    assert f"{LONG_NOTE} (said by Zoë Brontë 🌻)" in texts
    assert "نحن نذهب إلى الحديقة كل يوم (said by نور)" in texts
    # One action plan for the whole plan; every "by when" is a real date.
    actions = [t for t in doc.tables if t[0][:3] == ["What", "Who", "By when"]]
    assert len(actions) == 1
    plan = actions[0]
    assert plan[0] == ["What", "Who", "By when", "Theme", "Status", "Note"]
    living = "Living the life I want"
    assert plan[1] == ["Ask about a weekend bus pass", "M.K.", "by 30 November 2026", living, "agreed", ""]
    assert plan[2] == [
        INJECTIONS["formula"],
        "Sam from the office",
        "by 15 December 2026",
        living,
        "agreed",
        INJECTIONS["at"],
    ]
    assert plan[3][:5] == ["Plan a day out together", "Everyone", "by 23 February 2027", living, "agreed"]
    assert plan[4][1:5] == ["The staff team", "by 23 December 2026", "Information I need", "started"]
    # "Support my own way" was in play but not talked about; the last two were not in play.
    assert texts.count(NOT_TALKED) == 3
    assert texts.count("It was not one of the themes chosen for this session.") == 2
    for theme_question in (
        "How do you help me to live the life I want?",
        "How do you make sure I am in control",
    ):
        assert any(theme_question in t for t in texts)


def test_word_parked_and_you_said_we_did(exported):
    doc = read_docx(exported[".docx"])
    texts = [plain(t) for t in doc.texts()]
    assert (
        "Talk to the landlord about the garden gate 🚪 (Theme: Living the life I want; Parked by Zoë Brontë 🌻)"
        in texts
    )
    assert "=1+1" in texts
    ysd = [t for t in doc.tables if t[0][0] == "You said"][0]
    assert ysd[1] == [
        "Find a Welsh-speaking support worker",
        "The staff team",
        "done",
        "Llinos started in October.",
    ]
    assert ysd[2][2] == "chose not to say"
    assert ysd[3][2] == "not needed"
    assert "We will look at this plan again on 23 February 2027." in texts


def test_word_marks_right_to_left_paragraphs(exported):
    import docx
    from docx.oxml.ns import qn

    d = docx.Document(str(exported[".docx"]))
    # A note all in Arabic reads from the right.
    arabic = [p for p in d.paragraphs if p.text == "نريد رسائل بخط كبير"][0]
    assert arabic._p.pPr.find(qn("w:bidi")) is not None
    # Arabic inside an English line ("... (said by نور)") is isolated and the line stays left-to-right.
    mixed = [p for p in d.paragraphs if p.text.startswith(FSI + "نحن")][0]
    assert mixed._p.pPr.find(qn("w:bidi")) is None
    assert mixed.text.endswith(f"(said by {FSI}نور{PDI})")
    english = [p for p in d.paragraphs if p.text.startswith("Café")][0]
    assert english._p.pPr.find(qn("w:bidi")) is None
    # Right-to-left text takes its size from the complex-script size, so it must be set too.
    assert d.styles["Normal"].element.rPr.find(qn("w:szCs")).get(qn("w:val")) == "24"


def test_word_detail_lines_read_from_their_label(tmp_path):
    import docx
    from docx.oxml.ns import qn

    plan = feature_plan()
    plan.service = "بيت الورد"
    d = docx.Document(str(export_plan(plan, ["docx"], tmp_path)[0]))
    # "Service: <Arabic>" in an English plan starts with "Service" on the left, the name isolated.
    line = [p for p in d.paragraphs if p.text.startswith("Service: ")][0]
    assert line.text == f"Service: {FSI}بيت الورد{PDI}"
    assert line._p.pPr is None or line._p.pPr.find(qn("w:bidi")) is None


def test_easy_read_action_line_with_a_right_to_left_name_stays_left_to_right(tmp_path):
    import docx
    from docx.oxml.ns import qn

    plan = feature_plan()
    plan.themes[0].actions[0].who = "p4"  # نور
    paths = export_plan(plan, ["easyread"], tmp_path)
    line = f"{FSI}نور{PDI} will do this by Monday 30 November 2026: Ask about a weekend bus pass"
    d = docx.Document(str(paths[1]))
    cells = [p for t in d.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    para = [p for p in cells if p.text == line][0]
    assert para._p.pPr.find(qn("w:bidi")) is None
    assert line in [t for t in read_html(paths[0]).texts("bdi")]


def test_practice_plans_say_so_in_every_document(tmp_path):
    plan = feature_plan()
    plan.practice = True
    plan.mode = "workshop"
    paths = export_plan(plan, ["docx", "html", "md", "easyread"], tmp_path)
    banner = (
        "Practice — not a real plan. This plan is from a training session. It is not about a real person."
    )
    assert all("practice" in p.name for p in paths)
    assert banner in read_docx(paths[0]).texts()
    assert banner in read_html(paths[1]).texts("p")
    assert banner.replace(".", ".") in paths[2].read_text(encoding="utf-8")
    assert banner in read_html(paths[3]).texts("p")
    assert banner in read_docx(paths[4]).texts()


# ---- HTML -----------------------------------------------------------------------------------


def test_html_is_accessible_and_self_contained(exported):
    doc = read_html(exported[".html"])
    html_el = doc.find_all("html")[0]
    assert html_el.attrs["lang"] == "en-GB"
    heads = doc.headings()
    assert [h for h in heads if h[0] == 1] == [(1, HEADING)]
    levels = [level for level, _ in heads]
    assert levels[0] == 1 and all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))
    for th in doc.find_all("th"):
        assert th.attrs.get("scope") in ("col", "row"), th
    # Nothing is fetched from anywhere: no scripts, links or remote images.
    assert not doc.find_all("script") and not doc.find_all("link") and not doc.find_all("iframe")
    for el in doc.elements:
        for name, value in el.attrs.items():
            assert not name.startswith("on"), (el.tag, name)
            if name == "src":
                assert value.startswith("data:image/svg+xml;base64,"), value
            if name == "href":
                assert value.startswith("#"), value  # only links within the page
    ids = {e.attrs.get("id") for e in doc.elements}
    links = [a.attrs["href"][1:] for a in doc.find_all("a")]
    assert len(links) == 6 and set(links) <= ids
    # Theme icons and rating pictures sit beside words that say the same: marked decorative.
    icons = doc.find_all("img")
    assert len([i for i in icons if i.attrs["class"] == "icon"]) == 6
    assert all(i.attrs["alt"] == "" for i in icons)


def test_html_text_colours_meet_7_to_1(exported):
    doc = read_html(exported[".html"])
    css = doc.find_all("style")[0].text
    colours = dict(re.findall(r"--(\w+):\s*(#[0-9a-fA-F]{6})", css))
    for fg, bg in [("ink", "paper"), ("muted", "paper"), ("ink", "head"), ("ink", "note"), ("link", "paper")]:
        assert contrast(colours[fg], colours[bg]) >= 7, (fg, bg)
    assert "@media print" in css


@pytest.mark.parametrize("name", [".html", "-easy-read.html"])
def test_html_stylesheet_is_not_escaped(exported, name):
    # Browsers read <style> as raw text: an escaped quote or '>' makes the rule invalid.
    css = read_html(exported[name]).find_all("style")[0].text
    assert "&#34;" not in css and "&gt;" not in css and "&amp;" not in css
    assert '"DejaVu Sans"' in css
    assert ".theme > .keep > h2 {" in css


def test_html_shows_typed_text_as_text(exported):
    doc = read_html(exported[".html"])
    items = [plain(t) for t in doc.texts("li")]
    assert INJECTIONS["html"] in items
    assert not [e for e in doc.elements if e.tag in ("script", "b")]
    assert all(a.attrs["href"].startswith("#theme-") for a in doc.find_all("a"))
    assert not [e for e in doc.find_all("img") if e.attrs.get("src") == "x"]
    markdown_note = [t for t in items if t.startswith("# Not a heading")]
    assert markdown_note and "[click me](http://example.com)" in markdown_note[0]
    assert any(LONG_NOTE in t for t in items)


def test_html_content_matches_the_plan(exported):
    doc = read_html(exported[".html"])
    heads = [plain(t) for level, t in doc.headings() if level == 2]
    assert heads == LEVEL2
    ps = [plain(t) for t in doc.texts("p")]
    assert sum(NOT_TALKED in p for p in ps) == 3
    rows = [
        [plain(" ".join(c.text.split())) for c in tr.children if c.tag in ("td", "th")]
        for tr in doc.find_all("tr")
    ]
    assert ["anonymous", "chose not to say"] in rows
    assert ["نور", "Sometimes"] in rows
    assert [
        INJECTIONS["formula"],
        "Sam from the office",
        "by 15 December 2026",
        "Living the life I want",
        "agreed",
        INJECTIONS["at"],
    ] in rows
    assert ["Fix the doorbell", "Dai", "not needed", "We moved to a new flat."] in rows


# ---- Markdown -------------------------------------------------------------------------------


def md_to_html(path) -> str:
    markdown_it = pytest.importorskip("markdown_it")
    return markdown_it.MarkdownIt("commonmark").enable("table").render(path.read_text(encoding="utf-8"))


def test_markdown_structure_cannot_be_changed_by_notes(exported):
    doc = read_html(md_to_html(exported[".md"]))
    heads = [(level, plain(t)) for level, t in doc.headings()]
    assert heads[0] == (1, HEADING)
    assert [t for level, t in heads if level == 2] == LEVEL2
    # Typed text made no links, images, code, emphasis or raw HTML.
    for tag in ("a", "img", "code", "script", "b"):
        assert not doc.find_all(tag), tag
    strong = {plain(t) for t in doc.texts("strong")}
    assert "bold" not in strong
    items = [plain(t) for t in doc.texts("li")]
    assert any(
        t.startswith("# Not a heading - not a list [click me](http://example.com) **bold** `code` | pipe |")
        for t in items
    )
    assert any(t.startswith(INJECTIONS["html"]) for t in items)
    rows = [
        [plain(" ".join(c.text.split())) for c in tr.children if c.tag in ("td", "th")]
        for tr in doc.find_all("tr")
    ]
    assert ["anonymous", "– chose not to say"] in rows
    assert [
        INJECTIONS["formula"],
        "Sam from the office",
        "by 15 December 2026",
        "Living the life I want",
        "agreed",
        INJECTIONS["at"],
    ] in rows


def test_markdown_headings_are_only_ours_without_a_renderer(exported):
    lines = exported[".md"].read_text(encoding="utf-8").splitlines()
    heads = [line for line in lines if line.startswith("#")]
    assert heads[0] == f"# {HEADING}"
    assert len([h for h in heads if h.startswith("## ")]) == len(LEVEL2)


# ---- CSV ------------------------------------------------------------------------------------


def test_csv_has_every_action_safe_for_spreadsheets(exported):
    raw, rows = read_csv(exported["-actions.csv"])
    assert raw.startswith(b"\xef\xbb\xbf")
    assert rows[0] == ["Plan", "Service", "Plan date", "Reviews the plan of", "Row", "Theme", "What", "Who",
                       "By when", "Due date", "Status", "Note"]  # fmt: skip
    plan = ["Rosé Court / Flat 2 ✨", "Ty Gwyn — Supported living", "2026-11-23", "2026-08-20"]
    actions = [r for r in rows[1:] if r[4] == "Action"]
    assert len(actions) == 4 and all(r[:4] == plan for r in rows[1:])
    assert actions[0][5:] == ["Living the life I want", "Ask about a weekend bus pass", "M.K.",
                              "by 30 November 2026", "2026-11-30", "agreed", ""]  # fmt: skip
    assert actions[1][6] == "'" + INJECTIONS["formula"]
    assert actions[1][9] == "2026-12-15" and actions[1][11] == "'" + INJECTIONS["at"]
    assert actions[2][9] == "2027-02-23"  # by the next review
    assert actions[3][6] == "'" + INJECTIONS["plus"] and actions[3][9] == "2026-12-23"
    # Review outcomes: last plan's actions as looked back on, dated from the last plan.
    reviews = [r for r in rows[1:] if r[4] == "Looked back on"]
    assert [r[6] for r in reviews] == ["Find a Welsh-speaking support worker", "Get a bigger-print menu",
                                       "Fix the doorbell"]  # fmt: skip
    assert [r[10] for r in reviews] == ["done", "chose not to say", "not needed"]
    assert reviews[0][9] == "2026-11-23"  # "by the next review" of the last plan: this one
    assert reviews[1][9] == "2026-09-20"  # "next month" from 20 August
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


# ---- Easy Read ------------------------------------------------------------------------------


def test_easy_read_html_is_large_with_icons_and_own_words_first(exported):
    doc = read_html(exported["-easy-read.html"])
    css = doc.find_all("style")[0].text
    assert re.search(r"body \{[^}]*font-size: 1\.5rem", css)
    assert doc.find_all("html")[0].attrs["lang"] == "en-GB"
    heads = [(level, plain(t)) for level, t in doc.headings()]
    assert heads[0] == (1, "My Making It Real plan")
    living = heads.index((2, "Living the life I want"))
    assert heads[living + 1] == (3, "What I said")
    assert heads[living + 2] == (3, "What people said")
    items = [plain(t) for t in doc.texts("li")]
    # The card's easy-read words, then each view on its own line, the person's own view first,
    # with the scale's picture once and no symbol in the words.
    first = items.index("I do things I like.")
    assert items[first + 1 : first + 5] == [
        "Zoë Brontë 🌻: This is real for me",
        "M.K.: Not yet",
        "anonymous: chose not to say",
        "نور: Sometimes",
    ]
    assert len([i for i in doc.find_all("img") if i.attrs.get("class") == "icon"]) == 6
    assert all(i.attrs["src"].startswith("data:image/svg+xml") for i in doc.find_all("img"))
    assert sum("We did not talk about this this time." in p for p in doc.texts("p")) == 3
    # Plain words: status as "We will do this.", the next talk as a date in full, no "review".
    assert "We will do this." in items and "We did it." in items and "We have started." in items
    assert "We will talk again about this plan on Tuesday 23 February 2027." in items
    assert "Next review" not in doc.body_text()


def test_easy_read_every_idea_has_a_picture_beside_it_with_alt_text(exported):
    doc = read_html(exported["-easy-read.html"])
    ideas = [li for li in doc.find_all("li") if "idea" in (li.attrs.get("class") or "")]
    statements = ["I do things I like.", "I choose what I eat.", "I can read my letters."]
    assert [plain(i.text) for i in ideas if plain(i.text) in statements] == statements
    for li in ideas:
        # The picture first (on the left), then the words.
        assert li.children[0].tag == "img", li.text
        assert li.children[0].attrs["alt"].strip(), li.text
    # Who does each action is a picture too.
    action = next(li for li in ideas if li.text.startswith("Sam from the office will do this by"))
    assert action.children[0].attrs["alt"] == "Sam from the office"


def test_easy_read_word_is_at_least_16pt_with_pictures(exported):
    import docx

    doc = read_docx(exported["-easy-read.docx"])
    assert doc.body_fonts[1] >= 16
    d = docx.Document(str(exported["-easy-read.docx"]))
    heading_sizes = [d.styles[f"Heading {n}"].font.size.pt for n in (1, 2, 3)]
    assert min(heading_sizes) >= 16
    assert d.styles["Normal"].paragraph_format.line_spacing >= 1.5
    from docx.oxml.ns import qn

    # Every picture has alternative text; each theme's picture is described by its title.
    described = [e.get("descr") for e in d.element.body.iter(qn("wp:docPr"))]
    assert described and all(x and x.strip() for x in described)
    assert all(title in described for title in THEME_TITLES)
    # Every statement sits in a row with its picture on the left.
    rows = {row.cells[1].text: row for t in d.tables for row in t.rows}
    for statement in ("I do things I like.", "I choose what I eat.", "I can read my letters."):
        pictures = list(rows[statement].cells[0]._tc.iter(qn("wp:docPr")))
        assert len(pictures) == 1 and pictures[0].get("descr"), statement
    # Nothing in italics.
    assert not [r for r in d.element.body.iter(qn("w:i"))]


def test_easy_read_word_without_pictures_still_works(tmp_path, monkeypatch):
    import docx

    from game.export import docx_kit

    monkeypatch.setattr(docx_kit, "png_path", lambda name: None)
    paths = export_plan(feature_plan(), ["easyread"], tmp_path)
    d = docx.Document(str(paths[1]))
    assert len(d.inline_shapes) == 0
    heads = [p.text for p in d.paragraphs if p.style.name == "Heading 2"]
    assert heads[1].endswith("you said. This is what we did.") and heads[2].endswith("Living the life I want")


def test_easy_read_word_with_a_broken_picture_still_works(tmp_path, monkeypatch):
    import docx

    from game.export import docx_kit

    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG not really")
    monkeypatch.setattr(docx_kit, "png_path", lambda name: broken)
    paths = export_plan(feature_plan(), ["easyread"], tmp_path / "out")
    assert len(docx.Document(str(paths[1])).inline_shapes) == 0


# ---- Welsh ----------------------------------------------------------------------------------


def test_welsh_plan_uses_welsh_words(tmp_path):
    plan = feature_plan()
    plan.language = "cy"
    paths = export_plan(plan, ["docx", "html", "csv"], tmp_path)
    doc = read_docx(paths[0])
    assert doc.language == "cy"
    assert (2, "Am y cynllun hwn") in doc.headings()
    assert "Dyddiad: 23 Tachwedd 2026" in doc.texts()
    html_doc = read_html(paths[1])
    assert html_doc.find_all("html")[0].attrs["lang"] == "cy"
    assert "Fe ddywedoch chi, fe wnaethon ni" in [t for _, t in html_doc.headings()]
    _, rows = read_csv(paths[2])
    actions = [r for r in rows[1:] if r[4] == "Cam gweithredu"]  # after the look-backs
    assert rows[0][5:7] == ["Thema", "Beth"] and actions[0][8] == "erbyn 30 Tachwedd 2026"


def test_a_plan_not_yet_confirmed_says_it_is_a_draft(tmp_path):
    plan = feature_plan()
    plan.finished = False
    paths = export_plan(plan, ["docx", "html", "md"], tmp_path)
    draft = "This is a draft. The group has not checked it yet."
    assert draft in read_docx(paths[0]).texts()
    assert draft in read_html(paths[1]).texts("p")
    assert draft in paths[2].read_text(encoding="utf-8")
    finished = export_plan(feature_plan(), ["docx"], tmp_path / "done")
    assert draft not in read_docx(finished[0]).texts()


def test_look_backs_in_a_first_plan_do_not_claim_a_last_plan(tmp_path):
    # A look-back tile can review an action agreed earlier in the same session.
    plan = feature_plan()
    plan.previous_date = None
    paths = export_plan(plan, ["docx", "html", "md", "easyread"], tmp_path)
    earlier = "We looked back at actions we agreed earlier."
    assert earlier in read_docx(paths[0]).texts()
    assert earlier in read_html(paths[1]).texts("p")
    assert earlier in paths[2].read_text(encoding="utf-8")
    easy = read_html(paths[3])
    assert (2, "Earlier you said. This is what we did.") in easy.headings()
    for path in paths:
        text = (
            path.read_text(encoding="utf-8") if path.suffix != ".docx" else " ".join(read_docx(path).texts())
        )
        assert "from the last plan" not in text and "Last time you said" not in text, path.name
    # A review of a previous plan still says where the actions came from.
    review = export_plan(feature_plan(), ["md"], tmp_path / "review")[0].read_text(encoding="utf-8")
    assert "We looked back at the actions from the last plan." in review


def test_workshop_personas_show_as_names(tmp_path):
    from game.export.view import persona_name

    assert persona_name("persona-ann") == "Ann"
    assert persona_name("persona-mary-jo") == "Mary Jo"
    assert persona_name("Ann, 78") == "Ann, 78"
    plan = feature_plan()
    plan.practice = True
    plan.participants[1].persona = "persona-ann"
    doc = read_docx(export_plan(plan, ["docx"], tmp_path)[0])
    # Practice names the persona, never the trainee (here "M.K.").
    assert "Ann (Supporter)" in doc.texts()
    assert not any("M.K." in t for t in doc.texts())


def test_word_pages_carry_the_plan_name_page_number_and_practice_mark(tmp_path):
    import docx

    plan = feature_plan()
    plan.practice = True
    for path in [p for p in export_plan(plan, ["docx", "easyread"], tmp_path) if p.suffix == ".docx"]:
        section = docx.Document(str(path)).sections[0]
        footer = section.footer.paragraphs[0]
        assert footer.text.startswith(f"{HEADING} · ")
        assert 'w:instr="PAGE"' in footer._p.xml
        assert section.header.paragraphs[0].text == "Practice — not a real plan"
    plain_plan = export_plan(feature_plan(), ["docx"], tmp_path / "real")[0]
    assert docx.Document(str(plain_plan)).sections[0].header.paragraphs[0].text == ""


def test_easy_read_word_pictures_have_unique_ids(exported):
    import docx
    from docx.oxml.ns import qn

    d = docx.Document(str(exported["-easy-read.docx"]))
    ids = [e.get("id") for e in d.element.body.iter(qn("wp:docPr"))]
    assert len(ids) > 6 and len(ids) == len(set(ids))
