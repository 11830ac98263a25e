"""The game's state: set-up, players, board, the turn in progress and the records so far.

Plain mutable dataclasses owned by one ``Game``; only its rules (``engine`` and ``record_rules``) change them.
The records reuse the plan's own data classes, so building the plan draft is a simple copy.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from game.model.names import name_words
from game.model.phase import Phase
from game.model.plan import Action, LookBack, Note, Parked, Statement
from game.model.tiles import TileKind
from game.words import Words

MODES = ("group", "one-to-one", "workshop")
SHAPES = ("circle", "square", "triangle", "diamond", "star", "hexagon", "heart", "cross")
LENGTH_KINDS = ("themes", "rounds", "minutes")


@dataclass
class Player:
    id: str
    name: str
    shown_as: str = "name"  # name | initials | anonymous
    role: str = "player"  # player | person | supporter | facilitator
    shape: str = "circle"
    colour: str = "#0072B2"
    persona: str | None = None
    ref: str = ""  # how records name them: the name or initials as typed, or their token's key (model.names)
    language: str = "en"  # the game's language, for the words of a token's name

    @property
    def label(self) -> str:
        """How the screens name them, in the game's language: the name, the initials, or their token."""
        return name_words(self.ref, Words(self.language)) or ""


@dataclass
class Tile:
    kind: TileKind
    theme: str | None = None

    def __post_init__(self):
        self.kind = TileKind(self.kind)  # an unknown kind is an error here, not a silent default later


@dataclass
class Turn:
    number: int
    player: str
    kind: TileKind = TileKind.THEME  # the tile landed on, or CHOICE when dice are off
    theme: str | None = None
    tile: int | None = None
    roll: int | None = None
    dealt: list[str] = field(default_factory=list)
    shown: list[str] = field(default_factory=list)
    repeats: bool = False  # the deal includes cards already talked about
    card: str | None = None
    everyone: bool = False
    ratings: dict[str, str | None] = field(default_factory=dict)  # hidden on "everyone" turns until revealed
    revealed: bool = False
    prompt: int = 0
    look_back_action: str | None = None
    started_at: float | None = None
    timer_extra: int = 0
    paused_at: float | None = None
    paused_total: float = 0.0
    timer_stopped: bool = False  # the trainer stopped this turn's timer


@dataclass
class TurnRecord:
    number: int
    player: str
    kind: TileKind
    theme: str | None
    card: str | None
    passed: bool


@dataclass
class State:
    phase: Phase = Phase.SETUP
    setup: dict = field(default_factory=dict)
    players: list[Player] = field(default_factory=list)
    order: list[str] = field(default_factory=list)  # who takes turns, in turn order
    active: int = 0  # index into order
    board: list[Tile] = field(default_factory=list)
    positions: dict[str, int] = field(default_factory=dict)
    turn: Turn | None = None
    turns: list[TurnRecord] = field(default_factory=list)
    rounds_done: int = 0
    statements: dict[str, list[Statement]] = field(default_factory=dict)  # by theme id
    notes: dict[str, list[Note]] = field(default_factory=dict)
    actions: dict[str, list[Action]] = field(default_factory=dict)
    parked: list[Parked] = field(default_factory=list)
    parked_before: list[Parked] = field(default_factory=list)  # last plan's parked topics, not yet raised
    you_said_we_did: list[LookBack] = field(default_factory=list)
    look_back_queue: list[Action] = field(
        default_factory=list
    )  # the previous plan's actions, not yet reviewed
    looked_back: list[str] = field(default_factory=list)  # ids of this game's actions already looked back on
    discussed: list[str] = field(default_factory=list)  # card ids talked about in this game
    carried: list[str] = field(default_factory=list)  # card ids carried over from the previous plan
    next_id: int = 1
    rng_draws: int = 0
    started_at: float | None = None
    next_review: str | None = None
    checked_on: str | None = None  # the day the group said the summary is right (ISO date)
    previous_date: str | None = None
    review_of: dict | None = None  # {id, date, title} of the plan this game reviews
    stop_reason: str | None = None  # "length" or "stopped"
    debrief_at: int = 0  # workshops: which debrief question is being asked
    debriefed: bool = False  # the debrief was had once; confirming again goes straight to the end
    learnt: list[dict] = field(default_factory=list)  # debrief notes: {"question": index, "text": ...}
    stopped_in: Phase | None = None  # the step the group stopped at, so "back to the game" carries on there

    def player(self, player_id: str) -> Player:
        for p in self.players:
            if p.id == player_id:
                return p
        raise KeyError(player_id)

    def name(self, ref: str | None) -> str | None:
        """The words for how a record names someone (``Note.author``, ``Rating.player_label`` ...), in the
        game's language."""
        return name_words(ref, Words(self.setup.get("language")))

    def has_player(self, player_id: str) -> bool:
        return any(p.id == player_id for p in self.players)

    @property
    def active_player(self) -> Player | None:
        if not self.order:
            return None
        return self.player(self.order[self.active % len(self.order)])

    @property
    def themes_in_play(self) -> list[str]:
        return list(self.setup.get("themes", []))

    def theme_covered(self, theme_id: str) -> bool:
        return any(not s.carried_over for s in self.statements.get(theme_id, []))

    def theme_complete(self, theme_id: str) -> bool:
        """The wheel segment is full: a statement discussed and an action agreed in this game."""
        return self.theme_covered(theme_id) and any(
            a.id.startswith("a") for a in self.actions.get(theme_id, [])
        )

    def won_together(self) -> bool:
        themes = self.themes_in_play
        return bool(themes) and all(self.theme_complete(t) for t in themes)

    def all_actions(self) -> list[Action]:
        return [a for acts in self.actions.values() for a in acts]

    def find_action(self, action_id: str) -> Action | None:
        """This plan's action, or one of last plan's still waiting to be looked back on (the plan
        draft shows those too, so they can be corrected like any other)."""
        for a in self.all_actions() + self.look_back_queue:
            if a.id == action_id:
                return a
        return None

    def find_note(self, note_id: str) -> Note | None:
        for notes in self.notes.values():
            for n in notes:
                if n.id == note_id:
                    return n
        return None

    @property
    def all_parked(self) -> list[Parked]:
        """Every parked topic as the plan lists it: last time's not raised yet, then this game's."""
        return self.parked_before + self.parked

    def find_statement(self, statement_id: str) -> Statement | None:
        for sts in self.statements.values():
            for st in sts:
                if st.id == statement_id:
                    return st
        return None

    def superseded(self) -> set[str]:
        """Ids of carried statements discussed again in this game (the new one keeps them as
        ``previously``)."""
        return {
            st.previously.statement
            for sts in self.statements.values()
            for st in sts
            if st.previously is not None and not st.carried_over
        }

    def to_dict(self) -> dict:
        return asdict(self)
