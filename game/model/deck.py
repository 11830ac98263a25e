"""What a deck holds once loaded: themes, cards, prompts, scale, personas, debrief; and a merged set of decks.

These are plain frozen dataclasses; ``game.model.deckload`` builds them from YAML and checks them.
A ``DeckSet`` serialises to a dict so a saved game keeps the exact words it was played with.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from game.model.deck_pictures import picture_file

SECTIONS = ("do", "dont", "together")
"""Plan sections a prompt's notes go into: What we do / What we don't do yet / How we will work together."""


@dataclass(frozen=True)
class Theme:
    id: str
    title: str
    question: str
    colour: str
    icon: str
    easy_read: str | None = None
    image: str | None = None


@dataclass(frozen=True)
class Card:
    id: str
    theme: str
    text: str
    easy_read: str | None = None
    we: str | None = None
    image: str | None = None
    tags: tuple[str, ...] = ()
    deck: str = ""


@dataclass(frozen=True)
class Prompt:
    id: str
    text: str
    section: str
    easy_read: str | None = None


@dataclass(frozen=True)
class ScalePoint:
    id: str
    label: str
    symbol: str
    icon: str
    easy_read: str | None = None


@dataclass(frozen=True)
class Persona:
    id: str
    name: str
    summary: str
    age: int | None = None
    setting: str | None = None
    needs: str | None = None
    image: str | None = None


@dataclass(frozen=True)
class DeckInfo:
    id: str
    title: str
    version: str
    language: str
    licence: str = ""
    author: str = ""
    extends: str | None = None
    path: str = ""
    translation_of: str | None = None
    description: str = ""


@dataclass(frozen=True)
class Deck:
    info: DeckInfo
    themes: tuple[Theme, ...] = ()
    cards: tuple[Card, ...] = ()
    prompts: tuple[Prompt, ...] = ()
    scale: tuple[ScalePoint, ...] = ()
    personas: tuple[Persona, ...] = ()
    facilitator_notes: dict[str, str] = field(default_factory=dict)
    debrief: tuple[str, ...] = ()
    """Questions for the end of a workshop: what the group learnt about co-production."""

    @property
    def id(self) -> str:
        return self.info.id


@dataclass(frozen=True)
class DeckSet:
    """Decks merged for one game: a base deck plus any extensions, in play order."""

    decks: tuple[DeckInfo, ...]
    themes: tuple[Theme, ...]
    cards: tuple[Card, ...]
    prompts: tuple[Prompt, ...]
    scale: tuple[ScalePoint, ...]
    personas: tuple[Persona, ...] = ()
    facilitator_notes: dict[str, str] = field(default_factory=dict)
    debrief: tuple[str, ...] = ()

    @property
    def language(self) -> str:
        return self.decks[0].language if self.decks else "en-GB"

    def theme(self, theme_id: str) -> Theme:
        for t in self.themes:
            if t.id == theme_id:
                return t
        raise KeyError(theme_id)

    def has_theme(self, theme_id: str) -> bool:
        return any(t.id == theme_id for t in self.themes)

    def card_image(self, card: Card | str) -> str | None:
        """The picture file to show for a card (a card id or a Card): its own picture if the file is
        there, else its theme's picture; None when neither has one (then draw the theme icon)."""
        if isinstance(card, str):
            if not self.has_card(card):
                return None
            card = self.card(card)
        own = picture_file(card.image)
        if own is not None:
            return own
        return self.theme_image(card.theme)

    def theme_image(self, theme_id: str) -> str | None:
        """The picture file for a theme, or None."""
        return picture_file(self.theme(theme_id).image) if self.has_theme(theme_id) else None

    def persona_image(self, persona_id: str) -> str | None:
        for p in self.personas:
            if p.id == persona_id:
                return picture_file(p.image)
        return None

    def card(self, card_id: str) -> Card:
        for c in self.cards:
            if c.id == card_id:
                return c
        raise KeyError(card_id)

    def has_card(self, card_id: str) -> bool:
        return any(c.id == card_id for c in self.cards)

    def cards_for(self, theme_id: str) -> list[Card]:
        return [c for c in self.cards if c.theme == theme_id]

    def scale_point(self, point_id: str) -> ScalePoint:
        for s in self.scale:
            if s.id == point_id:
                return s
        raise KeyError(point_id)

    def persona(self, persona_id: str) -> Persona:
        for p in self.personas:
            if p.id == persona_id:
                return p
        raise KeyError(persona_id)

    def to_dict(self) -> dict:
        d = asdict(self)
        for c in d["cards"]:
            c["tags"] = list(c["tags"])
        d["debrief"] = list(d["debrief"])
        return d

    @classmethod
    def from_dict(cls, d: dict) -> DeckSet:
        return cls(
            decks=tuple(DeckInfo(**x) for x in d.get("decks", ())),
            themes=tuple(Theme(**x) for x in d.get("themes", ())),
            cards=tuple(Card(**{**x, "tags": tuple(x.get("tags", ()))}) for x in d.get("cards", ())),
            prompts=tuple(Prompt(**x) for x in d.get("prompts", ())),
            scale=tuple(ScalePoint(**x) for x in d.get("scale", ())),
            personas=tuple(Persona(**x) for x in d.get("personas", ())),
            facilitator_notes=dict(d.get("facilitator_notes", {})),
            debrief=tuple(d.get("debrief", ())),
        )


def merge(decks: list[Deck]) -> DeckSet:
    """Merge a base deck with extensions: later decks add themes and cards; the first deck's
    prompts and scale are used unless it has none."""
    themes: list[Theme] = []
    cards: list[Card] = []
    prompts: tuple[Prompt, ...] = ()
    scale: tuple[ScalePoint, ...] = ()
    personas: list[Persona] = []
    notes: dict[str, str] = {}
    debrief: list[str] = []
    seen_themes: set[str] = set()
    seen_cards: set[str] = set()
    for deck in decks:
        for t in deck.themes:
            if t.id not in seen_themes:
                seen_themes.add(t.id)
                themes.append(t)
        for c in deck.cards:
            if c.id not in seen_cards:
                seen_cards.add(c.id)
                cards.append(c)
        prompts = prompts or deck.prompts
        scale = scale or deck.scale
        personas.extend(p for p in deck.personas if p.id not in {q.id for q in personas})
        for k, v in deck.facilitator_notes.items():
            notes.setdefault(k, v)
        debrief.extend(q for q in deck.debrief if q not in debrief)
    return DeckSet(
        decks=tuple(d.info for d in decks),
        themes=tuple(themes),
        cards=tuple(cards),
        prompts=prompts,
        scale=scale,
        personas=tuple(personas),
        facilitator_notes=notes,
        debrief=tuple(debrief),
    )
