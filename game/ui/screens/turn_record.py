"""The turn's record, kept in view on the left for the rest of a turn: the card, the views given (once
everyone asked has chosen), each note added (with who said it, if they said), and the action agreed.
A note is a button: tapping it opens the words to change them. When there is more than fits, the
record turns a page: a line says how many earlier ones are in the plan, and no row ever moves."""

from __future__ import annotations

import pygame

from game.model import commands as C
from game.model.phase import Phase
from game.model.plan import CHANGED
from game.model.planbuild import who_words
from game.ui import sizes as S
from game.ui.card_widget import CardWidget
from game.ui.days import show_day
from game.ui.layout import rows
from game.ui.screens.steps import card_widget
from game.ui.widgets import Button, Label, Widget

CARD_SHARE = 0.5  # of the column, when there is a record under the card
NOTES_SHARE = 0.6  # of the note box's room, at most, for last time's notes above it (the box keeps the rest)
LAST_TIME_SHARE = 0.3  # at least, for a card from last time: it grows only as far as its words need


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


def last_views(scr) -> str:
    """Last time's views on this turn's card, on one line."""
    w = scr.app.w
    prev = last_time(scr)
    views = "; ".join(
        w(
            "record_view",
            name=scr.state.name(r.player_label),
            answer=f"{r.symbol} {r.label}" if r.point_id else w("chose_not_to_say"),
        )
        for r in prev.ratings
    )
    return w("record_last_views", date=show_day(prev.date), views=views or "-")


def last_notes_words(scr, inline: bool = False) -> str:
    """Last time's notes under a heading, one to a line (``inline``: on running lines, to take less room)."""
    w = scr.app.w
    notes = [w("record_note", text=n.text) for n in last_time(scr).notes]
    return (
        (w("record_last_notes") + (" " if inline else "\n") + (" · " if inline else "\n").join(notes))
        if notes
        else ""
    )


def read_last_time(scr) -> None:
    """Last time's views and notes in full, when they are more than the room on screen holds."""
    from game.ui.screens.dialogs import InfoDialog

    prev = last_time(scr)
    text = "\n".join(x for x in (last_views(scr), last_notes_words(scr)) if x)
    scr.app.push(InfoDialog(scr.app, scr.app.w("last_time_title", date=show_day(prev.date)), text))


def last_notes(scr, rect: pygame.Rect) -> tuple[list[Widget], pygame.Rect]:
    """Last time on the card, above the note box on the talk step (its views, then its notes), so what
    was said then is in view while the group says what has changed: whole at a readable size in the
    room the box can spare, the notes one to a line or else running on; else a row that opens it all in
    full. Returns the widgets and the room left for the box."""
    prev = last_time(scr)
    if prev is None:
        return [], rect
    m, w, fonts = scr.app.ctx.m, scr.app.w, scr.app.ctx.fonts
    row_h = m.px(S.CHIP_ROW)
    # The box keeps a text row's height at least, whatever share last time takes.
    most = max(row_h, min(int(rect.height * NOTES_SHARE), rect.height - m.gap - m.px(S.TEXT_ROW)))
    for notes in (last_notes_words(scr), last_notes_words(scr, inline=True)):
        words = "\n".join(x for x in (last_views(scr), notes) if x)
        for h in range(row_h, most + m.gap, m.gap):
            h = min(h, most)
            r = pygame.Rect(rect.left, rect.top, rect.width, h)
            item: Widget = Label(r, words, "small", style="panel", key="record_last_views")
            box = item.text_box(m)
            if fonts.fit(words, box.width, box.height, m.min_body, m.min_body - 1) >= m.min_body:
                item.floor = "min_body"
                return [item], pygame.Rect(
                    rect.left, r.bottom + m.gap, rect.width, rect.bottom - r.bottom - m.gap
                )
    h = row_h
    words = w("record_last_all", date=show_day(prev.date))
    r = pygame.Rect(rect.left, rect.top, rect.width, h)
    item = Button(r, words, "record_last_all", lambda: read_last_time(scr), icon="note", size="small")
    item.floor = "min_body"
    return [item], pygame.Rect(rect.left, rect.top + h + m.gap, rect.width, rect.height - h - m.gap)


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
    words = w("record_note_by", text=n.text, name=author) if author else w("record_note", text=n.text)
    return w("record_changed", note=words) if n.section == CHANGED else words


