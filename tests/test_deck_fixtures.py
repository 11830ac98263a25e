"""Small decks for the deck loader tests: a good one as text (so line numbers are known) and as data."""

from __future__ import annotations

import copy

import pytest
import yaml

from game.model.deckload import DeckError, load_deck_text

GOOD = """\
# yaml-language-server: $schema=deck.schema.json
id: tiny
title: Tiny deck
version: "1.0"
language: en-GB
licence: CC BY 4.0
author: Tests
themes:
  - id: living
    title: Living the life I want
    question: How do you help me to live the life I want?
    colour: "#E69F00"
    icon: living
  - id: people
    title: The people who support me
    question: Are the people who support me good at their job?
    colour: "#CC79A7"
    icon: people
cards:
  - id: living-01
    theme: living
    text: I do things I enjoy every week.
    easy_read: I do things I like.
    we: We help you do things you enjoy every week.
  - id: people-01
    theme: people
    text: Staff know what matters to me.
prompts:
  - id: helps
    text: What do we do that helps?
    section: do
scale:
  - id: real
    label: This is real for me
    symbol: "✔"
    icon: scale-real
  - id: not-yet
    label: Not yet
    symbol: "○"
    icon: scale-not-yet
"""

GOOD_DATA = yaml.safe_load(GOOD)


def good_data() -> dict:
    return copy.deepcopy(GOOD_DATA)


def dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def problems_of(text: str | bytes, file: str = "d.yaml") -> list[str]:
    """Every problem the loader reports for this text, as printed; fails if it loads."""
    with pytest.raises(DeckError) as caught:
        load_deck_text(text, file)
    return [str(p) for p in caught.value.problems]


def replace_line(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)
