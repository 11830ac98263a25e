"""Export files on disk and the ``export`` command: safe names, never overwriting, clear messages
for bad formats and ids, and exporting saved games and plans from the store."""

from __future__ import annotations

import json
import random

import pytest
from export_readback import read_csv, read_docx, read_html
from model_fixtures import group_setup, small_decks

from game.cli import main
from game.export import FORMATS, ExportError, export_plan, parse_formats
from game.export.filenames import DEFAULT_SLUG, base_name, slug
from game.export.sample import feature_plan
from game.model.autoplay import choose, play
from game.model.engine import Game
from game.model.planio import plan_to_json, read_plan


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Rosé Court / Flat 2 ✨", "rose-court-flat-2"),
        ("Ann’s plan", "anns-plan"),
        ("../../etc/passwd", "etc-passwd"),
        ("..", DEFAULT_SLUG),
        ("", DEFAULT_SLUG),
        ("🌻🌻", DEFAULT_SLUG),
        ("بيت", DEFAULT_SLUG),
        ("CON", DEFAULT_SLUG),
        ("C:\\Windows\\system32", "c-windows-system32"),
        ("a" * 500, "a" * 60),
        ("Ty Gwyn—Supported\x00living\n", "ty-gwyn-supported-living"),
    ],
)
def test_slug_is_safe(title, expected):
    assert slug(title) == expected


def test_base_name_uses_only_a_real_date():
    assert base_name("Oak", "2026-11-23") == "oak-2026-11-23"
    assert base_name("Oak", "../../x") == "oak"
    assert base_name("Oak", "2026-11-23T10:00:00", practice=True) == "oak-2026-11-23-practice"
    assert base_name("Oak", "2027-02-23", review=True) == "oak-review-2027-02-23"


def test_files_are_never_overwritten(tmp_path):
    first = export_plan(feature_plan(), FORMATS, tmp_path)
    before = {p: p.read_bytes() for p in first}
    second = export_plan(feature_plan(), FORMATS, tmp_path)
    third = export_plan(feature_plan(), ["html"], tmp_path)
    assert all(p.read_bytes() == data for p, data in before.items())
    assert [p.name for p in second][0] == "rose-court-flat-2-review-2026-11-23-2.docx"
    assert all("-2" in p.name for p in second)
    assert third[0].name == "rose-court-flat-2-review-2026-11-23-3.html"
    assert len(set(first + second + third)) == 15


def test_a_taken_name_for_one_format_moves_the_whole_set(tmp_path):
    (tmp_path / "rose-court-flat-2-review-2026-11-23-actions.csv").write_text("mine", encoding="utf-8")
    paths = export_plan(feature_plan(), ["html", "csv"], tmp_path)
    assert [p.name for p in paths] == [
        "rose-court-flat-2-review-2026-11-23-2.html",
        "rose-court-flat-2-review-2026-11-23-2-actions.csv",
    ]
    assert (tmp_path / "rose-court-flat-2-review-2026-11-23-actions.csv").read_text(
        encoding="utf-8"
    ) == "mine"


def test_a_full_disk_part_way_leaves_no_half_set(tmp_path, monkeypatch):
    import errno

    from game.export import filenames

    real = filenames.write_new
    calls = []

    def fills_up(folder, stem, suffix, data):
        calls.append(suffix)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(folder, stem, suffix, data)

    monkeypatch.setattr(filenames, "write_new", fills_up)
    with pytest.raises(OSError):
        export_plan(feature_plan(), FORMATS, tmp_path)
    assert list(tmp_path.iterdir()) == []
    # Once there is room again the export takes the usual names, not "-2".
    monkeypatch.setattr(filenames, "write_new", real)
    paths = export_plan(feature_plan(), ["html"], tmp_path)
    assert [p.name for p in paths] == ["rose-court-flat-2-review-2026-11-23.html"]


def test_output_folder_is_made(tmp_path):
    paths = export_plan(feature_plan(), ["md"], tmp_path / "new" / "folder")
    assert paths[0].parent == tmp_path / "new" / "folder"


