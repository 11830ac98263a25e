"""Setting up a game, one question per page: how we are playing, who is playing (a name, initials or
just a token, each with its own shape and colour), what to talk about and for how long, and the plan's
name and date. Nothing is saved until the game starts."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pygame

from game.model.state import SHAPES
from game.ui.decks import available_decks, default_files, load_for_game
from game.ui.gamelink import GameLink
from game.ui.layout import cols, grid, rows
from game.ui.look import TOKEN_COLOURS, hex_colour
from game.ui.screens.frame import FramedScreen
from game.ui.textbox import TextBox
from game.ui.widgets import Button, Chip, Label, Widget

TOKENS = list(
    zip(
        SHAPES,
        ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"],
        strict=True,
    )
)
STEPS = ("mode", "players", "themes", "details")
SHOWN = ("name", "initials", "anonymous")


def parse_day(text: str) -> dt.date | None:
    """Dates as people write them here: 25/12/2026, 25-12-2026, 25.12.2026 or 2026-12-25."""
    t = (text or "").strip()
    for sep in "/-.":
        parts = t.split(sep)
        if len(parts) == 3 and all(p.strip().isdigit() for p in parts):
            a, b, c = (int(p) for p in parts)
            try:
                return (
                    dt.date(a, b, c)
                    if len(parts[0].strip()) == 4
                    else dt.date(c if c > 99 else 2000 + c, b, a)
                )
            except ValueError:
                return None
    return None


def show_day(day: str | None) -> str:
    try:
        return dt.date.fromisoformat(day).strftime("%d/%m/%Y") if day else ""
    except ValueError:
        return day or ""


class PlayerRow:
    def __init__(self, n: int, token: int, role: str = "player"):
        self.id = f"p{n}"
        self.token = token
        self.shown_as = "name"
        self.role = role
        self.box = TextBox((0, 0, 10, 10), f"name:{self.id}", "", max_chars=60, single_line=True)

    def to_setup(self) -> dict:
        shape, colour = TOKENS[self.token]
        return {
            "id": self.id,
            "name": self.box.text.strip(),
            "shown_as": self.shown_as,
            "role": self.role,
            "shape": shape,
            "colour": colour,
        }


class SetupScreen(FramedScreen):
    name = "setup"

    def __init__(
        self, app, mode: str = "group", previous_plan: dict | None = None, today: dt.date | None = None
    ):
        super().__init__(app)
        self.step = 0
        self.mode = mode
        self.previous_plan = previous_plan
        self._next_id = 1
        self.players: list[PlayerRow] = []
        self.decks, self.deck_problems = None, []
        self.deck_files: list[Path] | None = None
        self._deck_options: list[tuple[Path, str, bool]] | None = None
        self.themes: list[str] = []
        self.length_kind, self.rounds, self.minutes = "themes", 2, 45
        self.dice = True
        self.timer = None
        day = today or dt.date.today()
        prev = previous_plan or {}
        self.title_box = TextBox(
            (0, 0, 10, 10), "plan_title", prev.get("title", ""), max_chars=120, single_line=True
        )
        self.service_box = TextBox(
            (0, 0, 10, 10), "plan_service", prev.get("service", ""), max_chars=120, single_line=True
        )
        self.date_box = TextBox(
            (0, 0, 10, 10), "plan_date", day.strftime("%d/%m/%Y"), max_chars=10, single_line=True
        )
        self.set_mode(mode)
        self._same_people_as(prev.get("participants") or [])
        if self.deck_problems:
            self.message = self.deck_problem_words()

    def _same_people_as(self, participants: list) -> None:
        """A review starts with last time's people already filled in (names as they were shown, tokens
        only for those who were anonymous), so nobody types them again; change or remove any of them."""
        people = [p for p in participants if isinstance(p, dict) and p.get("role") != "facilitator"][:8]
        if not people:
            return
        if self.mode != "one-to-one":
            while len(self.players) < len(people):
                self.add_player()
            del self.players[max(2, len(people)) :]  # no empty extra rows to fill or remove
        for row, person in zip(self.players, people, strict=False):
            if person.get("shown_as") == "anonymous":
                row.shown_as = "anonymous"
            elif person.get("shown_as", "name") == "name":
                row.box.set_text(str(person.get("label") or ""))
            if self.mode == "one-to-one" and person.get("role") in ("person", "supporter"):
                row.role = person["role"]
        if self.mode == "one-to-one" and self.players[0].role == self.players[1].role:
            self.players[0].role, self.players[1].role = "person", "supporter"

    # ----- choices --------------------------------------------------------------------------------
    def load_decks(self) -> None:
        files = self.deck_files if self.deck_files is not None else self.app.deck_paths
        self.decks, self.deck_problems = load_for_game(files, self.app.settings.language, self.mode)
        if self.deck_problems:
            self.message = self.deck_problem_words()
        ids = [t.id for t in self.decks.themes] if self.decks else []
        self.themes = [t for t in self.themes if t in ids] or ids

    def usual_deck(self) -> tuple[Path | None, str]:
        """The shipped main deck for this language and its title: what to play with if chosen cards fail."""
        files = default_files(self.app.settings.language, self.mode)
        main = files[0] if files else None
        for path, title, addon in self.deck_options():
            if main is not None and not addon and path.resolve() == main.resolve():
                return path, title
        return main, "Making It Real"

    def deck_problem_words(self) -> str | None:
        """The first problem with the chosen cards, as the file's name, the line and what to fix, plus how
        to play now with the usual cards. (``making-it-real check FILE`` lists every problem.)"""
        if not self.deck_problems:
            return None
        w = self.app.w
        first = str(self.deck_problems[0])
        found = re.match(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<what>.*)$", first, re.S)
        if found is None:
            found = re.match(r"^(?P<file>.+?\.ya?ml): (?P<what>.*)$", first, re.S)
        file = Path(found["file"]).name if found else ""
        what = found["what"] if found else first
        more = len(self.deck_problems) - 1
        usual_path, usual = self.usual_deck()
        chosen = [Path(f).resolve() for f in self.chosen_files()]
        fix = (
            ""
            if usual_path is not None and usual_path.resolve() in chosen
            else w("setup_deck_use_usual", deck=usual)
        )
        params = {"file": file, "what": what.strip(), "fix": fix}
        params["more"] = w("setup_deck_more", n=more, file=file) if more > 0 else ""
        if found is not None and "line" in found.groupdict() and found["line"]:
            return w("setup_deck_problem_at", line=found["line"], **params).strip()
        if found is not None:
            return w("setup_deck_problem_file", **params).strip()
        return w("setup_deck_problem", problem=first).strip() + " " + fix

    def problem(self) -> str | None:
        # A problem with the cards stays in view on every step until other cards are chosen.
        cards = self.deck_problem_words() if self.decks is None else None
        if cards and cards != self.message:
            return cards
        return super().problem()

    def deck_options(self) -> list[tuple[Path, str, bool]]:
        """Shipped deck files as (path, title, is an add-on), read once."""
        if self._deck_options is None:
            from game.model.deckload import DeckError, load_deck

            opts = []
            for f in available_decks():
                try:
                    d = load_deck(f)
                except (DeckError, OSError):
                    continue
                opts.append((f, d.info.title, d.info.extends is not None))
            self._deck_options = opts
        return self._deck_options

    def chosen_files(self) -> list[Path]:
        if self.deck_files is not None:
            return [Path(f) for f in self.deck_files]
        if self.app.deck_paths:
            return [Path(f) for f in self.app.deck_paths]
        return default_files(self.app.settings.language, self.mode)

    def toggle_deck(self, path: Path, addon: bool) -> None:
        chosen = self.chosen_files()
        if addon:
            chosen = [f for f in chosen if f != path] if path in chosen else chosen + [path]
        else:
            chosen = [path] + [f for f in chosen if any(f == o[0] and o[2] for o in self.deck_options())]
        self.deck_files = chosen
        self.load_decks()

    def set_mode(self, mode: str) -> None:
        changed = mode != self.mode or self.decks is None
        self.mode = mode
        if changed:
            self.load_decks()
        want = 2 if mode == "one-to-one" else (3 if mode == "group" else 2)
        self.players = self.players[:want] if mode == "one-to-one" else self.players
        while len(self.players) < want:
            self.add_player()
        if mode == "one-to-one":
            self.players[0].role, self.players[1].role = "person", "supporter"
        else:
            for p in self.players:
                p.role = "player"

    def add_player(self) -> None:
        if len(self.players) >= 8:
            self.message = self.app.w("setup_max_players")
            return
        used = {p.token for p in self.players}
        token = next(i for i in range(len(TOKENS)) if i not in used)
        self.players.append(PlayerRow(self._next_id, token))
        self._next_id += 1

    def remove_player(self, row: PlayerRow) -> None:
        if len(self.players) <= (2 if self.mode != "workshop" else 1):
            self.message = self.app.w("setup_min_players")
            return
        self.players.remove(row)

    def next_token(self, row: PlayerRow) -> None:
        used = {p.token for p in self.players if p is not row}
        for k in range(1, len(TOKENS) + 1):
            cand = (row.token + k) % len(TOKENS)
            if cand not in used:
                row.token = cand
                return

    def cycle_shown(self, row: PlayerRow) -> None:
        row.shown_as = SHOWN[(SHOWN.index(row.shown_as) + 1) % len(SHOWN)]

    def toggle_trainer(self, row: PlayerRow) -> None:
        row.role = "player" if row.role == "facilitator" else "facilitator"
        if all(p.role == "facilitator" for p in self.players):
            row.role = "player"
            self.message = self.app.w("setup_need_a_player")

    def swap_roles(self) -> None:
        for p in self.players:
            p.role = "supporter" if p.role == "person" else "person"

    def toggle_theme(self, theme: str) -> None:
        if theme in self.themes:
            if len(self.themes) == 1:
                self.message = self.app.w("setup_one_theme")
                return
            self.themes.remove(theme)
        else:
            self.themes.append(theme)

    def setup_dict(self) -> dict:
        day = parse_day(self.date_box.text)
        length = {
            "kind": self.length_kind,
            "value": {"themes": 0, "rounds": self.rounds, "minutes": self.minutes}[self.length_kind],
        }
        return {
            "mode": self.mode,
            "players": [p.to_setup() for p in self.players],
            "themes": [t.id for t in self.decks.themes if t.id in self.themes],
            "length": length,
            "title": self.title_box.text.strip(),
            "service": self.service_box.text.strip(),
            "date": day.isoformat() if day else self.date_box.text.strip(),
            "dice": self.dice,
            "seed": int(pygame.time.get_ticks()) % 100000
            if not getattr(self.app, "seed", None)
            else self.app.seed,
            "previous_plan": self.previous_plan,
            "timer_seconds": self.timer,
            "practice": self.mode == "workshop",
            "keep": self.mode != "workshop",
            "language": self.app.settings.language,
        }

    # ----- moving through the pages ---------------------------------------------------------------
    def title(self) -> str:
        return self.app.w(f"setup_{STEPS[self.step]}_title", n=self.step + 1, of=len(STEPS))

    def speech_text(self) -> str:
        return self.title() + ". " + self.app.w(f"setup_{STEPS[self.step]}_intro")

    def back(self) -> bool:
        if self.step > 0:
            self.step -= 1
            self.message = None
            self.needs_build = True
            return True
        self.app.pop()
        return True

    def forward(self) -> None:
        self.message = None
        if STEPS[self.step] == "players":
            for i, p in enumerate(self.players):
                if p.shown_as != "anonymous" and not p.box.text.strip():
                    self.message = self.app.w("setup_need_name", n=i + 1)
                    self.focus_key = p.box.key
                    return
        if STEPS[self.step] == "details":
            self.start_game()
            return
        self.step += 1
        self.focus_key = None
        self.needs_build = True

    def start_game(self) -> None:
        if self.decks is None:
            self.message = self.app.w("setup_no_decks")
            return
        if parse_day(self.date_box.text) is None:
            self.message = self.app.w("setup_bad_date")
            self.focus_key = "plan_date"
            return
        link, out = GameLink.start(self.app.store, self.decks, self.setup_dict())
        if link is None:
            self.message = self.app.w(out.reason, **out.params)
            return
        from game.ui.screens.play import PlayScreen

        self.app.replace(PlayScreen(self.app, link))

    def bottom_buttons(self):
        last = STEPS[self.step] == "details"
        return [
            ("back", self.app.w("btn_back"), self.back, "back", "button"),
            self.speak_button(),
            ("next", self.app.w("btn_start_game" if last else "btn_next"), self.forward, "play", "primary"),
        ]

    # ----- pages ----------------------------------------------------------------------------------
    def body(self, rect):
        return getattr(self, "_page_" + STEPS[self.step])(rect)

    def _page_mode(self, rect) -> list[Widget]:
        m = self.app.ctx.m
        out: list[Widget] = []
        modes = [("group", "people"), ("one-to-one", "connected"), ("workshop", "note")]
        modes_r, label_r, decks_r = rows(rect, [1.0, m.px(50), m.px(100)], m.gap)
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
        return out

    def _page_players(self, rect) -> list[Widget]:
        m = self.app.ctx.m
        out: list[Widget] = []
        intro, area, add = rows(rect, [m.px(56), 1.0, m.px(92)], m.gap)
        out.append(Label(intro, self.app.w("setup_players_intro"), "body", key="intro"))
        ncols = 2 if len(self.players) > 4 else 1
        nrows = max(2 if ncols == 1 else 4, -(-len(self.players) // ncols))
        row_h = min(m.px(104), (area.height - m.gap * (nrows - 1)) // nrows)
        for p, r in zip(self.players, grid(area, len(self.players), ncols, m.gap, row_h), strict=False):
            workshop = self.mode == "workshop"
            shares = [r.height, 1.0, 0.5, 0.36, 0.36] if workshop else [r.height, 1.0, 0.55, 0.4]
            parts = cols(r, shares, m.gap // 2)
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
        return out

    def _page_themes(self, rect) -> list[Widget]:
        m = self.app.ctx.m
        out: list[Widget] = []
        if self.decks is None:
            return [Label(rect, self.app.w("setup_no_decks"), "body", key="nodecks")]
        lbl1, themes_r, lbl2, length_r, steps_r, dice_r = rows(
            rect, [m.px(50), 1.0, m.px(50), m.px(96), m.px(96), m.px(96)], m.gap
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
                    self.app.w(f"length_{self.length_kind}_value", n=value),
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

    def _page_details(self, rect) -> list[Widget]:
        m = self.app.ctx.m
        out: list[Widget] = []
        parts = rows(rect, [m.px(50), m.px(100), m.px(50), m.px(100), m.px(50), m.px(100), 1.0], m.gap)
        fields = [
            ("setup_title_label", self.title_box, "setup_title_hint"),
            ("setup_service_label", self.service_box, "setup_service_hint"),
            ("setup_date_label", self.date_box, "setup_date_hint"),
        ]
        for i, (lk, box, hk) in enumerate(fields):
            out.append(Label(parts[2 * i], self.app.w(lk), "body", bold=True, key=f"label:{box.key}"))
            box.rect = parts[2 * i + 1]
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
        pygame.draw.rect(surface, bg, self.rect, border_radius=ctx.m.px(14))
        pygame.draw.rect(surface, ctx.look.edge, self.rect, max(2, ctx.m.px(3)), border_radius=ctx.m.px(14))
        draw_token(surface, self.shape, self.colour, self.rect.center, self.rect.height * 0.36, ctx.look.edge)


__all__ = ["SetupScreen", "parse_day", "show_day", "TOKEN_COLOURS"]
