"""Every word the screens ask for exists in game/locale/en/ui.yaml (or the engine's words)."""

import re
from pathlib import Path

import yaml

from game.model.tiles import SPECIALS
from game.words import LOCALE_DIR

UI = Path(__file__).resolve().parent.parent / "game" / "ui"


def known_keys(lang="en"):
    keys = set()
    for f in (LOCALE_DIR / lang).glob("*.yaml"):
        keys |= set((yaml.safe_load(f.read_text(encoding="utf-8")) or {}).keys())
    return keys


def test_every_literal_key_exists():
    keys = known_keys()
    used = set()
    for f in UI.rglob("*.py"):
        src = f.read_text(encoding="utf-8")
        used |= set(re.findall(r"\bw\(\s*\"([a-z0-9_]+)\"", src))
        used |= set(re.findall(r"app\.w\(\s*\"([a-z0-9_]+)\"", src))
        used |= set(re.findall(r"title_key = \"([a-z0-9_]+)\"", src))
    missing = sorted(k for k in used if k not in keys)
    assert not missing, missing


def test_patterned_keys_exist():
    keys = known_keys()
    for pattern in ["tile_{}", "landed_{}"]:
        for kind in SPECIALS:
            assert pattern.format(kind) in keys
    for k in ("next_week", "next_month", "next_review", "date"):
        assert f"when_{k}" in keys
    for k in ("done", "started", "not_yet", "not_needed"):
        assert f"status_{k}" in keys
    for k in ("do", "dont", "together"):
        assert f"section_{k}" in keys
    for k in ("docx", "html", "easyread", "csv", "md", "json"):
        assert f"format_{k}" in keys
    for step in ("mode", "players", "themes", "details"):
        assert f"setup_{step}_title" in keys and f"setup_{step}_intro" in keys


def test_welsh_words_use_the_same_placeholders():
    en = yaml.safe_load((LOCALE_DIR / "en" / "ui.yaml").read_text(encoding="utf-8"))
    cy_file = LOCALE_DIR / "cy" / "ui.yaml"
    cy = yaml.safe_load(cy_file.read_text(encoding="utf-8")) or {}
    assert len(cy) > 50
    for k, v in cy.items():
        assert k in en, k
        assert set(re.findall(r"{(\w+)}", str(v))) == set(re.findall(r"{(\w+)}", str(en[k]))), k
