"""Builds the plan draft (``game.model.plan.Plan``) from a game's state at any moment.

The state holds keys, not words, where the words come from the game's own language files (an action for
"the staff team" or "everyone", someone named only by their token); they are looked up here, in the plan's
language, and by ``who_words`` / ``State.name`` / ``Player.label`` when a screen shows the state.
"""

from __future__ import annotations

import copy
import dataclasses
from pathlib import PurePath

from game.model.deck import DeckSet
from game.model.deck_pictures import PICTURES_DIR
from game.model.names import name_words
from game.model.phase import Phase
from game.model.plan import Action, DeckRef, Learnt, Participant, Plan, ReviewOf, Statement, ThemeRecord
from game.model.state import State
from game.words import Words

GROUP_WHO = ("staff", "everyone")  # who_kinds whose words are the game's, not typed by anyone
# The records' fields that name someone as the state does (``Player.ref``): a typed name or a token's key.
NAME_FIELDS = frozenset({"chosen_by", "player_label", "author", "by", "who"})


def who_words(action: Action, words: Words) -> str:
    """How an action's "who" reads: the words for the staff team, everyone or someone's token, else as it
    was recorded."""
    if not action.who and action.who_kind in GROUP_WHO:
        return words.get("who_" + action.who_kind)
    return name_words(action.who, words) or ""


def build_plan(state: State, decks: DeckSet, language: str | None = None) -> Plan:
    """The plan as the state has it now, worded in ``language`` (default: the game's own)."""
    setup = state.setup
    in_play = set(setup.get("themes", []))
    # Last plan's actions not looked back on yet (the group stopped during the look-back round)
    # still belong in this plan, as they were, so the next review asks about them again.
    waiting: dict[str, list] = {}
    for a in state.look_back_queue:
        if a.theme is not None:
            waiting.setdefault(a.theme, []).append(a)
    # A carried statement discussed again lives on as the new one's "previously" (then -> now), so the
    # plan shows it once, and its notes belong to the new one.
    gone = state.superseded() - {""}
    moved = {
        st.previously.statement: st.id
        for sts in state.statements.values()
        for st in sts
        if st.previously is not None and not st.carried_over
    }
    themes = []
    for t in decks.themes:
        notes = copy.deepcopy(state.notes.get(t.id, []))
        for n in notes:
            n.statement = moved.get(n.statement or "", n.statement)
        themes.append(
            ThemeRecord(
                id=t.id,
                title=t.title,
                question=t.question,
                colour=t.colour,
                icon=t.icon,
                in_play=t.id in in_play,
                easy_read=t.easy_read,
                statements=[
                    _with_image(st, decks) for st in state.statements.get(t.id, []) if st.id not in gone
                ],
                notes=notes,
                actions=copy.deepcopy(state.actions.get(t.id, []) + waiting.get(t.id, [])),
            )
        )
    plan = Plan(
        title=setup.get("title", ""),
        service=setup.get("service", ""),
        date=setup.get("date", ""),
        mode=setup.get("mode", "group"),
        practice=bool(setup.get("practice")),
        language=language or setup.get("language") or decks.language,
        participants=[
            Participant(
                id=p.id,
                label=p.ref,
                shown_as=p.shown_as,
                role=p.role,
                persona=_persona(decks, p.persona),
                shape=p.shape,
            )
            for p in state.players
        ],
        decks=[DeckRef(id=d.id, version=d.version, title=d.title, language=d.language) for d in decks.decks],
        themes=themes,
        parked=copy.deepcopy(state.all_parked),
        you_said_we_did=copy.deepcopy(state.you_said_we_did),
        learnt=[Learnt(question=decks.debrief[n["question"]], text=n["text"]) for n in state.learnt],
        next_review=state.next_review,
        previous_date=state.previous_date,
        review_of=ReviewOf(**state.review_of) if state.review_of else None,
        dice=setup.get("dice"),
        length=copy.deepcopy(setup.get("length")),
        finished=state.phase == Phase.FINISHED,
        checked_on=state.checked_on if state.phase == Phase.FINISHED else None,
        written_by=setup.get("written_by", ""),
        won_together=state.won_together(),
    )
    words = Words(plan.language)
    for action in [a for t in plan.themes for a in t.actions] + [y.action for y in plan.you_said_we_did]:
        action.who = who_words(action, words)
    for p in plan.participants:
        p.label = name_words(p.label, words) or ""
    _name_words_in(plan, words)
    return plan


def _name_words_in(item, words: Words) -> None:
    """Every name a record holds (``NAME_FIELDS``, in the plan's copies), as words in the plan's language."""
    if isinstance(item, list):
        for x in item:
            _name_words_in(x, words)
    elif dataclasses.is_dataclass(item):
        for f in dataclasses.fields(item):
            value = getattr(item, f.name)
            if f.name in NAME_FIELDS and isinstance(value, str):
                setattr(item, f.name, name_words(value, words))
            elif isinstance(value, list) or dataclasses.is_dataclass(value):
                _name_words_in(value, words)


def _with_image(statement: Statement, decks: DeckSet) -> Statement:
    """A copy of the statement carrying its card's picture name, so the plan can show it later."""
    s = copy.deepcopy(statement)
    if s.image is None and decks.has_card(s.card_id):
        s.image = _picture_name(decks.card(s.card_id).image)
    return s


def _picture_name(path: str | None) -> str | None:
    """The picture as the plan keeps it: its name among the shipped pictures ("good-at.svg"). A plan
    is shared, so it never holds a path on this computer; a deck's own picture keeps its file name."""
    if not path:
        return None
    pure = PurePath(path)
    try:
        return pure.relative_to(PICTURES_DIR).as_posix()
    except ValueError:
        return pure.name


def _persona(decks: DeckSet, persona_id: str | None) -> str | None:
    if persona_id is None:
        return None
    try:
        return decks.persona(persona_id).name
    except KeyError:
        return persona_id
