"""How real is it? The player (and, in one-to-one, their supporter) places the card on the scale, or
on an "everyone" turn each player in turn; then, on "everyone" turns, the views are shown together.
No view, and no sign of one, is shown before everyone asked has chosen: a name only says "has chosen"
(in words, never the tick that marks what is selected)."""

from __future__ import annotations

import pygame

from game.model import commands as C
from game.model.phase import Phase
from game.ui import sizes as S
from game.ui.layout import cols, grid, rows
from game.ui.look import hex_colour
from game.ui.screens import turn_record
from game.ui.screens.steps import StepView, step
from game.ui.shapes import draw_token
from game.ui.widgets import SELECTED_MARK, Button, Chip, Label, Widget, one_size

LEFT = 0.4  # the record column's share of the width


def _scale(view, rect, player_id, out, show_choice: bool):
    """The scale's answers as big choices: one column when there is room, else two."""
    scr = view.scr
    m = scr.app.ctx.m
    pts = scr.decks.scale
    chosen = scr.turn.ratings.get(player_id, "-") if show_choice else "-"
    ncols = 1 if (rect.height - m.gap * (len(pts) - 1)) // len(pts) >= m.px(S.CHOICE_ROW) else 2
    chips = []
    for sp, r in zip(pts, grid(rect, len(pts), ncols, m.gap), strict=True):
        chip = Chip(
            r,
            view.point_words(player_id, sp),
            f"point:{sp.id}",
            lambda p=sp.id: view.rate(player_id, p),
            selected=chosen == sp.id,
            icon=sp.icon,
        )
        chip.size = "heading"
        chips.append(chip)
    one_size(chips, scr.app.ctx)
    out += chips


