"""The start screen after a stop, safe delete in the saved-games list, and the demo's caption and Escape:
driven through the real App with a real store, by posting the events a person makes."""

import pygame

from game.store import open_store
from game.ui.autoplay import AutoPlayer
from game.ui.harness import make_app
from game.ui.input_events import key_event, tap_events


def tap(app, key):
    w = next(w for w in app.widgets() if w["key"] == key)
    app.step(tap_events(w["rect"].center))
    return w["rect"]


def stopped_game(tmp_path, steps=120):
    """A group game played part of the way through the screens, then the window closed (as in a crash)."""
    store = open_store(tmp_path / "data")
    app = make_app((1280, 720), store=store)
    app.show("start")
    ap = AutoPlayer(app, seed=4, mode="group", players=3, headless=True)
    ap.run_headless(steps)
    assert app.top.name == "play" and not ap.finished
    log = len(app.top.game.log)
    app.close()
    return log


def test_after_a_stop_carry_on_is_the_first_and_default_choice(tmp_path):
    log = stopped_game(tmp_path)
    app = make_app((1920, 1080), store=open_store(tmp_path / "data"))
    app.show("start")
    app.step([])
    buttons = [w for w in app.widgets() if w["role"] == "button"]
    first = min(buttons, key=lambda w: (w["rect"].top, w["rect"].left))
    assert first["key"] == "carry_on"
    assert first["text"].startswith(app.w("start_carry_on", title=app.w("demo_plan_title"), date=""))
    assert app.top.focus_key == "carry_on", "the keyboard starts on it: Enter carries on"
    assert next(w for w in buttons if w["key"] == "new")["rect"].top > first["rect"].bottom
    app.step([key_event(pygame.K_RETURN)])
    assert app.top.name == "play"
    assert len(app.top.game.log) == log, "the game carries on where it stopped"
    app.close()


def test_a_fresh_install_starts_on_new_game(tmp_path):
    app = make_app((1280, 720), store=open_store(tmp_path / "data"))
    app.show("start")
    app.step([])
    assert not any(w["key"] == "carry_on" for w in app.widgets())
    assert app.top.focus_key == "new"
    app.close()


def test_a_double_tap_on_delete_never_deletes(tmp_path):
    stopped_game(tmp_path)
    store = open_store(tmp_path / "data")
    app = make_app((1280, 720), store=store)
    app.show("start")
    app.show("choose", what="games")
    app.step([])
    rid = next(w["key"] for w in app.widgets() if w["key"].startswith("delete:")).partition(":")[2]
    first = tap(app, f"delete:{rid}")
    assert app.top.name == "confirm-dialog"
    app.step(tap_events(first.center))  # the second tap of a double tap lands in the same place
    assert any(str(g["id"]) == rid for g in store.list_games()), "nothing deleted"
    if app.top.name == "confirm-dialog":
        yes = next(w for w in app.widgets() if w["key"] == "yes")["rect"]
        assert not yes.colliderect(first), "the confirmation is away from the Delete button"
        tap(app, "no")
    assert app.top.name == "choose"
    tap(app, f"delete:{rid}")
    tap(app, "yes")
    assert not any(str(g["id"]) == rid for g in store.list_games())
    app.close()


def test_the_demo_says_it_is_a_demo_and_escape_stops_it_without_undoing(tmp_path):
    app = make_app((1280, 720), store=open_store(tmp_path / "data"))
    app.show("start")
    ap = AutoPlayer(app, seed=2, mode="group", players=3, pace=0.0)
    app.autoplayer = ap
    captions = set()
    for _ in range(400):
        app.step(ap.filter(pygame.event.get()))
        caption = next((w["text"] for w in app.widgets() if w["key"] == "demo_caption"), None)
        assert caption, "every demo screen has a caption"
        captions.add(caption)
        top = app.top
        if top.name == "play" and top.state.phase == "talk" and len(top.game.log) > 20:
            break
    assert app.top.name == "play" and app.top.state.phase == "talk"
    assert len(captions) >= 5 and all(c.startswith(app.w("demo_caption", what="")) for c in captions)
    log, phase = len(app.top.game.log), app.top.state.phase
    pygame.event.clear()
    app.step(ap.filter([key_event(pygame.K_ESCAPE)]))
    assert app.autoplayer is None and ap.finished
    assert len(app.top.game.log) == log and app.top.state.phase == phase, "Escape changed nothing"
    assert not any(w["key"] == "demo_caption" for w in app.widgets())
    assert any(w["key"] == "title" for w in app.widgets())
    app.close()


def _token_walk(calm: bool):
    from game.ui.describe import frame
    from game.ui.harness import game_at, push_screen

    app = make_app((1280, 720), reduced_motion=calm)
    scr = push_screen(app, "play:roll", game_at("roll"))
    app.step([])
    pid = scr.state.turn.player if scr.state.turn else scr.state.active_player.id
    start = scr.state.positions[pid]
    tap(app, "roll")
    end = scr.state.positions[pid]
    seen = []
    for _ in range(200):
        moving = scr.update(0.03)
        app.draw()
        f = frame(app)
        on = next(w["on"] for w in f["widgets"] if w["key"] == f"token:{pid}")
        tile = next(w for w in f["widgets"] if w["key"] == on)
        token = next(w for w in f["widgets"] if w["key"] == f"token:{pid}")
        if not seen or seen[-1] != on:
            seen.append(on)
        if not moving:
            break
    n = len(scr.state.board)
    return start, end, n, seen, tile, token, app


def test_tokens_walk_tile_by_tile_then_stop_using_the_processor():
    start, end, n, seen, tile, token, app = _token_walk(calm=False)
    walked = [f"tile:{(start + k) % n}" for k in range((end - start) % n + 1)]
    # (the tap's own frame may already have taken the first step)
    assert seen == walked[-len(seen) :] and len(seen) >= len(walked) - 1, "it steps on every tile on the way"
    x, y, w, h = token["rect"]
    tx, ty, tw, th = tile["rect"]
    assert tx <= x and x + w <= tx + tw and ty <= y and y + h <= ty + th, "it stands on its tile"
    assert tile["enabled"], "the landed tile is lit up"
    assert app.step([]) in (True, False) and app.step([]) is False, "once it has landed nothing is drawn"


def test_with_reduced_motion_tokens_jump():
    start, end, n, seen, *_ = _token_walk(calm=True)
    assert seen == [f"tile:{end % n}"]
