"""The summary, "Is this right?": everything the plan will say, a page at a time, with Change and
Remove beside each line, then "Yes, this is right". Back (undo) puts back anything removed by mistake."""

from __future__ import annotations

import pygame

from game.model import commands as C
from game.model.planbuild import who_words
from game.ui import sizes as S
from game.ui.card_widget import PictureWidget
from game.ui.days import show_day
from game.ui.layout import cols, rows
from game.ui.look import hex_colour
from game.ui.screens.summary_edit import actions
from game.ui.widgets import Button, Chip, Label, Widget


def items(scr, section: str | None = None) -> list[dict]:
    """One dict per line of the summary for one section (a theme id, or "other"): words and the changes
    it offers. With no section, every line of the plan."""
    s, d, w = scr.state, scr.decks, scr.app.w
    out: list[dict] = []
    for th in d.themes:
        if th.id not in s.themes_in_play or section not in (None, th.id):
            continue
        sts = s.statements.get(th.id, [])
        notes = s.notes.get(th.id, [])
        acts = s.actions.get(th.id, [])
        if section is None:
            out.append({"kind": "theme", "text": th.title, "theme": th})
        if not (sts or notes or acts):
            out.append({"kind": "empty", "text": w("summary_nothing_yet")})
        # Each note under the statement it was said about (a carried statement discussed again hands
        # its notes to the new one); notes about the theme itself come after.
        gone = s.superseded() - {""}
        moved = {st.previously.statement: st.id for st in sts if st.previously and not st.carried_over}
        shown = [st for st in sts if st.id not in gone]
        ids = {st.id for st in shown if st.id}
        belongs = {n.id: moved.get(n.statement or "", n.statement) for n in notes}
        for st in shown:
            views = "; ".join(
                f"{s.name(r.player_label)}: {(r.symbol + ' ' + r.label) if r.point_id else w('chose_not_to_say')}"
                for r in st.ratings
            )
            text = w("summary_statement", text=st.text, views=views or w("summary_no_views"))
            if st.carried_over:
                text = w("summary_carried", text=text)
            if len(st.history()) > 1:  # a statement looked at before: its views over time
                text = w("summary_history", text=text, strips=history_strip(st, s.name))
            out.append(
                {
                    "kind": "statement",
                    "text": text,
                    "card": st.card_id,
                    "statement": st.id or None,
                    "carried": st.carried_over,
                }
            )
            out.extend(_note_item(w, n, s) for n in notes if st.id and belongs[n.id] == st.id)
        out.extend(_note_item(w, n, s) for n in notes if belongs[n.id] not in ids)
        for a in acts:
            due = show_day(a.due) if a.due else w(f"when_{a.when}")
            out.append(
                {
                    "kind": "action",
                    "text": w("summary_action", what=a.what, who=who_words(a, scr.app.words), due=due),
                    "action": a,
                }
            )
    if section in (None, "other"):
        for i, p in enumerate(s.all_parked):
            out.append({"kind": "parked", "text": w("summary_parked", text=p.text), "index": i})
        if not s.setup.get("practice"):  # a workshop is practice: its plan has no review date
            out.append({"kind": "review", "text": w("summary_next_review", date=show_day(s.next_review))})
    return out


def history_strip(st, name) -> str:
    """Each person's views over time in the scale's symbols: "Ann ○ → ◐ → ✔"."""
    steps = st.history()
    people: dict[str, str] = {}
    for step in steps:
        for r in step.ratings:
            people.setdefault(r.player_id, name(r.player_label))
    strips = []
    for pid, shown in people.items():
        said = [
            next((r.symbol for r in step.ratings if r.player_id == pid and r.point_id), "–") for step in steps
        ]
        strips.append(f"{shown} {' → '.join(said)}")
    return "; ".join(strips)


def _note_item(w, n, s) -> dict:
    by = f" ({s.name(n.author)})" if n.author else ""
    return {"kind": "note", "text": w(f"section_{n.section}") + ": " + n.text + by, "note": n}


