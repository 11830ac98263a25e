"""Colours for the two looks (default and high contrast) and the contrast sums that keep text readable.

Contrast follows WCAG 2: relative luminance of sRGB colours, ratio (L1 + 0.05) / (L2 + 0.05).
Text on a theme colour is never drawn on the raw colour: ``readable_fill`` nudges the colour lighter or
darker (keeping its hue) until black or white text on it reaches 7:1.
"""

from __future__ import annotations

from dataclasses import dataclass

Colour = tuple[int, int, int]

MIN_CONTRAST = 7.0


def hex_colour(text: str, default: Colour = (128, 128, 128)) -> Colour:
    try:
        t = text.strip().lstrip("#")
        return (int(t[0:2], 16), int(t[2:4], 16), int(t[4:6], 16))
    except (ValueError, IndexError, AttributeError):
        return default


def _channel(c: int) -> float:
    v = c / 255
    return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4


def luminance(colour: Colour) -> float:
    r, g, b = colour[:3]
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: Colour, b: Colour) -> float:
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


BLACK: Colour = (0, 0, 0)
WHITE: Colour = (255, 255, 255)


def text_on(fill: Colour, dark: Colour = BLACK, light: Colour = WHITE) -> Colour:
    """Black or white, whichever reads better on ``fill``."""
    return dark if contrast(dark, fill) >= contrast(light, fill) else light


def mix(a: Colour, b: Colour, t: float) -> Colour:
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))  # type: ignore[return-value]


def readable_fill(colour: Colour, target: float = MIN_CONTRAST) -> tuple[Colour, Colour]:
    """(fill, text colour) close to ``colour`` where the text reaches ``target`` contrast."""
    ink = text_on(colour)
    toward = WHITE if ink == BLACK else BLACK
    fill = colour
    step = 0
    while contrast(ink, fill) < target and step < 20:
        step += 1
        fill = mix(colour, toward, step * 0.05)
    return fill, ink


@dataclass(frozen=True)
class Look:
    name: str
    background: Colour
    panel: Colour
    text: Colour
    muted: Colour  # secondary text; still 7:1 on background and panel
    button: Colour
    button_text: Colour
    primary: Colour
    primary_text: Colour
    selected: Colour
    selected_text: Colour
    card: Colour
    card_text: Colour
    edge: Colour
    focus: Colour
    problem: Colour
    problem_text: Colour
    timer_soft: Colour  # gentle cue when a workshop turn runs over
    wheel_empty: Colour
    board: Colour

    def pair(self, role: str) -> tuple[Colour, Colour]:
        """(background, text) for a role name used by widgets."""
        return {
            "screen": (self.background, self.text),
            "panel": (self.panel, self.text),
            "button": (self.button, self.button_text),
            "primary": (self.primary, self.primary_text),
            "selected": (self.selected, self.selected_text),
            "card": (self.card, self.card_text),
            "problem": (self.problem, self.problem_text),
            "timer": (self.timer_soft, self.text),
            "board": (self.board, self.text),
        }[role]


DEFAULT = Look(
    name="default",
    background=(250, 247, 240),
    panel=(255, 255, 255),
    text=(20, 24, 32),
    muted=(80, 82, 90),
    button=(228, 234, 244),
    button_text=(16, 22, 40),
    primary=(20, 60, 120),
    primary_text=(255, 255, 255),
    selected=(16, 22, 40),
    selected_text=(255, 255, 255),
    card=(255, 255, 255),
    card_text=(10, 10, 10),
    edge=(40, 48, 64),
    focus=(200, 80, 0),
    problem=(255, 236, 200),
    problem_text=(60, 20, 0),
    timer_soft=(255, 240, 214),
    wheel_empty=(214, 218, 226),
    board=(238, 233, 222),
)

HIGH_CONTRAST = Look(
    name="high-contrast",
    background=(0, 0, 0),
    panel=(0, 0, 0),
    text=(255, 255, 255),
    muted=(235, 235, 235),
    button=(0, 0, 0),
    button_text=(255, 255, 0),
    primary=(255, 255, 0),
    primary_text=(0, 0, 0),
    selected=(255, 255, 255),
    selected_text=(0, 0, 0),
    card=(0, 0, 0),
    card_text=(255, 255, 255),
    edge=(255, 255, 255),
    focus=(0, 255, 255),
    problem=(60, 0, 0),
    problem_text=(255, 255, 255),
    timer_soft=(40, 30, 0),
    wheel_empty=(60, 60, 60),
    board=(0, 0, 0),
)


def look_for(high_contrast: bool) -> Look:
    return HIGH_CONTRAST if high_contrast else DEFAULT


# Okabe–Ito colours: told apart by most people with colour blindness; tokens add a shape as well.
TOKEN_COLOURS: dict[str, Colour] = {
    "orange": (230, 159, 0),
    "sky": (86, 180, 233),
    "green": (0, 158, 115),
    "yellow": (240, 228, 66),
    "blue": (0, 114, 178),
    "red": (213, 94, 0),
    "pink": (204, 121, 167),
    "grey": (150, 150, 150),
}
