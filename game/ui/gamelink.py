"""The screens' one door to a game: every tap becomes an engine command through the store's
PlaySession (engine first, then saved), and a refusal comes back as plain words to show.

If the store cannot be opened, play goes on in memory and ``problem`` says so on screen.
"""

from __future__ import annotations

import dataclasses
import time

from game.model import commands as C
from game.model.engine import Game, Outcome


class MemoryStore:
    """Stands in when the real store cannot be used: nothing is saved, and the screen says so."""

    def __init__(self, problem: str):
        self.problem = problem
        self._drafts: dict[tuple[str, str], str] = {}

    def list_games(self):
        return []

    def list_plans(self):
        return []

    def save_draft(self, game_id, field, text):
        self._drafts[(game_id, field)] = text

    def drafts(self, game_id):
        return {f: t for (g, f), t in self._drafts.items() if g == game_id}

    def clear_draft(self, game_id, field):
        self._drafts.pop((game_id, field), None)

    def latest_plan(self, title, service):
        return None


def open_game_store(data_dir=None):
    try:
        from game.store import open_store
    except ImportError:
        return MemoryStore("store_missing")
    try:
        return open_store(data_dir=data_dir)
    except Exception:  # noqa: BLE001 - the store promises not to raise; if it does, play on in memory
        return MemoryStore("store_missing")


class GameLink:
    """A Game plus where it is saved. ``apply`` returns the engine's Outcome."""

    def __init__(self, game: Game, session=None, store=None, game_id: str | None = None):
        self.game = game
        self.session = session
        self.store = store
        self.game_id = game_id
        self.last_refusal: Outcome | None = None

    @classmethod
    def start(cls, store, decks, setup: dict, now: float | None = None) -> tuple[GameLink | None, Outcome]:
        """Check the set-up on a scratch game first, so a refusal creates no saved game."""
        probe = Game.new(decks)
        cmd = {"type": "start_game", "setup": setup, "at": now if now is not None else time.time()}
        out = probe.apply(cmd)
        if not out.ok:
            return None, out
        try:
            from game.store.session import PlaySession
        except ImportError:
            return cls(probe, None, store), out
        try:
            session = PlaySession.start(store, decks, setup, at=cmd["at"])
        except Exception:  # noqa: BLE001 - saving failed to start; play on in memory
            return cls(probe, None, store), out
        started = getattr(session, "outcome", None)
        if started is not None and not started.ok:
            return None, started
        return cls(session.game, session, store, session.game_id), out

    @classmethod
    def resume(cls, store, game_id: str) -> GameLink | None:
        try:
            from game.store.session import PlaySession

            session = PlaySession.resume(store, game_id)
        except Exception:  # noqa: BLE001 - a game that cannot be read is reported, not crashed on
            return None
        if session is None or getattr(session, "game", None) is None:
            return None
        # A log that could not be fully replayed carries on under a new id: follow the session's.
        return cls(session.game, session, store, getattr(session, "game_id", game_id))

    @property
    def problem(self) -> str | None:
        if self.session is not None and getattr(self.session, "problem", None):
            if self.kept and getattr(self.store, "problem_key", None) == "store_problem_corrupt":
                # The damaged file was set aside and the new one saves every step: the start screen
                # said so; repeating it on every turn would only suggest that saving is not working.
                return None
            return self.session.problem
        return getattr(self.store, "problem", None)

    def apply(self, cmd: C.Command | dict) -> Outcome:
        """Apply a typed command (``C.PickCard(card="c1")``); the saved dict form is still accepted."""
        if isinstance(cmd, C.Command):
            if cmd.at is None:
                cmd = dataclasses.replace(cmd, at=time.time())
        else:
            cmd = dict(cmd)
            cmd.setdefault("at", time.time())
        if self.session is not None:
            out = self.session.apply(cmd)
        else:
            out = self.game.apply(cmd)
        self.last_refusal = None if out.ok else out
        return out

    @property
    def waiting(self) -> bool:
        """Steps played but not on disk yet, that trying again could save (the disk was full, the
        file was busy). False when saving is not possible at all this time (a store in memory)."""
        s = self.session
        try:
            if s is None or not s.store.on_disk:
                return False
            # A finished game whose plan could not be kept yet waits too (the session keeps it on retry).
            return bool(s.unsaved or s.plan_waiting)
        except Exception:  # noqa: BLE001 - asking must never interrupt play
            return False

    @property
    def kept(self) -> bool:
        """Everything played so far is in the saved-games file, so "Carry on a game" can bring it back."""
        s = self.session
        try:
            return bool(s is not None and s.store.on_disk and not s.unsaved)
        except Exception:  # noqa: BLE001
            return False

    def save_now(self) -> bool:
        """Try again to save the waiting steps. True when everything played so far is on disk."""
        try:
            return bool(self.session.save_now()) if self.session is not None else False
        except Exception:  # noqa: BLE001 - a retry that fails just waits for the next one
            return False

    def save_draft(self, field: str, text: str) -> None:
        target = self.session if self.session is not None else None
        try:
            if target is not None:
                if text:
                    target.save_draft(field, text)
                else:
                    target.clear_draft(field)
            elif self.store is not None and self.game_id is not None:
                self.store.save_draft(self.game_id, field, text)
        except Exception:  # noqa: BLE001 - a draft that cannot be saved must not interrupt typing
            pass

    def drafts(self) -> dict:
        try:
            if self.session is not None:
                return dict(self.session.drafts() or {})
            if self.store is not None and self.game_id is not None:
                return dict(self.store.drafts(self.game_id) or {})
        except Exception:  # noqa: BLE001
            pass
        return {}
