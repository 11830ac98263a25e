"""`making-it-real demo`: the game plays itself through a whole session in the real screens, by
tapping and typing like a person would. --headless runs it with no window as fast as it can."""

from __future__ import annotations

import os
import sys

from game.cli.console import write
from game.words import Words


def run(args) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.ui.app import App
    from game.ui.autoplay import AutoPlayer
    from game.ui.decks import load_for_game
    from game.ui.screens.start import StartScreen

    words = Words(getattr(args, "language", None))
    headless = bool(getattr(args, "headless", False))
    size = args.size or ((1920, 1080) if headless else (1280, 720))
    decks = list(getattr(args, "demo_deck", None) or []) + list(getattr(args, "deck", None) or [])
    if decks:
        # Checked before any window or saved-games file is opened, so a broken deck leaves nothing open.
        ds, problems = load_for_game(decks)
        if ds is None:
            write("\n  ".join([words.get("cli_demo_deck_problems"), *problems]), sys.stderr)
            return 2
    app = App(
        size=size,
        headless=headless,
        data_dir=args.data_dir,
        deck_paths=decks,
        save_settings_file=not headless,
    )
    if headless:
        app.settings.reduced_motion = True  # nobody is watching: no need to animate
    app.seed = args.seed
    app.push(StartScreen(app))
    pace = args.pace if getattr(args, "pace", None) is not None else 1.2
    ap = AutoPlayer(
        app,
        seed=args.seed,
        mode=args.mode,
        players=args.players,
        pace=pace,
        headless=headless,
        screenshots=args.screenshots,
        export_dir=args.export,
        loop=not headless and not args.export,  # a kiosk demo plays again; one with files to save stops
    )
    if headless:
        ap.run_headless()
        app.close()
    else:
        app.autoplayer = ap
        app.run()
    if ap.files:
        write(words.get("cli_demo_saved_files", n=len(ap.files), folder=ap.files[0].parent))
    if ap.shot_files:
        write(words.get("cli_demo_saved_pictures", n=len(ap.shot_files), folder=ap.shot_files[0].parent))
    return 0 if ap.finished else 1
