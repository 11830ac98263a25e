"""The plan laid out as a document, once, for every format to draw: Word, HTML, Markdown, Easy Read.

``build_view(plan)`` resolves everything a reader needs — labels chosen at set-up, rating words and
symbols, statuses, dates, which themes were not talked about — into plain strings, so each format
only decides how things look, and all formats say the same thing.
"""

from __future__ import annotations

from game.export import then_now
from game.export.clean import isolate
from game.export.labels import Labels
from game.export.view_parts import (  # noqa: F401 - the formats import these from here
    ORDER,
    ActionView,
    LookBackView,
    NoteView,
    ParkedView,
    PlanView,
    RatingView,
    SectionView,
    StatementView,
    ThemeView,
)
from game.model.deck import SECTIONS
from game.model.plan import CHANGED, Action, Note, Plan, Rating, Statement, ThemeRecord


def build_view(plan: Plan) -> PlanView:
    t = Labels(plan)
    # The engine records who chose a card by their label; a plan built by hand may use the id.
    person_ids = {k for p in plan.participants if p.role == "person" for k in (p.id, p.label) if k}
    titles = {th.id: th.title for th in plan.themes}
    themes = [_theme(th, t, person_ids) for th in plan.themes]
    whose = plan.title.strip() or _whose(plan, t)
    details = [
        (t("export_service"), plan.service.strip() or t("export_not_set")),
        (t("export_date"), t.date(plan.date) or t("export_not_set")),
        (t("export_mode"), t.mode(plan.mode)),
        (t("export_written_by"), plan.written_by.strip() or t("export_not_set")),
        (
            t("export_checked_label"),
            t("export_checked_on", date=t.date(plan.checked_on))
            if plan.checked_on
            else t("export_checked_not_yet"),
        ),
    ]
    if plan.previous_date:
        details.append((t("export_previous_date"), t.date(plan.previous_date)))
    if not plan.practice:  # practice is never reviewed: no "Next review" anywhere in its files
        details.append((t("export_next_review"), t.date(plan.next_review) or t("export_not_set")))

    in_play = [th for th in plan.themes if th.in_play]
    review = bool(plan.previous_date or plan.review_of)
    glance = then_now.glance(plan, in_play, t) if review else [
        t("export_glance_themes", covered=sum(1 for th in in_play if th.covered), total=len(in_play)),
        t("export_glance_statements", count=sum(len(th.statements) for th in plan.themes)),
        t("export_glance_actions", count=len(plan.all_actions())),
    ]  # fmt: skip
    if plan.won_together:
        glance.append(t("export_won_together"))
    glance_rows = [[th.title, *then_now.counts(th, t, review), _progress(th, t)] for th in plan.themes]

    return PlanView(
        t=t,
        language=plan.language or "en-GB",
        title=t("export_plan_title", whose=whose) if whose else t("export_default_title"),
        heading=t("export_plan_title", whose=isolate(whose)) if whose else t("export_default_title"),
        whose=whose,
        service=plan.service.strip(),
        plan_date=plan.date or "",
        previous_plan_date=plan.previous_date or "",
        written_by=plan.written_by.strip(),
        checked_on=plan.checked_on or "",
        practice=plan.practice,
        draft=not plan.finished,
        person_led=bool(person_ids) or plan.mode == "one-to-one",
        details=details,
        participants=[_participant_line(p, t) for p in plan.participants],
        people=[(p.shape or "people", _participant_line(p, t)) for p in plan.participants],
        decks=[t("export_deck_line", title=d.title or d.id, id=d.id, version=d.version) for d in plan.decks],
        glance=glance,
        glance_rows=glance_rows,
        themes=themes,
        actions=[a for th in themes for a in th.actions],
        parked=[_parked(p, titles, t) for p in plan.parked],
        you_said_we_did=[
            LookBackView(
                what=y.action.what,
                who=t.who(y.action),
                status=t.status(y.status)
                + (f" · {t('export_ysd_now_due', date=t.date(y.new_due))}" if y.new_due else ""),
                note=y.note,
                by=isolate(t.name(y.by)),
                theme=titles.get(y.action.theme or "", y.action.theme or ""),
                when=t.when(y.action, earlier=True),
                due=t.due(y.action, earlier=True),
                status_id=y.status or "",
            )
            for y in plan.you_said_we_did
        ],
        ysd_empty=t("export_ysd_none") if plan.previous_date else t("export_ysd_none_first"),
        next_review=""
        if plan.practice
        else (
            t("export_review_intro", date=t.date(plan.next_review))
            if plan.next_review
            else t("export_review_none")
        ),
        next_review_easy=""
        if plan.practice
        else (
            t("export_easy_next", date=t.long_date(plan.next_review))
            if plan.next_review
            else t("export_easy_next_none")
        ),
        order=_order(plan),
        learnt=_learnt(plan),
        date=t.date(plan.date),
        ysd_intro=t("export_ysd_intro") if plan.previous_date else t("export_ysd_intro_earlier"),
        ysd_easy_heading=t("export_easy_ysd") if plan.previous_date else t("export_easy_ysd_earlier"),
    )


