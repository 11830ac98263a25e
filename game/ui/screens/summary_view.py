"""The summary, "Is this right?": everything the plan will say, a page at a time, with Change and
Remove beside each line, then "Yes, this is right". Back (undo) puts back anything removed by mistake."""

from __future__ import annotations

import pygame

from game.model import commands as C
from game.model.planbuild import who_words
from game.ui import sizes as S
from game.ui.card_widget import PictureWidget
from game.ui.days import parse_day, show_day
from game.ui.layout import cols, rows
from game.ui.look import hex_colour
from game.ui.widgets import Button, Chip, Label, Widget


def items(scr, section: str | None = None) -> list[dict]:
    """One dict per line of the summary for one section (a theme id, or "other"): words and the changes
    it offers. With no section, every line of the plan."""
    s, d, w = scr.state, scr.decks, scr.app.w
    out: list[dict] = []
    for th in d.themes:
        if th.id not in s.themes_in_play or section not in (None, th.id):
            continue
        sts = s.statements.get(th.id, [])
        notes = s.notes.get(th.id, [])
        acts = s.actions.get(th.id, [])
        if section is None:
            out.append({"kind": "theme", "text": th.title, "theme": th})
        if not (sts or notes or acts):
            out.append({"kind": "empty", "text": w("summary_nothing_yet")})
        # Each note under the statement it was said about (a carried statement discussed again hands
        # its notes to the new one); notes about the theme itself come after.
        gone = s.superseded() - {""}
        moved = {st.previously.statement: st.id for st in sts if st.previously and not st.carried_over}
        shown = [st for st in sts if st.id not in gone]
        ids = {st.id for st in shown if st.id}
        belongs = {n.id: moved.get(n.statement or "", n.statement) for n in notes}
        for st in shown:
            views = "; ".join(
                f"{s.name(r.player_label)}: {(r.symbol + ' ' + r.label) if r.point_id else w('chose_not_to_say')}"
                for r in st.ratings
            )
            text = w("summary_statement", text=st.text, views=views or w("summary_no_views"))
            if st.carried_over:
                text = w("summary_carried", text=text)
            if len(st.history()) > 1:  # a statement looked at before: its views over time
                text = w("summary_history", text=text, strips=history_strip(st, s.name))
            out.append(
                {
                    "kind": "statement",
                    "text": text,
                    "card": st.card_id,
                    "statement": st.id or None,
                    "carried": st.carried_over,
                }
            )
            out.extend(_note_item(w, n, s) for n in notes if st.id and belongs[n.id] == st.id)
        out.extend(_note_item(w, n, s) for n in notes if belongs[n.id] not in ids)
        for a in acts:
            due = show_day(a.due) if a.due else w(f"when_{a.when}")
            out.append(
                {
                    "kind": "action",
                    "text": w("summary_action", what=a.what, who=who_words(a, scr.app.words), due=due),
                    "action": a,
                }
            )
    if section in (None, "other"):
        for i, p in enumerate(s.all_parked):
            out.append({"kind": "parked", "text": w("summary_parked", text=p.text), "index": i})
        out.append({"kind": "review", "text": w("summary_next_review", date=show_day(s.next_review))})
    return out


def history_strip(st, name) -> str:
    """Each person's views over time in the scale's symbols: "Ann ○ → ◐ → ✔"."""
    steps = st.history()
    people: dict[str, str] = {}
    for step in steps:
        for r in step.ratings:
            people.setdefault(r.player_id, name(r.player_label))
    strips = []
    for pid, shown in people.items():
        said = [
            next((r.symbol for r in step.ratings if r.player_id == pid and r.point_id), "–") for step in steps
        ]
        strips.append(f"{shown} {' → '.join(said)}")
    return "; ".join(strips)


def _note_item(w, n, s) -> dict:
    by = f" ({s.name(n.author)})" if n.author else ""
    return {"kind": "note", "text": w(f"section_{n.section}") + ": " + n.text + by, "note": n}


