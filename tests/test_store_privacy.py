"""Private by default: deleted words are gone from the file's bytes, workshop games are not kept,
only this user can read the file, and the game opens no network connection."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
import uuid

import pytest
from test_store_helpers import REPO, child_env, file_bytes, script, setup, tiny_decks

from game.store import UnknownId, open_store
from game.store.session import PlaySession


def _markers() -> tuple[str, str]:
    tag = uuid.uuid4().hex
    return f"MARKER-{tag}", f"Siân 😀 مرحبا {tag[:8]}"


def _play(store, game_id: str, notes: list[str], steps: int | None = None, **over) -> PlaySession:
    s = PlaySession.start(store, tiny_decks(), setup(**over), game_id=game_id, at=1000.0)
    for cmd in script(notes=dict(enumerate(notes)), steps=steps, **over):
        assert s.apply(cmd).ok
    return s


@pytest.mark.parametrize("delete_by", ["plan", "game"])
def test_deleted_plan_text_is_gone_from_every_byte_of_the_files(tmp_path, delete_by):
    marker, odd = _markers()
    keep_marker = f"KEEP-{uuid.uuid4().hex}"
    with open_store(tmp_path) as store:
        _play(store, "g-keep", [keep_marker])
        s = _play(store, "g-gone", [marker, odd], title=f"Title {marker}")
        store.save_draft("g-gone", "note", f"draft {marker}")
        assert s.game.state.phase == "finished" and s.plan_id
        before = file_bytes(tmp_path)
        assert marker.encode() in before and odd.encode() in before  # the test can see the words
        kind = store.delete(s.plan_id if delete_by == "plan" else "g-gone")
        assert kind == delete_by
        after = file_bytes(tmp_path)
        assert marker.encode() not in after
        assert odd.encode() not in after
        assert keep_marker.encode() in after  # other plans are untouched
        assert [g["id"] for g in store.list_games()] == ["g-keep"]
        assert len(store.list_plans()) == 1
        with pytest.raises(UnknownId):
            store.load_game("g-gone")
        with pytest.raises(UnknownId):
            store.load_plan(s.plan_id)
    # nothing comes back from a journal on reopening, and no side file holds the words
    with open_store(tmp_path) as store:
        assert [g["id"] for g in store.list_games()] == ["g-keep"]
    for p in tmp_path.iterdir():
        assert marker.encode() not in p.read_bytes(), p


def test_overwritten_drafts_leave_no_trace(tmp_path):
    marker, _ = _markers()
    with open_store(tmp_path) as store:
        s = _play(store, "g-d", [], steps=3)
        s.save_draft("note", f"first try {marker}")
        s.save_draft("note", "second try")
        assert s.drafts() == {"note": "second try"}
        assert marker.encode() not in file_bytes(tmp_path)
        s.clear_draft("note")
        assert s.drafts() == {}


def test_unkept_workshop_game_is_deleted_when_it_finishes(tmp_path):
    marker, _ = _markers()
    players = [
        {"id": "f", "name": "Fran", "role": "facilitator", "shape": "star"},
        {"id": "a", "name": "Ann", "shape": "circle"},
        {"id": "b", "name": "Bo", "shape": "square"},
    ]
    with open_store(tmp_path) as store:
        s = _play(store, "g-ws", [marker], mode="workshop", players=players, dice=False)
        assert s.game.state.phase == "finished"
        assert s.plan_id is None
        assert store.list_games() == [] and store.list_plans() == []
        assert marker.encode() not in file_bytes(tmp_path)
        assert s.game.plan().practice  # the plan can still be exported from memory


def test_kept_workshop_game_keeps_its_plan(tmp_path):
    players = [{"id": "a", "name": "Ann", "shape": "circle"}, {"id": "b", "name": "Bo", "shape": "square"}]
    with open_store(tmp_path) as store:
        s = _play(store, "g-ws", [], mode="workshop", players=players, dice=False, keep=True)
        assert s.plan_id and store.load_plan(s.plan_id)["practice"] is True


def test_unkept_workshop_game_left_by_a_crash_is_deleted_at_next_open(tmp_path):
    marker, _ = _markers()
    players = [{"id": "a", "name": "Ann", "shape": "circle"}, {"id": "b", "name": "Bo", "shape": "square"}]
    store = open_store(tmp_path)
    s = _play(store, "g-ws", [marker], mode="workshop", players=players, dice=False, steps=20)
    assert s.game.state.phase != "finished" and store.has_game("g-ws")
    _play(store, "g-real", [], steps=5)
    store.close()  # as good as a crash: the game was never finished
    assert marker.encode() in file_bytes(tmp_path)
    with open_store(tmp_path) as again:
        assert [g["id"] for g in again.list_games()] == ["g-real"]
    assert marker.encode() not in file_bytes(tmp_path)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_only_this_user_can_read_the_saved_games(tmp_path):
    folder = tmp_path / "new"
    with open_store(folder) as store:
        assert store.problem is None
    assert stat.S_IMODE((folder / "games.db").stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


# ----- no network --------------------------------------------------------------------------------------

_WATCH = textwrap.dedent(
    """
    import json, os, sys
    seen = []
    NET = {"socket.connect", "socket.connect_ex", "socket.sendto", "socket.sendmsg",
           "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr", "urllib.Request",
           "http.client.connect", "ftplib.connect", "smtplib.connect"}
    def hook(event, args):
        if event in NET:
            addr = args[1] if event.startswith("socket.connect") and len(args) > 1 else args
            if event.startswith("socket.connect") and isinstance(addr, (str, bytes)):
                return  # a local (AF_UNIX) socket is not the network
            seen.append([event, repr(args)[:200]])
    sys.addaudithook(hook)
    """
)


def _run_watched(body: str, tmp_path) -> dict:
    code = _WATCH + textwrap.dedent(body) + "\nprint(json.dumps({'network': seen}))\n"
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=child_env(),
        cwd=tmp_path,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_a_whole_saved_game_opens_no_network_connection(tmp_path):
    body = f"""
    sys.path.insert(0, {str(REPO / "tests")!r})
    from test_store_helpers import script, setup, tiny_decks
    from game.store import open_store
    from game.store.session import PlaySession
    store = open_store({str(tmp_path / "data")!r})
    s = PlaySession.start(store, tiny_decks(), setup(), at=1000.0)
    for cmd in script():
        assert s.apply(cmd).ok
    assert s.plan_id and s.unsaved == 0
    store.close()
    store = open_store({str(tmp_path / "data")!r})
    assert PlaySession.resume(store, s.game_id).game.state.phase == "finished"
    store.delete(s.plan_id)
    from game.cli import main
    assert main(["sessions", "--data-dir", {str(tmp_path / "data")!r}]) == 0
    """
    got = _run_watched(body, tmp_path)
    assert got["network"] == []


def test_the_watcher_does_see_a_network_connection(tmp_path):
    """The audit hook really catches a connection attempt (so an empty list above means something)."""
    body = """
    import socket
    try:
        socket.create_connection(("192.0.2.1", 9), timeout=0.01)
    except OSError:
        pass
    """
    got = _run_watched(body, tmp_path)
    assert any(e[0].startswith("socket.") for e in got["network"])


def test_exporting_a_saved_plan_opens_no_network_connection(tmp_path):
    pytest.importorskip("game.export", reason="export not built yet")
    from game import export

    if not hasattr(export, "export_plan"):
        pytest.skip("game.export.export_plan not there yet")
    body = f"""
    sys.path.insert(0, {str(REPO / "tests")!r})
    from test_store_helpers import script, setup, tiny_decks
    from game.store import open_store
    from game.store.session import PlaySession
    from game.model.plan import Plan
    from game.export import export_plan, FORMATS
    store = open_store({str(tmp_path / "data")!r})
    s = PlaySession.start(store, tiny_decks(), setup(), at=1000.0)
    for cmd in script():
        assert s.apply(cmd).ok
    plan = Plan.from_dict(store.load_plan(s.plan_id))
    paths = export_plan(plan, list(FORMATS), {str(tmp_path / "out")!r})
    assert paths
    """
    got = _run_watched(body, tmp_path)
    assert got["network"] == []


def test_headless_demo_opens_no_network_connection(tmp_path):
    try:
        import game.cli.demo  # noqa: F401
    except ImportError:
        pytest.skip("the headless demo is not built yet")
    body = f"""
    from game.cli import main
    rc = main(["demo", "--headless", "--data-dir", {str(tmp_path / "data")!r},
               "--export", {str(tmp_path / "out")!r}])
    assert rc == 0, rc
    from game.store import open_store
    with open_store({str(tmp_path / "data")!r}, read_only=True) as store:
        assert store.list_plans(), "the demo saved its game and plan through the store"
    """
    got = _run_watched(body, tmp_path)
    assert got["network"] == []


def test_going_back_from_an_unkept_workshop_plan_types_on_without_a_saving_problem(tmp_path):
    """The practice game was deleted when it finished; going back to correct it keeps notes in memory
    and shows no "could not save" message (its row is gone on purpose)."""
    players = [{"id": "a", "name": "Ann", "shape": "circle"}, {"id": "b", "name": "Bo", "shape": "square"}]
    with open_store(tmp_path) as store:
        s = _play(store, "g-ws", [], mode="workshop", players=players, dice=False)
        assert s.game.state.phase == "finished" and s.plan_id is None
        assert s.apply({"type": "undo"}).ok and s.game.state.phase == "summary"
        s.save_draft("note", "Ann's practice note")
        assert s.problem is None and store.problem is None
        assert s.drafts() == {"note": "Ann's practice note"}
        s.clear_draft("note")
        assert s.drafts() == {} and s.problem is None
        assert s.apply({"type": "confirm_plan"}).ok and s.problem is None
        assert store.list_games() == [] and store.list_plans() == []
