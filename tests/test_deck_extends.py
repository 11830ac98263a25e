"""Several decks together: extension decks find their base, translations keep the ids, sets merge."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_deck_fixtures import GOOD, dump, good_data

from game import paths
from game.model.deckload import DeckError, check_files, load_decks, load_deckset

EXTENSION = """\
id: extra
title: Extra cards
version: "1.0"
language: en-GB
licence: CC BY 4.0
author: Tests
extends: tiny
cards:
  - id: living-02
    theme: living
    text: I choose my own clothes.
personas:
  - id: persona-ann
    name: Ann
    age: 78
    summary: You are playing as Ann, 78.
facilitator_notes:
  pick: Give people time to read.
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def messages(paths_, search_dirs) -> list[str]:
    with pytest.raises(DeckError) as caught:
        load_decks(paths_, search_dirs)
    return [str(p) for p in caught.value.problems]


def test_extension_finds_its_base_in_the_search_folder_and_comes_after_it(tmp_path):
    write(tmp_path, "tiny.yaml", GOOD)
    ext = write(tmp_path, "extra.yaml", EXTENSION)
    decks = load_decks([ext], search_dirs=[tmp_path])
    assert [d.id for d in decks] == ["tiny", "extra"]
    assert decks[1].info.extends == "tiny"


def test_base_given_after_extension_still_comes_first(tmp_path):
    base = write(tmp_path, "tiny.yaml", GOOD)
    ext = write(tmp_path, "extra.yaml", EXTENSION)
    assert [d.id for d in load_decks([ext, base], search_dirs=[])] == ["tiny", "extra"]


def test_deckset_merges_cards_personas_and_notes(tmp_path):
    base = write(tmp_path, "tiny.yaml", GOOD)
    ext = write(tmp_path, "extra.yaml", EXTENSION)
    ds = load_deckset([base, ext], search_dirs=[])
    assert [d.id for d in ds.decks] == ["tiny", "extra"]
    assert [c.id for c in ds.cards] == ["living-01", "people-01", "living-02"]
    assert ds.card("living-02").deck == "extra"
    assert ds.persona("persona-ann").age == 78
    assert ds.facilitator_notes == {"pick": "Give people time to read."}
    assert [s.id for s in ds.scale] == ["real", "not-yet"]


def test_extends_that_cannot_be_found(tmp_path):
    ext = write(tmp_path, "extra.yaml", EXTENSION)
    assert messages([ext], [tmp_path]) == [
        f'{ext}:7:10: This deck extends "tiny", but no deck with that id was found in the files given or in '
        f"{tmp_path}. Check the id, or give the base deck's file too."
    ]


def test_extends_loop_is_named(tmp_path):
    a = write(
        tmp_path,
        "a.yaml",
        EXTENSION.replace("id: extra", "id: deck-a").replace("extends: tiny", "extends: deck-b"),
    )
    b = write(
        tmp_path,
        "b.yaml",
        EXTENSION.replace("id: extra", "id: deck-b").replace("extends: tiny", "extends: deck-a"),
    )
    found = messages([a, b], [])
    assert (
        f"{a}:7:10: These decks extend each other in a loop: deck-a → deck-b → deck-a. "
        "One of them must be the main deck, without extends."
    ) in found


def test_extends_itself(tmp_path):
    ext = write(tmp_path, "extra.yaml", EXTENSION.replace("extends: tiny", "extends: extra"))
    assert messages([ext], []) == [
        f'{ext}:7:10: This deck says it extends itself ("extra"). "extends" names the id of another deck.'
    ]


def test_extension_card_must_name_a_theme_of_the_chain(tmp_path):
    write(tmp_path, "tiny.yaml", GOOD)
    ext = write(tmp_path, "extra.yaml", EXTENSION.replace("theme: living", "theme: livin"))
    assert messages([ext], [tmp_path]) == [
        f'{ext}:10:12: Card "living-02" names the theme "livin", but there is no theme with that id. '
        'Did you mean "living"? The themes are: living, people.'
    ]


def test_extension_may_not_reuse_a_card_id_of_its_base(tmp_path):
    write(tmp_path, "tiny.yaml", GOOD)
    ext = write(tmp_path, "extra.yaml", EXTENSION.replace("id: living-02", "id: living-01"))
    assert messages([ext], [tmp_path]) == [
        f'{ext}:9:9: Card "living-01" is already in the deck "tiny". Give this card a new id.'
    ]


def test_extension_that_adds_nothing(tmp_path):
    text = EXTENSION[: EXTENSION.index("cards:")]
    ext = write(tmp_path, "extra.yaml", text)
    write(tmp_path, "tiny.yaml", GOOD)
    assert messages([ext], [tmp_path]) == [
        f'{ext}:7:10: This deck extends "tiny" but adds nothing. Add cards, themes, personas or facilitator_notes.'
    ]


