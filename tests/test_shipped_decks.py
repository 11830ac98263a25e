"""The decks, icons and fonts that ship with the game meet the content rules in decks/README.md.

Most checks read the YAML directly so they run even before the deck loader exists; the loader checks
skip with a clear reason if game.model.deckload has not landed yet.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pygame
import pygame.freetype
import pytest
import yaml

from game import paths
from game.guide.content import NOTE_STEPS

MAIN = paths.DECKS_DIR / "making-it-real.yaml"
WELSH = paths.DECKS_DIR / "making-it-real.cy.yaml"
WORKSHOP = paths.DECKS_DIR / "workshop.yaml"
WORKSHOP_CY = paths.DECKS_DIR / "workshop.cy.yaml"
SHIPPED = (MAIN, WELSH, WORKSHOP, WORKSHOP_CY)

THEME_IDS = ["living", "information", "connected", "my-way", "control", "people"]
THEME_QUESTIONS = {
    "living": "How do you help me to live the life I want?",
    "information": "What do you do to make sure I have the information I need, when I need it?",
    "connected": "What do you do to help me keep connected with family, friends and my local community?",
    "my-way": "How do you make sure that I get the support I want my own way?",
    "control": "How do you make sure I am in control of things that are important to me?",
    "people": (
        "What do you do to ensure that the people who support me and the people in charge "
        "are good at their job and are setting a good example?"
    ),
}
OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}
STEP_KEYS = set(NOTE_STEPS)
UI_ICONS = ["pass", "back", "speak", "die", "settings", "park", "timer", "check"]
TOKEN_ICONS = ["circle", "square", "triangle", "diamond", "star", "hexagon", "heart", "cross", "plus"]
WELSH_LETTERS = "ŵŷŴŶâêîôûÂÊÎÔÛäëïöüáéíóúàèìòùẁẃẅỳýÿ"
FONTS = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "OpenDyslexic-Regular.otf", "OpenDyslexic-Bold.otf"]

# Words that staff use and the people we support often do not; none belongs on a card.
JARGON = [
    "service user", "stakeholder", "facilitate", "outcome", "person-centred", "co-produce",
    "holistic", "provision", "utilise", "empower", "signpost", "care package", "safeguarding",
]  # fmt: skip

MAX_WORDS = 15
# A card may go up to 17 words only with a reason written here.
LONGER_ALLOWED: dict[str, str] = {}


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _words(text: str) -> list[str]:
    return [w.strip(".,!?;:\"'()").lower() for w in text.split()]


@pytest.fixture(scope="module")
def main() -> dict:
    return _yaml(MAIN)


@pytest.fixture(scope="module")
def welsh() -> dict:
    return _yaml(WELSH)


@pytest.fixture(scope="module")
def workshop() -> dict:
    return _yaml(WORKSHOP)


@pytest.fixture(scope="module")
def workshop_cy() -> dict:
    return _yaml(WORKSHOP_CY)


@pytest.fixture(scope="module")
def deckload():
    try:
        return importlib.import_module("game.model.deckload")
    except ImportError as exc:
        pytest.skip(f"the deck loader (game.model.deckload) has not landed yet: {exc}")


# --- the files themselves -------------------------------------------------------------------------


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_deck_starts_with_the_schema_comment(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=deck.schema.json"


def test_main_deck_has_the_six_themes_with_the_template_questions(main):
    assert [t["id"] for t in main["themes"]] == THEME_IDS
    assert {t["id"]: t["question"] for t in main["themes"]} == THEME_QUESTIONS
    colours = [t["colour"] for t in main["themes"]]
    assert len(set(colours)) == 6 and set(colours) <= OKABE_ITO
    assert len({t["icon"] for t in main["themes"]}) == 6


def test_main_deck_prompts_and_scale(main):
    prompts = {p["id"]: (p["text"], p["section"]) for p in main["prompts"]}
    assert prompts == {
        "helps": ("What do we do that helps?", "do"),
        "dont": ("What don't we do?", "dont"),
        "together": ("How can we work together to make this real?", "together"),
    }
    scale = [(s["id"], s["label"], s["icon"]) for s in main["scale"]]
    assert scale == [
        ("real", "This is real for me", "scale-real"),
        ("sometimes", "Sometimes", "scale-sometimes"),
        ("not-yet", "Not yet", "scale-not-yet"),
        ("not-sure", "Not sure", "scale-not-sure"),
    ]
    symbols = [s["symbol"] for s in main["scale"]]
    assert len(set(symbols)) == 4 and all(1 <= len(s) <= 3 for s in symbols)


def test_each_theme_has_at_least_eight_cards(main):
    counts = {t: sum(c["theme"] == t for c in main["cards"]) for t in THEME_IDS}
    assert all(n >= 8 for n in counts.values()), counts
    assert len({c["id"] for c in main["cards"]}) == len(main["cards"])


def test_every_card_has_easy_read_and_we_wording(main):
    for card in main["cards"]:
        assert card.get("easy_read", "").strip(), card["id"]
        assert card.get("we", "").startswith("We "), card["id"]
        # Easy read is the shorter telling of the same idea.
        assert len(card["easy_read"].split()) <= len(card["text"].split()), card["id"]


def test_cards_are_short_first_person_and_plain(main):
    too_long = {}
    for card in main["cards"]:
        n = len(card["text"].split())
        limit = 17 if card["id"] in LONGER_ALLOWED else MAX_WORDS
        if n > limit:
            too_long[card["id"]] = n
        words = set(_words(card["text"]))
        assert words & {"i", "me", "my", "myself"}, f"{card['id']} is not an I statement"
        for field in ("text", "easy_read", "we"):
            low = card[field].lower()
            assert not [j for j in JARGON if j in low], (card["id"], field)
            assert len(card[field]) <= 200
    assert not too_long, f"cards over {MAX_WORDS} words: {too_long}"


def test_statements_are_our_own_words_not_the_frameworks(main):
    """A few well-known lines of the official framework must not appear word for word."""
    official = [
        "i can live the life i want and do the things that are important to me",
        "i have a place i can call home",
        "i have care and support that is coordinated",
        "i am supported to make decisions",
        "i can get information and advice that helps me",
    ]
    texts = " ".join(c["text"].lower() for c in main["cards"])
    assert not [o for o in official if o in texts]


def test_welsh_deck_has_the_same_ids_as_the_english(main, welsh):
    assert welsh["language"] == "cy"
    assert welsh["translation_of"] == main["id"]
    for key in ("themes", "cards", "prompts", "scale"):
        assert [x["id"] for x in welsh[key]] == [x["id"] for x in main[key]], key
    assert [c["theme"] for c in welsh["cards"]] == [c["theme"] for c in main["cards"]]
    assert [p["section"] for p in welsh["prompts"]] == [p["section"] for p in main["prompts"]]
    for card in welsh["cards"]:
        assert card["easy_read"] and card["we"].startswith("Rydyn ni"), card["id"]
        # A translation that forgot a card would still carry the English words.
        english = next(c for c in main["cards"] if c["id"] == card["id"])
        assert card["text"] != english["text"], card["id"]


def test_welsh_cards_are_short_too(welsh):
    # Welsh needs a few more small words ("Rydw i'n ..."), so one more word is allowed than in English.
    too_long = {
        c["id"]: len(c["text"].split()) for c in welsh["cards"] if len(c["text"].split()) > MAX_WORDS + 1
    }
    assert not too_long


def test_welsh_deck_uses_welsh_letters(welsh):
    text = yaml.safe_dump(welsh, allow_unicode=True)
    assert "ŵ" in text or "ŷ" in text or "â" in text
    assert "siŵr" in text


def test_workshop_deck_personas(workshop):
    assert workshop["extends"] == "making-it-real"
    personas = workshop["personas"]
    assert len(personas) >= 8
    assert len({p["id"] for p in personas}) == len(personas)
    ages = [p["age"] for p in personas]
    assert min(ages) <= 19 and max(ages) >= 90
    for p in personas:
        assert p["summary"].startswith(f"You are playing as {p['name']}"), p["id"]
        assert len(p["summary"]) <= 400, p["id"]
    settings = " ".join(f"{p.get('setting', '')} {p.get('needs', '')}" for p in personas).lower()
    for must in ("supported", "care home", "own home", "learning disability", "deaf", "dementia"):
        assert must in settings, must


def test_workshop_deck_has_a_note_for_every_step(workshop):
    notes = workshop["facilitator_notes"]
    assert set(notes) == STEP_KEYS
    assert all(1 <= len(v) <= 600 for v in notes.values())


def test_welsh_workshop_deck_matches_the_english(workshop, workshop_cy):
    assert workshop_cy["language"] == "cy"
    assert workshop_cy["extends"] == "making-it-real-cy"
    assert workshop_cy["translation_of"] == workshop["id"]
    en = {p["id"]: p for p in workshop["personas"]}
    cy = {p["id"]: p for p in workshop_cy["personas"]}
    assert list(cy) == list(en)
    for pid, p in cy.items():
        assert p["name"] == en[pid]["name"] and p.get("age") == en[pid].get("age"), pid
        assert p["summary"].startswith(f"Rydych chi'n chwarae fel {p['name']}"), pid
        assert len(p["summary"]) <= 400, pid
    assert set(workshop_cy["facilitator_notes"]) == STEP_KEYS
    assert all(1 <= len(v) <= 600 for v in workshop_cy["facilitator_notes"].values())


# --- the loader and the check command -------------------------------------------------------------


def test_shipped_decks_load_with_the_loader(deckload):
    for path in SHIPPED:
        deck = deckload.load_deck(path)
        assert deck.info.id
    ds = deckload.load_deckset([MAIN, WORKSHOP])
    assert [t.id for t in ds.themes] == THEME_IDS
    assert len(ds.cards) >= 48
    assert len(ds.personas) >= 8
    assert set(ds.facilitator_notes) == STEP_KEYS
    assert all(c.easy_read and c.we for c in ds.cards)
    cy = deckload.load_deckset([WELSH, WORKSHOP_CY])
    assert cy.language == "cy"
    assert [t.id for t in cy.themes] == THEME_IDS
    assert [p.id for p in cy.personas] == [p.id for p in ds.personas]
    assert set(cy.facilitator_notes) == STEP_KEYS


def test_check_command_passes_on_every_shipped_deck(deckload, capsys):
    try:
        importlib.import_module("game.cli.check")
    except ImportError as exc:
        pytest.skip(f"the check command (game.cli.check) has not landed yet: {exc}")
    from game.cli import main as cli_main

    code = cli_main(["check", *[str(p) for p in SHIPPED]])
    out = capsys.readouterr().out
    assert code == 0, out
    for path in SHIPPED:
        assert path.name in out


# --- icons ---------------------------------------------------------------------------------------


def _icons_named_in_decks() -> set[str]:
    names: set[str] = set()
    for path in SHIPPED:
        d = _yaml(path)
        names |= {t["icon"] for t in d.get("themes", [])}
        names |= {s["icon"] for s in d.get("scale", [])}
    return names


def test_every_icon_a_deck_names_exists_as_svg_and_png():
    names = _icons_named_in_decks() | set(UI_ICONS) | set(TOKEN_ICONS)
    missing = [n for n in sorted(names) if not (paths.ICONS_DIR / f"{n}.svg").is_file()]
    missing += [f"png/{n}" for n in sorted(names) if not (paths.ICONS_DIR / "png" / f"{n}.png").is_file()]
    assert not missing


def test_every_svg_has_a_png_and_no_png_is_left_over():
    svgs = {p.stem for p in paths.ICONS_DIR.glob("*.svg")}
    pngs = {p.stem for p in (paths.ICONS_DIR / "png").glob("*.png")}
    assert svgs == pngs


@pytest.mark.parametrize("svg", sorted(paths.ICONS_DIR.glob("*.svg")), ids=lambda p: p.stem)
def test_icon_loads_in_pygame_single_colour_on_transparent(svg):
    text = svg.read_text(encoding="utf-8")
    colours = set(re.findall(r"#[0-9A-Fa-f]{3,6}", text))
    assert colours <= {"#000"}, colours
    surf = pygame.image.load_sized_svg(str(svg), (256, 256))
    assert surf.get_size() == (256, 256)
    box = surf.get_bounding_rect()
    # Bold and filling the square, but with the corners left clear.
    assert box.width >= 160 or box.height >= 160, box
    for corner in ((0, 0), (255, 0), (0, 255), (255, 255)):
        assert surf.get_at(corner).a == 0


@pytest.mark.parametrize("png", sorted((paths.ICONS_DIR / "png").glob("*.png")), ids=lambda p: p.stem)
def test_png_icon_is_256_square_with_transparency(png):
    surf = pygame.image.load(str(png))
    assert surf.get_size() == (256, 256)
    assert surf.get_at((0, 0)).a == 0
    assert surf.get_bounding_rect().width > 100


@pytest.mark.parametrize("svg", sorted(paths.ICONS_DIR.glob("*.svg")), ids=lambda p: p.stem)
def test_png_is_up_to_date_with_its_svg(svg):
    """An SVG changed without running tools/render_icons.py would leave the Word export's picture stale."""
    png = paths.ICONS_DIR / "png" / f"{svg.stem}.png"
    fresh = pygame.image.load_sized_svg(str(svg), (256, 256))
    saved = pygame.image.load(str(png))
    a = pygame.image.tobytes(fresh, "RGBA")[3::4]
    b = pygame.image.tobytes(saved, "RGBA")[3::4]
    differ = sum(1 for x, y in zip(a, b, strict=True) if abs(x - y) > 8)
    assert differ < 256 * 256 // 100, f"run: python tools/render_icons.py ({differ} pixels differ)"


