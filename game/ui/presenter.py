"""The trainer's presenter view: a second window, for the trainer's eyes only, during a workshop.

The game stays on the projector or TV (the shared screen). This window shows what trainees should not
see: the facilitator note for the step on show, the current player's persona brief, the turn timer's
controls (pause, one more minute, stop) and what comes next. One app loop serves both windows: the App
hands this window's events here (``take``) and draws it after each shared frame.

On two displays it opens on the other display; on one display it is an ordinary window the trainer can
move aside. It only opens when asked for (``--presenter``), so on one display it can stay closed.
"""

from __future__ import annotations

import pygame

from game.model import commands as C
from game.model.phase import Phase
from game.ui import sizes as S
from game.ui.layout import Metrics, cols, rows
from game.ui.look import look_for
from game.ui.screen import pointer_of
from game.ui.timer_controls import timer_buttons, timer_words
from game.ui.widgets import Button, Ctx, Label, Widget

SIZE = (1280, 800)
_CENTRED_ON = 0x2FFF0000  # SDL_WINDOWPOS_CENTERED_DISPLAY(n) is this | n

# Which facilitator note goes with a screen or step that has no turn view of its own.
_NOTE_OF_SCREEN = {"start": "start", "setup": "setup", "export": "export"}
_NOTE_OF_PHASE = {Phase.ROLL: "board", Phase.CHOOSE_THEME: "board", Phase.SUMMARY: "summary"}
# What comes after each step, as words keys (a turn's last step says whose turn is next).
_NEXT_OF_PHASE = {
    Phase.ROLL: "presenter_next_pick",
    Phase.CHOOSE_THEME: "presenter_next_pick",
    Phase.PICK: "presenter_next_rate",
    Phase.RATE: "presenter_next_talk",
    Phase.RATE_ALL: "presenter_next_reveal",
    Phase.REVEAL: "presenter_next_talk",
    Phase.TALK: "presenter_next_action",
    Phase.LOOK_BACK: "presenter_next_play",
}


def display_for_presenter() -> int | None:
    """The display the presenter view opens on: the second one when there are two or more, else None."""
    try:
        return 1 if pygame.display.get_num_displays() > 1 else None
    except pygame.error:
        return None


