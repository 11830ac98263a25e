"""The demo is never saved among real games, and every command says so (and exits non-zero) when it
cannot save or an option is out of range."""

from __future__ import annotations

import subprocess
import sys
import tempfile

import pytest
from test_e2e_failures import pump, real_app
from test_store_helpers import REPO, child_env  # noqa: I001

from game.cli import main
from game.store import open_store
from game.ui.autoplay import start_demo


def test_demo_without_data_dir_leaves_the_real_saved_games_alone(tmp_path, monkeypatch, capsys):
    real = tmp_path / "real"
    monkeypatch.setenv("MAKING_IT_REAL_DATA", str(real))
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    with open_store(real) as store:
        assert store.list_games() == []
    assert main(["demo", "--headless", "--seed", "2", "--players", "2"]) == 0
    with open_store(real) as store:
        assert store.list_games() == [] and store.list_plans() == []
    assert list(scratch.iterdir()) == []  # the throwaway folder is gone too


def test_watch_a_demo_in_the_game_saves_nothing_among_real_games(tmp_path):
    data = tmp_path / "data"
    app = real_app(data)
    ap = start_demo(app, seed=4, mode="group", players=2, pace=0.0, headless=True)
    pump(app, ap, until=lambda: app.top.name == "play" and len(app.top.game.log) > 5, max_steps=3000)
    assert app.top.name == "play"
    with open_store(data, read_only=True) as store:
        assert store.list_games() == []
    app.close()
    with open_store(data) as store:
        assert store.list_games() == []


def test_demo_into_a_data_dir_that_is_a_file_says_so_and_exits_1(tmp_path, capsys):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    assert main(["demo", "--headless", "--seed", "2", "--players", "2", "--data-dir", str(not_a_folder)]) == 1
    err = capsys.readouterr().err
    assert str(not_a_folder) in err and "not saved" in err


def test_demo_while_another_copy_holds_the_folder_says_so_and_exits_1(tmp_path):
    data = tmp_path / "data"
    holder = subprocess.Popen(
        [sys.executable, str(REPO / "tests" / "test_store_helpers.py"), "hold", str(data)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=child_env(),
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        proc = subprocess.run(
            [sys.executable, "-m", "game", "demo", "--headless", "--players", "2", "--data-dir", str(data)],
            capture_output=True,
            text=True,
            env=child_env(),
            cwd=REPO,
            timeout=300,
        )
    finally:
        holder.kill()
        holder.wait(timeout=30)
    assert proc.returncode == 1
    assert "already open in another window" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    "args,says",
    [
        (["demo", "--players", "0"], "--players: must be a whole number from 1 to 8, not '0'"),
        (["demo", "--players", "many"], "--players: must be a whole number from 1 to 8"),
        (["demo", "--pace", "-1"], "--pace: must be a number of seconds from 0 to 60"),
        (["demo", "--pace", "nan"], "--pace: must be a number of seconds from 0 to 60"),
        (["--size", "0x0"], "--size: each side must be from 200 to 16384"),
        (["demo", "--size", "9" * 5000 + "x1"], "…"),
    ],
)
def test_an_option_out_of_range_is_refused_in_words(capsys, args, says):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err
    assert len(err) < 2000  # a huge value is not echoed in full
