"""The deck loader, one rule at a time: each bad deck gives the exact message, at the exact line."""

from __future__ import annotations

import pytest
from test_deck_fixtures import GOOD, problems_of, replace_line

from game.model.deck import Card, Deck
from game.model.deckload import DeckError, Problem, load_deck, load_deck_text


def test_good_deck_loads_into_records():
    deck = load_deck_text(GOOD, "d.yaml")
    assert isinstance(deck, Deck)
    assert deck.info.id == "tiny" and deck.info.version == "1.0" and deck.info.language == "en-GB"
    assert [t.id for t in deck.themes] == ["living", "people"]
    assert deck.cards[0] == Card(
        id="living-01",
        theme="living",
        text="I do things I enjoy every week.",
        easy_read="I do things I like.",
        we="We help you do things you enjoy every week.",
        deck="tiny",
    )
    assert deck.cards[1].easy_read is None and deck.cards[1].we is None
    assert [s.symbol for s in deck.scale] == ["✔", "○"]
    assert deck.prompts[0].section == "do"


def test_problem_reads_file_line_column_message():
    p = Problem("decks/x.yaml", 12, 5, "Card text is too long.")
    assert str(p) == "decks/x.yaml:12:5: Card text is too long."
    assert (
        str(Problem("decks/x.yaml", 0, 0, "There is no file here.")) == "decks/x.yaml: There is no file here."
    )


def one(text: str) -> str:
    problems = problems_of(text)
    assert len(problems) == 1, problems
    return problems[0]


# -- types and missing fields ---------------------------------------------------------------------------


def test_version_written_as_a_number_says_put_it_in_quotes():
    text = replace_line(GOOD, 'version: "1.0"', "version: 1.0")
    assert (
        one(text)
        == 'd.yaml:4:10: Version should be text, but YAML reads it as a number. Put it in quotes, like "1.0".'
    )


def test_language_no_is_read_as_false_and_says_so():
    text = replace_line(GOOD, "language: en-GB", "language: no")
    assert (
        one(text)
        == 'd.yaml:5:11: Language should be text, but YAML reads it as true or false. Put it in quotes, like "no".'
    )


def test_unquoted_colour_is_a_comment_and_the_message_says_so():
    text = replace_line(GOOD, 'colour: "#E69F00"', "colour: #E69F00")
    assert one(text) == (
        'd.yaml:12:12: Theme "living", colour is empty. In YAML a # starts a comment, '
        'so put the colour in quotes, like colour: "#E69F00".'
    )


def test_missing_field_names_it():
    text = replace_line(GOOD, "    question: How do you help me to live the life I want?\n", "")
    assert one(text) == 'd.yaml:9:5: Theme "living" is missing "question". Add a line like "question: ...".'


def test_missing_top_level_field():
    text = replace_line(GOOD, "author: Tests\n", "")
    assert one(text) == 'd.yaml:2:1: The deck is missing "author". Add a line like "author: ...".'


def test_main_deck_without_cards_is_told_to_add_them():
    start = GOOD.index("cards:")
    end = GOOD.index("prompts:")
    text = GOOD[:start] + GOOD[end:]
    problems = problems_of(text)
    assert 'd.yaml:2:1: The deck is missing "cards". Add a line like "cards: ...".' in problems
    # ...and, from the meaning checks, every theme is now empty
    assert any('Theme "living" has no cards.' in p for p in problems)


def test_list_where_a_mapping_belongs():
    text = replace_line(
        GOOD, "  - id: people-01\n    theme: people\n", "  - - people-01\n  - id: x\n    theme: people\n"
    )
    problems = problems_of(text)
    assert problems == [
        'd.yaml:25:5: Card 2 should be a set of fields (lines like "name: value"), but it is a list.'
    ]


def test_whole_file_a_list():
    assert one("- a\n- b\n") == (
        'd.yaml:1:1: The file should hold a deck\'s fields, like "id: my-deck" and "title: My deck", but it holds a list.'
    )


# -- unknown keys with "did you mean" -------------------------------------------------------------------


def test_unknown_top_level_key_suggests_the_near_one():
    text = replace_line(GOOD, "title: Tiny deck", "titel: Tiny deck")
    problems = problems_of(text)
    assert problems[0] == 'd.yaml:2:1: The deck is missing "title". Add a line like "title: ...".'
    assert problems[1].startswith(
        'd.yaml:3:1: The deck has a field "titel" that decks do not use. Did you mean "title"?'
    )


