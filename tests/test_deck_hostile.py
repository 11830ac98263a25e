"""Broken and hostile deck files: each gets one clear message (never a traceback, never a hang)."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
from test_deck_fixtures import GOOD, problems_of, replace_line

from game.model import deck_yaml
from game.model.deckload import DeckError, load_deck, load_deck_text


def only(text: str | bytes) -> str:
    problems = problems_of(text)
    assert len(problems) == 1, problems
    return problems[0]


@pytest.fixture(params=["c", "python"])
def each_parser(request, monkeypatch):
    """Runs a test with libyaml's C parser and with PyYAML's pure-Python one: the game's own limits
    must give the same message whichever PyYAML build a computer has."""
    if request.param == "python":
        monkeypatch.setattr(deck_yaml, "_CParser", None)
    elif deck_yaml._CParser is None:
        pytest.skip("this PyYAML was built without libyaml")
    return request.param


def quick(fn, limit: float = 2.0):
    start = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - start
    assert elapsed < limit, f"took {elapsed:.2f} s"
    return result


# -- not YAML -------------------------------------------------------------------------------------------


def test_invalid_yaml_says_where_and_why():
    text = replace_line(GOOD, "title: Tiny deck", "title: Tiny: a deck: for tests")
    # libyaml says "...not allowed in this context", PyYAML's own parser "...not allowed here".
    assert re.fullmatch(
        r"d\.yaml:3:12: This is not valid YAML: mapping values are not allowed (in this context|here)\. "
        r"If the colon is part of the words, put the whole text in quotes\. "
        r"If this line is a new field, line it up with the fields above it\.",
        only(text),
    )


def test_tab_indentation_has_its_own_hint():
    text = replace_line(GOOD, "    title: Living the life I want", "\ttitle: Living the life I want")
    message = only(text)
    assert message.startswith("d.yaml:10:1: This is not valid YAML:")
    assert message.endswith("Indent with spaces, not tabs.")


def test_unclosed_quote():
    text = replace_line(GOOD, "icon: scale-not-yet", 'icon: "scale-not-yet')
    assert only(text) == (
        "d.yaml:41:1: This is not valid YAML: found unexpected end of stream. "
        "A quote mark is opened but not closed. Check the quotes on this line."
    )


def test_bad_indentation():
    text = replace_line(GOOD, "    question: How do you help me to live the life I want?", "  question: oops")
    message = only(text)
    assert message.startswith("d.yaml:11:3: This is not valid YAML:")


def test_more_than_one_document():
    assert only(GOOD + "---\nid: other\n") == (
        "d.yaml:41:1: The file holds more than one YAML document (a line with --- starts another). "
        "Put each deck in its own file."
    )


# -- not text --------------------------------------------------------------------------------------------


def test_not_utf8_gives_the_byte_offset_and_line():
    data = GOOD.encode("utf-8").replace(b"Tiny deck", b"Tiny d\xe9ck")  # Latin-1 é
    offset = data.index(b"\xe9")
    assert only(data) == (
        f"d.yaml:3:14: The file is not UTF-8 text. Byte {offset} (on line 3) is 0xE9. "
        "Save the file as UTF-8 (in most editors, Save As and choose the encoding UTF-8)."
    )


def test_utf16_file():
    assert only(GOOD.encode("utf-16")) == (
        "d.yaml: The file is saved as UTF-16. Save it as UTF-8 instead "
        "(in most editors, Save As and choose the encoding UTF-8)."
    )


def test_binary_file(tmp_path):
    png = tmp_path / "picture.yaml"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(DeckError) as caught:
        load_deck(png)
    assert str(caught.value.problems[0]) == (
        f"{png}: This looks like a picture, a Word file or another kind of file, not a deck. "
        "A deck is a plain text file ending in .yaml."
    )


def test_control_character_is_pointed_at():
    text = replace_line(GOOD, "author: Tests", "author: Te\x07sts")
    assert (
        only(text)
        == "d.yaml:7:11: There is a hidden control character (U+0007) here. Delete it; a deck cannot hold it."
    )


def test_lone_surrogate_in_text_is_refused_not_crashed():
    text = replace_line(GOOD, "author: Tests", "author: Te\ud800sts")
    assert "U+D800" in only(text)


def test_byte_order_mark_and_windows_line_endings_are_fine():
    data = b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode("utf-8")
    assert load_deck_text(data).info.id == "tiny"


def test_empty_file_and_comments_only():
    message = "d.yaml: The file is empty. A deck needs at least id, title, version, language, licence and author (see decks/README.md)."
    assert only("") == message
    assert only("   \n\n") == message
    assert only("# just a comment\n") == message


def test_null_document():
    assert only("~\n") == (
        "d.yaml:1:1: The file has no fields in it. A deck needs at least id, title, version, language, licence and author."
    )


@pytest.mark.usefixtures("each_parser")
def test_file_over_the_size_limit(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_bytes(GOOD.encode() + b"#" * (deck_yaml.MAX_BYTES))
    with pytest.raises(DeckError) as caught:
        quick(lambda: load_deck(big))
    assert str(caught.value.problems[0]) == (
        f"{big}: The file is over 2 MB, too big for a deck. "
        "Split it into smaller decks (an extension deck can add cards to another deck)."
    )


def test_missing_file_folder_and_impossible_name(tmp_path):
    with pytest.raises(DeckError) as caught:
        load_deck(tmp_path / "nope.yaml")
    assert (
        str(caught.value.problems[0])
        == f"{tmp_path / 'nope.yaml'}: There is no file here. Check the file name and the folder."
    )
    with pytest.raises(DeckError) as caught:
        load_deck(tmp_path)
    assert "This is a folder, not a deck file." in str(caught.value.problems[0])
    with pytest.raises(DeckError):
        load_deck("bad\x00name.yaml")


# -- hostile YAML -----------------------------------------------------------------------------------------

BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


@pytest.mark.usefixtures("each_parser")
def test_billion_laughs_is_refused_quickly():
    message = quick(lambda: only(BILLION_LAUGHS), limit=1.0)
    assert message == (
        "d.yaml:6:26: The file holds too many values (over 500000, counting the repeats that aliases make). "
        "Make it smaller."
    )


@pytest.mark.usefixtures("each_parser")
def test_many_aliases_are_refused():
    text = "a: &a x\nb: [" + ", ".join(["*a"] * 101) + "]\n"
    assert (
        only(text)
        == "d.yaml:2:405: The file uses more than 100 aliases (*name). Write the repeated parts out instead."
    )


@pytest.mark.usefixtures("each_parser")
def test_few_aliases_that_expand_hugely_are_refused_quickly():
    # Only 60 aliases (under the alias limit), but each level is ten times the one before: 10**8 values.
    lines = ["l0: &l0 [" + ",".join(["x"] * 100) + "]"]
    for n in range(1, 7):
        lines.append(f"l{n}: &l{n} [" + ",".join([f"*l{n - 1}"] * 10) + "]")
    text = "\n".join(lines) + "\n"
    message = quick(lambda: only(text), limit=1.0)
    assert message.endswith(
        "The file holds too many values (over 500000, counting the repeats that aliases make). Make it smaller."
    )


def test_alias_to_itself_and_to_nothing():
    assert (
        "d.yaml:41:8: The alias *x points to the part it is inside. Write that part out instead."
        in problems_of(GOOD + "x: &x [*x]\n")
    )
    assert any(
        "The alias *nope points to &nope, which is not defined above it." in p
        for p in problems_of(GOOD + "x: *nope\n")
    )


TOO_DEEP = (
    ": The file is nested more than 32 levels deep here. A deck needs only a few levels. "
    "Check the brackets and the indentation."
)


@pytest.mark.usefixtures("each_parser")
@pytest.mark.parametrize("depth", [40, 999, 1_000, 10_000, 1_000_000])
def test_deep_nesting_is_refused_quickly(depth):
    # libyaml 0.2.6 has a limit of its own at 1,000 levels; the game's must act first, with its own words.
    text = "id: x\njunk: " + "[" * depth + "]" * depth + "\n"
    message = quick(lambda: only(text), limit=1.0)
    assert message == "d.yaml:2:" + str(6 + 32) + TOO_DEEP


@pytest.mark.usefixtures("each_parser")
@pytest.mark.parametrize(
    "opening, where",
    [
        ("{" * 5000, "2:38"),  # braces packed as tightly as the brackets above
        ("[{" * 2500, "2:38"),
        ("[ " * 5000, "2:69"),
        ("{a: " * 5000, "2:131"),
        ("[\n" * 5000, "33:1"),  # one bracket a line
        ('["]]]]]]]]", ' + "[" * 5000, "2:50"),  # closing brackets in quotes do not hide the opening ones
    ],
)
def test_every_shape_of_deep_nesting_gets_the_game_s_message(opening, where):
    text = "id: x\njunk: " + opening + "\n"
    assert quick(lambda: only(text), limit=1.0) == "d.yaml:" + where + TOO_DEEP


@pytest.mark.usefixtures("each_parser")
def test_deep_nesting_below_other_content_keeps_its_line():
    text = (
        GOOD + "junk:\n" + "".join(" " * (2 * i + 2) + f"k{i}:\n" for i in range(20)) + " " * 42 + "[" * 3000
    )
    assert only(text) == "d.yaml:62:54" + TOO_DEEP


def test_ordinary_decks_keep_the_fast_parser():
    shipped = Path(__file__).resolve().parent.parent / "decks" / "making-it-real.yaml"
    big = shipped.read_text(encoding="utf-8") * 40 + "tags: [" + ", ".join(["a"] * 600) + "]\n"
    assert not deck_yaml.has_dense_brackets(big)
    assert deck_yaml.has_dense_brackets("x: " + "[" * deck_yaml.DENSE_BRACKETS)
    assert deck_yaml.has_dense_brackets("a: b\nx: " + "{" * deck_yaml.DENSE_BRACKETS + "\n")


@pytest.mark.usefixtures("each_parser")
def test_deep_block_nesting_is_refused():
    text = "id: x\n" + "".join(" " * (2 * i) + f"k{i}:\n" for i in range(200))
    assert "nested more than 32 levels" in only(text)


@pytest.mark.usefixtures("each_parser")
def test_unclosed_brackets_at_great_depth_do_not_hang():
    quick(lambda: problems_of("a: " + "[" * 500_000), limit=1.0)
    quick(lambda: problems_of("a: " + "{a: " * 200_000), limit=1.0)


def test_python_tags_are_refused_and_never_run(tmp_path):
    marker = tmp_path / "ran"
    text = replace_line(GOOD, "author: Tests", f'author: !!python/object/apply:os.system ["touch {marker}"]')
    problems = problems_of(text)
    assert any(
        "The tag tag:yaml.org,2002:python/object/apply:os.system is not allowed in a deck." in p
        for p in problems
    )
    assert not marker.exists()
    assert "The tag !custom is not allowed in a deck." in only(
        replace_line(GOOD, "author: Tests", "author: !custom Tests")
    )


def test_set_and_binary_tags_are_refused():
    assert "is not allowed in a deck" in only(
        replace_line(GOOD, "author: Tests", "author: !!binary aGVsbG8=")
    )
    assert any(
        "is not allowed in a deck" in p
        for p in problems_of(replace_line(GOOD, "author: Tests", "author: !!set {a, b}"))
    )


def test_bad_typed_scalar():
    assert only(replace_line(GOOD, "author: Tests", "author: !!int abc")).startswith(
        'd.yaml:7:9: "abc" cannot be read as int.'
    )


def test_keys_that_are_not_words():
    assert any('"null" is not a field name.' in p for p in problems_of(GOOD + "null: 1\n"))
    assert any('"…" is not a field name.' in p for p in problems_of(GOOD + "? [a, b]\n: 1\n"))


# -- odd but fair text ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "words",
    [
        "Rydw i'n gallu dewis – ŵ ŷ â ê î ô û",
        "أنا أختار ما أفعله كل يوم",  # right-to-left
        "אני בוחר מה לעשות",
        "I like 🎉 and 👩🏽‍🦽 days",
        "Ça va très bien, merci — “quotes” ‘too’",
        "日本語のカード",
        "a" * 200,
    ],
)
def test_odd_text_loads_as_itself(words):
    text = replace_line(GOOD, "text: Staff know what matters to me.", f'text: "{words}"')
    assert load_deck_text(text).cards[1].text == words


@pytest.mark.parametrize("bad_id", ["🎉", "أنا", "a" * 300, "x\u202e", "ÀÉ"])
def test_odd_text_in_the_wrong_place_gets_a_message_not_a_crash(bad_id):
    text = replace_line(GOOD, "id: people-01", f'id: "{bad_id}"')
    problems = problems_of(text)
    # A bidi override is also a control code, and says so too.
    assert len(problems) == 1 + ("\u202e" in bad_id) and "is not a good id" in problems[0]
    assert len(problems[0]) < 400  # a very long value is shortened in the message


def test_a_file_with_huge_numbers_of_mistakes_shows_the_first_ones_and_a_count():
    text = "".join(f"k{i}: &a{i} v\n" for i in range(100_000))
    problems = quick(lambda: problems_of(text), limit=5.0)
    assert len(problems) == 2001
    assert problems[0] == 'd.yaml:1:1: The deck is missing "id". Add a line like "id: ...".'
    assert (
        problems[-1] == "d.yaml: ...and 98,010 more problems not shown. Fix the ones above, then check again."
    )


@pytest.mark.skipif(
    not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(), reason="needs pipes and /dev/zero"
)
def test_a_device_or_pipe_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    for path in (fifo, "/dev/zero"):
        with pytest.raises(DeckError) as caught:
            quick(lambda p=path: load_deck(p), limit=2.0)
        assert "This is not an ordinary file" in str(caught.value.problems[0])
