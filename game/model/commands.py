"""Every player action as a small serialisable command.

A command is a frozen dataclass with a registered ``type`` name. ``to_dict`` gives the JSON form
saved in the store; ``from_dict`` turns a JSON dict back into a command, or raises ``BadCommand``
when the dict is not a well-formed command (unknown type, missing or wrongly-typed fields).
``at`` is the time the command was made (epoch seconds), supplied by whoever makes it, so that
replaying a saved game gives exactly the same state.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any, ClassVar

from game.model.tiles import BOARD

REGISTRY: dict[str, type[Command]] = {}


class BadCommand(ValueError):
    """The dict is not a command: wrong type name or fields."""


@dataclass(frozen=True)
class Command:
    type: ClassVar[str] = ""
    at: float | None = field(default=None, kw_only=True)

    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        if cls.type:
            REGISTRY[cls.type] = cls

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"type": self.type}
        for f in dataclasses.fields(self):
            v = getattr(self, f.name)
            if v is None and (f.name == "at" or f.metadata.get("added")):
                continue  # fields added later stay out of the saved form when unused: old logs read the same
            if "saved_before" in f.metadata and v == f.metadata["saved_before"]:
                continue  # the value every log saved before the field has: such a log reads the same
            d[f.name] = v
        return d


def _check_type(value: Any, hint: Any) -> bool:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_check_type(value, a) for a in typing.get_args(hint))
    if hint is type(None):
        return value is None
    if hint is Any:
        return True
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if origin is dict or hint is dict:
        return isinstance(value, dict)
    if hint in (str, bool):
        return isinstance(value, hint)
    return False


def from_dict(d: Any) -> Command:
    """A command from its dict form; a typed command is checked the same way (its fields' types)."""
    if isinstance(d, Command):
        d = d.to_dict()
    if not isinstance(d, dict):
        raise BadCommand("a command must be a mapping")
    name = d.get("type", "")
    # A damaged saved log may hold any JSON here (a list is unhashable): refuse it, don't crash.
    cls = REGISTRY.get(name) if isinstance(name, str) else None
    if cls is None:
        raise BadCommand(f"unknown command type {d.get('type')!r}")
    hints = typing.get_type_hints(cls)
    kwargs = {}
    names = set()
    for f in dataclasses.fields(cls):
        names.add(f.name)
        if f.name in d:
            if not _check_type(d[f.name], hints[f.name]):
                raise BadCommand(f"{cls.type}: field {f.name!r} has the wrong type")
            kwargs[f.name] = d[f.name]
        elif "saved_before" in f.metadata:
            kwargs[f.name] = f.metadata["saved_before"]  # a log saved before the field: what it meant then
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise BadCommand(f"{cls.type}: field {f.name!r} is missing")
    extra = set(d) - names - {"type"}
    if extra:
        raise BadCommand(f"{cls.type}: unexpected fields {sorted(map(str, extra))}")
    return cls(**kwargs)


@dataclass(frozen=True)
class StartGame(Command):
    type: ClassVar[str] = "start_game"
    setup: dict
    # The board it is played on (tiles.BOARDS): new games get the newest, a saved log keeps its own, and
    # a log (or dict) without one was set up on board 0.
    board: int = field(default=BOARD, metadata={"saved_before": 0})


@dataclass(frozen=True)
class RollDie(Command):
    type: ClassVar[str] = "roll_die"


@dataclass(frozen=True)
class ChooseTheme(Command):
    type: ClassVar[str] = "choose_theme"
    theme: str


@dataclass(frozen=True)
class PickCard(Command):
    type: ClassVar[str] = "pick_card"
    card: str


@dataclass(frozen=True)
class MoreCards(Command):
    """Deal other cards; ``include_discussed`` also allows cards already talked about."""

    type: ClassVar[str] = "more_cards"
    include_discussed: bool = False


@dataclass(frozen=True)
class Rate(Command):
    """A player's view of the card on the scale; ``point`` None means "chose not to say"."""

    type: ClassVar[str] = "rate"
    player: str
    point: str | None = None


@dataclass(frozen=True)
class Next(Command):
    type: ClassVar[str] = "next"


@dataclass(frozen=True)
class Pass(Command):
    """Pass the current step, no reason needed. ``player`` defaults to whoever is acting."""

    type: ClassVar[str] = "pass"
    player: str | None = None


@dataclass(frozen=True)
class AddNote(Command):
    type: ClassVar[str] = "add_note"
    text: str
    author: str | None = None
    section: str | None = None


@dataclass(frozen=True)
class AddLearnt(Command):
    """An anonymous note on the workshop debrief's question being asked: it goes under "What we learnt"."""

    type: ClassVar[str] = "add_learnt"
    text: str


@dataclass(frozen=True)
class Celebrate(Command):
    type: ClassVar[str] = "celebrate"
    text: str
    theme: str
    author: str | None = None


@dataclass(frozen=True)
class AgreeAction(Command):
    type: ClassVar[str] = "agree_action"
    what: str
    who: str
    who_kind: str = "typed"
    when: str = "next_review"
    due: str | None = None


@dataclass(frozen=True)
class MarkAction(Command):
    """Look back on an earlier action: done / started / not_yet / not_needed, with a note. An earlier
    action not done gets a new "by when" (``when``/``due`` as for a new action; left out, it is due by
    the next review)."""

    type: ClassVar[str] = "mark_action"
    status: str
    note: str = ""
    by: str | None = None
    when: str | None = field(default=None, metadata={"added": True})
    due: str | None = field(default=None, metadata={"added": True})


@dataclass(frozen=True)
class Park(Command):
    type: ClassVar[str] = "park"
    text: str
    theme: str | None = None
    by: str | None = None


@dataclass(frozen=True)
class RaiseParked(Command):
    """A topic parked last time, offered again: ``talk`` about it now (it becomes a note to talk
    through), ``keep`` it for later, or ``drop`` it."""

    type: ClassVar[str] = "raise_parked"
    choice: str


@dataclass(frozen=True)
class StopGame(Command):
    type: ClassVar[str] = "stop_game"


@dataclass(frozen=True)
class EndTurn(Command):
    type: ClassVar[str] = "end_turn"


@dataclass(frozen=True)
class EditNote(Command):
    type: ClassVar[str] = "edit_note"
    note: str
    text: str


@dataclass(frozen=True)
class RemoveNote(Command):
    type: ClassVar[str] = "remove_note"
    note: str


@dataclass(frozen=True)
class EditAction(Command):
    type: ClassVar[str] = "edit_action"
    action: str
    what: str | None = None
    who: str | None = None
    who_kind: str | None = None
    when: str | None = None
    due: str | None = None
    status: str | None = None


@dataclass(frozen=True)
class RemoveAction(Command):
    type: ClassVar[str] = "remove_action"
    action: str


@dataclass(frozen=True)
class SetRating(Command):
    """Correct a view. ``statement`` names the statement by its own id; saved games made before
    statements had ids name only the ``card`` (its latest statement is meant)."""

    type: ClassVar[str] = "set_rating"
    card: str = ""
    player: str = ""
    point: str | None = None
    statement: str | None = field(default=None, metadata={"added": True})


@dataclass(frozen=True)
class RemoveStatement(Command):
    type: ClassVar[str] = "remove_statement"
    card: str = ""
    statement: str | None = field(default=None, metadata={"added": True})


@dataclass(frozen=True)
class RemoveParked(Command):
    type: ClassVar[str] = "remove_parked"
    index: int


@dataclass(frozen=True)
class SetNextReview(Command):
    type: ClassVar[str] = "set_next_review"
    date: str


@dataclass(frozen=True)
class ConfirmPlan(Command):
    type: ClassVar[str] = "confirm_plan"


@dataclass(frozen=True)
class BackToGame(Command):
    """From the summary, go back to playing (the group changed its mind about stopping)."""

    type: ClassVar[str] = "back_to_game"


@dataclass(frozen=True)
class ExtendTimer(Command):
    type: ClassVar[str] = "extend_timer"
    seconds: int = 60


@dataclass(frozen=True)
class PauseTimer(Command):
    type: ClassVar[str] = "pause_timer"


@dataclass(frozen=True)
class ResumeTimer(Command):
    type: ClassVar[str] = "resume_timer"


@dataclass(frozen=True)
class StopTimer(Command):
    """The trainer stops this turn's timer; the next turn's starts as usual."""

    type: ClassVar[str] = "stop_timer"


@dataclass(frozen=True)
class Undo(Command):
    """Back: undo the last step (any number of times)."""

    type: ClassVar[str] = "undo"
