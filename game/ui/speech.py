"""Read aloud, offline, through the audio device SDL already uses.

Words are rendered to a WAV by a speech engine (``render_wav``: espeak-ng on Linux, ``say`` on macOS,
the Windows voice through pyttsx3), in a worker thread so no frame waits for it. The WAV comes back to
the game loop as a SPEECH_READY event and ``Speaker.play`` plays it with pygame's mixer. A new request or
``stop()`` (the screen changed) silences what is playing and drops any result still on its way.

``Speaker.state`` is what the Read aloud button shows: "speaking", "stopped" or "unavailable", and
``Speaker.reason`` says why it is unavailable (a words key).
"""

from __future__ import annotations

import io
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import unicodedata
from pathlib import Path

import pygame

log = logging.getLogger(__name__)

RATES = {"slow": 130, "normal": 165, "fast": 200}
SPEECH_READY = pygame.event.custom_type()  # a WAV is ready to play (or the engine failed)
SPEECH_DONE = pygame.event.custom_type()  # playing ended
ENGINE_SECONDS = 30  # an engine that takes longer than this for one screen's words has hung


class NoEngine(RuntimeError):
    """No speech engine on this computer; ``key`` is the words key that says what to install."""

    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def clean(text: str) -> str:
    """Symbols (✔ ◐ ○ and emoji) are for the eye; read aloud they are noise ("check mark")."""
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("So", "Cc", "Cf"))
    return " ".join(text.split())


def engine() -> str | None:
    """The speech engine this computer has: "espeak", "say", "pyttsx3", or None."""
    if shutil.which("espeak-ng") or shutil.which("espeak"):
        return "espeak"
    if sys.platform == "darwin" and shutil.which("say"):
        return "say"
    if sys.platform == "win32":
        import importlib.util

        if importlib.util.find_spec("pyttsx3"):
            return "pyttsx3"
    return None


def no_engine_key() -> str:
    if sys.platform.startswith("linux"):
        return "speech_why_no_espeak"
    return "speech_why_no_engine"


def render_wav(text: str, language: str = "en", rate: str | int = "normal") -> bytes:
    """The words spoken, as WAV bytes. Raises NoEngine when there is no engine, OSError when it fails."""
    wpm = rate if isinstance(rate, int) else RATES.get(rate, RATES["normal"])
    text = clean(text)
    which = engine()
    if which is None:
        raise NoEngine(no_engine_key())
    if which == "espeak":
        exe = shutil.which("espeak-ng") or shutil.which("espeak")
        voice = "cy" if language.lower().startswith("cy") else "en-gb"
        # Text goes in on stdin, never as an argument: no length limit and nothing read as an option.
        done = subprocess.run(
            [exe, "-v", voice, "-s", str(wpm), "--stdout"],
            input=text.encode("utf-8"),
            capture_output=True,
            timeout=ENGINE_SECONDS,
            check=False,
        )
        if done.returncode != 0 or not done.stdout.startswith(b"RIFF"):
            raise OSError(done.stderr.decode("utf-8", "replace").strip() or "espeak-ng gave no sound")
        return _fix_riff_sizes(done.stdout)
    with tempfile.TemporaryDirectory(prefix="mir-speak-") as folder:
        out = Path(folder) / "speech.wav"
        if which == "say":
            subprocess.run(
                [
                    "say",
                    "-r",
                    str(wpm),
                    "--file-format=WAVE",
                    "--data-format=LEI16@22050",
                    "-o",
                    str(out),
                    text,
                ],
                capture_output=True,
                timeout=ENGINE_SECONDS,
                check=True,
            )
        else:
            import pyttsx3

            voice = pyttsx3.init()
            voice.setProperty("rate", wpm)
            _choose_voice(voice, language)
            voice.save_to_file(text, str(out))
            voice.runAndWait()
        return out.read_bytes()


def _fix_riff_sizes(wav: bytes) -> bytes:
    """espeak-ng writing to a pipe cannot go back to fill in the sizes, so it leaves 0xFFFFFFFF there:
    put the real ones in, so every WAV reader (and pygame's mixer) takes the file."""
    if len(wav) < 44 or wav[:4] != b"RIFF" or wav[8:12] != b"WAVE":
        return wav
    out = bytearray(wav)
    out[4:8] = (len(wav) - 8).to_bytes(4, "little")
    pos = 12
    while pos + 8 <= len(out):
        kind, size = bytes(out[pos : pos + 4]), int.from_bytes(out[pos + 4 : pos + 8], "little")
        if kind == b"data":
            out[pos + 4 : pos + 8] = (len(out) - pos - 8).to_bytes(4, "little")
            break
        pos += 8 + size
    return bytes(out)


