"""The game as a new user installs it, away from this checkout.

The sdist is built and, from it, the wheel (as ``python -m build`` does for a release); the wheel goes
into a fresh virtual environment with the tested versions (constraints.txt), and the game is run from a
folder of its own: ``check`` on an extension deck and a headless demo that exports every format. An
editable install, in a second fresh environment, must find the same files in the checkout.

Slow (about two minutes: two environments and a build; downloads come from pip's cache when it has
them). ``.ci/run`` runs it; ``pytest -m "not slow"`` leaves it out while working on something else.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from game.export import FORMATS

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
CONSTRAINTS = ROOT / "constraints.txt"
# What a copy of the checkout leaves out: what git ignores, and git itself.
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv*", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis",
    ".ruff_cache", "out", "screenshots",
)  # fmt: skip
EXTRA_DECK = """\
id: my-extra
title: My extra cards
version: "1.0"
language: en-GB
licence: CC BY 4.0
author: Install test
extends: making-it-real
cards:
  - id: my-garden
    theme: living
    text: I can help look after the garden.
    easy_read: I help in the garden.
    we: We make time for you to help in the garden.
"""


def versions() -> list:
    """pip options for the versions to install: the tested ones, or the newest under tools/try-newest."""
    return [] if os.environ.get("MAKING_IT_REAL_NEWEST") else ["-c", CONSTRAINTS]


def run(args: list, cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, f"{args}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


def new_venv(folder: Path) -> Path:
    """A fresh virtual environment; returns the folder of its programs."""
    run([sys.executable, "-m", "venv", folder], cwd=folder.parent)
    return folder / ("Scripts" if os.name == "nt" else "bin")


def shipped_files() -> list[str]:
    """Every file under the top-level decks/ and assets/ folders, as the package should hold it."""
    return sorted(
        "game/" + p.relative_to(ROOT).as_posix()
        for folder in ("decks", "assets")
        for p in (ROOT / folder).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )


def package_data() -> list[str]:
    """Every file inside game/ that is not Python (words, templates, schemas)."""
    return sorted(
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "game").rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts
    )


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    """A copy of the checkout, so building leaves nothing behind in it."""
    copy = tmp_path_factory.mktemp("source") / "making-it-real"
    shutil.copytree(ROOT, copy, ignore=NOT_SOURCE)
    return copy


@pytest.fixture(scope="module")
def dist(source, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--outdir", out, source], cwd=source)
    return {"wheel": next(out.glob("*.whl")), "sdist": next(out.glob("*.tar.gz"))}


@pytest.fixture(scope="module")
def wheel_bin(dist, tmp_path_factory) -> Path:
    bin_dir = new_venv(tmp_path_factory.mktemp("wheel-env") / "venv")
    run([bin_dir / "python", "-m", "pip", "install", "-q", *versions(), dist["wheel"]], cwd=bin_dir)
    return bin_dir


def test_the_wheel_holds_the_decks_schema_fonts_icons_pictures_words_and_templates(dist):
    names = set(zipfile.ZipFile(dist["wheel"]).namelist())
    for must in (
        "game/decks/making-it-real.yaml",
        "game/decks/deck.schema.json",
        "game/assets/LICENCES.md",
        "game/assets/fonts/DejaVuSans.ttf",
        "game/assets/fonts/LICENCE-DejaVu.txt",
        "game/assets/icons/home.svg",
        "game/locale/en/ui.yaml",
        "game/locale/cy/ui.yaml",
    ):
        assert must in names
    assert any(n.startswith("game/assets/icons/png/") for n in names)
    assert any(n.startswith("game/assets/pictures/") for n in names)
    assert any(n.startswith("game/export/templates/") for n in names)
    # Wholesale: whatever anyone adds under decks/, assets/ or game/ goes in too.
    assert [f for f in shipped_files() + package_data() if f not in names] == []
    fonts = [n for n in names if n.startswith("game/assets/fonts/") and n.endswith((".ttf", ".otf"))]
    licences = [n for n in names if n.startswith("game/assets/fonts/LICENCE-")]
    assert len(fonts) >= 4 and len(licences) >= 4


def test_the_sdist_keeps_decks_and_assets_at_the_top(dist):
    with tarfile.open(dist["sdist"]) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    assert {"setup.py", "MANIFEST.in", "pyproject.toml", "constraints.txt"} <= names
    missing = [f for f in shipped_files() if f.removeprefix("game/") not in names]
    assert missing == []


def test_the_installed_game_reads_its_own_files_not_the_checkout(wheel_bin, tmp_path):
    probe = (
        "import json, game.paths as p; from game.model.deck_schema import SCHEMA_PATH; "
        "print(json.dumps({'package': str(p.PACKAGE_DIR), 'decks': str(p.DECKS_DIR), "
        "'assets': str(p.ASSETS_DIR), 'schema': SCHEMA_PATH.is_file(), "
        "'shipped': [d.name for d in p.shipped_decks()], "
        "'fonts': sorted(f.name for f in p.FONTS_DIR.iterdir()), "
        "'icons': len(list(p.ICONS_DIR.glob('*.svg')))}))"
    )
    found = json.loads(run([wheel_bin / "python", "-c", probe], cwd=tmp_path).stdout)
    package = Path(found["package"])
    assert ROOT not in package.parents and "site-packages" in package.parts
    assert Path(found["decks"]) == package / "decks" and Path(found["assets"]) == package / "assets"
    assert found["schema"] and found["shipped"][0] == "making-it-real.yaml"
    assert "DejaVuSans.ttf" in found["fonts"]
    assert found["icons"] == len(list((ROOT / "assets" / "icons").glob("*.svg")))


def test_check_on_an_extension_deck_from_another_folder(wheel_bin, tmp_path):
    (tmp_path / "my-extra.yaml").write_text(EXTRA_DECK, encoding="utf-8")
    done = run([wheel_bin / "making-it-real", "check", "my-extra.yaml"], cwd=tmp_path)
    assert done.stdout.startswith("my-extra.yaml: My extra cards 1.0 (en-GB) — adds 1 card")
    assert "making-it-real" in done.stdout


def test_headless_demo_exports_every_format_from_another_folder(wheel_bin, tmp_path):
    args = ["demo", "--headless", "--seed", "7", "--export", "OUT", "--data-dir", "D"]
    done = run([wheel_bin / "making-it-real", *args], cwd=tmp_path)
    assert "Traceback" not in done.stderr
    written = sorted(p.name for p in (tmp_path / "OUT").iterdir())
    # The same demo from the checkout writes the same files: the installed game behaves the same.
    here = tmp_path / "checkout"
    here.mkdir()
    run([sys.executable, "-m", "game", *args], cwd=here)
    assert written == sorted(p.name for p in (here / "OUT").iterdir())
    suffixes = {"docx": ".docx", "html": ".html", "md": ".md", "json": ".json", "csv": "-actions.csv"}
    for fmt in FORMATS:
        ends = ("-easy-read.html", "-easy-read.docx") if fmt == "easyread" else (suffixes[fmt],)
        for end in ends:
            hits = [n for n in written if n.endswith(end) and (fmt == "easyread" or "-easy-read" not in n)]
            assert hits and all((tmp_path / "OUT" / n).stat().st_size > 0 for n in hits), (fmt, written)
    plan = json.loads(next((tmp_path / "OUT").glob("*.json")).read_text(encoding="utf-8"))
    mine = json.loads(next((here / "OUT").glob("*.json")).read_text(encoding="utf-8"))
    assert plan == mine  # same seed, same deck, same plan


def test_an_editable_install_reads_the_checkout_folders(source, tmp_path_factory):
    bin_dir = new_venv(tmp_path_factory.mktemp("editable-env") / "venv")
    run([bin_dir / "python", "-m", "pip", "install", "-q", *versions(), "-e", source], cwd=source)
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    probe = "import game.paths as p; print(p.DECKS_DIR); print(p.FONTS_DIR)"
    decks, fonts = run([bin_dir / "python", "-c", probe], cwd=elsewhere).stdout.splitlines()
    assert Path(decks) == source / "decks" and Path(fonts) == source / "assets" / "fonts"
    (elsewhere / "my-extra.yaml").write_text(EXTRA_DECK, encoding="utf-8")
    run([bin_dir / "making-it-real", "check", "my-extra.yaml"], cwd=elsewhere)
