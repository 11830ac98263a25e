"""What the play screen says at the top for each step, what Read aloud reads, and the board view
(rolling the die, choosing a theme, seeing where a token landed)."""

from __future__ import annotations

import pygame

from game.ui.layout import cols, rows
from game.ui.look import hex_colour
from game.ui.screens.board_view import BoardWidget
from game.ui.shapes import draw_die, draw_token
from game.ui.widgets import Button, Label, Widget


def title(scr) -> str:
    w, s, t = scr.app.w, scr.state, scr.turn
    who = scr.player_label(scr.acting())
    phase = s.phase
    if scr.hold_board and t is not None:
        return w("title_landed", name=who)
    if phase == "summary" and s.won_together():
        return w("title_summary_won")
    key = {
        "look_back": "title_look_back",
        "roll": "title_roll",
        "choose_theme": "title_choose",
        "pick": "title_pick",
        "rate": "title_rate",
        "rate_all": "title_rate_all",
        "reveal": "title_reveal",
        "talk": "title_talk",
        "action": "title_action",
        "celebrate": "title_celebrate",
        "look_back_one": "title_look_back_one",
        "summary": "title_summary",
        "finished": "title_finished",
    }.get(phase, "title_play")
    return w(key, name=who)


def speech(scr) -> str:
    s, t, d, w = scr.state, scr.turn, scr.decks, scr.app.w
    phase = s.phase
    parts = [title(scr)]
    if scr.hold_board and t is not None:
        return parts[0] + ". " + landed_words(scr)
    if phase == "roll":
        parts.append(persona_line(scr) or w("roll_help"))
    if phase == "reveal" and t is not None:
        for p in s.players:
            if p.id in t.ratings:
                point = t.ratings[p.id]
                parts.append(
                    f"{p.label}: " + (d.scale_point(point).label if point else w("chose_not_to_say"))
                )
    if t is not None and t.card and phase in ("rate", "rate_all", "reveal", "talk", "action"):
        parts.append(d.card(t.card).text)
    if phase == "pick" and t is not None:
        parts += [d.card(c).text for c in t.dealt]
    if phase in ("rate", "rate_all"):
        parts += [sp.label for sp in d.scale]
    if phase == "talk" and t is not None and t.prompt < len(d.prompts):
        parts.append(d.prompts[t.prompt].text)
    if phase == "choose_theme":
        parts += [th.title for th in d.themes if th.id in s.themes_in_play]
    if phase in ("look_back", "look_back_one"):
        a = scr.look_back_action()
        if a is not None:
            parts.append(w("lookback_said", what=a.what))
    if phase == "summary":
        from game.ui.screens.summary_view import items

        parts += [it["text"] for it in items(scr, getattr(scr, "section", None))]
    return " ".join(p if p.rstrip()[-1:] in ".?!" else p + "." for p in (x.strip() for x in parts) if p)