def test_the_plan_passed_in_is_not_changed(tmp_path):
    plan = feature_plan()
    plan.themes[0].notes[0].text = "bad \x00 control"
    before = plan_to_json(plan)
    export_plan(plan, FORMATS, tmp_path)
    assert plan_to_json(plan) == before


def test_format_names(tmp_path):
    assert parse_formats("docx, HTML,.md,,docx") == ["docx", "html", "md"]
    assert parse_formats(["csv", "json"]) == ["csv", "json"]
    with pytest.raises(ExportError) as err:
        export_plan(feature_plan(), ["docx", "pdf"], tmp_path)
    assert "'pdf' is not a format we can make" in str(err.value) and "easyread" in str(err.value)
    assert list(tmp_path.iterdir()) == []  # nothing half-made


# ---- the command ---------------------------------------------------------------------------------


def write_plan_file(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text(plan_to_json(feature_plan()), encoding="utf-8")
    return path


def test_cli_exports_a_plan_file(tmp_path, capsys):
    src = write_plan_file(tmp_path)
    code = main(["export", str(src), "--format", "docx,csv", "--out", str(tmp_path / "out")])
    assert code == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"Saved {tmp_path / 'out' / 'rose-court-flat-2-review-2026-11-23.docx'}",
        f"Saved {tmp_path / 'out' / 'rose-court-flat-2-review-2026-11-23-actions.csv'}",
    ]
    assert (2, "Living the life I want") in read_docx(
        tmp_path / "out" / "rose-court-flat-2-review-2026-11-23.docx"
    ).headings()


def test_cli_bad_format_exits_2_and_writes_nothing(tmp_path, capsys):
    src = write_plan_file(tmp_path)
    code = main(["export", str(src), "--format", "docx,pdf", "--out", str(tmp_path / "out")])
    assert code == 2
    err = capsys.readouterr().err
    assert "'pdf' is not a format we can make. Choose from: docx, html, md, json, csv, easyread." in err
    assert not (tmp_path / "out").exists()
    assert main(["export", str(src), "--format", " , ", "--out", str(tmp_path / "out")]) == 2


def test_cli_unknown_id_and_bad_file(tmp_path, capsys):
    code = main(["export", "no-such-game", "--out", str(tmp_path), "--data-dir", str(tmp_path / "data")])
    assert code == 2
    assert "Could not find a saved game, plan or plan file called 'no-such-game'." in capsys.readouterr().err
    assert main(["export", str(tmp_path / "missing.json"), "--out", str(tmp_path)]) == 2
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "making-it-real-plan", "version": 9}', encoding="utf-8")
    assert main(["export", str(bad), "--out", str(tmp_path)]) == 1
    assert "version 9" in capsys.readouterr().err


def test_cli_unwritable_folder(tmp_path, capsys):
    src = write_plan_file(tmp_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["export", str(src), "--format", "md", "--out", str(blocker / "sub")]) == 1
    assert "Could not write to the folder" in capsys.readouterr().err


def test_cli_exports_saved_games_and_plans(tmp_path, capsys):
    from game.store import open_store
    from game.store.session import PlaySession

    data = tmp_path / "data"
    with open_store(data) as store:
        # One finished game (its plan is kept), one stopped half-way (replayed for its draft).
        done = PlaySession.start(store, small_decks(), group_setup(title="Oak House"), game_id="g-done")
        rng = random.Random(3)
        while done.game.state.phase != "finished":
            assert done.apply(choose(done.game, rng)).ok
        half = PlaySession.start(store, small_decks(), group_setup(title="Elm Court"), game_id="g-half")
        rng = random.Random(5)
        for _ in range(12):
            assert half.apply(choose(half.game, rng)).ok
        expected_half = half.game.plan()
        plan_id = done.plan_id
    assert plan_id

    for item, title in (("g-done", "Oak House"), (plan_id, "Oak House"), ("g-half", "Elm Court")):
        out = tmp_path / f"out-{item}"
        assert (
            main(["export", item, "--format", "json,html", "--out", str(out), "--data-dir", str(data)]) == 0
        )
        written = sorted(out.iterdir())
        assert len(written) == 2
        plan = read_plan(next(p for p in written if p.suffix == ".json"))
        assert plan.title == title
        html_doc = read_html(next(p for p in written if p.suffix == ".html"))
        assert html_doc.headings()[0] == (1, f"Making It Real plan: {title}")
    capsys.readouterr()
    half_json = read_plan(next((tmp_path / "out-g-half").glob("*.json")))
    assert half_json == read_plan(plan_to_json(expected_half))


