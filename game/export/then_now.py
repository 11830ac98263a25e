"""What a review's documents tell apart: this session from what was carried over from the plan under
review, and each statement's views over time (its history, as a strip of the scale's symbols)."""

from __future__ import annotations

from game.export.clean import isolate
from game.export.labels import Labels
from game.export.view_parts import ORDER
from game.model.plan import CHANGED, Note, Plan, Statement, ThemeRecord

# A review opens with "You said, we did", right after the summary and before the first theme.
REVIEW_ORDER = (
    "details",
    "glance",
    "you_said_we_did",
    *(p for p in ORDER if p not in ("details", "glance", "you_said_we_did")),
)


def history(s: Statement, t: Labels) -> str:
    """Each person's views over time as a strip ("Ann: ✗ Not yet → ◐ Sometimes → ✔ This is real")."""
    steps = s.history()
    if len(steps) < 2:
        return ""
    people: dict[str, str] = {}
    for step in steps:
        for r in step.ratings:
            people.setdefault(r.player_id, isolate(r.player_label.strip() or t.name(r.player_id) or "") or "")
    strips = []
    for pid, name in people.items():
        said = []
        for step in steps:
            r = next((r for r in step.ratings if r.player_id == pid), None)
            said.append(f"{r.symbol} {r.label}".strip() if r and r.point_id else "–")
        strips.append(t("export_history_one", name=name, steps=" → ".join(said)))
    return t("export_then_now" if len(steps) == 2 else "export_over_time", views="; ".join(strips))


def what_changed(s: Statement, notes: list[Note], t: Labels) -> list[str]:
    """The notes on what has changed since last time said about this statement (in a review)."""
    out = []
    for n in notes:
        if n.section == CHANGED and n.statement == s.id and s.id:
            by = isolate(t.name(n.author)) if n.author else ""
            out.append(
                t("export_what_changed_by", text=n.text, name=by)
                if by
                else t("export_what_changed", text=n.text)
            )
    return out


def split(statements: list[Statement]) -> tuple[list[Statement], list[Statement]]:
    """This time's statements, and those carried over from the plan under review."""
    return [s for s in statements if not s.carried_over], [s for s in statements if s.carried_over]


def new_actions(th: ThemeRecord) -> list:
    return [a for a in th.actions if a.id.startswith("a")]  # carried ones keep their old id, "p..."


def now_(th: ThemeRecord) -> bool:
    """Talked about in this session (not just carried over)."""
    return bool(split(th.statements)[0] or new_actions(th) or any(not n.carried_over for n in th.notes))


def count(now: int, carried: int, t: Labels, review: bool) -> str:
    return (
        t("export_glance_count_review", now=now, carried=carried)
        if review and carried
        else str(now + carried)
    )


def glance(plan: Plan, in_play: list[ThemeRecord], t: Labels) -> list[str]:
    """ "At a glance" for a review: this time's themes, statements and actions, and what was carried over."""
    now = sum(len(split(th.statements)[0]) for th in plan.themes)
    carried = sum(len(split(th.statements)[1]) for th in plan.themes)
    new = sum(len(new_actions(th)) for th in plan.themes)
    return [
        t("export_glance_themes_review", covered=sum(1 for th in in_play if now_(th)), total=len(in_play)),
        t("export_glance_statements_review", count=now, carried=carried),
        t("export_glance_actions_review", count=new, carried=len(plan.all_actions()) - new),
    ]


def counts(th: ThemeRecord, t: Labels, review: bool) -> list[str]:
    """A theme's statements and actions for the "At a glance" table, this time's with the carried ones."""
    fresh, carried = split(th.statements)
    new = len(new_actions(th))
    return [count(len(fresh), len(carried), t, review), count(new, len(th.actions) - new, t, review)]
