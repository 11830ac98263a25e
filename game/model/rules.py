"""Which command each phase allows, declared beside the handler that carries it out.

A rule method is marked ``@handles(C.PickCard, Phase.PICK)``; ``collect(cls)`` gathers the marks of a
class and its mixins into one table keyed by (command class, phase), and ``phase_commands`` builds
the ``PHASE_COMMANDS`` view of it. The engine dispatches through that table, so a command is allowed
in a phase exactly when a handler says so, and one command may have a different handler per phase.

``play=True`` means every play phase (``PLAY_PHASES``); ``timer=True`` marks a workshop-timer command,
allowed only when the set-up has a timer. ``@lands_on(TileKind.X)`` marks what landing on a tile does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.model import commands as C
from game.model.phase import PLAY_PHASES, Phase
from game.model.tiles import TileKind


@dataclass(frozen=True)
class Rule:
    command: type[C.Command]
    phase: Phase
    handler: Callable
    timer: bool = False


def handles(command: type[C.Command], *phases: Phase, play: bool = False, timer: bool = False):
    """Mark a rule method as the handler of ``command`` in ``phases`` (and every play phase if ``play``)."""
    wanted = frozenset(phases) | (PLAY_PHASES if play else frozenset())

    def mark(fn: Callable) -> Callable:
        fn.__dict__.setdefault("_rules", []).append((command, wanted, timer))
        return fn

    return mark


def lands_on(kind: TileKind):
    """Mark a rule method as what happens when the turn's token lands on a ``kind`` tile."""

    def mark(fn: Callable) -> Callable:
        fn._lands_on = kind
        return fn

    return mark


def collect(cls: type) -> tuple[dict[tuple[type, Phase], Rule], dict[TileKind, Callable]]:
    """The rule table and the landing table of ``cls``, from the marks on its methods (and its bases')."""
    table: dict[tuple[type, Phase], Rule] = {}
    landing: dict[TileKind, Callable] = {}
    for klass in reversed(cls.__mro__):
        for fn in vars(klass).values():
            for command, phases, timer in getattr(fn, "_rules", ()):
                for phase in phases:
                    key = (command, phase)
                    if key in table and table[key].handler is not fn:
                        raise TypeError(f"two handlers for {command.type} in {phase}")
                    table[key] = Rule(command, phase, fn, timer)
            kind = getattr(fn, "_lands_on", None)
            if kind is not None:
                landing[kind] = fn
    missing = set(C.REGISTRY.values()) - {command for command, _ in table}
    if missing:
        raise TypeError(f"commands without a handler: {sorted(c.type for c in missing)}")
    unlanded = set(TileKind) - set(landing)
    if unlanded:
        raise TypeError(f"tile kinds without a landing rule: {sorted(unlanded)}")
    return table, landing


def phase_commands(table: dict[tuple[type, Phase], Rule], timer: bool = True) -> dict[Phase, frozenset[str]]:
    """For each phase, the names of the commands it allows (with or without the timer's)."""
    out: dict[Phase, set[str]] = {p: set() for p in Phase}
    for (command, phase), rule in table.items():
        if timer or not rule.timer:
            out[phase].add(command.type)
    return {p: frozenset(names) for p, names in out.items()}
