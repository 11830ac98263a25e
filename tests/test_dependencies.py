"""The game declares exactly what it imports: no dependency is installed for nothing, none is missing.

The declared runtime dependencies (pyproject.toml) are matched with the modules game/ imports anywhere
(including imports inside functions), through the installed distributions' own lists of modules.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(extra: str | None = None) -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = project["optional-dependencies"][extra] if extra else project["dependencies"]
    return {norm(re.split(r"[\s<>=!~;\[]", spec, maxsplit=1)[0]) for spec in specs}


def imported_modules(folder: Path) -> dict[str, str]:
    """Top-level module name -> one file that imports it, for every absolute import under ``folder``."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], path.relative_to(ROOT).as_posix())
    return found


def third_party(modules: dict[str, str]) -> dict[str, str]:
    """Distribution -> a file importing it, for the imports that are neither the game nor Python's own."""
    owners = packages_distributions()
    out: dict[str, str] = {}
    for module, where in modules.items():
        if module in sys.stdlib_module_names or module in ("game", "__future__"):
            continue
        for dist in owners.get(module, [module]):
            out.setdefault(norm(dist), where)
    return out


def test_every_declared_dependency_is_imported_by_the_game():
    used = third_party(imported_modules(ROOT / "game"))
    assert sorted(declared() - used.keys()) == []


def test_everything_the_game_imports_is_declared():
    used = third_party(imported_modules(ROOT / "game"))
    assert {d: f for d, f in used.items() if d not in declared()} == {}


def test_the_tests_import_only_declared_packages():
    used = third_party(imported_modules(ROOT / "tests"))
    local = {norm(p.stem) for folder in ("tests", "benchmarks") for p in (ROOT / folder).glob("*.py")}
    allowed = declared() | declared("test") | local
    assert {d: f for d, f in used.items() if d not in allowed} == {}


def test_the_tested_versions_pin_every_declared_dependency():
    pinned = {
        norm(line.split("==")[0])
        for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
        if "==" in line and not line.lstrip().startswith("#")
    }
    assert sorted((declared() | declared("test")) - pinned) == []
