"""Dates as people type and read them in the game: 25/12/2026 (also 25-12-2026, 25.12.2026 or the ISO
2026-12-25) typed in, and day/month/year shown."""

from __future__ import annotations

import datetime as dt


def parse_day(text: str) -> dt.date | None:
    """Dates as people write them here: 25/12/2026, 25-12-2026, 25.12.2026 or 2026-12-25."""
    t = (text or "").strip()
    for sep in "/-.":
        parts = t.split(sep)
        if len(parts) == 3 and all(p.strip().isdigit() for p in parts):
            a, b, c = (int(p) for p in parts)
            try:
                return (
                    dt.date(a, b, c)
                    if len(parts[0].strip()) == 4
                    else dt.date(c if c > 99 else 2000 + c, b, a)
                )
            except ValueError:
                return None
    return None


def review_title(w, title: str, review_of: dict | None) -> str:
    """A screen's title line in a review: "<title> · Review of <plan title>, <its date>"."""
    if not review_of:
        return title
    plan = review_of.get("title") or w("review_of_untitled")
    return w("review_title_line", title=title, plan=plan, date=show_day(review_of.get("date")))


def show_day(day: str | None) -> str:
    try:
        return dt.date.fromisoformat(day).strftime("%d/%m/%Y") if day else ""
    except ValueError:
        return day or ""