def _status_rows(scr, width: int, raters, answers: bool, room: int) -> tuple[int, int, bool]:
    """How many names to a row, the rows' height, and whether the answers are shown short: up to four
    to a row, fewer when the longest words a name can show in this step ("Bilal: chose not to say", in
    bold) would fall below the readable size, as long as the rows take no more than ``room``. When even
    then they would (many players, Welsh, a workshop's strip and timer), a name shows its answer as the
    answer's picture beside it (the record at the left says the views in words). Worked out from the
    longest words, not the ones shown, so the names never move in a step."""
    m, fonts, w = scr.app.ctx.m, scr.app.ctx.fonts, scr.app.w
    said = [turn_record.answer_words(scr, "", None)] + [sp.label for sp in scr.decks.scale]

    def longest(short: bool) -> list[str]:
        return [
            (SELECTED_MARK if answers else "") + words
            for p in raters
            for words in (
                w("rate_all_done", name=p.label),
                w("rate_all_waiting", name=p.label),
                *(
                    w("rate_chip_answer", name=p.label, answer=a)
                    for a in (said if answers and not short else [])
                ),
            )
        ]

    n = len(raters)

    def height(per_row: int) -> int:
        nrows = -(-n // per_row)
        return nrows * m.px(S.CHIP_ROW) + (nrows - 1) * (m.gap // 2)

    def fits(per_row: int, short: bool) -> bool:
        r = pygame.Rect(0, 0, (width - (per_row - 1) * (m.gap // 2)) // per_row, m.px(S.CHIP_ROW))
        box = (
            Chip(r, "", "", icon="pass" if short else None).text_box(m)
            if answers
            else PlayerMark.words_box(r, m)
        )
        return all(
            fonts.fit(t, box.width, box.height, m.body, m.min_body - 1, True) >= m.min_body
            for t in longest(short)
        )

    for short in (False, True) if answers else (False,):
        per_row = max(1, min(n, 4))
        while per_row > 1 and height(per_row - 1) <= room and not fits(per_row, short):
            per_row -= 1
        if fits(per_row, short):
            break
    return per_row, height(per_row), short


class _Rating(StepView):
    shows_record = True

    def first_focus(self) -> str | None:
        pts = self.scr.decks.scale
        return f"point:{pts[0].id}" if pts else None

    def raters(self) -> list[str]:
        return [p.id for p in self.scr.state.players if p.role != "facilitator"]

    def point_words(self, pid: str, sp) -> str:
        """A scale answer in words that fit who is answering: the supporter in one-to-one answers
        about the person ("Real for Joan"), not "This is real for me"."""
        scr = self.scr
        person = self._person_for(pid)
        key = f"scale_about_{sp.id}"
        if person is not None and scr.app.words.has(key):
            return scr.app.w(key, name=person.label)
        return sp.label

    def _person_for(self, pid: str | None):
        s = self.scr.state
        if s.setup.get("mode") != "one-to-one" or pid is None:
            return None
        try:
            if s.player(pid).role != "supporter":
                return None
        except KeyError:
            return None
        return next((p for p in s.players if p.role == "person"), None)

    def question(self, pid: str | None) -> str:
        scr = self.scr
        person = self._person_for(pid)
        if person is not None:
            return scr.app.w("rate_question_about", name=scr.player_label(pid), person=person.label)
        return scr.app.w("rate_question", name=scr.player_label(pid))

    def speech(self) -> list[str]:
        t, d = self.scr.turn, self.scr.decks
        return [d.card(t.card).text, self.question(self.acting())] + [
            self.point_words(self.acting(), sp) for sp in d.scale
        ]

    def rate(self, pid: str, point: str) -> None:
        self.scr.apply(C.Rate(player=pid, point=point))

    def do_pass(self) -> None:
        self.scr.apply(C.Pass(player=self.acting()))


@step(Phase.RATE)
class RateView(_Rating):
    """The player's own view; others may add theirs (tap a name first). In one-to-one both are asked,
    and neither view shows until both have chosen."""

    title_key = "title_rate"
    trainer_step = "rate"

    def __init__(self, scr):
        super().__init__(scr)
        self.rater: str | None = scr.turn.player if scr.turn else None

    def acting(self) -> str | None:
        return self.rater or super().acting()

    def asked(self) -> list[str]:
        """The player whose turn it is; in one-to-one, both the person and their supporter."""
        if self.scr.state.setup.get("mode") == "one-to-one":
            return self.raters()
        return [self.scr.turn.player]

    def rate(self, pid: str, point: str) -> None:
        scr = self.scr
        if not scr.apply(C.Rate(player=pid, point=point)):
            return
        if not turn_record.views_shown(scr):
            # Hand over to the next person asked, so the screen never sits showing a choice.
            todo = [p for p in self.asked() if p not in scr.turn.ratings]
            self.rater = todo[0] if todo else self.rater
            scr.message = scr.app.w("rate_chosen_hidden", name=scr.player_label(pid))

    def build(self, rect) -> list[Widget]:
        scr = self.scr
        m, w, s, t = scr.app.ctx.m, scr.app.w, scr.state, scr.turn
        out: list[Widget] = []
        left, right = cols(rect, [LEFT, 1 - LEFT], m.gap * 2)
        out += turn_record.build(scr, left)
        rater = self.acting()
        raters = [p for p in s.players if p.role != "facilitator"]
        # The names may take what the question, the line above them, Next and two rows of answers leave.
        room = right.height - m.px(S.QUESTION_ROW + S.BUTTON_ROW) - 2 * m.px(S.CHOICE_ROW) - 4 * m.gap
        per_row, who_h, short = _status_rows(scr, right.width, raters, True, room)
        shown = turn_record.views_shown(scr)
        person = next((p for p in raters if p.role == "person"), None)
        supporter = next((p for p in raters if p.role == "supporter"), None)
        if s.setup.get("mode") == "one-to-one" and person and supporter:
            others = w("rate_both", person=person.label, supporter=supporter.label)
        else:
            others = w("rate_others")
        fonts = scr.app.ctx.fonts
        # As tall as the words need at a readable size (a long line in Welsh takes two), never squeezed.
        label_h = max(m.px(S.SMALL_LABEL_ROW), fonts.size(others, m.min_body, right.width)[1])
        fixed = [m.px(S.QUESTION_ROW), label_h, who_h, m.px(S.BUTTON_ROW)]
        if right.height - sum(fixed) - 4 * m.gap >= 2 * m.px(S.CHOICE_ROW) + m.gap:
            q, scale_r, who_l, who_r, nxt = rows(right, [fixed[0], 1.0, *fixed[1:]], m.gap)
        else:
            # Short of room (the workshop strip, the timer, many players, larger text): Next stands
            # beside the line above the names, so the answers keep rows big enough to tap and read.
            half = (right.width - m.gap) // 2
            line_h = max(m.px(S.BUTTON_ROW), fonts.size(others, m.min_body, half)[1])
            q, scale_r, line, who_r = rows(right, [fixed[0], 1.0, line_h, who_h], m.gap)
            who_l, nxt = cols(line, [1, 1], m.gap)
        out.append(Label(q, self.question(rater), "heading", bold=True, key="rate_question"))
        _scale(self, scale_r, rater, out, show_choice=shown)
        out.append(Label(who_l, others, "small", key="rate_others"))
        for p, r in zip(raters, grid(who_r, len(raters), per_row, m.gap // 2, m.px(S.CHIP_ROW)), strict=True):
            icon = None
            if p.id not in t.ratings:
                words = p.label
            elif shown and short:  # the answer's picture beside the name (the record says it in words)
                words, point = p.label, t.ratings[p.id]
                icon = scr.decks.scale_point(point).icon if point is not None else "pass"
            elif shown:
                words = w(
                    "rate_chip_answer",
                    name=p.label,
                    answer=turn_record.answer_words(scr, p.id, t.ratings[p.id]),
                )
            else:
                words = w("rate_all_done", name=p.label)
            out.append(
                Chip(
                    r,
                    words,
                    f"rater:{p.id}",
                    lambda pid=p.id: self._choose_rater(pid),
                    selected=p.id == rater,
                    icon=icon,
                )
            )
        out.append(
            Button(nxt, w("btn_next_talk"), "next", lambda: scr.apply(C.Next()), icon="play", style="primary")
        )
        return out

    def _choose_rater(self, pid: str) -> None:
        self.rater = pid


@step(Phase.RATE_ALL)
class RateAllView(_Rating):
    """Everyone in turn, answers hidden until all have chosen."""

    title_key = "title_rate_all"
    trainer_step = "everyone"

    def acting(self) -> str | None:
        t = self.scr.turn
        for p in self.scr.state.players:
            if p.role != "facilitator" and p.id not in t.ratings:
                return p.id
        return super().acting()

    def asked(self) -> list[str]:
        return self.raters()

    def question(self, pid: str | None) -> str:
        return self.scr.app.w("rate_all_question", name=self.scr.player_label(pid))

    def build(self, rect) -> list[Widget]:
        scr = self.scr
        m, w, s, t = scr.app.ctx.m, scr.app.w, scr.state, scr.turn
        out: list[Widget] = []
        left, right = cols(rect, [LEFT, 1 - LEFT], m.gap * 2)
        out += turn_record.build(scr, left)
        who = self.acting()
        raters = [p for p in s.players if p.role != "facilitator"]
        room = right.height - m.px(S.RATE_QUESTION_ROW) - 2 * m.px(S.CHOICE_ROW) - 3 * m.gap
        per_row, status_h, _ = _status_rows(scr, right.width, raters, False, room)
        q, scale_r, status = rows(right, [m.px(S.RATE_QUESTION_ROW), 1.0, status_h], m.gap)
        out.append(Label(q, self.question(who), "body", bold=True, key="rate_question"))
        _scale(self, scale_r, who, out, show_choice=False)
        for p, r in zip(
            raters, grid(status, len(raters), per_row, m.gap // 2, m.px(S.CHIP_ROW)), strict=True
        ):
            done = p.id in t.ratings
            words = w("rate_all_done", name=p.label) if done else w("rate_all_waiting", name=p.label)
            out.append(PlayerMark(r, p, words, done))
        return out


@step(Phase.REVEAL)
class RevealView(StepView):
    """Everyone's view, shown together."""

    title_key = "title_reveal"
    shows_record = True

    def speech(self) -> list[str]:
        scr = self.scr
        t = scr.turn
        return [
            f"{p.label}: {turn_record.answer_words(scr, p.id, t.ratings[p.id])}"
            for p in scr.state.players
            if p.id in t.ratings
        ] + [scr.decks.card(t.card).text]

    def build(self, rect) -> list[Widget]:
        scr = self.scr
        m, w, s, t = scr.app.ctx.m, scr.app.w, scr.state, scr.turn
        out: list[Widget] = []
        left, right = cols(rect, [LEFT, 1 - LEFT], m.gap * 2)
        out += turn_record.build(scr, left)
        raters = [p for p in s.players if p.id in t.ratings]
        q, area, nxt = rows(right, [m.px(S.REVEAL_HELP_ROW), 1.0, m.px(S.BUTTON_ROW)], m.gap)
        out.append(Label(q, w("reveal_help"), "body", bold=True, key="reveal_help"))
        n = len(raters)
        ncols = 1 if n <= 4 else 2
        nrows = max(1, -(-n // ncols))
        row_h = min(m.px(S.BADGE_ROW), (area.height - m.gap * (nrows - 1)) // nrows)
        for p, r in zip(raters, grid(area, n, ncols, m.gap, row_h), strict=True):
            said = turn_record.answer_words(scr, p.id, t.ratings.get(p.id))
            out.append(PlayerMark(r, p, f"{p.label}: {said}", True))
        out.append(
            Button(nxt, w("btn_next_talk"), "next", lambda: scr.apply(C.Next()), icon="play", style="primary")
        )
        return out


class PlayerMark(Widget):
    """A player's token with words: "Ann has chosen" (answer hidden) or, after the reveal, their answer."""

    role = "text"

    def __init__(self, rect, player, text, done):
        super().__init__(rect, f"mark:{player.id}", text)
        self.player, self.done = player, done

    @staticmethod
    def token_rect(rect: pygame.Rect, m) -> pygame.Rect:
        size = rect.height - m.px(2 * S.TOKEN_PAD)
        return pygame.Rect(rect.left + m.px(S.TOKEN_PAD), rect.top + m.px(S.TOKEN_PAD), size, size)

    @staticmethod
    def words_box(rect: pygame.Rect, m) -> pygame.Rect:
        tr = PlayerMark.token_rect(rect, m)
        return pygame.Rect(
            tr.right + m.px(S.MARK_WORDS_GAP),
            rect.top + m.px(S.MARK_WORDS_Y),
            rect.right - tr.right - m.px(S.MARK_WORDS_GAP + S.TOKEN_PAD),
            rect.height - m.px(2 * S.MARK_WORDS_Y),
        )

    def draw(self, surface, ctx, focused=False):
        m, look = ctx.m, ctx.look
        bg, fg = look.pair("panel")
        self.colours = (bg, fg)
        pygame.draw.rect(surface, bg, self.rect, border_radius=m.px(S.BOX_RADIUS))
        edge = S.EDGE_SELECTED if self.done else S.THIN_EDGE
        pygame.draw.rect(surface, look.edge, self.rect, max(2, m.px(edge)), border_radius=m.px(S.BOX_RADIUS))
        tr = self.token_rect(self.rect, m)
        draw_token(
            surface, self.player.shape, hex_colour(self.player.colour), tr.center, tr.height * 0.4, look.edge
        )
        box = self.words_box(self.rect, m)
        self._text_in(surface, ctx, self.text, box, m.body, fg, bold=self.done, align="left")