# ---- a real game, played by the engine -------------------------------------------------------------


def test_a_played_game_exports_everything_it_recorded(tmp_path):
    g = Game.new(small_decks())
    assert g.apply({"type": "start_game", "setup": group_setup(n=4)}).ok
    play(g, seed=11, pass_rate=0.2)
    plan = g.plan()
    assert plan.finished
    paths = export_plan(plan, FORMATS, tmp_path)
    assert len(paths) == 7
    doc = read_docx(paths[0])
    text = doc.all_text()
    for theme in plan.themes:
        assert theme.title in [t for level, t in doc.headings() if level == 2]
        for s in theme.statements:
            assert s.text in text
        for n in theme.notes:
            assert n.text in text
        for a in theme.actions:
            assert a.what in text
    passes = sum(1 for t in plan.themes for s in t.statements for r in s.ratings if r.point_id is None)
    cells = [c for t in doc.tables for row in t for c in row]
    assert [c.strip() for c in cells].count("chose not to say") == passes
    data = json.loads(paths[3].read_text(encoding="utf-8"))
    assert data["format"] == "making-it-real-plan"
    assert plan_to_json(read_plan(paths[3])) == paths[3].read_text(encoding="utf-8")
    actions = sum(len(t.actions) for t in plan.themes)
    assert len(paths[4].read_text(encoding="utf-8-sig").strip().splitlines()) == actions + 1
    # It was checked together when the game ended, and the plan says so.
    assert plan.checked_on and "Checked together: We checked this together on" in " ".join(doc.texts())


def test_a_review_game_starts_from_an_exported_plan(tmp_path):
    """The JSON file is the way into a review: its actions come back for "You said, we did"."""
    g = Game.new(small_decks())
    g.apply({"type": "start_game", "setup": group_setup(n=2)})
    play(g, seed=4, pass_rate=0.0)
    first = export_plan(g.plan(), ["json"], tmp_path)[0]
    previous = read_plan(first)
    review = Game.new(small_decks())
    out = review.apply(
        {"type": "start_game", "setup": group_setup(n=2, previous_plan=previous.to_dict(), date="2027-02-23")}
    )
    assert out.ok, out
    play(review, seed=5, pass_rate=0.0)
    plan = review.plan()
    assert plan.previous_date == "2026-11-23"
    looked_back = {y.action.what for y in plan.you_said_we_did}
    # The look-back round asks about last plan's actions (a look-back tile may add this plan's own).
    assert looked_back & {a.what for a in previous.all_actions()}
    doc = read_docx(export_plan(plan, ["docx"], tmp_path / "review")[0])
    ysd = [t for t in doc.tables if t[0][0] == "You said"][0]
    assert {row[0] for row in ysd[1:]} == looked_back


def test_one_to_one_easy_read_puts_the_persons_own_choices_under_what_i_said(tmp_path):
    g = Game.new(small_decks())
    setup = group_setup(
        n=2,
        mode="one-to-one",
        dice=False,
        players=[
            {"id": "p1", "name": "Ann Jones", "shown_as": "name", "role": "person", "shape": "circle",
             "colour": "#0072B2"},
            {"id": "p2", "name": "Sam Patel", "shown_as": "initials", "role": "supporter", "shape": "square",
             "colour": "#D55E00"},
        ],
    )  # fmt: skip
    assert g.apply({"type": "start_game", "setup": setup}).ok
    play(g, seed=2, pass_rate=0.0)
    plan = g.plan()
    chosen = [s.easy_read or s.text for t in plan.themes for s in t.statements]
    assert chosen
    doc = read_html(export_plan(plan, ["easyread"], tmp_path)[0])
    heads = [t for level, t in doc.headings() if level == 3]
    assert "What I said" in heads and "What people said" not in heads
    assert doc.headings()[0] == (1, "My Making It Real plan")
    assert "SP (Supporter)" in doc.texts("li")


