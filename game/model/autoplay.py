"""A seeded player that chooses a sensible next command for any game state.

Used by tests and benchmarks to play whole sessions without a window. (The on-screen demo
drives the real screens instead; it may use this to decide *what* to tap.)
"""

from __future__ import annotations

import random

from game.model.engine import Game
from game.words import Words

DEMO_KEYS = {
    "do": [f"demo_note_do_{i}" for i in (1, 2, 3)],
    "dont": [f"demo_note_dont_{i}" for i in (1, 2, 3)],
    "together": [f"demo_note_together_{i}" for i in (1, 2, 3)],
    "action": [f"demo_action_{i}" for i in (1, 2, 3, 4)],
}


def choose(game: Game, rng: random.Random, pass_rate: float = 0.1, words: Words | None = None) -> dict:
    """The next command a thoughtful, sometimes quiet, player would make."""
    words = words or Words(game.state.setup.get("language"))
    s, t = game.state, game.state.turn
    phase = s.phase
    if phase == "look_back":
        return {
            "type": "mark_action",
            "status": rng.choice(["done", "started", "not_yet", "not_needed"]),
            "note": words.get("demo_look_back_1"),
        }
    if phase == "roll":
        return {"type": "roll_die"}
    if phase == "choose_theme":
        uncovered = [th for th in s.themes_in_play if not s.theme_covered(th)]
        return {"type": "choose_theme", "theme": rng.choice(uncovered or s.themes_in_play)}
    if phase == "pick":
        if rng.random() < pass_rate:
            return {"type": "pass"}
        if rng.random() < 0.1:
            return {"type": "more_cards", "include_discussed": True}
        return {"type": "pick_card", "card": rng.choice(t.dealt)}
    if phase in ("rate", "rate_all"):
        raters = [p.id for p in s.players if p.role != "facilitator"]
        todo = [pid for pid in raters if pid not in t.ratings]
        if phase == "rate" and t.player in t.ratings and (not todo or rng.random() < 0.4):
            return {"type": "next"}
        pid = t.player if (phase == "rate" and t.player not in t.ratings) else todo[0]
        if rng.random() < pass_rate:
            return {"type": "pass", "player": pid}
        return {"type": "rate", "player": pid, "point": rng.choice([sp.id for sp in game.decks.scale])}
    if phase == "reveal":
        return {"type": "next"}
    if phase == "talk":
        prompt = game.decks.prompts[t.prompt]
        if rng.random() < 0.6:
            author = rng.choice([None] + [p.id for p in s.players])
            return {
                "type": "add_note",
                "text": words.get(rng.choice(DEMO_KEYS[prompt.section])),
                "author": author,
            }
        return {"type": "next"}
    if phase == "action":
        if rng.random() < 0.6 and not any(a.card_id == t.card for a in s.actions.get(t.theme, [])):
            kind = rng.choice(["player", "staff", "everyone"])
            who = rng.choice([p.id for p in s.players]) if kind == "player" else kind
            return {
                "type": "agree_action",
                "what": words.get(rng.choice(DEMO_KEYS["action"])),
                "who": who,
                "who_kind": kind,
                "when": rng.choice(["next_week", "next_month", "next_review"]),
            }
        return {"type": "end_turn"}
    if phase == "celebrate":
        if t.theme is None:  # nothing celebrated yet this turn
            return {
                "type": "celebrate",
                "text": words.get("demo_celebrate_1"),
                "theme": rng.choice(s.themes_in_play),
            }
        return {"type": "end_turn"}
    if phase == "look_back_one":
        return {
            "type": "mark_action",
            "status": rng.choice(["done", "started", "not_yet"]),
            "note": words.get("demo_look_back_1"),
        }
    if phase == "summary":
        return {"type": "confirm_plan"}
    raise ValueError(f"nothing to do in phase {phase}")


def play(
    game: Game, seed: int = 0, max_steps: int = 5000, pass_rate: float = 0.1, at: float | None = None
) -> Game:
    """Play until the plan is finished (or ``max_steps``)."""
    rng = random.Random(seed)
    words = Words(game.state.setup.get("language"))
    for step in range(max_steps):
        if game.state.phase == "finished":
            break
        cmd = choose(game, rng, pass_rate, words)
        if at is not None:
            cmd["at"] = at + step
        out = game.apply(cmd)
        if not out.ok:
            raise RuntimeError(f"autoplay command refused: {cmd} -> {out}")
    return game
