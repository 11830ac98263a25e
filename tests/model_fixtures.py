"""A small deck built in code, and scripted set-ups, for rules-engine tests that must not depend on
the shipped deck files."""

from __future__ import annotations

from game.model.deck import Card, DeckInfo, DeckSet, Persona, Prompt, ScalePoint, Theme

THEMES = ("living", "information", "connected", "my-way", "control", "people")


def small_decks(cards_per_theme: int = 5) -> DeckSet:
    colours = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00")
    themes = tuple(
        Theme(id=t, title=f"Theme {t}", question=f"How do you help with {t}?", colour=c, icon=t)
        for t, c in zip(THEMES, colours, strict=True)
    )
    cards = tuple(
        Card(
            id=f"{t}-{i:02d}",
            theme=t,
            text=f"I statement {i} about {t}.",
            easy_read=f"Easy {i}",
            we=f"We help with {t} {i}.",
            deck="test",
        )
        for t in THEMES
        for i in range(1, cards_per_theme + 1)
    )
    return DeckSet(
        decks=(DeckInfo(id="test", title="Test deck", version="1.2", language="en-GB"),),
        themes=themes,
        cards=cards,
        prompts=(
            Prompt("helps", "What do we do that helps?", "do"),
            Prompt("dont", "What don't we do?", "dont"),
            Prompt("together", "How can we work together to make this real?", "together"),
        ),
        scale=(
            ScalePoint("real", "This is real for me", "✔", "scale-real"),
            ScalePoint("sometimes", "Sometimes", "◐", "scale-sometimes"),
            ScalePoint("not-yet", "Not yet", "✗", "scale-not-yet"),
            ScalePoint("not-sure", "Not sure", "?", "scale-not-sure"),
        ),
        personas=tuple(
            Persona(id=f"persona-{i}", name=f"P{i}", summary=f"You are playing as P{i}.") for i in range(6)
        ),
        facilitator_notes={"pick": "Let them choose."},
    )


def group_setup(n: int = 3, **over) -> dict:
    shapes = ("circle", "square", "triangle", "diamond", "star", "hexagon", "heart", "cross")
    setup = {
        "mode": "group",
        "players": [
            {"id": f"p{i + 1}", "name": f"Player {i + 1}", "shape": shapes[i], "colour": "#0072B2"}
            for i in range(n)
        ],
        "themes": list(THEMES),
        "length": {"kind": "themes", "value": 0},
        "title": "Oak House",
        "service": "Oak House supported living",
        "date": "2026-11-23",
        "dice": True,
        "seed": 7,
    }
    setup.update(over)
    return setup
