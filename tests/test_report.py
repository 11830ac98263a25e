"""The provider's report, run as the command over a generated folder of sample plans: its numbers are
checked against counts made here independently, with the game's own plan import (full schema check)."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

from game.cli import main
from game.export.json import render
from game.model.autoplay import play
from game.model.engine import Game
from game.model.planio import PlanFormatError, read_plan
from game.model.textrules import add_months
from game.report import HTML_NAME, SHEET_NAME
from game.report.sample import make_sample, sample_deckset
from game.words import Words

TODAY = dt.date(2026, 11, 30)
GRACE = 14
W = Words("en")


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("plans")
    make_sample(path, services=14, seed=7, today=TODAY)
    return path


def run_report(folder: Path, out: Path, *extra: str) -> tuple[str, dict[str, list[list]]]:
    rc = main(["report", str(folder), "--out", str(out), "--today", TODAY.isoformat(), *extra])
    assert rc == 0
    html = (out / HTML_NAME).read_text(encoding="utf-8")
    return html, read_sheets(out / SHEET_NAME)


def read_sheets(path: Path) -> dict[str, list[list]]:
    """Each sheet as {its title (first cell): [header row, rows...]}."""
    book = load_workbook(path, read_only=True)
    out = {}
    for ws in book.worksheets:
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        out[rows[0][0]] = rows[1:]
    return out


@pytest.fixture(scope="module")
def report(folder, tmp_path_factory):
    return run_report(folder, tmp_path_factory.mktemp("out"))


def review_due(p) -> dt.date:
    """Three months after the plan, or the plan's own next review if that is sooner."""
    return min(add_months(dt.date.fromisoformat(p.date), 3), dt.date.fromisoformat(p.next_review))


def independent_counts(folder: Path) -> dict:
    """What the report should say, worked out from the spec with the game's own import."""
    plans, practice, bad, seen_ids = [], [], [], set()
    for path in sorted(folder.rglob("*.json")):
        try:
            plan = read_plan(path)
        except PlanFormatError:
            bad.append(path.name)
            continue
        if plan.practice or plan.mode == "workshop":
            practice.append(path.name)
        elif (plan.game_id or path.read_bytes()) not in seen_ids:
            # Plans the game makes today carry no id: then only the very same file is the same plan.
            seen_ids.add(plan.game_id or path.read_bytes())
            plans.append(plan)
    by_service: dict[str, list] = {}
    for plan in plans:
        by_service.setdefault(plan.service, []).append(plan)
    services = {}
    for name, ps in by_service.items():
        latest = max(ps, key=lambda p: (p.date, p.finished))
        together = [p for p in ps if p.finished and len(p.participants) >= 2]
        year_ago = add_months(TODAY, -12)
        services[name] = {
            "latest": latest,
            "due": review_due(latest),
            "overdue": TODAY > review_due(latest) + dt.timedelta(days=GRACE),
            "last_year": sum(1 for p in ps if year_ago < dt.date.fromisoformat(p.date) <= TODAY),
            "in_date": any(TODAY <= review_due(p) + dt.timedelta(days=GRACE) for p in together),
        }
    actions: Counter = Counter()
    for s in services.values():
        latest = s["latest"]
        ids = {a.id for a in latest.all_actions()}
        for t in latest.themes:
            for a in t.actions:
                actions[t.title, a.status] += 1
                if (
                    a.status in ("agreed", "started", "not_yet")
                    and a.due
                    and dt.date.fromisoformat(a.due) < TODAY
                ):
                    actions[t.title, "overdue"] += 1
        for y in latest.you_said_we_did:
            if y.status in ("done", "not_needed") and y.action.id not in ids:
                actions[latest.theme(y.action.theme).title, y.status] += 1
    not_yet: Counter = Counter()
    views: Counter = Counter()
    moves: Counter = Counter()
    score = {"not-yet": 0, "sometimes": 1, "real": 2}
    for plan in plans:
        for t in plan.themes:
            last = {s.card_id: s for s in t.statements if s.carried_over}
            now = {s.card_id: s for s in t.statements if not s.carried_over}
            for card in set(last) & set(now):
                old = [score[r.point_id] for r in last[card].ratings if r.point_id in score]
                new = [score[r.point_id] for r in now[card].ratings if r.point_id in score]
                if old and new:
                    diff = sum(new) / len(new) - sum(old) / len(old)
                    way = "up" if diff > 0 else "down" if diff < 0 else "same"
                    moves[t.title, way] += 1
                    moves[card, way] += 1
    for plan in plans:
        for t in plan.themes:
            for st in t.statements:
                if not st.carried_over:
                    for r in st.ratings:
                        if r.point_id:
                            views[t.title] += 1
                            not_yet[t.title] += r.point_id == "not-yet"
    return {"services": services, "actions": actions, "not_yet": not_yet, "views": views, "moves": moves, "plans": plans,
            "practice": practice, "bad": bad}  # fmt: skip


