"""What Change and Remove do on a line of the summary: a note's or an action's words, a rating, the
review's details, each in a small dialog; Remove takes the line away (Back puts it back)."""

from __future__ import annotations

from game.model import commands as C
from game.model.plan import ACTION_STATUSES, STATUS_ICONS
from game.ui.days import parse_day, show_day


def actions(scr, it):
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
            opts = [(k, w(f"status_{k}"), STATUS_ICONS[k]) for k in ACTION_STATUSES]
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
