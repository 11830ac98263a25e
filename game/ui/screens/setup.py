"""Setting up a game, one question per page: how we are playing, who is playing (a name, initials or
just a token, each with its own shape and colour), what to talk about and for how long, and the plan's
name and date. Nothing is saved until the game starts."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pygame

from game.model.setup import like_last_time
from game.store.session import PlaySession
from game.ui import sizes as S
from game.ui.days import parse_day, show_day
from game.ui.decks import available_decks, default_files, load_for_game
from game.ui.look import TOKEN_COLOURS
from game.ui.screens.frame import FramedScreen
from game.ui.screens.setup_pages import PAGE_ROWS, PAGES, TOKENS, SetupPages
from game.ui.textbox import TextBox

STEPS = ("mode", "players", "themes", "details")
SHOWN = ("name", "initials", "anonymous")


class PlayerRow:
    def __init__(self, n: int, token: int, role: str = "player"):
        self.id = f"p{n}"
        self.token = token
        self.shown_as = "name"
        self.blank_token = False  # shown by the token because the name was left blank
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


class SetupScreen(SetupPages, FramedScreen):
    keep_message_room = True  # a message (a deck that cannot be used) never pushes the choices down
    message_room = S.SETUP_MESSAGE
    name = "setup"
    samples = STEPS

    @classmethod
    def sample(cls, app, variant="", link=None):
        scr = cls(app)
        scr.step = STEPS.index(variant or "mode")
        for i, p in enumerate(scr.players):
            p.box.set_text(["Ann", "Bilal", "Cerys"][i % 3])
        return scr

    def __init__(
        self, app, mode: str = "group", previous_plan: dict | None = None, today: dt.date | None = None
    ):
        super().__init__(app)
        self.step = 0
        self.mode = mode
        self.previous_plan = previous_plan
        self._next_id = 1
        self.players: list[PlayerRow] = []
        self.players_page = 0  # which page of player rows is in view
        self.gone: dict[int, PlayerRow] = {}  # slot -> a player just taken off, kept in place (see slots)
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
        self.written_box = TextBox(
            (0, 0, 10, 10), "plan_written_by", prev.get("written_by", ""), max_chars=120, single_line=True
        )
        self.date_box = TextBox(
            (0, 0, 10, 10), "plan_date", day.strftime("%d/%m/%Y"), max_chars=10, single_line=True
        )
        self.set_mode(mode)
        self._same_people_as(prev.get("participants") or [])
        self._played_as_last_time(prev)
        if self.deck_problems:
            self.message = self.deck_problem_words()

    def _played_as_last_time(self, prev: dict) -> None:
        """A review starts with last time's themes, dice and length, each of which can be changed."""
        last = like_last_time(prev, self.decks) if self.decks else {}
        self.themes = last.get("themes", self.themes)
        self.dice = last.get("dice", self.dice)
        length = last.get("length")
        if length and length.get("kind") in ("themes", "rounds", "minutes"):
            self.length_kind = length["kind"]
            if length["kind"] == "rounds":
                self.rounds = length.get("value") or self.rounds
            elif length["kind"] == "minutes":
                self.minutes = length.get("value") or self.minutes

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
        self.gone.clear()
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
        self.players_page = (len(self.slots()) - 1) // PAGE_ROWS  # the new row is in view to be named

    def slots(self) -> list[tuple[PlayerRow, bool]]:
        """The player rows as shown, with (row, taken off): a player taken off keeps their slot, with
        Put back, until the page is left, so the rows below never move up under a finger (a second
        tap on Remove lands on nothing, not on the next player's Remove)."""
        out = [(p, False) for p in self.players]
        for at in sorted(self.gone):
            out.insert(min(at, len(out)), (self.gone[at], True))
        return out

    def remove_player(self, row: PlayerRow) -> None:
        if len(self.players) <= (2 if self.mode != "workshop" else 1):
            self.message = self.app.w("setup_min_players")
            return
        at = [p for p, _ in self.slots()].index(row)
        self.players.remove(row)
        self.gone[at] = row

    def put_back(self, row: PlayerRow) -> None:
        if len(self.players) >= 8:
            self.message = self.app.w("setup_max_players")
            return
        at = next(k for k, r in self.gone.items() if r is row)
        before = [p for p, off in self.slots()[:at] if not off]
        del self.gone[at]
        self.players.insert(len(before), row)
        if any(p.token == row.token for p in self.players if p is not row):
            self.next_token(row)  # their token went to a player added since

    def next_token(self, row: PlayerRow) -> None:
        used = {p.token for p in self.players if p is not row}
        for k in range(1, len(TOKENS) + 1):
            cand = (row.token + k) % len(TOKENS)
            if cand not in used:
                row.token = cand
                return

    def cycle_shown(self, row: PlayerRow) -> None:
        row.blank_token = False
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
            "written_by": self.written_box.text.strip(),
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

    def reviewing(self) -> dict | None:
        prev = self.previous_plan
        return {"title": prev.get("title"), "date": prev.get("date")} if prev else None

    def speech_text(self) -> str:
        return self.title_line() + ". " + self.app.w(f"setup_{STEPS[self.step]}_intro")

    def back(self) -> bool:
        self.gone.clear()
        if self.step > 0:
            self.step -= 1
            self.message = None
            self.needs_build = True
            return True
        self.app.pop()
        return True

    def forward(self) -> None:
        self.message = None
        self.gone.clear()
        if STEPS[self.step] == "players":
            for p in self.players:
                if not p.box.text.strip() and p.shown_as != "anonymous":
                    p.shown_as, p.blank_token = "anonymous", True  # blank means "use the token", as promised
                elif p.box.text.strip() and p.blank_token:
                    p.shown_as, p.blank_token = "name", False  # a name typed after all is shown
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
        session = PlaySession.start(
            self.app.store, self.decks, self.setup_dict(), at=self.app.now(), clock=self.app.now
        )
        out = session.outcome
        if not out.ok:  # nothing was saved: the set-up can be corrected and started again
            self.message = self.app.w(out.reason, **out.params)
            return
        self.app.show("play", how="replace", link=session)

    def bottom_buttons(self):
        last = STEPS[self.step] == "details"
        return [
            ("back", self.app.w("btn_back"), self.back, "back", "button"),
            self.speak_button(),
            ("next", self.app.w("btn_start_game" if last else "btn_next"), self.forward, "play", "primary"),
        ]

    # ----- pages ----------------------------------------------------------------------------------
    def body(self, rect):
        return PAGES[STEPS[self.step]](self, rect)


__all__ = ["SetupScreen", "parse_day", "show_day", "TOKEN_COLOURS"]