def board(scr, rect: pygame.Rect) -> list[Widget]:
    m, w, s, t = scr.app.ctx.m, scr.app.w, scr.state, scr.turn
    out: list[Widget] = []
    side_w = m.px(500)
    if s.board:
        left, side = cols(rect, [1.0, side_w], m.gap * 2)
        out.append(BoardWidget(left, scr))
    else:
        # Dice off: no ring; the wheel sits on the left beside the theme choices.
        left, side = cols(rect, [1.0, side_w * 2], m.gap * 2)
        wheel_r, caption = rows(left, [1.0, m.px(96)], m.gap)
        out.append(BoardWidget(wheel_r, scr))
        done = sum(1 for th in s.themes_in_play if s.theme_complete(th))
        out.append(
            Label(caption, w("plan_progress", done=done, of=len(s.themes_in_play)), "small", key="progress")
        )
    player = s.active_player
    choosing = s.phase == "choose_theme" and not scr.hold_board
    if choosing:
        head, rest = rows(side, [m.px(110), 1.0], m.gap)
        die_r = None
    else:
        head, die_r, rest = rows(side, [m.px(110), m.px(170), 1.0], m.gap)
    out.append(TurnBadge(head, w("turn_of", name=player.label if player else ""), player))
    if choosing:
        pass  # the theme buttons need the room more than the die does
    elif s.board:
        out.append(
            DieWidget(
                pygame.Rect(die_r.left, die_r.top, die_r.height, die_r.height),
                t.roll if t else None,
                w("die_showing", n=t.roll) if t and t.roll else w("die_blank"),
            )
        )
        status = w(
            "plan_progress",
            done=sum(1 for th in s.themes_in_play if s.theme_complete(th)),
            of=len(s.themes_in_play),
        )
        out.append(
            Label(
                pygame.Rect(
                    die_r.left + die_r.height + m.gap,
                    die_r.top,
                    die_r.width - die_r.height - m.gap,
                    die_r.height,
                ),
                status,
                "small",
                key="progress",
            )
        )
    else:
        status = w(
            "plan_progress",
            done=sum(1 for th in s.themes_in_play if s.theme_complete(th)),
            of=len(s.themes_in_play),
        )
        out.append(Label(die_r, status, "small", key="progress"))
    if scr.hold_board and t is not None:
        words = landed_words(scr)
        a, b = rows(rest, [1.0, m.px(110)], m.gap)
        out.append(Label(a, words, "heading", style="panel", key="landed"))
        out.append(
            Button(
                b,
                w("btn_continue"),
                "continue",
                lambda: setattr(scr, "hold_board", False),
                icon="play",
                style="primary",
            )
        )
    elif s.phase == "roll":
        a, b = rows(rest, [1.0, m.px(120)], m.gap)
        persona = persona_line(scr)
        out.append(Label(a, persona or w("roll_help"), "body", key="help"))
        out.append(
            Button(b, w("btn_roll"), "roll", lambda: roll(scr), icon="die", style="primary", size="heading")
        )
    elif s.phase == "choose_theme":
        themes = [th for th in scr.decks.themes if th.id in s.themes_in_play]
        n = len(themes)
        row_h = min(m.px(110), (rest.height - m.gap * (n - 1)) // max(1, n))
        ncols = 1 if s.board else 2
        from game.ui.layout import grid

        for th, r in zip(themes, grid(rest, n, ncols, m.gap, row_h if ncols == 1 else None), strict=True):
            covered = s.theme_covered(th.id)
            words = th.title + (" ✔" if covered else "")
            out.append(
                Button(
                    r,
                    words,
                    f"theme:{th.id}",
                    lambda th=th.id: scr.cmd("choose_theme", theme=th),
                    icon=th.icon,
                    fill=hex_colour(th.colour),
                )
            )
    return out


def roll(scr) -> None:
    if scr.cmd("roll_die"):
        scr.hold_board = True


def landed_words(scr) -> str:
    w, _s, t, d = scr.app.w, scr.state, scr.turn, scr.decks
    if t.kind == "theme" and t.theme:
        where = d.theme(t.theme).title
    else:
        where = w(f"tile_{t.kind}")
    what = w(f"landed_{t.kind}") if t.kind != "theme" else w("landed_theme")
    return w("landed", n=t.roll or 0, where=where) + " " + what


def persona_line(scr) -> str:
    p = scr.state.active_player
    if p is None or not p.persona:
        return ""
    try:
        per = scr.decks.persona(p.persona)
    except KeyError:
        return ""
    return scr.app.w("persona_line", summary=per.summary)


class TurnBadge(Widget):
    """Whose turn: their token (shape and colour) beside their name."""

    role = "text"

    def __init__(self, rect, text, player):
        super().__init__(rect, "turn", text)
        self.player = player

    def draw(self, surface, ctx, focused=False):
        m, look = ctx.m, ctx.look
        bg, fg = look.pair("panel")
        self.colours = (bg, fg)
        pygame.draw.rect(surface, bg, self.rect, border_radius=m.px(14))
        pygame.draw.rect(surface, look.edge, self.rect, max(2, m.px(3)), border_radius=m.px(14))
        tr = pygame.Rect(
            self.rect.left + m.px(8),
            self.rect.top + m.px(8),
            self.rect.height - m.px(16),
            self.rect.height - m.px(16),
        )
        if self.player is not None:
            draw_token(
                surface,
                self.player.shape,
                hex_colour(self.player.colour),
                tr.center,
                tr.height * 0.42,
                look.edge,
            )
        box = pygame.Rect(
            tr.right + m.px(12),
            self.rect.top + m.px(6),
            self.rect.right - tr.right - m.px(24),
            self.rect.height - m.px(12),
        )
        self._text_in(surface, ctx, self.text, box, m.heading, fg, bold=True, align="left")


class DieWidget(Widget):
    role = "die"

    def __init__(self, rect, value, text):
        super().__init__(rect, "die", text)
        self.value = value

    def draw(self, surface, ctx, focused=False):
        bg, fg = ctx.look.pair("card")
        draw_die(surface, self.rect, self.value, bg, fg)
