"""Checking a game's set-up (mode, players, themes, length, title, dates) and making its players."""

from __future__ import annotations

import re

from game.model.deck import DeckSet
from game.model.errors import Refused
from game.model.names import token_key, token_of
from game.model.plan import ROLES, SHOWN_AS, Plan
from game.model.state import LENGTH_KINDS, MODES, SHAPES, Player
from game.model.textrules import add_months, clean_text, parse_date

_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
# As plan.schema.json has it, so every plan this game makes can be read back to start a review.
_LANGUAGE = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")
_KEYS = {
    "mode",
    "players",
    "themes",
    "length",
    "title",
    "service",
    "date",
    "dice",
    "seed",
    "previous_plan",
    "timer_seconds",
    "practice",
    "keep",
    "next_review",
    "language",
    "written_by",
}


def normalise(raw: dict, decks: DeckSet) -> dict:
    """Check a set-up dict and fill in defaults. Raises Refused naming the first problem."""
    if not isinstance(raw, dict):
        raise Refused("refuse_setup", detail="setup")
    unknown = set(raw) - _KEYS
    if unknown:
        raise Refused("refuse_setup", detail=sorted(unknown)[0])
    raw = {**like_last_time(raw.get("previous_plan"), decks), **raw}
    mode = raw.get("mode", "group")
    if mode not in MODES:
        raise Refused("refuse_setup", detail="mode")
    players = raw.get("players")
    if not isinstance(players, list) or not players or len(players) > 9:
        raise Refused("refuse_players_count")
    clean_players = [_player(p, i) for i, p in enumerate(players)]
    ids = [p["id"] for p in clean_players]
    if len(set(ids)) != len(ids):
        raise Refused("refuse_setup", detail="player id")
    shapes = [p["shape"] for p in clean_players]
    if len(set(shapes)) != len(shapes):
        raise Refused("refuse_same_shape")
    _check_roles(mode, clean_players)
    themes = raw.get("themes") or [t.id for t in decks.themes]
    if (
        not isinstance(themes, list)
        or len(set(themes)) != len(themes)
        or not all(isinstance(t, str) and decks.has_theme(t) for t in themes)
    ):
        raise Refused("refuse_setup", detail="themes")
    themes = [t.id for t in decks.themes if t.id in themes]  # deck order
    for t in themes:
        if not decks.cards_for(t):
            raise Refused("refuse_setup", detail="themes")
    length = raw.get("length") or {"kind": "themes", "value": 0}
    if not isinstance(length, dict) or length.get("kind") not in LENGTH_KINDS:
        raise Refused("refuse_setup", detail="length")
    value = length.get("value", 0)
    if not isinstance(value, int) or isinstance(value, bool):
        raise Refused("refuse_setup", detail="length")
    if length["kind"] == "rounds" and not 1 <= value <= 50:
        raise Refused("refuse_setup", detail="length")
    if length["kind"] == "minutes" and not 5 <= value <= 480:
        raise Refused("refuse_setup", detail="length")
    date = raw.get("date")
    day = parse_date(date)
    if day is None:
        raise Refused("refuse_bad_date", date=str(date))
    next_review = raw.get("next_review") or add_months(day, 3).isoformat()
    if parse_date(next_review) is None:
        raise Refused("refuse_bad_date", date=str(next_review))
    timer = raw.get("timer_seconds")
    if timer is not None and (
        not isinstance(timer, int) or isinstance(timer, bool) or not 30 <= timer <= 3600
    ):
        raise Refused("refuse_setup", detail="timer")
    seed = raw.get("seed", 0)
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise Refused("refuse_setup", detail="seed")
    language = raw.get("language") or decks.language
    if not isinstance(language, str) or len(language) > 35 or not _LANGUAGE.fullmatch(language):
        raise Refused("refuse_setup", detail="language")
    prev = raw.get("previous_plan")
    if prev is not None:
        previous_plan({"previous_plan": prev})  # refuses if it does not read as a plan
    return {
        "mode": mode,
        "players": clean_players,
        "themes": themes,
        "length": {"kind": length["kind"], "value": value},
        "title": clean_text(str(raw.get("title") or ""), 120, allow_empty=True),
        "service": clean_text(str(raw.get("service") or ""), 120, allow_empty=True),
        "written_by": clean_text(str(raw.get("written_by") or ""), 120, allow_empty=True),
        "date": day.isoformat(),
        "next_review": next_review,
        "dice": bool(raw.get("dice", True)),
        "seed": seed,
        "previous_plan": prev,
        "timer_seconds": timer,
        "practice": mode == "workshop" or bool(raw.get("practice", False)),
        "keep": bool(raw.get("keep", mode != "workshop")),
        "language": language,
    }