def test_unknown_card_key_suggests_and_lists_allowed_fields():
    text = replace_line(GOOD, "    easy_read: I do things I like.", "    easyread: I do things I like.")
    assert one(text) == (
        'd.yaml:23:5: Card "living-01" has a field "easyread" that decks do not use. Did you mean "easy_read"? '
        "The fields here can be: id, theme, text, easy_read, we, image, tags."
    )


def test_unknown_key_with_nothing_near_lists_the_fields_only():
    text = replace_line(GOOD, "    section: do", "    section: do\n    zzz: 1")
    assert one(text) == (
        'd.yaml:32:5: Prompt "helps" has a field "zzz" that decks do not use. '
        "The fields here can be: id, text, section, easy_read."
    )


# -- patterns, lengths, enums ------------------------------------------------------------------------------


def test_bad_id():
    text = replace_line(GOOD, "id: living-01", "id: Living 01")
    problems = problems_of(text)
    assert problems == [
        'd.yaml:20:9: Card "Living 01", id "Living 01" is not a good id. Use small letters a-z, digits and dashes, '
        "starting with a letter or digit, like living-01 (at most 64 characters)."
    ]


def test_bad_colour():
    text = replace_line(GOOD, 'colour: "#CC79A7"', 'colour: "#CC79A"')
    assert one(text) == (
        'd.yaml:17:13: Theme "people", colour "#CC79A" is not a colour. Write # and six hex digits, in quotes, like "#E69F00".'
    )


def test_bad_language_tag():
    text = replace_line(GOOD, "language: en-GB", "language: English")
    assert (
        one(text)
        == 'd.yaml:5:11: Language "English" is not a language tag. Use a tag like en-GB, cy, fr or ar.'
    )


@pytest.mark.parametrize(
    "tag", ["en-GB", "cy", "fr", "ar", "zh-Hant-TW", "sr-Latn", "es-419", "en-GB-x-easy"]
)
def test_good_language_tags(tag):
    assert load_deck_text(replace_line(GOOD, "language: en-GB", f"language: {tag}")).info.language == tag


def test_bad_version():
    text = replace_line(GOOD, 'version: "1.0"', 'version: "v1"')
    assert one(text) == (
        'd.yaml:4:10: Version "v1" is not a version number. Write numbers with dots between them, in quotes, like "1.0.0".'
    )


def test_over_long_card_says_how_long_and_the_limit():
    long_text = "I " + "really " * 40 + "like it."
    text = replace_line(GOOD, "text: Staff know what matters to me.", f"text: {long_text}")
    assert one(text) == (
        f'd.yaml:27:11: Card "people-01", text is too long: {len(long_text)} characters, and the most is 200. '
        "Keep a card to one idea, in about 15 words."
    )


def test_card_of_exactly_200_characters_is_fine():
    text = replace_line(GOOD, "text: Staff know what matters to me.", "text: " + "a" * 200)
    assert len(load_deck_text(text).cards[1].text) == 200


def test_blank_text():
    text = replace_line(GOOD, "text: Staff know what matters to me.", 'text: "   "')
    assert one(text) == 'd.yaml:27:11: Card "people-01", text is blank. Write some words, or delete the line.'


def test_empty_text():
    text = replace_line(GOOD, "text: Staff know what matters to me.", 'text: ""')
    assert one(text) == 'd.yaml:27:11: Card "people-01", text is empty. Write some words, or delete the line.'


def test_empty_value_after_the_colon():
    text = replace_line(GOOD, "    we: We help you do things you enjoy every week.", "    we:")
    assert (
        one(text)
        == 'd.yaml:24:8: Card "living-01", we is empty. Write text after the colon, or delete the line.'
    )


def test_section_not_in_the_list_suggests_one():
    text = replace_line(GOOD, "section: do", "section: does")
    assert (
        one(text)
        == 'd.yaml:31:14: Prompt "helps", section cannot be "does". Use one of: do, dont, together. Did you mean "do"?'
    )


def test_scale_needs_two_points():
    start = GOOD.index("  - id: not-yet")
    text = GOOD[:start]
    problems = problems_of(text)
    assert problems == [
        'd.yaml:33:3: Scale needs at least 2 points (like "This is real for me" and "Not yet"), but it has 1.'
    ]


