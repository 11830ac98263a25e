"""One view object per step of play. A step's view holds what that step shows (its build), what Read
aloud says, the box its words are typed in, and the choices made on it so far (who said a note, by
when an action is due). The play screen keeps one view for the step the engine is at and asks it; the
registry below says which view serves which step, so no screen has a chain of ifs over step names.

This module holds the base class, the registry and what several steps share: the card, the workshop
strip, and the question "who is being asked now"."""

from __future__ import annotations

import pygame

from game.model import commands as C
from game.model.phase import Phase
from game.ui.card_widget import CardWidget
from game.ui.look import hex_colour
from game.ui.textbox import TextBox
from game.ui.widgets import Button, Label, Widget

VIEWS: dict[Phase, type[StepView]] = {}


def step(*phases: Phase):
    """Register a view class as the one that shows these engine steps."""

    def register(cls):
        for p in phases:
            VIEWS[Phase(p)] = cls  # a step the engine does not have is an error here, at import
        return cls

    return register


class StepView:
    """What one step shows and remembers. Subclasses fill in build(); the rest has plain defaults."""

    title_key = "title_play"
    typed_field: str | None = None  # the box this step's words are typed in
    trainer_step = ""  # which trainer's note the workshop strip offers
    shows_record = False  # the turn's record (card, views, notes, action) stays in view on the left
    deals_cards = False  # the cards slide in when they are dealt
    timed = True  # the workshop turn timer shows at this step

    def on_enter(self) -> None:
        """The engine has just come to this step."""

    def asked(self) -> list[str]:
        """Who is still to be asked for a view before views may show (rating steps only)."""
        return []

    def bottom_buttons(self) -> list | None:
        """This step's own bottom row, or None for the usual one (Back, Pass, Read aloud, ...)."""
        return None

    def __init__(self, scr):
        self.scr = scr

    # words
    def title(self) -> str:
        scr = self.scr
        return scr.app.w(self.title_key, name=scr.player_label(self.acting()))

    def speech(self) -> list[str]:
        """What Read aloud says after the title."""
        return []

    # who and what
    def acting(self) -> str | None:
        """Who is being asked right now."""
        t = self.scr.turn
        if t is None:
            p = self.scr.state.active_player
            return p.id if p else None
        return t.player

    def first_focus(self) -> str | None:
        """Where the keyboard starts on this step when it has no box to type in (None: the main button)."""
        return None

    def typing_box(self) -> TextBox | None:
        return self.scr.boxes[self.typed_field] if self.typed_field else None

    warning = "stop_unsaved"  # what to say when words typed here were not added before moving on

    def do_pass(self) -> None:
        self.scr.apply(C.Pass())

    def finish(self, command: C.Command, warning: str | None = None) -> None:
        """End the turn (or the game); but if words were typed and not added, say so once first (a
        second tap goes on, and the words stay saved as a draft)."""
        scr = self.scr
        field = self.typed_field
        typed = scr.boxes[field].text.strip() if field else ""
        if typed and scr.warned != (field, typed):
            scr.warned = (field, typed)
            scr.message = scr.app.w(warning or self.warning)
            scr.needs_build = True
            return
        scr.warned = None
        scr.apply(command)

    def stop(self) -> None:
        """Finish and check."""
        self.finish(C.StopGame(), "stop_unsaved")

    def put_back(self, field: str, words: str, extra: dict | None = None) -> bool:
        """Back took away what was added here: its words (and choices) come back. True when done."""
        box = self.scr.boxes.get(field)
        if box is None or box.text.strip():
            return False  # something new is being typed there: leave it
        box.set_text(words)
        return True

    # layout
    def build(self, rect: pygame.Rect) -> list[Widget]:
        return [Label(rect, self.scr.app.w("phase_unknown"), "body", key="unknown")]


def card_widget(scr, rect, card_id, key="card", action=None, selected=False) -> CardWidget:
    c = scr.decks.card(card_id)
    th = scr.decks.theme(c.theme)
    # A card discussed in the plan this review looks back on says so, wherever it is shown.
    band = scr.app.w("card_last_time", theme=th.title) if card_id in scr.state.carried else th.title
    return CardWidget(
        rect,
        c.text,
        key,
        action,
        band,
        hex_colour(th.colour),
        th.icon,
        selected,
        image=scr.decks.card_image(c),
    )


def persona(scr, pid: str | None):
    if scr.state.setup.get("mode") != "workshop" or not pid:
        return None
    try:
        p = scr.state.player(pid)
        return scr.decks.persona(p.persona) if p.persona else None
    except KeyError:
        return None


def info(scr, title, text, picture: str | None = None):
    from game.ui.screens.dialogs import InfoDialog

    scr.app.push(InfoDialog(scr.app, title, text, picture))


def strip_offer(view: StepView) -> tuple[str, object | None] | None:
    """What the workshop strip offers at this step: the trainer's note for it and the persona of who is
    being asked (None when they play as nobody). None when the step shows no strip: not a workshop, or
    a step with neither a note nor personas in play. Whether there is a strip depends on the step, not
    on who is being asked, so its row stays put while the step lasts."""
    scr = view.scr
    if not _workshop(scr) or not view.trainer_step:
        return None
    note = scr.decks.facilitator_notes.get(view.trainer_step, "")
    if not note and not any(p.persona for p in scr.state.players):
        return None
    return note, persona(scr, view.acting())


def strip_words(scr) -> tuple[list[str], str]:
    """Every way the strip's persona place may read in this game (a button for each persona played,
    or "Practice game." for someone playing as nobody), and its notes button: so the row can be as wide
    as the longest, once for the whole game, and nothing in it moves when the player changes."""
    w = scr.app.w
    names = [who.name for p in scr.state.players if (who := persona(scr, p.id)) is not None]
    return [w("btn_playing_as", name=n) for n in dict.fromkeys(names)], w("btn_trainer_notes")


def strip_widgets(view: StepView, offer, who_r: pygame.Rect, note_r: pygame.Rect) -> list[Widget]:
    """The workshop strip, in the kept row under the title: "Playing as Tom" (a button that opens the
    persona in full, so the practice reminder and the persona are one tap) and Trainer notes. Someone
    playing as nobody sees "Practice game." in the persona's place; a step with no note leaves its place
    empty, so the buttons never shift."""
    scr = view.scr
    w = scr.app.w
    note, who = offer
    out: list[Widget] = []
    if who:
        out.append(
            Button(
                who_r,
                w("btn_playing_as", name=who.name),
                "about_persona",
                lambda: info(
                    scr, w("persona_title", name=who.name), who.summary, scr.decks.persona_image(who.id)
                ),
                icon="person",
                size="small",
            )
        )
    else:
        out.append(Label(who_r, w("trainer_strip"), "small", bold=True, style="panel", key="persona_line"))
    if note:
        out.append(
            Button(
                note_r,
                w("btn_trainer_notes"),
                "trainer_notes",
                lambda: info(scr, w("trainer_title"), note),
                icon="note",
                size="small",
            )
        )
    return out


def _workshop(scr) -> bool:
    return scr.state.setup.get("mode") == "workshop"
