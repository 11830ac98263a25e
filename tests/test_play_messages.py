"""Every message the play screen can show (a refusal, what just happened, a saving problem, words typed
but not added) is whole and readable in its kept place, in a group and in a workshop (where the row also
holds the timer and the trainer's strip), in English and Welsh, at 720p and 1080p."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from layout_rules import frame_problems

from game import words
from game.ui.describe import frame
from game.ui.harness import game_at, make_app, push_screen

LOCALE = Path(words.__file__).parent / "locale" / "en"
FILL = {
    "folder": "/home/sam/.local/share/making-it-real",
    "file": "/home/sam/.local/share/making-it-real/games.sqlite3",
}


# Messages the turn steps set themselves (found by reading game/ui/screens: `message = ...w("...")`).
STEP_MESSAGES = [
    "action_bad_date", "celebrate_added", "celebrate_need_theme", "drafts_restored", "lookback_need_status",
    "note_added", "note_added_changed", "note_changed", "note_empty", "rate_chosen_hidden", "speech_off",
    "leave_not_saved_warning",
]  # fmt: skip


def message_keys() -> list[str]:
    keys = []
    for name in ("engine", "store", "ui"):
        table = yaml.safe_load((LOCALE / f"{name}.yaml").read_text(encoding="utf-8"))
        keys += [
            k
            for k in table
            if k.startswith(("refuse_", "event_", "store_problem_"))
            or (k.endswith("_unsaved") and not k.startswith("export_"))  # the export screen has its own
        ]
    return keys + STEP_MESSAGES


@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["720p", "1080p"])
@pytest.mark.parametrize("mode", ["group", "workshop"])
def test_every_message_is_whole_and_readable_in_its_place(mode, size, language):
    app = make_app(size, language=language)
    scr = push_screen(app, "play", game_at("action", mode=mode, players=4))
    keys = message_keys()
    assert len(keys) > 40
    bad = []
    for key in keys:
        if app.words.has(f"{key}_in_play"):
            key = f"{key}_in_play"  # a saving problem, as the play screen words it
        params = {p: FILL.get(p, "Ann" if "name" in p else "3") for p in re.findall(r"{(\w+)", app.w(key))}
        scr.message = app.w(key, **params)
        scr.needs_build = True
        app.invalidate()  # drawn again, so the frame says the size it was drawn at
        app.step([])
        f = frame(app)
        assert next(w for w in f["widgets"] if w["key"] == "message0")["font_px"], key
        bad += [p for p in frame_problems(f) if "message0" in p]
    assert not bad, "\n".join(bad)
