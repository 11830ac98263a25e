"""Folders of realistic sample plans, for training, the report's tests and its benchmark.

``make_sample(folder, services=40, seed=1)`` writes, for each made-up service, a history of plans
reviewed about every three months (some services keep to time, some are late, some stopped), each
review made the way the game makes one: last plan's statements and notes carried forward, its open
actions looked back on ("You said, we did") and carried on if unfinished, some cards talked about
again. Every file is written by the game's own JSON export, so the game's import accepts it.
With ``problems=True`` the folder also gets what a shared drive really holds: workshop practice
plans, copies of the same plan, damaged and foreign files, and one from a newer version.
The same seed always gives the same folder.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections import Counter
from pathlib import Path

from game.export.filenames import base_name, slug
from game.export.json import render
from game.model.autoplay import DEMO_KEYS
from game.model.deck import DeckSet
from game.model.deckload import load_deckset
from game.model.plan import (
    Action,
    DeckRef,
    LookBack,
    Note,
    Participant,
    Plan,
    Rating,
    Statement,
    ThemeRecord,
)
from game.model.textrules import add_months, when_to_due
from game.paths import DECKS_DIR
from game.words import Words

# Made-up places and people: none is a real service or person.
PLACES = (
    "Oak Lodge", "Ty Gwyn", "Harbour View", "Meadow Court", "Rowan House", "Bryn Teg", "Willow Bank",
    "Elm Grove", "Station Road", "Castle Mews", "Heather Close", "Riverside", "Ffordd Newydd", "Larch Hill",
    "Beacon Way", "Maple Yard", "Kingfisher Court", "Hafan Deg", "Orchard End", "Millbrook",
)  # fmt: skip
KINDS = ("Supported living", "Care home", "Carers' service", "Extra care housing", "Day service")
FIRST = (
    "Aurelio", "Bethanne", "Corwenna", "Dafydda", "Elspeth", "Florizel", "Gwenllian", "Hephzibah",
    "Isolde", "Jolyon", "Kerensa", "Lysander", "Morwenna", "Nerys", "Octavian", "Peregrine", "Quilla",
    "Rhosyn", "Seraphina", "Tamsin", "Ulrica", "Vashti", "Wynfor", "Xanthe", "Yestin", "Zephyrine",
)  # fmt: skip
LAST = ("Abernethy", "Blethyn", "Crabtree", "Dunmore", "Evercreech", "Fothergill", "Gwilliam", "Hollis")
# How each kind of service keeps to the three-monthly reviews: (share, months between reviews, stops).
HABITS = {"on_time": (0.6, (2.6, 3.3), False), "late": (0.15, (3.5, 6.0), False), "stopped": (0.15, (2.8, 3.4), True),
          "new": (0.1, (3.0, 3.0), False)}  # fmt: skip
LOOK_BACK = (("done", 45), ("started", 25), ("not_yet", 20), ("not_needed", 5), ("", 5))


def sample_deckset() -> DeckSet:
    return load_deckset([DECKS_DIR / "making-it-real.yaml"])


def make_sample(
    folder: str | Path,
    services: int = 40,
    seed: int = 1,
    today: dt.date | None = None,
    problems: bool = True,
    years: float = 3.0,
    plans: int | None = None,
) -> Counter:
    """Write the sample folder; returns how many files of each kind were written.
    With ``plans``, stops once that many plan files are written (for a folder of a given size)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    today = today or dt.date.today()
    rng = random.Random(seed)
    maker = _Maker(sample_deckset(), rng)
    written: Counter = Counter()
    names: set[str] = set()
    first_plan: Path | None = None
    for n in range(services):
        name = _service_name(rng, names)
        place = folder / slug(name)
        place.mkdir(exist_ok=True)
        path = None
        for plan in maker.history(name, today, years):
            if plans is not None and written["plans"] >= plans:
                break
            path = place / f"{base_name(name, plan.date)}.json"
            path.write_bytes(render(plan))
            written["plans"] += 1
            first_plan = first_plan or path
        if problems and path and n % 10 == 3:  # a service that saved its plan twice, in two places
            copy = folder / "copies" / path.name
            copy.parent.mkdir(exist_ok=True)
            copy.write_bytes(path.read_bytes())
            written["copies"] += 1
        if plans is not None and written["plans"] >= plans:
            break
    if problems:
        written.update(_problem_files(folder, maker, today, first_plan))
    return written


