"""The idle wait sleeps inside SDL and still hands every event to pygame, in order."""

from __future__ import annotations

import ctypes
import sys
import threading
import time
from types import SimpleNamespace

import pygame
import pytest

from game.ui import idlewait
from game.ui.idlewait import IdleWaiter

# Event numbers of these tests' own, so that none of them is one the game's screens listen for.
OURS, OURS_TOO = pygame.event.custom_type(), pygame.event.custom_type()


@pytest.fixture
def display():
    pygame.display.init()
    pygame.display.set_mode((320, 240))
    pygame.event.clear()
    yield
    pygame.display.quit()


def test_wait_returns_events_posted_from_another_thread(display):
    waiter = IdleWaiter()
    if sys.platform.startswith("linux"):
        assert waiter.sleeps, "on Linux the SDL library pygame loaded should be found"
    kinds = [OURS, OURS_TOO]

    def post():
        time.sleep(0.05)
        for k in kinds:
            pygame.event.post(pygame.event.Event(k, n=k))

    threading.Thread(target=post).start()
    got: list = []
    deadline = time.monotonic() + 5
    while len(got) < 2 and time.monotonic() < deadline:
        got += [e for e in waiter.wait(2000) if e.type in kinds]
    assert [e.type for e in got] == kinds


def test_wait_times_out_with_nothing(display):
    waiter = IdleWaiter()
    t0 = time.monotonic()
    events = [e for e in waiter.wait(100) if e.type in (OURS, OURS_TOO)]
    assert events == [] and time.monotonic() - t0 < 2


@pytest.mark.parametrize(
    "path",
    [
        "/usr/lib/x86_64-linux-gnu/libSDL2-2.0.so.0.3000.0",
        "/venv/lib/python3.11/site-packages/pygame_ce.libs/libSDL2-2-50d19f93.0.so.0.3200.10",
        "C:\\Users\\Pat\\game\\.venv\\Lib\\site-packages\\pygame\\SDL2.dll",
        "/Users/pat/game/.venv/lib/python3.11/site-packages/pygame/.dylibs/libSDL2-2.0.0.dylib",
        "/Library/Frameworks/SDL2.framework/Versions/A/SDL2",
    ],
)
def test_sdl2_is_recognised_by_its_name_on_each_system(path):
    assert idlewait.is_sdl2(path)


@pytest.mark.parametrize(
    "path",
    [
        "/venv/pygame_ce.libs/libSDL2_image-2-d6906c81.0.so.0.800.12",
        "C:\\pygame\\SDL2_ttf.dll",
        "/usr/lib/libSDL3.so.0",
        "/usr/lib/libc.so.6",
    ],
)
def test_other_libraries_are_not_taken_for_sdl2(path):
    assert not idlewait.is_sdl2(path)


def real_sdl_path() -> str:
    with open("/proc/self/maps", encoding="utf-8") as maps:
        return next(line.split(maxsplit=5)[5].strip() for line in maps if "libSDL2-2" in line)


linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="borrows Linux's loaded SDL")


@linux_only
def test_the_windows_path_sleeps_in_the_sdl_windows_already_loaded(display):
    asked = []

    def get_module_handle(name):  # as kernel32's: the handle of the SDL already loaded
        asked.append(name)
        return ctypes.CDLL(real_sdl_path())._handle

    waiter = IdleWaiter(idlewait._from_windows(SimpleNamespace(GetModuleHandleW=get_module_handle)))
    assert asked == ["SDL2.dll"] and waiter.sleeps
    pygame.event.post(pygame.event.Event(OURS, n=1))
    assert [e.type for e in waiter.wait(2000) if e.type == OURS] == [OURS]


def test_the_windows_path_gives_up_when_sdl2_dll_is_not_loaded():
    def get_module_handle(name):
        return None

    assert idlewait._from_windows(SimpleNamespace(GetModuleHandleW=get_module_handle)) is None


@linux_only
def test_the_macos_path_finds_sdl_among_the_loaded_images(display):
    images = [b"/usr/lib/libSystem.B.dylib", b"/x/libSDL2_ttf-2.0.0.dylib", real_sdl_path().encode()]

    def image_count():
        return len(images)

    def image_name(i):
        return images[i]

    lib = idlewait._from_dyld(image_count, image_name)
    assert lib is not None and IdleWaiter(lib).sleeps
    images.pop()
    assert idlewait._from_dyld(image_count, image_name) is None


def test_without_sdl_the_wait_falls_back_to_pygame_and_still_delivers(display, monkeypatch):
    monkeypatch.setattr(idlewait, "loaded_sdl", lambda: None)
    waiter = IdleWaiter()
    assert not waiter.sleeps
    pygame.event.post(pygame.event.Event(OURS, n=1))
    assert [e.type for e in waiter.wait(2000) if e.type == OURS] == [OURS]
    t0 = time.monotonic()
    assert [e for e in waiter.wait(100) if e.type in (OURS, OURS_TOO)] == []
    assert time.monotonic() - t0 < 2


def test_an_unknown_system_falls_back_cleanly():
    assert idlewait.loaded_sdl("freebsd14") is None
    assert idlewait.loaded_sdl("win32") is None or sys.platform == "win32"
    assert idlewait.loaded_sdl("darwin") is None or sys.platform == "darwin"
