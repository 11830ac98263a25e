"""The command line tells the truth whatever happens to its output or its input files.

A reader that stops early (``| head -1``) ends the output quietly; a full device (``> /dev/full``) gives
one clear line; exit codes keep their meaning (2 = problems found). Nothing from a file reaches the
terminal as a control code, and ``check`` refuses control codes in any deck text, with line and column.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_deck_fixtures import GOOD

from game.cli import main
from game.cli.console import shown

ROOT = Path(__file__).resolve().parent.parent
ESC, BEL = b"\x1b", b"\x07"


def run_cli(*args: str, stdout=subprocess.PIPE, **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "game", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=env,
        timeout=120,
        **kw,
    )


def many_problems(folder: Path, cards: int = 3000) -> Path:
    lines = ["title: x", "cards:"] + [f"  - id: c{i}\n    bad{i}: 1" for i in range(cards)]
    path = folder / "big.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_pipe_closed_early_ends_quietly_and_keeps_exit_2(tmp_path):
    deck = many_problems(tmp_path)
    proc = subprocess.Popen(
        [sys.executable, "-m", "game", "check", str(deck)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    first = proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 2
    assert first.startswith(str(deck).encode())
    assert b"Traceback" not in err and b"BrokenPipe" not in err and b"Exception ignored" not in err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args,code",
    [(("check", "BIG"), 2), (("check", "GOOD"), 1), (("sessions", "--data-dir", "DATA"), 1)],
)
def test_full_device_gives_one_clear_line(tmp_path, args, code):
    good = tmp_path / "good.yaml"
    good.write_text(GOOD, encoding="utf-8")
    given = {"BIG": str(many_problems(tmp_path)), "GOOD": str(good), "DATA": str(tmp_path / "data")}
    with open("/dev/full", "wb") as full:
        proc = run_cli(*[given.get(a, a) for a in args], stdout=full)
    err = proc.stderr.decode()
    assert proc.returncode == code  # problems found still says 2; work done but not printed is not 0
    assert "Traceback" not in err and "OSError" not in err
    assert err.splitlines() == [
        "Could not write the output (stdout): No space left on device. "
        "Check the disk has room, or send the output somewhere else."
    ]


def test_control_codes_in_a_deck_id_never_reach_the_terminal(tmp_path):
    deck = tmp_path / "bad.yaml"
    deck.write_text('id: "\\e]0;x\\a"\n', encoding="utf-8")
    proc = run_cli("check", str(deck))
    assert proc.returncode == 2
    for stream in (proc.stdout, proc.stderr):
        assert ESC not in stream and BEL not in stream
    assert b"\\x1b]0;x\\x07" in proc.stdout  # shown escaped, so the author sees what is there


@pytest.mark.parametrize("code", ["\\0", "\\a", "\\e[2J", "\\x9b", "\\u202e", "\\r"])
@pytest.mark.parametrize("field", ["title", "text", "question", "name"])
def test_check_refuses_control_codes_with_line_and_column(tmp_path, capsys, code, field):
    where = {
        "title": ("    title: Living the life I want", "living"),
        "question": ("    question: How do you help me to live the life I want?", "living"),
        "text": ("    text: Staff know what matters to me.", "people-01"),
    }
    if field == "name":
        text = GOOD + f'personas:\n  - id: p1\n    name: "Ann{code}"\n    age: 70\n    summary: Ann.\n'
    else:
        line, _ = where[field]
        head, value = line.split(": ", 1)
        text = GOOD.replace(line, f'{head}: "{value}{code}"', 1)
    deck = tmp_path / "d.yaml"
    deck.write_text(text, encoding="utf-8")
    assert main(["check", str(deck)]) == 2
    out = capsys.readouterr().out
    hits = [ln for ln in out.splitlines() if "control code" in ln]
    assert len(hits) == 1
    line_no = next(i for i, ln in enumerate(text.splitlines(), 1) if code in ln)
    assert hits[0].startswith(f"{deck}:{line_no}:")
    assert "\x1b" not in out and "\x07" not in out and "\x00" not in out


def test_every_card_holding_nul_or_bel_fails_check(tmp_path, capsys):
    text = GOOD.replace("I do things I enjoy every week.", '"I do\\0 things"').replace(
        "Staff know what matters to me.", '"Staff\\a know"'
    )
    deck = tmp_path / "d.yaml"
    deck.write_text(text, encoding="utf-8")
    assert main(["check", str(deck)]) == 2
    assert capsys.readouterr().out.count("control code") == 2


def test_shown_escapes_c0_c1_and_bidi_but_keeps_lines():
    assert shown("a\x1b[2Jb\x07\x9b\u202e\u2066c\nd\te") == "a\\x1b[2Jb\\x07\\x9b\\u202e\\u2066c\nd\te"
    assert shown("Café 😀 עברית") == "Café 😀 עברית"


def test_problem_count_is_true_beyond_the_shown_limit(tmp_path, capsys):
    deck = many_problems(tmp_path, cards=2500)
    assert main(["check", str(deck)]) == 2
    lines = capsys.readouterr().out.splitlines()
    more = int(lines[-2].split("and ")[1].split(" more")[0].replace(",", ""))
    shown_count = len(lines) - 2
    assert more > 0
    assert lines[-1] == f"{shown_count + more:,} problems found. Fix them and check again."
    assert shown_count + more > 2500  # each card has two problems, plus the missing top fields


def test_extends_loop_says_only_the_loop(tmp_path, capsys):
    body = (
        'title: D\nversion: "1"\nlanguage: en-GB\nlicence: x\nauthor: x\n'
        "cards:\n  - id: {me}-1\n    theme: living\n    text: Hi\n"
    )
    for me, other in (("a", "b"), ("b", "a")):
        (tmp_path / f"{me}.yaml").write_text(f"id: {me}\nextends: {other}\n" + body.format(me=me))
    assert main(["check", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")]) == 2
    out = capsys.readouterr().out
    assert "loop: a → b → a" in out
    assert "The themes are: ." not in out


def test_missing_base_names_folders_as_places(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("x.yaml").write_text(
        'id: x\nextends: nowhere\ntitle: D\nversion: "1"\nlanguage: en-GB\nlicence: x\nauthor: x\n'
        "cards:\n  - id: x-1\n    theme: living\n    text: Hi\n"
    )
    assert main(["check", "x.yaml"]) == 2
    out = capsys.readouterr().out
    assert ", ." not in out and str(tmp_path) in out
