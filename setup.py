"""Build step: put the top-level decks/ and assets/ folders inside the ``game`` package.

Deck writers find decks/ and assets/ at the top of the repository, so that is where they stay. An
installed game has no repository around it, so a wheel carries copies of both folders, whole, as
``game/decks`` and ``game/assets`` (game/paths.py looks there first). An editable install and a
checkout read the folders where they are. The sdist holds the folders (MANIFEST.in), so a wheel built
from it is the same. Everything else about the package is in pyproject.toml.
"""

from __future__ import annotations

import os
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
SHIPPED = ("decks", "assets")  # top-level folders that go into the package whole, with every subfolder
SKIPPED = {"__pycache__", ".DS_Store", "Thumbs.db"}


class BuildWithShippedFiles(build_py):
    """``build_py`` that also copies decks/ and assets/ into the built ``game`` package."""

    def _shipped(self) -> dict[str, str]:
        """Built file -> source file, for every file under the shipped folders."""
        out: dict[str, str] = {}
        for folder in SHIPPED:
            for source in sorted((HERE / folder).rglob("*")):
                if source.is_file() and not SKIPPED.intersection(source.relative_to(HERE).parts):
                    rel = source.relative_to(HERE)
                    out[os.path.join(self.build_lib, "game", *rel.parts)] = str(source)
        return out

    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads the folders in the checkout itself
            return
        for target, source in self._shipped().items():
            self.mkpath(os.path.dirname(target))
            self.copy_file(source, target, preserve_mode=False)

    def get_output_mapping(self) -> dict[str, str]:
        return {**super().get_output_mapping(), **self._shipped()}

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        if self.editable_mode:  # then the outputs are the keys of get_output_mapping, shipped files included
            return super().get_outputs(include_bytecode)
        return [*super().get_outputs(include_bytecode), *self._shipped()]


setup(cmdclass={"build_py": BuildWithShippedFiles})
