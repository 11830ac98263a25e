"""Measures how fast the game starts, draws, idles and scales, and prints one table with targets.

Run it as ``python benchmarks/run.py`` (or ``making-it-real bench``); ``--quick`` does fewer repeats.
Every figure is measured here, on the real code: start-up and memory in fresh processes, frame times on
every screen through the same App the player uses, idle cost as processor time used over a quiet spell,
and the deck, export and store figures from their own benchmark modules beside this file.
Exit status is 0 when every target is met, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from bench_table import print_table, row  # noqa: E402


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    if not values:
        return float("nan")
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


# ----- start-up -------------------------------------------------------------------------------------------
STARTUP_PROBE = """
import os, sys, tempfile
sys.path.insert(0, {root!r})
import game.cli
from game.ui.app import App
from game.ui.screens.start import StartScreen
app = App(size=(1920, 1080), headless=True, data_dir=tempfile.mkdtemp(), save_settings_file=False)
app.push(StartScreen(app))
drew = app.step([])
print("first-frame" if drew else "no-frame", flush=True)
"""


def startup(quick: bool) -> list[dict]:
    code = STARTUP_PROBE.format(root=str(ROOT))
    times = []
    for _ in range(3 if quick else 7):
        t0 = time.perf_counter()
        p = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
        line = p.stdout.readline().strip()
        elapsed = time.perf_counter() - t0
        p.wait()
        if line != "first-frame":
            return [row("start-up to first frame", None, "s", 0.6, note=f"probe said {line!r}")]
        times.append(elapsed)
    return [
        row(
            "start-up to first frame (median)",
            statistics.median(times),
            "s",
            0.6,
            note=f"{len(times)} runs, process start to first frame drawn, headless",
        )
    ]


# ----- frame times ------------------------------------------------------------------------------------------
def frame_times(quick: bool) -> list[dict]:
    from game.ui.harness import game_at, make_app, push_screen, screen_names

    names = screen_names()
    links: dict = {}
    frames = 20 if quick else 90
    rows = []
    for size, target in (((1920, 1080), 8.0), ((3840, 2160), 16.0)):
        app = make_app(size)
        all_times = []
        worst = ("", 0.0)
        for name in names:
            base, _, mode = name.partition("@")
            kind, _, step = base.partition(":")
            link = None
            if kind == "play":  # a play screen needs a game paused at its step, as the screenshots do
                link = links.get(name) or game_at(step, mode=mode or "group")
                links[name] = link
            push_screen(app, name, link)
            app.step([])
            times = []
            for _ in range(frames):
                # Force a whole redraw each frame: what an animation costs (the loop flips the whole screen).
                app.invalidate()
                t0 = time.perf_counter()
                app.step([])
                times.append((time.perf_counter() - t0) * 1000)
            all_times.extend(times)
            p99 = percentile(times, 99)
            if p99 > worst[1]:
                worst = (name, p99)
        label = f"{size[0]}x{size[1]}"
        rows.append(
            row(
                f"frame time p50, every screen, {label}",
                percentile(all_times, 50),
                "ms",
                target,
                note=f"{len(names)} screens x {frames} frames",
            )
        )
        rows.append(
            row(
                f"frame time p99, every screen, {label}",
                percentile(all_times, 99),
                "ms",
                target,
                note=f"slowest screen: {worst[0]} (p99 {worst[1]:.1f} ms)",
            )
        )
        app.close()
    return rows


WINDOW_FRAMES_PROBE = """
import os, sys, time
sys.path.insert(0, {root!r})
from game.ui.app import App
from game.store import memory_store
from game.ui.harness import push_screen
from game.ui.settings import Settings
from game.ui.speech import Speaker
app = App({size!r}, headless=False, settings=Settings(), store=memory_store(), speaker=Speaker("record"),
          save_settings_file=False)
times = []
for name in ("play:roll", "play:pick", "play:talk", "play:summary"):
    push_screen(app, name)
    app.step([])
    for _ in range({frames}):
        app.invalidate()
        t0 = time.perf_counter()
        app.step([])
        times.append((time.perf_counter() - t0) * 1000)
