"""`making-it-real demo --describe FILE`: one JSON line per distinct frame, and the demo's settings
(timer, text size, look, language, dice, players) reach the game it plays."""

import json

from game.cli import main

FIELDS = {"role", "key", "label", "shown", "rect", "font_px", "fg", "bg", "enabled"}


def run_demo(tmp_path, *extra):
    out = tmp_path / "frames.jsonl"
    rc = main(["demo", "--headless", "--data-dir", str(tmp_path / "data"), "--describe", str(out), *extra])
    assert rc == 0
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_describe_writes_each_distinct_frame_with_every_widget_field(tmp_path):
    frames = run_demo(tmp_path, "--mode", "one-to-one", "--seed", "2")
    assert len(frames) > 20
    lines = [json.dumps(f, sort_keys=True) for f in frames]
    assert len(set(lines)) == len(lines), "each frame once"
    screens = {f["screen"] for f in frames}
    assert {"start", "setup", "play", "export"} <= screens
    for f in frames:
        assert set(f) == {"window", "screen", "step", "size", "widgets"} and f["window"] == "shared"
        assert f["size"] == [1920, 1080]
        for w in f["widgets"]:
            assert FIELDS <= set(w), w
            assert len(w["rect"]) == 4
            for c in ("fg", "bg"):
                assert w[c] is None or (w[c].startswith("#") and len(w[c]) == 7)
    play = [f for f in frames if f["screen"] == "play" and any(w["role"] == "tile" for w in f["widgets"])]
    assert play, "the board is described"
    for f in play:
        tiles = {w["key"] for w in f["widgets"] if w["role"] == "tile"}
        tokens = [w for w in f["widgets"] if w["role"] == "token"]
        assert tokens, "the person's token is on the board"
        assert all(t["on"] in tiles for t in tokens)


def test_demo_settings_reach_the_game(tmp_path):
    frames = run_demo(
        tmp_path,
        "--mode", "workshop", "--timer", "120", "--dice", "off", "--players", "4",
        "--text-size", "largest", "--look", "high-contrast", "--language", "cy", "--size", "1280x720",
    )  # fmt: skip
    assert all(f["size"] == [1280, 720] for f in frames)
    play = [f for f in frames if f["screen"] == "play"]
    keys = {w["key"] for f in play for w in f["widgets"]}
    assert "timer" in keys, "the turn timer is on"
    assert "roll" not in keys and any(k.startswith("theme:") for k in keys), "dice off: themes are chosen"
    start = frames[0]
    assert start["screen"] == "start"
    title = next(w for w in start["widgets"] if w["key"] == "new")
    assert title["label"] == "Gêm newydd"
    assert title["bg"] in ("#000000", "#ffff00"), "high-contrast colours"
    players = [f for f in frames if f["screen"] == "setup" and f["step"] == "players"][-1]
    assert sum(1 for w in players["widgets"] if w["key"].startswith("remove:")) == 4
