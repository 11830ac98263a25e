"""A screen on the App's stack: builds its widgets from the window size and the game, takes a LIST of
events and says whether anything changed, and draws. Focus, pointer, touch and keyboard handling shared
by every screen live here, so each screen only says what its widgets are and what they do."""

from __future__ import annotations

import pygame

from game.ui import sizes as S
from game.ui.textbox import TextBox
from game.ui.widgets import Widget

NAV_KEYS = (pygame.K_TAB, pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT)


def pointer_of(event, size) -> tuple[str, tuple[int, int]] | None:
    """("down"|"up"|"move", pos) for mouse or touch events; None for anything else.

    SDL also turns each touch into a mouse event marked ``touch``; those are skipped so one tap
    is handled once."""
    t = event.type
    if t in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION):
        if getattr(event, "touch", False):
            return None
        if t != pygame.MOUSEMOTION and getattr(event, "button", 1) != 1:
            return None
        kind = {pygame.MOUSEBUTTONDOWN: "down", pygame.MOUSEBUTTONUP: "up", pygame.MOUSEMOTION: "move"}[t]
        if kind == "move" and not getattr(event, "buttons", (0,))[0]:
            return None
        return kind, tuple(event.pos)
    if t in (pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION):
        kind = {pygame.FINGERDOWN: "down", pygame.FINGERUP: "up", pygame.FINGERMOTION: "move"}[t]
        return kind, (int(event.x * size[0]), int(event.y * size[1]))
    return None


