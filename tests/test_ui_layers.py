"""The screens sit above the rules, the store and the export: game.ui never imports the command line,
and importing it has no side effects (no window, no files)."""

import ast
import subprocess
import sys
from pathlib import Path

UI = Path(__file__).resolve().parent.parent / "game" / "ui"


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
    return out


def test_ui_does_not_import_the_command_line():
    for f in UI.rglob("*.py"):
        assert not any(m == "game.cli" or m.startswith("game.cli.") for m in imports(f)), f


def test_importing_the_ui_opens_no_window_and_writes_nothing(tmp_path):
    code = (
        "import pygame, game.ui.app, game.ui.harness, game.ui.autoplay, game.ui.screens.play;"
        "assert not pygame.display.get_init() or pygame.display.get_surface() is None"
    )
    r = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(UI.parent.parent), "SDL_VIDEODRIVER": "dummy", "HOME": str(tmp_path)},
    )
    assert r.returncode == 0, r.stderr
    assert list(tmp_path.iterdir()) == []
