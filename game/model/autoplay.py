"""A seeded player that chooses a sensible next command for any game state.

Used by tests and benchmarks to play whole sessions without a window. (The on-screen demo
drives the real screens instead; it may use this to decide *what* to tap.) ``next_command`` gives
the typed command; ``choose`` gives its saved dict form, which callers may stamp with ``at``.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from game.model import commands as C
from game.model.engine import Game
from game.model.phase import Phase
from game.words import Words

DEMO_KEYS = {
    "do": [f"demo_note_do_{i}" for i in (1, 2, 3)],
    "dont": [f"demo_note_dont_{i}" for i in (1, 2, 3)],
    "together": [f"demo_note_together_{i}" for i in (1, 2, 3)],
    "action": [f"demo_action_{i}" for i in (1, 2, 3, 4)],
    "celebrate": [f"demo_celebrate_{i}" for i in (1, 2, 3)],
}

Chooser = Callable[[Game, random.Random, float, Words], C.Command]
_CHOOSERS: dict[Phase, Chooser] = {}


def _for(*phases: Phase):
    def mark(fn: Chooser) -> Chooser:
        for p in phases:
            _CHOOSERS[p] = fn
        return fn

    return mark


@_for(Phase.LOOK_BACK)
def _look_back_round(game, rng, pass_rate, words) -> C.Command:
    status = rng.choice(["done", "started", "not_yet", "not_needed"])
    # An unfinished earlier action gets a new "by when", as the look-back screen asks.
    when = {"started": "next_review", "not_yet": "next_month"}.get(status)
    return C.MarkAction(status=status, note=_looked_back(game, words, status), when=when)


@_for(Phase.ROLL)
def _roll(game, rng, pass_rate, words) -> C.Command:
    return C.RollDie()


@_for(Phase.CHOOSE_THEME)
def _choose_theme(game, rng, pass_rate, words) -> C.Command:
    s = game.state
    uncovered = [th for th in s.themes_in_play if not s.theme_covered(th)]
    return C.ChooseTheme(theme=rng.choice(uncovered or s.themes_in_play))


@_for(Phase.PICK)
def _pick(game, rng, pass_rate, words) -> C.Command:
    if rng.random() < pass_rate:
        return C.Pass()
    if rng.random() < 0.1:
        return C.MoreCards(include_discussed=True)
    return C.PickCard(card=rng.choice(game.state.turn.dealt))


@_for(Phase.RATE, Phase.RATE_ALL)
def _rate(game, rng, pass_rate, words) -> C.Command:
    s, t = game.state, game.state.turn
    one_view_each = s.phase == Phase.RATE  # others may add a view after the player's own
    raters = [p.id for p in s.players if p.role != "facilitator"]
    todo = [pid for pid in raters if pid not in t.ratings]
    if one_view_each and t.player in t.ratings and (not todo or rng.random() < 0.4):
        return C.Next()
    pid = t.player if (one_view_each and t.player not in t.ratings) else todo[0]
    if rng.random() < pass_rate:
        return C.Pass(player=pid)
    return C.Rate(player=pid, point=rng.choice([sp.id for sp in game.decks.scale]))


@_for(Phase.REVEAL)
def _reveal(game, rng, pass_rate, words) -> C.Command:
    return C.Next()


@_for(Phase.TALK)
def _talk(game, rng, pass_rate, words) -> C.Command:
    s, t = game.state, game.state.turn
    prompt = game.decks.prompts[t.prompt]
    if rng.random() < 0.6:
        author = rng.choice([None] + [p.id for p in s.players])
        text = _said(game, words, rng, prompt.section)
        if text:
            return C.AddNote(text=text, author=author)
    return C.Next()


@_for(Phase.ACTION)
def _action(game, rng, pass_rate, words) -> C.Command:
    s, t = game.state, game.state.turn
    if rng.random() < 0.6 and not any(a.card_id == t.card for a in s.actions.get(t.theme, [])):
        kind = rng.choice(["player", "staff", "everyone"])
        who = rng.choice([p.id for p in s.players]) if kind == "player" else kind
        what = _said(game, words, rng, "action")
        if not what:
            return C.EndTurn()
        return C.AgreeAction(
            what=what,
            who=who,
            who_kind=kind,
            when=rng.choice(["next_week", "next_month", "next_review"]),
        )
    return C.EndTurn()


@_for(Phase.CELEBRATE)
def _celebrate(game, rng, pass_rate, words) -> C.Command:
    s = game.state
    text = _said(game, words, rng, "celebrate") if s.turn.theme is None else None
    if text:  # nothing celebrated yet this turn, and something new to celebrate
        return C.Celebrate(text=text, theme=rng.choice(s.themes_in_play))
    return C.EndTurn()


@_for(Phase.LOOK_BACK_ONE)
def _look_back_tile(game, rng, pass_rate, words) -> C.Command:
    status = rng.choice(["done", "started", "not_yet"])
    queued = any(a.id == game.state.turn.look_back_action for a in game.state.look_back_queue)
    when = "next_review" if queued and status != "done" else None
    return C.MarkAction(status=status, note=_looked_back(game, words, status), when=when)


@_for(Phase.SUMMARY)
def _summary(game, rng, pass_rate, words) -> C.Command:
    return C.ConfirmPlan()


@_for(Phase.DEBRIEF)
def _debrief(game, rng, pass_rate, words) -> C.Command:
    s = game.state
    said = any(n["question"] == s.debrief_at for n in s.learnt)
    if not said and rng.random() >= pass_rate:
        return C.AddLearnt(text=words.get(f"demo_learnt_{s.debrief_at % 3 + 1}"))
    return C.Next()


def next_command(
    game: Game, rng: random.Random, pass_rate: float = 0.1, words: Words | None = None
) -> C.Command:
    """The next command a thoughtful, sometimes quiet, player would make."""
    chooser = _CHOOSERS.get(game.state.phase)
    if chooser is None:
        raise ValueError(f"nothing to do in phase {game.state.phase}")
    return chooser(game, rng, pass_rate, words or Words(game.state.setup.get("language")))


def choose(game: Game, rng: random.Random, pass_rate: float = 0.1, words: Words | None = None) -> dict:
    """``next_command`` in its saved dict form."""
    return next_command(game, rng, pass_rate, words).to_dict()


def _said(game: Game, words: Words, rng: random.Random, section: str) -> str | None:
    """What the player says about this card: the deck's own demo words for it if there are any,
    else a general sentence. Never a sentence the plan already has, so a demo plan reads like a
    real one; None when there is nothing new to say."""
    s = game.state
    said = {n.text for notes in s.notes.values() for n in notes} | {a.what for a in s.all_actions()}
    card = f"demo_card_{s.turn.card}_{section}" if s.turn and s.turn.card else ""
    choices = [card] if card and words.has(card) else list(DEMO_KEYS[section])
    fresh = [words.get(k) for k in choices if words.get(k) not in said]
    return rng.choice(fresh) if fresh else None


def _looked_back(game: Game, words: Words, status: str) -> str:
    """A note on an earlier action that fits how it went, or none if the plan already says it."""
    text = words.get(f"demo_look_back_{status}")
    return "" if any(y.note == text for y in game.state.you_said_we_did) else text


def play(
    game: Game, seed: int = 0, max_steps: int = 5000, pass_rate: float = 0.1, at: float | None = None
) -> Game:
    """Play until the plan is finished (or ``max_steps``)."""
    rng = random.Random(seed)
    words = Words(game.state.setup.get("language"))
    for step in range(max_steps):
        if game.state.phase == Phase.FINISHED:
            break
        cmd = choose(game, rng, pass_rate, words)
        if at is not None:
            cmd["at"] = at + step
        out = game.apply(cmd)
        if not out.ok:
            raise RuntimeError(f"autoplay command refused: {cmd} -> {out}")
    return game
