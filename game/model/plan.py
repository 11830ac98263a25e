"""The plan draft: what a session recorded, as plain data that exports and the JSON format share.

A ``Plan`` is built from the engine's state (``game.model.engine.Game.plan()``) and carries
snapshots of card wording and deck versions, so it reads right even after a deck changes.
``to_dict``/``from_dict`` give the versioned JSON form (``plan.schema.json`` beside this file).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

PLAN_FORMAT = "making-it-real-plan"
PLAN_VERSION = 1

ACTION_STATUSES = ("agreed", "done", "started", "not_yet", "not_needed")
REVIEW_STATUSES = ("done", "started", "not_yet", "not_needed")
# The picture (assets/icons/<name>.svg) for each action's outcome, the same in the game and every export,
# so a person who goes by the pictures reads one meaning for each. "" is "chose not to say", drawn as Pass
# (the Pass button says the same).
STATUS_ICONS = {
    "agreed": "action",
    "done": "check",
    "started": "play",
    "not_yet": "scale-not-yet",
    "not_needed": "not-needed",
    "": "pass",
}
WHEN_CHOICES = ("next_week", "next_month", "next_review", "date")
WHO_KINDS = ("player", "staff", "everyone", "typed")
SHOWN_AS = ("name", "initials", "anonymous")
ROLES = ("player", "person", "supporter", "facilitator")


@dataclass
class Participant:
    id: str
    label: str
    shown_as: str = "name"
    role: str = "player"
    persona: str | None = None  # in workshops: the practice persona's name
    shape: str | None = None  # the token's shape (circle, square ...): the plan's picture for them


@dataclass
class Rating:
    player_id: str
    player_label: str
    point_id: str | None  # None means "chose not to say"
    label: str = ""
    symbol: str = ""
    easy_read: str | None = None  # the scale point's easy-read wording


@dataclass
class Then:
    """The views a statement had on one earlier day: one step of its history."""

    date: str
    ratings: list[Rating] = field(default_factory=list)


# A note on a statement talked about again in a review, saying what has changed since last time: it is
# kept with that statement (beside its then -> now), not under one of the theme's questions.
CHANGED = "changed"


@dataclass
class Note:
    id: str
    section: str  # do | dont | together, or CHANGED
    text: str
    author: str | None = None
    card_id: str | None = None
    carried_over: bool = False  # said in the previous plan and brought forward
    statement: str | None = None  # the id of the statement it was said about (None: about the theme)


@dataclass
class Previously:
    """What was said about a card last time it was discussed, kept beside this time's views."""

    date: str
    statement: str = ""  # last time's statement id
    ratings: list[Rating] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    earlier: list[Then] = field(default_factory=list)  # the times before that, oldest first


@dataclass
class Statement:
    card_id: str
    text: str
    easy_read: str | None = None
    we: str | None = None
    chosen_by: str | None = None
    everyone: bool = False
    carried_over: bool = False
    ratings: list[Rating] = field(default_factory=list)
    image: str | None = None  # the card's picture, as the deck names it (Easy Read shows it)
    id: str = ""  # its own id, so two discussions of one card are told apart ("" in plans made before)
    said_on: str | None = None  # the day these views were given
    previously: Previously | None = None  # set when the card was discussed in the plan this one reviews

    def history(self) -> list[Then]:
        """The statement's views over time, oldest first, ending with these."""
        steps = []
        if self.previously is not None:
            steps = [*self.previously.earlier, Then(self.previously.date, self.previously.ratings)]
        return [*steps, Then(self.said_on or "", self.ratings)]

    def takes_changed(self, section: str) -> bool:
        """A note on what has changed since last time: only a statement talked about before has one."""
        return section == CHANGED and self.previously is not None


@dataclass
class Action:
    id: str
    what: str
    who: str
    who_kind: str = "typed"
    when: str = "next_review"
    due: str | None = None  # ISO date
    status: str = "agreed"
    theme: str | None = None
    card_id: str | None = None
    note: str = ""


@dataclass
class ThemeRecord:
    id: str
    title: str
    question: str
    colour: str
    icon: str
    in_play: bool = True
    easy_read: str | None = None  # the theme's short easy-read title
    statements: list[Statement] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)

    @property
    def covered(self) -> bool:
        return bool(self.statements or self.notes or self.actions)

    @property
    def complete(self) -> bool:
        """Has a statement discussed and an action agreed in this session: its wheel segment is full.

        What was carried over from the last plan does not count, just as on the board's plan wheel
        (``State.theme_complete``): this session's actions have ids ``a<n>``, carried ones ``p...``.
        """
        return any(not s.carried_over for s in self.statements) and any(
            a.id.startswith("a") for a in self.actions
        )

    def notes_in(self, section: str) -> list[Note]:
        return [n for n in self.notes if n.section == section]


