"""A wide sweep of the layout rules (tests/layout_rules.py) over many seeded demo games, beyond the few
runs the layout tests keep: every mode at every window size with seeds 1..4 and a spread of settings,
plus review games (as tests/test_review_layout.py plays them) in English and Welsh at every size with
several seeds and player counts. Each run is played through the same machinery the tests use (App +
AutoPlayer + FrameLog, seeded as ``making-it-real demo --seed`` is) and its problems are counted by kind.

Run from the repository root::

    python tests/layout_sweep.py [--jobs 2] [--only SUBSTRING] [--out sweep.jsonl] [--problems FILE]

It prints one line per run (its name, frames, problems by kind) and the totals; ``--out`` keeps the
same as JSON lines, ``--problems`` every problem in words, to read what to fix."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]  # layout_rules beside this file; this checkout's game

from demo_play import play_demo  # noqa: E402
from layout_rules import category, frame_problems, moved_controls  # noqa: E402

SIZES = [(1280, 720), (1920, 1080), (3840, 2160)]
MODES = ["group", "one-to-one", "workshop"]
TEXT = ["normal", "large", "largest"]
LOOKS = ["default", "high-contrast"]
LANGS = ["en", "cy"]
TIMERS = [None, 45, 120, 300]


def play_runs() -> list[dict]:
    """Every mode x size x seed 1..4, each with its own mix of settings: the settings turn at different
    rates through the runs, so across them every value meets every mode and size."""
    runs = []
    n = 0
    for mode in MODES:
        for size in SIZES:
            for seed in range(1, 5):
                players = 2 if mode == "one-to-one" else 2 + (seed * 3 + n) % 7
                runs.append(
                    {
                        "kind": "play",
                        "mode": mode,
                        "size": size,
                        "seed": seed,
                        "players": players,
                        "text": TEXT[(n + seed) % 3],
                        "look": LOOKS[n % 2],
                        "lang": LANGS[(n // 2 + seed) % 2],
                        "dice": (n // 3 + seed) % 2 == 0,
                        "timer": TIMERS[(n + seed) % 4] if mode == "workshop" else None,
                    }
                )
                n += 1
    return runs


def review_runs() -> list[dict]:
    """Review games (group, as the review layout test plays them) in both languages at every size:
    seeds 1..4 with 3 and with 8 players at normal text, and seed 1 with 5 players at the larger sizes."""
    runs = []
    for lang in LANGS:
        for size in SIZES:
            combos = [(seed, n, "normal") for seed in range(1, 5) for n in (3, 8)]
            combos += [(1, 5, "large"), (1, 5, "largest")]
            for seed, players, text in combos:
                runs.append(
                    {
                        "kind": "review",
                        "mode": "group",
                        "size": size,
                        "seed": seed,
                        "players": players,
                        "text": text,
                        "look": "default",
                        "lang": lang,
                        "dice": True,
                        "timer": None,
                    }
                )
    return runs


def name_of(r: dict) -> str:
    w, h = r["size"]
    bits = [r["kind"], r["mode"], f"{w}x{h}", f"seed{r['seed']}", f"{r['players']}p", r["text"], r["look"]]
    bits += [r["lang"], f"dice{'on' if r['dice'] else 'off'}"]
    if r["timer"]:
        bits.append(f"timer{r['timer']}")
    return "-".join(bits)


def frames_of(r: dict) -> tuple[list[dict], bool, object]:
    """Every distinct frame of one run's game (for a review, the review's frames only)."""
    frames, ap = play_demo(
        r["size"],
        seed=r["seed"],
        mode=r["mode"],
        players=r["players"],
        dice=r["dice"],
        timer=r["timer"],
        text=r["text"],
        look=r["look"],
        language=r["lang"],
        then_review=r["kind"] == "review",
    )
    return frames, ap.finished, ap.stuck


def check(r: dict) -> dict:
    t0 = time.monotonic()
    frames, finished, stuck = frames_of(r)
    frames = [f for f in frames if f["screen"] != "choose"] if r["kind"] == "review" else frames
    problems = [p for f in frames for p in frame_problems(f)] + moved_controls(frames)
    kinds = Counter(category(p)[2] for p in problems)
    where = Counter(" ".join(category(p)) for p in problems)
    return {
        "name": name_of(r),
        "run": {**r, "size": list(r["size"])},
        "frames": len(frames),
        "finished": finished,
        "stuck": None if stuck is None else str(stuck),
        "problems": len(problems),
        "kinds": dict(kinds),
        "where": dict(where.most_common()),
        "all": problems,
        "seconds": round(time.monotonic() - t0, 1),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", action="append", default=[], help="run only runs whose name has this")
    ap.add_argument("--out", help="write one JSON line per run here")
    ap.add_argument("--problems", help="write every problem, in words, here")
    args = ap.parse_args(argv)
    runs = play_runs() + review_runs()
    if args.only:
        runs = [r for r in runs if all(s in name_of(r) for s in args.only)]
    if args.jobs > 1:
        from multiprocessing import Pool

        with Pool(args.jobs, maxtasksperchild=1) as pool:
            results = list(pool.imap(check, runs))
    else:
        results = [check(r) for r in runs]
    totals: Counter = Counter()
    out = open(args.out, "w", encoding="utf-8") if args.out else None
    plist = open(args.problems, "w", encoding="utf-8") if args.problems else None
    for res in results:
        totals.update(res["kinds"])
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(res["kinds"].items())) or "none"
        ended = "" if res["finished"] and not res["stuck"] else " NOT FINISHED"
        print(f"{res['name']}: {res['frames']} frames, {res['problems']} problems ({kinds}){ended}")
        for w, n in res["where"].items():
            print(f"    {n:4d} {w}")
        if out:
            out.write(json.dumps({k: v for k, v in res.items() if k != "all"}) + "\n")
        if plist:
            plist.write(f"## {res['name']}\n" + "".join(f"{p}\n" for p in res["all"]))
    clean = sum(1 for res in results if not res["problems"])
    print(f"TOTAL {sum(totals.values())} problems in {len(results)} runs ({clean} clean): {dict(totals)}")
    for f in (out, plist):
        if f:
            f.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
