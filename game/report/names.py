"""With ``--with-names`` only: who took part in each service's latest plan, its actions and its notes.

These are the words that can name a person, so the rest of the report never reads them. Only the
latest plan of each service is read again, one file at a time.
"""

from __future__ import annotations

import json
from pathlib import Path

from game.report.tables import STATUS_WORDS, Table
from game.words import Words


def name_tables(folder: Path, latest: list[tuple[str, str]], words: Words) -> list[Table]:
    """``latest`` is (service name, path of its latest plan relative to ``folder``) for each service."""
    w = words.get
    people = Table("names_people", w("report_t_people"), w("report_i_people"),
                   [w("report_col_service"), w("report_col_people")])  # fmt: skip
    actions = Table("names_actions", w("report_t_open_actions"), w("report_i_open_actions"),
                    [w("report_col_service"), w("report_col_theme"), w("report_col_action"), w("report_col_who"),
                     w("report_col_due_by"), w("report_col_status")])  # fmt: skip
    notes = Table("names_notes", w("report_t_notes"), w("report_i_notes"),
                  [w("report_col_service"), w("report_col_theme"), w("report_col_section"), w("report_col_note"),
                   w("report_col_said_by")])  # fmt: skip
    for service, rel in latest:
        try:
            data = json.loads((folder / rel).read_bytes().decode("utf-8-sig"))
            _add(data, service, people, actions, notes, w)
        except (OSError, ValueError, TypeError, AttributeError, KeyError):
            continue  # the file changed since it was read: its counts stand, its names are left out
    return [people, actions, notes]


def _add(data: dict, service: str, people: Table, actions: Table, notes: Table, w) -> None:
    label = {p["id"]: str(p["label"]) for p in data.get("participants", [])}
    people.rows.append([service, ", ".join(label.values())])
    for t in data.get("themes", []):
        for a in t.get("actions", []):
            status = a.get("status", "agreed")
            if status in ("agreed", "started", "not_yet"):
                actions.rows.append([service, str(t["title"]), str(a["what"]), str(a["who"]),
                                     str(a.get("due") or ""), w(STATUS_WORDS[status])])  # fmt: skip
        for n in t.get("notes", []):
            if not n.get("carried_over"):
                section = w(f"export_section_{n['section']}")
                by = label.get(n.get("author"), str(n.get("author") or ""))
                notes.rows.append([service, str(t["title"]), section, str(n["text"]), by])
