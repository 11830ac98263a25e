"""Printing for the command line that never crashes on a terminal that cannot show accents or emoji."""

from __future__ import annotations

import sys


def write(text: str, stream=None) -> None:
    stream = stream or sys.stdout
    try:
        stream.write(text + "\n")
    except UnicodeEncodeError:
        enc = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(enc, "replace").decode(enc, "replace") + "\n")
    stream.flush()