def test_a_plan_dict_as_the_store_keeps_it_exports_the_same(tmp_path):
    from_obj = export_plan(feature_plan(), ["json", "md"], tmp_path / "a")
    from_dict = export_plan(feature_plan().to_dict(), "json,md", tmp_path / "b")
    assert [p.read_bytes() for p in from_obj] == [p.read_bytes() for p in from_dict]


def test_an_empty_plan_still_exports_every_format(tmp_path):
    from game.model.plan import Plan

    empty = Plan(title="  ", service="", date="", mode="group")
    paths = export_plan(empty, FORMATS, tmp_path)
    assert [p.name for p in paths][:2] == ["making-it-real-plan.docx", "making-it-real-plan.html"]
    doc = read_docx(paths[0])
    assert doc.headings()[0] == (1, "Making It Real plan")
    assert "Service: Not set yet" in doc.texts() and "Date: Not set yet" in doc.texts()
    assert read_plan(paths[3]) == empty


def test_a_scripted_game_reads_right_in_the_exports(tmp_path):
    """Step by step, as a group would play: every word they chose lands where it belongs."""
    g = Game.new(small_decks())

    def ok(cmd):
        out = g.apply(cmd)
        assert out.ok, (cmd, out)

    ok({"type": "start_game", "setup": group_setup(dice=False, themes=["living", "connected", "control"])})
    ok({"type": "choose_theme", "theme": "connected"})
    card = g.state.turn.dealt[1]
    ok({"type": "pick_card", "card": card})
    ok({"type": "rate", "player": "p1", "point": "not-yet"})
    ok({"type": "rate", "player": "p2", "point": "real"})
    ok({"type": "pass", "player": "p3"})
    ok({"type": "next"})
    ok({"type": "add_note", "text": "Staff help me call my sister 📞.", "author": "p1"})
    ok({"type": "next"})
    ok({"type": "add_note", "text": "=We don't go to the café any more"})
    ok({"type": "next"})
    ok({"type": "pass"})
    ok({"type": "park", "text": "Money worries"})
    ok({"type": "agree_action", "what": "Find the café's opening times", "who": "p2", "who_kind": "player",
        "when": "next_week"})  # fmt: skip
    ok({"type": "end_turn"})
    ok({"type": "stop_game"})
    ok({"type": "confirm_plan"})

    paths = {p.suffix + p.stem.split("2026-11-23")[-1]: p for p in export_plan(g.plan(), FORMATS, tmp_path)}
    doc = read_docx(paths[".docx"])
    texts = doc.texts()
    statement = small_decks().card(card).text
    assert statement in texts
    ratings = next(t for t in doc.tables if t[0] == ["Who", "How real is it?"])
    assert [[c.strip() for c in row] for row in ratings[1:]] == [
        ["Player 1", "Not yet"], ["Player 2", "This is real for me"], ["Player 3", "chose not to say"]
    ]  # fmt: skip
    assert "People see this differently. Each view is shown as it was given." in texts
    assert "Staff help me call my sister 📞. (said by Player 1)" in texts
    assert "=We don't go to the café any more" in texts
    actions = next(t for t in doc.tables if t[0][0] == "What")
    assert actions[1] == ["Find the café's opening times", "Player 2", "by 30 November 2026", "Theme connected",
                          "agreed"]  # fmt: skip
    assert "Money worries (Theme: Theme connected)" in texts
    # Living was chosen but not talked about; the other three themes were not in play.
    assert texts.count("We did not talk about this theme this time.") == 5
    assert texts.count("It was not one of the themes chosen for this session.") == 3
    _, rows = read_csv(paths[".csv-actions"])
    assert rows[1][4:] == ["Action", "Theme connected", "Find the café's opening times", "Player 2",
                           "by 30 November 2026", "2026-11-30", "agreed", ""]  # fmt: skip
    assert rows[0][5] == "Theme"
    easy = read_html(paths[".html-easy-read"])
    assert small_decks().card(card).easy_read in " ".join(easy.texts("li"))