@dataclass
class Parked:
    text: str
    theme: str | None = None
    by: str | None = None


@dataclass
class LookBack:
    """One earlier action looked back on: the "You said, we did" row."""

    action: Action
    status: str  # the outcome: done | started | not_yet | not_needed, or "" if they chose not to say
    note: str = ""
    by: str | None = None
    new_due: str | None = None  # when a not-done action is now due (after the review's date)


@dataclass
class ReviewOf:
    """The plan a review looks back on."""

    id: str
    date: str
    title: str = ""


@dataclass
class Learnt:
    """A note from a workshop's debrief, under the question it answers (no author: they are anonymous)."""

    question: str
    text: str


@dataclass
class DeckRef:
    id: str
    version: str
    title: str = ""
    language: str = ""


@dataclass
class Plan:
    title: str
    service: str
    date: str  # ISO date of the session
    mode: str  # group | one-to-one | workshop
    practice: bool = False
    language: str = "en-GB"
    participants: list[Participant] = field(default_factory=list)
    decks: list[DeckRef] = field(default_factory=list)
    themes: list[ThemeRecord] = field(default_factory=list)
    parked: list[Parked] = field(default_factory=list)
    you_said_we_did: list[LookBack] = field(default_factory=list)
    learnt: list[Learnt] = field(default_factory=list)  # workshops: "What we learnt" in the debrief
    next_review: str | None = None
    previous_date: str | None = None
    review_of: ReviewOf | None = None
    dice: bool | None = None  # how it was played, so a review can start the same way (None: not known)
    length: dict | None = None  # {"kind": themes | rounds | minutes, "value": n}
    finished: bool = False
    checked_on: str | None = None  # ISO date the group said "Yes, this is right" at the summary
    written_by: str = ""  # who wrote the plan up, if set-up said
    won_together: bool = False
    game_id: str | None = None
    format: str = PLAN_FORMAT
    version: int = PLAN_VERSION

    def theme(self, theme_id: str) -> ThemeRecord:
        for t in self.themes:
            if t.id == theme_id:
                return t
        raise KeyError(theme_id)

    def all_actions(self) -> list[Action]:
        return [a for t in self.themes for a in t.actions]

    def to_dict(self) -> dict:
        d = asdict(self)
        if not d["learnt"]:
            del d["learnt"]  # only workshops have a debrief: every other plan's file is as it always was
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Plan:
        """Build from a dict already checked against the schema (see ``game.model.planio``)."""
        themes = []
        for t in d.get("themes", []):
            themes.append(
                ThemeRecord(
                    **{k: v for k, v in t.items() if k not in ("statements", "notes", "actions")},
                    statements=[_statement(s) for s in t.get("statements", [])],
                    notes=[Note(**n) for n in t.get("notes", [])],
                    actions=[Action(**a) for a in t.get("actions", [])],
                )
            )
        rest = {
            k: v
            for k, v in d.items()
            if k
            not in ("participants", "decks", "themes", "parked", "you_said_we_did", "learnt", "review_of")
        }
        review_of = d.get("review_of")
        return cls(
            **rest,
            participants=[Participant(**p) for p in d.get("participants", [])],
            decks=[DeckRef(**x) for x in d.get("decks", [])],
            themes=themes,
            parked=[Parked(**p) for p in d.get("parked", [])],
            learnt=[Learnt(**x) for x in d.get("learnt", [])],
            you_said_we_did=[
                LookBack(**{**y, "action": Action(**y["action"])}) for y in d.get("you_said_we_did", [])
            ],
            review_of=ReviewOf(**review_of) if review_of else None,
        )


def _then(d: dict) -> Then:
    return Then(date=d["date"], ratings=[Rating(**r) for r in d.get("ratings", [])])


def _statement(d: dict) -> Statement:
    prev = d.get("previously")
    return Statement(
        **{k: v for k, v in d.items() if k not in ("ratings", "previously")},
        ratings=[Rating(**r) for r in d.get("ratings", [])],
        previously=None
        if prev is None
        else Previously(
            date=prev["date"],
            statement=prev.get("statement", ""),
            ratings=[Rating(**r) for r in prev.get("ratings", [])],
            notes=[Note(**n) for n in prev.get("notes", [])],
            earlier=[_then(x) for x in prev.get("earlier", [])],
        ),
    )
