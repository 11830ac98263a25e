"""What the trainer guide says, built from the workshop deck: plain data for the HTML and Word writers.

The guide is for a trainer preparing a Making It Real workshop: a session plan with timings for 60 and 90
minutes, what Making It Real and co-production are, the six themes, one hand-out page per practice persona,
the facilitator note for each step, and the debrief questions. All its own words come from
``game/locale/<language>/guide.yaml``; everything about the workshop comes from the decks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.model.deck import DeckSet, Persona, Theme
from game.words import Words

SESSION_PLANS: dict[int, tuple[tuple[str, int], ...]] = {
    60: (("welcome", 5), ("explain", 10), ("setup", 5), ("play", 25), ("summary", 5), ("debrief", 10)),
    90: (
        ("welcome", 5),
        ("explain", 10),
        ("coproduction", 10),
        ("setup", 5),
        ("play", 35),
        ("summary", 10),
        ("debrief", 15),
    ),
}
"""Each session plan: its parts in order, with minutes. They add up to the session's length."""

NOTE_STEPS = (
    "start", "setup", "board", "pick", "rate", "everyone", "talk",
    "action", "celebrate", "lookback", "park", "summary", "debrief", "export",
)  # fmt: skip
"""The steps a facilitator note can belong to, in the order a session meets them (as in the deck schema)."""


@dataclass(frozen=True)
class PlanRow:
    start: str  # "0:05"
    end: str
    minutes: int
    title: str
    what: str


@dataclass(frozen=True)
class StepNote:
    step: str
    title: str
    text: str


@dataclass
class Guide:
    language: str
    title: str
    subtitle: str
    deck_line: str
    intro: list[str]
    coproduction: list[str]
    how_to_play: list[str]
    themes: list[Theme]
    personas: list[Persona]
    notes: list[StepNote]
    debrief: list[str]
    plans: dict[int, list[PlanRow]] = field(default_factory=dict)
    t: Words = field(default_factory=Words)


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def session_plan(minutes: int, words: Words) -> list[PlanRow]:
    rows, at = [], 0
    for part, length in SESSION_PLANS[minutes]:
        rows.append(
            PlanRow(
                _clock(at),
                _clock(at + length),
                length,
                words.get(f"guide_part_{part}"),
                words.get(f"guide_part_{part}_what_{minutes}")
                if words.has(f"guide_part_{part}_what_{minutes}")
                else words.get(f"guide_part_{part}_what"),
            )
        )
        at += length
    return rows


def _paragraphs(words: Words, prefix: str) -> list[str]:
    out, i = [], 1
    while words.has(f"{prefix}_{i}"):
        out.append(words.get(f"{prefix}_{i}"))
        i += 1
    return out


def build_guide(decks: DeckSet, words: Words | None = None) -> Guide:
    """The guide for these decks, in the decks' language unless ``words`` says otherwise."""
    words = words or Words(decks.language)
    workshop = [d for d in decks.decks if d.extends] or list(decks.decks)
    deck_line = "; ".join(
        words.get("guide_deck_line", title=d.title, id=d.id, version=d.version) for d in decks.decks
    )
    notes = [
        StepNote(step, words.get(f"guide_step_{step}"), decks.facilitator_notes[step])
        for step in NOTE_STEPS
        if decks.facilitator_notes.get(step)
    ]
    return Guide(
        language=decks.language,
        title=words.get("guide_title"),
        subtitle=workshop[0].title if workshop else "",
        deck_line=deck_line,
        intro=_paragraphs(words, "guide_intro"),
        coproduction=_paragraphs(words, "guide_coproduction"),
        how_to_play=_paragraphs(words, "guide_how_to_play"),
        themes=list(decks.themes),
        personas=list(decks.personas),
        notes=notes,
        debrief=list(decks.debrief),
        plans={m: session_plan(m, words) for m in SESSION_PLANS},
        t=words,
    )
