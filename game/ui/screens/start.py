"""The first screen: start a new game, carry on a paused one, review a plan, run a workshop or a demo,
or change the settings. Big buttons with pictures and few words."""

from __future__ import annotations

import pygame

from game.ui.layout import grid, rows
from game.ui.screens.frame import FramedScreen
from game.ui.widgets import Button, Label


class StartScreen(FramedScreen):
    name = "start"
    title_key = "start_title"

    def bottom_buttons(self):
        full = self.app.w("btn_window") if self.app.settings.fullscreen else self.app.w("btn_fullscreen")
        return [
            self.speak_button(),
            ("fullscreen", full, self.app.toggle_fullscreen, "square", "button"),
            ("quit", self.app.w("btn_close_game"), self.quit, "close", "button"),
        ]

    def back(self) -> bool:
        return False  # Escape on the first screen does nothing: closing needs the Close button

    def quit(self) -> None:
        self.app.running = False

    def speech_text(self) -> str:
        return self.app.w("start_intro")

    def body(self, rect):
        m = self.app.ctx.m
        intro, grid_r = rows(rect, [m.px(90), 1.0], m.gap)
        out = [Label(intro, self.app.w("start_intro"), "body", key="intro")]
        items = [
            ("new", "start_new", "play", self.new_game, "primary"),
            ("continue", "start_continue", "resume", self.continue_game, "button"),
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

    def new_game(self, mode="group", previous_plan=None):
        from game.ui.screens.setup import SetupScreen

        self.app.push(SetupScreen(self.app, mode=mode, previous_plan=previous_plan))

    def workshop(self):
        self.new_game("workshop")

    def continue_game(self):
        from game.ui.screens.choose import ChooseGameScreen

        self.app.push(ChooseGameScreen(self.app, "games"))

    def review(self):
        from game.ui.screens.choose import ChooseGameScreen

        self.app.push(ChooseGameScreen(self.app, "plans"))

    def demo(self):
        from game.ui.autoplay import start_demo

        start_demo(self.app, seed=pygame.time.get_ticks() % 1000, mode="group", players=3)

    def open_settings(self):
        from game.ui.screens.settings_screen import SettingsScreen

        self.app.push(SettingsScreen(self.app))
