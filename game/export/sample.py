"""Example plans for previews, tests and the export benchmark.

``feature_plan()`` has every feature an export must show (passes, differing views, carried-over
cards, parked topics, "You said, we did", themes not talked about) and awkward text (emoji,
accents, right-to-left, injection attempts, a very long note). ``long_plan(turns, rng)`` is a
generated plan the size of a very long session.
"""

from __future__ import annotations

import random

from game.model.plan import (
    Action,
    DeckRef,
    LookBack,
    Note,
    Parked,
    Participant,
    Plan,
    Rating,
    Statement,
    ThemeRecord,
)

THEMES = (
    ("living", "Living the life I want", "How do you help me to live the life I want?", "#E69F00"),
    ("information", "Information I need",
     "What do you do to make sure I have the information I need, when I need it?", "#56B4E9"),
    ("connected", "Keeping connected",
     "What do you do to help me keep connected with family, friends and my local community?", "#009E73"),
    ("my-way", "Support my own way", "How do you make sure that I get the support I want my own way?", "#F0E442"),
    ("control", "Staying in control",
     "How do you make sure I am in control of things that are important to me?", "#0072B2"),
    ("people", "The people who support me",
     "What do you do to ensure that the people who support me and the people in charge are good at their "
     "job and are setting a good example?", "#CC79A7"),
)  # fmt: skip

SCALE = {
    "real": ("This is real for me", "✔"),
    "sometimes": ("Sometimes", "~"),
    "not-yet": ("Not yet", "✘"),
    "not-sure": ("Not sure", "?"),
}

LONG_NOTE = ("We talked for a long time about the garden and the bus and who comes on Sundays. " * 40).strip()
INJECTIONS = {
    "html": '<script>alert("x")</script><img src=x onerror=alert(1)>',
    "markdown": "# Not a heading\n- not a list\n[click me](http://example.com) **bold** `code` | pipe |",
    "formula": '=HYPERLINK("http://evil.example","click")',
    "plus": "+1 555 0100",
    "at": "@SUM(A1:A2)",
    "minus": "-2+3",
    "tab": "\tindented",
}


def _rating(pid: str, label: str, point: str | None) -> Rating:
    if point is None:
        return Rating(pid, label, None)
    words, symbol = SCALE[point]
    return Rating(pid, label, point, words, symbol)


def _theme(theme_id: str, in_play: bool = True) -> ThemeRecord:
    for tid, title, question, colour in THEMES:
        if tid == theme_id:
            return ThemeRecord(tid, title, question, colour, tid, in_play=in_play)
    raise KeyError(theme_id)


