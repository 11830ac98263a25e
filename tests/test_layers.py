"""The layers point one way: model <- store, export <- ui <- cli; the model never imports pygame."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

GAME = Path(__file__).resolve().parent.parent / "game"
RANK = {"model": 0, "words": 0, "paths": 0, "store": 1, "export": 1, "report": 1, "ui": 2, "cli": 3}


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def layer(path: Path) -> str:
    rel = path.relative_to(GAME).parts
    return rel[0].removesuffix(".py")


def test_model_code_never_imports_pygame():
    for path in (GAME / "model").rglob("*.py"):
        bad = {n for n in imports(path) if n.split(".")[0] == "pygame"}
        assert not bad, f"{path} imports {bad}"
    code = (
        "import pkgutil, importlib, sys, game.model\n"
        "for m in pkgutil.walk_packages(game.model.__path__, 'game.model.'):\n"
        "    importlib.import_module(m.name)\n"
        "assert 'pygame' not in sys.modules, 'pygame was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=GAME.parent)


def test_imports_point_one_way():
    for path in GAME.rglob("*.py"):
        if path.parent == GAME and path.name in ("__init__.py", "__main__.py"):
            continue
        mine = RANK.get(layer(path))
        if mine is None:
            continue
        for name in imports(path):
            parts = name.split(".")
            if parts[0] != "game" or len(parts) < 2:
                continue
            theirs = RANK.get(parts[1])
            assert theirs is None or theirs <= mine or (theirs == mine and parts[1] == layer(path)), (
                f"{path.relative_to(GAME)} ({layer(path)}) imports {name}"
            )
