"""Broad excepts only at the loop's top: the screens that open saved games and plans, and the session, catch
the errors the store and the plan reader say they raise, so a bug shows (and is logged by the app's loop)
instead of being shown as "could not read"."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from game.model.plan import PLAN_FORMAT
from game.model.planio import PlanFormatError, kept_plan

GAME = Path(__file__).resolve().parent.parent / "game"
NARROW = [
    "ui/screens/choose.py",
    "ui/screens/start.py",
    "ui/review_play.py",
    "store/session.py",
    "cli/export.py",
]


def broad_excepts(path: Path) -> list[int]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ExceptHandler):
            names = node.type.elts if isinstance(node.type, ast.Tuple) else [node.type]
            if node.type is None or any(
                isinstance(n, ast.Name) and n.id in ("Exception", "BaseException") for n in names
            ):
                out.append(node.lineno)
    return out


@pytest.mark.parametrize("name", NARROW)
def test_no_broad_except_where_saved_games_and_plans_are_read(name):
    assert broad_excepts(GAME / name) == []


def test_the_app_loop_is_where_the_broad_except_is_and_it_logs():
    lines = (GAME / "ui" / "app.py").read_text(encoding="utf-8").splitlines()
    found = broad_excepts(GAME / "ui" / "app.py")
    assert found, "the loop's top catches what a screen did not expect"
    for n in found:
        assert "log" in "\n".join(lines[n - 1 : n + 6]).lower()


def test_a_kept_plan_is_used_when_its_records_fit_and_refused_when_it_is_no_plan():
    from model_fixtures import group_setup, small_decks

    from game.model import autoplay
    from game.model import commands as C
    from game.model.engine import Game

    g = Game.new(small_decks())
    g.apply(C.StartGame(setup=group_setup(), at=1.0))
    autoplay.play(g, seed=2, at=2.0)
    data = g.plan().to_dict()
    assert kept_plan(data).to_dict() == data
    odd = {**data, "next_review": "soon"}  # the checks refuse it, but the plan's records still fit
    assert kept_plan(odd).next_review == "soon", "a plan the checks refuse is used as kept, not lost"
    for bad in ([], {"format": PLAN_FORMAT}, {"format": "other"}):
        with pytest.raises(PlanFormatError):
            kept_plan(bad)


# Broad excepts that neither re-raise nor log, each because it tells the person itself, in words.
SAYS_SO = {
    "model/deck_events.py": "a deck the parser cannot read becomes a finding with file and line",
    "model/deck_schema.py": "two values that cannot be compared count as different",
    "cli/speak.py": "the command prints what went wrong with the speech engine",
}


def test_every_other_broad_except_re_raises_or_logs():
    """No error vanishes: a broad except either puts things back and re-raises, or logs what it met."""
    silent = []
    for path in sorted(GAME.rglob("*.py")):
        name = path.relative_to(GAME).as_posix()
        if name in SAYS_SO:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ExceptHandler) or node.lineno not in broad_excepts(path):
                continue
            inside = list(ast.walk(ast.Module(body=node.body, type_ignores=[])))
            raises = any(isinstance(n, ast.Raise) for n in inside)
            logs = any(
                isinstance(n, ast.Call)
                and isinstance(n.func, ast.Attribute)
                and isinstance(n.func.value, ast.Name)
                and n.func.value.id == "log"
                for n in inside
            )
            if not (raises or logs):
                silent.append(f"{name}:{node.lineno}")
    assert silent == [], f"broad excepts that neither re-raise nor log: {silent}"
