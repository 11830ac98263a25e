"""The board steps (rolling the die, choosing a theme, seeing where a token landed) and the summary,
as step views for the play screen."""

from __future__ import annotations

import re

import pygame

from game.model import commands as C
from game.model.phase import Phase
from game.model.tiles import TileKind
from game.ui import sizes as S
from game.ui.layout import cols, grid, rows
from game.ui.look import hex_colour
from game.ui.screens import summary_view
from game.ui.screens.board_view import BoardWidget
from game.ui.screens.steps import StepView, step
from game.ui.shapes import draw_die, draw_token
from game.ui.widgets import Button, Label, Widget


class BoardView(StepView):
    """The board and the die; after a roll it stays on screen (scr.hold_board) until Continue."""

    title_key = "title_landed"
    choosing = False  # the theme buttons are on show

    def title(self) -> str:
        scr = self.scr
        key = "title_landed" if scr.hold_board and scr.turn is not None else self.title_key
        return scr.app.w(key, name=scr.player_label(self.acting()))

    def speech(self) -> list[str]:
        scr = self.scr
        if scr.hold_board and scr.turn is not None:
            return [landed_words(scr)]
        return self.board_speech()

    def board_speech(self) -> list[str]:
        return []

    def on_enter(self) -> None:
        from game.ui.screens.step_look_back import offer_parked

        offer_parked(self.scr)  # a review: last time's parked topics are raised at the start of a turn

    def do_pass(self) -> None:
        self.scr.hold_board = False
        self.scr.apply(C.Pass())

    def build(self, rect) -> list[Widget]:
        return board(self.scr, rect, self.choosing and not self.scr.hold_board)


@step(Phase.ROLL)
class RollView(BoardView):
    title_key = "title_roll"

    def board_speech(self) -> list[str]:
        return [persona_line(self.scr) or self.scr.app.w("roll_help")]


@step(Phase.CHOOSE_THEME)
class ChooseThemeView(BoardView):
    title_key = "title_choose"
    choosing = True

    def board_speech(self) -> list[str]:
        s = self.scr.state
        return [th.title for th in self.scr.decks.themes if th.id in s.themes_in_play]


@step(Phase.SUMMARY)
class SummaryView(StepView):
    """Is this right? Everything said, a theme at a time, a page at a time, each line to change."""

    timed = False

    def __init__(self, scr):
        super().__init__(scr)
        self.section: str | None = None  # the theme (or "other") on show
        self.page = 0

    def bottom_buttons(self) -> list | None:
        scr, w = self.scr, self.scr.app.w
        return [
            ("back", w("btn_back"), scr.back, "back", "button"),
            scr.speak_button(),
            ("park", w("btn_park"), scr.open_park, "park", "button"),
            ("back_to_game", w("btn_back_to_game"), lambda: scr.apply(C.BackToGame()), "play", "button"),
        ]

    def title(self) -> str:
        scr = self.scr
        return scr.app.w("title_summary_won" if scr.state.won_together() else "title_summary")

    def speech(self) -> list[str]:
        return [it["text"] for it in summary_view.items(self.scr, self.section)]

    def build(self, rect) -> list[Widget]:
        return summary_view.build(self.scr, rect)


@step(Phase.FINISHED)
class FinishedView(StepView):
    title_key = "title_finished"

    def on_enter(self) -> None:
        self.scr.finish()

    def build(self, rect) -> list[Widget]:
        return []


