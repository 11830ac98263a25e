"""The first screen: start a new game, carry on a paused one, review a plan, run a workshop or a demo,
or change the settings. Big buttons with pictures and few words.

After a stop or a crash, the game that was left first comes first: "Carry on <title>, <date>" is the
top button and where the keyboard starts, so nobody has to hunt for what they were doing."""

from __future__ import annotations

import pygame

from game.ui import sizes as S
from game.ui.days import show_day
from game.ui.layout import grid, rows
from game.ui.screens.frame import FramedScreen, shorten
from game.ui.widgets import Button, Label


class StartScreen(FramedScreen):
    name = "start"
    title_key = "start_title"

    def bottom_buttons(self):
        full = self.app.w("btn_window") if self.app.settings.fullscreen else self.app.w("btn_fullscreen")
        return [
            self.speak_button(),
            ("fullscreen", full, self.app.toggle_fullscreen, "fullscreen", "button"),
            ("quit", self.app.w("btn_close_game"), self.quit, "close", "button"),
        ]

    def back(self) -> bool:
        return False  # Escape on the first screen does nothing: closing needs the Close button

    def quit(self) -> None:
        self.app.running = False

    def speech_text(self) -> str:
        left = self.left_game()
        intro = self.app.w("start_intro")
        return f"{self.carry_on_words(left)}. {intro}" if left else intro

    def left_game(self) -> dict | None:
        """The most recently played game that was not finished (stopped, or cut off by a crash)."""
        for row in self.app.store.list_games():  # never raises: a store that cannot be read lists nothing
            if not row.get("finished"):
                return row
        return None

    def carry_on_words(self, row: dict) -> str:
        title = shorten(row.get("title") or self.app.w("untitled"), 60)
        return self.app.w("start_carry_on", title=title, date=show_day(row.get("date")))

    def body(self, rect):
        m = self.app.ctx.m
        left = self.left_game()
        if left:
            intro, carry_r, grid_r = rows(rect, [m.px(S.START_INTRO), m.px(S.CARRY_ON_ROW), 1.0], m.gap)
        else:
            (intro, grid_r), carry_r = rows(rect, [m.px(S.START_INTRO), 1.0], m.gap), None
        out = [Label(intro, self.app.w("start_intro"), "body", key="intro")]
        if left:
            rid = str(left.get("id"))
            out.append(
                Button(
                    carry_r,
                    self.carry_on_words(left),
                    "carry_on",
                    lambda: self.resume(rid),
                    icon="resume",
                    style="primary",
                    size="heading",
                )
            )
        items = [
            ("new", "start_new", "play", self.new_game, "button" if left else "primary"),
            (
                "continue",
                "start_other_game" if left else "start_continue",
                "resume",
                self.continue_game,
                "button",
            ),
            ("review", "start_review", "lookback", self.review, "button"),
            ("workshop", "start_workshop", "workshop", self.workshop, "button"),
            ("demo", "start_demo", "die", self.demo, "button"),
            ("settings", "start_settings", "settings", self.open_settings, "button"),
        ]
        for (key, wkey, icon, action, style), r in zip(
            items, grid(grid_r, len(items), 2, m.gap * 2), strict=True
        ):
            out.append(Button(r, self.app.w(wkey), key, action, icon=icon, style=style, size="heading"))
        return out

    def resume(self, rid: str) -> None:
        from game.store import StoreError, UnknownId
        from game.store.session import PlaySession

        try:
            session = PlaySession.resume(self.app.store, rid)
        except (UnknownId, StoreError):
            self.message = self.app.w("resume_failed")
            return
        self.app.show("play", link=session)

    def new_game(self, mode="group", previous_plan=None):
        self.app.show("setup", mode=mode, previous_plan=previous_plan)

    def workshop(self):
        self.new_game("workshop")

    def continue_game(self):
        self.app.show("choose", what="games")

    def review(self):
        self.app.show("choose", what="plans")

    def demo(self):
        from game.ui.autoplay import start_demo

        start_demo(self.app, seed=pygame.time.get_ticks() % 1000, mode="group", players=3)

    def open_settings(self):
        self.app.show("settings")
