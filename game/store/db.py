"""Talking to SQLite: the connection settings every use of the saved-games file must have, and how
values are turned into column text (JSON that keeps people's words exactly; ids SQLite can hold)."""

from __future__ import annotations

import json
import secrets
import sqlite3
from pathlib import Path
from typing import Any

BUSY_TIMEOUT_S = 2.0


def dump(value: Any) -> str:
    """JSON text for the file. Readable UTF-8 when possible; escaped when the text holds a lone
    surrogate (a broken input method can type one), which UTF-8 cannot store."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(value, ensure_ascii=True, separators=(",", ":"))
    return text


def safe(text: object) -> str:
    """Text SQLite can hold as a column value: a lone surrogate (which UTF-8 cannot encode) becomes
    U+FFFD. Used for ids, titles and field names; the words people typed are kept exactly by ``dump``."""
    s = str(text)
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in s)


def new_id(prefix: str) -> str:
    return f"{prefix}{secrets.token_hex(4)}"


def connect(path: Path | str, *, read_only: bool = False) -> sqlite3.Connection:
    """A connection with the durability and privacy settings every use of the file must have."""
    if read_only:
        db = sqlite3.connect(
            Path(path).resolve().as_uri() + "?mode=ro",
            uri=True,
            timeout=BUSY_TIMEOUT_S,
            isolation_level=None,
            check_same_thread=False,
        )
    else:
        db = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    return db


def apply_settings(db: sqlite3.Connection, *, on_disk: bool = True) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA secure_delete = ON")
    if on_disk:
        db.execute("PRAGMA journal_mode = DELETE")
        db.execute("PRAGMA synchronous = EXTRA")