def test_too_many_prompts():
    extra = "".join(f"  - id: p{i}\n    text: Prompt {i}?\n    section: together\n" for i in range(6))
    text = replace_line(GOOD, "scale:\n", extra + "scale:\n")
    assert one(text) == "d.yaml:29:3: Prompts can have at most 6 items, but it has 7. Remove some."


def test_symbol_too_long():
    text = replace_line(GOOD, 'symbol: "○"', 'symbol: "○○○○"')
    assert (
        one(text)
        == 'd.yaml:39:13: Scale point "not-yet", symbol has 4 characters. A symbol is 1 to 3 characters, like "✔".'
    )


def test_persona_age_out_of_range():
    text = (
        GOOD
        + "personas:\n  - id: persona-ann\n    name: Ann\n    age: 178\n    summary: You are playing as Ann.\n"
    )
    assert one(text) == 'd.yaml:44:10: Persona "persona-ann", age is 178, but it cannot be more than 130.'


def test_facilitator_note_keys_are_checked_with_a_suggestion():
    text = GOOD + "facilitator_notes:\n  pick: Say hello.\n  celebrat: Well done.\n"
    assert one(text) == (
        'd.yaml:43:3: Facilitator_notes has a field "celebrat" that decks do not use. Did you mean "celebrate"? '
        "The fields here can be: start, setup, board, pick, rate, everyone, talk, action, celebrate, lookback, "
        "park, summary, debrief, export."
    )


# -- meaning: duplicates, references, empty themes ---------------------------------------------------------


def test_duplicate_card_id_points_at_the_second_and_names_the_first_line():
    text = replace_line(GOOD, "id: people-01", "id: living-01")
    assert (
        one(text)
        == 'd.yaml:25:9: Two cards have the id "living-01" (the first is on line 20). Give each card its own id.'
    )


def test_duplicate_theme_id():
    text = replace_line(GOOD, "  - id: people\n", "  - id: living\n")
    problems = problems_of(text)
    assert (
        'd.yaml:14:9: Two themes have the id "living" (the first is on line 9). Give each theme its own id.'
        in problems
    )


def test_card_with_unknown_theme_suggests_and_lists_themes():
    text = replace_line(GOOD, "theme: people", "theme: peple")
    problems = problems_of(text)
    assert (
        'd.yaml:26:12: Card "people-01" names the theme "peple", but there is no theme with that id. Did you mean "people"? The themes are: living, people.'
        in problems
    )


def test_theme_without_cards():
    text = replace_line(GOOD, "theme: people", "theme: living")
    assert (
        one(text)
        == 'd.yaml:14:5: Theme "people" has no cards. Add a card with "theme: people", or delete the theme.'
    )


def test_two_scale_points_with_one_symbol():
    text = replace_line(GOOD, 'symbol: "○"', 'symbol: "✔"')
    assert one(text) == (
        'd.yaml:39:13: Scale point "not-yet" uses the symbol "✔", like scale point "real". '
        "Give each point its own symbol, so printed plans can tell them apart."
    )


def test_duplicate_key_in_a_mapping():
    text = replace_line(GOOD, "title: Tiny deck\n", "title: Tiny deck\ntitle: Tiny deck again\n")
    assert one(text) == 'd.yaml:4:1: "title" appears twice here (first on line 3). Keep only one of them.'


def test_every_problem_is_reported_at_once_in_file_order():
    text = GOOD
    text = replace_line(text, 'version: "1.0"', "version: 1.0")
    text = replace_line(text, 'colour: "#CC79A7"', 'colour: "pink"')
    text = replace_line(text, "theme: people", "theme: peple")
    text = replace_line(text, 'symbol: "○"', 'symbol: ""')
    problems = problems_of(text)
    lines = [int(p.split(":")[1]) for p in problems]
    assert lines == sorted(lines)
    assert lines == [4, 14, 17, 26, 39]  # people theme now empty (14) as well


# A real 1 x 1 PNG: the checker reads the header, so a few magic bytes are not enough.
TINY_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000b494441540899636000020000050001625532880000000049454e44ae426082"
)


