"""The pages of setting up a game, each laying out its widgets: how we are playing and with which
cards, who is playing, what to talk about and for how long, and the plan's name and date."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.model.state import SHAPES
from game.ui import sizes as S
from game.ui.days import show_day
from game.ui.layout import cols, grid, rows
from game.ui.look import hex_colour
from game.ui.widgets import Button, Chip, Label, Widget

PAGE_ROWS = 4  # player rows on one page of the players step

TOKENS = list(
    zip(
        SHAPES,
        ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"],
        strict=True,
    )
)


class SetupPages:
    """Mixed into SetupScreen: one method per page."""

    def page_mode(self, rect) -> list[Widget]:
        m = self.app.ctx.m
        out: list[Widget] = []
        modes = [("group", "group"), ("one-to-one", "one-to-one"), ("workshop", "workshop")]
        modes_r, label_r, decks_r = rows(rect, [1.0, m.px(S.LABEL_ROW), m.px(S.BUTTON_ROW)], m.gap)
        # Built in reading order (the modes, then the cards) so Tab goes down the page.
        for (mode, icon), r in zip(modes, rows(modes_r, [1, 1, 1], m.gap * 2), strict=True):
            out.append(
                Chip(
                    r,
                    self.app.w(f"mode_{mode}"),
                    f"mode:{mode}",
                    lambda mo=mode: self.set_mode(mo),
                    selected=self.mode == mode,
                    icon=icon,
                )
            )
        out.append(Label(label_r, self.app.w("setup_cards_label"), "body", bold=True, key="cards_label"))
        opts = self.deck_options()
        chosen = self.chosen_files()
        for (path, title, addon), r in zip(opts, cols(decks_r, [1] * max(1, len(opts)), m.gap), strict=False):
            out.append(
                Chip(
                    r,
                    title,
                    f"deck:{path.stem}",
                    lambda p=path, a=addon: self.toggle_deck(p, a),
                    selected=any(Path(c).resolve() == path.resolve() for c in chosen),
                    icon="cards",
                )
            )
        return out

    def page_players(self, rect) -> list[Widget]:
        m = self.app.ctx.m
        out: list[Widget] = []
        intro, area, add = rows(rect, [m.px(S.INTRO_ROW), 1.0, m.px(S.CHOICE_ROW)], m.gap)
        out.append(Label(intro, self.app.w("setup_players_intro"), "body", key="intro"))
        # One full-width row per player in a fixed slot, a page of PAGE_ROWS at a time: adding a player
        # never moves or narrows the rows already there (more players turn the page, not squeeze it).
        row_h = min(m.px(S.LIST_ROW), (area.height - m.gap * (PAGE_ROWS - 1)) // PAGE_ROWS)
        slots = self.slots()
        pages = max(1, -(-len(slots) // PAGE_ROWS))
        page = min(self.players_page, pages - 1)
        on_page = slots[page * PAGE_ROWS : (page + 1) * PAGE_ROWS]
        for (p, off), r in zip(on_page, grid(area, PAGE_ROWS, 1, m.gap, row_h), strict=False):
            workshop = self.mode == "workshop"
            shares = [r.height, 1.0, 0.5, 0.36, 0.36] if workshop else [r.height, 1.0, 0.55, 0.4]
            parts = cols(r, shares, m.gap // 2)
            if off:
                out += self.taken_off_row(p, parts)
                continue
            if workshop:
                # A trainer can join in without taking turns: tap to switch between player and trainer.
                out.append(
                    Button(
                        parts[4],
                        self.app.w(f"role_{p.role}"),
                        f"role:{p.id}",
                        lambda p=p: self.toggle_trainer(p),
                        size="small",
                    )
                )
            out.append(
                TokenButton(
                    parts[0],
                    self.app.w("setup_token_for", n=self.players.index(p) + 1),
                    f"token:{p.id}",
                    lambda p=p: self.next_token(p),
                    *TOKENS[p.token],
                )
            )
            p.box.rect = parts[1]
            p.box.hint = self.app.w("setup_name_hint")
            out.append(p.box)
            if self.mode == "one-to-one":
                out.append(
                    Button(
                        parts[2], self.app.w(f"role_{p.role}"), f"role:{p.id}", self.swap_roles, size="small"
                    )
                )
            else:
                out.append(
                    Button(
                        parts[2],
                        self.app.w(f"shown_{p.shown_as}"),
                        f"shown:{p.id}",
                        lambda p=p: self.cycle_shown(p),
                        size="small",
                    )
                )
            if self.mode == "one-to-one":
                out.append(
                    Button(
                        parts[3],
                        self.app.w(f"shown_{p.shown_as}"),
                        f"shown:{p.id}:b",
                        lambda p=p: self.cycle_shown(p),
                        size="small",
                    )
                )
            else:
                out.append(
                    Button(
                        parts[3],
                        self.app.w("btn_remove"),
                        f"remove:{p.id}",
                        lambda p=p: self.remove_player(p),
                        size="small",
                    )
                )
        if self.mode != "one-to-one":
            out.append(
                Button(
                    pygame.Rect(add.left, add.top, add.width // 2, add.height),
                    self.app.w("btn_add_player"),
                    "add_player",
                    self.add_player,
                    icon="plus",
                )
            )
        if pages > 1:
            words = self.app.w("btn_players_first" if page else "btn_players_later", n=PAGE_ROWS)
            out.append(
                Button(
                    pygame.Rect(add.centerx + m.gap // 2, add.top, add.width // 2 - m.gap // 2, add.height),
                    words,
                    "players_page",
                    self.turn_players_page,
                    icon="person",
                )
            )
        return out

    def taken_off_row(self, p, parts) -> list[Widget]:
        """A player just taken off: their slot says so, with Put back in the middle (never where Remove
        was, so a second tap there does nothing)."""
        name = p.box.text.strip()
        words = self.app.w("setup_removed", name=name) if name else self.app.w("setup_removed_blank")
        where = parts[0].union(parts[1])
        return [
            Label(where, words, "body", style="panel", key=f"removed:{p.id}"),
            Button(
                parts[2],
                self.app.w("btn_put_back"),
                f"put_back:{p.id}",
                lambda: self.put_back(p),
                icon="back",
            ),
        ]

    def turn_players_page(self) -> None:
        pages = max(1, -(-len(self.slots()) // PAGE_ROWS))
        self.players_page = (min(self.players_page, pages - 1) + 1) % pages

    def page_themes(self, rect) -> list[Widget]:
        m = self.app.ctx.m
        out: list[Widget] = []
        if self.decks is None:
            return [Label(rect, self.app.w("setup_no_decks"), "body", key="nodecks")]
        lbl1, themes_r, lbl2, length_r, steps_r, dice_r = rows(
            rect,
            [m.px(S.LABEL_ROW), 1.0, m.px(S.LABEL_ROW), m.px(S.TEXT_ROW), m.px(S.TEXT_ROW), m.px(S.TEXT_ROW)],
            m.gap,
        )
        out.append(Label(lbl1, self.app.w("setup_themes_intro"), "body", bold=True, key="themes_label"))
        ths = self.decks.themes
        for t, r in zip(ths, grid(themes_r, len(ths), 3, m.gap), strict=True):
            out.append(
                Chip(
                    r,
                    t.title,
                    f"theme:{t.id}",
                    lambda t=t.id: self.toggle_theme(t),
                    selected=t.id in self.themes,
                    icon=t.icon,
                    fill=hex_colour(t.colour),
                )
            )
        out.append(Label(lbl2, self.app.w("setup_length_label"), "body", bold=True, key="length_label"))
        for kind, r in zip(("themes", "rounds", "minutes"), cols(length_r, [1, 1, 1], m.gap), strict=True):
            out.append(
                Chip(
                    r,
                    self.app.w(f"length_{kind}"),
                    f"length:{kind}",
                    lambda k=kind: setattr(self, "length_kind", k),
                    selected=self.length_kind == kind,
                )
            )
        if self.length_kind != "themes":
            value = self.rounds if self.length_kind == "rounds" else self.minutes
            a, b, c = cols(steps_r, [m.target * 2, 1.0, m.target * 2], m.gap)
            out.append(Button(a, self.app.w("btn_less"), "less", lambda: self._bump(-1)))
            out.append(
                Label(
                    b,
                    self.app.w(f"length_{self.length_kind}_value" + ("_one" if value == 1 else ""), n=value),
                    "body",
                    align="center",
                    key="length_value",
                )
            )
            out.append(Button(c, self.app.w("btn_more"), "more", lambda: self._bump(1)))
        dice_opts = [(True, "dice_on"), (False, "dice_off")]
        timer_opts = (
            [(None, "timer_off"), (120, "timer_2"), (300, "timer_5")] if self.mode == "workshop" else []
        )
        opts = [("dice", v, k) for v, k in dice_opts] + [("timer", v, k) for v, k in timer_opts]
        for (what, v, k), r in zip(opts, cols(dice_r, [1] * len(opts), m.gap), strict=True):
            sel = (self.dice if what == "dice" else self.timer) == v
            out.append(
                Chip(r, self.app.w(k), f"{what}:{v}", lambda w=what, v=v: setattr(self, w, v), selected=sel)
            )
        return out

    def _bump(self, d: int) -> None:
        if self.length_kind == "rounds":
            self.rounds = max(1, min(50, self.rounds + d))
        else:
            self.minutes = max(5, min(480, self.minutes + 5 * d))

    def page_details(self, rect) -> list[Widget]:
        m = self.app.ctx.m
        out: list[Widget] = []
        parts = rows(
            rect,
            [
                m.px(S.LABEL_ROW),
                m.px(S.BUTTON_ROW),
                m.px(S.LABEL_ROW),
                m.px(S.BUTTON_ROW),
                m.px(S.LABEL_ROW),
                m.px(S.BUTTON_ROW),
                1.0,
            ],
            m.gap,
        )
        # The date and who writes the plan up share the last pair of rows, so four boxes fit at 720p
        # with the largest text.
        halves = [cols(parts[r], [0.35, 0.65], m.gap) for r in (4, 5)]
        fields = [
            ("setup_title_label", self.title_box, "setup_title_hint", parts[0], parts[1]),
            ("setup_service_label", self.service_box, "setup_service_hint", parts[2], parts[3]),
            ("setup_date_label", self.date_box, "setup_date_hint", halves[0][0], halves[1][0]),
            ("setup_written_label", self.written_box, "setup_written_hint", halves[0][1], halves[1][1]),
        ]
        for lk, box, hk, label_rect, box_rect in fields:
            out.append(Label(label_rect, self.app.w(lk), "body", bold=True, key=f"label:{box.key}"))
            box.rect = box_rect
            box.hint = self.app.w(hk)
            out.append(box)
        if self.previous_plan:
            n = sum(len(t.get("actions", [])) for t in self.previous_plan.get("themes", []))
            out.append(
                Label(
                    parts[6],
                    self.app.w("setup_review_note", date=show_day(self.previous_plan.get("date")), n=n),
                    "body",
                    key="review_note",
                )
            )
        return out


class TokenButton(Button):
    """A player's token: tap to change its shape and colour."""

    role = "token"

    def __init__(self, rect, text, key, action, shape, colour):
        super().__init__(rect, text, key, action)
        self.shape, self.colour = shape, hex_colour(colour)

    def draw(self, surface, ctx, focused=False):
        from game.ui.shapes import draw_token

        bg, fg = ctx.look.pair("button")
        self.colours = None
        pygame.draw.rect(surface, bg, self.rect, border_radius=ctx.m.px(S.RADIUS))
        pygame.draw.rect(
            surface, ctx.look.edge, self.rect, max(2, ctx.m.px(S.EDGE)), border_radius=ctx.m.px(S.RADIUS)
        )
        draw_token(surface, self.shape, self.colour, self.rect.center, self.rect.height * 0.36, ctx.look.edge)


PAGES = {
    "mode": SetupPages.page_mode,
    "players": SetupPages.page_players,
    "themes": SetupPages.page_themes,
    "details": SetupPages.page_details,
}
