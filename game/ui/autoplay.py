"""The demo's autoplayer: it looks at the widgets on the current screen, decides (seeded) what a player
would do, and does it the way a person does — by posting real pygame events: a mouse press and release
at a button's centre, TEXTINPUT for typing. What to do in the game itself comes from the engine's
seeded player (game.model.autoplay); how to do it is finding and tapping the right widget."""

from __future__ import annotations

import random
import time
from collections import deque
from pathlib import Path

import pygame

from game.model import autoplay as model_autoplay
from game.model import commands as C
from game.model.phase import Phase
from game.ui import review_play
from game.ui.caption import caption
from game.ui.input_events import key_event, tap_events

REAL_INPUT = (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.FINGERDOWN)
DEMO_NAMES = ("Ann", "Bilal", "Cerys", "Dev", "Eve", "Femi", "Gwen", "Hari")


class AutoPlayer:
    def __init__(
        self,
        app,
        seed: int = 1,
        mode: str = "group",
        players: int = 3,
        pace: float = 1.2,
        headless: bool = False,
        screenshots: str | None = None,
        export_dir: str | None = None,
        pass_rate: float = 0.1,
        extra_text: list[str] | None = None,
        loop: bool = False,
        quit_when_done: bool = False,
        review: bool = False,
        dice: bool = True,
        timer: int | None = None,
        then_review: bool = False,
    ):
        self.app = app
        self.rng = random.Random(seed)
        self.mode, self.players = mode, max(1, min(8, players))
        self.pace = 0.0 if headless else pace
        self.headless = headless
        self.shots = Path(screenshots) if screenshots else None
        self.export_dir = export_dir
        self.pass_rate = pass_rate
        self.extra_text = list(extra_text or [])
        self.queue: deque = deque()
        self.next_at = 0.0
        self.seen: set[str] = set()
        self.shot_files: list[Path] = []
        self.finished = False
        self.files: list[Path] = []
        self.steps = 0
        self.parked = False
        self.plan = None
        self.stuck = None
        self.loop, self.quit_when_done, self.review = loop, quit_when_done, review
        self.dice, self.timer = dice, timer
        self.then_review, self.earlier_files, self.asked_before = then_review, [], {}  # see review_play

    # ----- driving the loop ----------------------------------------------------------------------------
    def busy(self) -> bool:
        return not self.finished or self.loop

    def wait_ms(self) -> float:
        return max(0.0, (self.next_at - time.monotonic()) * 1000)

    def filter(self, events: list) -> list:
        """Called by App.run each pass: when it is time, do the next small step. A real person's key
        press or tap stops the demo and hands the game to them."""
        real = [
            e
            for e in events
            if e.type in REAL_INPUT and not getattr(e, "demo", False) and not getattr(e, "touch", False)
        ]
        if real:
            self.stop()
            if real[0].type == pygame.KEYDOWN and real[0].key == pygame.K_ESCAPE:
                # Escape only stops the demo: it must not also go Back (which would undo a step).
                return [e for e in events if e is not real[0]]
            return events
        if self.finished:
            if self.loop and time.monotonic() >= self.next_at:
                self.restart()
            return events
        if time.monotonic() >= self.next_at:
            self.snapshot()
            self.act()
            self.next_at = time.monotonic() + self.pace
            if self.finished:
                self.next_at = time.monotonic() + max(5.0, self.pace * 5)
                if self.quit_when_done:
                    pygame.event.post(pygame.event.Event(pygame.QUIT))
            events = events + pygame.event.get()
        return events

    def stop(self) -> None:
        """A person takes over: the demo stops where it is, and its caption gives way to the heading."""
        self.app.autoplayer = None
        self.finished = True
        self.queue.clear()
        if self.app.top is not None:
            self.app.top.needs_build = True
        self.app.invalidate()

    def caption(self) -> str:
        return caption(self.app)

    def restart(self) -> None:
        """Kiosk use: after a pause on the saved plan, play again with the next seed."""
        self.rng = random.Random(self.rng.random())
        self.app.seed = (getattr(self.app, "seed", 0) or 0) + 1
        self.app.days_on = 0  # a review moved the clock on; the next game is played today again
        self.finished, self.parked, self.plan, self.files = False, False, None, []
        self.queue.clear()
        self.app.show("start", how="reset")

    def run_headless(self, max_steps: int = 20000) -> None:
        """As fast as it can: act, then let the App take the posted events, until the plan is saved."""
        self.app.step([])
        self.snapshot()
        last, still = None, 0
        while not self.finished and self.steps < max_steps and self.app.running:
            self.act()
            self.app.step(pygame.event.get())
            self.snapshot()
            # Nothing new happening for a long while means the player is stuck: stop rather than spin.
            mark = (self.signature(), len(getattr(getattr(self.app.top, "game", None), "log", ()) or ()))
            still = still + 1 if mark == last else 0
            last = mark
            if still > 300:
                self.stuck = mark
                break
        self.snapshot()

    # ----- one small step ------------------------------------------------------------------------------
    def act(self) -> None:
        self.steps += 1
        if not self.queue:
            self.plan_next()
        if self.queue:
            do, arg = self.queue.popleft()
            do(arg)

    def widget(self, key: str) -> dict | None:
        for w in self.app.widgets():
            if w["key"] == key and w.get("enabled", True):
                return w
        return None

    def _do_tap(self, key: str) -> None:
        w = self.widget(key)
        if w is None:
            self.queue.clear()  # the screen changed under us: decide again
            return
        for e in tap_events(w["rect"].center, demo=True):
            pygame.event.post(e)

    def _do_type(self, text: str) -> None:
        chunks = [text] if self.headless else [text[i : i + 3] for i in range(0, len(text), 3)]
        for c in chunks:
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=c, demo=True))

    def _do_clear(self, _) -> None:
        for e in (key_event(pygame.K_a, pygame.KMOD_CTRL), key_event(pygame.K_BACKSPACE)):
            e.demo = True
            pygame.event.post(e)

    def _do_call(self, fn) -> None:
        fn()

    def tap(self, key):
        self.queue.append((self._do_tap, key))

    def type_into(self, key, text, clear=False):
        self.queue.append((self._do_tap, key))
        if clear:
            self.queue.append((self._do_clear, None))
        self.queue.append((self._do_type, text))

    # ----- deciding ------------------------------------------------------------------------------------
    def plan_next(self) -> None:
        top = self.app.top
        PLANNERS.get(getattr(top, "name", ""), AutoPlayer._plan_unknown)(self, top)

    def _plan_unknown(self, top) -> None:
        self.tap("back")

    def _plan_start(self, top) -> None:
        if self.review:
            self.tap("review")
            return
        self.tap("workshop" if self.mode == "workshop" else "new")

    def _plan_choose(self, top) -> None:
        rows = [w for w in self.app.widgets() if w["key"].startswith("open:")]
        if not rows:
            self.tap("back")
            self.review = False
            return
        self.review = False
        self.tap(review_play.newest_plan(self.app.store, [w["key"] for w in rows]) or rows[0]["key"])

    def _plan_setup(self, top) -> None:
        from game.ui.screens.setup import STEPS

        step = STEPS[top.step]
        if step == "mode":
            if top.mode != self.mode:
                self.tap(f"mode:{self.mode}")
            self.tap("next")
        elif step == "players":
            want = 2 if self.mode == "one-to-one" else self.players
            if len(top.players) < want:
                return self.tap("add_player")
            if len(top.players) > want:
                self.tap(f"remove:{top.players[-1].id}")
                return
            for i, p in enumerate(top.players):
                if not p.box.text.strip() and self.widget(p.box.key) is None:  # on the other page
                    return self.tap("players_page")
                if not p.box.text.strip():
                    self.type_into(p.box.key, DEMO_NAMES[i % len(DEMO_NAMES)])
            self.tap("next")
        elif step == "themes":
            if top.dice != self.dice:
                self.tap(f"dice:{self.dice}")
            if top.timer != self.timer:
                if self.widget(f"timer:{self.timer}") is not None:
                    self.tap(f"timer:{self.timer}")
                else:
                    # A length the set-up screen has no button for: set as a trainer would have chosen it.
                    self.queue.append((self._do_call, lambda: setattr(top, "timer", self.timer)))
            self.tap("next")
        else:
            w = self.app.words
            if not top.title_box.text.strip():
                self.type_into("plan_title", w.get("demo_plan_title"))
            if not top.service_box.text.strip():
                self.type_into("plan_service", w.get("demo_service"))
            review_play.move_clock_on(self, top)
            self.tap("next")

    def _plan_text_dialog(self, top) -> None:
        self.type_into("text", self.app.words.get("demo_park_1"), clear=True)
        self.tap("save")

    def _plan_choice_dialog(self, top) -> None:
        self.tap(review_play.parked_choice(self) or "cancel")

    def _plan_settings(self, top) -> None:
        self.tap("back")

    def _plan_export(self, top) -> None:
        if top.files is not None:
            self.files = list(top.files)
            self.finished = review_play.finished_or_review(self)  # demo --review: a review follows
            return
        if top.busy:
            top.wait()
            return
        if self.export_dir is None:
            # No files asked for: the plan is kept all the same, so a review can still follow.
            self.finished = review_play.finished_or_review(self)
            return
        self.type_into("folder", str(self.export_dir), clear=True)
        self.tap("export")

    def _plan_play(self, top) -> None:
        g = top.game
        s = g.state
        if top.hold_board:
            self.tap("continue")
            return
        if s.phase == Phase.TALK and not self.parked and self.rng.random() < 0.3:
            self.parked = True
            self.tap("park")
            return
        if s.phase == Phase.SUMMARY:
            self.plan = g.plan()
        if self.extra_text and s.phase == Phase.TALK:
            self.type_into("note", self.extra_text.pop(0))
            self.tap("add_note")
            return
        if s.phase == Phase.PICK and review_play.pick_again(self, s):
            return
        # The command the model's player would make, made here the way a person would: by tapping.
        match model_autoplay.next_command(g, self.rng, self.pass_rate, self.app.words):
            case C.RollDie():
                self.tap("roll")
            case C.ChooseTheme(theme=theme):
                self.tap(f"theme:{theme}")
            case C.PickCard(card=card):
                self.tap(f"card:{card}")
            case C.MoreCards(include_discussed=again):  # a review's cards talked about before have their own
                self.tap("cards_before" if again and s.carried else "more_cards")
            case C.Rate(player=pid, point=point):
                if s.phase == Phase.RATE and top.rater != pid:
                    self.tap(f"rater:{pid}")
                self.tap(f"point:{point}")
            case C.Next():
                self.tap("next")
            case C.AddNote() as cmd:
                review_play.add_note(self, top, cmd.to_dict())  # on a card from last time, what has changed
            case C.AgreeAction() as cmd:
                self.type_into("action_what", cmd.what)
                self.tap(f"who:{cmd.who}")
                self.tap(f"when:{cmd.when}")
                self.tap("agree")
            case C.EndTurn():
                self.tap("end_turn")
            case C.Celebrate(text=text, theme=theme):
                self.type_into("celebrate", text)
                self.tap(f"ctheme:{theme}")
                self.tap("add_celebrate")
            case C.MarkAction() as cmd:
                self.tap(f"status:{cmd.status or 'unsaid'}")
                if cmd.when:
                    self.tap(f"when:{cmd.when}")
                if cmd.due:
                    self.type_into("lookback_date", cmd.due)
                if cmd.note:
                    self.type_into("lookback_note", cmd.note)
                self.tap("save_lookback")
            case C.ConfirmPlan():
                self.tap("confirm")
            case C.AddLearnt(text=text):
                self.type_into("learnt", text)
                self.tap("add_learnt")
            case _:  # Pass, and anything else the screens answer with Pass
                self.tap("pass")

    # ----- pictures ------------------------------------------------------------------------------------
    def signature(self) -> str:
        top = self.app.top
        if top is None:
            return "none"
        return review_play.in_review(top) + self._screen_name(top)

    def _screen_name(self, top) -> str:  # one picture per name (a review's screens have their own)
        name = getattr(top, "name", "screen")
        if name == "setup":
            from game.ui.screens.setup import STEPS

            return f"setup-{STEPS[top.step]}"
        if name == "play":
            return review_play.picture_name(top)
        if name == "export":
            return "export-done" if top.files is not None else "export"
        return name

    def snapshot(self) -> None:
        if self.shots is None:
            return
        sig = self.signature()
        if sig in self.seen:
            return
        self.seen.add(sig)
        top = self.app.top
        for _ in range(200):  # let any movement finish so the picture shows where things end up
            if not top.update(0.05):
                break
        path = self.shots / f"{len(self.seen):02d}-{sig}.png"
        self.app.draw()
        self.shot_files.append(self.app.screenshot(path))


# Which planner decides the next step on each named screen (an unnamed or unknown screen: go back).
PLANNERS = {
    "start": AutoPlayer._plan_start,
    "choose": AutoPlayer._plan_choose,
    "setup": AutoPlayer._plan_setup,
    "text-dialog": AutoPlayer._plan_text_dialog,
    "choice-dialog": AutoPlayer._plan_choice_dialog,
    "settings": AutoPlayer._plan_settings,
    "export": AutoPlayer._plan_export,
    "play": AutoPlayer._plan_play,
}


def start_demo(
    app, seed: int = 1, mode: str = "group", players: int = 3, pace: float = 1.2, **kw
) -> AutoPlayer:
    """Watch the game play itself in the real screens (from the start screen's "Watch a demo")."""
    ap = AutoPlayer(app, seed=seed, mode=mode, players=players, pace=pace, **kw)
    app.seed = seed
    app.autoplayer = ap
    if getattr(app.top, "name", "") != "start":
        app.show("start", how="reset")
    return ap