# --- fonts ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ft():
    pygame.freetype.init()
    yield pygame.freetype
    pygame.freetype.quit()


def _missing(ft, font_file: str, chars: str) -> str:
    # freetype's get_metrics gives None for a character the font has no glyph for; pygame.font's
    # Font.metrics does not (it returns the empty-box glyph's size), so it cannot tell.
    font = ft.Font(str(paths.FONTS_DIR / font_file), 24)
    return "".join(c for c, m in zip(chars, font.get_metrics(chars), strict=True) if m is None)


@pytest.mark.parametrize("font_file", FONTS)
def test_font_is_shipped_with_its_licence(font_file):
    assert (paths.FONTS_DIR / font_file).is_file()
    family = "DejaVu" if font_file.startswith("DejaVu") else "OpenDyslexic"
    assert (paths.FONTS_DIR / f"LICENCE-{family}.txt").is_file()
    assert font_file in (paths.ASSETS_DIR / "LICENCES.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("font_file", FONTS)
def test_font_covers_welsh_letters(ft, font_file):
    assert _missing(ft, font_file, WELSH_LETTERS) == ""


@pytest.mark.parametrize("font_file", FONTS)
def test_font_covers_every_letter_in_the_shipped_decks(ft, font_file):
    chars = set()
    for path in SHIPPED:
        d = _yaml(path)
        for key in ("themes", "cards", "prompts", "personas"):
            for item in d.get(key, []):
                for v in item.values():
                    if isinstance(v, str):
                        chars |= set(v)
    assert _missing(ft, font_file, "".join(sorted(chars))) == ""


def test_scale_symbols_are_in_dejavu(ft, main):
    """OpenDyslexic has no ✔ ◐ ○, so the game draws scale symbols in DejaVu Sans (or uses the icons)."""
    symbols = "".join(s["symbol"] for s in main["scale"])
    assert _missing(ft, "DejaVuSans.ttf", symbols) == ""
    assert _missing(ft, "DejaVuSans-Bold.ttf", symbols) == ""