class Screen:
    opaque = True
    name = "screen"

    def __init__(self, app):
        self.app = app
        self.widgets: list[Widget] = []
        self.focus_key: str | None = None
        self.show_focus = False
        self.pressed: Widget | None = None
        self.needs_build = True
        self.message: str | None = None  # a plain line shown at the top, e.g. why a step was refused

    # lifecycle
    def enter(self) -> None:
        self.needs_build = True

    def exit(self) -> None:
        pass

    def build(self, rect: pygame.Rect) -> list[Widget]:
        return []

    def back(self) -> bool:
        """Escape / the Back button. Default: leave this screen."""
        if len(self.app.screens) > 1:
            self.app.pop()
            return True
        return False

    def speech_text(self) -> str:
        return ""

    def update(self, dt: float) -> bool:
        return False

    # widgets
    def ensure_built(self) -> None:
        if self.needs_build:
            self.needs_build = False
            self.widgets = self.build(pygame.Rect((0, 0), self.app.size))
            keys = [w.key for w in self.focusables()]
            if self.focus_key not in keys:
                self.focus_key = self.default_focus()
            self._sync_text_input()

    def typing_box(self) -> TextBox | None:
        """The box this screen is for typing into, if its job is typing: the keyboard starts there, and
        typed characters (a space too) go only into it, wherever the focus was, so typing never presses
        a button by accident."""
        return None

    def _typing_box(self) -> TextBox | None:
        box = self.typing_box()
        return box if box is not None and box in self.focusables() else None

    def default_focus(self) -> str | None:
        """Where the keyboard starts: the box to type in, else the main (primary) button, so Enter
        does the obvious thing."""
        box = self._typing_box()
        if box is not None:
            return box.key
        items = self.focusables()
        for w in items:
            if isinstance(w, TextBox):
                return w.key
        for w in items:
            if getattr(w, "style", "") == "primary":
                return w.key
        return None

    def focusables(self) -> list[Widget]:
        return [w for w in self.widgets if w.focusable and w.enabled]

    def focused(self) -> Widget | None:
        for w in self.focusables():
            if w.key == self.focus_key:
                return w
        return None

    def find(self, key: str) -> Widget | None:
        for w in self.widgets:
            if w.key == key:
                return w
        return None

    def describe(self) -> list[dict]:
        self.ensure_built()
        return [w.describe() for w in self.widgets]

    def set_focus(self, key: str | None) -> None:
        if key != self.focus_key:
            old = self.focused()
            if isinstance(old, TextBox):
                self.on_text_blur(old)
            self.focus_key = key
            self._sync_text_input()

    def on_text_blur(self, box: TextBox) -> None:
        """A text box lost focus: screens save a draft here."""

    def _sync_text_input(self) -> None:
        w = self.focused()
        if not isinstance(w, TextBox):
            w = self._typing_box()  # typing goes on even while a button has the focus
        if isinstance(w, TextBox):
            pygame.key.start_text_input()
            pygame.key.set_text_input_rect(w.rect)
        else:
            pygame.key.stop_text_input()

    # input
    def handle(self, events: list) -> bool:
        self.ensure_built()
        changed = False
        for i, e in enumerate(events):
            top = self.app.top
            if top is not self:
                # A tap opened or closed a screen: the rest (a quick second tap) belong to the one now
                # on show, not to this one, which is hidden or gone.
                return changed | bool(top is not None and top.handle(events[i:]))
            changed |= self.handle_one(e)
            if self.needs_build:
                self.ensure_built()
        return changed

    def handle_one(self, e) -> bool:
        p = pointer_of(e, self.app.size)
        if p:
            return self._pointer(*p)
        if e.type == pygame.KEYDOWN:
            return self._key(e)
        if e.type in (pygame.TEXTINPUT, pygame.TEXTEDITING):
            w = self.focused()
            if not isinstance(w, TextBox):
                w = self._typing_box()
                if w is not None:
                    self.set_focus(w.key)
            if isinstance(w, TextBox):
                return w.handle(self.app, e)
        return False

    def hit(self, pos) -> Widget | None:
        for w in reversed(self.widgets):
            if w.focusable and w.enabled and w.rect.collidepoint(pos):
                return w
        return None

    def _pointer(self, kind: str, pos) -> bool:
        if kind == "down":
            w = self.hit(pos)
            self.show_focus = False
            self.pressed = w
            if isinstance(w, TextBox):
                self.set_focus(w.key)
                w.pointer_down(pos, bool(pygame.key.get_mods() & pygame.KMOD_SHIFT))
                return True
            return w is not None
        if kind == "move":
            if isinstance(self.pressed, TextBox):
                self.pressed.pointer_drag(pos)
                return True
            return False
        w = self.hit(pos)
        pressed, self.pressed = self.pressed, None
        if isinstance(pressed, TextBox):
            pressed.pointer_up(pos)
            self._dismiss_message()
            return True
        if w is not None and w is pressed:
            self.set_focus(w.key)
            return self.activate(w)
        if pressed is None and w is None:
            return self._dismiss_message()  # a tap on the message, or on nothing, puts it away
        return pressed is not None

    def _dismiss_message(self) -> bool:
        """A message is read until the next tap, wherever it lands (a workshop's long message covers the
        row's buttons until then)."""
        if not self.message:
            return False
        self.message = None
        self.needs_build = True
        return True

    def activate(self, w: Widget) -> bool:
        self.message = None
        done = w.activate(self.app)
        self.needs_build = True
        return done or True

    def _key(self, e) -> bool:
        w = self.focused()
        if isinstance(w, TextBox) and e.key not in (pygame.K_TAB, pygame.K_ESCAPE):
            if w.handle(self.app, e):
                return True
            if e.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                # Enter in a one-line box (a name, a date) goes on: to the next box, or after the last
                # one to the main button, so a second Enter does the obvious thing (never Back).
                self.show_focus = True
                return self.enter_onwards(w)
            if e.key not in (pygame.K_UP, pygame.K_DOWN):
                return False
        if e.key == pygame.K_ESCAPE:
            self.message = None
            done = self.back()
            self.needs_build = True
            return done
        if e.key == pygame.K_TAB:
            self.show_focus = True
            return self.move_focus(-1 if e.mod & pygame.KMOD_SHIFT else 1)
        if e.key in (pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT):
            self.show_focus = True
            return self.move_spatial(e.key)
        box = self._typing_box()
        if box is not None and _typed_char(e):
            # A letter or a space on a typing step belongs in the box (its text arrives as TEXTINPUT
            # just after this key), never to the button that had the focus.
            self.set_focus(box.key)
            return True
        if e.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            if w is not None and not isinstance(w, TextBox):
                self.show_focus = True
                return self.activate(w)
        return False

    def enter_onwards(self, box: TextBox) -> bool:
        items = self.focusables()
        after = items[items.index(box) + 1 :] if box in items else []
        nxt = next((w for w in after if isinstance(w, TextBox)), None)
        nxt = nxt or next((w for w in items if getattr(w, "style", "") == "primary"), None)
        if nxt is None:
            return self.move_focus(1)
        self.set_focus(nxt.key)
        return True

    def move_focus(self, step: int) -> bool:
        items = self.focusables()
        if not items:
            return False
        keys = [w.key for w in items]
        i = keys.index(self.focus_key) if self.focus_key in keys else (-1 if step > 0 else 0)
        self.set_focus(keys[(i + step) % len(keys)])
        return True

    def move_spatial(self, key) -> bool:
        cur = self.focused()
        items = [w for w in self.focusables() if w is not cur]
        if cur is None:
            # The first arrow press shows where the keyboard is: the place it starts, not the first
            # thing in the list (a button in the corner).
            start = self.default_focus()
            if start is None:
                return self.move_focus(1)
            self.set_focus(start)
            return True
        best = nearest(cur.rect, items, key)
        if best is None:
            return False
        self.set_focus(best.key)
        return True

    # drawing
    def draw(self, surface: pygame.Surface) -> None:
        self.ensure_built()
        ctx = self.app.ctx
        surface.fill(ctx.look.background)
        fw = self.focused()
        for w in self.widgets:
            w.draw(surface, ctx, focused=(w is fw and (self.show_focus or w.role == "textbox")))
        if fw is not None and self.show_focus:
            draw_focus_ring(surface, ctx, fw.rect)


