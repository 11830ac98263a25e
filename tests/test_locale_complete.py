"""Every language is whole: each key in game/locale/en is in every other language, not empty, and fills the
same {blanks}. A screen half in Welsh and half in English is a bug, so this fails on the first gap."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
import yaml

LOCALE = Path(__file__).resolve().parent.parent / "game" / "locale"
LANGUAGES = sorted(p.name for p in LOCALE.iterdir() if p.is_dir() and p.name != "en")


def table(language: str) -> dict:
    out: dict = {}
    for f in sorted((LOCALE / language).glob("*.yaml")):
        out.update(yaml.safe_load(f.read_text(encoding="utf-8")) or {})
    return out


def blanks(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_there_is_another_language():
    assert "cy" in LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_english_key_is_translated(language):
    en, other = table("en"), table(language)
    missing = sorted(k for k in en if not (isinstance(other.get(k), str) and other[k].strip()))
    assert not missing, f"{len(missing)} of {len(en)} words missing or empty in {language}: {missing[:40]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_fill_the_same_blanks(language):
    en, other = table("en"), table(language)
    wrong = [
        k for k, v in en.items() if isinstance(other.get(k), str) and not blanks(other[k]) <= blanks(str(v))
    ]
    assert not wrong, f"{language} words with {{blanks}} English does not fill: {wrong}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_key_only_in_a_translation(language):
    extra = sorted(set(table(language)) - set(table("en")))
    assert not extra, f"{language} has words English does not: {extra}"


def test_welsh_files_keep_the_note_that_a_welsh_speaker_should_review():
    for f in (LOCALE / "cy").glob("*.yaml"):
        head = "\n".join(f.read_text(encoding="utf-8").splitlines()[:4]).lower()
        assert "welsh speaker" in head or "siaradwr cymraeg" in head, f.name


@pytest.mark.parametrize(
    "wrong",
    [
        r"\bneu (pwys|tynn|dilë|gall)",  # soft mutation after "neu": neu bwyswch, neu dynnwch, neu ddilëwch
        "Cadw at wedyn",
        "Beth buon ni",
        "Beth byddwn ni",
        "Beth gallwn ni",
        "drosof fi",
        r'Dangos: llythrennau"',
    ],
)
def test_welsh_mistakes_found_in_a_read_through_stay_fixed(wrong):
    places = list((LOCALE / "cy").glob("*.yaml")) + list((LOCALE.parent.parent / "decks").glob("*.cy.yaml"))
    hits = [
        f"{f.name}: {line.strip()}"
        for f in places
        for line in f.read_text(encoding="utf-8").splitlines()
        if re.search(wrong, line)
    ]
    assert not hits, hits
