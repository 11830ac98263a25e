"""Facts about the saved-games file itself, kept in its ``info`` table: when it was last fully checked,
and what was brought back from a damaged file set aside. A mixin of ``Store``."""

from __future__ import annotations

from game.store.db import safe


class FileFacts:
    def set_info(self, key: str, value: str) -> bool:
        return self._write(
            lambda db: db.execute(
                "INSERT INTO info (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (safe(key), safe(value)),
            )
        )[0]

    def info(self, prefix: str) -> dict[str, str]:
        """Every fact whose key starts with ``prefix`` (the prefix taken off)."""
        rows = self._read(
            lambda db: db.execute(
                "SELECT key, value FROM info WHERE substr(key, 1, ?) = ?", (len(prefix), prefix)
            ).fetchall(),
            [],
        )
        return {k[len(prefix) :]: v for k, v in rows}

    def delete_info(self, key: str) -> bool:
        return self._write(lambda db: db.execute("DELETE FROM info WHERE key = ?", (safe(key),)))[0]
