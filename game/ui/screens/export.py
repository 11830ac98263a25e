"""Saving the plan as files: choose which kinds and which folder, then see exactly where they went.
Reached at the end of a game (with its live game) or from the plan history list (a kept plan, no game:
Back returns to the list). The writing happens in a worker thread so the screen never freezes."""

from __future__ import annotations

import errno
import logging
import os
import threading
import time
from pathlib import Path

import pygame

from game.export import EXPORTERS, FORMATS, format_of
from game.model import commands as C
from game.ui import sizes as S
from game.ui.app import TICK
from game.ui.days import show_day
from game.ui.layout import cols, grid, rows
from game.ui.screens.frame import FramedScreen, shorten
from game.ui.textbox import TextBox
from game.ui.widgets import Button, Chip, Label

log = logging.getLogger(__name__)

EXPORT_DONE = pygame.event.custom_type()
RETRY_EVERY = 3.0


def _is_dir(path: Path) -> bool:
    """Like Path.is_dir, but a folder we may not look into (or no home folder at all) is just "no"."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def _home() -> Path:
    try:
        return Path.home()
    except (OSError, RuntimeError, KeyError):
        return Path.cwd()


def _can_write(folder: Path) -> bool:
    """Could files be saved in ``folder`` (made if needed)? Looks at the nearest folder that exists."""
    try:
        probe = folder
        while not probe.exists():
            if probe.parent == probe:
                return False
            probe = probe.parent
        return probe.is_dir() and os.access(probe, os.W_OK | os.X_OK)
    except (OSError, ValueError):
        return False


def default_folder(app) -> Path:
    if app.data_dir is not None:
        inside = Path(app.data_dir) / "exports"
        if _can_write(inside):
            return inside
        # A data folder that cannot be written (it says so on screen): offer the usual place instead.
    docs = _home() / "Documents"
    base = docs if _is_dir(docs) else _home()
    return base / "Making It Real"


class ExportScreen(FramedScreen):
    name = "export"
    title_key = "export_title"
    samples = ("", "done")

    @classmethod
    def sample(cls, app, variant="", link=None):
        from game.ui.harness import game_at

        link = link or game_at("summary", language=app.settings.language)
        scr = cls(app, link.game.plan(), link, folder="/tmp/making-it-real-export")
        if variant == "done":
            folder = Path(scr.folder.text)
            scr.files = [folder / f"rose-house-plan{sfx}" for e in EXPORTERS.values() for sfx in e.suffixes]
        return scr

    def __init__(self, app, plan, link=None, folder: str | None = None, from_history: bool = False):
        super().__init__(app)
        self.plan, self.link = plan, link
        # A plan kept from an earlier session: there is no game to reopen, and Back goes to the plan list.
        self.from_history = from_history and link is None
        self.formats = set(FORMATS)
        self.folder = TextBox(
            (0, 0, 10, 10), "folder", str(folder or default_folder(app)), max_chars=400, single_line=True
        )
        self.files: list[Path] | None = None
        self.busy = False
        self._result: tuple[list[Path] | None, str | None] | None = None
        self._last_retry = 0.0
        self._home_warned: int | None = None

    def title(self) -> str:
        if self.files:
            return self.app.w("export_saved_title")
        if self.from_history:
            return self.app.w(
                "export_history_title",
                title=shorten(self.plan.title or self.app.w("untitled"), 90),
                date=show_day(self.plan.date),
            )
        return self.app.w("export_title")

    def reviewing(self) -> dict | None:
        r = self.plan.review_of
        return {"title": r.title, "date": r.date} if r is not None else None

    def _next_group(self) -> bool:
        """After a workshop game, the main button starts the next group's practice game."""
        return bool(self.plan.practice) and not self.from_history

    def bottom_buttons(self):
        w = self.app.w
        if self.from_history:
            back = ("back", w("btn_back_to_plans"), self.to_list, "back", "button")
        else:
            back = (
                "reopen",
                w("btn_reopen"),
                self.reopen if self.link is not None else None,
                "back",
                "button",
            )
        if self.files is not None:
            return [
                back,
                self.speak_button(),
                ("again", w("btn_export_again"), self.again, "export", "button"),
                (
                    "home",
                    w("btn_next_group" if self._next_group() else "btn_home"),
                    self.home,
                    "play",
                    "primary",
                ),
            ]
        return [
            back,
            self.speak_button(),
            ("home", w("btn_home"), self.home, "play", "button"),
            ("export", w("btn_export"), self.export if not self.busy else None, "export", "primary"),
        ]

    def again(self) -> None:
        self.files = None

    def reopen(self) -> None:
        """Back to "Is this right?": the last step (confirming the plan) is undone."""
        out = self.link.apply(C.Undo())
        if not out.ok:
            self.message = self.app.w(out.reason, **out.params)
            return
        self.app.show("play", how="replace", link=self.link)

    def back(self) -> bool:
        if self.from_history:
            self.to_list()
        else:
            self.home()
        return True

    def to_list(self) -> None:
        """Back to the plan history list this screen was opened from."""
        under = self.app.screens[-2] if len(self.app.screens) > 1 and self.app.top is self else None
        if getattr(under, "name", "") == "choose" and under.what == "plans":
            self.app.pop()
            return

        # Opened some other way (no list underneath): rebuild Start -> Review a plan.
        self.app.show("start", how="reset")
        self.app.show("choose", what="plans")

    # ----- steps still waiting to be saved (the disk was full when the plan was confirmed) -----------------
    def _waiting(self) -> bool:
        return bool(self.link is not None and getattr(self.link, "waiting", False))

    def enter(self) -> None:
        super().enter()
        if self._waiting():
            self.app.set_timer(True)  # try again every few seconds, so the plan is kept once there is room

    def exit(self) -> None:
        self.app.set_timer(False)

    def _retry_saving(self) -> bool:
        if not self._waiting() or time.monotonic() - self._last_retry < RETRY_EVERY:
            return False
        self._last_retry = time.monotonic()
        self.link.save_now()
        if self._waiting():
            return False
        self.app.set_timer(False)
        self.needs_build = True
        return True

    def home(self):
        if self._waiting():
            self.link.save_now()
        if self._waiting() and self._home_warned != len(self.link.game.log):
            # Going now would lose the steps that wait for room on the disk: say so once.
            self._home_warned = len(self.link.game.log)
            again = "btn_next_group" if self.files is not None and self._next_group() else "btn_home"
            self.message = self.app.w("export_leave_unsaved", again=self.app.w(again))
            self.needs_build = True
            return

        self.app.show("start", how="reset")
        if self._next_group():
            # Workshops: straight on to a fresh practice game for the next group; nothing is carried over.
            self.app.show("setup", mode="workshop")

    def speech_text(self) -> str:
        if self.files:
            return self.app.w("export_done", n=len(self.files), folder=str(self.files[0].parent))
        return self.app.w("export_intro")

    def body(self, rect):
        m, w = self.app.ctx.m, self.app.w
        out = []
        if self.files is not None:
            head, lst = rows(rect, [m.px(S.EXPORT_DONE_HEAD), 1.0], m.gap)
            folder = str(self.files[0].parent) if self.files else self.folder.text
            out.append(
                Label(
                    head,
                    w("export_done", n=len(self.files), folder=folder),
                    "body",
                    bold=True,
                    style="panel",
                    key="done",
                )
            )
            n = max(1, len(self.files))
            for f, r in zip(self.files, rows(lst, [1] * n, m.gap // 2), strict=False):
                out.append(
                    Label(
                        r,
                        self.app.w("export_file", kind=self.kind_words(f), name=f.name),
                        "small",
                        key=f"file:{f.name}",
                    )
                )
            return out
        # The format chips take what is left, so the rows below always fit above the bottom buttons.
        intro, fmts, l2, folder_r, places_r, status_r = rows(
            rect,
            [
                m.px(S.HELP_ROW),
                1.0,
                m.px(S.LABEL_ROW),
                m.px(S.EXPORT_FOLDER_ROW),
                m.px(S.EXPORT_PLACES_ROW),
                m.px(S.MESSAGE),
            ],
            m.gap,
        )
        out.append(Label(intro, w("export_intro"), "body", key="intro"))
        for f, r in zip(FORMATS, grid(fmts, len(FORMATS), 3, m.gap), strict=True):
            out.append(
                Chip(
                    r, w(f"format_{f}"), f"format:{f}", lambda f=f: self.toggle(f), selected=f in self.formats
                )
            )
        out.append(Label(l2, w("export_folder"), "body", bold=True, key="folder_label"))
        self.folder.rect = folder_r
        out.append(self.folder)
        places = self.places()
        for (key, words, path), r in zip(
            places, cols(places_r, [1] * max(1, len(places)), m.gap), strict=False
        ):
            out.append(
                Chip(
                    r,
                    words,
                    f"place:{key}",
                    lambda p=path: self.folder.set_text(str(p)),
                    selected=self.folder.text.strip() == str(path),
                    icon="export",
                )
            )
        # One status line: "Saving ..." while the files are written, else that this is practice.
        if self.busy:
            out.append(Label(status_r, w("export_busy"), "body", key="busy"))
        elif self.plan.practice:
            out.append(Label(status_r, w("export_practice"), "small", key="practice"))
        return out

    def places(self) -> list[tuple[str, str, Path]]:
        """Likely folders to tap instead of typing: the usual one, Documents, the desktop, USB sticks."""
        w, home = self.app.w, _home()
        found = [("usual", w("place_usual"), default_folder(self.app))]
        for key, words, path in (
            ("documents", w("place_documents"), home / "Documents" / "Making It Real"),
            ("desktop", w("place_desktop"), home / "Desktop"),
        ):
            if _is_dir(path.parent) and path != found[0][2]:
                found.append((key, words, path))
        for media in (Path("/media") / home.name, Path("/run/media") / home.name, Path("/Volumes")):
            try:
                sticks = sorted(p for p in media.iterdir() if _is_dir(p)) if _is_dir(media) else []
            except OSError:
                sticks = []
            for stick in sticks[:2]:
                found.append((f"usb-{stick.name}", w("place_usb", name=stick.name), stick))
        return found[:4]

    def kind_words(self, f: Path) -> str:
        fmt = format_of(f)
        return self.app.w(f"format_{fmt}") if fmt else f.suffix

    def toggle(self, f):
        if f in self.formats:
            self.formats.discard(f)
        else:
            self.formats.add(f)

    def export(self):
        if not self.formats:
            self.message = self.app.w("export_need_format")
            return
        folder = Path(self.folder.text.strip() or str(default_folder(self.app))).expanduser()
        self.busy = True
        formats = [f for f in FORMATS if f in self.formats]
        threading.Thread(target=self._work, args=(formats, folder), daemon=True, name="export").start()

    def _work(self, formats, folder):
        try:
            from game.export import export_plan

            folder.mkdir(parents=True, exist_ok=True)
            files = export_plan(self.plan, formats, folder)
            self._result = (list(files), None)
        except ImportError:
            self._result = (None, "export_missing")
        except OSError as exc:
            self._result = (None, self.app.w("export_folder_problem", detail=self.why(exc)))
        except Exception as exc:  # noqa: BLE001 - any export failure is shown, and the plan stays safe
            log.exception("export failed")
            self._result = (None, self.app.w("export_failed", detail=str(exc)))
        try:
            pygame.event.post(pygame.event.Event(EXPORT_DONE))
        except pygame.error:
            pass

    def why(self, exc: OSError) -> str:
        """Why a folder cannot be used, in plain words rather than the system's."""
        key = {
            errno.EACCES: "export_why_denied",
            errno.EPERM: "export_why_denied",
            errno.EROFS: "export_why_denied",
            errno.ENOTDIR: "export_why_not_folder",
            errno.EEXIST: "export_why_not_folder",
            errno.ENOSPC: "export_why_full",
            errno.EDQUOT: "export_why_full",
            errno.ENAMETOOLONG: "export_why_long",
            errno.ENOENT: "export_why_missing",
        }.get(exc.errno)
        return self.app.w(key) if key else (exc.strerror or str(exc))

    def handle_one(self, e) -> bool:
        if e.type == EXPORT_DONE:
            return self.collect()
        if e.type == TICK:
            return self._retry_saving()
        return super().handle_one(e)

    def collect(self) -> bool:
        if self._result is None:
            return False
        files, problem = self._result
        self._result = None
        self.busy = False
        if problem:
            self.message = self.app.w(problem) if self.app.words.has(problem) else problem
        else:
            self.files = files
            self.message = None
        self.needs_build = True
        return True

    def wait(self, timeout: float = 30.0) -> bool:
        """For tests and the headless demo: block until the export thread has finished."""
        for t in threading.enumerate():
            if t.name == "export":
                t.join(timeout)
        return self.collect()


__all__ = ["ExportScreen", "Button", "cols"]
