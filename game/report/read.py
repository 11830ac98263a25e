"""Reading a folder of plan files as a stream: each file is read, boiled down to the few facts the
report needs (``PlanFacts``), and let go, so memory stays flat however many files there are.

A file that cannot be used becomes a ``Skipped`` with its reason instead: not a plan (foreign),
damaged, from a newer version of the game, or too big. The full schema check of the game's import
(``game.model.planio``) is not run here, because it costs several times the parsing itself; every
value the report uses is checked for its type instead, and a wrong one marks the file damaged.
The words of a plan that could name someone (people, notes, actions, parked topics) are never read
here; ``game.report.names`` reads them for ``--with-names``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from game.model.plan import PLAN_FORMAT, PLAN_VERSION
from game.model.planio import MAX_BYTES
from game.model.textrules import add_months, parse_date

OPEN = ("agreed", "started", "not_yet")
"""Action statuses that still need doing, so can be overdue."""
REALNESS = {"not-yet": 0, "sometimes": 1, "real": 2}
"""How far towards "This is real for me" each point of the rating scale is; "Not sure" and passes
are on no such line, so they do not count when a statement's move is measured."""
NOT_YET = "not-yet"
REVIEW_MONTHS = 3


class Damaged(ValueError):
    """A value the report needs is missing or of the wrong kind: ``where`` says which."""

    def __init__(self, where: str):
        super().__init__(where)
        self.where = where


@dataclass
class Skipped:
    path: str  # relative to the folder read
    kind: str  # foreign | damaged | newer | practice | again | unreadable
    key: str  # words key of the reason
    params: dict = field(default_factory=dict)


@dataclass
class PlanFacts:
    plan_id: str
    path: str
    service: str
    date: dt.date
    due: dt.date  # the earlier of the plan's own next review and three months on
    finished: bool
    co_produced: bool
    actions: Counter  # (theme id, bucket) -> count; buckets are statuses plus "overdue"
    views: Counter  # card id -> views given (passes left out) on statements talked about in this session
    not_yet: Counter  # card id -> how many of those views were "Not yet"
    moves: Counter  # (card id, "up" | "down" | "same") -> count, against the last plan's ratings
    themes: dict  # theme id -> title
    cards: dict  # card id -> (theme id, statement text)


def plan_files(folder: Path, tally=None) -> Iterator[tuple[str, str]]:
    """(path, path relative to ``folder`` with "/") of every ``.json`` file under ``folder``, in a stable
    order, one at a time (no list of them all). Other files are only counted, on ``tally.other_files``."""
    top = os.fspath(folder)
    for root, dirs, files in os.walk(top):
        dirs.sort()
        # Plain strings, not Path objects: at 10,000 files pathlib's cost shows.
        prefix = os.path.relpath(root, top).replace(os.sep, "/") + "/" if root != top else ""
        for name in sorted(files):
            if name.lower().endswith(".json"):
                yield os.path.join(root, name), prefix + name
            elif tally is not None:
                tally.other_files += 1


def read_facts(path: str | Path, rel: str, today: dt.date) -> PlanFacts | Skipped:
    try:
        with open(path, "rb") as f:
            raw = f.read(MAX_BYTES + 1)
    except OSError as exc:
        return Skipped(rel, "unreadable", "plan_file_unreadable", {"problem": exc.strerror or str(exc)})
    if len(raw) > MAX_BYTES:
        return Skipped(rel, "damaged", "plan_file_too_big", {"size": len(raw), "limit": MAX_BYTES})
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return Skipped(rel, "damaged", "plan_file_not_text")
    except json.JSONDecodeError as exc:
        # A file that starts like a plan but breaks off is a damaged plan; anything else is not a plan.
        damaged = raw.lstrip()[:1] == b"{"
        where = {"problem": exc.msg, "line": exc.lineno, "column": exc.colno}
        return Skipped(
            rel,
            *(("damaged", "report_skip_broken_json") if damaged else ("foreign", "plan_file_not_json")),
            where,
        )
    except (RecursionError, ValueError):
        return Skipped(rel, "damaged", "report_skip_nested")
    if not isinstance(data, dict) or data.get("format") != PLAN_FORMAT:
        return Skipped(rel, "foreign", "plan_file_not_plan", {"expected": PLAN_FORMAT})
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > PLAN_VERSION:
        return Skipped(rel, "newer", "plan_file_wrong_version", {"found": version, "expected": PLAN_VERSION})
    if version != PLAN_VERSION or isinstance(version, bool):
        return Skipped(rel, "damaged", "report_skip_field", {"where": "version"})
    try:
        if data.get("practice") is True or data.get("mode") == "workshop":
            return Skipped(rel, "practice", "report_skip_practice")
        return _facts(data, raw, rel, today)
    except Damaged as exc:
        return Skipped(rel, "damaged", "report_skip_field", {"where": exc.where})


