"""The steps of a turn, each a function that lays out its widgets: pick a card, say how real it is
(alone, or everyone at once with answers hidden until all have chosen), talk it through one question
at a time, agree an action, celebrate, and look back on what was agreed before."""

from __future__ import annotations

import pygame

from game.ui.layout import cols, grid, rows
from game.ui.look import hex_colour
from game.ui.screens.setup import parse_day, show_day
from game.ui.shapes import draw_token
from game.ui.widgets import Button, CardWidget, Chip, Label, Widget


def _card(scr, rect, card_id, key="card", action=None, selected=False) -> CardWidget:
    c = scr.decks.card(card_id)
    th = scr.decks.theme(c.theme)
    return CardWidget(rect, c.text, key, action, th.title, hex_colour(th.colour), th.icon, selected=selected)


def _facilitator(scr, step: str) -> str:
    if scr.state.setup.get("mode") != "workshop":
        return ""
    return scr.decks.facilitator_notes.get(step, "")


def _with_trainer_note(scr, rect, step: str, out: list) -> pygame.Rect:
    """In workshops, a strip above the step: who this player is playing as, and buttons that open the
    persona and the trainer's notes in full."""
    m, w = scr.app.ctx.m, scr.app.w
    note = _facilitator(scr, step)
    persona = _persona(scr)
    if not (note or persona):
        return rect
    strip, rest = rows(rect, [m.px(96), 1.0], m.gap)
    parts = cols(strip, [1.0, m.px(330), m.px(330)], m.gap)
    who = w("persona_short", name=persona.name) if persona else w("trainer_strip")
    out.append(Label(parts[0], who, "body", style="panel", key="persona_line"))
    if persona:
        out.append(
            Button(
                parts[1],
                w("btn_about", name=persona.name),
                "about_persona",
                lambda: _info(scr, w("persona_title", name=persona.name), persona.summary),
                icon="people",
                size="small",
            )
        )
    if note:
        out.append(
            Button(
                parts[2],
                w("btn_trainer_notes"),
                "trainer_notes",
                lambda: _info(scr, w("trainer_title"), note),
                icon="note",
                size="small",
            )
        )
    return rest


def _persona(scr):
    if scr.state.setup.get("mode") != "workshop":
        return None
    pid = scr.acting()
    try:
        p = scr.state.player(pid) if pid else None
        return scr.decks.persona(p.persona) if p and p.persona else None
    except KeyError:
        return None


def _info(scr, title, text):
    from game.ui.screens.dialogs import InfoDialog

    scr.app.push(InfoDialog(scr.app, title, text))


# ----- pick a card -----------------------------------------------------------------------------------
def view_pick(scr, rect) -> list[Widget]:
    m, w, t = scr.app.ctx.m, scr.app.w, scr.turn
    out: list[Widget] = []
    rect = _with_trainer_note(scr, rect, "pick", out)
    info, cards_r, more_r = rows(rect, [m.px(60), 1.0, m.px(100)], m.gap)
    th = scr.decks.theme(t.theme)
    line = w("pick_help_everyone" if t.everyone else "pick_help", theme=th.title)
    if t.repeats:
        line += " " + w("pick_repeats")
    out.append(Label(info, line, "body", key="pick_help"))
    for cid, r in zip(t.dealt, cols(cards_r, [1] * len(t.dealt), m.gap * 2), strict=True):
        out.append(_card(scr, r, cid, f"card:{cid}", lambda c=cid: scr.cmd("pick_card", card=c)))
    a, _ = cols(more_r, [0.4, 0.6], m.gap)
    out.append(
        Button(
            a,
            w("btn_other_cards"),
            "more_cards",
            lambda: scr.cmd("more_cards", include_discussed=True),
            icon="cards",
        )
    )
    return out


