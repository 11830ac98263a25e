"""Settings are kept between runs, bad files fall back to defaults, and a change shows at once."""

import json

from game.ui.harness import make_app, push_screen
from game.ui.settings import Settings, load_settings, save_settings


def test_round_trip(tmp_path):
    p = tmp_path / "settings.json"
    s = Settings(text_size=1.4, high_contrast=True, language="cy", speech_rate="slow", dyslexic_font=True)
    assert save_settings(s, p)
    assert load_settings(p) == s


def test_broken_or_odd_files_give_defaults(tmp_path):
    p = tmp_path / "settings.json"
    p.write_text("{not json", encoding="utf-8")
    assert load_settings(p) == Settings()
    p.write_text(
        json.dumps({"text_size": 99, "language": "xx", "high_contrast": "yes", "unknown": 1}),
        encoding="utf-8",
    )
    s = load_settings(p)
    assert s.text_size == 1.0 and s.language == "en" and s.high_contrast is False
    assert load_settings(tmp_path / "missing.json") == Settings()


def test_unwritable_folder_loses_nothing(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert save_settings(Settings(), blocker / "settings.json") is False


def test_tapping_a_setting_changes_the_screen_at_once():
    from game.ui.input_events import tap_events

    app = make_app((1920, 1080))
    push_screen(app, "settings")
    app.step([])
    chip = next(w for w in app.widgets() if w["key"] == "high_contrast:True")
    assert app.step(tap_events(chip["rect"].center)) is True
    assert app.settings.high_contrast is True
    assert app.ctx.look.name == "high-contrast"
    big = next(w for w in app.widgets() if w["key"] == "text_size:1.4")
    app.step(tap_events(big["rect"].center))
    assert app.ctx.m.text_scale == 1.4
    title = next(w for w in app.widgets() if w["key"] == "title")
    assert title["font_px"] > 44 * 1.2
    cy = next(w for w in app.widgets() if w["key"] == "language:cy")
    app.step(tap_events(cy["rect"].center))
    assert app.words.language == "cy"