def _service_name(rng: random.Random, taken: set[str]) -> str:
    base = f"{rng.choice(PLACES)} {rng.choice(KINDS)}"
    name, n = base, 1
    while name.casefold() in taken:
        n += 1
        name = f"{base} {n}"
    taken.add(name.casefold())
    return name


class _Maker:
    """Makes one service's plans, each review built from the one before, as the game does."""

    def __init__(self, decks: DeckSet, rng: random.Random):
        self.decks, self.rng = decks, rng
        self.words = Words(decks.language)
        self.refs = [DeckRef(d.id, d.version, d.title, d.language) for d in decks.decks]
        self.points = {p.id: p for p in decks.scale}
        # Some themes are harder to make real than others, across every service.
        self.bias = {t.id: rng.uniform(-0.2, 0.1) for t in decks.themes}

    def history(self, service: str, today: dt.date, years: float):
        rng = self.rng
        habit = rng.choices(list(HABITS), [h[0] for h in HABITS.values()])[0]
        _share, (low, high), stops = HABITS[habit]
        if habit == "new":
            day = today - dt.timedelta(days=rng.randint(5, 80))
        else:
            day = today - dt.timedelta(days=rng.randint(int(120 * years), int(365 * years)))
        end = today - dt.timedelta(days=rng.randint(150, 450)) if stops else today
        quality = rng.uniform(0.15, 0.6)  # how real things are for people at the start
        previous = None
        k = 0
        while k == 0 or day <= end:
            previous = self.plan(service, day, previous, min(0.9, quality + 0.05 * k))
            yield previous
            k += 1
            day += dt.timedelta(days=round(rng.uniform(low, high) * 30.4))

    def plan(self, service: str, day: dt.date, previous: Plan | None, real: float) -> Plan:
        rng = self.rng
        mode = "one-to-one" if rng.random() < 0.3 else "group"
        people = self._people(mode)
        date = day.isoformat()
        next_review = add_months(day, 3).isoformat()
        themes = {t.id: ThemeRecord(t.id, t.title, t.question, t.colour, t.icon, easy_read=t.easy_read)
                  for t in self.decks.themes}  # fmt: skip
        ysd: list[LookBack] = []
        if previous is not None:
            self._carry(previous, themes, ysd, people, next_review)
        carried = [s for t in themes.values() for s in t.statements]
        used = {s.card_id for s in carried}
        fresh = [c for c in self.decks.cards if c.id not in used]
        picks = rng.sample(fresh, min(len(fresh), rng.randint(4, 9)))
        again = [s for s in carried if s.ratings] and rng.sample(
            carried, min(len(carried), rng.randint(0, 3))
        )
        ids = iter(range(1, 10_000))
        for card in picks + [self.decks.card(s.card_id) for s in again or []]:
            by = rng.choice(people)
            theme = themes[card.theme]
            theme.statements.append(Statement(card.id, card.text, card.easy_read, card.we, chosen_by=by.label,
                                              everyone=rng.random() < 0.2, ratings=self._ratings(people, real + self.bias[card.theme])))  # fmt: skip
            for section in ("do", "dont", "together"):
                if rng.random() < 0.5:
                    text = self.words.get(rng.choice(DEMO_KEYS[section]))
                    theme.notes.append(Note(f"n{next(ids)}", section, text, rng.choice(people).id, card.id))
            if rng.random() < 0.55:
                theme.actions.append(self._action(f"a{next(ids)}", card, people, date, next_review))
        finished = rng.random() < 0.92
        return Plan(
            title=service, service=service, date=date, mode=mode, participants=people, decks=list(self.refs),
            themes=list(themes.values()), you_said_we_did=ysd, next_review=next_review,
            previous_date=previous.date if previous else None, finished=finished,
            won_together=finished and all(t.complete for t in themes.values()),
            game_id="g" + "".join(rng.choice("0123456789abcdef") for _ in range(16)),
        )  # fmt: skip

    def _people(self, mode: str) -> list[Participant]:
        rng = self.rng
        count = 2 if mode == "one-to-one" else rng.randint(2, 6)
        people = []
        for i in range(count):
            shown = rng.choices(("name", "initials", "anonymous"), (6, 3, 1))[0]
            full = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            label = {"name": full, "initials": "".join(w[0] for w in full.split()),
                     "anonymous": self.words.get(f"token_{('circle', 'square', 'star', 'heart', 'cross', 'diamond')[i]}")}[shown]  # fmt: skip
            role = ("person", "supporter")[i] if mode == "one-to-one" else "player"
            people.append(Participant(f"p{i + 1}", label, shown, role))
        return people

    def _ratings(self, people: list[Participant], real: float) -> list[Rating]:
        out = []
        for p in people:
            roll = self.rng.random()
            if roll < 0.08:
                out.append(Rating(p.id, p.label, None))
                continue
            point = (
                "real" if roll < real else self.rng.choice(("sometimes", "not-yet", "not-yet", "not-sure"))
            )
            sp = self.points[point]
            out.append(Rating(p.id, p.label, sp.id, sp.label, sp.symbol, sp.easy_read))
        return out

    def _action(self, aid: str, card, people: list[Participant], date: str, next_review: str) -> Action:
        rng = self.rng
        kind = rng.choice(("player", "staff", "everyone"))
        when = rng.choice(("next_week", "next_month", "next_review"))
        who = rng.choice(people).label if kind == "player" else self.words.get(f"who_{kind}")
        what = self.words.get(rng.choice(DEMO_KEYS["action"]))
        return Action(
            aid, what, who, kind, when, when_to_due(when, date, next_review), "agreed", card.theme, card.id
        )

    def _carry(self, previous: Plan, themes: dict, ysd: list, people: list, next_review: str) -> None:
        """What the engine does when a review starts from ``previous`` and the look-back round is played."""
        rng = self.rng
        for t in previous.themes:
            theme = themes[t.id]
            theme.statements.extend(Statement(**{**s.__dict__, "carried_over": True}) for s in t.statements)
            theme.notes.extend(
                Note(f"p{n.id}", n.section, n.text, n.author, n.card_id, True) for n in t.notes
            )
            for a in t.actions:
                if a.status in ("done", "not_needed"):
                    continue
                status = rng.choices([s for s, _ in LOOK_BACK], [w for _, w in LOOK_BACK])[0]
                note = self.words.get("demo_look_back_1") if rng.random() < 0.5 else ""
                looked = Action(**{**a.__dict__, "id": "p" + a.id, "theme": t.id})
                ysd.append(LookBack(looked, status, note, rng.choice(people).id))
                if status in ("started", "not_yet", ""):
                    later = Action(**{**looked.__dict__, "status": status or looked.status, "note": note})
                    if later.when == "next_review":
                        later.due = next_review
                    theme.actions.append(later)


