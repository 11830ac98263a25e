"""`making-it-real demo`: the game plays itself through a whole session in the real screens, by
tapping and typing like a person would. --headless runs it with no window as fast as it can.

The demo's game is never saved among real games: it goes to a throwaway folder that is removed at the
end, unless ``--data-dir`` names a folder to keep it in. If that folder cannot be saved in (another
copy holds it, it is read-only, it is a file), the demo says so on standard error and exits 1.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile

from game.cli.console import write
from game.words import Words


def run(args) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.ui.decks import load_for_game

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
    keep_in = getattr(args, "data_dir", None)
    throwaway = None if keep_in else tempfile.mkdtemp(prefix="making-it-real-demo-")
    try:
        return _play(args, words, headless, size, decks, keep_in or throwaway, kept=bool(keep_in))
    finally:
        if throwaway:
            shutil.rmtree(throwaway, ignore_errors=True)


def _play(args, words: Words, headless: bool, size, decks: list, data_dir: str, kept: bool) -> int:
    from game.ui.app import App
    from game.ui.autoplay import AutoPlayer
    from game.ui.describe import FrameLog
    from game.ui.settings import TEXT_SIZE_NAMES

    shown = {
        "text_size": TEXT_SIZE_NAMES.get(getattr(args, "text_size", None) or ""),
        "high_contrast": {"default": False, "high-contrast": True}.get(getattr(args, "look", None) or ""),
        "language": getattr(args, "language", None),
    }
    shown = {k: v for k, v in shown.items() if v is not None}
    app = App(
        size=size,
        headless=headless,
        data_dir=data_dir,
        deck_paths=decks,
        # Settings chosen for one demo are for showing, not kept as the player's own.
        save_settings_file=not headless and not shown and kept,
    )
    app.demo_data_dir = kept  # the demo saves in --data-dir only when one was given, else in memory
    for k, v in shown.items():
        setattr(app.settings, k, v)
    if shown:
        app.settings_changed()
    if headless:
        app.settings.reduced_motion = True  # nobody is watching: no need to animate
    log = FrameLog(args.describe) if getattr(args, "describe", None) else None
    app.on_frame = log
    app.seed = args.seed
    app.show("start")
    if getattr(args, "presenter", False):
        app.open_presenter()
    pace = args.pace if getattr(args, "pace", None) is not None else 1.2
    review = bool(getattr(args, "review", False))  # then a review of that plan, three months on
    ap = AutoPlayer(
        app,
        seed=args.seed,
        mode=args.mode,
        players=args.players,
        pace=pace,
        headless=headless,
        screenshots=args.screenshots,
        export_dir=args.export,
        loop=not headless and not args.export and not review,  # a kiosk demo plays again
        dice=getattr(args, "dice", "on") != "off",
        timer=getattr(args, "timer", None),
        then_review=review,
    )
    app.autoplayer = ap  # the screens show the demo's caption while it plays
    store = app.store  # opened now, so a folder it cannot save in is known before the demo plays
    cannot_save = kept and (not getattr(store, "on_disk", False) or getattr(store, "problem", None))
    if cannot_save:
        write(
            getattr(store, "problem", None) or words.get("cli_demo_cannot_save", folder=data_dir), sys.stderr
        )
    if headless:
        ap.run_headless()
        app.close()
    else:
        app.run()
    if log is not None:
        log.close()
    files = ap.earlier_files + ap.files
    if files:
        write(words.get("cli_demo_saved_files", n=len(files), folder=files[0].parent))
    if ap.shot_files:
        write(words.get("cli_demo_saved_pictures", n=len(ap.shot_files), folder=ap.shot_files[0].parent))
    if cannot_save:
        write(words.get("cli_demo_not_saved", folder=data_dir), sys.stderr)
        return 1
    return 0 if ap.finished else 1
