"""One seeded demo game played headless, as ``making-it-real demo --seed`` plays it, with every distinct
frame it draws described (game.ui.describe): the layout tests and tests/layout_sweep.py check those."""

from __future__ import annotations

from game.store import memory_store
from game.ui.app import App
from game.ui.autoplay import AutoPlayer
from game.ui.describe import FrameLog
from game.ui.settings import TEXT_SIZE_NAMES, Settings
from game.ui.speech import Speaker


def play_demo(
    size,
    *,
    seed: int,
    mode: str = "group",
    players: int = 3,
    dice: bool = True,
    timer: int | None = None,
    text: str = "normal",
    look: str = "default",
    language: str = "en",
    then_review: bool = False,
    export_dir: str | None = None,
) -> tuple[list[dict], AutoPlayer]:
    """The frames of the game (with ``then_review``, of the review only: from when the plan is kept),
    and the finished demo player."""
    settings = Settings(
        text_size=TEXT_SIZE_NAMES[text],
        high_contrast=look == "high-contrast",
        language=language,
        reduced_motion=True,
    )
    app = App(
        tuple(size),
        headless=True,
        settings=settings,
        store=memory_store(),
        speaker=Speaker("record"),
        save_settings_file=False,
    )
    log, kept = FrameLog(), []

    def on_frame(a) -> None:
        n = len(log.frames)
        log(a)
        if then_review and not ap.then_review:  # the plan is kept: the review has begun
            kept.extend(log.frames[n:])

    app.on_frame = on_frame
    app.seed = seed  # as the demo does: its dice and deals follow the seed, not the clock
    app.show("start")
    ap = AutoPlayer(
        app,
        seed=seed,
        mode=mode,
        players=players,
        headless=True,
        dice=dice,
        timer=timer,
        then_review=then_review,
        export_dir=export_dir,
    )
    app.autoplayer = ap  # as `making-it-real demo` does: every frame carries the demo's caption
    ap.run_headless()
    app.close()
    return (kept if then_review else log.frames), ap
