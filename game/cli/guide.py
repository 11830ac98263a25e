"""``making-it-real guide [--deck FILE...] --out DIR``: write the printable trainer guide (HTML and Word).

Without ``--deck`` it uses the shipped workshop pack. The guide is in the decks' language, so the Welsh
workshop pack (``--deck decks/workshop.cy.yaml``) gives a Welsh guide. Exit 0 when written, 2 when the
decks have problems or nothing for a trainer, 1 when the files cannot be saved.
"""

from __future__ import annotations

import sys
from pathlib import Path

from game import paths
from game.cli.console import write
from game.model.deckload import SEARCH_DIRS, DeckError, load_deckset
from game.words import Words


def run(args) -> int:
    files = [Path(f) for f in (args.guide_deck or [])] or [paths.DECKS_DIR / "workshop.yaml"]
    words = Words()
    folders = list(SEARCH_DIRS) + [f.parent for f in files]
    try:
        decks = load_deckset(files, folders)
    except DeckError as exc:
        for problem in exc.problems:
            write(str(problem), sys.stderr)
        return 2
    words = Words(decks.language)
    if not decks.personas and not decks.facilitator_notes:
        write(words.get("cli_guide_no_workshop"), sys.stderr)
        return 2
    from game.guide import write_guide

    out = Path(args.out)
    try:
        written = write_guide(decks, out, words)
    except OSError as exc:
        write(words.get("cli_guide_cannot_write", folder=out, reason=exc.strerror or exc), sys.stderr)
        return 1
    write(words.get("cli_guide_saved", folder=out, files=", ".join(p.name for p in written)))
    return 0
