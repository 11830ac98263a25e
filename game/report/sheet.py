"""The report's tables as one spreadsheet (.xlsx), a sheet per table, for care offices to open as it is.

Written with openpyxl in write-only mode (rows go straight to the file). Every text is written as
text, never as a formula, so a service called "=HYPERLINK(...)" stays words; dates are real dates
and numbers real numbers, so people can sort and add them up.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from game.report.tables import Table

_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
# Control characters a spreadsheet cannot hold (openpyxl refuses them).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def write_sheet(tables: list[Table], path: Path) -> None:
    book = Workbook(write_only=True)
    bold = Font(bold=True)
    used: set[str] = set()
    for table in tables:
        ws = book.create_sheet(_sheet_name(table.title, used))
        ws.freeze_panes = "A3"
        for i, width in enumerate(_widths(table), start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        title = WriteOnlyCell(ws, value=_text(table.title))
        title.font = bold
        ws.append([title])
        head = []
        for c in table.columns:
            cell = _cell(ws, c)
            cell.font = bold
            head.append(cell)
        ws.append(head)
        for row in table.rows:
            ws.append([_cell(ws, v) for v in row])
    book.save(path)


def _cell(ws, value) -> WriteOnlyCell:
    if isinstance(value, str):
        cell = WriteOnlyCell(ws, value=_text(value))
        cell.data_type = "s"  # never a formula, whatever the text starts with
        return cell
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"
    return cell


def _widths(table: Table) -> list[int]:
    """Columns wide enough for their words (up to a limit), so dates show instead of ###."""
    widths = []
    for i, head in enumerate(table.columns):
        longest = max((12 if isinstance(r[i], dt.date) else len(str(r[i])) for r in table.rows), default=0)
        widths.append(min(max(longest, min(len(head), 24), 6) + 2, 60))
    return widths


def _text(value: str) -> str:
    return _ILLEGAL.sub("", value)[:32_000]


def _sheet_name(title: str, used: set[str]) -> str:
    """Sheet names are at most 31 letters, unique, without []:*?/\\ ."""
    base = _BAD_SHEET_CHARS.sub(" ", title).strip()[:28] or "Sheet"
    name, n = base, 1
    while name.casefold() in used:
        n += 1
        name = f"{base[:26]} {n}"
    used.add(name.casefold())
    return name
