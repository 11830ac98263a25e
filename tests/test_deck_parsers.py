"""The deck loader's pure-Python parser gives exactly the events and errors of PyYAML's own.

``deck_yaml.PurePythonParser`` only changes how PyYAML keeps its list of possible simple keys (so a line
of a million brackets is quick); these tests hold it to the same results on text made to stress that
list: brackets, keys, quotes and long lines.
"""

from __future__ import annotations

import time

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.model.deck_yaml import PurePythonParser

PIECES = [
    "[",
    "]",
    "{",
    "}",
    ", ",
    ": ",
    ":",
    " ",
    "\n",
    "  ",
    "a",
    "bb",
    "'q'",
    '"d"',
    "- ",
    "? ",
    "#c\n",
    "&x ",
    "*x",
]


def outcome(parser_class, text: str) -> list:
    parser = parser_class(text)
    seen = []
    try:
        while True:
            e = parser.get_event()
            seen.append((type(e).__name__, getattr(e, "value", None), e.start_mark.line, e.start_mark.column))
            if isinstance(e, yaml.StreamEndEvent):
                return seen
    except yaml.YAMLError as exc:
        return [*seen, ("error", str(exc))]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=80), st.integers(0, 3), st.integers(0, 1100))
def test_same_events_and_errors_as_pyyaml(pieces, repeat, pad):
    text = "".join(pieces) * (repeat + 1)
    # Long runs on one line push keys past PyYAML's 1,024-character limit, where they go stale.
    text = text.replace("a", "a" + " " * pad, 1)
    assert outcome(PurePythonParser, text) == outcome(yaml.SafeLoader, text)


def test_keys_right_at_the_length_limit_and_across_lines():
    texts = ["x:\n  a\n  b: c\n", "? a\nb\n: c\n", "[a\n: b]", "{a\n: b}"]
    for n in range(1015, 1030):  # a simple key may be 1,024 characters long, and no longer
        texts += [
            "a" + " " * n + ": b\n",
            "[a" + "b" * n + ": c]",
            "{[[a" + " " * n + "]]: c}",
            "[" * n + ": x",
        ]
    for text in texts:
        assert outcome(PurePythonParser, text) == outcome(yaml.SafeLoader, text), text[:40]


def test_a_line_of_a_million_brackets_is_quick():
    text = "junk: " + "[" * 1_000_000
    parser = PurePythonParser(text)
    start = time.perf_counter()
    for _ in range(40):
        parser.get_event()
    assert time.perf_counter() - start < 0.5
