"""Turning plan codes into the words people read: statuses, when-choices, dates, who said what.

Everything here is chosen by the plan's language through ``game.words`` (export.yaml), so every
format words things the same way.
"""

from __future__ import annotations

import datetime as dt

from game.model.plan import Action, Plan
from game.model.textrules import parse_date as model_parse_date
from game.model.textrules import when_to_due
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

    def who_picture(self, action: Action) -> tuple[str, str]:
        """The picture for who does an action, and its alt text: a player's token shape (as on the
        board), the staff team, or everyone."""
        if action.who_kind == "everyone":
            return "everyone", self.words.get("export_who_everyone")
        if action.who_kind == "player":
            # The engine records a player by their label; a plan made by hand may use the id.
            for p in self.plan.participants:
                if action.who in (p.id, p.label) and p.shape:
                    return p.shape, self.words.get("export_token_alt", name=self.name(p.id))
        return "people", self.who(action)

    def long_date(self, text: str | None) -> str:
        """'2027-03-02' -> 'Tuesday 2 March 2027', as Easy Read writes dates."""
        day = parse_date(text)
        if day is None:
            return text or ""
        return self.words.get(
            "export_long_date_format", weekday=self.words.get(f"export_weekday_{day.weekday()}"),
            date=self.date(text),
        )  # fmt: skip

    def when(self, action: Action, earlier: bool = False) -> str:
        """By when, as a real date wherever one can be worked out ("by 30 November 2026")."""
        due = self.due(action, earlier)
        if due:
            return self.words.get("export_when_date", date=self.date(due))
        if action.when == "date":
            return self.words.get("export_when_unknown")
        key = f"export_when_{action.when}"
        return self.words.get(key) if self.words.has(key) else action.when

    def due(self, action: Action, earlier: bool = False) -> str:
        """A concrete ISO date for trackers: the date agreed, or worked out from the plan's dates.

        ``earlier`` is for an action from the plan this one reviews: its "next week" counts from
        that plan's date, and its "next review" is this plan's date.
        """
        if action.due and parse_date(action.due):
            return action.due[:10]
        start, review = self.plan.date, self.plan.next_review
        if earlier and parse_date(self.plan.previous_date):
            start, review = self.plan.previous_date, self.plan.date
        if action.when == "next_review" and parse_date(review):
            return (review or "")[:10]
        return when_to_due(action.when, start or "", None) or ""
