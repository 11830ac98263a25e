"""Player-facing words: English always there, other languages fall back, broken files never crash."""

from __future__ import annotations

import game.words as words_mod
from game.words import Words, languages


def test_english_and_welsh_words_and_fallback():
    assert Words("en-GB").get("event_passed") == "Passed. That's fine."
    assert Words("cy").get("event_passed") != Words("en").get("event_passed")
    assert Words("fr").get("event_passed") == Words("en").get("event_passed")
    assert Words("en").get("refuse_too_long", limit=300).endswith("300 letters.")
    assert Words("en").get("no_such_key_anywhere") == "no_such_key_anywhere"
    assert {"en", "cy"} <= set(languages())


def test_a_broken_words_file_falls_back_instead_of_crashing(tmp_path, monkeypatch, capsys):
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "broken.yaml").write_text("a: [unclosed\n", encoding="utf-8")
    (tmp_path / "xx" / "list.yaml").write_text("- not a mapping\n", encoding="utf-8")
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "ok.yaml").write_text("hello: Hello\n", encoding="utf-8")
    monkeypatch.setattr(words_mod, "LOCALE_DIR", tmp_path)
    words_mod._table.cache_clear()
    try:
        assert Words("xx").get("hello") == "Hello"
        assert "broken.yaml" in capsys.readouterr().err
    finally:
        words_mod._table.cache_clear()


def test_a_language_that_is_not_a_tag_never_reaches_the_file_system():
    # The language comes from settings and saved set-ups; a path in it must not read other YAML files.
    for odd in ("../../decks", "..", "/etc", "en/../../decks", "", None, 3, "e n", "ελ"):
        w = Words(odd)
        assert w.language == "en"
        assert w.get("event_passed") == "Passed. That's fine."
    assert Words("cy-GB").language == "cy" and Words("EN-gb").language == "en"


def test_a_slip_in_a_translations_placeholders_shows_the_words_instead_of_crashing(tmp_path, monkeypatch):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "x.yaml").write_text(
        "attr: 'Hi {name.first}'\nitem: 'Hi {name[0][1]}'\nmissing: 'Hi {nobody}'\n", encoding="utf-8"
    )
    monkeypatch.setattr(words_mod, "LOCALE_DIR", tmp_path)
    words_mod._table.cache_clear()
    try:
        w = Words("en")
        assert w.get("attr", name="Ann") == "Hi {name.first}"
        assert w.get("item", name=5) == "Hi {name[0][1]}"
        assert w.get("missing", name="Ann") == "Hi {nobody}"
    finally:
        words_mod._table.cache_clear()


def test_a_word_left_empty_in_a_translation_falls_back_to_english(tmp_path, monkeypatch):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "x.yaml").write_text("hello: Hello\nbye: Bye\n", encoding="utf-8")
    (tmp_path / "cy").mkdir()
    (tmp_path / "cy" / "x.yaml").write_text("hello:\nbye: [Hwyl]\n", encoding="utf-8")
    monkeypatch.setattr(words_mod, "LOCALE_DIR", tmp_path)
    words_mod._table.cache_clear()
    try:
        assert Words("cy").get("hello") == "Hello" and Words("cy").get("bye") == "Bye"
    finally:
        words_mod._table.cache_clear()


def test_every_reason_the_rules_give_has_english_and_welsh_words():
    import re

    model = words_mod.LOCALE_DIR.parent / "model"
    keys = set()
    for path in model.glob("*.py"):
        keys |= set(re.findall(r'Refused\(\s*"([a-z_]+)"', path.read_text(encoding="utf-8")))
    assert len(keys) > 20
    en, cy = words_mod._table("en"), words_mod._table("cy")
    assert sorted(k for k in keys if k not in en) == []
    assert sorted(k for k in keys if k not in cy) == []
