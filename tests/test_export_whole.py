"""Export writes whole files or none: a kill mid-export never leaves a file that looks complete but is
not; a failed export removes the files and the folders it made; files are 0600 and folders 0700."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from test_store_helpers import child_env, script, setup, tiny_decks

from game.export import FORMATS, export_plan, render_all, safewrite
from game.model import commands as C
from game.model.engine import Game

REPO = Path(__file__).resolve().parents[1]
POSIX = os.name == "posix"


def _plan():
    g = Game.new(tiny_decks())
    assert g.apply(C.StartGame(setup=setup(), at=1000.0)).ok  # the newest board, as script() plays on
    for cmd in script():
        assert g.apply(cmd).ok
    return g.plan()


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_exported_files_are_private_and_so_are_the_folders_made(tmp_path):
    out = tmp_path / "a" / "b"
    paths = export_plan(_plan(), list(FORMATS), out)
    assert len(paths) == len(render_all(_plan(), list(FORMATS)))
    for p in paths:
        assert stat.S_IMODE(p.stat().st_mode) == 0o600, p
    for folder in (tmp_path / "a", out):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in paths)  # no temporary left


def test_a_failed_export_removes_its_files_and_the_folders_it_made(tmp_path, monkeypatch):
    calls = []
    real = os.fsync

    def full_on_third(fd):
        calls.append(fd)
        if len(calls) == 5:  # the third file's data (each file: data, then its folder)
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd)

    monkeypatch.setattr(safewrite.os, "fsync", full_on_third)
    out = tmp_path / "new" / "folder"
    with pytest.raises(OSError):
        export_plan(_plan(), list(FORMATS), out)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_export_into_a_folder_that_was_there_leaves_the_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(safewrite.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(errno.EIO, "I/O")))
    (tmp_path / "mine.txt").write_text("keep")
    with pytest.raises(OSError):
        export_plan(_plan(), ["md"], tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["mine.txt"]


def test_an_existing_file_is_never_replaced(tmp_path):
    plan = _plan()
    first = export_plan(plan, ["md"], tmp_path)
    first[0].write_text("my own edits")
    second = export_plan(plan, ["md"], tmp_path)
    assert first[0].read_text() == "my own edits" and second[0] != first[0]


def _child_exports_forever(out: str) -> None:
    plan = _plan()
    n = 0
    while True:
        export_plan(plan, list(FORMATS), Path(out) / str(n))
        print(n, flush=True)
        n += 1


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_kill_mid_export_leaves_only_whole_files(tmp_path):
    expected = dict(render_all(_plan(), list(FORMATS)))
    for kill in range(4):
        out = tmp_path / str(kill)
        proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), str(out)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=child_env(),
            cwd=str(REPO),
        )
        try:
            assert proc.stdout.readline().strip() == "0", proc.stderr.read()[-2000:]
            time.sleep(0.003 + 0.011 * kill)  # lands somewhere inside the next export
            proc.send_signal(signal.SIGKILL)
        finally:
            proc.kill()
            proc.wait(timeout=30)
        finals = [p for p in out.rglob("*") if p.is_file() and not p.name.startswith(".")]
        assert finals
        for p in finals:
            suffix = next(s for s in sorted(expected, key=len, reverse=True) if p.name.endswith(s))
            if suffix.endswith(".docx"):  # a zip holds the time it was made: check it is whole instead
                with zipfile.ZipFile(p) as z:
                    assert z.testzip() is None and len(z.namelist()) > 3, f"{p} is not whole"
            else:
                assert p.read_bytes() == expected[suffix], f"{p} is not whole"


if __name__ == "__main__":
    _child_exports_forever(sys.argv[1])
