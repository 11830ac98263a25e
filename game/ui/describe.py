"""What a drawn frame shows, as plain data: the screen, its step, the window size, and every widget
with its role, key, full words, the words as drawn (after any cut), rect, font size, colours and whether
it can be used, and which window it was drawn in: "shared" (the screen everyone sees) or "presenter" (the
trainer's own, with ``--presenter``). ``making-it-real demo --describe FILE`` writes one JSON line per distinct
frame, and the layout test checks every frame of seeded demo games with it, so no list of screens is kept by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pygame

from game.model.phase import Phase


def hex_of(colour) -> str | None:
    if colour is None:
        return None
    c = pygame.Color(colour)
    return f"#{c.r:02x}{c.g:02x}{c.b:02x}"


def _rect(r) -> list[int]:
    r = pygame.Rect(r)
    return [r.x, r.y, r.w, r.h]


def _one(d: dict, parent: str | None = None) -> dict:
    label = str(d.get("text") or "")
    out = {
        "role": d.get("role", "widget"),
        "key": d.get("key", ""),
        "label": label,
        # Typed words scroll inside their box rather than being cut, so a text box shows all of them.
        "shown": label if d.get("role") == "textbox" else str(d.get("shown", label) or ""),
        "rect": _rect(d["rect"]),
        "font_px": d.get("font_px"),
        "fg": hex_of(d.get("fg")),
        "bg": hex_of(d.get("bg")),
        "enabled": bool(d.get("enabled", True)),
    }
    if "text_box" in d:
        # Where the words had to fit, and how much room they took: the layout test checks one in the other.
        out["text_box"] = _rect(d["text_box"])
        out["text_size"] = list(d["text_size"])
    if parent is not None:
        out["parent"] = parent
    if "on" in d:
        out["on"] = d["on"]
    return out


def step_of(screen) -> str:
    """Which step of its screen is on show: a control should keep its place while this stays the same.
    A screen may say for itself (``step_name``); otherwise it is the screen's own step or page."""
    named = getattr(screen, "step_name", None)
    if callable(named):
        return str(named())
    name = getattr(screen, "name", "")
    if name == "play":
        s = screen.state
        t = s.turn
        parts = [str(s.phase), f"turn{t.number if t is not None else len(s.turns)}"]
        if t is not None and s.phase == Phase.TALK:
            parts.append(f"prompt{t.prompt + 1}")
        if getattr(screen, "hold_board", False):
            parts.append("landed")
        return "-".join(parts)
    if name == "setup":
        from game.ui.screens.setup import STEPS

        return STEPS[screen.step]
    if name == "export":
        return "done" if getattr(screen, "files", None) is not None else "choose"
    page = getattr(screen, "page", None)
    return f"page{page + 1}" if isinstance(page, int) else ""


def _widgets(described: list[dict]) -> list[dict]:
    widgets = []
    for w in described:
        widgets.append(_one(w))
        for child in w.get("children") or []:
            widgets.append(_one(child, parent=w.get("key", "")))
    return widgets


def frame(app) -> dict:
    """The top screen as drawn in the last frame on the shared window (the one everyone sees), for JSON."""
    top = app.top
    return {
        "window": "shared",
        "screen": getattr(top, "name", "") if top is not None else "",
        "step": step_of(top) if top is not None else "",
        "size": list(app.size),
        "widgets": _widgets(app.widgets()),
    }


def presenter_frame(app) -> dict:
    """The trainer's presenter window as drawn beside that frame (its step is the shared screen's)."""
    top = app.top
    return {
        "window": "presenter",
        "screen": "presenter",
        "step": step_of(top) if top is not None else "",
        "size": list(app.presenter.window.size),
        "widgets": _widgets(app.presenter.describe()),
    }


class FrameLog:
    """Keeps each distinct frame once, in the order first seen; optionally writes them as JSON lines."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else None
        self.frames: list[dict] = []
        self._seen: set[str] = set()
        self._file = None
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = self.path.open("w", encoding="utf-8")

    def __call__(self, app) -> None:
        self._keep(frame(app))
        if getattr(app, "presenter", None) is not None:
            self._keep(presenter_frame(app))

    def _keep(self, f: dict) -> None:
        line = json.dumps(f, ensure_ascii=False, sort_keys=True)
        if line in self._seen:
            return
        self._seen.add(line)
        self.frames.append(f)
        if self._file is not None:
            self._file.write(line + "\n")
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
