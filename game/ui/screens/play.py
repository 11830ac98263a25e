"""The game in play: a host for the step the engine is at. Each step has its own view object (see
steps.py and the step_* modules) that builds it, says it aloud and keeps its choices; this screen keeps
the frame (Back, Pass and Read aloud always there, a message strip that is always reserved so nothing
moves under a finger), the typed words and their drafts, and the one way into the engine: ``apply``
with a typed command. Refusals are shown in plain words."""

from __future__ import annotations

import time

import pygame

from game.model import commands as C
from game.ui import sizes as S
from game.ui.app import TICK
from game.ui.layout import cols
from game.ui.screens import (  # noqa: F401 - they register their views
    play_views,
    step_action,
    step_debrief,
    step_look_back,
    step_rate,
    step_talk,
    undo,
)
from game.ui.screens.frame import FramedScreen
from game.ui.screens.play_bars import PlayBars
from game.ui.screens.play_motion import PlayMotion
from game.ui.screens.steps import VIEWS, StepView
from game.ui.textbox import TextBox

DRAFT_EVERY = 3.0
# What is typed is saved DRAFT_AFTER_MS after the last key (a one-shot timer, re-armed by each key, so
# nothing runs while idle); while someone types without a pause, at least every DRAFT_LONGEST seconds.
DRAFT_DUE = pygame.event.custom_type()
DRAFT_AFTER_MS = 250
DRAFT_LONGEST = 1.0
RETRY_EVERY = 3.0  # while steps wait to be saved (a full disk), try again this often
TEXT_FIELDS = (
    "note",
    "action_what",
    "action_who",
    "action_date",
    "celebrate",
    "lookback_note",
    "lookback_date",
    "learnt",
)
DATE_FIELDS = ("action_date", "lookback_date")


