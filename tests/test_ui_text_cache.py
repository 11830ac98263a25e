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
