"""The demo tells the room what is happening at every step it can show: each step has caption words of its
own (or is shown as the step it belongs to), in every language, so no step falls back to the general line."""

import pytest

from game.model.phase import PLAY_PHASES, Phase
from game.ui.caption import SAME_AS, SCREEN_WORDS
from game.words import Words, languages


@pytest.mark.parametrize("language", languages())
def test_every_step_and_screen_the_demo_shows_has_its_own_caption(language):
    words = Words(language)
    steps = {SAME_AS.get(p, p) for p in PLAY_PHASES | {Phase.SUMMARY, Phase.DEBRIEF}}
    missing = [s for s in sorted(steps | set(SCREEN_WORDS.values())) if not words.has(f"demo_what_{s}")]
    assert not missing, f"{language}: no demo caption for {missing}"
