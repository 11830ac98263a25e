"""The provider's view: every service's plans in one report (``making-it-real report FOLDER --out DIR``).

``make_report`` reads every plan file under a folder as a stream (``read``), adds them up (``tally``),
lays the result out as tables (``tables``) and writes them as an HTML page with SVG charts (``page``)
and a spreadsheet (``sheet``). ``sample.make_sample`` makes a folder of realistic plans to try it on.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from game.report.names import name_tables
from game.report.page import render_page
from game.report.read import plan_files, read_facts
from game.report.sheet import write_sheet
from game.report.tables import Table, build_tables
from game.report.tally import Tally
from game.words import Words

HTML_NAME = "making-it-real-report.html"
SHEET_NAME = "making-it-real-report.xlsx"


@dataclass
class Written:
    html: Path
    sheet: Path
    tally: Tally
    tables: list[Table]


def tally_folder(folder: Path, today: dt.date, grace_days: int = 14) -> Tally:
    """Read every plan file under ``folder``, one at a time, into running counts."""
    tally = Tally(today=today, grace_days=grace_days)
    for path, rel in plan_files(folder, tally):
        tally.add(read_facts(path, rel, today))
    return tally


def make_report(
    folder: str | Path,
    out: str | Path,
    today: dt.date | None = None,
    grace_days: int = 14,
    with_names: bool = False,
    language: str | None = None,
) -> Written:
    folder, out = Path(folder), Path(out)
    today = today or dt.date.today()
    words = Words(language)
    tally = tally_folder(folder, today, grace_days)
    extra = None
    if with_names:
        latest = [(s.name, s.latest.path) for s in tally.services.values()]
        extra = name_tables(folder, sorted(latest, key=lambda x: x[0].casefold()), words)
    tables = build_tables(tally, words, extra)
    out.mkdir(parents=True, exist_ok=True)
    html = out / HTML_NAME
    page = render_page(tables, words, today=today.isoformat(), plans=tally.plans, grace=grace_days,
                       with_names=with_names)  # fmt: skip
    _replace(html, lambda tmp: tmp.write_text(page, encoding="utf-8"))
    sheet = out / SHEET_NAME
    _replace(sheet, lambda tmp: write_sheet(tables, tmp))
    return Written(html, sheet, tally, tables)


def _replace(path: Path, write) -> None:
    """Write beside the file, then swap it in: a reader never sees half a report."""
    tmp = path.with_name(f".{path.name}.part")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