print(" ".join(f"{{t:.3f}}" for t in times), flush=True)
"""


def window_frames(quick: bool) -> list[dict]:
    """The same redraw in a real X11 window on a virtual screen (software X server), flip included."""
    rows = []
    xvfb, env = _virtual_screen("3840x2160x24")
    if env is None:
        return [row("frame time in a real window", None, "ms", note="Xvfb is not installed; skipped")]
    try:
        for size in ((1920, 1080), (3840, 2160)):
            code = WINDOW_FRAMES_PROBE.format(root=str(ROOT), size=size, frames=15 if quick else 60)
            res = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, env=env
            )
            lines = res.stdout.strip().splitlines()
            if not lines:
                raise RuntimeError(res.stderr.strip()[-300:])
            times = [float(t) for t in lines[-1].split()]
            rows.append(
                row(
                    f"frame time p99 in an X11 window (Xvfb), {size[0]}x{size[1]}",
                    percentile(times, 99),
                    "ms",
                    note=f"p50 {percentile(times, 50):.1f} ms; board, pick, talk, summary; "
                    "includes copying the frame to a software X server",
                )
            )
    finally:
        xvfb.terminate()
        xvfb.wait()
    return rows


# ----- idle cost --------------------------------------------------------------------------------------------
IDLE_PROBE = """
import os, resource, sys, threading, time
sys.path.insert(0, {root!r})
import pygame
from game.ui.app import App
from game.store import memory_store
from game.ui.harness import game_at, push_screen
from game.ui.settings import Settings
from game.ui.speech import Speaker
headless = os.environ.get("SDL_VIDEODRIVER") == "dummy"
app = App((1920, 1080), headless=headless, settings=Settings(), store=memory_store(),
          speaker=Speaker("record"), save_settings_file=False)
push_screen(app, "play:roll", game_at("roll"))
app.step([])
seconds = {seconds}
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
if {plain}:
    clock = pygame.time.Clock()
    c0, t0 = cpu(), time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        pygame.event.get()
        app.draw()
        pygame.display.flip()
        app.frames += 1
        clock.tick(60)
else:
    threading.Timer(seconds, lambda: pygame.event.post(pygame.event.Event(pygame.QUIT))).start()
    c0, t0 = cpu(), time.perf_counter()
    app.run()
