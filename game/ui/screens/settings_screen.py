"""Settings: text size, high contrast, read aloud and its speed, less movement, full screen, language,
and an easier-to-read font. Each choice shows at once and is remembered on this computer."""

from __future__ import annotations

import pygame

from game.ui import sizes as S
from game.ui.layout import cols, rows
from game.ui.screens.frame import FramedScreen
from game.ui.settings import SPEECH_RATES, TEXT_SIZES
from game.ui.widgets import Chip, Label
from game.words import languages


class SettingsScreen(FramedScreen):
    name = "settings"
    title_key = "settings_title"

    def bottom_buttons(self):
        return [("back", self.app.w("btn_done"), self.back, "check", "primary"), self.speak_button()]

    def _rows(self):
        s, w = self.app.settings, self.app.w
        on_off = [(True, w("opt_on")), (False, w("opt_off"))]
        return [
            ("text_size", w("set_text_size"), [(v, w(f"opt_size_{i}")) for i, v in enumerate(TEXT_SIZES)]),
            ("high_contrast", w("set_high_contrast"), on_off),
            ("read_aloud", w("set_read_aloud"), on_off),
            ("speech_rate", w("set_speech_rate"), [(v, w(f"opt_rate_{v}")) for v in SPEECH_RATES]),
            ("reduced_motion", w("set_reduced_motion"), on_off),
            ("fullscreen", w("set_fullscreen"), on_off),
            ("language", w("set_language"), [(v, w(f"lang_{v}")) for v in languages()]),
            ("dyslexic_font", w("set_dyslexic_font"), on_off),
        ], s

    def body(self, rect):
        m = self.app.ctx.m
        items, s = self._rows()
        out = []
        for (name, label, options), r in zip(
            items, rows(rect, [1] * len(items), m.px(S.SETTING_ROWS_GAP)), strict=True
        ):
            left, right = cols(r, [0.42, 0.58], m.gap)
            out.append(Label(left, label, "body", bold=True, key=f"label:{name}"))
            for (value, words), c in zip(options, cols(right, [1] * len(options), m.gap), strict=True):
                out.append(
                    Chip(
                        c,
                        words,
                        f"{name}:{value}",
                        self._setter(name, value),
                        selected=getattr(s, name) == value,
                    )
                )
        return out

    def _setter(self, name, value):
        def set_it():
            if name == "fullscreen":
                if self.app.settings.fullscreen != value:
                    self.app.toggle_fullscreen()
                return
            setattr(self.app.settings, name, value)
            self.app.settings_changed()

        return set_it

    def speech_text(self) -> str:
        return self.app.w("settings_intro")


def open_settings(app) -> None:
    app.push(SettingsScreen(app))


__all__ = ["SettingsScreen", "open_settings", "pygame"]
