"""One exporter registry: each format's name, the files it writes and its renderer, read alike by the
command line, the export screen and these tests."""

from __future__ import annotations

from game.cli import build_parser
from game.export import EXPORTERS, FORMATS, export_plan, format_of, render_all
from game.export.sample import feature_plan
from game.words import Words


def test_each_format_writes_exactly_the_files_it_declares(tmp_path):
    plan = feature_plan()
    for name, exporter in EXPORTERS.items():
        files = render_all(plan, [name])
        assert tuple(sfx for sfx, _ in files) == exporter.suffixes
        assert all(data for _, data in files)
    paths = export_plan(plan, FORMATS, tmp_path)
    assert [format_of(p) for p in paths] == [n for n in FORMATS for _ in EXPORTERS[n].suffixes]
    assert format_of(tmp_path / "notes.txt") is None


def test_the_command_line_writes_every_format_unless_told_otherwise():
    args = build_parser().parse_args(["export", "plan.json"])
    assert args.format.split(",") == list(FORMATS)


def test_every_format_has_words_on_the_export_screen_in_each_language():
    for lang in ("en", "cy"):
        words = Words(lang)
        for name in FORMATS:
            assert words.has(f"format_{name}") and words.get(f"format_{name}").strip()


def test_the_export_screen_offers_the_registry_formats():
    from game.ui.harness import make_app
    from game.ui.screens.export import ExportScreen

    app = make_app((1280, 720))
    app.push(ExportScreen(app, feature_plan(), None))
    app.step([])
    offered = [w["key"].removeprefix("format:") for w in app.widgets() if w["key"].startswith("format:")]
    assert offered == list(FORMATS)
