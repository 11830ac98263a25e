"""Plan import checks meaning, not only shape: real dates, references that resolve, ids used once, and
every problem reported (up to a limit), not only the first."""

from __future__ import annotations

import copy
import json

import pytest
from test_store_helpers import script, setup, tiny_decks

from game.cli import main
from game.model import commands as C
from game.model.engine import Game
from game.model.planio import PlanFormatError, plan_to_dict, read_plan


@pytest.fixture(scope="module")
def good() -> dict:
    g = Game.new(tiny_decks())
    assert g.apply(C.StartGame(setup=setup(), at=1000.0)).ok  # the newest board, as script() plays on
    for cmd in script(notes={0: "a note"}):
        assert g.apply(cmd).ok
    return plan_to_dict(g.plan())


def _problems(data: dict) -> list[str]:
    with pytest.raises(PlanFormatError) as err:
        read_plan(json.dumps(data))
    return err.value.problems


def test_the_good_plan_reads(good):
    assert read_plan(json.dumps(good)).title == "Rose House"


@pytest.mark.parametrize("bad", ["2026-13-45", "9999-99-99", "0000-01-01", "2026-02-30", "2026-02-30T10:00"])
def test_a_session_date_that_is_not_on_the_calendar_is_refused(good, bad):
    data = copy.deepcopy(good)
    data["date"] = bad
    assert _problems(data) == [
        f"date: '{bad}' is not a real date. Write it as year-month-day, like 2026-11-23"
    ]


def test_due_and_review_dates_must_be_real_too(good):
    data = copy.deepcopy(good)
    data["next_review"] = "2027-00-10"
    action = next(a for t in data["themes"] for a in t["actions"])
    action["due"] = "2026-11-31"
    found = _problems(data)
    assert len(found) == 2 and found[0].startswith("next_review:") and ".due:" in found[1]


def test_references_must_resolve_and_ids_be_unique(good):
    data = copy.deepcopy(good)
    theme = next(t for t in data["themes"] if t["statements"] and t["statements"][0]["ratings"])
    theme["statements"][0]["ratings"][0]["player_id"] = "nobody"
    note = next(n for t in data["themes"] for n in t["notes"])
    note["card_id"] = "no-such-card"
    note["carried_over"] = False
    data["participants"].append(dict(data["participants"][0]))
    action = next(a for t in data["themes"] for a in t["actions"])
    action["theme"] = "no-such-theme"
    data["parked"].append({"text": "later", "theme": "nor-this", "by": None})
    found = _problems(data)
    text = "\n".join(found)
    assert len(found) == 5, text
    assert "the player 'nobody'" in text and "the card 'no-such-card'" in text
    assert "the theme 'no-such-theme'" in text and "the theme 'nor-this'" in text
    assert "the id 'p1' is used more than once" in text


def test_every_problem_is_reported_up_to_a_limit_and_the_message_says_how_many(good):
    data = copy.deepcopy(good)
    for t in data["themes"]:
        for a in t["actions"]:
            a["due"] = "2026-99-99"
    data["date"] = "0000-00-00"
    with pytest.raises(PlanFormatError) as err:
        read_plan(json.dumps(data))
    n = len(err.value.problems)
    assert n > 2 and n <= 20
    assert f"(and {n - 1} more problems)" in str(err.value)


def test_export_lists_every_problem_and_echoes_no_huge_value(good, tmp_path, capsys):
    data = copy.deepcopy(good)
    data["date"] = "2026-13-45"
    data["next_review"] = "9" * 4 + "-99-99"
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["export", str(path), "--format", "md", "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("The plan file has a problem at date:") and "(and 1 more problem)" in err[0]
    assert err[1:] == [
        "  date: '2026-13-45' is not a real date. Write it as year-month-day, like 2026-11-23",
        "  next_review: '9999-99-99' is not a real date. Write it as year-month-day, like 2026-11-23",
    ]
    assert not (tmp_path / "out").exists()
