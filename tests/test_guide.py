"""The printable trainer guide (`making-it-real guide`): read back, in English and in Welsh."""

from __future__ import annotations

import html
import re

import docx
import pytest

from game import paths
from game.cli import main
from game.guide.content import NOTE_STEPS, SESSION_PLANS, session_plan
from game.model.deckload import DeckError, load_deck_text, load_deckset
from game.words import Words


def _docx_text(path) -> str:
    d = docx.Document(str(path))
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in d.paragraphs] + cells)


def _html_text(path) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))


def _squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    ("deck", "stem", "language"),
    [("workshop.yaml", "trainer-guide", "en"), ("workshop.cy.yaml", "trainer-guide-cy", "cy")],
)
def test_guide_holds_every_persona_note_and_debrief_question(tmp_path, capsys, deck, stem, language):
    deck_path = paths.DECKS_DIR / deck
    assert main(["guide", "--deck", str(deck_path), "--out", str(tmp_path)]) == 0
    decks = load_deckset([deck_path])
    words = Words(language)
    for suffix, read in (("html", _html_text), ("docx", _docx_text)):
        text = _squash(read(tmp_path / f"{stem}.{suffix}"))
        assert words.get("guide_title") in text
        for p in decks.personas:
            assert p.name in text and _squash(p.summary) in text
            assert _squash(p.setting) in text and _squash(p.needs) in text
        assert set(decks.facilitator_notes) == set(NOTE_STEPS), "a note for every step"
        for note in decks.facilitator_notes.values():
            assert _squash(note) in text
        assert len(decks.debrief) >= 3
        for q in decks.debrief:
            assert q in text
        for theme in decks.themes:
            assert theme.title in text and theme.question in text
        for minutes in SESSION_PLANS:
            assert words.get("guide_plan_heading", minutes=minutes) in text
    out = capsys.readouterr().out
    assert f"{stem}.html" in out and f"{stem}.docx" in out


def test_the_welsh_guide_is_in_welsh(tmp_path):
    assert main(["guide", "--deck", str(paths.DECKS_DIR / "workshop.cy.yaml"), "--out", str(tmp_path)]) == 0
    page = (tmp_path / "trainer-guide-cy.html").read_text(encoding="utf-8")
    assert '<html lang="cy">' in page
    assert "Canllaw gweithdy" in page and "workshop guide for trainers" not in page
    d = docx.Document(str(tmp_path / "trainer-guide-cy.docx"))
    assert d.sections[0].page_width.cm == pytest.approx(21.0, abs=0.05)  # A4


@pytest.mark.parametrize("minutes", sorted(SESSION_PLANS))
def test_each_session_plan_adds_up_to_its_length(minutes):
    rows = session_plan(minutes, Words("en"))
    assert sum(r.minutes for r in rows) == minutes
    assert rows[0].start == "0:00" and rows[-1].end == f"{minutes // 60}:{minutes % 60:02d}"
    assert all(r.title and r.what for r in rows)


def test_a_deck_with_nothing_for_a_trainer_gets_a_clear_message(tmp_path, capsys):
    assert (
        main(["guide", "--deck", str(paths.DECKS_DIR / "making-it-real.yaml"), "--out", str(tmp_path)]) == 2
    )
    assert "workshop deck" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_an_unwritable_folder_says_so(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["guide", "--out", str(blocker / "guide")]) == 1
    err = capsys.readouterr().err
    assert "Could not save the trainer guide" in err and "Traceback" not in err


def test_debrief_questions_are_checked_with_line_numbers():
    text = "id: w\ntitle: W\nversion: '1'\nlanguage: en\nlicence: x\nauthor: y\nextends: making-it-real\ndebrief:\n  - ''\n"
    with pytest.raises(DeckError) as caught:
        load_deck_text(text, file="w.yaml")
    assert any(str(p).startswith("w.yaml:9:") for p in caught.value.problems)
    ok = load_deck_text(text.replace("''", "What did you learn?"), file="w.yaml")
    assert ok.debrief == ("What did you learn?",)


def test_a_second_guide_never_replaces_the_first(tmp_path):
    assert main(["guide", "--out", str(tmp_path)]) == 0
    first = (tmp_path / "trainer-guide.html").read_bytes()
    assert main(["guide", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "trainer-guide.html").read_bytes() == first
    assert (tmp_path / "trainer-guide-2.html").is_file() and (tmp_path / "trainer-guide-2.docx").is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no half-written files left
