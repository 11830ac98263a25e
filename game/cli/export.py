"""``making-it-real export ID --format docx,html,... --out DIR``: write a plan in the chosen formats.

ID is a plan .json file, a finished plan's id, or a saved game's id (see ``sessions``); a game that
is not finished is replayed from its saved steps and its draft plan exported. Prints where each file
went. Exit codes: 0 done; 1 the plan, the saved games or the folder could not be used, or the saved
games file was found damaged on the way (the message says why and names the file); 2 a format name
or an id that does not exist.
"""

from __future__ import annotations

import sys
from pathlib import Path

from game.cli.console import write
from game.export import ExportError, export_plan, parse_formats
from game.model.deck import DeckSet
from game.model.engine import Game
from game.model.plan import Plan
from game.model.planio import PlanFormatError, kept_plan, read_plan
from game.words import Words


class _NotFound(Exception):
    pass


class _Problem(Exception):
    """A plain message about saved games that could not be used."""


def run(args) -> int:
    words = Words(getattr(args, "language", None))
    try:
        formats = parse_formats(args.format or "")
    except ExportError as exc:
        _err(str(exc))
        return 2
    if not formats:
        _err(words.get("export_cli_no_formats"))
        return 2
    damage: list[str] = []
    try:
        plan = find_plan(args.id, getattr(args, "data_dir", None), words, damage)
    except _NotFound:
        shown = args.id if len(args.id) <= 60 else args.id[:59] + "…"  # never a huge value in full
        _err(words.get("export_cli_not_found", id=shown))
        return 2
    except PlanFormatError as exc:
        _err(str(exc))
        if len(exc.problems) > 1:  # every problem, so all can be mended in one go
            for line in exc.problems:
                _err(f"  {line}")
        return 1
    except _Problem as exc:
        _err(str(exc))
        return 1
    for message in damage:
        _err(message)  # the export goes on from what was brought back, but the exit code says so
    out_dir = Path(args.out or ".")
    try:
        paths = export_plan(plan, formats, out_dir)
    except OSError as exc:
        _err(words.get("export_cli_out_problem", path=str(out_dir), problem=exc.strerror or str(exc)))
        return 1
    for path in paths:
        _out(words.get("export_cli_wrote", path=str(path)))
    return 1 if damage else 0


def find_plan(item: str, data_dir: str | None, words: Words, damage: list[str] | None = None) -> Plan:
    """A plan file path, or a plan or game id in the saved games. If the saved-games file was found
    damaged (and set aside) on the way, the message is added to ``damage``."""
    path = Path(item)
    if path.suffix.lower() == ".json" or path.is_file():
        if not path.exists():
            raise _NotFound(item)
        return read_plan(path)

    from game.store import StoreError, UnknownId, open_store
    from game.store import problems as P

    with open_store(data_dir, read_only=True) as store:
        if store.problem_key == P.CORRUPT and damage is not None:
            damage.append(store.problem)
        try:
            return kept_plan(store.load_plan(item))
        except UnknownId:
            pass
        except StoreError as exc:
            raise _Problem(words.get("export_cli_store_problem", problem=exc.message)) from None
        try:
            deck_dict, commands = store.load_game(item)
        except UnknownId:
            if store.problem:
                if damage:
                    damage.clear()  # said once, in the message below
                raise _Problem(words.get("export_cli_store_problem", problem=store.problem)) from None
            raise _NotFound(item) from None
        except StoreError as exc:
            raise _Problem(words.get("export_cli_store_problem", problem=exc.message)) from None
    return _replayed_plan(item, deck_dict, commands, words)


def _replayed_plan(item: str, deck_dict: dict, commands: list[dict], words: Words) -> Plan:
    try:
        decks = DeckSet.from_dict(deck_dict)
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise _Problem(words.get("export_cli_game_problem", id=item, problem=str(exc))) from None
    return Game.replay(decks, commands).plan()  # the same replay, and policy, as resuming the game


def _out(text: str) -> None:
    write(text, sys.stdout)


def _err(text: str) -> None:
    write(text, sys.stderr)
