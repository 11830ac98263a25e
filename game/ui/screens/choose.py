"""Choosing a saved game to carry on, or an earlier plan to review, save as files again, or delete for
good."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.model.planio import PlanFormatError, kept_plan, read_plan
from game.store.problems import StoreError
from game.store.session import PlaySession
from game.ui import sizes as S
from game.ui.days import show_day
from game.ui.layout import cols, rows
from game.ui.screens.frame import FramedScreen, shorten
from game.ui.widgets import Button, Label


def with_reviews(store, plans: list) -> list:
    """The plan list with each plan followed by its reviews (plan -> review -> review), newest plan
    first. A review names the plan it looks back on by its date and title."""
    bodies = {}
    for r in plans:
        try:
            body = store.load_plan(str(_get(r, "id")))
        except StoreError:  # a plan that cannot be read is listed on its own
            body = {}
        bodies[str(_get(r, "id"))] = body if isinstance(body, dict) else {}

    def parent(r):
        prev = bodies[str(_get(r, "id"))].get("previous_date")
        title = _get(r, "title")
        return next(
            (o for o in plans if o is not r and _get(o, "date") == prev and _get(o, "title") == title), None
        )

    def root(r, seen=()):
        p = parent(r)
        return r if p is None or p in seen else root(p, (*seen, r))

    out = []
    for r in plans:
        if root(r) is not r:
            continue
        family = [o for o in plans if o is not r and root(o) is r]
        out.append(r)
        out.extend({**dict(o), "review_of": True} for o in sorted(family, key=lambda o: _get(o, "date")))
    return out


def _get(row, name, default=""):
    if isinstance(row, dict):
        return row.get(name, default)
    return getattr(row, name, default)


class ChooseGameScreen(FramedScreen):
    name = "choose"
    samples = ("games", "plans")

    @classmethod
    def sample(cls, app, variant="", link=None):
        return cls(app, variant or "games")

    def __init__(self, app, what: str):
        super().__init__(app)
        self.what = what  # "games" or "plans"
        self.page = 0

    def title(self) -> str:
        return self.app.w("choose_games_title" if self.what == "games" else "choose_plans_title")

    def bottom_buttons(self):
        out = [("back", self.app.w("btn_back"), self.back, "back", "button"), self.speak_button()]
        if self.what == "plans":
            out.append(("open_file", self.app.w("btn_open_plan_file"), self.open_file, "export", "button"))
        return out

    def open_file(self) -> None:
        """Start a review from a plan saved as a file (the "File for the next review")."""

        def load(path: str):
            typed = path.strip()
            if not typed:
                return self.app.w("plan_file_none_typed")
            try:
                file = Path(typed).expanduser()
                found = file.is_file()
            except (OSError, ValueError, RuntimeError):
                file, found = Path(typed), False  # a name no folder can hold: too long, or odd characters
            if not found:
                return self.app.w("plan_file_missing", detail=shorten(str(file), 60))
            try:
                plan = read_plan(file)
            except PlanFormatError as exc:  # read_plan words every problem, unreadable files too
                return self.app.w("plan_file_problem", detail=shorten(str(exc), 300))
            mode = plan.mode if plan.mode != "workshop" else "group"
            self.app.pop()
            self.app.show("setup", how="replace", mode=mode, previous_plan=plan.to_dict())
            return None

        self.app.show(
            "text-dialog",
            title=self.app.w("open_plan_title"),
            question=self.app.w("open_plan_question"),
            on_save=load,
            hint=self.app.w("open_plan_hint"),
            save_words=self.app.w("btn_open"),
        )

    def rows_(self) -> list:
        # The lists never raise: a store that cannot be read lists nothing, and says why (store.problem).
        if self.what == "games":
            return [r for r in self.app.store.list_games() if not _get(r, "finished", False)]
        return with_reviews(self.app.store, list(self.app.store.list_plans()))

    def speech_text(self) -> str:
        return self.title()

    def body(self, rect):
        m, w = self.app.ctx.m, self.app.w
        items = self.rows_()
        if not items:
            return [
                Label(
                    rect.inflate(0, -rect.height // 2),
                    w("choose_none_games" if self.what == "games" else "choose_none_plans"),
                    "body",
                    key="none",
                )
            ]
        area, nav = rows(rect, [1.0, m.px(S.BUTTON_ROW)], m.gap)
        row_h = m.px(S.LIST_ROW)
        per = max(1, (area.height + m.gap) // (row_h + m.gap))
        pages = max(1, -(-len(items) // per))
        self.page = max(0, min(self.page, pages - 1))
        out = []
        for i, r in enumerate(items[self.page * per : (self.page + 1) * per]):
            rr = pygame.Rect(area.left, area.top + i * (row_h + m.gap), area.width, row_h)
            if self.what == "plans":
                main, again, dele = cols(rr, [1.0, m.px(S.CHOOSE_BUTTON), m.px(S.CHOOSE_DELETE)], m.gap)
            else:
                (main, dele), again = cols(rr, [1.0, m.px(S.CHOOSE_BUTTON)], m.gap), None
            rid = str(_get(r, "id"))
            # Very long names are cut (in the middle, so "... for March" still shows) to keep the words
            # at full size; the whole name is in the plan itself.
            title = shorten(_get(r, "title") or w("untitled"), 60)
            service = shorten(_get(r, "service") or "", 36)
            words = w("choose_row", title=title, service=service, date=show_day(_get(r, "date")))
            if _get(r, "review_of"):  # listed under the plan it reviews
                words = w("choose_row_review", row=words)
            out.append(
                Button(main, words, f"open:{rid}", lambda rid=rid, r=r: self.open(rid, r), icon="play")
            )
            if again is not None:
                out.append(
                    Button(
                        again,
                        w("btn_export_plan_again"),
                        f"export:{rid}",
                        lambda rid=rid: self.export(rid),
                        icon="export",
                        size="small",
                    )
                )
            out.append(
                Button(
                    dele,
                    w("btn_delete"),
                    f"delete:{rid}",
                    lambda rid=rid, title=title, r=dele: self.ask_delete(rid, title, r),
                    size="small",
                )
            )
        a, b, c = cols(nav, [1, 1, 1], m.gap)
        out.append(
            Button(
                a,
                w("btn_earlier"),
                "page_prev",
                lambda: setattr(self, "page", self.page - 1),
                enabled=self.page > 0,
            )
        )
        out.append(Label(b, w("page_of", n=self.page + 1, of=pages), "small", align="center", key="page"))
        out.append(
            Button(
                c,
                w("btn_more_rows"),
                "page_next",
                lambda: setattr(self, "page", self.page + 1),
                enabled=self.page < pages - 1,
            )
        )
        return out

    def ask_delete(self, rid: str, title: str, where: pygame.Rect) -> None:
        """Deleting asks first, with the "Yes" away from the Delete button (a double tap never deletes)."""
        w = self.app.w
        self.app.show(
            "confirm-dialog",
            title=w("delete_title"),
            question=w("delete_question", name=title),
            yes_words=w("btn_delete_sure"),
            on_yes=lambda: self.delete(rid),
            avoid=where,
        )

    def delete(self, rid: str) -> None:
        try:
            self.app.store.delete(rid)
            self.message = self.app.w("deleted")
        except StoreError:  # not deleted (gone already, or the file cannot be written): say so
            self.message = self.app.w("delete_failed")

    def kept_plan(self, rid: str):
        """The kept plan as a Plan, or None (with a message on screen) if it cannot be read."""
        try:
            return kept_plan(self.app.store.load_plan(rid))
        except (StoreError, PlanFormatError):  # gone, the store cannot be read, or not a plan: say so
            self.message = self.app.w("plan_read_failed")
            return None

    def export(self, rid: str) -> None:
        """Save a kept plan's files again (e.g. last month's plan), without playing it again."""
        plan = self.kept_plan(rid)
        if plan is None:
            return
        self.message = None
        self.app.show("export", plan=plan, link=None, from_history=True)

    def open(self, rid: str, row) -> None:
        if self.what == "games":
            try:
                session = PlaySession.resume(self.app.store, rid)
            except StoreError:  # UnknownId too
                self.message = self.app.w("resume_failed")
                return
            self.app.show("play", how="replace", link=session)
        else:
            try:
                plan = self.app.store.load_plan(rid)
            except StoreError:
                plan = None
            if not isinstance(plan, dict) or not plan:
                self.message = self.app.w("plan_read_failed")
                return
            # The review names the plan it looks back on ("review_of"): its game, or its id here.
            plan["game_id"] = plan.get("game_id") or _get(row, "game_id") or rid
            self.app.show(
                "setup",
                how="replace",
                mode=plan.get("mode", "group") if plan.get("mode") != "workshop" else "group",
                previous_plan=plan,
            )
