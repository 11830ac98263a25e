"""The game in play: one screen that shows the step the engine is at (the board, a card to pick, the
rating scale, the prompts, an action, a look back, the summary) with Back, Pass and Read aloud always
there. Every tap becomes an engine command through the GameLink; refusals are shown in plain words."""

from __future__ import annotations

import time

import pygame

from game.ui.app import TICK
from game.ui.layout import cols, rows
from game.ui.screens import play_views, summary_view, turn_views
from game.ui.screens.frame import FramedScreen
from game.ui.textbox import TextBox
from game.ui.widgets import Button, Label

DRAFT_EVERY = 3.0
RETRY_EVERY = 3.0  # while steps wait to be saved (a full disk), try again this often
TEXT_FIELDS = ("note", "action_what", "action_who", "action_date", "celebrate", "lookback_note")


class PlayScreen(FramedScreen):
    name = "play"

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
                single_line=f in ("action_who", "action_date"),
            )
        self.boxes["action_date"].max_chars = 10
        self.author: str | None = None
        self.rater: str | None = None
        self.who_kind: str | None = None
        self.who: str | None = None
        self.when: str | None = None
        self.status: str | None = None
        self.celebrate_theme: str | None = None
        self.hold_board = False
        self.page = 0
        self._pos: dict[str, float] = {}
        self._wheel: list[float] = []
        self._dirty_drafts: set[str] = set()
        self._last_draft = time.monotonic()
        self._last_retry = 0.0
        self._leave_warned: int | None = None
        self._last_phase = None
        self._timer_words = ""
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

    def acting(self) -> str | None:
        """Who is being asked right now."""
        s, t = self.state, self.turn
        if t is None:
            p = s.active_player
            return p.id if p else None
        if s.phase == "rate_all":
            for p in s.players:
                if p.role != "facilitator" and p.id not in t.ratings:
                    return p.id
        if s.phase == "rate" and self.rater:
            return self.rater
        return t.player

    def cmd(self, type_: str, **kw) -> bool:
        out = self.link.apply({"type": type_, **kw})
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
        dealt = list(t.dealt) if t is not None and self.phase == "pick" else []
        if dealt and dealt != self._dealt:
            self._deal = 0.0
        self._dealt = dealt
        phase = self.phase
        if phase != self._last_phase:
            self._last_phase = phase
            self.page = 0
            if phase not in ("action",):
                self.who_kind = self.who = self.when = None
            self.status = None
            if phase == "rate":
                self.rater = self.turn.player if self.turn else None
            if phase == "finished":
                self._finish()
        self.app.set_timer(self._needs_tick())

    def _finish(self) -> None:
        from game.ui.screens.export import ExportScreen

        plan = self.game.plan()
        # A PlaySession keeps the finished plan itself when confirm_plan is saved.
        if self.link.session is None and hasattr(self.link.store, "finish") and self.link.game_id:
            try:
                self.link.store.finish(self.link.game_id, plan.to_dict())
            except Exception:  # noqa: BLE001
                pass
        self.app.replace(ExportScreen(self.app, plan, self.link))

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
        self.app.set_timer(False)

    def _needs_tick(self) -> bool:
        timer = (
            self.game.timer_remaining(time.time()) is not None
            and self.turn is not None
            and self.turn.paused_at is None
        )
        return bool(timer or self._dirty_drafts or self.link.waiting)

    def _typed(self, field: str) -> None:
        self._dirty_drafts.add(field)
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

    def draw(self, surface) -> None:
        if self._deal < 1.0 and not self.hold_board:
            ease = 1 - (1 - self._deal) ** 3
            h = self.app.size[1]
            for i, w in enumerate(x for x in self.widgets if x.role == "card"):
                w.anim_dy = (1 - ease) * h * (0.25 + 0.08 * i)
        else:
            for w in self.widgets:
                if w.role == "card":
                    w.anim_dy = 0
        super().draw(surface)

    def handle_one(self, e) -> bool:
        if e.type == pygame.WINDOWFOCUSLOST:
            self._save_drafts(force=True)  # someone switched away: keep what was being typed
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

    # ----- animation ------------------------------------------------------------------------------
    def token_pos(self, pid: str) -> float:
        return self._pos.get(pid, float(self.state.positions.get(pid, 0)))

    def wheel_shown(self, n: int) -> list[float]:
        while len(self._wheel) < n:
            self._wheel.append(0.0)
        return self._wheel

    def _wheel_target(self) -> list[float]:
        s = self.state
        out = []
        for th in self.decks.themes:
            if th.id in s.themes_in_play:
                out.append(1.0 if s.theme_complete(th.id) else 0.5 if s.theme_covered(th.id) else 0.0)
        return out

    def update(self, dt: float) -> bool:
        moving = False
        calm = self.app.settings.reduced_motion
        n = len(self.state.board) or 1
        for pid in self.state.order:
            target = float(self.state.positions.get(pid, 0))
            cur = self._pos.get(pid, target)
            if cur != target:
                ahead = (target - cur) % n
                if ahead > n / 2 and not calm:
                    ahead -= n  # Back (undo) walks the token backwards
                step = 7.0 * dt
                if calm or abs(ahead) <= step:
                    cur = target
                else:
                    cur = (cur + (step if ahead > 0 else -step)) % n
                    moving = True
                self._pos[pid] = cur
        if self._deal < 1.0:
            self._deal = 1.0 if calm else min(1.0, self._deal + dt / 0.35)
            moving = True
        target = self._wheel_target()
        shown = self.wheel_shown(len(target))
        for i, t in enumerate(target):
            if shown[i] != t:
                if calm or abs(shown[i] - t) <= 2.0 * dt:
                    shown[i] = t
                else:
                    shown[i] += 2.0 * dt if t > shown[i] else -2.0 * dt
                    moving = True
        return moving

    # ----- the frame ------------------------------------------------------------------------------
    def title(self) -> str:
        return play_views.title(self)

    def speech_text(self) -> str:
        return play_views.speech(self)

    def problem(self) -> str | None:
        p = self.link.problem
        if not p:
            return None
        return self.app.w(p) if self.app.words.has(p) else p

    def back(self) -> bool:
        if self.hold_board:
            self.hold_board = False
        before = self._said()
        if self.cmd("undo"):
            self._put_back(before)
        return True

    def _said(self) -> dict[str, tuple[str, str]]:
        """Every note and action so far, by id: (the box its words were typed in, the words)."""
        s = self.state
        out = {n.id: ("note", n.text) for ns in s.notes.values() for n in ns}
        out.update({a.id: ("action_what", a.what) for acts in s.actions.values() for a in acts})
        out.update({f"parked:{i}:{p.text}": ("park", p.text) for i, p in enumerate(s.parked)})
        out.update(
            {f"looked:{i}": ("lookback_note", lb.note) for i, lb in enumerate(s.you_said_we_did) if lb.note}
        )
        return out

    def _put_back(self, before: dict[str, tuple[str, str]]) -> None:
        """Back took away a note or an action just added: its words go back in the box, so going back
        never loses what someone said (they can change it and add it again, or clear it)."""
        gone = [v for k, v in before.items() if k not in self._said()]
        # Taking back a look-back also takes back the earlier action it carried forward: the note is
        # what was typed.
        gone = [v for v in gone if v[0] == "lookback_note"] or gone
        if len(gone) != 1:
            return
        field, text = gone[0]
        if field == "park":
            # A topic parked just now: it comes back in Talk about later, unless other words wait there.
            if not self.link.drafts().get("park"):
                self.link.save_draft("park", text)
            return
        if field == "note" and self.phase == "celebrate":
            field = "celebrate"
        box = self.boxes[field]
        if box.text.strip():
            return  # something new is being typed there: leave it
        box.set_text(text)

    def do_pass(self) -> None:
        phase = self.phase
        if self.hold_board:
            self.hold_board = False
        player = None
        if phase in ("rate", "rate_all"):
            player = self.acting()
        self.cmd("pass", **({"player": player} if player else {}))

    def bottom_buttons(self):
        w = self.app.w
        if self.phase == "summary":
            return [
                ("back", w("btn_back"), self.back, "back", "button"),
                self.speak_button(),
                ("park", w("btn_park"), self.open_park, "park", "button"),
                ("back_to_game", w("btn_back_to_game"), lambda: self.cmd("back_to_game"), "play", "button"),
            ]
        return [
            ("back", w("btn_back"), self.back, "back", "button"),
            ("pass", w("btn_pass"), self.do_pass, "pass", "button"),
            self.speak_button(),
            ("park", w("btn_park"), self.open_park, "park", "button"),
            ("stop", w("btn_stop"), lambda: turn_views.stop_game(self), "check", "button"),
        ]

    def extra_top(self, top: pygame.Rect):
        m, w = self.app.ctx.m, self.app.w
        out = []
        bw = m.px(250)
        right = top.right
        items = [
            ("leave", w("btn_leave"), self.leave, "pause"),
            ("settings", w("btn_settings"), self.open_settings, "settings"),
        ]
        timer = self._timer_text()
        self._timer_words = timer
        for key, words, action, icon in items:
            # Wide enough for the words in any language at full size (icon + padding + words).
            need = m.px(64 + 12 + 36) + self.app.ctx.fonts.size(words, m.small, 0, True)[0]
            bw = max(m.px(250), min(m.px(420), need))
            out.append(
                Button(
                    pygame.Rect(right - bw, top.top, bw, top.height),
                    words,
                    key,
                    action,
                    icon=icon,
                    size="small",
                )
            )
            right -= bw + m.gap
        return out

    def _timer_text(self) -> str:
        if self.turn is None:
            return ""
        left = self.game.timer_remaining(time.time())
        if left is None:
            return ""
        if left < 0:
            return self.app.w("timer_over")
        return self.app.w("timer_left", time=f"{int(left) // 60}:{int(left) % 60:02d}")

    def timer_row(self, rect: pygame.Rect) -> tuple[list, pygame.Rect]:
        """Workshop turn timer, when one is set: the time left (a soft colour and words when it runs
        over, never a sound), one more minute, and pause. Returns its widgets and the space left."""
        timer = self._timer_text()
        self._timer_words = timer
        if not timer:
            return [], rect
        m, w = self.app.ctx.m, self.app.w
        row, rest = rows(rect, [m.px(92), 1.0], m.gap)
        paused = self.turn is not None and self.turn.paused_at is not None
        over = (self.game.timer_remaining(time.time()) or 0) < 0
        a, b, c = cols(row, [1.0, m.px(330), m.px(330)], m.gap)
        out = [
            Label(a, timer, "body", bold=True, style="timer" if over else "panel", key="timer"),
            Button(
                b,
                w("btn_timer_more"),
                "timer_more",
                lambda: self.cmd("extend_timer", seconds=60),
                icon="plus",
                size="small",
            ),
            Button(
                c,
                w("btn_timer_resume" if paused else "btn_timer_pause"),
                "timer_pause",
                (lambda: self.cmd("resume_timer")) if paused else (lambda: self.cmd("pause_timer")),
                icon="timer",
                size="small",
            ),
        ]
        return out, rest

    def body(self, rect):
        timer, rect = self.timer_row(rect) if self.phase != "summary" else ([], rect)
        return timer + self.step_body(rect)

    def step_body(self, rect):
        if self.phase == "summary":
            return summary_view.build(self, rect)
        if self.hold_board or self.phase in ("roll", "choose_theme"):
            return play_views.board(self, rect)
        view = getattr(turn_views, "view_" + self.phase, None)
        if view is None:
            return [Label(rect, self.app.w("phase_unknown"), "body", key="unknown")]
        return view(self, rect)

    # ----- things any step can open ---------------------------------------------------------------
    def open_park(self) -> None:
        from game.ui.screens.dialogs import TextDialog

        def save(text: str):
            if not text.strip():
                return self.app.w("dialog_empty")  # this box has Cancel, not Pass
            out = self.link.apply({"type": "park", "text": text})
            self.needs_build = True
            if not out.ok:
                return self.app.w(out.reason, **out.params)
            self.message = self.app.w("event_parked")
            return None

        self.app.push(
            TextDialog(
                self.app,
                self.app.w("park_title"),
                self.app.w("park_question"),
                # Words typed here before and not parked yet (the dialog was closed) come back.
                self.link.drafts().get("park", ""),
                on_save=save,
                hint=self.app.w("park_hint"),
                save_words=self.app.w("btn_park_save"),
                draft_field="park",
                link=self.link,
            )
        )

    def open_settings(self) -> None:
        from game.ui.screens.settings_screen import SettingsScreen

        self.app.push(SettingsScreen(self.app))

    def leave(self) -> None:
        from game.ui.screens.start import StartScreen

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
        self.app.reset_to(StartScreen(self.app))
        self.app.top.message = self.app.w("left_game_saved" if kept else "left_game_unsaved")


__all__ = ["PlayScreen", "cols"]


def _look_back_action(self):
    s = self.state
    if s.phase == "look_back":
        return s.look_back_queue[0] if s.look_back_queue else None
    if s.phase == "look_back_one" and self.turn is not None and self.turn.look_back_action:
        aid = self.turn.look_back_action
        for a in s.look_back_queue:
            if a.id == aid:
                return a
        return s.find_action(aid)
    return None


PlayScreen.look_back_action = _look_back_action