def test_the_report_counts_match_counts_made_independently(folder, report):
    check_counts(folder, *report)


def test_plans_made_by_the_game_itself_are_counted_the_same_way(tmp_path):
    """A plan and its review played through the real engine and exported by the game's JSON export."""
    decks = sample_deckset()
    setup = {"mode": "group", "title": "Rowan House", "service": "Rowan House", "date": "2026-05-04",
             "players": [{"name": "Isolde Crabtree"}, {"name": "Jolyon Hollis", "shape": "square"},
                         {"name": "", "shown_as": "anonymous", "shape": "star"}]}  # fmt: skip
    first = Game.new(decks)
    assert first.apply({"type": "start_game", "setup": setup}).ok
    play(first, seed=3)
    review = Game.new(decks)
    again = {**setup, "date": "2026-08-10", "previous_plan": first.plan().to_dict()}
    assert review.apply({"type": "start_game", "setup": again}).ok
    play(review, seed=4)
    (tmp_path / "in").mkdir()
    for n, game in enumerate((first, review)):
        (tmp_path / "in" / f"plan-{n}.json").write_bytes(render(game.plan()))
    html, sheets = run_report(tmp_path / "in", tmp_path / "out")
    check_counts(tmp_path / "in", html, sheets)
    assert "Isolde" not in html and sheets[W.get("report_t_services")][1][0] == "Rowan House"


def check_counts(folder: Path, html: str, sheets: dict) -> None:
    want = independent_counts(folder)
    services = want["services"]
    rows = sheets[W.get("report_t_services")][1:]
    assert len(rows) == len(services) >= 1
    for name, latest, due, overdue, _days, last_year, in_date in rows:
        s = services[name]
        assert latest.date().isoformat() == s["latest"].date
        assert due.date() == s["due"]
        assert overdue == W.get("report_yes" if s["overdue"] else "report_no"), name
        assert last_year == s["last_year"], name
        assert in_date == W.get("report_yes" if s["in_date"] else "report_no"), name
    in_date = sum(1 for s in services.values() if s["in_date"])
    head = sheets[W.get("report_t_headline")]
    assert head[1][1] == in_date
    share = f"{round(100 * in_date / len(services), 1):g}%"
    assert share in html and W.get("report_headline", n=in_date, total=len(services)) in html

    themes = sheets[W.get("report_t_actions_theme")]
    statuses = ("agreed", "started", "not_yet", "done", "not_needed", "overdue")
    for theme, *counts in themes[1:]:
        assert counts == [want["actions"][theme, s] for s in statuses], theme
    assert sum(sum(r[1:]) for r in themes[1:]) == sum(want["actions"].values())
    by_service = sheets[W.get("report_t_actions_service")]
    assert [sum(r[i] for r in by_service[1:]) for i in range(1, 7)] == [
        sum(r[i] for r in themes[1:]) for i in range(1, 7)
    ]

    for theme, given, n, pct in sheets[W.get("report_t_not_yet_theme")][1:]:
        assert (given, n) == (want["views"][theme], want["not_yet"][theme])
        assert pct == round(100 * n / given, 1)
    moved = sheets[W.get("report_t_moved_theme")][1:]
    for theme, up, down, same in moved:
        assert (up, down, same) == tuple(want["moves"][theme, way] for way in ("up", "down", "same")), theme
    assert W.get("report_meta", today=TODAY.isoformat(), plans=len(want["plans"]), services=len(services),
                  grace=GRACE).replace("'", "&#39;") in html  # fmt: skip