print(f"{{(cpu() - c0) / (time.perf_counter() - t0) * 100:.3f}} {{app.frames}}", flush=True)
"""


def _idle_probe(seconds: int, plain: bool, env: dict) -> tuple[float, int]:
    code = IDLE_PROBE.format(root=str(ROOT), seconds=seconds, plain=plain)
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=180, env=env)
    lines = res.stdout.strip().splitlines()
    if not lines:
        raise RuntimeError(res.stderr.strip()[-300:])
    pct, frames = lines[-1].split()
    return float(pct), int(frames)


def _virtual_screen(screen: str = "1920x1080x24"):
    """A real X11 window on a virtual screen (Xvfb) when there is one: SDL's dummy driver cannot sleep
    in ``event.wait`` (it checks for events every millisecond), which a real screen never does."""
    import shutil

    if not shutil.which("Xvfb"):
        return None, None
    for n in range(91, 99):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            proc = subprocess.Popen(
                ["Xvfb", f":{n}", "-screen", "0", screen, "-nolisten", "tcp"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for _ in range(50):
                if Path(f"/tmp/.X11-unix/X{n}").exists():
                    break
                time.sleep(0.1)
            env = {**os.environ, "DISPLAY": f":{n}", "SDL_VIDEODRIVER": "x11"}
            return proc, env
    return None, None


def idle(quick: bool) -> list[dict]:
    seconds = 3 if quick else 10
    rows = []
    xvfb, xenv = _virtual_screen()
    try:
        setups = [("dummy (headless)", {**os.environ, "SDL_VIDEODRIVER": "dummy"})]
        if xenv:
            setups.insert(0, ("x11 on Xvfb", xenv))
        for i, (label, env) in enumerate(setups):
            ours, frames = _idle_probe(seconds, False, env)
            plain, plain_frames = _idle_probe(seconds, True, env)
            target = 1.0 if i == 0 else None
            rows += [
                row(
                    f"idle CPU on the board over {seconds} s, {label}",
                    ours,
                    "% of a core",
                    target,
                    note=f"{frames} frame(s) drawn while idle",
                ),
                row(
                    f"plain redraw-every-frame loop, same board, {label}",
                    plain,
                    "% of a core",
                    note=f"{plain_frames} frames",
                ),
                row(f"idle cost ratio (ours / plain), {label}", ours / plain if plain else None, "x"),
            ]
    finally:
        if xvfb:
            xvfb.terminate()
            xvfb.wait()
    return rows


# ----- input latency ----------------------------------------------------------------------------------------
def latency(quick: bool) -> list[dict]:
    import pygame

    from game.ui.harness import game_at, make_app, push_screen

    app = make_app((1920, 1080))
    results = []
    for _ in range(3 if quick else 10):
        push_screen(app, "play:pick", game_at("pick"))
        app.step([])
        before = pygame.image.tobytes(app.window, "RGB")
        target = next(
            w for w in app.widgets() if w.get("role") in ("card", "button") and w.get("enabled", True)
        )
        x, y = target["rect"][0] + target["rect"][2] // 2, target["rect"][1] + target["rect"][3] // 2
        down = pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(x, y), button=1)
        up = pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(x, y), button=1)
        t0 = time.perf_counter()
        frames = 0
        changed = False
        for events in ([down, up], [], [], []):
            if app.step(events):
                frames += 1
                if pygame.image.tobytes(app.window, "RGB") != before:
                    changed = True
                    break
        results.append((frames if changed else None, (time.perf_counter() - t0) * 1000))
    app.close()
    worst_frames = max((f for f, _ in results if f is not None), default=None)
    ms = statistics.median(m for _, m in results)
    return [
        row(
            "input latency: click to the frame that shows it",
            worst_frames,
            "frames",
            1,
            note=f"worst of {len(results)} clicks; median {ms:.1f} ms including the redraw",
        )
    ]


# ----- memory -----------------------------------------------------------------------------------------------
MEMORY_PROBE = """
import sys
sys.path.insert(0, {root!r})
from game.cli import main
rc = main(["demo", "--headless", "--seed", "3", "--size", {size!r}, "--data-dir", {data!r}])
hwm = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(rc, hwm, flush=True)
"""


def memory(quick: bool) -> list[dict]:
    # The peak is read from the demo process's own VmHWM: ru_maxrss would also count the memory of this
    # (large, by now) benchmark process at the moment it forked the child, which Linux carries across exec.
    rows = []
    for size in ("1920x1080", "3840x2160"):
        with tempfile.TemporaryDirectory() as tmp:
            code = MEMORY_PROBE.format(root=str(ROOT), data=tmp, size=size)
            res = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, timeout=600, cwd=ROOT
            )
        lines = res.stdout.strip().splitlines()
        if not lines:
            raise RuntimeError(res.stderr.strip()[-300:])
        rc, kb = lines[-1].split()
        rows.append(
            row(
                f"peak memory (RSS) through a full headless demo game, {size}",
                int(kb) / 1024,
                "MB",
                200,
                note=f"demo exit status {rc}; the demo process's own high-water mark (VmHWM)",
            )
        )
    return rows


# ----- the other parts' own benchmarks ---------------------------------------------------------------------
def module_rows(module_name: str, quick: bool) -> list[dict]:
    import importlib

    mod = importlib.import_module(module_name)
    rows = []
    for r in mod.measure(quick=quick) if "quick" in mod.measure.__code__.co_varnames else mod.measure():
        rows.append(row(r["name"], r["value"], r.get("unit", ""), r.get("target"), note=r.get("note", "")))
    return rows


SECTIONS = [
    ("start-up", startup),
    ("frames", frame_times),
    ("window", window_frames),
    ("idle", idle),
    ("input", latency),
    ("decks", lambda q: module_rows("deck_load", q)),
    ("export", lambda q: module_rows("export_bench", q)),
    ("store", lambda q: module_rows("store_bench", q)),
    ("report", lambda q: module_rows("report_bench", q)),
    ("memory", memory),
]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer repeats, for a fast look")
    ap.add_argument("--only", help="comma-separated sections: " + ",".join(n for n, _ in SECTIONS))
    args = ap.parse_args(argv)
    only = set(args.only.split(",")) if args.only else None
    rows: list[dict] = []
    for name, fn in SECTIONS:
        if only and name not in only:
            continue
        t0 = time.perf_counter()
        try:
            rows.extend(fn(args.quick))
        except Exception as exc:  # one broken section must not hide the others' figures
            rows.append(row(f"{name}: could not measure", None, "", note=f"{type(exc).__name__}: {exc}"))
            rows[-1]["ok"] = False
        print(f"[{name} measured in {time.perf_counter() - t0:.1f} s]", file=sys.stderr)
    print_table(rows)
    return 0 if all(r["ok"] is not False for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
