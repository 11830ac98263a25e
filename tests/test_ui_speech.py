"""Read aloud really speaks: words become a WAV (espeak-ng here), rendered off the game loop, played through
pygame's mixer, stopped when the screen changes; the button says speaking, stopped or not available and
why; `speak` says or saves, and exits 2 with a clear message when it cannot."""

import io
import math
import shutil
import struct
import threading
import time
import wave

import pygame
import pytest

from game.cli import main
from game.ui import speech
from game.ui.harness import game_at, make_app, push_screen
from game.ui.speech import SPEECH_DONE, SPEECH_READY, Speaker

has_espeak = pytest.mark.skipif(
    not (shutil.which("espeak-ng") or shutil.which("espeak")), reason="espeak-ng is not installed"
)


def tone(seconds=0.3, rate=22050) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        frames = (int(8000 * math.sin(i / 10)) for i in range(int(seconds * rate)))
        w.writeframes(b"".join(struct.pack("<h", f) for f in frames))
    return out.getvalue()


def wav_info(path) -> tuple[float, int]:
    with wave.open(str(path)) as w:
        return w.getnframes() / w.getframerate(), w.getnchannels()


@has_espeak
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "I get information in a way I understand."),
        ("cy", "Rydw i'n cael gwybodaeth mewn ffordd rydw i'n ei deall."),
    ],
)
def test_speak_writes_a_wav_of_real_speech(tmp_path, capsys, language, text):
    out = tmp_path / f"{language}.wav"
    assert main(["speak", text, "--language", language, "--out", str(out)]) == 0
    seconds, channels = wav_info(out)
    assert seconds > 0.5 and channels == 1
    assert f"{seconds:.1f}" in capsys.readouterr().out
    samples = out.read_bytes()[44:]
    assert (
        max(abs(v) for (v,) in struct.iter_unpack("<h", samples[: len(samples) // 2 * 2])) > 1000
    )  # not silence


@has_espeak
def test_welsh_and_english_voices_differ():
    same = "Mae hi'n braf heddiw"
    assert speech.render_wav(same, "cy") != speech.render_wav(same, "en")


def test_speak_without_an_engine_exits_2_and_says_why(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(speech, "engine", lambda: None)
    assert main(["speak", "Hello", "--out", str(tmp_path / "x.wav")]) == 2
    err = capsys.readouterr().err
    assert "Cannot speak:" in err and "espeak-ng" in err
    assert not (tmp_path / "x.wav").exists()
    assert main(["speak", "✔"]) == 2  # nothing left to say once symbols are dropped


def pump(app, until, limit=5.0):
    end = time.monotonic() + limit
    while time.monotonic() < end:
        app.step(pygame.event.get())
        if until():
            return True
        time.sleep(0.01)
    return until()


def test_read_aloud_renders_off_the_loop_then_plays_and_the_button_shows_it(monkeypatch):
    release = threading.Event()
    asked = []

    finished = threading.Event()

    def slow_render(text, language="en", rate="normal"):
        asked.append((text, language))
        release.wait(5)
        finished.set()
        return tone()

    monkeypatch.setattr(speech, "engine", lambda: "espeak")
    monkeypatch.setattr(speech, "render_wav", slow_render)
    app = make_app((1280, 720), speaker=Speaker("auto"), language="cy")
    push_screen(app, "play:pick", game_at("pick"))
    app.step([])
    button = next(w for w in app.widgets() if w["key"] == "speak")
    app.top.activate(app.top.find("speak"))
    assert not finished.is_set()  # the tap returns while the voice is still being made, in a worker
    app.step(pygame.event.get())  # and the loop goes on meanwhile
    assert not finished.is_set()
    assert asked and asked[0][1] == "cy"  # in the screen's language
    release.set()
    assert pump(app, lambda: app.speaker.state == "speaking")
    button = next(w for w in app.widgets() if w["key"] == "speak")
    assert button["text"] == app.w("btn_read_aloud_stop")
    assert pump(app, lambda: app.speaker.state == "stopped")  # the sound ended by itself
    button = next(w for w in app.widgets() if w["key"] == "speak")
    assert button["text"] == app.w("btn_read_aloud")


def test_changing_screen_stops_reading_and_drops_late_results(monkeypatch):
    monkeypatch.setattr(speech, "engine", lambda: "espeak")
    monkeypatch.setattr(speech, "render_wav", lambda *a, **k: tone(3.0))
    app = make_app((1280, 720), speaker=Speaker("auto"))
    push_screen(app, "play:pick", game_at("pick"))
    app.step([])
    app.top.activate(app.top.find("speak"))
    assert pump(app, lambda: app.speaker.state == "speaking")
    push_screen(app, "settings")
    assert app.speaker.state == "stopped"
    # A result that arrives after the screen changed is not played.
    sp = app.speaker
    sp.say("Old words")
    sp.stop()
    stale = pygame.event.Event(SPEECH_READY, ticket=sp._ticket - 1, wav=tone(), error="")
    assert sp.handle(stale) is False and sp.state == "stopped"
    assert sp.handle(pygame.event.Event(SPEECH_DONE)) is True


def test_no_engine_shows_not_available_and_why(monkeypatch):
    monkeypatch.setattr(speech, "engine", lambda: None)
    app = make_app((1280, 720), speaker=Speaker("auto"))
    push_screen(app, "play:pick", game_at("pick"))
    app.step([])
    button = next(w for w in app.widgets() if w["key"] == "speak")
    assert button["text"] == app.w("btn_read_aloud_none")
    app.top.activate(app.top.find("speak"))
    app.step([])
    assert app.top.message == app.w("speech_unavailable", why=app.w(speech.no_engine_key()))
    assert any(w["text"] == app.top.message for w in app.widgets())


def test_an_engine_that_fails_later_turns_the_button_to_not_available(monkeypatch):
    def broken(*a, **k):
        raise speech.NoEngine("speech_why_no_espeak")

    monkeypatch.setattr(speech, "engine", lambda: "espeak")
    monkeypatch.setattr(speech, "render_wav", broken)
    app = make_app((1280, 720), speaker=Speaker("auto"))
    push_screen(app, "play:pick", game_at("pick"))
    app.step([])
    app.top.activate(app.top.find("speak"))
    assert pump(app, lambda: app.speaker.state == "unavailable")
    button = next(w for w in app.widgets() if w["key"] == "speak")
    assert button["text"] == app.w("btn_read_aloud_none")


def test_symbols_are_not_read_out():
    assert speech.clean("✔ This is real for me\u200b  ◐ Sometimes\n") == "This is real for me Sometimes"


def test_riff_sizes_from_a_pipe_are_filled_in():
    wav = tone(0.1)
    piped = wav[:4] + b"\xff\xff\xff\xff" + wav[8:40] + b"\xff\xff\xff\xff" + wav[44:]
    fixed = speech._fix_riff_sizes(piped)
    assert fixed == wav
    assert abs(speech.wav_seconds(fixed) - 0.1) < 0.01