def like_last_time(prev, decks: DeckSet) -> dict:
    """A review starts as the plan it reviews was played: its themes, dice and length (each can
    still be changed). Plans made before these were kept give only their themes."""
    if not isinstance(prev, dict):
        return {}
    out: dict = {}
    themes = prev.get("themes")
    if isinstance(themes, list):
        ids = [t.get("id") for t in themes if isinstance(t, dict) and t.get("in_play", True)]
        ids = [t for t in ids if isinstance(t, str) and decks.has_theme(t)]
        if ids:
            out["themes"] = ids
    if isinstance(prev.get("dice"), bool):
        out["dice"] = prev["dice"]
    if isinstance(prev.get("length"), dict):
        out["length"] = prev["length"]
    return out


def _player(p, i: int) -> dict:
    if not isinstance(p, dict):
        raise Refused("refuse_setup", detail="player")
    shown_as = p.get("shown_as", "name")
    role = p.get("role", "player")
    shape = p.get("shape", SHAPES[i % len(SHAPES)])
    colour = p.get("colour", "#0072B2")
    if shown_as not in SHOWN_AS or role not in ROLES or shape not in SHAPES:
        raise Refused("refuse_setup", detail="player")
    if not isinstance(colour, str) or not _HEX.match(colour):
        raise Refused("refuse_setup", detail="colour")
    pid = p.get("id", f"p{i + 1}")
    if not isinstance(pid, str) or not pid or len(pid) > 40:
        raise Refused("refuse_setup", detail="player id")
    name = clean_text(str(p.get("name") or ""), 60, allow_empty=True)
    if shown_as != "anonymous" and not name:
        raise Refused("refuse_player_name", n=i + 1)
    return {"id": pid, "name": name, "shown_as": shown_as, "role": role, "shape": shape, "colour": colour}


def _check_roles(mode: str, players: list[dict]) -> None:
    takers = [p for p in players if p["role"] != "facilitator"]
    if mode == "group" and not 2 <= len(takers) <= 8:
        raise Refused("refuse_players_count")
    if mode == "one-to-one":
        if len(players) != 2:
            raise Refused("refuse_one_to_one")
        roles = [p["role"] for p in players]
        if roles == ["player", "player"]:
            players[0]["role"], players[1]["role"] = "person", "supporter"
        elif sorted(roles) != ["person", "supporter"]:
            raise Refused("refuse_one_to_one")
    if mode == "workshop" and not 1 <= len(takers) <= 8:
        raise Refused("refuse_players_count_workshop")  # one trainee is enough to practise


def initials(name: str) -> str:
    """ "Ann Jones" -> "AJ". What was typed is kept only when it already looks like initials ("AJ",
    "A.J."): a short name such as "Anne" must not be shown in full when someone chose initials."""
    parts = [w for w in name.replace("-", " ").split() if w]
    letters = [ch for ch in name if ch.isalpha()]
    if len(name) <= 4 and len(parts) <= 1 and letters and all(ch.isupper() for ch in letters):
        return name
    return "".join(next((ch for ch in w if ch.isalnum()), w[0]).upper() for w in parts)[:4]


def make_players(setup: dict, decks: DeckSet) -> list[Player]:
    language = setup.get("language") or decks.language
    out = []
    for p in setup["players"]:
        if p["shown_as"] == "name":
            ref = p["name"]
        elif p["shown_as"] == "initials":
            ref = initials(p["name"])
        else:
            ref = token_key(p["shape"])  # the words are looked up when shown (game.model.names)
        out.append(Player(**p, ref=ref, language=language))
    # Two people with the same initials (or name) must still be told apart in the plan's views. A token's
    # name is a key and stays one, so a typed name that reads the same as someone's token takes the number.
    seen = {p.label.casefold(): 1 for p in out if token_of(p.ref)}
    for player in out:
        if token_of(player.ref):
            continue
        key = player.label.casefold()
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            player.ref = f"{player.ref} ({seen[key]})"
    return out


def turn_order(setup: dict, players: list[Player]) -> list[str]:
    if setup["mode"] == "one-to-one":
        return [p.id for p in players if p.role == "person"]  # the person leads every turn
    return [p.id for p in players if p.role != "facilitator"]


def previous_plan(setup: dict) -> Plan | None:
    prev = setup.get("previous_plan")
    if prev is None:
        return None
    try:
        return Plan.from_dict(prev)
    except (TypeError, KeyError, AttributeError, ValueError) as exc:
        raise Refused("refuse_bad_previous_plan", detail=str(exc)) from exc
