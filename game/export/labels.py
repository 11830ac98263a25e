"""Turning plan codes into the words people read: statuses, when-choices, dates, who said what.

Everything here is chosen by the plan's language through ``game.words`` (export.yaml), so every
format words things the same way.
"""

from __future__ import annotations

import datetime as dt

from game.model.plan import Action, Plan
from game.model.textrules import add_months
from game.model.textrules import parse_date as model_parse_date
from game.words import Words


def parse_date(text: str | None) -> dt.date | None:
    """The date part of an ISO date or date-time, or None if it is not one."""
    return model_parse_date(text[:10]) if isinstance(text, str) else None


class Labels:
    """Words for one plan: resolves player ids to the labels chosen at set-up, and codes to words."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.words = Words(plan.language)
        self._names: dict[str, str] = {}
        anonymous = 0
        for p in plan.participants:
            label = p.label.strip()
            if not label:
                anonymous += 1
                label = self.words.get("export_anonymous_n", n=anonymous)
            self._names[p.id] = label

    def __call__(self, key: str, **params) -> str:
        return self.words.get(key, **params)

    def name(self, who: str | None) -> str | None:
        """A participant's label for an id; typed names come back as typed."""
        if who is None:
            return None
        return self._names.get(who, who)

    def date(self, text: str | None) -> str:
        """'2026-11-23' -> '23 November 2026'; anything else is shown as it is."""
        day = parse_date(text)
        if day is None:
            return text or ""
        return self.words.get(
            "export_date_format",
            day=day.day,
            month=self.words.get(f"export_month_{day.month}"),
            year=day.year,
        )

    def status(self, status: str | None) -> str:
        if not status:
            return self.words.get("export_status_none")
        key = f"export_status_{status}"
        return self.words.get(key) if self.words.has(key) else status

    def mode(self, mode: str) -> str:
        key = f"export_mode_{mode}"
        return self.words.get(key) if self.words.has(key) else mode

    def role(self, role: str) -> str:
        key = f"export_role_{role}"
        return self.words.get(key) if self.words.has(key) else role

    def who(self, action: Action) -> str:
        if action.who_kind == "staff":
            return self.words.get("export_who_staff")
        if action.who_kind == "everyone":
            return self.words.get("export_who_everyone")
        return self.name(action.who) or ""

    def when(self, action: Action) -> str:
        if action.when == "date":
            if action.due:
                return self.words.get("export_when_date", date=self.date(action.due))
            return self.words.get("export_when_unknown")
        key = f"export_when_{action.when}"
        return self.words.get(key) if self.words.has(key) else action.when

    def due(self, action: Action) -> str:
        """A concrete ISO date for trackers: the date agreed, or worked out from the plan's dates."""
        if action.due:
            return action.due
        start = parse_date(self.plan.date)
        if action.when == "next_review":
            return self.plan.next_review or ""
        if start is None:
            return ""
        if action.when == "next_week":
            return (start + dt.timedelta(days=7)).isoformat()
        if action.when == "next_month":
            return add_months(start, 1).isoformat()
        return ""