def _get(d: dict, key: str, kind, where: str, default=None):
    value = d.get(key, default)
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise Damaged(f"{where}{key}")
    return value


def _list_of_dicts(d: dict, key: str, where: str) -> list[dict]:
    items = _get(d, key, list, where, [])
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise Damaged(f"{where}{key}[{i}]")
    return items


def _day(text, where: str) -> dt.date:
    day = parse_date(text[:10] if isinstance(text, str) else None)
    if day is None:
        raise Damaged(where)
    return day


def _facts(data: dict, raw: bytes, rel: str, today: dt.date) -> PlanFacts:
    service = " ".join(_get(data, "service", str, "", "").split()) or " ".join(
        _get(data, "title", str, "").split()
    )
    day = _day(data.get("date"), "date")
    due = add_months(day, REVIEW_MONTHS)
    if data.get("next_review") is not None:
        due = min(due, _day(data["next_review"], "next_review"))
    finished = _get(data, "finished", bool, "", False)
    people = _list_of_dicts(data, "participants", "")
    taking_part = sum(1 for p in people if p.get("role") != "facilitator")
    game_id = _get(data, "game_id", (str, type(None)), "")
    plan_id = game_id or "sha:" + hashlib.blake2b(raw, digest_size=16).hexdigest()

    actions: Counter = Counter()
    views: Counter = Counter()
    not_yet: Counter = Counter()
    moves: Counter = Counter()
    themes: dict = {}
    cards: dict = {}
    action_ids: set = set()
    for i, theme in enumerate(_list_of_dicts(data, "themes", "")):
        where = f"themes[{i}]."
        tid = _get(theme, "id", str, where)
        themes[tid] = _get(theme, "title", str, where)
        before: dict = {}
        fresh: list = []
        # The hot loop: a review carries every earlier statement, so most are only noted and passed by.
        # A wrong shape shows as KeyError/TypeError/AttributeError, and marks the file damaged.
        try:
            for st in _get(theme, "statements", list, where, []):
                if st.get("carried_over") is True:
                    before[st["card_id"]] = st  # the last carried one is the most recent view
                else:
                    fresh.append((st["card_id"], st["text"], [r["point_id"] for r in st.get("ratings", ())]))
        except (KeyError, TypeError, AttributeError):
            raise Damaged(f"{where}statements") from None
        latest: dict = {}
        for card, text, points in fresh:
            if card.__class__ is not str or text.__class__ is not str:
                raise Damaged(f"{where}statements")
            cards.setdefault(card, (tid, text))
            latest[card] = points  # a card talked about twice in one session: its last views count
            for p in points:
                if p.__class__ is str:
                    views[card] += 1
                    if p == NOT_YET:
                        not_yet[card] += 1
        for card, points in latest.items():
            if card in before:
                try:
                    old = [r["point_id"] for r in before[card].get("ratings", ())]
                except (KeyError, TypeError, AttributeError):
                    raise Damaged(f"{where}statements") from None
                move = _move(old, points)
                if move:
                    moves[card, move] += 1
        for j, a in enumerate(_list_of_dicts(theme, "actions", where)):
            status = _get(a, "status", str, f"{where}actions[{j}].", "agreed")
            action_ids.add(_get(a, "id", str, f"{where}actions[{j}]."))
            actions[tid, status] += 1
            if (
                status in OPEN
                and a.get("due") is not None
                and _day(a["due"], f"{where}actions[{j}].due") < today
            ):
                actions[tid, "overdue"] += 1
    for i, look in enumerate(_list_of_dicts(data, "you_said_we_did", "")):
        # Finished actions leave the plan at review: "You said, we did" is the only place they show.
        status = look.get("status")
        if status in ("done", "not_needed"):
            action = _get(look, "action", dict, f"you_said_we_did[{i}].")
            if _get(action, "id", str, f"you_said_we_did[{i}].action.") in action_ids:
                continue  # an action of this session marked on a "Look back" tile: counted in its theme
            theme = action.get("theme")
            actions[theme if isinstance(theme, str) else "", status] += 1
    return PlanFacts(
        plan_id=plan_id,
        path=rel,
        service=service,
        date=day,
        due=due,
        finished=finished,
        co_produced=finished and taking_part >= 2,
        actions=actions,
        views=views,
        not_yet=not_yet,
        moves=moves,
        themes=themes,
        cards=cards,
    )


def _move(before: list, now: list) -> str | None:
    """'up' if the views moved towards "This is real for me", 'down' if away, 'same' if neither."""
    old = [REALNESS[p] for p in before if isinstance(p, str) and p in REALNESS]
    new = [REALNESS[p] for p in now if isinstance(p, str) and p in REALNESS]
    if not old or not new:
        return None
    diff = sum(new) / len(new) - sum(old) / len(old)
    return "up" if diff > 0 else "down" if diff < 0 else "same"