def test_overdue_services_are_found_and_grace_days_move_the_line(folder, report, tmp_path):
    _html, sheets = report
    want = independent_counts(folder)["services"]
    overdue = {r[0] for r in sheets[W.get("report_t_services")][1:] if r[3] == W.get("report_yes")}
    assert overdue == {n for n, s in want.items() if s["overdue"]} and overdue
    # A year's grace leaves only services more than 15 months behind overdue.
    _html, wide = run_report(folder, tmp_path, "--grace-days", "365")
    late = {r[0] for r in wide[W.get("report_t_services")][1:] if r[3] == W.get("report_yes")}
    assert late == {n for n, s in want.items() if TODAY > s["due"] + dt.timedelta(days=365)}
    assert late < overdue


def test_skipped_files_are_listed_with_why_and_copies_count_once(folder, report):
    html, sheets = report
    skipped = {Path(r[0]).name: (r[1], r[2]) for r in sheets[W.get("report_t_skipped")][1:]}
    kinds = {name: kind for name, (kind, _why) in skipped.items()}
    assert kinds["cut-short.json"] == W.get("report_kind_damaged")
    assert kinds["not-utf8.json"] == W.get("report_kind_damaged")
    assert kinds["themes-not-a-list.json"] == W.get("report_kind_damaged")
    assert kinds["settings.json"] == W.get("report_kind_foreign")
    assert kinds["from-a-newer-game.json"] == W.get("report_kind_newer")
    assert "version 2" in skipped["from-a-newer-game.json"][1]
    assert skipped["cut-short.json"][1].startswith(W.get("report_skip_broken_json").split("(")[0])
    assert skipped["themes-not-a-list.json"][1] == W.get("report_skip_field", where="themes")
    want = independent_counts(folder)
    assert sorted(n for n, k in kinds.items() if k == W.get("report_kind_practice")) == sorted(
        want["practice"]
    )
    copies = sorted(p.name for p in (folder / "copies").iterdir())
    again = [r for r in sheets[W.get("report_t_skipped")][1:] if r[1] == W.get("report_kind_again")]
    assert sorted(Path(r[0]).name for r in again) == copies
    for path, _kind, why in again:  # the copy met first, in folder order, is counted; the other names it
        other = next(p for p in folder.rglob(Path(path).name) if p.relative_to(folder).as_posix() != path)
        assert why == W.get("report_skip_again", first=other.relative_to(folder).as_posix())
        assert other.relative_to(folder).parts < Path(path).parts
    assert "minutes.txt" not in html and W.get("report_i_skipped", n=len(skipped), other=1) in html


def test_no_names_or_notes_without_with_names(folder, report, tmp_path):
    html, sheets = report
    people, notes = set(), set()
    for path in folder.rglob("*.json"):
        try:
            plan = read_plan(path)
        except PlanFormatError:
            continue
        people.update(p.label for p in plan.participants if p.shown_as == "name")
        notes.update(n.text for t in plan.themes for n in t.notes)
        notes.update(a.what for a in plan.all_actions())
    assert people and notes
    sheet_text = json.dumps(sheets, default=str)
    for text in people | notes:
        assert text not in html and json.dumps(text)[1:-1] not in sheet_text, text
    for surname in ("Abernethy", "Fothergill", "Gwilliam"):
        assert not re.search(surname, html + sheet_text)
    named_html, named = run_report(folder, tmp_path, "--with-names")
    assert any(name in named_html for name in people)
    assert any(text in named_html for text in notes)
    assert W.get("report_t_people") in named and W.get("report_privacy_names") in named_html


