"""How the self-playing demo plays a review as a group would: three months on from the plan it looks
back on, asking for last time's cards and talking one through again."""

from __future__ import annotations

import datetime as dt

from game.model.phase import Phase
from game.model.plan import CHANGED
from game.model.textrules import add_months, parse_date
from game.ui.days import show_day

ASKS_PER_TURN = 4
AGAIN_PER_REVIEW = 2  # cards from last time talked through again; the rest stay as they were


def three_months_on(previous_plan: dict | None) -> dt.date | None:
    """The review's day, or None when this is not a review."""
    d = parse_date((previous_plan or {}).get("date") or "")
    return add_months(d, 3) if d else None


def newest_plan(store, keys: list[str]) -> str | None:
    """The row key of the newest kept plan (plans are listed grouped with their reviews, so the newest is
    not always first): a review looks back on the latest plan."""
    plans = store.list_plans()  # never raises: a store that cannot be read lists nothing
    if not plans:
        return None
    key = f"open:{plans[0]['id']}"
    return key if key in keys else None


def parked_choice(ap) -> str | None:
    """Last time's parked topic offered: talk about it now, keep it for later, or drop it (the demo's
    choice); None for any other question."""
    return f"choice:{ap.rng.choice(['talk', 'keep', 'drop'])}" if ap.widget("choice:talk") else None


def move_clock_on(ap, setup) -> None:
    """A review's set-up: its day is three months on from the plan it looks back on, and the game's clock
    moves on with it, so the review is checked together on its own day."""
    later = three_months_on(setup.previous_plan)
    day = show_day(later.isoformat()) if later else ""
    if day and setup.date_box.text != day:
        ap.type_into("plan_date", day, clear=True)
        ap.app.days_on = (later - dt.date.today()).days


def finished_or_review(ap) -> bool:
    """The plan is saved: the demo is finished, unless it was asked for a review; then it reviews the
    plan, as a group would three months later, from the start screen (``asked_before`` counts "Cards
    from before" per turn)."""
    if not ap.then_review:
        return True
    ap.earlier_files += ap.files
    ap.files, ap.then_review, ap.review, ap.parked = [], False, True, False
    ap.queue.clear()
    ap.app.show("start", how="reset")
    return False


def pick_again(ap, s) -> bool:
    """Queue the taps that bring back a card from last time; False when there is none to bring."""
    t = s.turn
    again_so_far = sum(
        1 for sts in s.statements.values() for st in sts if st.previously and not st.carried_over
    )
    if not s.carried or t.theme is None or again_so_far >= AGAIN_PER_REVIEW:
        return False
    # The card with the longest story first, so its history grows review by review.
    told = {
        st.card_id: len(st.history())
        for st in s.statements.get(t.theme, [])
        if st.carried_over and st.card_id not in s.discussed
    }
    if not told:
        return False
    again = [c for c in t.dealt if c in told]
    asks = ap.asked_before.get(t.number, 0)
    if again and (max(told[c] for c in again) == max(told.values()) or asks >= ASKS_PER_TURN):
        ap.tap(f"card:{max(again, key=lambda c: told[c])}")
        return True
    if asks < ASKS_PER_TURN:
        ap.asked_before[t.number] = asks + 1
        ap.tap("cards_before")
        return True
    return False


def picture_name(top) -> str:
    """The play screen's name for the demo's pictures: one per phase (and talk prompt); the steps
    showing a card from last time get pictures of their own."""
    from game.ui.screens.turn_record import last_time

    extra = "-landed" if top.hold_board else ""
    t = top.turn
    if top.phase == Phase.TALK and t is not None:
        extra = f"-{t.prompt + 1}"
    if top.phase in (Phase.RATE, Phase.TALK, Phase.ACTION) and last_time(top) is not None:
        extra += "-last-time"
    return f"play-{top.phase}{extra}"


def in_review(top) -> str:
    """ "review-" for a screen of a review (so the demo keeps pictures of the review's own screens)."""
    reviewing = getattr(top, "reviewing", None)
    return "review-" if callable(reviewing) and reviewing() else ""


def add_note(ap, top, cmd: dict) -> None:
    """Type a note and add it. On a card from last time, the first note says what has changed since."""
    from game.ui.screens.turn_record import last_time, turn_notes

    changed = last_time(top) is not None and not any(n.section == CHANGED for n in turn_notes(top))
    text = ap.app.words.get(f"demo_changed_{top.turn.number % 2 + 1}") if changed else cmd["text"]
    ap.type_into("note", text)
    ap.tap(f"author:{cmd.get('author') or 'none'}")
    ap.tap("add_changed" if changed else "add_note")
