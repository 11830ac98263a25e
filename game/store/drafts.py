"""Drafts: what is being typed in a box, kept in the saved-games file so a crash or a power cut loses
at most the last fraction of a second of typing. A mixin of ``Store`` (uses its ``_write``/``_read``)."""

from __future__ import annotations

import json
import sqlite3

from game.store.db import dump, safe


class Drafts:
    def save_draft(self, game_id: str, field: str, text: str) -> bool:
        """Keep what is being typed in a box; empty text removes the draft."""
        game_id = safe(game_id)
        field = safe(field)
        if not text:
            return self.clear_draft(game_id, field)

        def work(db: sqlite3.Connection) -> None:
            db.execute(
                "INSERT INTO drafts (game_id, field, text, saved) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (game_id, field) DO UPDATE SET text = excluded.text, saved = excluded.saved",
                (game_id, str(field), dump(text), self._clock()),
            )

        return self._write(work)[0]

    def drafts(self, game_id: str) -> dict[str, str]:
        game_id = safe(game_id)
        return self._read(
            lambda db: {
                f: json.loads(t)
                for f, t in db.execute(
                    "SELECT field, text FROM drafts WHERE game_id = ? ORDER BY field", (game_id,)
                )
            },
            {},
        )

    def clear_draft(self, game_id: str, field: str) -> bool:
        game_id = safe(game_id)
        field = safe(field)
        return self._write(
            lambda db: db.execute("DELETE FROM drafts WHERE game_id = ? AND field = ?", (game_id, str(field)))
        )[0]