def wav_seconds(wav: bytes) -> float:
    """How long a PCM WAV plays, from its header."""
    import wave

    with wave.open(io.BytesIO(wav)) as w:
        return w.getnframes() / float(w.getframerate())


def _choose_voice(voice, language: str) -> None:
    """A voice for the language (e.g. Welsh), if the Windows voice has one; otherwise its default."""
    try:
        for v in voice.getProperty("voices") or []:
            langs = " ".join(str(x) for x in (getattr(v, "languages", None) or []))
            if language in str(getattr(v, "id", "")).lower().split("/")[-1:] or language in langs.lower():
                voice.setProperty("voice", v.id)
                return
    except Exception:  # noqa: BLE001 - keep the default voice
        log.debug("could not choose a voice for %s", language, exc_info=True)


class Speaker:
    def __init__(self, backend: str = "auto", on_done=None):
        """backend: "auto" (the computer's engine, played through pygame's mixer), "record" (tests: keep
        what was said, speak nothing), "none" (no read aloud)."""
        self.backend = backend
        self.spoken: list[str] = []
        self.speaking = False
        self.reason = ""
        self._on_done = on_done
        self._ticket = 0  # bumped by every say() and stop(): results for an older ticket are dropped
        self._lock = threading.Lock()
        self._channel = None
        if backend == "auto":
            self.available = engine() is not None
            self.reason = "" if self.available else no_engine_key()
        else:
            self.available = backend == "record"
            self.reason = "" if self.available else "speech_why_off"

    @property
    def state(self) -> str:
        if not self.available:
            return "unavailable"
        return "speaking" if self.speaking else "stopped"

    def say(self, text: str, rate: str = "normal", language: str = "en") -> bool:
        text = clean(text)
        if not self.available or not text:
            return False
        self.stop()
        if self.backend == "record":
            self.spoken.append(text)
            return True
        with self._lock:
            ticket = self._ticket
        self.speaking = True
        threading.Thread(
            target=self._render, args=(ticket, text, language, rate), name="read-aloud", daemon=True
        ).start()
        return True

    def _render(self, ticket: int, text: str, language: str, rate: str) -> None:
        try:
            wav, error = render_wav(text, language, rate), ""
        except NoEngine as e:
            wav, error = b"", e.key
        except (OSError, subprocess.SubprocessError, ValueError) as e:
            wav, error = b"", f"speech_why_failed:{e}"
        try:
            pygame.event.post(pygame.event.Event(SPEECH_READY, ticket=ticket, wav=wav, error=error))
        except pygame.error:  # the game has closed
            pass

    def handle(self, event) -> bool:
        """Called by the game loop for SPEECH_READY and SPEECH_DONE; True if the button should change."""
        if event.type == SPEECH_DONE:
            if self._channel is not None and self._channel.get_busy():
                return False
            self.speaking = False
            return True
        # getattr: an event of this number without our fields (posted by something else) is not ours
        if event.type != SPEECH_READY or getattr(event, "ticket", None) != self._ticket:
            return False
        if event.error:
            self.speaking = False
            if not event.error.startswith("speech_why_failed"):
                self.available, self.reason = False, event.error
            return True
        self.play(event.wav)
        return True

    def play(self, wav: bytes) -> None:
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init()
            sound = pygame.mixer.Sound(file=io.BytesIO(wav))
            self._channel = sound.play()
        except pygame.error:
            self.available, self.reason, self.speaking = False, "speech_why_no_audio", False
            return
        if self._channel is None:
            self.speaking = False
            return
        self._channel.set_endevent(SPEECH_DONE)
        self.speaking = True

    def stop(self) -> None:
        """Silence now, and forget anything still being rendered."""
        with self._lock:
            self._ticket += 1
        was = self.speaking
        self.speaking = False
        if self._channel is not None:
            try:
                self._channel.stop()
            except pygame.error:
                pass
            self._channel = None
        if was and self._on_done:
            self._on_done()


def save_or_say(text: str, language: str, out: str | None, rate: str = "normal") -> float:
    """For the ``speak`` command: write the WAV to ``out``, or play it and wait; returns its seconds."""
    wav = render_wav(text, language, rate)
    if out:
        Path(out).write_bytes(wav)
        return wav_seconds(wav)
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    try:
        pygame.mixer.init()
        sound = pygame.mixer.Sound(file=io.BytesIO(wav))
        channel = sound.play()
    except pygame.error as e:
        raise NoEngine("speech_why_no_audio") from e
    while channel is not None and channel.get_busy():
        pygame.time.wait(50)
    pygame.mixer.quit()
    return wav_seconds(wav)
