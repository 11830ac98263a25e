"""The report's reader never crashes on what a shared drive holds: any value of a plan file swapped for
junk gives either the plan's facts or a skipped file with a reason; and the benchmark reports its figures."""

from __future__ import annotations

import copy
import datetime as dt
import importlib.util
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.model.planio import MAX_BYTES
from game.report.read import PlanFacts, Skipped, read_facts
from game.report.sample import make_sample
from game.words import Words

TODAY = dt.date(2026, 11, 30)
JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.just([{"card_id": ["x"]}]),
    st.just([{"point_id": {"a": 1}}]),
)


def _review_plan(tmp: Path) -> dict:
    make_sample(tmp, services=1, seed=4, today=TODAY, problems=False)
    return max((json.loads(p.read_text(encoding="utf-8")) for p in tmp.rglob("*.json")), key=len_of)


def len_of(plan: dict) -> int:
    return len(json.dumps(plan))


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value[:3]):
            yield from _paths(v, (*prefix, i))


def test_any_value_swapped_for_junk_is_read_or_skipped_with_a_reason(tmp_path_factory):
    plan = _review_plan(tmp_path_factory.mktemp("one"))
    paths = [p for p in _paths(plan) if p]
    folder = tmp_path_factory.mktemp("junk")
    words = Words("en")

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(where=st.sampled_from(paths), junk=JUNK)
    def check(where, junk):
        data = copy.deepcopy(plan)
        target = data
        for key in where[:-1]:
            target = target[key]
        target[where[-1]] = junk
        path = folder / "plan.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        got = read_facts(path, "plan.json", TODAY)
        assert isinstance(got, PlanFacts | Skipped)
        if isinstance(got, Skipped):
            message = words.get(got.key, **got.params)
            assert message != got.key and "{" not in message

    check()


def test_deep_big_and_odd_files_are_skipped(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    big = tmp_path / "big.json"
    with big.open("wb") as f:
        f.write(b'{"format": "making-it-real-plan", "x": "')
        f.seek(MAX_BYTES + 10)
        f.write(b'"}')
    listed = tmp_path / "list.json"
    listed.write_text("[1, 2, 3]")
    got = {p.name: read_facts(p, p.name, TODAY) for p in (deep, big, listed)}
    assert got["deep.json"].kind == "damaged" and got["big.json"].kind == "damaged"
    assert got["list.json"].kind == "foreign"
    assert read_facts(tmp_path / "gone.json", "gone.json", TODAY).kind == "unreadable"


def test_the_report_benchmark_gives_its_figures_in_the_shape_bench_expects():
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "report_bench.py"
    spec = importlib.util.spec_from_file_location("report_bench", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    rows = bench.measure(plans=150)
    assert len(rows) == 7 and len({r["name"] for r in rows}) == 7
    ratio = next(r for r in rows if "/ json.load only" in r["name"])
    assert ratio["target"] == 3.0 and ratio["value"] > 0 and "wall clock" in ratio["note"]
    assert any("150 plans" in r["name"] for r in rows)