# ----- how real is it? -------------------------------------------------------------------------------
def _scale(scr, rect, player_id, out, prefix="point"):
    m = scr.app.ctx.m
    pts = scr.decks.scale
    t = scr.turn
    # On an "everyone" turn answers stay hidden, so nothing is shown as chosen until the reveal.
    chosen = t.ratings.get(player_id, "-") if scr.phase == "rate" else "-"
    for sp, r in zip(pts, rows(rect, [1] * len(pts), m.gap), strict=True):
        chip = Chip(
            r,
            sp.label,
            f"{prefix}:{sp.id}",
            lambda p=sp.id: scr.cmd("rate", player=player_id, point=p),
            selected=chosen == sp.id,
            icon=sp.icon,
        )
        chip.size = "heading"
        out.append(chip)


def view_rate(scr, rect) -> list[Widget]:
    m, w, s, t = scr.app.ctx.m, scr.app.w, scr.state, scr.turn
    out: list[Widget] = []
    rect = _with_trainer_note(scr, rect, "rate", out)
    left, right = cols(rect, [0.42, 0.58], m.gap * 2)
    out.append(_card(scr, left, t.card))
    rater = scr.rater or t.player
    raters = [p for p in s.players if p.role != "facilitator"]
    per_row = min(len(raters), 4)
    chip_rows = -(-len(raters) // per_row)
    who_h = chip_rows * m.px(88) + (chip_rows - 1) * (m.gap // 2)
    q, scale_r, who_l, who_r, nxt = rows(right, [m.px(80), 1.0, m.px(50), who_h, m.px(100)], m.gap)
    out.append(
        Label(q, w("rate_question", name=scr.player_label(rater)), "heading", bold=True, key="rate_question")
    )
    _scale(scr, scale_r, rater, out)
    out.append(Label(who_l, w("rate_others"), "small", key="rate_others"))
    for p, r in zip(raters, grid(who_r, len(raters), per_row, m.gap // 2, m.px(88)), strict=True):
        said = t.ratings.get(p.id, "-")
        mark = "" if said == "-" else (" " + (scr.decks.scale_point(said).symbol if said else "–"))
        out.append(
            Chip(
                r,
                p.label + mark,
                f"rater:{p.id}",
                lambda pid=p.id: setattr(scr, "rater", pid),
                selected=p.id == rater,
            )
        )
    out.append(Button(nxt, w("btn_next_talk"), "next", lambda: scr.cmd("next"), icon="play", style="primary"))
    return out


def view_rate_all(scr, rect) -> list[Widget]:
    m, w, s, t = scr.app.ctx.m, scr.app.w, scr.state, scr.turn
    out: list[Widget] = []
    rect = _with_trainer_note(scr, rect, "everyone", out)
    left, right = cols(rect, [0.42, 0.58], m.gap * 2)
    out.append(_card(scr, left, t.card))
    who = scr.acting()
    raters = [p for p in s.players if p.role != "facilitator"]
    per_row = min(len(raters), 4)
    status_rows = -(-len(raters) // per_row)
    status_h = status_rows * m.px(88) + (status_rows - 1) * (m.gap // 2)
    q, scale_r, status = rows(right, [m.px(110), 1.0, status_h], m.gap)
    out.append(
        Label(q, w("rate_all_question", name=scr.player_label(who)), "body", bold=True, key="rate_question")
    )
    _scale(scr, scale_r, who, out)
    for p, r in zip(raters, grid(status, len(raters), per_row, m.gap // 2, m.px(88)), strict=True):
        done = p.id in t.ratings
        out.append(
            PlayerMark(
                r, p, w("rate_all_done", name=p.label) if done else w("rate_all_waiting", name=p.label), done
            )
        )
    return out


def view_reveal(scr, rect) -> list[Widget]:
    m, w, s, t = scr.app.ctx.m, scr.app.w, scr.state, scr.turn
    out: list[Widget] = []
    left, right = cols(rect, [0.42, 0.58], m.gap * 2)
    out.append(_card(scr, left, t.card))
    raters = [p for p in s.players if p.id in t.ratings]
    q, area, nxt = rows(right, [m.px(70), 1.0, m.px(100)], m.gap)
    out.append(Label(q, w("reveal_help"), "body", bold=True, key="reveal_help"))
    n = len(raters)
    ncols = 1 if n <= 4 else 2
    row_h = min(m.px(110), (area.height - m.gap * (-(-n // ncols) - 1)) // max(1, -(-n // ncols)))
    for p, r in zip(raters, grid(area, n, ncols, m.gap, row_h), strict=True):
        point = t.ratings.get(p.id)
        said = (
            (scr.decks.scale_point(point).symbol + " " + scr.decks.scale_point(point).label)
            if point
            else w("chose_not_to_say")
        )
        out.append(PlayerMark(r, p, f"{p.label}: {said}", True))
    out.append(Button(nxt, w("btn_next_talk"), "next", lambda: scr.cmd("next"), icon="play", style="primary"))
    return out


# ----- talk it through -------------------------------------------------------------------------------
def _authors(scr, rect, out, selected, setter, prefix="author"):
    m, w = scr.app.ctx.m, scr.app.w
    people = [(None, w("author_none"))] + [(p.id, p.label) for p in scr.state.players]
    ncols = min(len(people), 5)
    nrows = -(-len(people) // ncols)
    row_h = min(m.px(92), (rect.height - m.gap * (nrows - 1)) // nrows)
    for (pid, label), r in zip(people, grid(rect, len(people), ncols, m.gap // 2, row_h), strict=True):
        out.append(
            Chip(r, label, f"{prefix}:{pid or 'none'}", lambda pid=pid: setter(pid), selected=selected == pid)
        )


def view_talk(scr, rect) -> list[Widget]:
    m, w, t, d = scr.app.ctx.m, scr.app.w, scr.turn, scr.decks
    out: list[Widget] = []
    rect = _with_trainer_note(scr, rect, "talk", out)
    prompt = d.prompts[min(t.prompt, len(d.prompts) - 1)]
    left, right = cols(rect, [0.36, 0.64], m.gap * 2)
    out.append(_card(scr, left, t.card))
    people = len(scr.state.players) + 1
    chip_rows = -(-people // min(people, 5))
    who_h = chip_rows * m.px(88) + (chip_rows - 1) * (m.gap // 2)
    q, box, who_l, who_r, btns = rows(right, [m.px(120), 1.0, m.px(46), who_h, m.px(100)], m.gap)
    out.append(
        Label(
            q,
            w("talk_prompt", n=t.prompt + 1, of=len(d.prompts), prompt=prompt.text),
            "heading",
            bold=True,
            key="prompt",
        )
    )
    b = scr.boxes["note"]
    b.rect, b.hint, b.on_submit = box, w("note_hint"), lambda: add_note(scr)
    out.append(b)
    out.append(Label(who_l, w("who_said_it"), "small", key="who_said"))
    _authors(scr, who_r, out, scr.author, lambda pid: setattr(scr, "author", pid))
    notes = [
        n for n in scr.state.notes.get(t.theme, []) if n.card_id == t.card and n.section == prompt.section
    ]
    a, c = cols(btns, [0.5, 0.5], m.gap)
    out.append(
        Button(
            a,
            w("btn_add_note", n=len(notes)) if notes else w("btn_add_note_first"),
            "add_note",
            lambda: add_note(scr),
            icon="note",
        )
    )
    last = t.prompt + 1 >= len(d.prompts)
    out.append(
        Button(
            c,
            w("btn_next_action" if last else "btn_next_question"),
            "next",
            lambda: next_prompt(scr),
            icon="play",
            style="primary",
        )
    )
    return out


def next_prompt(scr) -> None:
    """Next question. A note typed but not yet added is added first, so nothing said is lost."""
    if scr.boxes["note"].text.strip():
        add_note(scr)
        if scr.boxes["note"].text.strip():
            return  # it was refused; the message says why and the words stay in the box
    scr.cmd("next")


def add_note(scr) -> None:
    box = scr.boxes["note"]
    if not box.text.strip():
        scr.message = scr.app.w("note_empty")
        scr.needs_build = True
        return
    kw = {"text": box.text}
    if scr.author:
        kw["author"] = scr.author
    if scr.cmd("add_note", **kw):
        scr.clear_box("note")
        scr.message = scr.app.w("note_added")


# ----- agree an action -------------------------------------------------------------------------------
WHEN = ("next_week", "next_month", "next_review", "date")


def view_action(scr, rect) -> list[Widget]:
    m, w, s, t = scr.app.ctx.m, scr.app.w, scr.state, scr.turn
    out: list[Widget] = []
    rect = _with_trainer_note(scr, rect, "action", out)
    left, right = cols(rect, [0.5, 0.5], m.gap * 2)
    l1, what_r, l2, when_r, date_r = rows(left, [m.px(50), 1.0, m.px(46), m.px(190), m.px(96)], m.gap)
    card_text = scr.decks.card(t.card).text if t.card else ""
    out.append(Label(l1, w("action_what"), "body", bold=True, key="action_what_label"))
    b = scr.boxes["action_what"]
    b.rect, b.hint, b.on_submit = what_r, w("action_what_hint", card=card_text), None
    out.append(b)
    out.append(Label(l2, w("action_when"), "small", bold=True, key="action_when_label"))
    for kind, r in zip(WHEN, grid(when_r, 4, 2, m.gap // 2), strict=True):
        out.append(
            Chip(
                r,
                w(f"when_{kind}"),
                f"when:{kind}",
                lambda k=kind: setattr(scr, "when", k),
                selected=scr.when == kind,
            )
        )
    if scr.when == "date":
        db = scr.boxes["action_date"]
        db.rect, db.hint = date_r, w("date_hint")
        out.append(db)
    r1, who_r, typed_r, btns = rows(right, [m.px(50), 1.0, m.px(96), m.px(100)], m.gap)
    out.append(Label(r1, w("action_who"), "body", bold=True, key="action_who_label"))
    options = [("player", p.id, p.label) for p in s.players] + [
        ("staff", "staff", w("who_staff_btn")),
        ("everyone", "everyone", w("who_everyone_btn")),
        ("typed", "typed", w("who_typed_btn")),
    ]
    ncols = 2
    nrows = -(-len(options) // ncols)
    row_h = min(m.px(92), (who_r.height - (m.gap // 2) * (nrows - 1)) // nrows)
    for (kind, val, label), r in zip(
        options, grid(who_r, len(options), ncols, m.gap // 2, row_h), strict=True
    ):
        sel = scr.who_kind == kind and (kind != "player" or scr.who == val)
        out.append(Chip(r, label, f"who:{val}", lambda k=kind, v=val: _set_who(scr, k, v), selected=sel))
    if scr.who_kind == "typed":
        tb = scr.boxes["action_who"]
        tb.rect, tb.hint = typed_r, w("who_typed_hint")
        out.append(tb)
    agreed = (
        [a for a in s.actions.get(t.theme, []) if a.card_id == t.card and a.id.startswith("a")]
        if t.theme
        else []
    )
    a, c = cols(btns, [0.5, 0.5], m.gap)
    out.append(Button(a, w("btn_agree"), "agree", lambda: agree(scr), icon="action", style="primary"))
    out.append(
        Button(
            c,
            w("btn_finish_turn") if agreed else w("btn_no_action"),
            "end_turn",
            lambda: finish_turn(scr, "action_what", "action_unsaved"),
            icon="play",
        )
    )
    return out


def _set_who(scr, kind, val):
    scr.who_kind, scr.who = kind, val


def finish_turn(scr, field: str, warning: str, then: str = "end_turn") -> None:
    """End the turn (or the game, with ``then="stop_game"``); but if words were typed and not added,
    say so once first (a second tap goes on, and the words stay saved as a draft)."""
    typed = scr.boxes[field].text.strip()
    if typed and getattr(scr, "warned", None) != (field, typed):
        scr.warned = (field, typed)
        scr.message = scr.app.w(warning)
        scr.needs_build = True
        return
    scr.warned = None
    scr.cmd(then)


# The box each step types into, for "Finish and check": typed words there are not yet in the plan.
TYPED_FIELD = {
    "action": "action_what",
    "celebrate": "celebrate",
    "look_back": "lookback_note",
    "look_back_one": "lookback_note",
}


def stop_game(scr) -> None:
    """Finish and check. A note typed but not yet added is added first, as Next question does; words
    typed at another step get a warning once, so they are not left out of the plan without anyone seeing."""
    if scr.phase == "talk" and scr.boxes["note"].text.strip():
        add_note(scr)
        if scr.boxes["note"].text.strip():
            return  # refused; the message says why and the words stay in the box
    field = TYPED_FIELD.get(scr.phase)
    if field is not None:
        finish_turn(scr, field, "stop_unsaved", then="stop_game")
        return
    scr.cmd("stop_game")


def agree(scr) -> None:
    w = scr.app.w
    what = scr.boxes["action_what"].text.strip()
    problem = None
    if not what:
        problem = w("action_need_what")
    elif scr.who_kind is None:
        problem = w("action_need_who")
    elif scr.when is None:
        problem = w("action_need_when")
    who = scr.who
    if not problem and scr.who_kind == "typed":
        who = scr.boxes["action_who"].text.strip()
        if not who:
            problem = w("action_need_typed_who")
    due = None
    if not problem and scr.when == "date":
        day = parse_day(scr.boxes["action_date"].text)
        if day is None:
            problem = w("action_bad_date")
        else:
            due = day.isoformat()
    if problem:
        scr.message = problem
        scr.needs_build = True
        return
    kw = {"what": what, "who": who, "who_kind": scr.who_kind, "when": scr.when}
    if due:
        kw["due"] = due
    if scr.cmd("agree_action", **kw):
        for f in ("action_what", "action_who", "action_date"):
            scr.clear_box(f)
        scr.who_kind = scr.who = scr.when = None


# ----- celebrate -------------------------------------------------------------------------------------
def view_celebrate(scr, rect) -> list[Widget]:
    m, w, s = scr.app.ctx.m, scr.app.w, scr.state
    out: list[Widget] = []
    rect = _with_trainer_note(scr, rect, "celebrate", out)
    q, box, l2, themes_r, btns = rows(rect, [m.px(60), 1.0, m.px(46), m.px(190), m.px(100)], m.gap)
    out.append(Label(q, w("celebrate_help"), "body", key="celebrate_help"))
    b = scr.boxes["celebrate"]
    b.rect, b.hint, b.on_submit = box, w("celebrate_hint"), None
    out.append(b)
    out.append(Label(l2, w("celebrate_theme"), "small", bold=True, key="celebrate_theme_label"))
    themes = [th for th in scr.decks.themes if th.id in s.themes_in_play]
    for th, r in zip(themes, grid(themes_r, len(themes), 3, m.gap // 2), strict=True):
        out.append(
            Chip(
                r,
                th.title,
                f"ctheme:{th.id}",
                lambda t=th.id: setattr(scr, "celebrate_theme", t),
                selected=scr.celebrate_theme == th.id,
                icon=th.icon,
                fill=hex_colour(th.colour),
            )
        )
    said = scr.turn.theme is not None
    a, c = cols(btns, [0.5, 0.5], m.gap)
    out.append(
        Button(
            a, w("btn_celebrate"), "add_celebrate", lambda: celebrate(scr), icon="celebrate", style="primary"
        )
    )
    out.append(
        Button(
            c,
            w("btn_finish_turn") if said else w("btn_skip"),
            "end_turn",
            lambda: finish_turn(scr, "celebrate", "celebrate_unsaved"),
            icon="play",
        )
    )
    return out


def celebrate(scr) -> None:
    text = scr.boxes["celebrate"].text.strip()
    if not text:
        scr.message = scr.app.w("note_empty")
    elif scr.celebrate_theme is None:
        scr.message = scr.app.w("celebrate_need_theme")
    elif scr.cmd("celebrate", text=text, theme=scr.celebrate_theme):
        scr.clear_box("celebrate")
        scr.message = scr.app.w("celebrate_added")
    scr.needs_build = True


# ----- look back -------------------------------------------------------------------------------------
STATUSES = (("done", "check"), ("started", "play"), ("not_yet", "scale-not-yet"), ("not_needed", "pass"))


def view_look_back(scr, rect) -> list[Widget]:
    m, w = scr.app.ctx.m, scr.app.w
    out: list[Widget] = []
    rect = _with_trainer_note(scr, rect, "lookback", out)
    a = scr.look_back_action()
    if a is None:
        return out + [Label(rect, w("lookback_none"), "body", key="lookback_none")]
    said_r, q, st_r, l2, note_r, btn = rows(
        rect, [m.px(150), m.px(50), m.px(100), m.px(46), 1.0, m.px(100)], m.gap
    )
    due = show_day(a.due) if a.due else w(f"when_{a.when}")
    out.append(
        Label(
            said_r,
            w("lookback_card", what=a.what, who=a.who, due=due),
            "body",
            style="panel",
            key="lookback_card",
        )
    )
    out.append(Label(q, w("lookback_question"), "body", bold=True, key="lookback_question"))
    for (st, icon), r in zip(STATUSES, cols(st_r, [1] * 4, m.gap), strict=True):
        out.append(
            Chip(
                r,
                w(f"status_{st}"),
                f"status:{st}",
                lambda s=st: setattr(scr, "status", s),
                selected=scr.status == st,
                icon=icon,
            )
        )
    out.append(Label(l2, w("lookback_note"), "small", key="lookback_note_label"))
    b = scr.boxes["lookback_note"]
    b.rect, b.hint, b.on_submit = note_r, w("lookback_note_hint"), None
    out.append(b)
    a2, _ = cols(btn, [0.5, 0.5], m.gap)
    out.append(
        Button(a2, w("btn_save_lookback"), "save_lookback", lambda: mark(scr), icon="check", style="primary")
    )
    return out


view_look_back_one = view_look_back


def mark(scr) -> None:
    if scr.status is None:
        scr.message = scr.app.w("lookback_need_status")
        scr.needs_build = True
        return
    if scr.cmd("mark_action", status=scr.status, note=scr.boxes["lookback_note"].text.strip()):
        scr.clear_box("lookback_note")
        scr.status = None


class PlayerMark(Widget):
    """A player's token with words: "Ann has chosen" (answer hidden) or, after the reveal, their answer."""

    role = "text"

    def __init__(self, rect, player, text, done):
        super().__init__(rect, f"mark:{player.id}", text)
        self.player, self.done = player, done

    def draw(self, surface, ctx, focused=False):
        m, look = ctx.m, ctx.look
        bg, fg = look.pair("panel")
        self.colours = (bg, fg)
        pygame.draw.rect(surface, bg, self.rect, border_radius=m.px(12))
        pygame.draw.rect(
            surface, look.edge, self.rect, max(2, m.px(5 if self.done else 2)), border_radius=m.px(12)
        )
        size = self.rect.height - m.px(16)
        tr = pygame.Rect(self.rect.left + m.px(8), self.rect.top + m.px(8), size, size)
        draw_token(
            surface, self.player.shape, hex_colour(self.player.colour), tr.center, size * 0.4, look.edge
        )
        box = pygame.Rect(
            tr.right + m.px(10),
            self.rect.top + m.px(4),
            self.rect.right - tr.right - m.px(18),
            self.rect.height - m.px(8),
        )
        self._text_in(surface, ctx, self.text, box, m.body, fg, bold=self.done, align="left")
