"""Real input events made in code: a tap (mouse or finger) and a key press, as a person's hand makes them.

The demo's autoplayer posts these, and the tests drive the real screens with them.
"""

from __future__ import annotations

import pygame


def tap_events(pos, touch: bool = False, size=(1, 1), demo: bool = False) -> list:
    """A press and release at ``pos``, as the mouse or a finger would make them. ``demo`` marks events
    the autoplayer made, so a real person's tap can be told apart and take over."""
    if touch:
        x, y = pos[0] / size[0], pos[1] / size[1]
        common = {
            "touch_id": 1,
            "finger_id": 0,
            "x": x,
            "y": y,
            "dx": 0.0,
            "dy": 0.0,
            "pressure": 1.0,
            "demo": demo,
        }
        return [pygame.event.Event(pygame.FINGERDOWN, common), pygame.event.Event(pygame.FINGERUP, common)]
    return [
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False, demo=demo),
        pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False, demo=demo),
    ]


def key_event(key, mod=0, unicode="") -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode, scancode=0)