def board(scr, rect: pygame.Rect, choosing: bool) -> list[Widget]:
    """The board beside whose turn it is, and the die and Roll, the theme buttons, or where the token
    landed with Continue."""
    m, w, s, t = scr.app.ctx.m, scr.app.w, scr.state, scr.turn
    out: list[Widget] = []
    side_w = m.px(S.SIDE_PANEL)
    if s.board:
        left, side = cols(rect, [1.0, side_w], m.gap * 2)
        out.append(BoardWidget(left, scr))
    else:
        # Dice off: no ring; the wheel sits on the left beside the theme choices.
        left, side = cols(rect, [1.0, side_w * 2], m.gap * 2)
        wheel_r, caption = rows(left, [1.0, m.px(S.TEXT_ROW)], m.gap)
        out.append(BoardWidget(wheel_r, scr))
        done = sum(1 for th in s.themes_in_play if s.theme_complete(th))
        out.append(
            Label(caption, w("plan_progress", done=done, of=len(s.themes_in_play)), "small", key="progress")
        )
    player = s.active_player
    if choosing:
        head, rest = rows(side, [m.px(S.BADGE_ROW), 1.0], m.gap)
        die_r = None
    else:
        head, die_r, rest = rows(side, [m.px(S.BADGE_ROW), m.px(S.DIE), 1.0], m.gap)
    out.append(TurnBadge(head, w("turn_of", name=player.label if player else ""), player))
    if choosing:
        pass  # the theme buttons need the room more than the die does
    elif s.board and t is not None and t.roll:
        # The die is shown once it has been rolled: before that the Roll button is the die.
        out.append(
            DieWidget(
                pygame.Rect(die_r.left, die_r.top, die_r.height, die_r.height),
                t.roll,
                w("die_showing", n=t.roll),
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
        a, b = rows(rest, [1.0, m.px(S.BADGE_ROW)], m.gap)
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
    elif not choosing:
        a, b = rows(rest, [1.0, m.px(S.ROLL_BUTTON)], m.gap)
        persona = persona_line(scr)
        out.append(Label(a, sentences_that_fit(scr, persona, a) or w("roll_help"), "body", key="help"))
        out.append(
            Button(b, w("btn_roll"), "roll", lambda: roll(scr), icon="die", style="primary", size="heading")
        )
    else:
        themes = [th for th in scr.decks.themes if th.id in s.themes_in_play]
        n = len(themes)
        # Half gaps between the theme buttons: a long title ("The people who support me") needs two
        # lines at the readable size, and the room comes from the gaps rather than from the words.
        gap = m.gap // 2
        row_h = min(m.px(S.BADGE_ROW), (rest.height - gap * (n - 1)) // max(1, n))
        ncols = 1 if s.board else 2
        for th, r in zip(themes, grid(rest, n, ncols, gap, row_h if ncols == 1 else None), strict=True):
            covered = s.theme_covered(th.id)
            words = th.title + (" ✔" if covered else "")
            out.append(
                Button(
                    r,
                    words,
                    f"theme:{th.id}",
                    lambda th=th.id: scr.apply(C.ChooseTheme(theme=th)),
                    icon=th.icon,
                    fill=hex_colour(th.colour),
                )
            )
    return out


def roll(scr) -> None:
    if scr.apply(C.RollDie()):
        scr.hold_board = True


def landed_words(scr) -> str:
    w, _s, t, d = scr.app.w, scr.state, scr.turn, scr.decks
    if t.kind == TileKind.THEME and t.theme:
        where = d.theme(t.theme).title
    else:
        where = w(f"tile_{t.kind}")
    what = w(f"landed_{t.kind}")
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


def sentences_that_fit(scr, text: str, box: pygame.Rect) -> str:
    """As many whole sentences of ``text`` as fit in ``box`` at the chosen text size (or, failing that,
    the readable least): a persona's story is long, and its start ("You are playing as Tom, 84.") read
    from across the room beats all of it too small to read. "About Tom" in the workshop strip, and
    Read aloud, give the whole story."""
    fonts, m = scr.app.ctx.fonts, scr.app.ctx.m
    parts = re.split(r"(?<=[.!?])\s+", text.strip())
    for least in (m.body, m.min_body):  # at the text size chosen if it can be, else at the readable least
        for n in range(len(parts), 0, -1):
            words = " ".join(parts[:n])
            if fonts.fit(words, box.width, box.height, least, least - 1) >= least:
                return words
    return parts[0]


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
        pygame.draw.rect(surface, bg, self.rect, border_radius=m.px(S.RADIUS))
        pygame.draw.rect(surface, look.edge, self.rect, max(2, m.px(S.EDGE)), border_radius=m.px(S.RADIUS))
        tr = pygame.Rect(
            self.rect.left + m.px(S.TOKEN_PAD),
            self.rect.top + m.px(S.TOKEN_PAD),
            self.rect.height - m.px(2 * S.TOKEN_PAD),
            self.rect.height - m.px(2 * S.TOKEN_PAD),
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
            tr.right + m.px(S.BADGE_WORDS_X),
            self.rect.top + m.px(S.BADGE_WORDS_Y),
            self.rect.right - tr.right - m.px(2 * S.BADGE_WORDS_X),
            self.rect.height - m.px(2 * S.BADGE_WORDS_Y),
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
