"""``making-it-real speak "TEXT" [--language cy] [--out FILE.wav]``: say words aloud, or save them as a
WAV, with the same offline voice the game's Read aloud uses. For trainers (to hear how a card sounds in
English or Welsh) and for tests. Exit code 0 when it spoke or saved, 2 when there is no speech engine or
it failed, with a plain message saying why.
"""

from __future__ import annotations

import os
import sys

from game.words import Words


def run(args) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # this command's output is for people
    from game.ui import speech

    language = "cy" if args.language.lower().startswith("cy") else "en"
    words = Words(language)
    text = speech.clean(" ".join(args.text))
    if not text:
        print(words("cli_speak_no_text"), file=sys.stderr)
        return 2
    try:
        seconds = speech.save_or_say(text, language, args.out)
    except speech.NoEngine as e:
        print(words("cli_speak_no_engine", why=words(e.key)), file=sys.stderr)
        return 2
    except Exception as e:  # noqa: BLE001 - an engine that fails (OSError, timeout): a message, not a trace
        print(words("cli_speak_failed", problem=str(e) or type(e).__name__), file=sys.stderr)
        return 2
    if args.out:
        print(words("cli_speak_saved", file=args.out, seconds=f"{seconds:.1f}"))
    return 0
