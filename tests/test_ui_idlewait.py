"""The idle wait sleeps inside SDL and still hands every event to pygame, in order."""

from __future__ import annotations

import sys
import threading
import time

import pygame
import pytest

from game.ui.idlewait import IdleWaiter


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
    kinds = [pygame.USEREVENT, pygame.USEREVENT + 1]

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
    events = [e for e in waiter.wait(100) if e.type >= pygame.USEREVENT]
    assert events == [] and time.monotonic() - t0 < 2
