"""Test set-up: everything runs headless, with no real screen or sound card; and the windows tests leave
behind are cleared away before they fill the test machine's memory."""

import gc
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

# A test's App, its screens and their drawn surfaces refer to each other, so they go only when Python's
# cycle collector runs; it counts objects, not the pixels they hold, and the suite grew past 1.2 GB.
# Collecting each time the process has grown by GROWTH_MB keeps it small without paying for a collection
# after every test.
GROWTH_MB = 100
_after_last = [0]


def _resident_mb() -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) // 1024
    except OSError:  # not Linux: leave it to Python's own collector
        return None
    return None


def pytest_runtest_teardown(item, nextitem):
    used = _resident_mb()
    if used is not None and used > _after_last[0] + GROWTH_MB:
        gc.collect()
        _after_last[0] = _resident_mb() or used