def placement() -> tuple[tuple[int, int], object]:
    """Size and place of the presenter window: centred on the other display when there are two; on one,
    at the right-hand edge (out of the way of the game, for the trainer to move), never bigger than it."""
    other = display_for_presenter()
    try:
        desk = pygame.display.get_desktop_sizes()
    except pygame.error:
        desk = []
    screen = desk[other if other is not None and other < len(desk) else 0] if desk else SIZE
    size = (min(SIZE[0], screen[0]), min(SIZE[1], screen[1]))
    if other is not None:
        return size, (_CENTRED_ON | other, _CENTRED_ON | other)
    return size, (max(0, screen[0] - size[0]), max(0, (screen[1] - size[1]) // 2))


class Presenter:
    """The presenter window and what it shows; ``app.presenter`` while it is open."""

    name = "presenter"

    def __init__(self, app):
        self.app = app
        size, position = placement()
        self.window = pygame.Window(
            app.w("presenter_window_title"), size=size, position=position, resizable=True
        )
        self.widgets: list[Widget] = []
        self.pressed: Widget | None = None
        self._notes: dict[str, str] | None = None

    # ----- events ------------------------------------------------------------------------------------
    def owns(self, event) -> bool:
        return getattr(event, "window", None) is self.window

    def take(self, events: list) -> list:
        """Handle this window's events; return the rest (the shared window's)."""
        rest = []
        for e in events:
            if not self.owns(e):
                rest.append(e)
            elif e.type == pygame.WINDOWCLOSE:
                self.app.close_presenter()
                return rest + [x for x in events[events.index(e) + 1 :] if not self.owns(x)]
            else:
                self._handle(e)
        return rest

    def _handle(self, e) -> None:
        p = pointer_of(e, self.window.size)
        if p is None:
            if e.type in (pygame.WINDOWSIZECHANGED, pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED):
                self.app.invalidate()
            return
        kind, pos = p
        hit = next(
            (w for w in reversed(self.widgets) if w.focusable and w.enabled and w.rect.collidepoint(pos)),
            None,
        )
        if kind == "down":
            self.pressed = hit
        elif kind == "up":
            pressed, self.pressed = self.pressed, None
            if hit is not None and hit is pressed:
                hit.activate(self.app)
                play = self.play_screen()
                if play is not None:
                    play.needs_build = True
                self.app.invalidate()  # both windows show the change

    # ----- what it shows -----------------------------------------------------------------------------
    def play_screen(self):
        return next((s for s in reversed(self.app.screens) if getattr(s, "name", "") == "play"), None)

    def _ctx(self) -> Ctx:
        w, h = self.window.size
        a = self.app
        return Ctx(
            fonts=a.fonts,
            icons=a.icons,
            look=look_for(a.settings.high_contrast),
            m=Metrics(w, h, a.settings.text_size),
            words=a.ctx.words,
        )

    def note(self) -> str:
        """The facilitator note for what the shared screen shows now ("" when the decks have none)."""
        a = self.app
        play = self.play_screen()
        if play is not None:
            if play.state.setup.get("mode") != "workshop":
                return ""
            view = play.shown
            key = view.trainer_step or _NOTE_OF_PHASE.get(play.phase, "")
            return play.decks.facilitator_notes.get(key, "")
        key = _NOTE_OF_SCREEN.get(getattr(a.top, "name", ""), "")
        return self._workshop_notes().get(key, "") if key else ""

    def _workshop_notes(self) -> dict[str, str]:
        """Before and after a game (start, set-up, export) the notes come from the workshop pack itself."""
        if self._notes is None:
            from game.ui.decks import load_for_game

            decks, _ = load_for_game(self.app.deck_paths or None, self.app.settings.language, "workshop")
            self._notes = dict(decks.facilitator_notes) if decks is not None else {}
        return self._notes

    def persona_brief(self) -> str:
        from game.ui.screens.steps import persona

        play = self.play_screen()
        if play is None:
            return ""
        who = persona(play, play.shown.acting())
        if who is None:
            return ""
        return self.app.w("presenter_persona", name=who.name, summary=who.summary)

    def next_words(self) -> str:
        w = self.app.w
        play = self.play_screen()
        if play is None:
            return w("presenter_next_none")
        s = play.state
        if s.phase == Phase.SUMMARY:
            debrief = s.setup.get("mode") == "workshop" and play.decks.debrief and not s.debriefed
            return w("presenter_next_debrief" if debrief else "presenter_next_export")
        if s.phase == Phase.DEBRIEF:
            n = s.debrief_at + 1
            if n < len(play.decks.debrief):
                return w("presenter_next_question", question=play.decks.debrief[n])
            return w("presenter_next_export")
        key = _NEXT_OF_PHASE.get(s.phase)
        if key:
            return w(key)
        if s.order:
            nxt = s.order[(s.active + 1) % len(s.order)]
            return w("presenter_next_turn", name=play.player_label(nxt))
        return w("presenter_next_none")

    def build(self) -> list[Widget]:
        ctx = self._ctx()
        m, w = ctx.m, self.app.w
        area = pygame.Rect((0, 0), self.window.size).inflate(-2 * m.margin, -2 * m.margin)
        top, now, note_h, note, brief, timer, nxt = rows(
            area,
            [
                m.px(S.TOP_BAR),
                m.px(S.LABEL_ROW),
                m.px(S.SMALL_LABEL_ROW),
                0.6,
                0.4,
                m.px(S.TARGET),
                m.px(S.LABEL_ROW),
            ],
            m.gap,
        )
        top_screen = self.app.top
        shown = top_screen.title() if hasattr(top_screen, "title") else ""
        out: list[Widget] = [
            Label(top, w("presenter_title"), "heading", bold=True, key="presenter_title"),
            Label(now, w("presenter_now", what=shown), "small", key="presenter_now"),
            Label(note_h, w("presenter_note_heading"), "small", bold=True, key="presenter_note_heading"),
            Label(note, self.note() or w("presenter_no_note"), "body", style="panel", key="facilitator_note"),
            Label(
                brief,
                self.persona_brief() or w("presenter_no_persona"),
                "body",
                style="panel",
                key="persona_brief",
            ),
        ]
        out += self._timer(timer)
        out.append(Label(nxt, self.next_words(), "small", bold=True, key="presenter_next"))
        return out

    def _timer(self, rect: pygame.Rect) -> list[Widget]:
        m, w = self._ctx().m, self.app.w
        play = self.play_screen()
        left = play.game.timer_remaining(self.app.now()) if play is not None else None
        if play is None or left is None or play.turn is None:
            return [Label(rect, w("presenter_no_timer"), "small", key="presenter_timer")]
        t = play.turn
        paused = t.paused_at is not None
        words = timer_words(w, left)
        a, b, c, d = cols(rect, [1.0, 1.0, 1.0, 1.0], m.gap)
        return [
            Label(a, words, "body", bold=True, style="panel", key="presenter_timer"),
            *timer_buttons(w, play.apply, b, c, paused, prefix="presenter_", pause_icon="pause"),
            Button(
                d,
                w("btn_timer_stop"),
                "presenter_timer_stop",
                lambda: play.apply(C.StopTimer()),
                icon="close",
                size="small",
            ),
        ]

    # ----- drawing -----------------------------------------------------------------------------------
    def draw(self) -> None:
        ctx = self._ctx()
        self.widgets = self.build()
        surface = self.window.get_surface()
        surface.fill(ctx.look.pair("screen")[0])
        for wdg in self.widgets:
            wdg.draw(surface, ctx)
        self.window.flip()

    def describe(self) -> list[dict]:
        return [w.describe() for w in self.widgets]

    def screenshot(self, path) -> None:
        pygame.image.save(self.window.get_surface(), str(path))

    def close(self) -> None:
        self.window.destroy()
