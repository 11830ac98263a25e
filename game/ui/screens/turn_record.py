"""The turn's record, kept in view on the left for the rest of a turn: the card, the views given (once
everyone asked has chosen), each note added (with who said it, if they said), and the action agreed.
A note is a button: tapping it opens the words to change them. When there is more than fits, the
record turns a page: a line says how many earlier ones are in the plan, and no row ever moves."""

from __future__ import annotations

import pygame

from game.model import commands as C
from game.model.planbuild import who_words
from game.ui import sizes as S
from game.ui.card_widget import CardWidget
from game.ui.days import show_day
from game.ui.layout import rows
from game.ui.screens.steps import card_widget
from game.ui.widgets import Button, Label, Widget

CARD_SHARE = 0.5  # of the column, when there is a record under the card


def views_shown(scr) -> bool:
    """No view is shown before everyone asked has chosen."""
    t = scr.turn
    if t is None or t.card is None:
        return False
    return all(pid in t.ratings for pid in scr.view.asked())


def answer_words(scr, pid: str, point: str | None) -> str:
    if point is None:
        return scr.app.w("chose_not_to_say")
    return scr.decks.scale_point(point).label


def views_line(scr) -> str:
    t, w = scr.turn, scr.app.w
    said = [(p, t.ratings[p.id]) for p in scr.state.players if p.id in t.ratings]
    if not said or not views_shown(scr):
        return ""
    parts = [w("record_view", name=p.label, answer=answer_words(scr, p.id, point)) for p, point in said]
    return w("record_views", views="; ".join(parts))


def turn_notes(scr) -> list:
    t = scr.turn
    if t is None or t.card is None or not t.theme:
        return []
    return [n for n in scr.state.notes.get(t.theme, []) if n.card_id == t.card and not n.carried_over]


def last_time(scr):
    """Last time's views and notes on this turn's card, when the plan under review discussed it."""
    t = scr.turn
    if t is None or t.card is None or not t.theme:
        return None
    for st in reversed(scr.state.statements.get(t.theme, [])):
        if st.card_id == t.card and not st.carried_over:
            return st.previously
    return None


def last_time_items(scr) -> list[tuple[str, str, object]]:
    w = scr.app.w
    prev = last_time(scr)
    if prev is None:
        return []
    views = "; ".join(
        w(
            "record_view",
            name=scr.state.name(r.player_label),
            answer=f"{r.symbol} {r.label}" if r.point_id else w("chose_not_to_say"),
        )
        for r in prev.ratings
    )
    items = [(f"record_last_note:{n.id}", w("record_last_note", text=n.text), None) for n in prev.notes]
    # Last of all, so last time's views are never the ones cut when the column is too short.
    last = w("record_last_views", date=show_day(prev.date), views=views or "-")
    return items + [("record_last_views", last, None)]


def _joined(scr, notes: list) -> tuple[str, str, object]:
    """Last time's notes on one row (each is in the plan in full)."""
    words = "; ".join(w for _, w, _ in notes)
    return ("record_last_note:all", words, None)


def turn_actions(scr) -> list:
    t = scr.turn
    if t is None or t.card is None or not t.theme:
        return []
    return [a for a in scr.state.actions.get(t.theme, []) if a.card_id == t.card and a.id.startswith("a")]


def when_words(scr, a) -> str:
    return show_day(a.due) if a.when == "date" and a.due else scr.app.w(f"when_{a.when}")


def note_words(scr, n) -> str:
    w = scr.app.w
    author = scr.state.name(n.author)
    return w("record_note_by", text=n.text, name=author) if author else w("record_note", text=n.text)


