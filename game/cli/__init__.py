"""The command line, a public interface: ``making-it-real`` (play), ``check``, ``demo``,
``sessions``, ``export``, ``bench``, ``guide``, ``report``, ``speak``. Each command's work lives in its
own module here.

Every command runs with guarded output (``game.cli.console.guarded``): no control code from a file
reaches the terminal, and a closed pipe or a full device never ends in a traceback. Exit codes keep
their meaning; a command that did its work but could not print it exits 1 (never 0).
"""

from __future__ import annotations

import argparse
import sys

from game.cli import report as report_cli
from game.export import FORMATS
from game.words import languages


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = text.lower().split("x")
        size = int(w), int(h)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"size must look like 1920x1080, not {_shown(text)}") from exc
    if not all(200 <= n <= 16384 for n in size):
        raise argparse.ArgumentTypeError(f"each side must be from 200 to 16384, not {_shown(text)}")
    return size


def _whole(low: int, high: int):
    """An argparse type: a whole number from ``low`` to ``high``, or a plain message saying so."""

    def read(text: str) -> int:
        try:
            n = int(text)
        except ValueError:
            n = None
        if n is None or not low <= n <= high:
            raise argparse.ArgumentTypeError(
                f"must be a whole number from {low} to {high}, not {_shown(text)}"
            )
        return n

    return read


def _seconds(text: str) -> float:
    try:
        n = float(text)
    except ValueError:
        n = -1.0
    if not 0.0 <= n <= 60.0:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(f"must be a number of seconds from 0 to 60, not {_shown(text)}")
    return n


def _shown(text: str) -> str:
    """A value typed on the command line, cut short and quoted for a message."""
    return repr(text if len(text) <= 40 else text[:39] + "…")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="making-it-real",
        description="Making It Real: a card-and-board game for co-producing care plans.",
    )
    p.add_argument("--data-dir", help="folder for saved games (default: your user data folder)")
    p.add_argument("--size", type=_size, help="window size, e.g. 1920x1080")
    p.add_argument("--fullscreen", action="store_true", help="start fullscreen")
    p.add_argument(
        "--presenter",
        action="store_true",
        help="open the trainer's presenter view (on the other display if two)",
    )
    p.add_argument("--deck", action="append", default=[], help="a deck file to use (repeatable)")
    sub = p.add_subparsers(dest="command")

    c = sub.add_parser("check", help="check deck files and report any problems")
    c.add_argument("files", nargs="+", help="deck YAML files")

    d = sub.add_parser("demo", help="the game plays itself through a whole session")
    d.add_argument("--headless", action="store_true", help="no window, as fast as it can")
    d.add_argument("--seed", type=int, default=1)
    d.add_argument("--mode", choices=["group", "one-to-one", "workshop"], default="group")
    d.add_argument("--players", type=_whole(1, 8), default=3)
    d.add_argument("--deck", action="append", default=[], dest="demo_deck")
    d.add_argument("--size", type=_size, default=None, dest="demo_size")
    d.add_argument("--screenshots", help="save a PNG of every distinct screen into this folder")
    d.add_argument("--export", help="export the plan in every format into this folder at the end")
    d.add_argument(
        "--data-dir",
        dest="demo_data_dir",
        help="save the demo's game here (default: nowhere, it is thrown away)",
    )
    d.add_argument("--pace", type=_seconds, default=None, help="seconds between steps (default 1.2)")
    d.add_argument("--describe", metavar="FILE", help="write one JSON line per distinct frame into FILE")
    d.add_argument("--timer", type=int, metavar="SECONDS", help="a turn timer of this many seconds")
    d.add_argument(
        "--text-size", choices=["normal", "large", "largest"], dest="text_size", help="text size to show"
    )
    d.add_argument("--look", choices=["default", "high-contrast"], help="colours to show")
    d.add_argument("--language", choices=languages(), help="words in English or Welsh")
    d.add_argument(
        "--dice", choices=["on", "off"], default="on", help="off: themes are chosen, not rolled for"
    )
    d.add_argument("--presenter", action="store_true", help="open the trainer's presenter view too")
    d.add_argument("--review", action="store_true", help="then review that plan three months later")

    s = sub.add_parser("sessions", help="list saved games and plans")
    s.add_argument("--delete", metavar="ID", help="delete this game or plan for good")
    s.add_argument("--data-dir", dest="sessions_data_dir")

    e = sub.add_parser("export", help="export a saved plan")
    e.add_argument("id", help="the game or plan id (see `sessions`), or a plan .json file")
    e.add_argument("--format", default=",".join(FORMATS))
    e.add_argument("--out", default=".", help="folder to write into")
    e.add_argument("--data-dir", dest="export_data_dir")

    g = sub.add_parser("guide", help="write the printable trainer guide for workshops (HTML and Word)")
    g.add_argument(
        "--deck", action="append", default=[], dest="guide_deck", help="a workshop deck (repeatable)"
    )
    g.add_argument("--out", required=True, help="folder to write into")

    sp = sub.add_parser("speak", help="say words aloud, or save them as a WAV file, with the game's voice")
    sp.add_argument("text", nargs="+", help="the words to say")
    sp.add_argument("--language", default="en", help="en (English, the default) or cy (Welsh)")
    sp.add_argument("--out", help="save the speech to this WAV file instead of playing it")

    b = sub.add_parser("bench", help="measure speed and print a table with targets")
    b.add_argument("--quick", action="store_true", help="fewer repeats, for a fast look")
    report_cli.add_parser(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    from game.cli.console import guarded

    code = 1
    with guarded() as output:
        try:
            code = _main(argv)
        except SystemExit as exc:  # argparse: --help, or a usage mistake (exit 2)
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
        except BrokenPipeError:
            output.closed = True
    if output.failed is not None and code == 0:
        return 1
    return code


def _main(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    for name in ("demo_data_dir", "sessions_data_dir", "export_data_dir"):
        if getattr(args, name, None):
            args.data_dir = getattr(args, name)
    if getattr(args, "demo_size", None):
        args.size = args.demo_size
    cmd = args.command or "play"
    if cmd == "check":
        from game.cli.check import run
    elif cmd == "demo":
        from game.cli.demo import run
    elif cmd == "sessions":
        from game.cli.sessions import run
    elif cmd == "export":
        from game.cli.export import run
    elif cmd == "guide":
        from game.cli.guide import run
    elif cmd == "bench":
        from game.cli.bench import run
    elif cmd == "report":
        from game.cli.report import run
    elif cmd == "speak":
        from game.cli.speak import run
    else:
        from game.cli.play import run
    return int(run(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
