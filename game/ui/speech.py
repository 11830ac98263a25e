"""Read aloud, off the main thread: a worker speaks queued text with pyttsx3, or the espeak-ng program
if pyttsx3 cannot start. If neither exists, ``available`` is False and the button says so.

A new request replaces anything still waiting, so tapping Read aloud twice never builds a backlog.
"""

from __future__ import annotations

import importlib.util
import queue
import shutil
import subprocess
import threading
import unicodedata

RATES = {"slow": 130, "normal": 165, "fast": 200}
IDLE_SECONDS = 2.0  # a worker with nothing to say for this long ends; the next request starts another


class Speaker:
    def __init__(self, backend: str = "auto", on_done=None):
        """backend: "auto" (pyttsx3 then espeak-ng), "espeak", "record" (tests: keep what was said), "none"."""
        self.backend = backend
        self.spoken: list[str] = []
        self.speaking = False
        self._on_done = on_done
        self._queue: queue.Queue = queue.Queue()
        self._thread: threading.Thread | None = None
        self._proc: subprocess.Popen | None = None
        # Guards the hand-over between say() and a worker that is about to end, so no request is left
        # waiting in the queue with nobody to speak it.
        self._lock = threading.Lock()
        self._espeak = shutil.which("espeak-ng") or shutil.which("espeak")
        if backend == "auto":
            self.available = bool(importlib.util.find_spec("pyttsx3") or self._espeak)
        elif backend == "espeak":
            self.available = bool(self._espeak)
        else:
            self.available = backend == "record"

    def say(self, text: str, rate: str = "normal", language: str = "en") -> bool:
        # Symbols (✔ ◐ ○ and emoji) are for the eye; read aloud they are noise ("check mark").
        text = "".join(ch for ch in text if unicodedata.category(ch) != "So")
        text = " ".join(text.split())
        if not self.available or not text.strip():
            return False
        if self.backend == "record":
            self.spoken.append(text)
            return True
        with self._lock:
            while not self._queue.empty():
                try:
                    self._queue.get_nowait()
                except queue.Empty:
                    break
            self._queue.put((text, RATES.get(rate, 165), language))
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name="read-aloud", daemon=True)
                self._thread.start()
        return True

    def stop(self) -> None:
        proc = self._proc
        if proc and proc.poll() is None:
            proc.terminate()

    def _work(self) -> None:
        try:
            self._speak_queued()
        finally:
            with self._lock:
                if self._thread is threading.current_thread():
                    self._thread = None

    def _speak_queued(self) -> None:
        engine = None
        if self.backend == "auto":
            try:
                import pyttsx3

                engine = pyttsx3.init()
            except Exception:  # noqa: BLE001 - any driver failure means "use espeak-ng instead"
                engine = None
        while True:
            try:
                text, wpm, language = self._queue.get(timeout=IDLE_SECONDS)
            except queue.Empty:
                with self._lock:
                    if self._queue.empty():
                        self._thread = None
                        return
                continue
            self.speaking = True
            try:
                if engine is not None:
                    engine.setProperty("rate", wpm)
                    _choose_voice(engine, language)
                    engine.say(text)
                    engine.runAndWait()
                elif self._espeak:
                    voice = "cy" if language == "cy" else "en-gb"
                    self._proc = subprocess.Popen(
                        [self._espeak, "-v", voice, "-s", str(wpm), "--", text],
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL,
                    )
                    self._proc.wait()
                else:
                    self.available = False
            except Exception:  # noqa: BLE001 - speech failing must never stop the game
                engine = None
                if not self._espeak:
                    self.available = False
            finally:
                self.speaking = False
                if self._on_done:
                    self._on_done()


def _choose_voice(engine, language: str) -> None:
    """A voice for the language (e.g. Welsh), if the speech engine has one; otherwise its default."""
    try:
        for v in engine.getProperty("voices") or []:
            langs = " ".join(str(x) for x in (getattr(v, "languages", None) or []))
            if language in str(getattr(v, "id", "")).lower().split("/")[-1:] or language in langs.lower():
                engine.setProperty("voice", v.id)
                return
    except Exception:  # noqa: BLE001 - keep the default voice
        pass
