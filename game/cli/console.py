"""Printing for the command line: never a traceback, never a control code reaching the terminal.

Text from files (a deck, a saved game) can hold anything. ``shown`` escapes control characters, C1
codes and bidi overrides as ``\\x1b``-style text, so a deck cannot clear the screen, set the window
title or reverse a line. ``guarded`` wraps standard output and error for the length of one command:
every write goes through ``shown``; a reader that stops early (``| head``) ends the output quietly;
a full or failing device gives one clear line on standard error, once.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Iterator

from game.model.textrules import escaped


def shown(text: str) -> str:
    """``text`` with every control character written out (``\\x1b``); new lines and tabs kept."""
    return escaped(text)


def write(text: str, stream=None) -> None:
    """One line to ``stream`` (standard output unless given), escaped, never raising."""
    stream = stream or sys.stdout
    text = shown(str(text)) + "\n"
    try:
        stream.write(text)
    except UnicodeEncodeError:
        enc = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(enc, "replace").decode(enc, "replace"))
    stream.flush()


class OutputState:
    """What went wrong with the output during one command (nothing, a closed pipe, a full device)."""

    def __init__(self) -> None:
        self.closed = False  # the reader went away: nothing more to say, and nobody to say it to
        self.failed: OSError | None = None


class _Guarded:
    """A text stream that escapes what it is given and swallows output failures into ``state``."""

    def __init__(self, inner, state: OutputState, name: str, other=None):
        self._inner = inner
        self._state = state
        self._name = name
        self._other = other  # where to say that this stream failed (stderr for stdout)
        self._dead = False

    def __getattr__(self, item):
        return getattr(self._inner, item)

    def write(self, text: str) -> int:
        if self._dead:
            return len(text)
        safe = shown(text)
        try:
            try:
                self._inner.write(safe)
            except UnicodeEncodeError:
                enc = getattr(self._inner, "encoding", None) or "ascii"
                self._inner.write(safe.encode(enc, "replace").decode(enc, "replace"))
            if "\n" in safe:
                self._inner.flush()
        except OSError as exc:
            self._failed(exc)
        return len(text)

    def flush(self) -> None:
        if self._dead:
            return
        try:
            self._inner.flush()
        except OSError as exc:
            self._failed(exc)

    def _failed(self, exc: OSError) -> None:
        self._dead = True
        _silence(self._inner)
        if isinstance(exc, BrokenPipeError) or exc.errno == errno.EPIPE:
            self._state.closed = True
            return
        if self._state.failed is None:
            self._state.failed = exc
            if self._other is not None:
                from game.words import Words

                reason = os.strerror(exc.errno) if exc.errno else str(exc)
                self._other.write(Words().get("cli_output_failed", stream=self._name, problem=reason) + "\n")
                self._other.flush()


def _silence(stream) -> None:
    """Point the stream's file at /dev/null, so what is still buffered (and Python's own flush at
    exit) goes nowhere instead of failing again with a traceback."""
    try:
        fd = stream.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, fd)
        finally:
            os.close(null)
    except (OSError, ValueError, AttributeError):
        pass


@contextlib.contextmanager
def guarded() -> Iterator[OutputState]:
    """Standard output and error, escaped and failure-proof, for the length of one command."""
    state = OutputState()
    real_out, real_err = sys.stdout, sys.stderr
    err = _Guarded(real_err, state, "stderr") if real_err is not None else None
    out = _Guarded(real_out, state, "stdout", err) if real_out is not None else None
    sys.stdout, sys.stderr = out or real_out, err or real_err
    try:
        yield state
    finally:
        for stream in (out, err):
            if stream is not None:
                stream.flush()
        sys.stdout, sys.stderr = real_out, real_err