def build(scr, rect: pygame.Rect) -> list[Widget]:
    """The card on top, last time's rows (in a review) under it, then this time's record."""
    m, w = scr.app.ctx.m, scr.app.w
    t = scr.turn
    items: list[tuple[str, str, object]] = []  # (key, words, action or None)
    # The views' slot is kept from the start, so the notes never move down when the views are shown
    # (after a Back to the rating, notes are already there when the last person chooses).
    items.append(("record_views", views_line(scr), None))
    for n in turn_notes(scr):
        items.append((f"record_note:{n.id}", note_words(scr, n), lambda n=n: edit_note(scr, n)))
    for a in turn_actions(scr):
        words = w("record_action", what=a.what, who=who_words(a, scr.app.words), when=when_words(scr, a))
        items.append((f"record_action:{a.id}", words, None))
    row_h, gap = m.px(S.CHIP_ROW), m.gap // 2
    step = row_h + gap
    # Last time's views are under the card beside the rating (on the talk step they are above the note
    # box, with last time's notes: ``last_notes``; on the action step the record has the room).
    again = last_time(scr) is not None and scr.phase in (Phase.RATE, Phase.RATE_ALL, Phase.REVEAL)
    # The card keeps the same place and size for the whole step, record or not yet, so it never moves;
    # it leaves room for two rows of this time's record and, beside the rating, one of last time's. A
    # card from last time is only as tall as its words need at card size, from the rating to the talk.
    share = LAST_TIME_SHARE if last_time(scr) is not None and scr.phase != Phase.ACTION else CARD_SHARE
    card_r, rest = rows(rect, [card_height(scr, rect, (3 if again else 2) * step - gap, share), 1.0], m.gap)
    card = card_widget(scr, card_r, t.card)
    card.on_its_own = True  # its picture may go above or beside the words, whichever leaves it larger
    out: list[Widget] = [card]
    if again:
        # Last time's views (and, on the talk step, its notes) keep rows of their own under the card, so
        # they stay in view however long this time's record grows.
        used, kept = last_time_rows(scr, rest, row_h, gap)
        out += kept
        rest = pygame.Rect(rest.left, rest.top + used * step, rest.width, rest.height - used * step)
    fits = max(1, (rest.height + gap) // step)

    def place(key, words, action, slot: int, size: int) -> Widget:
        return _row(rest, row_h, gap, key, words, action, slot, size)

    sizes = [min(fits, rows_needed(scr, rest, row_h, gap, it, fits)) for it in items]
    start, placed = page_of(sizes, fits)
    if start and placed[0][1]:
        out.append(place("record_more", w("record_more", n=start), None, 0, 1))
    out += [place(*items[i], slot, size) for i, slot, size in placed if items[i][1]]
    return out


def _row(rect, row_h: int, gap: int, key: str, words: str, action, slot: int, size: int) -> Widget:
    """One item of a record: ``size`` rows tall, in row ``slot`` of ``rect``; a button when it does
    something when tapped."""
    r = pygame.Rect(rect.left, rect.top + slot * (row_h + gap), rect.width, size * row_h + (size - 1) * gap)
    if action is None:
        item = Label(r, words, "small", style="panel", key=key)
    else:
        item = Button(r, words, key, action, icon="note", size="small")
    item.floor = "min_body"  # cut with "…" only past the tallest a row may be (tap it to read it all)
    return item


def rows_needed(scr, rect, row_h: int, gap: int, item, most: int) -> int:
    """How many rows an item's words need to stay whole at a readable size (a long note takes two or
    more); ``most + 1`` when even ``most`` rows are not enough."""
    m, fonts = scr.app.ctx.m, scr.app.ctx.fonts
    key, words, action = item
    for size in range(1, most + 1):
        box = _row(rect, row_h, gap, key, words, action, 0, size).text_box(m)
        if (
            fonts.fit(words, box.width, box.height, m.min_body, m.min_body - 1, action is not None)
            >= m.min_body
        ):
            return size
    return most + 1


def last_time_rows(scr, rect, row_h: int, gap: int) -> tuple[int, list[Widget]]:
    """Last time's views, whole at a readable size in the rows under the card that this time's record
    can spare (it keeps two, or one when that is what lets them show); else a row that opens last time
    in full. (Its notes are above the note box on the talk step: ``last_notes``.) Returns the rows used
    and the widgets."""
    slots = (rect.height + gap) // (row_h + gap)
    views = ("record_last_views", last_views(scr), None)
    for spare in (slots - 2, slots - 1):
        size = rows_needed(scr, rect, row_h, gap, views, spare)
        if size <= spare:
            return size, [_row(rect, row_h, gap, *views, 0, size)]
    words = scr.app.w("record_last_all", date=show_day(last_time(scr).date))
    return 1, [_row(rect, row_h, gap, "record_last_all", words, lambda: read_last_time(scr), 0, 1)]


def card_height(scr, rect: pygame.Rect, keep: int, share: float = CARD_SHARE) -> int:
    """``share`` of the column (half), or taller when the card's words need it to stay at card size (a long statement,
    Welsh, larger text), leaving at least ``keep`` for the record. The words decide, not the record, so
    the card is the same all through the step."""
    ctx = scr.app.ctx
    m = ctx.m
    words = scr.decks.card(scr.turn.card).text
    most = max(1, rect.height - keep - m.gap)
    h = min(most, int(rect.height * share))
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
