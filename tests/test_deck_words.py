"""Every message the deck checker can give has words in English, and the Welsh ones fill the same blanks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from test_deck_fixtures import GOOD, replace_line

from game.model.deckload import DeckError, load_deck_text

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "game" / "model"
EN = yaml.safe_load((ROOT / "game/locale/en/deck.yaml").read_text(encoding="utf-8"))
CY = yaml.safe_load((ROOT / "game/locale/cy/deck.yaml").read_text(encoding="utf-8"))


def codes_in_source() -> set[str]:
    codes = set()
    for path in [*MODEL.glob("deck_*.py"), MODEL / "deckload.py"]:
        text = path.read_text(encoding="utf-8")
        codes |= set(re.findall(r'Finding\(\s*"(\w+)"', text))
        codes |= set(re.findall(r'code = "(\w+)"', text))
        codes |= set(re.findall(r'"(yaml_hint_\w+)"', text))
        codes |= set(re.findall(r'"(clash_\w+)"', text))
        codes |= set(re.findall(r'_at\(e, "(\w+)"', text))
        codes |= set(re.findall(r'else "(alias_\w+)"', text))
        codes |= set(re.findall(r'code = "(\w+)" if', text))
        codes |= set(re.findall(r'\("(translation_\w+)", ', text))
    return codes


def test_every_finding_code_has_english_words():
    codes = codes_in_source()
    assert {
        "file_missing",
        "too_long",
        "unknown_key",
        "extends_loop",
        "clash_card",
        "translation_missing",
    } <= codes
    missing = sorted(c for c in codes if f"deck.{c}" not in EN)
    assert missing == []


def test_welsh_words_fill_the_same_blanks_as_english():
    for key, text in CY.items():
        assert key in EN, key
        assert set(re.findall(r"\{(\w+)\}", text)) == set(re.findall(r"\{(\w+)\}", EN[key])), key


def test_messages_in_welsh_where_there_are_welsh_words():
    with pytest.raises(DeckError) as caught:
        load_deck_text(replace_line(GOOD, "theme: people", "theme: peple"), "d.yaml", language="cy")
    assert [str(p) for p in caught.value.problems] == [
        'd.yaml:14:5: Does dim cardiau gan thema "people". Ychwanegwch gerdyn gyda "theme: people", neu ddilëwch y thema.',
        'd.yaml:26:12: Cerdyn "people-01": mae\'n enwi\'r thema "peple", ond does dim thema gyda\'r id hwnnw. '
        'Oeddech chi\'n golygu "people"? Y themâu yw: living, people.',
    ]
