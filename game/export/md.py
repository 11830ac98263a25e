"""The plan as Markdown, for wikis, shared drives and version control.

Every piece of text people typed is escaped, so a note like ``# Title`` or ``<script>`` or
``[click](http://x)`` shows as the characters typed and cannot change the document's structure.
"""

from __future__ import annotations

import re

from game.export.clean import isolate
from game.export.view import PlanView, ThemeView

# Characters that carry meaning anywhere in a line (emphasis, links, code, HTML, tables, math).
_INLINE = re.compile(r"([\\`*_\[\]<>|~&#$!])")
# Characters that carry meaning at the start of a line (lists, headings, quotes).
_LINE_START = re.compile(r"^([-+=>])")
_NUMBERED = re.compile(r"^(\d+)([.)])")


def escape(text: str | None) -> str:
    """User text as inert Markdown on one logical line; line breaks kept as hard breaks."""
    lines = []
    for line in (text or "").split("\n"):
        # Leading spaces would make an indented code block; blank lines would end a list item.
        line = line.strip()
        if not line:
            continue
        line = _INLINE.sub(r"\\\1", line)
        line = _LINE_START.sub(r"\\\1", line)
        line = _NUMBERED.sub(r"\1\\\2", line)
        lines.append(line)
    # A backslash at the end of a line is a hard break inside the same paragraph or list item.
    return "\\\n  ".join(lines)


def one_line(text: str | None) -> str:
    """User text for a heading, which must stay on one line."""
    return escape(" ".join((text or "").split()))


def cell(text: str | None) -> str:
    """User text for a table cell: escaped, and kept on one row."""
    return escape(text).replace("\\\n  ", "<br>")


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(cell(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    out += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return out + [""]


def render(view: PlanView) -> bytes:
    t = view.t
    out: list[str] = [f"# {one_line(view.heading)}", ""]
    if view.practice:
        out += [f"> **{escape(t('export_practice_banner'))}**", ""]
    if view.draft:
        out += [f"> **{escape(t('export_draft_banner'))}**", ""]
    for part in view.order:
        out += PARTS[part](view)
    out += [f"*{escape(t('export_made_with'))}*", ""]
    return "\n".join(out).encode("utf-8")


def _details(view: PlanView) -> list[str]:
    t = view.t
    out = [f"## {escape(t('export_details'))}", ""]
    out += [f"- **{escape(label)}:** {escape(value)}" for label, value in view.details] + [""]
    out += [f"### {escape(t('export_who_took_part'))}", ""]
    out += [f"- {escape(p)}" for p in view.participants or [t("export_nobody_listed")]] + [""]
    out += [f"### {escape(t('export_decks_used'))}", ""]
    return out + [f"- {escape(d)}" for d in view.decks or [t("export_no_decks")]] + [""]


def _glance(view: PlanView) -> list[str]:
    t = view.t
    out = [f"## {escape(t('export_at_a_glance'))}", ""]
    out += [f"- {escape(g)}" for g in view.glance] + [""]
    return out + _table(
        [t("export_theme_col"), t("export_glance_statements_col"), t("export_glance_actions_col"),
         t("export_progress")],
        view.glance_rows,
    )  # fmt: skip


def _action_plan(view: PlanView) -> list[str]:
    t = view.t
    out = [f"## {escape(t('export_action_plan'))}", ""]
    if not view.actions:
        return out + [escape(t("export_action_plan_none")), ""]
    headers = [t("export_action_what"), t("export_action_who"), t("export_action_when"),
               t("export_theme_col"), t("export_action_status")]  # fmt: skip
    rows = [[a.what, a.who, a.when, a.theme, a.status] for a in view.actions]
    if any(a.note for a in view.actions):
        headers.append(t("export_action_note"))
        rows = [r + [a.note] for r, a in zip(rows, view.actions, strict=True)]
    return out + [escape(t("export_action_plan_intro")), ""] + _table(headers, rows)


def _themes(view: PlanView) -> list[str]:
    return [line for theme in view.themes for line in _theme(theme, view)]


def _parked(view: PlanView) -> list[str]:
    t = view.t
    out = [f"## {escape(t('export_parked'))}", ""]
    if not view.parked:
        return out + [escape(t("export_parked_none")), ""]
    for p in view.parked:
        text = isolate(p.text) if p.extra else p.text
        out.append(f"- {escape(text)}" + (f" ({escape(p.extra)})" if p.extra else ""))
    return out + [""]


def _you_said_we_did(view: PlanView) -> list[str]:
    t = view.t
    out = [f"## {escape(t('export_you_said_we_did'))}", ""]
    if not view.you_said_we_did:
        return out + [escape(view.ysd_empty), ""]
    return (
        out
        + [escape(view.ysd_intro), ""]
        + _table(
            [t("export_ysd_said"), t("export_action_who"), t("export_ysd_did"), t("export_action_note")],
            [[y.what, y.who, y.status, y.note] for y in view.you_said_we_did],
        )
    )


def _next_review(view: PlanView) -> list[str]:
    return [f"## {escape(view.t('export_next_review'))}", "", escape(view.next_review), ""]


def _theme(theme: ThemeView, view: PlanView) -> list[str]:
    t = view.t
    out = [f"## {one_line(theme.title)}", ""]
    if not theme.covered:
        out += [f"**{escape(t('export_question'))}:** {escape(theme.question)}", ""]
        out += [f"*{escape(t('export_not_talked'))}*", ""]
        if not theme.in_play:
            out += [f"*{escape(t('export_not_in_play'))}*", ""]
        return out
    out += [f"### {escape(t('export_statements'))}", ""]
    if not theme.statements:
        out += [escape(t("export_no_statements")), ""]
    for s in theme.statements:
        out += [f"**{escape(s.text)}**" if s.text.strip() else "", ""]
        if s.meta:
            out += [f"*{escape(s.meta)}*", ""]
        if s.we:
            out += [escape(t("export_we_statement", we=s.we)), ""]
        if s.ratings:
            out += _table([t("export_who"), t("export_how_real")], [[r.who, r.text] for r in s.ratings])
            if s.differing:
                out += [f"*{escape(t('export_differing_views'))}*", ""]
        else:
            out += [escape(t("export_no_ratings")), ""]
    for section in theme.sections:
        label = f" · {escape(section.label)}" if section.label != section.heading else ""
        out += [f"### {one_line(section.heading)}{label}", ""]
        for n in section.notes:
            by = f" ({escape(n.extra)})" if n.extra else ""
            out.append(f"- {escape(isolate(n.text) if by else n.text)}{by}")
        if section.notes:
            out.append("")
        elif section.id != "together" or not theme.actions:
            out += [escape(t("export_nothing_noted")), ""]
        if section.id == "together" and theme.actions:
            out += [f"#### {escape(t('export_actions'))}", ""]
            out += [
                f"- {escape(isolate(a.what))} ({escape(f'{a.who}, {a.when}; {a.status}')})"
                for a in theme.actions
            ]
            out.append("")
    return out


def _learnt(view: PlanView) -> list[str]:
    t = view.t
    out = [f"## {escape(t('export_learnt'))}", "", escape(t("export_learnt_intro")), ""]
    for question, notes in view.learnt:
        out += [f"### {escape(question)}", ""] + [f"- {escape(n)}" for n in notes] + [""]
    return out


PARTS = {
    "details": _details,
    "glance": _glance,
    "actions": _action_plan,
    "themes": _themes,
    "parked": _parked,
    "you_said_we_did": _you_said_we_did,
    "next_review": _next_review,
    "learnt": _learnt,
}
