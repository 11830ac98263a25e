"""``making-it-real sessions``: a readable table of saved games and plans; ``--delete ID`` with clear
messages and exit codes (0 done, 1 the file cannot be used, 2 no such id)."""

from __future__ import annotations

import subprocess
import sys

from test_store_helpers import REPO, child_env, script, setup, tiny_decks

from game.cli import main
from game.cli.sessions import MAX_CELL, clean_cell, width
from game.store import open_store
from game.store.session import PlaySession


def _fill(folder) -> dict:
    ids = {}
    with open_store(folder) as store:
        done = PlaySession.start(store, tiny_decks(), setup(), game_id="g-done", at=1000.0)
        for cmd in script():
            done.apply(cmd)
        ids["plan"] = done.plan_id
        odd = "Tŷ Siân 😀 مرحبا\nwith a line break and a long tail " + "x" * 60
        half = PlaySession.start(store, tiny_decks(), setup(title=odd), game_id="g-half", at=1000.0)
        for cmd in script(steps=10, title=odd):
            half.apply(cmd)
    return ids


def test_lists_games_and_plans_as_a_table(tmp_path, capsys):
    ids = _fill(tmp_path)
    assert main(["sessions", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "Saved games"
    assert "Finished plans" in lines
    assert "g-done" in out and "g-half" in out and ids["plan"] in out
    assert "Finished" in out and "Not finished" in out and "Group" in out
    done_row = next(line for line in lines if line.startswith("g-done"))
    assert "Rose House" in done_row and "2026-11-23" in done_row
    half_row = next(line for line in lines if line.startswith("g-half"))
    assert "Tŷ Siân" in half_row and "…" in half_row  # one line, cut short
    assert str(tmp_path / "games.db") in out


def test_empty_store_says_so(tmp_path, capsys):
    assert main(["sessions", "--data-dir", str(tmp_path / "none")]) == 0
    out = capsys.readouterr().out
    assert "There are no saved games." in out and "There are no finished plans." in out
    assert not (tmp_path / "none").exists()  # only looking never creates anything


def test_delete_a_plan_then_unknown_id_exits_2(tmp_path, capsys):
    ids = _fill(tmp_path)
    assert main(["sessions", "--data-dir", str(tmp_path), "--delete", ids["plan"]]) == 0
    assert f"Deleted the plan {ids['plan']}" in capsys.readouterr().out
    assert main(["sessions", "--data-dir", str(tmp_path), "--delete", ids["plan"]]) == 2
    err = capsys.readouterr().err
    assert f"There is no saved game or plan called {ids['plan']}" in err
    with open_store(tmp_path) as store:
        assert [g["id"] for g in store.list_games()] == ["g-half"]


def test_delete_a_game(tmp_path, capsys):
    _fill(tmp_path)
    assert main(["sessions", "--data-dir", str(tmp_path), "--delete", "g-half"]) == 0
    assert "Deleted the game g-half" in capsys.readouterr().out
    with open_store(tmp_path) as store:
        assert [g["id"] for g in store.list_games()] == ["g-done"]


def test_delete_while_the_game_is_open_elsewhere_changes_nothing_and_exits_1(tmp_path, capsys):
    _fill(tmp_path)
    with open_store(tmp_path) as running:
        assert running.on_disk
        assert main(["sessions", "--data-dir", str(tmp_path), "--delete", "g-half"]) == 1
        assert "already open in another window" in capsys.readouterr().err
        assert running.has_game("g-half")


def test_runs_as_a_real_command_and_prints_odd_text_on_an_ascii_terminal(tmp_path):
    _fill(tmp_path)
    env = child_env()
    env["PYTHONIOENCODING"] = "ascii"
    proc = subprocess.run(
        [sys.executable, "-m", "game", "sessions", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        encoding="ascii",
        errors="replace",
    )
    assert proc.returncode == 0, proc.stderr
    assert "g-half" in proc.stdout and "Traceback" not in proc.stderr


def test_cells_are_one_line_and_fit():
    assert clean_cell("a\nb\tc\x00d") == "a b c d"
    long = clean_cell("字" * 100)
    assert width(long) <= MAX_CELL and long.endswith("…")
    assert clean_cell(None) == ""


def test_listing_after_a_crash_mid_commit_recovers_the_file_first(tmp_path, capsys):
    """A crash inside a commit leaves a hot journal; `sessions` still lists the saved games."""
    _fill(tmp_path)
    crash = (
        "import os, sqlite3\n"
        f"db = sqlite3.connect({str(tmp_path / 'games.db')!r}, isolation_level=None)\n"
        "db.execute('PRAGMA cache_size = 1')\n"
        "db.execute('BEGIN IMMEDIATE')\n"
        "for i in range(3000):\n"
        "    db.execute('INSERT INTO drafts VALUES (?, ?, ?, 1.0)', ('g-half', f'f{i}', 'x' * 500))\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", crash], check=True)
    assert (tmp_path / "games.db-journal").exists()
    assert main(["sessions", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "g-half" in out and "g-done" in out
    assert not (tmp_path / "games.db-journal").exists()
    with open_store(tmp_path) as store:
        assert store.drafts("g-half") == {}  # the half-made commit was rolled back


def test_demo_with_a_broken_deck_says_so_in_words_and_opens_no_saved_games(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [", encoding="utf-8")
    data = tmp_path / "data"
    assert main(["demo", "--headless", "--deck", str(bad), "--data-dir", str(data)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("The deck files have problems:\n  ") and "bad.yaml" in err
    assert not data.exists()  # checked before the game or its saved-games file was opened


def test_bench_outside_a_project_folder_says_where_it_looked(tmp_path, monkeypatch, capsys):
    import game.cli.bench as bench

    monkeypatch.setattr(bench, "ROOT", tmp_path)
    assert main(["bench", "--quick"]) == 2
    assert "The benchmarks are not here" in capsys.readouterr().err
