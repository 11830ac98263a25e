"""Pictures in decks: `image:` on a card, theme or persona is found beside the deck or among the shipped
pictures, must be a readable SVG or PNG within the size limits, and a card without one shows its theme's."""

from __future__ import annotations

import struct
import zlib

import pytest
from test_deck_fixtures import GOOD, replace_line
from test_deck_loader import TINY_PNG

from game.model.deck_pictures import MAX_BYTES, PICTURES_DIR
from game.model.deckload import DeckError, load_deck, load_deckset

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>'
CARD_LINE = "    text: Staff know what matters to me."


def png_header(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", 13)
        + b"IHDR"
        + ihdr
        + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    )


def deck_with(tmp_path, card_image: str | None = None, theme_image: str | None = None):
    text = GOOD
    if card_image is not None:
        text = replace_line(text, CARD_LINE, f"{CARD_LINE}\n    image: {card_image}")
    if theme_image is not None:
        text = replace_line(text, "    icon: people", f"    icon: people\n    image: {theme_image}")
    path = tmp_path / "deck.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def messages(path) -> list[str]:
    with pytest.raises(DeckError) as caught:
        load_deck(path)
    return [str(p) for p in caught.value.problems]


def test_svg_and_png_beside_the_deck_load(tmp_path):
    (tmp_path / "a.svg").write_bytes(SVG)
    (tmp_path / "b.png").write_bytes(TINY_PNG)
    deck = load_deck(deck_with(tmp_path, "a.svg", "b.png"))
    assert deck.cards[1].image == (tmp_path / "a.svg").as_posix()
    assert deck.themes[1].image == (tmp_path / "b.png").as_posix()


def test_a_shipped_picture_is_found_by_its_name(tmp_path):
    name = sorted(PICTURES_DIR.glob("*.svg"))[0].name
    deck = load_deck(deck_with(tmp_path, name))
    assert deck.cards[1].image == (PICTURES_DIR / name).as_posix()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "pic.gif",
            b"GIF89a",
            'image "pic.gif" is a ".gif" file. A picture must be an SVG (.svg) or PNG (.png) file.',
        ),
        ("pic.png", b"not a png at all", 'image: "pic.png" ends in .png but is not a PNG picture.'),
        ("pic.svg", b"<html>hello</html>", 'image: "pic.svg" ends in .svg but is not a plain SVG picture'),
        ("pic.svg", b'<!DOCTYPE svg [<!ENTITY a "aa">]><svg>&a;</svg>', "it uses ENTITY"),
        ("pic.png", png_header(5000, 10), "is 5000 × 10 pixels; each side may be at most 4096."),
        (
            "pic.png",
            png_header(10, 10) + b"\0" * (MAX_BYTES + 1),
            "KB a card picture may be. Save it smaller.",
        ),
    ],
)
def test_bad_pictures_get_a_clear_message_at_the_line(tmp_path, name, content, expected):
    (tmp_path / name).write_bytes(content)
    problems = messages(deck_with(tmp_path, name))
    assert len(problems) == 1
    where, message = problems[0].split(": ", 1)
    assert where.endswith("deck.yaml:28:12")  # file:line:column of the image value
    assert expected in problems[0]


def test_missing_picture_names_both_places_looked(tmp_path):
    problems = messages(deck_with(tmp_path, theme_image="nope.svg"))
    assert 'Theme "people", image: there is no picture at "nope.svg"' in problems[0]
    assert str(PICTURES_DIR) in problems[0]


def test_card_without_picture_shows_its_theme_picture(tmp_path):
    (tmp_path / "t.svg").write_bytes(SVG)
    (tmp_path / "c.svg").write_bytes(SVG)
    path = deck_with(tmp_path, "c.svg", "t.svg")
    ds = load_deckset([path])
    assert ds.card_image("people-01") == (tmp_path / "c.svg").as_posix()
    assert ds.card_image("living-01") is None  # its theme has no picture: draw the theme icon
    (tmp_path / "c.svg").unlink()  # a file gone since loading: fall back, never fail
    assert ds.card_image(ds.card("people-01")) == (tmp_path / "t.svg").as_posix()
    assert ds.card_image("no-such-card") is None


def test_saved_deck_from_another_computer_finds_the_shipped_picture():
    from game.model.deck import DeckSet
    from game.paths import DECKS_DIR

    ds = load_deckset([DECKS_DIR / "making-it-real.yaml"])
    d = ds.to_dict()
    d["cards"][0]["image"] = (
        "C:\\\\Users\\\\someone\\\\game\\\\assets\\\\pictures\\\\" + ds.cards[0].image.rsplit("/", 1)[-1]
    )
    moved = DeckSet.from_dict(d)
    assert moved.card_image(moved.cards[0].id) == ds.cards[0].image


def test_every_shipped_card_theme_and_persona_has_its_own_picture_that_draws():
    import pygame

    from game import paths

    pictures: set[str] = set()
    for deck in paths.shipped_decks():
        ds = load_deckset([deck])
        for card in ds.cards:
            assert card.image and card.image.startswith(PICTURES_DIR.as_posix()), card.id
            assert ds.card_image(card) == card.image
        for theme in ds.themes:
            assert ds.theme_image(theme.id), theme.id
        for persona in ds.personas:
            assert ds.persona_image(persona.id), persona.id
        pictures |= {c.image for c in ds.cards} | {ds.theme_image(t.id) for t in ds.themes}
        pictures |= {ds.persona_image(p.id) for p in ds.personas}
    main = load_deckset([paths.DECKS_DIR / "making-it-real.yaml"])
    assert len({c.image for c in main.cards}) == len(main.cards)  # no two cards share a picture
    for image in sorted(pictures):
        surf = pygame.image.load_sized_svg(image, (120, 120))
        w, h = surf.get_size()
        opaque = sum(1 for x in range(0, w, 4) for y in range(0, h, 4) if surf.get_at((x, y)).a > 0)
        assert opaque > 20, image  # something is drawn, not an empty or broken file
    shipped = {p.as_posix() for p in PICTURES_DIR.glob("*.svg")}
    assert shipped == pictures  # nothing shipped that no deck uses
