"""The workshop turn timer's words and buttons, shared by the play screen's message row and the
trainer's presenter window, so both say the time and offer "one more minute" and pause alike."""

from __future__ import annotations

from game.model import commands as C
from game.ui.widgets import Button


def timer_words(w, left: float, stacked: bool = False) -> str:
    """'Time left 3:05', or the gentle 'time is up' words once it runs over. ``stacked`` puts the time
    on a line of its own under its words (in a narrow place), so it is never split from them."""
    if left < 0:
        return w("timer_over")
    return w(
        "timer_left_stacked" if stacked else "timer_left", time=f"{int(left) // 60}:{int(left) % 60:02d}"
    )


def timer_buttons(
    w, apply, more_rect, pause_rect, paused: bool, prefix: str, pause_icon: str
) -> list[Button]:
    """One more minute, and pause (or carry on when paused); ``apply`` sends the typed command."""
    return [
        Button(
            more_rect,
            w("btn_timer_more"),
            f"{prefix}timer_more",
            lambda: apply(C.ExtendTimer(seconds=60)),
            icon="plus",
            size="small",
        ),
        Button(
            pause_rect,
            w("btn_timer_resume" if paused else "btn_timer_pause"),
            f"{prefix}timer_pause",
            (lambda: apply(C.ResumeTimer())) if paused else (lambda: apply(C.PauseTimer())),
            icon=pause_icon,
            size="small",
        ),
    ]
