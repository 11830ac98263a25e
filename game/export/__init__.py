"""Exporting the plan draft: Word, HTML, Markdown, JSON, CSV and Easy Read files.

``export_plan(plan, formats, out_dir)`` writes the chosen formats and returns the paths written.
File names come from the plan's title and date, made safe; an existing file is never replaced
(a -2, -3 ... is added instead). The plan itself is not changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from game.model.plan import Plan


@dataclass(frozen=True)
class Exporter:
    """One export format: its ``name`` (as typed after ``--format``; the screen's words are
    ``format_<name>``), what its files' names end with, and ``render(plan)`` -> [(suffix, bytes)]."""

    name: str
    suffixes: tuple[str, ...]
    render: Callable[[Plan], list[tuple[str, bytes]]]


def _view(plan: Plan):
    from game.export.view import build_view

    return build_view(plan)  # each renderer gets its own view: HTML checks and adjusts some fields in place


# The renderers are imported when first used: python-docx is slow to load.
def _docx(plan: Plan) -> list[tuple[str, bytes]]:
    from game.export import docx

    return [(".docx", docx.render(_view(plan)))]


def _html(plan: Plan) -> list[tuple[str, bytes]]:
    from game.export import html

    return [(".html", html.render(_view(plan)))]


def _easyread(plan: Plan) -> list[tuple[str, bytes]]:
    from game.export import easyread

    return easyread.render(_view(plan))


def _csv(plan: Plan) -> list[tuple[str, bytes]]:
    from game.export import csv

    return [("-actions.csv", csv.render(_view(plan)))]


def _md(plan: Plan) -> list[tuple[str, bytes]]:
    from game.export import md

    return [(".md", md.render(_view(plan)))]


def _json(plan: Plan) -> list[tuple[str, bytes]]:
    from game.export import json

    return [(".json", json.render(plan))]


EXPORTERS: dict[str, Exporter] = {
    e.name: e
    for e in (
        Exporter("docx", (".docx",), _docx),
        Exporter("html", (".html",), _html),
        Exporter("md", (".md",), _md),
        Exporter("json", (".json",), _json),
        Exporter("csv", ("-actions.csv",), _csv),
        Exporter("easyread", ("-easy-read.html", "-easy-read.docx"), _easyread),
    )
}
"""Every format, in the order the screen offers them and files are written: the one list the command
line, the export screen and the tests read."""

FORMATS = tuple(EXPORTERS)


def format_of(path: str | Path) -> str | None:
    """Which format wrote this file, from the end of its name (the longest matching suffix wins)."""
    name = Path(path).name.lower()
    found = [(len(sfx), e.name) for e in EXPORTERS.values() for sfx in e.suffixes if name.endswith(sfx)]
    return max(found)[1] if found else None


class ExportError(ValueError):
    """An export that cannot be made; ``str(err)`` is a plain message to show."""


def parse_formats(text: str | Iterable[str]) -> list[str]:
    """'docx, HTML,md' -> ['docx', 'html', 'md'] in the order given, no repeats.

    Raises ExportError naming the first unknown format and listing the ones there are.
    """
    from game.words import Words

    names = text.split(",") if isinstance(text, str) else list(text)
    chosen: list[str] = []
    for raw in names:
        name = str(raw).strip().lower().lstrip(".")
        if not name:
            continue
        if name not in FORMATS:
            raise ExportError(
                Words().get("export_cli_bad_format", name=str(raw).strip(), choices=", ".join(FORMATS))
            )
        if name not in chosen:
            chosen.append(name)
    return chosen


def render_all(plan: Plan | dict, formats: Iterable[str]) -> list[tuple[str, bytes]]:
    """Every file's (suffix, bytes) for the formats, in memory; nothing is written.

    ``plan`` may also be a plan dict as the store keeps it (``Plan.to_dict()``).
    """
    from game.export.clean import clean_plan
    from game.export.practice import practice_copy

    chosen = parse_formats(formats)
    plan = practice_copy(clean_plan(Plan.from_dict(plan) if isinstance(plan, dict) else plan))
    files: list[tuple[str, bytes]] = []
    for name in chosen:
        files.extend(EXPORTERS[name].render(plan))
    return files


def export_plan(plan: Plan | dict, formats: Iterable[str] | str, out_dir: str | Path) -> list[Path]:
    """Write the plan in each format into ``out_dir`` (made if missing). Returns the paths written.

    Raises ExportError for an unknown format and OSError if the folder cannot be written; then
    no file of this export is left behind.
    """
    from game.export.filenames import base_name, free_stem, write_new
    from game.export.safewrite import make_folder, remove_made

    files = render_all(plan, formats)
    folder = Path(out_dir)
    made = make_folder(folder)
    if isinstance(plan, dict):
        plan = Plan.from_dict(plan)
    stem = free_stem(
        folder,
        base_name(plan.title, plan.date, plan.practice, review=bool(plan.review_of or plan.previous_date)),
        [s for s, _ in files],
    )
    written: list[Path] = []
    try:
        for suffix, data in files:
            written.append(write_new(folder, stem, suffix, data))
    except OSError:
        # All or nothing: a half set (the disk filled up at the fourth file, say) would be mistaken
        # for the whole export, and trying again would leave it beside a complete "-2" set.
        for path in written:
            path.unlink(missing_ok=True)
        remove_made(made)  # and the folders this export made, so a failed export leaves nothing
        raise
    return written


__all__ = [
    "EXPORTERS",
    "FORMATS",
    "ExportError",
    "Exporter",
    "export_plan",
    "format_of",
    "parse_formats",
    "render_all",
]
