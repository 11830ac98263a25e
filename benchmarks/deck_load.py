"""How fast decks load and check: a generated 10,000-card deck, and the decks that ship with the game.

Run ``python benchmarks/deck_load.py`` for a table; the benchmark runner calls ``measure()``.
Target: a 10,000-card deck loads and checks in under 0.3 s (median of several runs).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent), str(Path(__file__).resolve().parent)]

from bench_table import report  # noqa: E402

from game.model.deckload import DeckError, load_deck, load_deck_text, load_decks  # noqa: E402
from game.paths import shipped_decks  # noqa: E402

TARGET_SECONDS = 0.3
CARDS = 10_000
THEMES = ("living", "information", "connected", "my-way", "control", "people")


def big_deck_text(cards: int = CARDS) -> str:
    """A valid deck with ``cards`` cards spread over six themes, each with easy read and "we" wording."""
    lines = [
        "# yaml-language-server: $schema=deck.schema.json",
        "id: big-deck",
        "title: A very big deck",
        'version: "1.0.0"',
        "language: en-GB",
        "licence: CC BY 4.0",
        "author: The benchmark",
        "themes:",
    ]
    for i, theme in enumerate(THEMES):
        lines += [
            f"  - id: {theme}",
            f"    title: Theme {i + 1}",
            f"    question: How do you help me with theme {i + 1}?",
            f'    colour: "#{(i * 2796202) % 0xFFFFFF:06X}"',
            f"    icon: {theme}",
        ]
    lines.append("cards:")
    for n in range(cards):
        theme = THEMES[n % len(THEMES)]
        lines += [
            f"  - id: {theme}-{n:05d}",
            f"    theme: {theme}",
            f"    text: I can choose what I do on day {n} of the week.",
            f"    easy_read: I choose, day {n}.",
            f"    we: We help you choose what you do on day {n}.",
        ]
    lines += [
        "prompts:",
        "  - {id: helps, text: What do we do that helps?, section: do}",
        "  - {id: dont, text: What don't we do?, section: dont}",
        "  - {id: together, text: How can we work together to make this real?, section: together}",
        "scale:",
        '  - {id: real, label: This is real for me, symbol: "✔", icon: scale-real}',
        '  - {id: not-yet, label: Not yet, symbol: "○", icon: scale-not-yet}',
    ]
    return "\n".join(lines) + "\n"


def _median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
        del result  # freeing the decks afterwards is not part of loading them
    return statistics.median(times)


def _problems_time(text: str) -> tuple[float, int]:
    start = time.perf_counter()
    try:
        load_deck_text(text, "big-broken.yaml")
    except DeckError as error:
        return time.perf_counter() - start, len(error.problems)
    raise AssertionError("the broken deck loaded")


def measure(runs: int = 7, quick: bool = False) -> list[dict]:
    """Rows for the benchmark table: name, value, unit, target (and a note)."""
    runs = 3 if quick else runs
    text = big_deck_text()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big-deck.yaml"
        path.write_text(text, encoding="utf-8")
        size_mb = path.stat().st_size / 1e6
        deck = load_deck(path)  # also proves the generated deck is valid
        assert len(deck.cards) == CARDS
        del deck
        big = _median_time(lambda: load_deck(path), runs)
    shipped = shipped_decks()
    shipped_time = _median_time(lambda: load_decks(shipped), runs) if shipped else 0.0
    # One theme misspelt on every sixth card: a sixth of the cards are wrong and one theme is empty.
    broken = text.replace("    theme: living\n", "    theme: livng\n")
    broken_time, count = min(_problems_time(broken) for _ in range(max(1, runs // 2)))
    return [
        {
            "name": f"load + check a {CARDS:,}-card deck",
            "value": round(big, 4),
            "unit": "s",
            "target": TARGET_SECONDS,
            "note": f"{size_mb:.1f} MB, median of {runs}",
        },
        {
            "name": f"load + check the {len(shipped)} shipped decks",
            "value": round(shipped_time, 4),
            "unit": "s",
            "target": TARGET_SECONDS,
            "note": f"median of {runs}",
        },
        {
            "name": f"report every problem in a {CARDS:,}-card deck",
            "value": round(broken_time, 4),
            "unit": "s",
            "target": 1.0,
            "note": f"{count:,} problems worded with file:line:column",
        },
    ]


def main() -> int:
    return report(measure())


if __name__ == "__main__":
    sys.exit(main())