def test_two_files_with_one_deck_id(tmp_path):
    a = write(tmp_path, "a.yaml", GOOD)
    b = write(tmp_path, "b.yaml", GOOD)
    assert messages([a, b], []) == [
        f'{b}:2:5: Another file ({a}) also has the deck id "tiny". Each deck needs its own id.'
    ]


def test_two_main_decks_cannot_make_one_game(tmp_path):
    a = write(tmp_path, "a.yaml", GOOD)
    b = write(tmp_path, "b.yaml", GOOD.replace("id: tiny", "id: other"))
    assert [d.id for d in load_decks([a, b], [])] == ["tiny", "other"]  # fine to load...
    with pytest.raises(DeckError) as caught:
        load_deckset([a, b], [])  # ...but not to play together
    assert str(caught.value.problems[0]).startswith(
        f"{b}:2:5: These files hold more than one main deck (tiny ({a}), other ({b}))."
    )


def test_problems_in_several_files_all_come_back(tmp_path):
    a = write(tmp_path, "a.yaml", GOOD.replace('version: "1.0"', "version: 1.0"))
    b = write(
        tmp_path, "b.yaml", GOOD.replace("id: tiny", "id: other").replace("section: do", "section: dont-know")
    )
    found = messages([a, b], [])
    assert [m.split(":")[0] for m in found] == [str(a), str(b)]


def _translation(data: dict) -> dict:
    data = dict(data, id="tiny-cy", language="cy", translation_of="tiny", title="Dec bach")
    return data


def test_translation_with_the_same_ids_loads(tmp_path):
    write(tmp_path, "tiny.yaml", GOOD)
    cy = write(tmp_path, "tiny.cy.yaml", dump(_translation(good_data())))
    decks = load_decks([cy], [tmp_path])
    assert [d.id for d in decks] == ["tiny-cy"]  # the original is compared with, not added


def test_translation_missing_and_extra_ids_are_listed(tmp_path):
    write(tmp_path, "tiny.yaml", GOOD)
    data = _translation(good_data())
    data["cards"][1]["id"] = "people-99"
    cy = write(tmp_path, "tiny.cy.yaml", dump(data))
    found = messages([cy], [tmp_path])
    assert found == [
        f'{cy}:40:17: This translation of "tiny" has no cards with the ids: people-01. A translation keeps every id of the original.',
        f'{cy}:40:17: This translation has cards that "tiny" does not have: people-99. A translation keeps the same ids as the original.',
    ]


def test_an_extension_can_sit_on_a_translation_of_its_base(tmp_path):
    cy = write(tmp_path, "tiny.cy.yaml", dump(_translation(good_data())))
    ext = write(tmp_path, "extra.yaml", EXTENSION)
    ds = load_deckset([cy, ext], search_dirs=[])
    assert [d.id for d in ds.decks] == ["tiny-cy", "extra"]


def test_check_files_reports_each_file_without_raising(tmp_path):
    good = write(tmp_path, "tiny.yaml", GOOD)
    bad = write(tmp_path, "bad.yaml", "id: [\n")
    results = check_files([good, bad, tmp_path / "missing.yaml"], [])
    assert [bool(r.problems) for r in results] == [False, True, True]
    assert results[0].deck.info.id == "tiny"
    assert results[1].deck is None


# -- the shipped decks ------------------------------------------------------------------------------------


def test_shipped_decks_load_and_merge():
    shipped = paths.shipped_decks()
    assert shipped, "no decks in decks/"
    decks = load_decks(shipped)
    assert {d.id for d in decks} >= {"making-it-real"}
    main = paths.DECKS_DIR / "making-it-real.yaml"
    workshop = paths.DECKS_DIR / "workshop.yaml"
    if workshop.exists():
        ds = load_deckset([workshop])  # finds making-it-real by itself
        assert [d.id for d in ds.decks] == ["making-it-real", "workshop"]
        assert ds.personas
    ds = load_deckset([main])
    assert [t.id for t in ds.themes] == ["living", "information", "connected", "my-way", "control", "people"]
    assert [p.id for p in ds.prompts] == ["helps", "dont", "together"]
    assert [s.id for s in ds.scale] == ["real", "sometimes", "not-yet", "not-sure"]


def test_extension_may_not_define_a_theme_its_base_has(tmp_path):
    write(tmp_path, "tiny.yaml", GOOD)
    text = EXTENSION.replace(
        "cards:\n",
        'themes:\n  - id: living\n    title: Again\n    question: Again?\n    colour: "#000000"\n    icon: living\ncards:\n',
    )
    ext = write(tmp_path, "extra.yaml", text)
    assert messages([ext], [tmp_path]) == [
        f'{ext}:9:9: Theme "living" is already in the deck "tiny". To add cards to it, just use "theme: living" on the cards.'
    ]