def test_image_outside_the_deck_folder_and_missing(tmp_path):
    text = replace_line(
        GOOD,
        "    text: Staff know what matters to me.",
        "    text: Staff know what matters to me.\n    image: ../secret.png",
    )
    assert (
        one(text)
        == 'd.yaml:28:12: Card "people-01", image "../secret.png" must be a path inside the deck\'s folder, like images/park.png.'
    )
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "park.png").write_bytes(TINY_PNG)
    deck_file = tmp_path / "deck.yaml"
    deck_file.write_text(
        replace_line(
            GOOD,
            "    text: Staff know what matters to me.",
            "    text: Staff know.\n    image: pics/park.png",
        ),
        encoding="utf-8",
    )
    deck = load_deck(deck_file)
    assert deck.cards[1].image == (tmp_path / "pics" / "park.png").as_posix()
    deck_file.write_text(
        replace_line(
            GOOD,
            "    text: Staff know what matters to me.",
            "    text: Staff know.\n    image: pics/nope.png",
        ),
        encoding="utf-8",
    )
    with pytest.raises(DeckError) as caught:
        load_deck(deck_file)
    assert caught.value.problems[0].message.startswith(
        'Card "people-01", image: there is no picture at "pics/nope.png"'
    )


def test_problem_codes_name_the_rule():
    with pytest.raises(DeckError) as caught:
        load_deck_text(replace_line(GOOD, "theme: people", "theme: peple"))
    assert {p.code for p in caught.value.problems} == {"deck.unknown_theme", "deck.empty_theme"}


def test_text_is_trimmed_and_folded_text_is_joined():
    text = replace_line(
        GOOD, "text: Staff know what matters to me.", "text: >\n      Staff know what\n      matters to me."
    )
    assert load_deck_text(text).cards[1].text == "Staff know what matters to me."


def test_anchors_and_merge_keys_work_for_people_who_use_them():
    text = replace_line(
        GOOD,
        "  - id: people-01\n    theme: people\n    text: Staff know what matters to me.\n",
        "  - &base\n    id: people-01\n    theme: people\n    text: Staff know what matters to me.\n"
        "  - <<: *base\n    id: people-02\n    text: Staff listen.\n",
    )
    deck = load_deck_text(text)
    assert [(c.id, c.theme, c.text) for c in deck.cards[1:]] == [
        ("people-01", "people", "Staff know what matters to me."),
        ("people-02", "people", "Staff listen."),
    ]


def test_welsh_messages_fall_back_to_english_where_missing():
    with pytest.raises(DeckError) as caught:
        load_deck_text(replace_line(GOOD, "theme: people", "theme: peple"), language="cy")
    assert all(p.message for p in caught.value.problems)


def test_bad_icon_name():
    text = replace_line(GOOD, "icon: people", "icon: People.svg")
    assert one(text) == (
        'd.yaml:18:11: Theme "people", icon "People.svg" is not an icon name. Use small letters, digits and dashes, '
        "like scale-real. The picture is assets/icons/<name>.svg."
    )


def test_persona_age_below_zero():
    text = (
        GOOD
        + "personas:\n  - id: persona-ann\n    name: Ann\n    age: -1\n    summary: You are playing as Ann.\n"
    )
    assert one(text) == 'd.yaml:44:10: Persona "persona-ann", age is -1, but it cannot be less than 0.'


def test_translation_of_itself():
    text = replace_line(GOOD, "author: Tests\n", "author: Tests\ntranslation_of: tiny\n")
    assert one(text) == (
        'd.yaml:8:17: This deck says it is a translation of itself ("tiny"). '
        '"translation_of" names the id of the original deck.'
    )


def test_merge_key_with_text_after_it():
    text = replace_line(GOOD, "    section: do", "    section: do\n    <<: hello")
    assert one(text) == "d.yaml:32:9: The merge key << needs a set of fields (or a list of them) after it."


def test_a_broken_schema_file_is_a_message_not_a_crash(monkeypatch):
    from game.model import deck_schema

    def broken(*_args):
        raise deck_schema.SchemaError("decks/deck.schema.json: Expecting value: line 1 column 1 (char 0)")

    monkeypatch.setattr(deck_schema, "compiled", broken)
    assert one(GOOD) == (
        "d.yaml: The game's deck rules (decks/deck.schema.json) cannot be read: decks/deck.schema.json: "
        "Expecting value: line 1 column 1 (char 0). Reinstall the game."
    )
