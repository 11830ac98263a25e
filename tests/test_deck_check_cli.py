"""``making-it-real check FILE...``: one line per good deck (exit 0), every problem otherwise (exit 2)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from test_deck_extends import EXTENSION
from test_deck_fixtures import GOOD

from game import paths
from game.cli import main

ROOT = Path(__file__).resolve().parent.parent


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_good_deck_prints_its_summary_and_exits_0(tmp_path, capsys):
    deck = write(tmp_path, "tiny.yaml", GOOD)
    assert main(["check", str(deck)]) == 0
    assert capsys.readouterr().out == f"{deck}: Tiny deck 1.0 (en-GB) — 2 themes × 2 cards\n"


def test_extension_beside_its_base_says_what_it_adds(tmp_path, capsys):
    write(tmp_path, "tiny.yaml", GOOD)
    ext = write(tmp_path, "extra.yaml", EXTENSION)
    assert main(["check", str(ext)]) == 0
    out = capsys.readouterr().out
    assert out == f"{ext}: Extra cards 1.0 (en-GB) — adds 1 card, 1 persona and 1 facilitator note to tiny\n"


def test_bad_deck_prints_every_problem_and_exits_2(tmp_path, capsys):
    text = GOOD.replace('version: "1.0"', "version: 1.0").replace("theme: people", "theme: peple")
    deck = write(tmp_path, "bad.yaml", text)
    assert main(["check", str(deck)]) == 2
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f'{deck}:4:10: Version should be text, but YAML reads it as a number. Put it in quotes, like "1.0".',
        f'{deck}:14:5: Theme "people" has no cards. Add a card with "theme: people", or delete the theme.',
        f'{deck}:26:12: Card "people-01" names the theme "peple", but there is no theme with that id. '
        'Did you mean "people"? The themes are: living, people.',
        "3 problems found. Fix them and check again.",
    ]


def test_missing_file_is_a_clear_message_and_exit_2(tmp_path, capsys):
    missing = tmp_path / "nope.yaml"
    assert main(["check", str(missing)]) == 2
    assert capsys.readouterr().out.splitlines() == [
        f"{missing}: There is no file here. Check the file name and the folder.",
        "1 problem found. Fix it and check again.",
    ]


def test_good_and_bad_together_shows_both_and_exits_2(tmp_path, capsys):
    good = write(tmp_path, "tiny.yaml", GOOD)
    bad = write(tmp_path, "bad.yaml", "id: [\n")
    assert main(["check", str(good), str(bad)]) == 2
    out = capsys.readouterr().out
    assert f"{good}: Tiny deck 1.0 (en-GB) — 2 themes × 2 cards" in out
    assert f"{bad}:2:1: This is not valid YAML:" in out


def test_shipped_decks_pass(capsys):
    shipped = [str(p) for p in paths.shipped_decks()]
    assert main(["check", *shipped]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == len(shipped)
    main_line = next(line for line in out if line.startswith(str(paths.DECKS_DIR / "making-it-real.yaml")))
    assert "Making It Real 1.0.0 (en-GB) — 6 themes × " in main_line


def test_check_runs_as_a_real_command(tmp_path):
    deck = write(tmp_path, "tiny.yaml", GOOD)
    bad = write(tmp_path, "bad.yaml", GOOD.replace("id: tiny", "id: Tiny!"))
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    ok = subprocess.run(
        [sys.executable, "-m", "game", "check", str(deck)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.strip() == f"{deck}: Tiny deck 1.0 (en-GB) — 2 themes × 2 cards"
    assert ok.stderr == ""
    failed = subprocess.run(
        [sys.executable, "-m", "game", "check", str(bad)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert failed.returncode == 2
    assert failed.stdout.startswith(f'{bad}:2:5: Id "Tiny!" is not a good id.')
    assert "Traceback" not in failed.stderr


def test_terminal_that_cannot_show_the_characters_gets_stand_ins(tmp_path):
    deck = write(tmp_path, "tiny.yaml", GOOD.replace("title: Tiny deck", "title: Dec bach ŵ 🎉"))
    env = dict(os.environ, PYTHONIOENCODING="ascii")
    run = subprocess.run(
        [sys.executable, "-m", "game", "check", str(deck)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert "Dec bach ? ?" in run.stdout


def test_a_folder_checks_every_deck_in_it(tmp_path, capsys):
    write(tmp_path, "tiny.yaml", GOOD)
    write(tmp_path, "extra.yaml", EXTENSION)
    assert main(["check", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{tmp_path / 'extra.yaml'}: Extra cards 1.0 (en-GB) — adds 1 card, 1 persona and 1 facilitator note to tiny",
        f"{tmp_path / 'tiny.yaml'}: Tiny deck 1.0 (en-GB) — 2 themes × 2 cards",
    ]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["check", str(empty)]) == 2
    assert "This is a folder, not a deck file." in capsys.readouterr().out
