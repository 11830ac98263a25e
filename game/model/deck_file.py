"""One deck file, read and checked on its own: safe reading (``deck_yaml``), the structure the JSON Schema
describes (``deck_schema``), then the meaning (``deck_rules``). Used by ``deckload`` and ``deck_links``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.model import deck_schema
from game.model.deck import Deck
from game.model.deck_problem import Finding, Problem
from game.model.deck_rules import check_deck
from game.model.deck_words import to_problems
from game.model.deck_yaml import Parsed, parse_text, read_file
from game.words import Words


@dataclass
class DeckFile:
    """One deck file, read and checked: its data, what is wrong with it, and its deck when all is well."""

    file: str
    parsed: Parsed | None
    findings: list[Finding] = field(default_factory=list)
    folder: Path | None = None
    given: bool = True  # False for a base deck found in a search folder
    parent: DeckFile | None = None
    deck: Deck | None = None
    words: Words | None = None  # the language problems are worded in

    @property
    def data(self) -> Any:
        return self.parsed.data if self.parsed is not None else None

    @property
    def deck_id(self) -> str | None:
        ident = self.data.get("id") if isinstance(self.data, dict) else None
        return ident if isinstance(ident, str) else None

    def field_text(self, key: str) -> str | None:
        value = self.data.get(key) if isinstance(self.data, dict) else None
        return value if isinstance(value, str) else None

    @property
    def problems(self) -> list[Problem]:
        return to_problems(self.file, self.findings, self.parsed, self.words or Words("en"))


def read_deck_file(path: str | Path, words: Words) -> DeckFile:
    label = str(path)
    text, findings = read_file(path)
    if text is None:
        return DeckFile(label, None, findings, words=words)
    return analyse(text, label, Path(path).parent, words)


def analyse(text: str, file: str, folder: Path | None, words: Words) -> DeckFile:
    parsed = parse_text(text)
    findings = list(parsed.findings)
    if parsed.complete:
        try:
            rule = deck_schema.compiled()
        except deck_schema.SchemaError as exc:
            findings.append(Finding("schema_broken", {"reason": str(exc)}, line=0, column=0))
        else:
            findings += deck_schema.check(parsed.data, rule)
        findings += check_deck(parsed.data, parsed, folder)
    return DeckFile(file, parsed, findings, folder, words=words)