def _order(plan: Plan) -> tuple[str, ...]:
    if not plan.practice:
        # A review opens with "You said, we did", right after the summary.
        return then_now.REVIEW_ORDER if (plan.previous_date or plan.review_of) else ORDER
    return tuple(p for p in ORDER if p != "next_review") + (("learnt",) if plan.learnt else ())


def _learnt(plan: Plan) -> list[tuple[str, list[str]]]:
    """The debrief's notes under their questions, in the order the questions were asked."""
    out: dict[str, list[str]] = {}
    for x in plan.learnt:
        out.setdefault(x.question, []).append(x.text)
    return list(out.items())


def _whose(plan: Plan, t: Labels) -> str:
    """Whose plan this is when it has no title: the person's (one-to-one), else the people present."""
    names = [isolate(t.name(p.id)) or "" for p in plan.participants]
    person = [isolate(t.name(p.id)) or "" for p in plan.participants if p.role == "person"]
    if person and plan.mode == "one-to-one":
        names = person
    names = [n for n in names if n.strip()]
    if not names:
        return ""
    if len(names) > 4:
        return t("export_list_more", names=", ".join(names[:3]), count=len(names) - 3)
    if len(names) == 1:
        return names[0]
    return t("export_list_and", names=", ".join(names[:-1]), last=names[-1])


def persona_name(persona: str) -> str:
    """The plan keeps a persona's id ("persona-ann"); show it as a name ("Ann"). A name is kept as is."""
    if persona.startswith("persona-"):
        return " ".join(w.capitalize() for w in persona.removeprefix("persona-").split("-") if w) or persona
    return persona


def _participant_line(p, t: Labels) -> str:
    line = isolate(t.name(p.id)) or ""
    extras = []
    if p.shown_as == "anonymous" and (p.label or "").strip().lower() != t("export_shown_anonymous").lower():
        # An anonymous player is named by their token ("Circle"); say it is not their name.
        extras.append(t("export_shown_anonymous"))
    if p.role != "player":
        extras.append(t.role(p.role))
    if p.persona and persona_name(p.persona) != p.label:  # a practice plan already names the persona
        extras.append(t("export_playing_as", persona=persona_name(p.persona)))
    return f"{line} ({'; '.join(extras)})" if extras else line


def _rating(r: Rating, t: Labels, person_ids: set[str]) -> RatingView:
    who = isolate(r.player_label.strip() or t.name(r.player_id) or "")
    if r.point_id is None:
        return RatingView(who, "–", t("export_chose_not_to_say"), True, r.player_id in person_ids)
    return RatingView(
        who, r.symbol, r.label or r.point_id, False, r.player_id in person_ids, r.point_id, r.easy_read
    )


