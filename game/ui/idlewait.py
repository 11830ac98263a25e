"""Sleeping until something happens, without using the processor.

pygame-ce's ``event.wait()`` checks for events every millisecond (it cannot sleep inside SDL because of
how it filters events), which costs about 2 % of a core on an idle lounge TV. SDL itself can sleep until
the window system wakes it: ``SDL_WaitEventTimeout(NULL, ms)`` waits for an event *without taking it
off the queue*, so pygame then reads it as usual. We call it through ctypes on the very SDL library
pygame loaded (never a second copy, which would not know pygame's window), found the way each system
lists a process's loaded libraries: /proc/self/maps on Linux, the loaded-module table on Windows, dyld's
image list on macOS. Where it cannot be found, we fall back to ``pygame.event.wait``.
"""

from __future__ import annotations

import ctypes
import re
import sys

import pygame

_SDL2_NAMES = re.compile(r"(libSDL2-2[.-].*|SDL2\.dll|SDL2)", re.IGNORECASE)  # not SDL2_image, SDL2_ttf ...


def is_sdl2(path: str) -> bool:
    """Whether a loaded library's path is SDL 2 itself: libSDL2-2.0.so.0 (or a wheel's renamed copy,
    libSDL2-2-1a2b3c4d.0.so...), SDL2.dll, libSDL2-2.0.0.dylib or SDL2.framework's SDL2."""
    return bool(_SDL2_NAMES.fullmatch(re.split(r"[\\/]", path.strip())[-1]))


def _from_proc_maps(maps_path: str = "/proc/self/maps"):
    with open(maps_path, encoding="utf-8", errors="replace") as maps:
        for line in maps:
            parts = line.split(maxsplit=5)
            if len(parts) == 6 and is_sdl2(parts[5]):
                return ctypes.CDLL(parts[5].strip())
    return None


def _from_windows(kernel32):
    """SDL2.dll as Windows already loaded it for pygame (GetModuleHandle never loads a second copy)."""
    get_handle = kernel32.GetModuleHandleW
    get_handle.argtypes = [ctypes.c_wchar_p]
    get_handle.restype = ctypes.c_void_p
    handle = get_handle("SDL2.dll")
    return ctypes.CDLL("SDL2.dll", handle=handle) if handle else None


def _from_dyld(image_count, image_name):
    """The SDL2 image among those dyld has loaded into this process (opening it again gives the same)."""
    image_count.restype = ctypes.c_uint32
    image_name.argtypes = [ctypes.c_uint32]
    image_name.restype = ctypes.c_char_p
    for i in range(image_count()):
        raw = image_name(i)
        path = raw.decode("utf-8", "replace") if raw else ""
        if is_sdl2(path):
            return ctypes.CDLL(path)
    return None


def loaded_sdl(platform: str = sys.platform):
    """The SDL2 library already loaded in this process (the one pygame uses), or None."""
    try:
        if platform.startswith("linux"):
            return _from_proc_maps()
        if platform == "win32":
            return _from_windows(ctypes.WinDLL("kernel32"))
        if platform == "darwin":
            system = ctypes.CDLL(None)
            return _from_dyld(system._dyld_image_count, system._dyld_get_image_name)
    except (OSError, AttributeError, ValueError):
        return None
    return None


class IdleWaiter:
    def __init__(self, sdl=None):
        """``sdl``: the loaded SDL library to sleep in (found with ``loaded_sdl`` when not given)."""
        self._wait = None
        lib = sdl if sdl is not None else loaded_sdl()
        if lib is not None:
            try:
                fn = lib.SDL_WaitEventTimeout
                fn.argtypes = [ctypes.c_void_p, ctypes.c_int]
                fn.restype = ctypes.c_int
                self._wait = fn
            except AttributeError:
                self._wait = None

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
