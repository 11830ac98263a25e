"""Every word the exports use is in export.yaml (English), and the Welsh file only has keys that
English has, with the same {placeholders}."""

from __future__ import annotations

import re
import string
from pathlib import Path

import yaml

GAME = Path(__file__).resolve().parent.parent / "game"
KEY = re.compile(r"""["'](export_[a-z0-9_-]+|plan_file_[a-z_]+)["']""")
DYNAMIC_PREFIXES = ("export_month_", "export_status_", "export_when_", "export_mode_", "export_role_",
                    "export_section_", "plan_file_type_")  # fmt: skip


def table(lang: str) -> dict:
    return yaml.safe_load((GAME / "locale" / lang / "export.yaml").read_text(encoding="utf-8"))


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_used_is_in_english():
    en = table("en")
    sources = [*(GAME / "export").rglob("*.py"), *(GAME / "export" / "templates").glob("*.j2"),
               GAME / "model" / "planio.py", GAME / "cli" / "export.py"]  # fmt: skip
    used = {k for path in sources for k in KEY.findall(path.read_text(encoding="utf-8"))}
    assert used, "no keys found: the pattern is wrong"
    missing = {k for k in used if k not in en and not k.startswith(DYNAMIC_PREFIXES)} - {"export_plan"}
    assert not missing
    for prefix, names in {
        "export_month_": [str(m) for m in range(1, 13)],
        "export_status_": ["agreed", "done", "started", "not_yet", "not_needed", "none"],
        "export_when_": ["next_week", "next_month", "next_review", "date", "unknown"],
        "export_mode_": ["group", "one-to-one", "workshop"],
        "export_role_": ["player", "person", "supporter", "facilitator"],
        "export_section_": ["do", "dont", "together"],
    }.items():
        for name in names:
            assert prefix + name in en, prefix + name


def test_welsh_matches_english():
    en, cy = table("en"), table("cy")
    assert set(cy) <= set(en)
    for key, text in cy.items():
        assert fields(text) == fields(en[key]), key
    # The words people see most are translated, not left to fall back.
    for key in (
        "export_section_do",
        "export_section_dont",
        "export_section_together",
        "export_chose_not_to_say",
        "export_not_talked",
        "export_you_said_we_did",
        "export_status_done",
        "export_month_11",
        "export_won_together",
        "export_easy_action_line_plain",
    ):
        assert key in cy, key
