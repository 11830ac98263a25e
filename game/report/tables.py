"""The report as named tables of words and numbers: the one source for the HTML page (which draws a
chart beside each table that has one) and the spreadsheet (one sheet per table)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from game.report.tally import ACTION_COLUMNS, Tally
from game.words import Words

STATUS_WORDS = {"agreed": "status_agreed", "started": "status_started", "not_yet": "status_not_yet",
                "done": "status_done", "not_needed": "status_not_needed", "overdue": "report_col_overdue"}  # fmt: skip
SKIP_KINDS = ("foreign", "damaged", "newer", "unreadable", "practice", "again")


@dataclass
class Chart:
    """Bars for each row: labelled by column ``label``, one bar per column in ``values``."""

    label: int
    values: tuple[int, ...]
    percent: bool = False


@dataclass
class Table:
    id: str
    title: str
    intro: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    chart: Chart | None = None


def share(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def build_tables(tally: Tally, words: Words, extra: list[Table] | None = None) -> list[Table]:
    w = words.get
    services = tally.service_rows()
    in_date, total = tally.headline()
    theme_title = {**{"": w("report_no_theme")}, **tally.themes}
    overdue_coproduced = sum(1 for r in services if not r["in_date"] and r["overdue"])
    tables = [
        Table("headline", w("report_t_headline"), w("report_i_headline", n=in_date, total=total,
              share=f"{share(in_date, total):g}", grace=tally.grace_days),
              [w("report_col_what"), w("report_col_services"), w("report_col_share")],
              [[w("report_row_in_date"), in_date, share(in_date, total)],
               [w("report_row_overdue"), overdue_coproduced, share(overdue_coproduced, total)],
               [w("report_row_no_coproduced"), total - in_date - overdue_coproduced,
                share(total - in_date - overdue_coproduced, total)]],
              Chart(0, (1,))),
        Table("late", w("report_t_late"), w("report_i_late", grace=tally.grace_days),
              [w("report_col_how_late"), w("report_col_services")],
              [[w(key), n] for key, n in tally.late_bands()], Chart(0, (1,))),
        Table("reviews", w("report_t_reviews"), w("report_i_reviews"),
              [w("report_col_reviews_12"), w("report_col_services")],
              [[label, n] for label, n in tally.reviews_spread()], Chart(0, (1,))),
        Table("services", w("report_t_services"), w("report_i_services", grace=tally.grace_days,
              today=tally.today.isoformat()),
              [w("report_col_service"), w("report_col_latest"), w("report_col_due"), w("report_col_overdue"),
               w("report_col_days_late"), w("report_col_reviews_12"), w("report_col_in_date")],
              [[r["service"] or w("report_no_service"), r["latest"], r["due"], _yes(w, r["overdue"]),
                r["days_late"], r["last_year"], _yes(w, r["in_date"])] for r in services]),
    ]  # fmt: skip
    status_cols = [w(STATUS_WORDS[c]) for c in ACTION_COLUMNS]
    by_theme = tally.actions_by_theme()
    tables.append(
        Table("actions_theme", w("report_t_actions_theme"), w("report_i_actions"),
              [w("report_col_theme"), *status_cols],
              [[theme_title.get(t, t), *(c[k] for k in ACTION_COLUMNS)] for t, c in by_theme],
              Chart(0, tuple(range(1, len(ACTION_COLUMNS) + 1))))
    )  # fmt: skip
    tables.append(
        Table("actions_service", w("report_t_actions_service"), w("report_i_actions"),
              [w("report_col_service"), *status_cols],
              [[r["service"] or w("report_no_service"), *(_bucket(r["actions"], k) for k in ACTION_COLUMNS)]
               for r in services])
    )  # fmt: skip
    tables.append(
        Table("not_yet_theme", w("report_t_not_yet_theme"), w("report_i_not_yet"),
              [w("report_col_theme"), w("report_col_views"), w("report_col_not_yet"), w("report_col_share")],
              [[theme_title.get(t, t), given, n, share(n, given)] for t, given, n in tally.not_yet_by_theme()],
              Chart(0, (3,), percent=True))
    )  # fmt: skip
    tables.append(
        Table("not_yet_cards", w("report_t_not_yet_cards"), w("report_i_not_yet"),
              [w("report_col_statement"), w("report_col_theme"), w("report_col_views"), w("report_col_not_yet"),
               w("report_col_share")],
              [[*_card(tally, c, theme_title), given, n, share(n, given)] for c, given, n in tally.not_yet_by_card()],
              Chart(0, (3,)))
    )  # fmt: skip
    tables.append(
        Table("moved_theme", w("report_t_moved_theme"), w("report_i_moved"),
              [w("report_col_theme"), w("report_col_up"), w("report_col_down"), w("report_col_same")],
              [[theme_title.get(t, t), up, down, same] for t, up, down, same in tally.moved_by_theme()],
              Chart(0, (1, 2, 3)))
    )  # fmt: skip
    tables.append(
        Table("moved", w("report_t_moved"), w("report_i_moved"),
              [w("report_col_statement"), w("report_col_theme"), w("report_col_up"), w("report_col_down"),
               w("report_col_same")],
              [[*_card(tally, c, theme_title), up, down, same] for c, up, down, same in tally.moved()],
              Chart(0, (2, 3, 4)))
    )  # fmt: skip
    tables.extend(extra or [])
    tables.append(
        Table("skipped", w("report_t_skipped"), w("report_i_skipped", n=len(tally.skipped), other=tally.other_files),
              [w("report_col_file"), w("report_col_kind"), w("report_col_why")],
              [[s.path, w(f"report_kind_{s.kind}"), w(s.key, **s.params)]
               for s in sorted(tally.skipped, key=lambda s: (SKIP_KINDS.index(s.kind), s.path))])
    )  # fmt: skip
    return tables


def _yes(w, flag: bool) -> str:
    return w("report_yes") if flag else w("report_no")


def _bucket(counts, key: str) -> int:
    return sum(n for (_theme, bucket), n in counts.items() if bucket == key)


def _card(tally: Tally, card: str, theme_title: dict) -> list[str]:
    theme, text = tally.cards.get(card, ("", card))
    return [text, theme_title.get(theme, theme)]


def cell_text(value) -> str:
    """How a value shows in the page: dates as ISO dates, shares with a per cent sign."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}%"
    return str(value)