def _statement(s: Statement, t: Labels, person_ids: set[str], notes: list[Note] = ()) -> StatementView:
    ratings = [_rating(r, t, person_ids) for r in s.ratings]
    views = {r.point_id for r in s.ratings if r.point_id is not None}
    meta = []
    if s.carried_over:
        meta.append(t("export_carried_over"))
    if s.everyone:
        meta.append(t("export_everyone_card"))
    elif s.chosen_by:
        meta.append(t("export_chosen_by", name=isolate(t.name(s.chosen_by))))
    history = then_now.history(s, t)
    if history:
        meta.append(history)
    changed = then_now.what_changed(s, notes, t)
    meta += changed  # beside its then -> now
    return StatementView(
        meta=" · ".join(meta),
        text=s.text,
        easy_text=s.easy_read or s.text,
        we=s.we,
        chosen_by=isolate(t.name(s.chosen_by)),
        by_person=s.chosen_by in person_ids,
        everyone=s.everyone,
        carried_over=s.carried_over,
        ratings=ratings,
        differing=len(views) > 1,
        image=s.image,
        changed=changed,
    )


def _theme(th: ThemeRecord, t: Labels, person_ids: set[str]) -> ThemeView:
    easy = {"do": "export_easy_good", "dont": "export_easy_not_yet", "together": "export_easy_together"}
    # With more than one statement in a theme, each note says which one it was said about.
    about = {s.id: s.text for s in th.statements if s.id} if len(th.statements) > 1 else {}
    # The template asks the theme's own question first, then its two follow-ups.
    questions = {
        "do": th.question,
        "dont": t("export_question_dont"),
        "together": t("export_question_together"),
    }
    return ThemeView(
        id=th.id,
        title=th.title,
        question=th.question,
        colour=th.colour,
        icon=th.icon,
        in_play=th.in_play,
        covered=th.covered,
        easy_title=th.easy_read,
        statements=[_statement(s, t, person_ids, th.notes) for s in th.statements],
        sections=[
            SectionView(
                id=sec,
                heading=questions[sec] or t(f"export_section_{sec}"),
                label=t(f"export_section_{sec}"),
                easy_heading=t(easy[sec]),
                notes=[_note(n, t, about) for n in _notes_in(th, sec)],
            )
            for sec in SECTIONS
        ],
        actions=[_action(a, th, t) for a in th.actions],
    )


def _action(a: Action, th: ThemeRecord, t: Labels) -> ActionView:
    icon, alt = t.who_picture(a)
    return ActionView(
        what=a.what,
        who=t.who(a),
        when=t.when(a),
        due=t.due(a),
        status=t.status(a.status),
        note=a.note,
        theme=th.title,
        status_id=a.status or "",
        who_icon=icon,
        who_alt=alt,
        long_when=t.long_date(t.due(a)) if t.due(a) else t.when(a),
        easy_who=t(f"export_easy_who_{a.who_kind}") if a.who_kind in ("staff", "everyone") else t.who(a),
    )


def _notes_in(th: ThemeRecord, section: str) -> list:
    # A note with a section this version does not know still appears, under the last heading.
    if section == SECTIONS[-1]:
        # ("What changed" is shown with its statement instead.)
        return [n for n in th.notes if n.section == section or n.section not in (*SECTIONS, CHANGED)]
    return th.notes_in(section)


def _note(n: Note, t: Labels, about: dict[str, str]) -> NoteView:
    by = isolate(t.name(n.author))
    extra = [t("export_said_by", name=by)] if by else []
    text = about.get(n.statement or "")
    short = isolate(text if len(text) <= 60 else text[:59] + "…") if text else ""
    if short:
        extra.append(t("export_note_about", text=short))
    if getattr(n, "carried_over", False):
        extra.append(t("export_carried_over"))
    return NoteView(n.text, by, "; ".join(extra), short)


def _progress(th: ThemeRecord, t: Labels) -> str:
    """How far the group got with a theme, as on the plan wheel."""
    if not th.in_play:
        return t("export_progress_not_chosen")
    if th.complete:
        return t("export_progress_complete")
    if th.covered and len(then_now.new_actions(th)) < len(th.actions):
        return t("export_progress_carried_action")
    if th.covered:
        return t("export_progress_started")
    return t("export_progress_not_yet")


def _parked(p, titles: dict[str, str], t: Labels) -> ParkedView:
    theme = titles.get(p.theme, p.theme) if p.theme else None
    by = isolate(t.name(p.by))
    extra = [
        x
        for x in (theme and t("export_parked_theme", theme=theme), by and t("export_parked_by", name=by))
        if x
    ]
    return ParkedView(p.text, theme, by, "; ".join(extra))
