"""The plan's JSON file: versioned, documented by its schema, re-importable byte for byte, and
refusing bad or hostile files with a message that says what is wrong and where."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.export import export_plan
from game.export.clean import clean_plan
from game.export.sample import feature_plan, long_plan
from game.model.plan import Note, Plan
from game.model.planio import (
    MAX_BYTES,
    SCHEMA_PATH,
    PlanFormatError,
    load_plan_data,
    plan_schema,
    plan_to_json,
    read_plan,
    validate,
)


def good_dict() -> dict:
    return json.loads(plan_to_json(feature_plan()))


def test_json_is_versioned_and_names_itself_first(tmp_path):
    path = export_plan(feature_plan(), ["json"], tmp_path)[0]
    data = json.loads(path.read_text(encoding="utf-8"))
    assert list(data)[:2] == ["format", "version"]
    assert data["format"] == "making-it-real-plan" and data["version"] == 1
    assert "Zoë Brontë 🌻" in path.read_text(encoding="utf-8")  # readable, not \u-escaped


def test_export_import_export_is_byte_identical(tmp_path):
    first = export_plan(feature_plan(), ["json"], tmp_path / "a")[0]
    plan = read_plan(first)
    second = export_plan(plan, ["json"], tmp_path / "b")[0]
    assert first.read_bytes() == second.read_bytes()
    assert plan == clean_plan(feature_plan())


def test_round_trip_of_a_long_plan():
    text = plan_to_json(long_plan(200))
    assert plan_to_json(read_plan(text)) == text


def test_schema_is_valid_and_agrees_with_jsonschema():
    schema = plan_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(good_dict(), schema)
    assert validate(good_dict(), schema) == []
    # No made-up web address: the only URL is the JSON Schema dialect the file is written in.
    assert "$id" not in schema
    assert re.findall(r"https?://[^\s\"']+", SCHEMA_PATH.read_text(encoding="utf-8")) == [
        "https://json-schema.org/draft/2020-12/schema"
    ]


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(mode="party"),
        lambda d: d["themes"][0]["notes"][0].update(section="later"),
        lambda d: d["themes"][0].update(colour="red; background: url(x)"),
        lambda d: d["themes"][0].update(icon="../../etc/passwd"),
        lambda d: d["themes"][0]["statements"][0]["ratings"][0].update(point_id=3),
        lambda d: d.update(practice="yes"),
        lambda d: d.update(surprise=1),
        lambda d: d.pop("title"),
        lambda d: d.update(date="23/11/2026"),
        lambda d: d["themes"][1]["actions"][0].update(status="finished"),
        lambda d: d["participants"].append({"id": "x"}),
        lambda d: d.update(title="x" * 501),
    ],
)
def test_our_validator_and_jsonschema_agree_on_bad_files(change):
    data = good_dict()
    change(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, plan_schema())
    assert validate(data, plan_schema())
    with pytest.raises(PlanFormatError):
        read_plan(json.dumps(data))


def test_a_pattern_must_match_to_the_very_end():
    # Python's "$" would accept a trailing newline (jsonschema does); JSON Schema means the end.
    data = good_dict()
    data["next_review"] = "2027-02-23\n"
    assert validate(data, plan_schema())


def message_for(text: str | bytes) -> str:
    with pytest.raises(PlanFormatError) as err:
        read_plan(text)
    return str(err.value)


def test_messages_name_what_is_wrong_and_where():
    data = good_dict()
    data["themes"][0]["notes"][0]["section"] = "later"
    msg = message_for(json.dumps(data))
    assert "themes[0].notes[0].section" in msg and "do" in msg and "later" in msg

    data = good_dict()
    data["themes"][0]["statements"][0]["ratings"][0]["point_id"] = 3
    msg = message_for(json.dumps(data))
    assert "themes[0].statements[0].ratings[0].point_id" in msg and "text" in msg and "whole number" in msg

    data = good_dict()
    data["practice"] = "yes"
    assert "practice" in message_for(json.dumps(data)) and "true or false" in message_for(json.dumps(data))

    data = good_dict()
    del data["title"]
    assert "'title' is missing" in message_for(json.dumps(data))

    data = good_dict()
    data["surprise"] = 1
    assert "'surprise' is not something a plan file can have" in message_for(json.dumps(data))


def test_every_problem_is_listed():
    data = good_dict()
    data["mode"] = "party"
    data["practice"] = "yes"
    with pytest.raises(PlanFormatError) as err:
        read_plan(json.dumps(data))
    assert len(err.value.problems) == 2
    assert err.value.key == "plan_file_invalid"


def test_wrong_version_and_wrong_kind_of_file():
    data = good_dict()
    data["version"] = 2
    assert "version 2" in message_for(json.dumps(data)) and "version 1" in message_for(json.dumps(data))
    data["version"] = True
    assert "version" in message_for(json.dumps(data))
    assert "not a Making It Real plan" in message_for('{"format": "something-else", "version": 1}')
    assert "not a Making It Real plan" in message_for("[1, 2, 3]")
    assert "not valid JSON" in message_for("{not json")
    assert "line 1" in message_for("{not json")


def test_hostile_files_are_refused_quickly(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    assert "nested too deeply" in message_for(deep)
    deep_ok_json = '{"format": "making-it-real-plan", "version": 1, "title": ' + "[" * 30 + "]" * 30 + "}"
    assert "nested too deeply" in message_for(deep_ok_json)
    big = tmp_path / "big.json"
    big.write_bytes(b"{" + b" " * (MAX_BYTES + 10) + b"}")
    with pytest.raises(PlanFormatError) as err:
        read_plan(big)
    assert "too big" in str(err.value)
    assert "too big" in message_for(b"{" + b" " * (MAX_BYTES + 10) + b"}")
    twice = message_for('{"format": "making-it-real-plan", "format": "x"}')
    assert twice == "This plan file has 'format' twice in one place."
    assert message_for('{"format": "making-it-real-plan", "version": NaN}') == (
        "This plan file has a number we cannot use: NaN."
    )
    assert "UTF-8" in message_for(b"\xff\xfe{\x00")
    huge_number = '{"format": "making-it-real-plan", "version": 1' + "0" * 5000 + "}"
    assert "a number we cannot use" in message_for(huge_number)
    assert "UTF-8" in message_for('{"title": "\ud800"}')
    assert "Could not read" in message_for("a\x00name.json")
    many = good_dict()
    many["participants"] = [{"id": str(i), "label": "x"} for i in range(101)]
    assert "too many" in message_for(json.dumps(many))


def test_missing_file_and_folder_messages(tmp_path):
    with pytest.raises(PlanFormatError) as err:
        read_plan(tmp_path / "nope.json")
    assert "Could not read the plan file" in str(err.value)
    with pytest.raises(PlanFormatError):
        read_plan(tmp_path)


def test_reads_paths_text_bytes_and_bom():
    text = plan_to_json(feature_plan())
    assert read_plan(text) == read_plan(text.encode("utf-8")) == read_plan(("\ufeff" + text).encode("utf-8"))
    assert load_plan_data(text)["title"] == "Rosé Court / Flat 2 ✨"


def test_welsh_messages():
    with pytest.raises(PlanFormatError) as err:
        read_plan("{oops", language="cy")
    assert err.value.key == "plan_file_not_json"


odd_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), min_codepoint=0, max_codepoint=0x10FFFF),
    max_size=300,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=odd_text, note=odd_text, who=odd_text)
def test_any_text_round_trips_and_exports(tmp_path_factory, title, note, who):
    plan = feature_plan()
    plan.title = title
    plan.themes[0].notes.append(Note("nx", "dont", note, who))
    plan.themes[0].actions[0].what = note
    out = tmp_path_factory.mktemp("any")
    paths = export_plan(plan, ["json", "docx", "html", "md", "csv", "easyread"], out)
    assert len(paths) == 7
    text = paths[0].read_text(encoding="utf-8")
    again = read_plan(text)
    assert plan_to_json(again) == text
    assert isinstance(again, Plan)


def test_schema_knows_every_field_of_the_plan_records():
    """If a field is added to a plan record, the schema (and so read_plan) must learn it too."""
    import dataclasses

    from game.model import plan as P

    defs = plan_schema()["$defs"]
    records = {
        "participant": P.Participant, "deck": P.DeckRef, "rating": P.Rating, "statement": P.Statement,
        "note": P.Note, "action": P.Action, "theme": P.ThemeRecord, "parked": P.Parked, "lookback": P.LookBack,
    }  # fmt: skip
    for name, cls in records.items():
        fields = {f.name for f in dataclasses.fields(cls)}
        assert fields == set(defs[name]["properties"]), name
        required = {f.name for f in dataclasses.fields(cls)
                    if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}  # fmt: skip
        assert required <= set(defs[name]["required"]), name
    assert {f.name for f in dataclasses.fields(P.Plan)} == set(plan_schema()["properties"])
