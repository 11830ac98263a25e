"""The deck benchmark gives the rows the benchmark runner expects, and its big deck really is valid."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import deck_load  # noqa: E402

from game.model.deckload import load_deck_text  # noqa: E402


def test_big_deck_is_a_valid_deck_of_the_stated_size():
    deck = load_deck_text(deck_load.big_deck_text(600))
    assert len(deck.cards) == 600
    assert {c.theme for c in deck.cards} == set(deck_load.THEMES)


def test_measure_rows_have_the_runner_shape():
    rows = deck_load.measure(quick=True)
    assert [r["name"] for r in rows] == [
        "load + check a 10,000-card deck",
        f"load + check the {len(deck_load.shipped_decks())} shipped decks",
        "report every problem in a 10,000-card deck",
    ]
    for r in rows:
        assert set(r) >= {"name", "value", "unit", "target"}
        assert r["unit"] == "s" and r["value"] > 0
    # The 0.3 s target is for a quiet machine; tests share a busy one, so only guard against a collapse.
    assert rows[0]["value"] < 10 * rows[0]["target"]
    assert rows[2]["note"].startswith("1,668 problems")  # 1,667 cards with a misspelt theme, 1 empty theme
