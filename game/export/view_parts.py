"""The shapes of the plan laid out as a document (see ``game.export.view``): plain strings and lists
that every format draws the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.export.labels import Labels

ORDER = ("details", "glance", "actions", "themes", "parked", "you_said_we_did", "next_review")
"""The plan's parts in the order every format shows them. A format draws each part by its name, so a
different order (a review leading with "You said, we did", say) is a change to ``PlanView.order`` only.
A practice plan has no "next_review" and ends with "learnt" (the workshop debrief's "What we learnt")."""


@dataclass
class RatingView:
    who: str
    symbol: str
    label: str
    passed: bool
    is_person: bool = False
    point_id: str | None = None
    easy_label: str | None = None

    @property
    def text(self) -> str:
        return f"{self.symbol} {self.label}".strip()

    @property
    def icon(self) -> str:
        """The scale point's picture (decks name them scale-<point id>); a pass has its own."""
        return f"scale-{self.point_id}" if self.point_id else "pass"


@dataclass
class StatementView:
    text: str
    easy_text: str
    we: str | None
    chosen_by: str | None
    by_person: bool
    everyone: bool
    carried_over: bool
    ratings: list[RatingView]
    differing: bool
    meta: str = ""  # "From the last plan · Chosen by Ann", shown under the statement
    image: str | None = None  # the card's own picture, as the deck names it
    changed: list[str] = field(default_factory=list)  # in a review: what has changed since last time


@dataclass
class NoteView:
    text: str
    by: str | None
    extra: str = ""  # "said by Ann; From the last plan", shown after the note in brackets
    about: str = ""  # the statement it was said about, when its theme has more than one (shortened)


@dataclass
class SectionView:
    id: str
    heading: str  # the template's own question ("What do you not do?")
    label: str  # our friendly short name for it ("What we don't do yet"), shown after the question
    easy_heading: str
    notes: list[NoteView]


@dataclass
class ActionView:
    what: str
    who: str
    when: str  # "by 30 November 2026": always a real date when one can be worked out
    due: str  # the same date as ISO, for trackers, or ""
    status: str
    note: str
    theme: str = ""  # the theme's title
    status_id: str = ""
    who_icon: str = "people"  # the picture for who does it: their token, the team, or everyone
    who_alt: str = ""
    long_when: str = ""  # "Monday 30 November 2026", for Easy Read
    easy_who: str = ""  # who, as Easy Read's sentence names them ("Bydd y tîm staff ...")


@dataclass
class ThemeView:
    id: str
    title: str
    question: str
    colour: str
    icon: str
    in_play: bool
    covered: bool
    statements: list[StatementView]
    sections: list[SectionView]
    actions: list[ActionView]
    easy_title: str | None = None

    @property
    def has_action_notes(self) -> bool:
        return any(a.note for a in self.actions)


@dataclass
class ParkedView:
    text: str
    theme: str | None
    by: str | None
    extra: str = ""  # "Theme: Living the life I want; Parked by Ann", shown in brackets


@dataclass
class LookBackView:
    what: str
    who: str
    status: str
    note: str
    by: str | None
    theme: str = ""
    when: str = ""
    due: str = ""
    status_id: str = ""


@dataclass
class PlanView:
    t: Labels
    language: str
    title: str
    practice: bool
    draft: bool  # the group has not yet confirmed the summary
    person_led: bool
    details: list[tuple[str, str]]
    participants: list[str]
    decks: list[str]
    glance: list[str]
    glance_rows: list[list[str]]  # per theme: title, statements, actions, how far we got
    themes: list[ThemeView]
    parked: list[ParkedView]
    you_said_we_did: list[LookBackView]
    ysd_empty: str
    next_review: str
    next_review_easy: str
    date: str = ""  # the session's date in words
    # Look-back tiles can review actions agreed earlier in this same session, so only a review of
    # a previous plan may say the actions came "from the last plan".
    ysd_intro: str = ""
    ysd_easy_heading: str = ""
    heading: str = ""  # "Making It Real plan: Rosé Court" - says what this is and whose it is
    whose: str = ""
    service: str = ""
    plan_date: str = ""  # ISO, for trackers
    previous_plan_date: str = ""  # ISO date of the plan this one reviews, or ""
    written_by: str = ""
    checked_on: str = ""  # ISO date the group said the plan is right, or ""
    actions: list[ActionView] = field(default_factory=list)  # every action, for the one action plan
    people: list[tuple[str, str]] = field(default_factory=list)  # (picture, name) per participant
    order: tuple[str, ...] = ORDER
    learnt: list[tuple[str, list[str]]] = field(default_factory=list)  # workshops: question, its notes

    @property
    def author(self) -> str:
        """Who the Word file names as its author: the person who wrote it up, else the service."""
        return self.written_by or self.service or self.t("export_default_title")
