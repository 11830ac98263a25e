"""The App: owns the window, fonts, settings, speech, store and the screen stack, and runs the loop.

This is the only place that waits for events and flips the display. When nothing changed and nothing
moves, ``run`` sleeps until an event arrives (``game.ui.idlewait``), so an idle game uses no processor time.
``step(events)`` is one turn of the loop, for tests and benchmarks: it hands the events to the top
screen, advances animations, and redraws only if something changed. It returns whether it drew.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

import pygame

from game.ui.icons import Icons
from game.ui.idlewait import IdleWaiter
from game.ui.layout import Metrics
from game.ui.look import look_for
from game.ui.settings import Settings, load_settings, save_settings, settings_path
from game.ui.speech import SPEECH_DONE, SPEECH_READY, Speaker
from game.ui.text import Fonts
from game.ui.widgets import Ctx
from game.words import Words

log = logging.getLogger(__name__)

TICK = pygame.event.custom_type()  # once a second while a timer or a draft save is due


class App:
    def __init__(
        self,
        size: tuple[int, int] = (1920, 1080),
        *,
        headless: bool = False,
        data_dir: str | os.PathLike | None = None,
        settings: Settings | None = None,
        speaker: Speaker | None = None,
        store=None,
        deck_paths: list[str] | None = None,
        fullscreen: bool | None = None,
        save_settings_file: bool = True,
    ):
        if headless:
            os.environ["SDL_VIDEODRIVER"] = "dummy"
            os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
        pygame.display.init()
        pygame.font.init()
        self.headless = headless or os.environ.get("SDL_VIDEODRIVER") == "dummy"
        self.data_dir = Path(data_dir) if data_dir else None
        self._settings_path = settings_path(data_dir)
        self._save_settings_file = save_settings_file
        self.settings = settings or load_settings(self._settings_path)
        if fullscreen is not None:
            self.settings.fullscreen = fullscreen
        self.windowed_size = (max(320, int(size[0])), max(240, int(size[1])))
        self.window = self._make_window()
        pygame.display.set_caption("Making It Real")
        self.fonts = Fonts(self.settings.dyslexic_font)
        self.icons = Icons()
        self.speaker = speaker or Speaker("record" if self.headless else "auto", on_done=self._speech_done)
        self.deck_paths = list(deck_paths or [])
        self._store = store
        self.screens: list = []
        self.clock = pygame.time.Clock()
        self.running = True
        self.frames = 0
        self.last_frame_ms = 0.0
        self._last = time.perf_counter()
        self._dirty = True
        self._ctx: Ctx | None = None
        self.timer_on = False
        self.autoplayer = None
        self.on_frame = None  # called with the App after each frame is drawn (demo --describe)
        self.demo_data_dir = False  # True: the demo saves in the data folder (`demo --data-dir`)
        self._demo_store = None
        self.presenter = None  # the trainer's second window (game.ui.presenter), open only when asked for
        self.days_on = 0  # the demo's review is played months on: the game's clock runs this many days ahead

    # ----- window --------------------------------------------------------------------------------------
    def now(self) -> float:
        """The time the game's steps are stamped with: the real time, moved on only for the demo's review
        (so its plan is checked on the review's day, not three months before it)."""
        return time.time() + self.days_on * 86400

    def _make_window(self) -> pygame.Surface:
        flags = pygame.RESIZABLE
        if self.settings.fullscreen and not os.environ.get("SDL_VIDEODRIVER") == "dummy":
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        return pygame.display.set_mode(self.windowed_size, flags)

    @property
    def size(self) -> tuple[int, int]:
        return self.window.get_size()

    def open_presenter(self) -> None:
        """Open the trainer's presenter view (on the other display when there are two)."""
        if self.presenter is None:
            from game.ui.presenter import Presenter

            self.presenter = Presenter(self)
            self._dirty = True

    def close_presenter(self) -> None:
        if self.presenter is not None:
            self.presenter.close()
            self.presenter = None

    def toggle_fullscreen(self) -> None:
        self.settings.fullscreen = not self.settings.fullscreen
        self.window = self._make_window()
        self.save_settings()
        self.relayout()

    def resize(self, size: tuple[int, int]) -> None:
        """Used by tests and the benchmark to lay out at another size."""
        self.windowed_size = size
        self.window = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.relayout()

    def invalidate(self) -> None:
        """Draw on the next step even if no event changed anything (tests, benchmarks)."""
        self._dirty = True

    def relayout(self) -> None:
        self._ctx = None
        for s in self.screens:
            s.needs_build = True
        self._dirty = True

    # ----- shared things screens use -------------------------------------------------------------------
    @property
    def ctx(self) -> Ctx:
        if self._ctx is None or (self._ctx.m.width, self._ctx.m.height) != self.size:
            w, h = self.size
            self._ctx = Ctx(
                fonts=self.fonts,
                icons=self.icons,
                look=look_for(self.settings.high_contrast),
                m=Metrics(w, h, self.settings.text_size),
                words=Words(self.settings.language),
            )
        return self._ctx

    @property
    def words(self) -> Words:
        return self.ctx.words

    def w(self, key: str, **params) -> str:
        return self.ctx.words.get(key, **params)

    @property
    def store(self):
        if self.autoplayer is not None and not self.demo_data_dir:
            # "Watch a demo": the demo's game is kept in memory, never among the real saved games.
            if self._demo_store is None:
                from game.store import memory_store

                self._demo_store = memory_store(self.settings.language)
            return self._demo_store
        if self._store is None:
            from game.store import open_store

            self._store = open_store(self.data_dir)  # never raises: a store in memory says what is wrong
        return self._store

    def settings_changed(self) -> None:
        self.fonts.set_dyslexic(self.settings.dyslexic_font)
        self.save_settings()
        self.relayout()

    def save_settings(self) -> None:
        if self._save_settings_file:
            save_settings(self.settings, self._settings_path)

    def say(self, text: str) -> bool:
        if not self.settings.read_aloud:
            return False
        return self.speaker.say(text, self.settings.speech_rate, self.settings.language)

    def _speech_done(self) -> None:
        try:
            pygame.event.post(pygame.event.Event(SPEECH_DONE))
        except pygame.error:
            pass

    # ----- the stack -----------------------------------------------------------------------------------
    @property
    def top(self):
        return self.screens[-1] if self.screens else None

    def push(self, screen) -> None:
        self.speaker.stop()  # reading stops when the screen changes
        self.screens.append(screen)
        screen.enter()
        self._dirty = True

    def pop(self):
        if not self.screens:
            return None
        s = self.screens.pop()
        s.exit()
        self.speaker.stop()
        if self.top:
            self.top.needs_build = True
        self._dirty = True
        return s

    def replace(self, screen) -> None:
        if self.screens:
            self.screens.pop().exit()
        self.push(screen)

    def reset_to(self, screen) -> None:
        while self.screens:
            self.screens.pop().exit()
        self.push(screen)

    def show(self, name: str, *, how: str = "push", **kw):
        """Open the screen called ``name`` (see game.ui.screens.SCREENS) with these arguments, on top
        ("push"), in place of the top one ("replace"), or on a fresh stack ("reset"). Returns it."""
        from game.ui.screens import screen_class

        screen = screen_class(name)(self, **kw)
        {"push": self.push, "replace": self.replace, "reset": self.reset_to}[how](screen)
        return screen

    def set_timer(self, on: bool) -> None:
        """Ask for a gentle once-a-second tick (for the workshop timer and draft saving); off when idle."""
        if on != self.timer_on:
            self.timer_on = on
            pygame.time.set_timer(TICK, 1000 if on else 0)

    # ----- the loop ------------------------------------------------------------------------------------
    def step(self, events: list | None = None) -> bool:
        """One pass of the loop. Returns True if it drew a frame."""
        events = list(events or [])
        if self.presenter is not None:
            events = self.presenter.take(events)  # the presenter window's own; the rest are the shared one's
        changed = self._dirty
        screen_events = []
        for e in events:
            if e.type == pygame.QUIT:
                self.running = False
            elif e.type in (
                pygame.VIDEORESIZE,
                pygame.WINDOWSIZECHANGED,
                pygame.WINDOWRESTORED,
                pygame.WINDOWEXPOSED,
            ):
                self.relayout()
                changed = True
            elif e.type == pygame.KEYDOWN and e.key == pygame.K_F11:
                self.toggle_fullscreen()
                changed = True
            elif e.type in (SPEECH_READY, SPEECH_DONE):
                # The Read aloud button shows speaking / stopped / not available: rebuild it.
                if self.speaker.handle(e) and self.top is not None:
                    self.top.needs_build = True
                changed = True
            else:
                screen_events.append(e)
        top = self.top
        now = time.perf_counter()
        dt, self._last = now - self._last, now
        animating = False
        if top is not None:
            if screen_events:
                changed |= bool(top.handle(screen_events))
            top = self.top
            if top is not None:
                animating = bool(top.update(min(dt, 0.1)))
        self.animating = animating
        if not (changed or animating) or top is None:
            return False
        t0 = time.perf_counter()
        self.draw()
        pygame.display.flip()
        if self.presenter is not None:
            self.presenter.draw()
        self.last_frame_ms = (time.perf_counter() - t0) * 1000
        self.frames += 1
        self._dirty = False
        if self.on_frame is not None:
            self.on_frame(self)
        return True

    def draw(self) -> None:
        surf = self.window
        # Screens that are not opaque (dialogs) draw over the one beneath.
        start = len(self.screens) - 1
        while start > 0 and not self.screens[start].opaque:
            start -= 1
        for s in self.screens[start:]:
            s.draw(surf)

    def run(self) -> None:
        waiter = IdleWaiter()
        self.animating = False
        self.step([])
        while self.running and self.screens:
            ap = self.autoplayer
            if self.animating:
                self.clock.tick(60)
                events = pygame.event.get()
            elif ap is not None:
                # The demo wakes up when its next step is due, and sleeps in between.
                events = waiter.wait(max(1, min(1000, int(ap.wait_ms()))))
            else:
                # Nothing moving and nobody touching it: sleep until something happens.
                events = waiter.wait()
            if self.autoplayer is not None:
                events = self.autoplayer.filter(events)
            try:
                self.step(events)
            except Exception:  # noqa: BLE001 - the loop's top: every step is already saved; log it, play on
                log.exception("a step of the game window failed")
        self.close()

    def close(self) -> None:
        self.close_presenter()
        self.speaker.stop()
        for s in list(self.screens):
            s.exit()
        pygame.time.set_timer(TICK, 0)
        if self._store is not None and hasattr(self._store, "close"):
            self._store.close()  # lets go of the lock, so another window (or a test) can open the file

    def screenshot(self, path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(self.window, str(path))
        return path

    def widgets(self) -> list[dict]:
        """What the top screen shows: role, key, words and rect of every widget (for tests and the demo)."""
        return self.top.describe() if self.top else []
