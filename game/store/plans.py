"""Plan history: finished plans kept in the saved-games file, found by id, by game, or by title and service.

A mixin of ``Store``: it uses the store's ``_write``/``_read`` so every change is one committed
transaction and a failure is reported the same way as for games.
"""

from __future__ import annotations

import json
import sqlite3

from game.store import problems as P
from game.store.db import dump, new_id, safe
from game.store.schema import match_key


class PlanHistory:
    def finish(self, game_id: str, plan_dict: dict) -> str | None:
        """Mark the game finished and keep its plan in plan history; returns the plan id.

        Finishing again (after a correction) replaces that game's plan and keeps its id. A workshop game
        that was not marked to keep is deleted instead, with nothing kept, and None is returned.
        """
        game_id = safe(game_id)

        def work(db: sqlite3.Connection) -> str | None:
            row = db.execute("SELECT mode, keep FROM games WHERE id = ?", (game_id,)).fetchone()
            if row is not None and row[0] == "workshop" and not row[1]:
                self._delete_game_rows(db, game_id)
                return None
            title = safe(plan_dict.get("title") or "")
            service = safe(plan_dict.get("service") or "")
            values = (
                title,
                service,
                safe(plan_dict.get("date") or ""),
                safe(plan_dict.get("mode") or "group"),
                self._clock(),
                dump(plan_dict),
                match_key(title, service),
            )
            old = db.execute("SELECT id FROM plans WHERE game_id = ?", (game_id,)).fetchone()
            if old:
                plan_id = old[0]
                db.execute(
                    "UPDATE plans SET title=?, service=?, date=?, mode=?, saved=?, body=?, match_key=?"
                    " WHERE id = ?",
                    (*values, plan_id),
                )
            else:
                plan_id = self._unused_plan_id(db)
                db.execute(
                    "INSERT INTO plans (title, service, date, mode, saved, body, match_key, id, game_id)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*values, plan_id, game_id if row is not None else None),
                )
            db.execute("UPDATE games SET finished = 1, updated = ? WHERE id = ?", (self._clock(), game_id))
            return plan_id

        ok, plan_id = self._write(work)
        if ok and plan_id is None:
            self._vacuum()
        return plan_id if ok else None

    def reopen(self, game_id: str) -> bool:
        """The group went back from a finished plan: list the game as not finished (its plan stays kept)."""
        game_id = safe(game_id)
        return self._write(
            lambda db: db.execute(
                "UPDATE games SET finished = 0, updated = ? WHERE id = ?", (self._clock(), game_id)
            )
        )[0]

    def add_plan(self, plan_dict: dict) -> str | None:
        """Keep a plan that came from outside (e.g. an imported JSON file) in plan history."""
        return self.finish(new_id("import-"), plan_dict)

    @staticmethod
    def _unused_plan_id(db: sqlite3.Connection) -> str:
        while True:
            pid = new_id("p-")
            if not db.execute("SELECT 1 FROM plans WHERE id = ?", (pid,)).fetchone():
                return pid

    def list_plans(self) -> list[dict]:
        """Finished plans, newest first."""

        def work(db: sqlite3.Connection) -> list[dict]:
            rows = db.execute(
                "SELECT id, game_id, title, service, date, mode, saved FROM plans"
                " ORDER BY date DESC, saved DESC, id"
            ).fetchall()
            keys = ("id", "game_id", "title", "service", "date", "mode", "saved")
            return [dict(zip(keys, r, strict=True)) for r in rows]

        return self._read(work, [])

    def load_plan(self, plan_id: str) -> dict:
        """The plan as it was kept (a ``Plan.to_dict()``). Raises ``UnknownId`` or ``StoreError``.
        A game id also works: it gives that game's plan."""
        plan_id = safe(plan_id)

        def work(db: sqlite3.Connection) -> dict | None:
            row = db.execute(
                "SELECT body FROM plans WHERE id = ? OR game_id = ? ORDER BY id = ? DESC LIMIT 1",
                (plan_id, plan_id, plan_id),
            ).fetchone()
            return None if row is None else json.loads(row[0])

        plan = self._read_or_raise(work)
        if plan is None:
            raise P.UnknownId("store_no_such_id", plan_id, self.language)
        return plan

    def plan_id_for(self, game_id: str) -> str | None:
        """The id of the plan kept for this game, if it has been finished."""
        game_id = safe(game_id)
        row = self._read(
            lambda db: db.execute("SELECT id FROM plans WHERE game_id = ?", (game_id,)).fetchone(), None
        )
        return row[0] if row else None

    def latest_plan(self, title: str, service: str = "") -> dict | None:
        """The most recent finished plan for this title and service (ignoring case and spacing)."""
        title = safe(title)
        service = safe(service)

        def work(db: sqlite3.Connection) -> dict | None:
            row = db.execute(
                "SELECT body FROM plans WHERE match_key = ? ORDER BY date DESC, saved DESC LIMIT 1",
                (match_key(title, service),),
            ).fetchone()
            return json.loads(row[0]) if row else None

        return self._read(work, None)
