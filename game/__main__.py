"""Lets ``python -m game`` work the same as the ``making-it-real`` command."""

from game.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
