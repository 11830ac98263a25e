"""A game being played together with its saved copy: the screens' one way into a game.

How the screens use it::

    session = PlaySession.start(app.store, decks, setup)     # session.outcome says if the set-up was accepted
    session = PlaySession.resume(app.store, game_id)          # raises UnknownId / StoreError
    out = session.apply(C.PickCard(card="living-03"))         # an engine Outcome; ``at`` is stamped if missing
    if not out.ok: show(words.get(out.reason, **out.params))  # refusals are words keys with their params
    session.game.state, session.problem_in_play, session.waiting, session.kept, session.save_now()
    session.save_draft("note", text), session.drafts()

``PlaySession.apply`` gives the command to the rules engine first; if it is accepted, the new
steps are committed to the store before ``apply`` returns, so the screen only moves on once what
people said is on disk. If saving fails, play goes on in memory, ``problem`` says so in plain
words, and the unsaved steps are written together as soon as a later save works. When the saved-games
file cannot be used at all, ``open_store`` gives a store in memory and the same session plays on in it.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable

from game.model import commands as C
from game.model.deck import DeckSet
from game.model.engine import Game, Outcome
from game.model.phase import Phase
from game.store import problems as P
from game.store.opening import memory_store
from game.store.store import Store, new_id


class PlaySession:
    def __init__(
        self,
        store: Store,
        game: Game,
        game_id: str,
        *,
        saved: int = 0,
        created: bool = False,
        clock: Callable[[], float] = time.time,
    ):
        self.store = store
        self.game = game
        self.game_id = game_id
        self.plan_id: str | None = None
        self.outcome: Outcome | None = None
        self.last_refusal: Outcome | None = None  # the last command's refusal, if it was refused
        self._clock = clock
        self._saved = saved  # how many of game.log's commands are committed
        self._created = created
        self._finished_saved = False
        self._discarded = False  # a workshop game nobody asked to keep, deleted when it finished
        self._memory_drafts: dict[str, str] = {}
        self._own_problem: P.Problem | None = None
        self._save_problem: P.Problem | None = None  # why the unsaved steps are not saved yet

    # ----- starting and continuing ---------------------------------------------------------------------

    @classmethod
    def start(
        cls,
        store: Store,
        deckset: DeckSet,
        setup: dict,
        game_id: str | None = None,
        *,
        at: float | None = None,
        clock: Callable[[], float] = time.time,
    ) -> PlaySession:
        """A new game. ``session.outcome`` says whether the set-up was accepted; if it was refused, nothing
        is saved yet and the UI can correct it and ``apply`` a new ``start_game``."""
        gid = game_id or cls._unused_id(store)
        s = cls(store, Game.new(deckset), gid, clock=clock)
        s.outcome = s.apply(C.StartGame(setup=setup, at=at))  # on the newest board
        return s

    @classmethod
    def in_memory(cls, game: Game, language: str | None = None) -> PlaySession:
        """A game played on a store in memory: nothing goes to disk (sample screens, layout tests)."""
        store = memory_store(language)
        return cls(store, game, cls._unused_id(store))

    @staticmethod
    def _unused_id(store: Store) -> str:
        while True:
            gid = new_id("g-")
            if not store.has_game(gid):
                return gid

    @classmethod
    def resume(cls, store: Store, game_id: str) -> PlaySession:
        """Continue a saved game exactly where it stopped, by replaying its saved steps on its saved decks.

        Raises ``UnknownId`` (no such game) or ``StoreError`` (the file could not be read). If some steps
        can no longer be replayed (an older game version's log), the game goes on from the last good step
        as a new saved game, the old one is left untouched, and ``problem`` says so.
        """
        deck_dict, commands = store.load_game(game_id)
        try:
            decks = DeckSet.from_dict(deck_dict)
        except (TypeError, ValueError, KeyError, AttributeError) as exc:  # the saved decks are damaged
            where = store.path or store.folder or ""
            raise P.StoreError(P.Problem(P.CORRUPT_READ, {"file": str(where)}), store.language) from exc
        game = Game.replay(decks, commands)
        good = len(game.log)
        if good == len(commands):
            s = cls(store, game, game_id, saved=good, created=True)
            s.plan_id = store.plan_id_for(game_id)
            s._finished_saved = s.plan_id is not None
            if game.state.phase == Phase.FINISHED and s.plan_id is None:
                s._persist()  # stopped between the last step and keeping the plan: keep it now
            return s
        s = cls(store, game, cls._unused_id(store))
        s._own_problem = P.Problem(P.NOT_RESTORED, {"step": good})
        s._persist()
        for field, text in store.drafts(game_id).items():
            s.save_draft(field, text)  # what was being typed carries on with the game
        return s

    # ----- playing -------------------------------------------------------------------------------------

    def apply(self, command: C.Command | dict) -> Outcome:
        """Engine first, then commit. A refused command changes nothing and saves nothing.

        Takes a typed command (``C.Pass()``) or its saved dict form; one made without ``at`` is stamped
        with the clock now, so replaying the saved log gives exactly the same game."""
        out = self.game.apply(self._stamped(command))
        self.last_refusal = None if out.ok else out
        if out.ok:
            self._persist()
        return out

    def _stamped(self, command):
        if isinstance(command, C.Command):
            return command if command.at is not None else dataclasses.replace(command, at=self._clock())
        if isinstance(command, dict) and "at" not in command:
            return {**command, "at": self._clock()}
        return command  # anything else is the engine's to refuse

    def _persist(self) -> None:
        if self._discarded or not self.game.log:
            return
        store = self.store
        if not self._created:
            self._created = store.create_game(self.game_id, self.game.decks.to_dict(), self.meta())
            if not self._created:
                self._save_problem = store.problem_info
                return
        pending = self.game.log[self._saved :]
        if pending and store.append_many(self.game_id, self._saved, pending):
            self._saved += len(pending)
        if self._saved < len(self.game.log):
            self._save_problem = store.problem_info
            return  # the plan is only kept once every step before it is saved
        self._save_problem = None
        self._clear_stale_drafts()
        finished = self.game.state.phase == Phase.FINISHED
        if finished and not self._finished_saved:
            plan_id = store.finish(self.game_id, self.game.plan().to_dict())
            if store.last_write_ok:
                self._finished_saved = True
                self.plan_id = plan_id
                self._discarded = plan_id is None
        elif not finished and self._finished_saved:
            # "Back" from the finished plan: the game is open again, its last confirmed plan stays kept.
            if store.reopen(self.game_id):
                self._finished_saved = False

    def save_now(self) -> bool:
        """Try again to save whatever is waiting (the UI may call this now and then while ``problem``
        shows). True when everything played so far is on disk."""
        self._persist()
        return self.unsaved == 0 and self.store.on_disk and self.store.last_write_ok and not self.plan_waiting

    @property
    def waiting(self) -> bool:
        """Steps played but not on disk yet, that trying again could save (the disk was full, the file was
        busy). False when saving is not possible at all this time (a store in memory)."""
        return self.store.on_disk and bool(self.unsaved or self.plan_waiting)

    @property
    def kept(self) -> bool:
        """Everything played so far is in the saved-games file, so "Carry on a game" can bring it back."""
        return self.store.on_disk and not self.unsaved

    @property
    def plan_waiting(self) -> bool:
        """The game is finished but its plan is not kept yet (a save failed); the next save keeps it."""
        return self.game.state.phase == Phase.FINISHED and not (self._finished_saved or self._discarded)

    def meta(self) -> dict:
        setup = self.game.state.setup or {}
        mode = setup.get("mode") or "group"
        return {
            "title": setup.get("title") or "",
            "service": setup.get("service") or "",
            "date": setup.get("date") or "",
            "mode": mode,
            "keep": bool(setup.get("keep", False)) if mode == "workshop" else True,
        }

    # ----- what to show --------------------------------------------------------------------------------

    @property
    def unsaved(self) -> int:
        """Steps played but not yet on disk (0 when everything is saved)."""
        if self._discarded:
            return 0
        return len(self.game.log) - self._saved if self.store.on_disk else len(self.game.log)

    @property
    def saved_steps(self) -> int:
        return self._saved

    @property
    def problem_info(self) -> P.Problem | None:
        if self.unsaved and self.store.on_disk:
            return self._save_problem or self.store.problem_info or P.Problem(P.BUSY)
        return self.store.problem_info or self._own_problem

    @property
    def problem(self) -> str | None:
        """None, or a plain message for the screen: saving is not working and why."""
        info = self.problem_info
        return info.message(self.store.language) if info else None

    @property
    def problem_in_play(self) -> str | None:
        """What the play screen shows: ``problem``, except the notice that a damaged file was set aside once
        the new file keeps every step (the start screen said so; repeating it on every turn would only
        suggest that saving is not working)."""
        info = self.problem_info
        if info is not None and info.key == P.CORRUPT and self.kept:
            return None
        return self.problem

    # ----- drafts of text being typed ------------------------------------------------------------------

    def save_draft(self, field: str, text: str) -> bool:
        """Keep what is being typed; the UI calls this every few seconds and when focus moves."""
        if not text:
            return self.clear_draft(field)
        self._memory_drafts[field] = text
        if not self._in_file:
            return False
        return self.store.save_draft(self.game_id, field, text)

    def drafts(self) -> dict[str, str]:
        saved = self.store.drafts(self.game_id) if self._in_file else {}
        merged = {**saved, **self._memory_drafts}
        return {f: t for f, t in merged.items() if t}

    def clear_draft(self, field: str) -> bool:
        if not self._in_file:
            self._memory_drafts.pop(field, None)
            return True
        if self.store.clear_draft(self.game_id, field):
            self._memory_drafts.pop(field, None)
            return True
        # The file still holds the old text (already used, say, as a note): an empty entry hides it
        # until a later save can remove it, so it is not offered again as if it were still being typed.
        self._memory_drafts[field] = ""
        return False

    def _clear_stale_drafts(self) -> None:
        for field in [f for f, t in self._memory_drafts.items() if not t]:
            if self.store.clear_draft(self.game_id, field):
                self._memory_drafts.pop(field, None)

    @property
    def _in_file(self) -> bool:
        # A discarded workshop game has no row any more: its drafts stay in memory like its steps.
        return self._created and not self._discarded