def test_plan_without_an_id_found_twice_counts_once_and_hostile_text_stays_text(tmp_path):
    plans = tmp_path / "in"
    make_sample(plans, services=2, seed=3, today=TODAY, problems=False)
    one = sorted(plans.rglob("*.json"))[0]
    data = json.loads(one.read_text(encoding="utf-8"))
    data["game_id"] = None
    data["service"] = '=HYPERLINK("http://x.example","y") <script>alert(1)</script>'
    one.write_text(json.dumps(data), encoding="utf-8")
    (plans / "again").mkdir()
    shutil.copy(one, plans / "again" / "same.json")
    html, sheets = run_report(plans, tmp_path / "out")
    names = [r[0] for r in sheets[W.get("report_t_services")][1:]]
    assert names.count(data["service"]) == 1  # a text, not a formula, in the spreadsheet
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    again = [r for r in sheets[W.get("report_t_skipped")][1:] if r[1] == W.get("report_kind_again")]
    assert len(again) == 1


def test_sample_plans_are_real_plan_files_and_the_same_seed_makes_the_same_folder(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    made = make_sample(a, services=5, seed=11, today=TODAY)
    make_sample(b, services=5, seed=11, today=TODAY)
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)
    good = [read_plan(p) for p in a.rglob("*.json") if p.parent.name != "odd"]
    assert len(good) == made["plans"] + made["copies"] + made["practice"]
    reviews = [p for p in good if p.previous_date]
    assert reviews and any(p.you_said_we_did for p in reviews)
    assert any(s.carried_over for p in reviews for t in p.themes for s in t.statements)


def test_welsh_words_and_bad_options(folder, tmp_path, capsys):
    assert (
        main(["report", str(folder), "--out", str(tmp_path), "--today", "2026-11-30", "--language", "cy"])
        == 0
    )
    html = (tmp_path / HTML_NAME).read_text(encoding="utf-8")
    assert Words("cy").get("report_title") in html and 'lang="cy"' in html
    assert main(["report", str(folder), "--today", "30/11/2026"]) == 2
    assert main(["report", str(tmp_path / "nowhere")]) == 1
    err = capsys.readouterr().err
    assert "30/11/2026" in err and "nowhere" in err


def test_make_sample_from_the_command_line(tmp_path, capsys):
    assert main(["report", "--make-sample", str(tmp_path / "s"), "--services", "3", "--seed", "2"]) == 0
    assert "3" in capsys.readouterr().out
    assert len(list((tmp_path / "s").rglob("*.json"))) > 3


def test_every_chart_is_inline_svg_with_a_table_of_the_same_numbers_and_nothing_to_fetch(report):
    html, _sheets = report
    assert "<script" not in html and "<link" not in html and "<img" not in html and "@import" not in html
    assert not re.search(r"(src|href)=\"(https?:)?//", html)
    sections = re.findall(r'<section id="([a-z_]+)"[^>]*>(.*?)</section>', html, re.S)
    charted = 0
    for name, body in sections:
        svg = re.search(r"<svg.*?</svg>", body, re.S)
        if not svg:
            continue
        charted += 1
        drawn = re.findall(r"<text x=\"[0-9.]+\" y=\"[0-9.]+\">([0-9.]+%?)</text>", svg.group(0))
        table = re.search(r"<table>.*?</table>", body, re.S).group(0)
        cells = [
            re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)
        ]
        numbers = [c for row in cells if row for c in row[1:] if re.fullmatch(r"[0-9.]+%?", c)]
        assert drawn and set(drawn) <= set(numbers), name
        # Every series has its own fill pattern and a legend entry naming it: never colour alone.
        patterns = re.findall(r'<pattern id="([^"]+)"', svg.group(0))
        assert len(patterns) == len(set(patterns)) and 'fill="url(#' in svg.group(0)
        assert len(drawn) == len([row for row in cells if row]) * len(patterns), name
    assert charted >= 8
