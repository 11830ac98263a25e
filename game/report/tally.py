"""Adding up the plan facts of a whole folder, one plan at a time, into the report's tables.

``Tally`` keeps only running counts and, per service, its plans' dates and its latest plan's action
counts, never a plan itself. The same plan found twice (same plan id: the game's id, or the file's
contents when it has none) counts once: the first copy met, in folder order, is the one used.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from game.model.textrules import add_months
from game.report.read import PlanFacts, Skipped

ACTION_COLUMNS = ("agreed", "started", "not_yet", "done", "not_needed", "overdue")
LATE_BANDS = ((0, "report_band_in_date"), (1, "report_band_under_1"), (31, "report_band_1_3"),
              (92, "report_band_3_6"), (183, "report_band_over_6"))  # fmt: skip
"""Days past the review date (and its grace period) from which a service falls in each band."""


@dataclass
class ServiceTally:
    name: str
    dates: list = field(default_factory=list)
    latest: PlanFacts | None = None
    coproduced_due: dt.date | None = None  # review date of the latest co-produced plan

    def add(self, facts: PlanFacts) -> None:
        self.dates.append(facts.date)
        if self.latest is None or (facts.date, facts.finished) > (self.latest.date, self.latest.finished):
            # Only the latest plan's dates and actions are kept (where things stand now): the rest of its
            # facts are in the running counts already, and would make memory grow with every service.
            facts.views = facts.not_yet = facts.moves = facts.themes = facts.cards = None
            self.latest = facts
        if facts.co_produced and (self.coproduced_due is None or facts.due > self.coproduced_due):
            self.coproduced_due = facts.due


@dataclass
class Tally:
    today: dt.date
    grace_days: int = 14
    services: dict = field(default_factory=dict)  # service key -> ServiceTally
    seen: dict = field(default_factory=dict)  # plan id -> path of the copy counted
    skipped: list = field(default_factory=list)
    views: Counter = field(default_factory=Counter)
    not_yet: Counter = field(default_factory=Counter)
    moves: Counter = field(default_factory=Counter)
    themes: dict = field(default_factory=dict)
    cards: dict = field(default_factory=dict)
    plans: int = 0
    other_files: int = 0

    def add(self, item: PlanFacts | Skipped) -> None:
        if isinstance(item, Skipped):
            self.skipped.append(item)
            return
        first = self.seen.get(item.plan_id)
        if first is not None:
            self.skipped.append(Skipped(item.path, "again", "report_skip_again", {"first": first}))
            return
        self.seen[item.plan_id] = item.path
        self.plans += 1
        key = item.service.casefold()
        service = self.services.get(key)
        if service is None:
            service = self.services[key] = ServiceTally(item.service)
        self.views.update(item.views)
        self.not_yet.update(item.not_yet)
        self.moves.update(item.moves)
        for k, v in item.themes.items():
            self.themes.setdefault(k, v)
        for k, v in item.cards.items():
            self.cards.setdefault(k, v)
        service.add(item)  # last: it lets go of what the running counts above have taken

    # ----- what the report shows ----------------------------------------------------------------------
    def overdue_days(self, due: dt.date | None) -> int | None:
        """Days past the review date and its grace period; 0 or less is in date; None: never reviewed."""
        if due is None:
            return None
        return (self.today - (due + dt.timedelta(days=self.grace_days))).days

    def service_rows(self) -> list[dict]:
        year_ago = add_months(self.today, -12)
        rows = []
        for s in self.services.values():
            late = self.overdue_days(s.latest.due)
            rows.append(
                {
                    "service": s.name,
                    "latest": s.latest.date,
                    "due": s.latest.due,
                    "overdue": late > 0,
                    "days_late": max(late, 0),
                    "last_year": sum(1 for d in s.dates if year_ago < d <= self.today),
                    "in_date": s.coproduced_due is not None and self.overdue_days(s.coproduced_due) <= 0,
                    "actions": s.latest.actions,
                }
            )
        rows.sort(key=lambda r: (r["due"], r["service"].casefold()))
        return rows

    def headline(self) -> tuple[int, int]:
        """(services with a co-produced plan in date, all services)."""
        rows = self.service_rows()
        return sum(1 for r in rows if r["in_date"]), len(rows)

    def late_bands(self) -> list[tuple[str, int]]:
        counts = Counter()
        for s in self.services.values():
            late = self.overdue_days(s.latest.due)
            band = next(key for start, key in reversed(LATE_BANDS) if late >= start or start == 0)
            counts[band] += 1
        return [(key, counts[key]) for _start, key in LATE_BANDS]

    def reviews_spread(self) -> list[tuple[str, int]]:
        """How many services had 0, 1, 2, 3, 4 or more plans and reviews in the last 12 months."""
        counts = Counter(min(r["last_year"], 4) for r in self.service_rows())
        return [("4+" if n == 4 else str(n), counts[n]) for n in range(5)]

    def actions_by_theme(self) -> list[tuple[str, Counter]]:
        total: dict[str, Counter] = {}
        for s in self.services.values():
            for (theme, bucket), n in s.latest.actions.items():
                total.setdefault(theme, Counter())[bucket] += n
        order = list(self.themes)
        return sorted(total.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order))

    def not_yet_by_theme(self) -> list[tuple[str, int, int]]:
        """(theme id, views given, "Not yet" views), the largest share of "Not yet" first."""
        given: Counter = Counter()
        not_yet: Counter = Counter()
        for card, n in self.views.items():
            theme = self.cards.get(card, ("", ""))[0]
            given[theme] += n
            not_yet[theme] += self.not_yet[card]
        rows = [(t, given[t], not_yet[t]) for t in self.themes if given[t]]
        return sorted(rows, key=lambda r: -r[2] / r[1])

    def not_yet_by_card(self, top: int = 10) -> list[tuple[str, int, int]]:
        given, not_yet = self.views, self.not_yet
        ranked = sorted(given, key=lambda c: (-not_yet[c], -not_yet[c] / given[c], c))
        return [(c, given[c], not_yet[c]) for c in ranked[:top] if not_yet[c]]

    def moved(self, top: int = 10) -> list[tuple[str, int, int, int]]:
        """(card id, moved towards "This is real", moved away, no change), most moved towards first."""
        cards = {card for card, _ in self.moves}
        rows = [(c, self.moves[c, "up"], self.moves[c, "down"], self.moves[c, "same"]) for c in cards]
        rows.sort(key=lambda r: (-(r[1] - r[2]), -r[1], r[0]))
        return [r for r in rows if r[1]][:top]

    def moved_by_theme(self) -> list[tuple[str, int, int, int]]:
        """(theme id, moved towards "This is real", moved away, no change), in the order themes were met."""
        totals: dict[str, Counter] = {}
        for (card, way), n in self.moves.items():
            theme = self.cards.get(card, ("", ""))[0]
            totals.setdefault(theme, Counter())[way] += n
        order = [t for t in self.themes if t in totals] + [t for t in totals if t not in self.themes]
        return [(t, totals[t]["up"], totals[t]["down"], totals[t]["same"]) for t in order]
