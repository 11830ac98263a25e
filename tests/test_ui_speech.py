"""Read aloud's worker: every request is spoken, including one made just as an idle worker ends."""

import threading
import time

from game.ui import speech


class FakeEspeak:
    said: list = []

    def __init__(self, args, **kw):
        FakeEspeak.said.append(args[-1])

    def poll(self):
        return 0

    def wait(self):
        return 0

    def terminate(self):
        pass


def _wait_for(cond, limit=5.0):
    end = time.monotonic() + limit
    while not cond() and time.monotonic() < end:
        time.sleep(0.01)
    return cond()


def test_each_request_is_spoken_and_an_idle_worker_hands_over(monkeypatch):
    monkeypatch.setattr(speech.subprocess, "Popen", FakeEspeak)
    monkeypatch.setattr(speech, "IDLE_SECONDS", 0.05)
    FakeEspeak.said = []
    done = threading.Event()
    sp = speech.Speaker("espeak", on_done=done.set)
    sp._espeak = sp._espeak or "espeak-ng"
    sp.available = True
    assert sp.say("First words ✔")
    assert _wait_for(lambda: FakeEspeak.said == ["First words"])
    assert _wait_for(lambda: sp._thread is None)  # the worker ended when there was nothing left
    assert sp.say("Second words")
    assert _wait_for(lambda: FakeEspeak.said == ["First words", "Second words"])
    assert done.is_set()


def test_a_request_queued_as_the_worker_gives_up_is_still_spoken(monkeypatch):
    monkeypatch.setattr(speech.subprocess, "Popen", FakeEspeak)
    FakeEspeak.said = []
    sp = speech.Speaker("espeak")
    sp._espeak = sp._espeak or "espeak-ng"
    sp.available = True
    real_get = sp._queue.get
    calls = {"n": 0}

    def get(timeout=None):
        calls["n"] += 1
        if calls["n"] == 1:
            # The worker found nothing to say; before it ends, someone taps Read aloud.
            sp._queue.put(("Tapped just then", 165, "en"))
            raise speech.queue.Empty
        return real_get(timeout=0.05)

    sp._queue.get = get
    with sp._lock:
        sp._thread = threading.Thread(target=sp._work, daemon=True)
        sp._thread.start()
    assert _wait_for(lambda: FakeEspeak.said == ["Tapped just then"])
    assert _wait_for(lambda: sp._thread is None)
