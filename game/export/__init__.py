"""Exporting the plan draft: Word, HTML, Markdown, JSON, CSV and Easy Read files.

``export_plan(plan, formats, out_dir)`` writes the chosen formats and returns the paths written.
File names come from the plan's title and date, made safe; an existing file is never replaced
(a -2, -3 ... is added instead). The plan itself is not changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from game.model.plan import Plan

FORMATS = ("docx", "html", "md", "json", "csv", "easyread")
"""Every format ``export_plan`` can make, in the order files are written."""

SUFFIXES = {
    "docx": [".docx"],
    "html": [".html"],
    "md": [".md"],
    "json": [".json"],
    "csv": ["-actions.csv"],
    "easyread": ["-easy-read.html", "-easy-read.docx"],
}


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
    from game.export import csv as csv_format
    from game.export import docx as docx_format
    from game.export import easyread, html, md
    from game.export import json as json_format
    from game.export.clean import clean_plan
    from game.export.view import build_view

    chosen = parse_formats(formats)
    plan = clean_plan(Plan.from_dict(plan) if isinstance(plan, dict) else plan)
    files: list[tuple[str, bytes]] = []
    for name in chosen:
        if name == "json":
            files.append((".json", json_format.render(plan)))
            continue
        # Each renderer gets its own view: HTML checks and adjusts some fields in place.
        view = build_view(plan)
        if name == "docx":
            files.append((".docx", docx_format.render(view)))
        elif name == "html":
            files.append((".html", html.render(view)))
        elif name == "md":
            files.append((".md", md.render(view)))
        elif name == "csv":
            files.append(("-actions.csv", csv_format.render(view)))
        elif name == "easyread":
            files.extend(easyread.render(view))
    return files


def export_plan(plan: Plan | dict, formats: Iterable[str] | str, out_dir: str | Path) -> list[Path]:
    """Write the plan in each format into ``out_dir`` (made if missing). Returns the paths written.

    Raises ExportError for an unknown format and OSError if the folder cannot be written; then
    no file of this export is left behind.
    """
    from game.export.filenames import base_name, free_stem, write_new

    files = render_all(plan, formats)
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    if isinstance(plan, dict):
        plan = Plan.from_dict(plan)
    stem = free_stem(folder, base_name(plan.title, plan.date, plan.practice), [s for s, _ in files])
    written: list[Path] = []
    try:
        for suffix, data in files:
            written.append(write_new(folder, stem, suffix, data))
    except OSError:
        # All or nothing: a half set (the disk filled up at the fourth file, say) would be mistaken
        # for the whole export, and trying again would leave it beside a complete "-2" set.
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return written


__all__ = ["FORMATS", "ExportError", "export_plan", "parse_formats", "render_all"]