def _problem_files(folder: Path, maker: _Maker, today: dt.date, a_plan: Path | None) -> Counter:
    """What else a shared drive holds: practice plans, damaged, foreign and newer files, other files."""
    made: Counter = Counter()
    training = folder / "training"
    training.mkdir(exist_ok=True)
    for i in range(3):
        plan = maker.plan("Workshop practice", today - dt.timedelta(days=20 * i + 3), None, 0.5)
        plan.mode, plan.practice = "workshop", True
        (training / f"{base_name(plan.title, plan.date, practice=True)}.json").write_bytes(render(plan))
        made["practice"] += 1
    odd = folder / "odd"
    odd.mkdir(exist_ok=True)
    whole = a_plan.read_bytes() if a_plan else render(maker.plan("Oak Lodge", today, None, 0.5))
    (odd / "cut-short.json").write_bytes(whole[: len(whole) // 2])
    (odd / "not-utf8.json").write_bytes(b"\xff\xfe{\x00}\x00")
    (odd / "settings.json").write_text(json.dumps({"volume": 3, "theme": "dark"}), encoding="utf-8")
    newer = json.loads(whole)
    newer["version"] = 2
    (odd / "from-a-newer-game.json").write_text(json.dumps(newer), encoding="utf-8")
    broken = json.loads(whole)
    broken["themes"] = "six"
    (odd / "themes-not-a-list.json").write_text(json.dumps(broken), encoding="utf-8")
    made["bad"] += 5
    (odd / "minutes.txt").write_text("Not a plan: the files here are read only if they end in .json\n")
    made["other"] += 1
    return made