def build(scr, rect) -> list[Widget]:
    m, w, s = scr.app.ctx.m, scr.app.w, scr.state
    out: list[Widget] = []
    themes = [th for th in scr.decks.themes if th.id in s.themes_in_play]
    sections = [th.id for th in themes] + ["other"]
    if scr.view.section not in sections:
        scr.view.section = sections[0]
    left, right = cols(rect, [m.px(S.SIDE_PANEL), 1.0], m.gap * 2)
    n = len(sections)
    btn_h = min(m.px(S.LIST_ROW), (left.height - m.gap * (n - 1)) // n)
    for i, sec in enumerate(sections):
        r = pygame.Rect(left.left, left.top + i * (btn_h + m.gap), left.width, btn_h)
        if sec == "other":
            # A workshop's last section has no review date in it, so it is "For later".
            out.append(
                Chip(
                    r,
                    w(
                        "summary_later" if s.setup.get("practice") else "summary_other",
                        n=len(items(scr, "other")),
                    ),
                    "section:other",
                    lambda: _section(scr, "other"),
                    selected=scr.view.section == "other",
                    icon="park",
                )
            )
        else:
            th = next(t for t in themes if t.id == sec)
            count = len(items(scr, sec)) - (0 if _has_content(scr, sec) else 1)
            words = th.title + f" ({count})"
            out.append(
                Chip(
                    r,
                    words,
                    f"section:{sec}",
                    lambda sec=sec: _section(scr, sec),
                    selected=scr.view.section == sec,
                    icon=th.icon,
                    fill=hex_colour(th.colour),
                )
            )
    area, nav = rows(right, [1.0, m.px(S.BUTTON_ROW)], m.gap)
    row_h = m.px(S.LIST_ROW)
    all_items = items(scr, scr.view.section)
    book = _pages(scr, all_items, area)
    pages = len(book)
    scr.view.page = max(0, min(scr.view.page, pages - 1))
    for k, slot, size in book[scr.view.page]:
        it = all_items[k]
        r = pygame.Rect(
            area.left, area.top + slot * (row_h + m.gap), area.width, size * row_h + (size - 1) * m.gap
        )
        change, remove = actions(scr, it)
        text_r, pic_r, b1, b2 = _row_parts(scr, it, r, bool(change or remove))
        if pic_r is not None:  # the card's picture beside its words, for those who cannot read
            card = scr.decks.card(it["card"]) if scr.decks.has_card(it["card"]) else None
            icon = scr.decks.theme(card.theme).icon if card and scr.decks.has_theme(card.theme) else ""
            out.append(PictureWidget(pic_r, scr.decks.card_image(it["card"]), f"picture:{k}", icon))
        out.append(Label(text_r, it["text"], "body", style="panel", key=f"row:{k}"))
        if change:
            out.append(Button(b1, w("btn_change"), f"change:{k}", change, size="small"))
        if remove:
            out.append(Button(b2, w("btn_remove"), f"remove:{k}", remove, size="small"))
    a, b, c, d = cols(nav, [0.2, 0.2, 0.2, 0.4], m.gap)
    out.append(Button(a, w("btn_earlier"), "page_prev", lambda: _page(scr, -1), enabled=scr.view.page > 0))
    out.append(Label(b, w("page_of", n=scr.view.page + 1, of=pages), "small", align="center", key="page"))
    out.append(
        Button(c, w("btn_more_rows"), "page_next", lambda: _page(scr, 1), enabled=scr.view.page < pages - 1)
    )
    out.append(
        Button(
            d, w("btn_confirm"), "confirm", lambda: scr.apply(C.ConfirmPlan()), icon="check", style="primary"
        )
    )
    return out


def _row_parts(scr, it, r: pygame.Rect, has_buttons: bool):
    """A summary row's words, picture (a statement's card) and Change and Remove buttons."""
    m = scr.app.ctx.m
    if not has_buttons:
        return r, None, None, None
    text_r, b1, b2 = cols(r, [1.0, m.px(S.ROW_BUTTON), m.px(S.ROW_BUTTON)], m.gap)
    pic_r = None
    if it["kind"] == "statement":
        pic_r, text_r = cols(text_r, [m.px(S.LIST_ROW) * 3 // 2, 1.0], m.gap)
    return text_r, pic_r, b1, b2


def _pages(scr, all_items: list[dict], area: pygame.Rect) -> list[list[tuple[int, int, int]]]:
    """The summary's pages: (item, first slot, slots) for each row on each. A row takes as many slots
    as its words need to stay at a readable size (a statement with many views takes two), so long
    lines grow taller instead of shrinking."""
    m, fonts = scr.app.ctx.m, scr.app.ctx.fonts
    row_h = m.px(S.LIST_ROW)
    slots = max(1, (area.height + m.gap) // (row_h + m.gap))
    pad = m.px(S.LABEL_PAD)  # as a panel Label's words sit inside its edge

    def need(it) -> int:
        change, remove = actions(scr, it)
        for size in range(1, slots):
            r = pygame.Rect(area.left, area.top, area.width, size * row_h + (size - 1) * m.gap)
            box = _row_parts(scr, it, r, bool(change or remove))[0].inflate(-2 * pad, -2 * pad)
            if fonts.fit(it["text"], box.width, box.height, m.body, m.min_body - 1) >= m.min_body:
                return size
        return slots

    book: list[list[tuple[int, int, int]]] = [[]]
    used = 0
    for k, it in enumerate(all_items):
        size = need(it)
        if book[-1] and used + size > slots:
            book.append([])
            used = 0
        book[-1].append((k, used, size))
        used += size
    return book


def _has_content(scr, theme_id) -> bool:
    s = scr.state
    return bool(s.statements.get(theme_id) or s.notes.get(theme_id) or s.actions.get(theme_id))


def _section(scr, sec):
    scr.view.section, scr.view.page = sec, 0


def _page(scr, d):
    scr.view.page += d
