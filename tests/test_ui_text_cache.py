"""Rendered text is cached within a byte budget, so a 4K screen cannot grow memory without end."""

from __future__ import annotations

import pygame

from game.ui.text import Fonts


def test_render_cache_stays_within_its_byte_budget():
    pygame.font.init()
    fonts = Fonts(cache_bytes=2 * 1024 * 1024)
    for i in range(200):
        fonts.render(f"Card number {i}: I choose what I do each day.", 96, (0, 0, 0), width=1600)
    held = sum(s.get_width() * s.get_height() * s.get_bytesize() for s in fonts._renders.values())
    assert held <= 2 * 1024 * 1024 and held == fonts._render_bytes
    # What is on screen now is still cached: the same words come back as the same surface.
    again = fonts.render("Card number 199: I choose what I do each day.", 96, (0, 0, 0), width=1600)
    assert again is fonts.render("Card number 199: I choose what I do each day.", 96, (0, 0, 0), width=1600)


def test_resizing_for_a_long_time_keeps_few_font_files_open():
    """Each Font holds its file open; a window dragged through hundreds of sizes must not run out."""
    import os

    from game.ui import text as text_mod
    from game.ui.harness import game_at, make_app, push_screen

    def open_files():
        return len(os.listdir("/proc/self/fd"))

    app = make_app((1280, 720))
    push_screen(app, "play:talk", game_at("talk"))
    app.step([])
    before = open_files()
    for i in range(80):  # from 1280x720 up to 4K: without a limit this opens about 160 fonts
        app.resize((1280 + 32 * i, 720 + 18 * i))
        app.step([])
    assert len(app.fonts._fonts) <= text_mod.FONT_LIMIT
    assert open_files() - before <= text_mod.FONT_LIMIT
    assert app.top.find("prompt") is not None  # and it still draws


def test_icons_are_cached_within_a_byte_budget():
    from game.ui.icons import Icons

    pygame.display.init()
    icons = Icons(cache_bytes=1024 * 1024)
    for size in range(40, 240, 4):
        for name in ("living", "people", "scale-real", "pass"):
            icons.get(name, size, (0, 0, 0))
    held = sum(s.get_width() * s.get_height() * s.get_bytesize() for s in icons._cache.values() if s)
    assert held <= 1024 * 1024 and held == icons._held
    again = icons.get("pass", 236, (0, 0, 0))  # the newest are still there
    assert again is icons.get("pass", 236, (0, 0, 0))
