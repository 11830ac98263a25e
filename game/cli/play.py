"""`making-it-real` (no command): open the game window on the start screen."""

from __future__ import annotations

import os


def run(args) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.ui.app import App

    app = App(
        size=args.size or (1280, 720),
        data_dir=args.data_dir,
        deck_paths=list(args.deck or []),
        fullscreen=True if args.fullscreen else None,
    )
    app.show("start")
    if getattr(args, "presenter", False):
        app.open_presenter()
    app.run()
    return 0
