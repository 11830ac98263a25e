"""Back (undo) never loses what someone said: when it takes away a note, an action, a look-back or a
parked topic that was just added, the words (and for an action, who and by when too) go back where
they were typed, so people can change them and add them again, or clear them."""

from __future__ import annotations

Said = dict[str, tuple[str, str, dict]]


def said(state) -> Said:
    """Every note, action, parked topic and look-back note so far, by id: (the box its words were
    typed in, the words, anything else chosen with them)."""
    out: Said = {n.id: ("note", n.text, {}) for ns in state.notes.values() for n in ns}
    for acts in state.actions.values():
        for a in acts:
            out[a.id] = ("action_what", a.what, _action_choices(state, a))
    out.update({f"parked:{i}:{p.text}": ("park", p.text, {}) for i, p in enumerate(state.parked)})
    out.update(
        {
            f"looked:{i}": ("lookback_note", lb.note, {})
            for i, lb in enumerate(state.you_said_we_did)
            if lb.note
        }
    )
    return out


def _action_choices(state, a) -> dict:
    who = a.who
    if a.who_kind == "player":
        who = next((p.id for p in state.players if a.who in (p.ref, p.label)), None)
    elif a.who_kind in ("staff", "everyone", "typed"):
        who = a.who_kind
    return {"who_kind": a.who_kind, "who": who, "who_words": state.name(a.who), "when": a.when, "due": a.due}


def put_back(scr, before: Said) -> None:
    now = said(scr.state)
    gone = [v for k, v in before.items() if k not in now]
    # Taking back a look-back also takes back the earlier action it carried forward: the note is what
    # was typed.
    gone = [v for v in gone if v[0] == "lookback_note"] or gone
    if len(gone) != 1:
        return
    field, text, extra = gone[0]
    if field == "park":
        # A topic parked just now: it comes back in Talk about later, unless other words wait there.
        if not scr.link.drafts().get("park"):
            scr.link.save_draft("park", text)
        return
    scr.view.put_back(field, text, extra)