def feature_plan() -> Plan:
    """A plan with every feature and the awkward text people really type."""
    people = [
        Participant("p1", "Zoë Brontë 🌻", "name", "person"),
        Participant("p2", "M.K.", "initials", "supporter"),
        Participant("p3", "anonymous", "anonymous", "player"),
        Participant("p5", "Star", "anonymous", "player"),
        Participant("p4", "نور", "name", "player"),
    ]
    living = _theme("living")
    living.statements = [
        Statement(
            "living-01",
            "I do things I enjoy every week.",
            easy_read="I do things I like.",
            we="We help you do things you enjoy every week.",
            chosen_by="p1",
            ratings=[
                _rating("p1", "Zoë Brontë 🌻", "real"),
                _rating("p2", "M.K.", "not-yet"),
                _rating("p3", "anonymous", None),
                _rating("p4", "نور", "sometimes"),
            ],
        ),  # fmt: skip
        Statement(
            "living-02",
            "I choose what I eat.",
            chosen_by="p2",
            carried_over=True,
            ratings=[_rating("p2", "M.K.", "real")],
        ),
    ]
    living.notes = [
        Note("n1", "do", "Café trips on Fridays ☕ — everyone enjoys them.", "p1", "living-01"),
        Note("n2", "do", INJECTIONS["html"], None),
        Note("n3", "dont", "We don't go out at weekends yet.", "p2"),
        Note("n4", "together", INJECTIONS["markdown"], "p4"),
        Note("n5", "together", LONG_NOTE, "p1"),
        Note("n6", "do", "نحن نذهب إلى الحديقة كل يوم", "p4"),
    ]
    living.actions = [
        Action("a1", "Ask about a weekend bus pass", "p2", "player", "next_week", status="agreed", theme="living"),
        Action("a2", INJECTIONS["formula"], "Sam from the office", "typed", "date", due="2026-12-15",
               theme="living", note=INJECTIONS["at"]),
        Action("a3", "Plan a day out together", "everyone", "everyone", "next_review", theme="living"),
    ]  # fmt: skip

    information = _theme("information")
    information.statements = [
        Statement(
            "information-03",
            "I get letters in a way I can read.",
            easy_read="I can read my letters.",
            everyone=True,
            ratings=[_rating("p1", "Zoë Brontë 🌻", None), _rating("p2", "M.K.", None)],
        )
    ]
    information.notes = [
        Note("n7", "dont", INJECTIONS["minus"], None),
        Note("n9", "together", "نريد رسائل بخط كبير", None),
    ]
    information.actions = [
        Action(
            "a4", INJECTIONS["plus"], "staff", "staff", "next_month", status="started", theme="information"
        ),
    ]
    connected = _theme("connected")
    connected.notes = [Note("n8", "together", INJECTIONS["tab"], "p3")]

    return Plan(
        title="Rosé Court / Flat 2 ✨",
        service="Ty Gwyn — Supported living",
        date="2026-11-23",
        mode="group",
        participants=people,
        decks=[
            DeckRef("making-it-real", "1.0.0", "Making It Real", "en-GB"),
            DeckRef("making-it-real-extra", "0.2", "Extra cards", "en-GB"),
        ],  # fmt: skip
        themes=[
            living,
            information,
            connected,
            _theme("my-way"),
            _theme("control", in_play=False),
            _theme("people", in_play=False),
        ],  # fmt: skip
        parked=[
            Parked("Talk to the landlord about the garden gate 🚪", "living", "p1"),
            Parked("=1+1", None, None),
        ],
        you_said_we_did=[
            LookBack(
                Action("old1", "Find a Welsh-speaking support worker", "staff", "staff", "next_review"),
                "done",
                "Llinos started in October.",
                "p2",
            ),
            LookBack(Action("old2", "Get a bigger-print menu", "p1", "player", "next_month"), "", ""),
            LookBack(
                Action("old3", "Fix the doorbell", "Dai", "typed", "date", due="2026-09-01"),
                "not_needed",
                "We moved to a new flat.",
            ),
        ],  # fmt: skip
        next_review="2027-02-23",
        previous_date="2026-08-20",
        finished=True,
        game_id="game-feature",
    )


def long_plan(turns: int = 200, rng: random.Random | None = None) -> Plan:
    """A generated plan with ``turns`` statements spread over the six themes, each with notes,
    ratings from eight players and an action every other turn."""
    rng = rng or random.Random(1)
    people = [
        Participant(f"p{i}", f"Player {i} ✿", "name", "person" if i == 1 else "player") for i in range(1, 9)
    ]
    themes = [_theme(tid) for tid, *_ in THEMES]
    points = [*SCALE, None]
    for turn in range(turns):
        theme = themes[turn % len(themes)]
        chooser = people[turn % len(people)]
        card = f"{theme.id}-{turn:03d}"
        raters = rng.sample(people, rng.randint(1, len(people)))
        theme.statements.append(
            Statement(
                card,
                f"I statement number {turn} about {theme.title.lower()}.",
                easy_read=f"Easy words {turn}.",
                chosen_by=chooser.id,
                everyone=turn % 7 == 0,
                ratings=[_rating(p.id, p.label, rng.choice(points)) for p in raters],
            )
        )
        for section in ("do", "dont", "together"):
            theme.notes.append(
                Note(
                    f"n{turn}-{section}",
                    section,
                    f"Note {turn} for {section}: " + "words " * rng.randint(3, 30),
                    rng.choice([None, chooser.id]),
                    card,
                )  # fmt: skip
            )
        if turn % 2 == 0:
            theme.actions.append(
                Action(
                    f"a{turn}",
                    f"Action {turn}: do the next small thing",
                    chooser.id,
                    "player",
                    rng.choice(["next_week", "next_month", "next_review"]),
                    theme=theme.id,
                    card_id=card,
                )  # fmt: skip
            )
    return Plan(
        title="Long session",
        service="Benchmark House",
        date="2026-11-23",
        mode="group",
        participants=people,
        decks=[DeckRef("making-it-real", "1.0.0", "Making It Real")],
        themes=themes,
        parked=[Parked(f"Parked topic {i}", THEMES[i % 6][0], "p1") for i in range(20)],
        you_said_we_did=[
            LookBack(
                Action(f"old{i}", f"Old action {i}", "staff", "staff"), rng.choice(["done", "started", ""])
            )
            for i in range(20)
        ],
        next_review="2027-02-23",
        previous_date="2026-08-23",
    )
