"""Sleeping until something happens, without using the processor.

pygame-ce's ``event.wait()`` checks for events every millisecond (it cannot sleep inside SDL because of
how it filters events), which costs about 2 % of a core on an idle lounge TV. SDL itself can sleep until
the window system wakes it: ``SDL_WaitEventTimeout(NULL, ms)`` waits for an event *without taking it
off the queue*, so pygame then reads it as usual. We call it through ctypes on the very SDL library
pygame loaded; where that library cannot be found, we fall back to ``pygame.event.wait``.
"""

from __future__ import annotations

import ctypes
import sys

import pygame


class IdleWaiter:
    def __init__(self):
        self._wait = None
        lib = self._find_sdl()
        if lib is not None:
            try:
                fn = lib.SDL_WaitEventTimeout
                fn.argtypes = [ctypes.c_void_p, ctypes.c_int]
                fn.restype = ctypes.c_int
                self._wait = fn
            except AttributeError:
                self._wait = None

    @staticmethod
    def _find_sdl():
        """The SDL2 library already loaded in this process (the one pygame uses), or None."""
        if not sys.platform.startswith("linux"):
            return None
        try:
            with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
                for line in maps:
                    path = line.split()[-1]
                    name = path.rsplit("/", 1)[-1]
                    if name.startswith("libSDL2-2") or name.startswith("libSDL2-2.0.so"):
                        return ctypes.CDLL(path)
        except OSError:
            return None
        return None

    @property
    def sleeps(self) -> bool:
        return self._wait is not None

    def wait(self, timeout_ms: int = 60_000) -> list:
        """Block until at least one event is waiting (or the timeout passes), then return all events."""
        if self._wait is None:
            first = pygame.event.wait(timeout_ms)
            return ([first] if first.type != pygame.NOEVENT else []) + pygame.event.get()
        self._wait(None, int(timeout_ms))
        return pygame.event.get()