def build(scr, rect) -> list[Widget]:
    m, w, s = scr.app.ctx.m, scr.app.w, scr.state
    out: list[Widget] = []
    themes = [th for th in scr.decks.themes if th.id in s.themes_in_play]
    sections = [th.id for th in themes] + ["other"]
    if scr.view.section not in sections:
        scr.view.section = sections[0]
    left, right = cols(rect, [m.px(S.SIDE_PANEL), 1.0], m.gap * 2)
    n = len(sections)
    btn_h = min(m.px(S.LIST_ROW), (left.height - m.gap * (n - 1)) // n)
    for i, sec in enumerate(sections):
        r = pygame.Rect(left.left, left.top + i * (btn_h + m.gap), left.width, btn_h)
        if sec == "other":
            count = len(s.all_parked) + 1
            out.append(
                Chip(
                    r,
                    w("summary_other", n=count),
                    "section:other",
                    lambda: _section(scr, "other"),
                    selected=scr.view.section == "other",
                    icon="park",
                )
            )
        else:
            th = next(t for t in themes if t.id == sec)
            count = len(items(scr, sec)) - (0 if _has_content(scr, sec) else 1)
            words = th.title + f" ({count})"
            out.append(
                Chip(
                    r,
                    words,
                    f"section:{sec}",
                    lambda sec=sec: _section(scr, sec),
                    selected=scr.view.section == sec,
                    icon=th.icon,
                    fill=hex_colour(th.colour),
                )
            )
    area, nav = rows(right, [1.0, m.px(S.BUTTON_ROW)], m.gap)
    row_h = m.px(S.LIST_ROW)
    per_page = max(1, (area.height + m.gap) // (row_h + m.gap))
    all_items = items(scr, scr.view.section)
    pages = max(1, -(-len(all_items) // per_page))
    scr.view.page = max(0, min(scr.view.page, pages - 1))
    shown = all_items[scr.view.page * per_page : (scr.view.page + 1) * per_page]
    for i, it in enumerate(shown):
        r = pygame.Rect(area.left, area.top + i * (row_h + m.gap), area.width, row_h)
        k = scr.view.page * per_page + i
        change, remove = _actions(scr, it)
        if not (change or remove):
            out.append(Label(r, it["text"], "body", style="panel", key=f"row:{k}"))
            continue
        text_r, b1, b2 = cols(r, [1.0, m.px(S.ROW_BUTTON), m.px(S.ROW_BUTTON)], m.gap)
        if it["kind"] == "statement":  # the card's picture beside its words, for those who cannot read
            pic_r, text_r = cols(text_r, [row_h * 3 // 2, 1.0], m.gap)
            card = scr.decks.card(it["card"]) if scr.decks.has_card(it["card"]) else None
            icon = scr.decks.theme(card.theme).icon if card and scr.decks.has_theme(card.theme) else ""
            out.append(PictureWidget(pic_r, scr.decks.card_image(it["card"]), f"picture:{k}", icon))
        out.append(Label(text_r, it["text"], "body", style="panel", key=f"row:{k}"))
        if change:
            out.append(Button(b1, w("btn_change"), f"change:{k}", change, size="small"))
        if remove:
            out.append(Button(b2, w("btn_remove"), f"remove:{k}", remove, size="small"))
    a, b, c, d = cols(nav, [0.2, 0.2, 0.2, 0.4], m.gap)
    out.append(Button(a, w("btn_earlier"), "page_prev", lambda: _page(scr, -1), enabled=scr.view.page > 0))
    out.append(Label(b, w("page_of", n=scr.view.page + 1, of=pages), "small", align="center", key="page"))
    out.append(
        Button(c, w("btn_more_rows"), "page_next", lambda: _page(scr, 1), enabled=scr.view.page < pages - 1)
    )
    out.append(
        Button(
            d, w("btn_confirm"), "confirm", lambda: scr.apply(C.ConfirmPlan()), icon="check", style="primary"
        )
    )
    return out


def _has_content(scr, theme_id) -> bool:
    s = scr.state
    return bool(s.statements.get(theme_id) or s.notes.get(theme_id) or s.actions.get(theme_id))


def _section(scr, sec):
    scr.view.section, scr.view.page = sec, 0


def _page(scr, d):
    scr.view.page += d


def _actions(scr, it):
    kind = it["kind"]
    if kind == "note":
        n = it["note"]
        return (
            lambda: _edit_text(
                scr,
                scr.app.w("edit_note_title"),
                n.text,
                lambda t: scr.apply(C.EditNote(note=n.id, text=t)),
            ),
            lambda: scr.apply(C.RemoveNote(note=n.id)),
        )
    if kind == "action":
        a = it["action"]
        return (lambda: _edit_action(scr, a), lambda: scr.apply(C.RemoveAction(action=a.id)))
    if kind == "statement":
        return (
            None if it["carried"] else (lambda: _change_rating(scr, it["card"], it["statement"])),
            lambda: scr.apply(C.RemoveStatement(card=it["card"], statement=it["statement"])),
        )
    if kind == "parked":
        return None, lambda: scr.apply(C.RemoveParked(index=it["index"]))
    if kind == "review":
        return (lambda: _edit_review(scr), None)
    return None, None


def _edit_text(scr, title, text, apply):
    from game.ui.screens.dialogs import TextDialog

    def save(t):
        if not t.strip():
            return scr.app.w("dialog_empty")  # this box has Cancel, not Pass
        ok = apply(t)
        scr.needs_build = True
        return None if ok else scr.message

    scr.app.push(TextDialog(scr.app, title, scr.app.w("edit_question"), text, save))


def _edit_review(scr):
    from game.ui.screens.dialogs import TextDialog

    def save(t):
        day = parse_day(t)
        if day is None:
            return scr.app.w("action_bad_date")
        ok = scr.apply(C.SetNextReview(date=day.isoformat()))
        scr.needs_build = True
        return None if ok else scr.message

    scr.app.push(
        TextDialog(
            scr.app,
            scr.app.w("edit_review_title"),
            scr.app.w("date_hint"),
            show_day(scr.state.next_review),
            save,
        )
    )


def _change_rating(scr, card_id, statement_id):
    from game.ui.screens.dialogs import ChoiceDialog

    w = scr.app.w
    players = [(p.id, p.label, None) for p in scr.state.players if p.role != "facilitator"]

    def chose_player(pid):
        points = [(sp.id, f"{sp.symbol}  {sp.label}", sp.icon) for sp in scr.decks.scale] + [
            ("none", w("chose_not_to_say"), "pass")
        ]

        def chose_point(pt):
            ok = scr.apply(
                C.SetRating(
                    card=card_id, statement=statement_id, player=pid, point=None if pt == "none" else pt
                )
            )
            scr.needs_build = True
            return None if ok else scr.message

        scr.app.pop()
        scr.app.push(
            ChoiceDialog(
                scr.app,
                w("change_rating_title"),
                w("change_rating_point", name=scr.player_label(pid)),
                points,
                chose_point,
            )
        )
        return None

    # chose_player pops itself and pushes the next question, so the dialog must not pop again.
    dlg = ChoiceDialog(scr.app, w("change_rating_title"), w("change_rating_who"), players, chose_player)
    dlg._pick = lambda value: lambda: chose_player(value)
    scr.app.push(dlg)


def _edit_action(scr, a):
    """Change an action: its words, who, by when, or how it is going. One question at a time."""
    from game.ui.screens.dialogs import ChoiceDialog, TextDialog

    w, app = scr.app.w, scr.app

    def apply(**changes):
        ok = scr.apply(C.EditAction(action=a.id, **changes))
        scr.needs_build = True
        return None if ok else scr.message

    def then(dialog):
        app.pop()
        app.push(dialog)

    def pick(part):
        if part == "what":
            then(TextDialog(app, w("edit_action_title"), w("edit_question"), a.what, lambda t: apply(what=t)))
        elif part == "who":
            opts = [(f"player:{p.id}", p.label, None) for p in scr.state.players] + [
                ("staff:staff", w("who_staff_btn"), None),
                ("everyone:everyone", w("who_everyone_btn"), None),
                ("typed:", w("who_typed_btn"), None),
            ]

            def chose(v):
                kind, _, val = v.partition(":")
                if kind == "typed":
                    then(
                        TextDialog(
                            app,
                            w("edit_action_title"),
                            w("who_typed_hint"),
                            "",
                            lambda t: apply(who=t, who_kind="typed") if t.strip() else w("dialog_empty"),
                        )
                    )
                    return None
                return apply(who=val, who_kind=kind)

            then(_chooser(app, w("action_who"), opts, chose))
        elif part == "when":
            opts = [(k, w(f"when_{k}"), None) for k in ("next_week", "next_month", "next_review", "date")]

            def chose(v):
                if v == "date":

                    def save(t):
                        day = parse_day(t)
                        return (
                            w("action_bad_date") if day is None else apply(when="date", due=day.isoformat())
                        )

                    then(TextDialog(app, w("edit_action_title"), w("date_hint"), show_day(a.due), save))
                    return None
                return apply(when=v)

            then(_chooser(app, w("action_when"), opts, chose))
        else:
            opts = [
                (k, w(f"status_{k}"), None) for k in ("agreed", "done", "started", "not_yet", "not_needed")
            ]
            then(_chooser(app, w("edit_status"), opts, lambda v: apply(status=v), a.status))

    parts = [
        ("what", w("edit_part_what"), "note"),
        ("who", w("edit_part_who"), "people"),
        ("when", w("edit_part_when"), "timer"),
        ("status", w("edit_part_status"), "check"),
    ]
    dlg = ChoiceDialog(app, w("edit_action_title"), a.what, parts, lambda v: None)
    dlg._pick = lambda value: lambda: pick(value)
    app.push(dlg)


def _chooser(app, question, opts, on_choose, selected=None):
    """A ChoiceDialog whose answer may open a further question (then it must not close itself)."""
    from game.ui.screens.dialogs import ChoiceDialog

    dlg = ChoiceDialog(app, app.w("edit_action_title"), question, opts, on_choose, selected)

    def pick(value):
        def go():
            before = app.top
            problem = on_choose(value)
            if problem:
                dlg.message = problem
                dlg.needs_build = True
            elif app.top is before:
                app.pop()

        return go

    dlg._pick = pick
    return dlg
