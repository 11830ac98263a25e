"""The demo's caption for the room: one line, in place of the screen's heading, that says this is a demo
and what is happening now ("Demo: Ann picks the card that matters most to them")."""

from __future__ import annotations

from game.model.phase import Phase

# Steps that are shown to the room as another step's words (the words are demo_what_<step>).
SAME_AS = {
    "landed": Phase.ROLL,  # the board held after a roll, showing where the token landed
    Phase.RATE_ALL: Phase.RATE,
    Phase.REVEAL: Phase.RATE,
    Phase.LOOK_BACK_ONE: Phase.LOOK_BACK,
}
# Screens with words of their own; the demo only opens the text dialog to park a topic for the end.
SCREEN_WORDS = {"start": "start", "setup": "setup", "export": "export", "text-dialog": "park"}


def caption(app) -> str:
    w, top = app.words, app.top
    name = getattr(top, "name", "")
    what, who = SCREEN_WORDS.get(name, "other"), ""
    if name == "play":
        s = top.state
        what = "landed" if top.hold_board else s.phase
        what = SAME_AS.get(what, what)
        p = s.active_player if s.turn is None else s.player(s.turn.player)
        who = p.label if p is not None else ""
    key = f"demo_what_{what}"
    return w.get("demo_caption", what=w.get(key if w.has(key) else "demo_what_other", name=who))
