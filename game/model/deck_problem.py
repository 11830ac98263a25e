"""What the deck loader says when a deck is wrong: one ``Problem`` per mistake, all raised together in a
``DeckError``.

A problem's text reads ``file:line:column: what is wrong and how to fix it`` so editors and terminals can
jump to the spot. Lines and columns count from 1, as editors show them; a problem with the whole file
that has no place in it (a file that is missing) has line 0 and reads ``file: what is wrong``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    message: str
    # The words key the message came from: lets tests and tools tell the rules apart without parsing text.
    code: str = field(default="", compare=False)
    # For the "...and N more" line: the N problems it stands for, so a count of problems stays true.
    hidden: int = field(default=0, compare=False)

    def __str__(self) -> str:
        if self.line <= 0:
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class DeckError(Exception):
    """The only exception the loader raises for a bad deck. ``problems`` lists every mistake found."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems) or "deck problem")


@dataclass
class Finding:
    """One thing wrong, before it is worded: a words key, its parameters and where it is.

    ``path`` points into the deck's data (``("cards", 3, "text")``); ``defs`` names the schema
    definitions the value was checked against, so a message can be specific (a colour, an id ...).
    """

    code: str
    params: dict = field(default_factory=dict)
    path: tuple = ()
    on_key: bool = False
    line: int | None = None  # 1-based; when set it wins over the path's position
    column: int | None = None
    defs: tuple[str, ...] = ()
