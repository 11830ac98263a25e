"""A practice plan as its exports show it: nobody's real name and no review date.

A workshop is practice, so its files name the personas the trainees played (or "Facilitator", or
"Anonymous 2" for someone who played without a persona), never the trainees, and no "Next review" is set
("by the next review" actions keep those words but get no date). Applied once, before every format.
"""

from __future__ import annotations

from game.export.view import persona_name
from game.model.plan import Plan
from game.words import Words


def practice_copy(plan: Plan) -> Plan:
    """The plan with every trainee's name swapped for their persona; a real plan is returned as it is.

    ``plan`` must already be a copy the caller owns (``render_all`` passes its cleaned copy).
    """
    if not plan.practice:
        return plan
    words = Words(plan.language)
    names: dict[str, str] = {}
    others = 0
    for p in plan.participants:
        if p.persona:
            name = persona_name(p.persona)
        elif p.role == "facilitator":
            name = words.get("export_role_facilitator")
        else:
            others += 1
            name = words.get("export_anonymous_n", n=others)
        for key in (p.id, p.label, p.label.strip()):
            if key:
                names.setdefault(key, name)
        p.label, p.shown_as = name, "name"

    def swap(who: str | None) -> str | None:
        return names.get(who, who) if who else who

    actions = [a for t in plan.themes for a in t.actions] + [y.action for y in plan.you_said_we_did]
    for t in plan.themes:
        for s in t.statements:
            s.chosen_by = swap(s.chosen_by)
            for r in s.ratings:
                r.player_label = names.get(r.player_id) or swap(r.player_label) or ""
        for n in t.notes:
            n.author = swap(n.author)
    for a in actions:
        if a.who_kind == "player":
            a.who = swap(a.who) or ""
        if a.when == "next_review":
            a.due = None
    for k in plan.parked:
        k.by = swap(k.by)
    for y in plan.you_said_we_did:
        y.by = swap(y.by)
    plan.next_review = None
    plan.written_by = ""  # typed at set-up, so a trainee's own name
    return plan