class PlayScreen(PlayBars, PlayMotion, FramedScreen):
    name = "play"
    keep_message_room = True
    message_room = S.MESSAGE
    # Every step, plus a few in other modes ("pick@workshop"); each is found by seeded play.
    samples = (
        *("roll landed choose_theme pick rate rate_all reveal talk action celebrate look_back".split()),
        *("look_back_one summary pick@workshop talk@workshop debrief@workshop rate@one-to-one".split()),
        "choose_theme@nodice",
    )

    @classmethod
    def sample(cls, app, variant="", link=None):
        from game.ui.harness import game_at

        step, _, mode = (variant or "roll").partition("@")
        scr = cls(app, link or game_at(step, mode=mode or "group", language=app.settings.language))
        scr.hold_board = step == "landed"
        return scr

    def __init__(self, app, link):
        super().__init__(app)
        self.link = link
        self.boxes: dict[str, TextBox] = {}
        for f in TEXT_FIELDS:
            self.boxes[f] = TextBox(
                (0, 0, 10, 10),
                f,
                "",
                on_change=lambda t, f=f: self._typed(f),
                max_chars=300 if f != "note" else 600,
                single_line=f in ("action_who", *DATE_FIELDS),
            )
        for f in DATE_FIELDS:
            self.boxes[f].max_chars = 10
        self.view: StepView = StepView(self)
        self.warned: tuple[str, str] | None = None
        self.hold_board = False
        self._pos: dict[str, float] = {}
        self._wheel: list[float] = []
        self._dirty_drafts: set[str] = set()
        self._last_draft = time.monotonic()
        self._draft_armed: float | None = None  # when the one-shot draft timer was first set
        self._last_retry = 0.0
        self._leave_warned: int | None = None
        self._last_phase = None
        self._timer_words = ""
        self._row_widths: tuple = (None, [])  # the workshop row's place widths, and what they were for
        self._deal = 1.0  # 0 -> 1 while the three cards slide into place
        self._dealt: list[str] = []

    # ----- engine access --------------------------------------------------------------------------
    @property
    def game(self):
        return self.link.game

    @property
    def state(self):
        return self.link.game.state

    @property
    def decks(self):
        return self.link.game.decks

    @property
    def turn(self):
        return self.state.turn

    @property
    def phase(self) -> str:
        return self.state.phase

    def player_label(self, pid: str | None) -> str:
        if pid is None:
            return ""
        try:
            return self.state.player(pid).label
        except KeyError:
            return pid

    @property
    def shown(self) -> StepView:
        """The view on screen: the step's own, or the board while it shows where a token landed."""
        return play_views.BoardView(self) if self.hold_board else self.view

    def acting(self) -> str | None:
        """Who is being asked right now."""
        return self.shown.acting()

    @property
    def rater(self) -> str | None:
        """Whose view the rating scale is taking (the autoplayer asks)."""
        return getattr(self.view, "rater", None)

    def default_focus(self) -> str | None:
        key = self.shown.first_focus()
        if key is not None and any(w.key == key for w in self.focusables()):
            return key
        return super().default_focus()

    def typing_box(self):
        return self.shown.typing_box()

    def apply(self, command: C.Command) -> bool:
        """The one way from this screen into the engine: a typed command. True when it was done; when
        it was refused the message says why in plain words."""
        out = self.link.apply(command)
        if not out.ok:
            self.message = self.app.w(out.reason or "refuse_bad_command", **(out.params or {}))
        else:
            self.message = None
            ev = getattr(self.game, "event", None)
            if ev in (
                "event_passed",
                "event_undone",
                "event_action_agreed",
                "event_parked",
                "event_nothing_to_look_back",
                "event_length_reached",
                "event_look_back_round",
            ):
                self.message = self.app.w(ev)
        self.needs_build = True
        self._after_change()
        return out.ok

    def _after_change(self) -> None:
        t = self.turn
        dealt = list(t.dealt) if t is not None and self.view.deals_cards else []
        if dealt and dealt != self._dealt:
            self._deal = 0.0
        self._dealt = dealt
        phase = self.phase
        if phase != self._last_phase:
            self._last_phase = phase
            self.view = VIEWS.get(phase, StepView)(self)
            self.focus_key = None  # a new step: the keyboard starts where that step starts
            self.view.on_enter()
        self.app.set_timer(self._needs_tick())

    def finish(self) -> None:
        """The game is over: keep the plan and show the export."""
        plan = self.game.plan()  # the session kept it when confirm_plan was saved
        self.app.show("export", how="replace", plan=plan, link=self.link)

    # ----- lifecycle ------------------------------------------------------------------------------
    def enter(self) -> None:
        super().enter()
        self._last_phase = None
        self._after_change()
        drafts = self.link.drafts()
        restored = False
        for f, text in drafts.items():
            if f in self.boxes and text and not self.boxes[f].text:
                self.boxes[f].set_text(text)
                restored = True
        if restored:
            self.message = self.app.w("drafts_restored")
        for pid in self.state.order:
            self._pos[pid] = float(self.state.positions.get(pid, 0))

    def exit(self) -> None:
        self._save_drafts(force=True)
        pygame.time.set_timer(DRAFT_DUE, 0)
        self._draft_armed = None
        self.app.set_timer(False)

    def _needs_tick(self) -> bool:
        timer = (
            self.game.timer_remaining(self.app.now()) is not None
            and self.turn is not None
            and self.turn.paused_at is None
        )
        return bool(timer or self._dirty_drafts or self.link.waiting)

    def _typed(self, field: str) -> None:
        self._dirty_drafts.add(field)
        now = time.monotonic()
        if self._draft_armed is None:
            self._draft_armed = now
        if now - self._draft_armed < DRAFT_LONGEST:
            pygame.time.set_timer(DRAFT_DUE, DRAFT_AFTER_MS, 1)  # (re)start: fires once, after the last key
        self.app.set_timer(True)

    def _save_drafts(self, force=False) -> None:
        if not self._dirty_drafts:
            return
        if force or time.monotonic() - self._last_draft >= DRAFT_EVERY:
            for f in sorted(self._dirty_drafts):
                self.link.save_draft(f, self.boxes[f].text)
            self._dirty_drafts.clear()
            self._last_draft = time.monotonic()
            self.app.set_timer(self._needs_tick())

    def on_text_blur(self, box) -> None:
        if box.key in self._dirty_drafts:
            self._save_drafts(force=True)

    def clear_box(self, field: str) -> None:
        self.boxes[field].set_text("")
        self._dirty_drafts.discard(field)
        self.link.save_draft(field, "")

    def handle_one(self, e) -> bool:
        if e.type == pygame.WINDOWFOCUSLOST:
            self._save_drafts(force=True)  # someone switched away: keep what was being typed
            return False
        if e.type == DRAFT_DUE:
            self._draft_armed = None
            self._save_drafts(force=True)
            return False
        if e.type == TICK:
            self._save_drafts()
            saved = self._retry_saving()
            words = self._timer_text()
            changed = words != self._timer_words or saved
            self._timer_words = words
            if changed:
                self.needs_build = True
            return changed
        return super().handle_one(e)

    def _retry_saving(self) -> bool:
        """Steps that could not be saved (the disk was full) are saved as soon as there is room, without
        anyone having to play another step. True when that changed what the screen says."""
        if not self.link.waiting or time.monotonic() - self._last_retry < RETRY_EVERY:
            return False
        self._last_retry = time.monotonic()
        self.link.save_now()
        if self.link.waiting:
            return False
        self.app.set_timer(self._needs_tick())
        self.needs_build = True
        return True

    # ----- the frame ------------------------------------------------------------------------------
    def title(self) -> str:
        return self.shown.title()

    def reviewing(self) -> dict | None:
        return self.state.review_of

    def speech_text(self) -> str:
        parts = [self.title_line(), *self.shown.speech()]
        return " ".join(p if p.rstrip()[-1:] in ".?!" else p + "." for p in (x.strip() for x in parts) if p)

    def problem(self) -> str | None:
        p = self.link.problem_in_play
        if not p:
            return None
        info = self.link.problem_info
        short = f"{info.key}_in_play" if info is not None else ""
        if short and self.app.words.has(short):
            # The kept row has one line for it: the short words (the start screen gives the whole).
            return self.app.w(short, **info.params)
        return self.app.w(p) if self.app.words.has(p) else p

    def back(self) -> bool:
        if self.hold_board:
            self.hold_board = False
        before = undo.said(self.state)
        if self.apply(C.Undo()):
            undo.put_back(self, before)
        return True

    def do_pass(self) -> None:
        self.shown.do_pass()

    def bottom_buttons(self):
        w = self.app.w
        own = self.shown.bottom_buttons()
        if own is not None:
            return own
        return [
            ("back", w("btn_back"), self.back, "back", "button"),
            ("pass", w("btn_pass"), self.do_pass, "pass", "button"),
            self.speak_button(),
            ("park", w("btn_park"), self.open_park, "park", "button"),
            ("stop", w("btn_stop"), lambda: self.shown.stop(), "check", "button"),
        ]

    def body(self, rect):
        return self.shown.build(rect)

    # ----- things any step can open ---------------------------------------------------------------
    def open_park(self) -> None:
        def save(text: str):
            if not text.strip():
                return self.app.w("dialog_empty")  # this box has Cancel, not Pass
            if not self.apply(C.Park(text=text)):
                return self.message
            self.message = self.app.w("event_parked")
            return None

        self.app.show(
            "text-dialog",
            title=self.app.w("park_title"),
            question=self.app.w("park_question"),
            # Words typed here before and not parked yet (the dialog was closed) come back; else
            # the card on screen is offered as the topic (change it, or clear it and type another).
            text=self.link.drafts().get("park", "") or self._card_on_screen(),
            on_save=save,
            hint=self.app.w("park_hint"),
            save_words=self.app.w("btn_park_save"),
            draft_field="park",
            link=self.link,
        )

    def _card_on_screen(self) -> str:
        t = self.turn
        if t is None or not t.card or not self.shown.shows_record:
            return ""
        return self.decks.card(t.card).text

    def open_settings(self) -> None:
        self.app.show("settings")

    def leave(self) -> None:
        self._save_drafts(force=True)
        if self.link.waiting:
            self.link.save_now()
        kept = self.link.kept
        if not kept and self._leave_warned != len(self.game.log):
            # Stopping now loses what is not saved: say so once, and what to do instead.
            self._leave_warned = len(self.game.log)
            self.message = self.app.w(
                "leave_not_saved_warning", finish=self.app.w("btn_stop"), stop=self.app.w("btn_leave")
            )
            self.needs_build = True
            return
        self.app.show("start", how="reset")
        self.app.top.message = self.app.w("left_game_saved" if kept else "left_game_unsaved")


__all__ = ["PlayScreen", "cols"]