def nearest(rect: pygame.Rect, items: list[Widget], key) -> Widget | None:
    """The control an arrow key goes to: in that direction, and first among those in line with this one
    (the same row for left and right, the same column for up and down), the closest; only when none is
    in line, the closest by distance, counting sideways distance double."""
    horizontal = key in (pygame.K_LEFT, pygame.K_RIGHT)
    sign = 1 if key in (pygame.K_RIGHT, pygame.K_DOWN) else -1
    best, best_d = None, None
    for w in items:
        r = w.rect
        if horizontal:
            ahead = (r.centerx - rect.centerx) * sign
            gap = max(0, (r.left - rect.right) if sign > 0 else (rect.left - r.right))
            inline = r.top < rect.bottom and r.bottom > rect.top
            across = abs(r.centery - rect.centery)
        else:
            ahead = (r.centery - rect.centery) * sign
            gap = max(0, (r.top - rect.bottom) if sign > 0 else (rect.top - r.bottom))
            inline = r.left < rect.right and r.right > rect.left
            across = abs(r.centerx - rect.centerx)
        if ahead <= 0:
            continue
        d = (0 if inline else 1_000_000) + gap + (across if inline else 2 * across)
        if best_d is None or d < best_d:
            best, best_d = w, d
    return best


def _typed_char(e) -> bool:
    """A key that types a character (a letter, a digit, a space), not a shortcut with Ctrl or Alt."""
    if getattr(e, "mod", 0) & (pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META):
        return False
    ch = getattr(e, "unicode", "") or ""
    return e.key == pygame.K_SPACE or (len(ch) == 1 and ch.isprintable())


FOCUS_DARK = (0, 0, 0)
FOCUS_LIGHT = (255, 255, 255)


def draw_focus_ring(surface, ctx, rect: pygame.Rect) -> None:
    """A two-tone ring: black outside, the look's focus colour, white inside. Whatever colour is behind
    (an orange tile, a dark panel, white paper) one of the tones stands out from it."""
    m = ctx.m
    band = max(2, m.px(S.FOCUS_RING) // 3)
    ring = rect.inflate(2 * m.px(S.FOCUS_OFFSET), 2 * m.px(S.FOCUS_OFFSET))
    radius = m.px(S.RADIUS) + m.px(S.FOCUS_OFFSET)
    outer = ring.inflate(2 * band, 2 * band)
    pygame.draw.rect(surface, FOCUS_DARK, outer, band, border_radius=radius + band)
    pygame.draw.rect(surface, ctx.look.focus, ring, band, border_radius=radius)
    inner = ring.inflate(-2 * band, -2 * band)
    pygame.draw.rect(surface, FOCUS_LIGHT, inner, band, border_radius=max(0, radius - band))