def build(scr, rect: pygame.Rect) -> list[Widget]:
    """The card on top, the record under it."""
    m, w = scr.app.ctx.m, scr.app.w
    t = scr.turn
    items: list[tuple[str, str, object]] = []  # (key, words, action or None)
    out_last: list[Widget] = []
    # The views' slot is kept from the start, so the notes never move down when the views are shown
    # (after a Back to the rating, notes are already there when the last person chooses).
    items.append(("record_views", views_line(scr), None))
    for n in turn_notes(scr):
        items.append((f"record_note:{n.id}", note_words(scr, n), lambda n=n: edit_note(scr, n)))
    for a in turn_actions(scr):
        words = w("record_action", what=a.what, who=who_words(a, scr.app.words), when=when_words(scr, a))
        items.append((f"record_action:{a.id}", words, None))
    # Last time's views (and, on the talk step, its notes) keep rows of their own under the card, so
    # they stay in view however long this time's record grows.
    last = last_time_items(scr)
    last = last[-1:] + ([_joined(scr, last[:-1])] if last[:-1] and scr.phase == "talk" else [])
    # The card keeps the same place and size for the whole step, record or not yet, so it never moves.
    row_h = m.px(S.CHIP_ROW)
    gap = m.gap // 2
    kept = len(last) * (row_h + gap)
    card_r, rest = rows(rect, [card_height(scr, rect, row_h * 2 + gap + kept), 1.0], m.gap)
    if last:
        last_r, rest = rows(rest, [kept - gap, 1.0], gap)
        for i, (key, words, _) in enumerate(last):
            item = Label(pygame.Rect(last_r.left, last_r.top + i * (row_h + gap), last_r.width, row_h), words,
                         "small", style="panel", key=key)  # fmt: skip
            item.floor = "min_body"
            out_last.append(item)
    out: list[Widget] = [card_widget(scr, card_r, t.card), *out_last]
    fits = max(2, (rest.height + gap) // (row_h + gap))
    fonts = scr.app.ctx.fonts

    def place(key, words, action, slot: int, size: int) -> Widget:
        r = pygame.Rect(
            rest.left, rest.top + slot * (row_h + gap), rest.width, size * row_h + (size - 1) * gap
        )
        if action is None:
            item = Label(r, words, "small", style="panel", key=key)
        else:
            item = Button(r, words, key, action, icon="note", size="small")
        item.floor = "min_body"  # cut with "…" only past the tallest a row may be (tap a note to read it all)
        return item

    def rows_for(key, words, action) -> int:
        """How many slots the words need to stay whole at a readable size (a long note takes two or more)."""
        for size in range(1, fits + 1):
            box = place(key, words, action, 0, size).text_box(m)
            bold = action is not None
            if fonts.fit(words, box.width, box.height, m.min_body, m.min_body - 1, bold) >= m.min_body:
                return size
        return fits

    start, placed = page_of([rows_for(*it) for it in items], fits)
    if start and placed[0][1]:
        out.append(place("record_more", w("record_more", n=start), None, 0, 1))
    out += [place(*items[i], slot, size) for i, slot, size in placed if items[i][1]]
    return out


def card_height(scr, rect: pygame.Rect, keep: int) -> int:
    """Half the column, or taller when the card's words need it to stay at card size (a long statement,
    Welsh, larger text), leaving at least ``keep`` for the record. The words decide, not the record, so
    the card is the same all through the step."""
    ctx = scr.app.ctx
    m = ctx.m
    words = scr.decks.card(scr.turn.card).text
    most = max(1, rect.height - keep - m.gap)
    h = min(most, int(rect.height * CARD_SHARE))
    while h < most:
        _, body = CardWidget.parts(pygame.Rect(rect.left, rect.top, rect.width, h), m)
        if (
            body.height > 0
            and ctx.fonts.fit(words, body.width, body.height, m.min_card, m.min_card - 1) >= m.min_card
        ):
            break
        h = min(most, h + m.gap)
    return h


def page_of(sizes: list[int], fits: int) -> tuple[int, list[tuple[int, int, int]]]:
    """Which items are on show and in which slots, so a row never moves while it is shown: items fill
    the slots in order (an item of size 2 takes two); when the next one does not fit, the record turns
    a page, the top slot says how many came before, and the next items fill the slots below it. A new
    item never pushes the others up. Returns the first item on show and (item, slot, size) for each."""
    start, used, placed = 0, 0, []
    for i, size in enumerate(sizes):
        if placed and used + size > fits:
            # The top slot says how many came before, unless this one needs the whole column (a long
            # action in a short column): then it has the page to itself, whole, and Read aloud and the
            # plan still have the rest.
            start, used, placed = i, int(size < fits), []
        placed.append((i, used, size))
        used += size
    return start, placed


def edit_note(scr, n) -> None:
    """Tap a note in the record: its words open to be changed."""
    from game.ui.screens.dialogs import TextDialog

    w = scr.app.w

    def save(text: str):
        if not text.strip():
            return w("dialog_empty")
        if not scr.apply(C.EditNote(note=n.id, text=text)):
            return scr.message
        scr.message = w("note_changed")
        return None

    scr.app.push(TextDialog(scr.app, w("edit_note_title"), w("edit_question"), n.text, on_save=save))
