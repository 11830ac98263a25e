"""The layout rules, checked on described frames (game.ui.describe): every label shown whole; text size,
target size and contrast meet the 1080p rules scaled to the window; nothing overlaps or leaves the
window; a control keeps its rect while the screen and step stay the same; each token stands on its tile.

The 1080p rules: body text at least 28 px, card statements at least 48 px, touch targets at least 64 px
on their short side, text contrast at least 7:1."""

from __future__ import annotations

from game.ui.look import contrast

CONTROLS = ("button", "choice", "card", "textbox")


def scale(size) -> float:
    w, h = size
    return min(h / 1080, w / 1920 * 1.25)  # as game.ui.layout.Metrics.u


def _rgb(hexs: str) -> tuple[int, int, int]:
    return tuple(int(hexs[i : i + 2], 16) for i in (1, 3, 5))


def _overlap(a, b) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def _inside(inner, outer, slack=1) -> bool:
    ix, iy, iw, ih = inner
    ox, oy, ow, oh = outer
    return ix >= ox - slack and iy >= oy - slack and ix + iw <= ox + ow + slack and iy + ih <= oy + oh + slack


def frame_problems(f: dict) -> list[str]:
    """What is wrong in one frame, in words that say where."""
    u = scale(f["size"])
    where = f"{f['screen']}/{f['step']}"
    out = []
    window = [0, 0, *f["size"]]
    ws = f["widgets"]
    for w in ws:
        name = f"{where} {w['role']} {w['key']!r} {w['label'][:40]!r}"
        if not _inside(w["rect"], window, 0):
            out.append(f"{name} leaves the window: {w['rect']}")
        if w["label"] and w["role"] != "textbox" and w["shown"] != w["label"]:
            out.append(f"{name} is cut: shown as {w['shown'][:40]!r}")
        if w.get("text_box") and w["label"]:
            tw, th = w["text_size"]
            bx, by, bw, bh = w["text_box"]
            if tw > bw + 1 or th > bh + 1:
                out.append(f"{name} does not fit: {tw}x{th} in {bw}x{bh}")
        if w["font_px"] and w["label"]:
            need = int((48 if w["role"] == "card" else 28) * u)
            if w["font_px"] < need:
                out.append(f"{name} text {w['font_px']}px < {need}px")
        if w["fg"] and w["bg"] and w["label"] and w["role"] != "textbox":
            c = contrast(_rgb(w["bg"]), _rgb(w["fg"]))
            if c < 7:
                out.append(f"{name} contrast {c:.2f} < 7")
        if w["role"] in CONTROLS and w["enabled"] and "parent" not in w:
            if min(w["rect"][2:]) < int(64 * u):
                out.append(f"{name} target {w['rect'][2]}x{w['rect'][3]} < {int(64 * u)}")
    top = [w for w in ws if "parent" not in w and w["role"] != "panel"]
    for i, a in enumerate(top):
        for b in top[i + 1 :]:
            if _overlap(a["rect"], b["rect"]):
                out.append(f"{where} {a['key']!r} overlaps {b['key']!r}")
    by_parent: dict[str, list] = {}
    for w in ws:
        if "parent" in w:
            by_parent.setdefault(w["parent"], []).append(w)
    for kids in by_parent.values():
        for i, a in enumerate(kids):
            for b in kids[i + 1 :]:
                if {a["role"], b["role"]} == {"token", "tile"}:
                    continue  # a token stands on its tile
                if _overlap(a["rect"], b["rect"]):
                    out.append(f"{where} {a['key']!r} overlaps {b['key']!r}")
    tiles = {w["key"]: w for w in ws if w["role"] == "tile"}
    for t in (w for w in ws if w["role"] == "token" and "parent" in w):  # tokens on the board
        tile = tiles.get(t.get("on"))
        if tile is None or not _inside(t["rect"], tile["rect"]):
            out.append(f"{where} token {t['key']!r} is not on its tile {t.get('on')!r}")
    return out


def moved_controls(frames: list[dict]) -> list[str]:
    """Controls whose rect changed while the screen and the step stayed the same."""
    seen: dict[tuple, tuple] = {}
    out = []
    for f in frames:
        for w in f["widgets"]:
            if w["role"] not in CONTROLS or "parent" in w or not w["key"]:
                continue
            k = (f["screen"], f["step"], tuple(f["size"]), w["key"])
            rect = tuple(w["rect"])
            if k in seen and seen[k] != rect:
                out.append(
                    f"{f['screen']}/{f['step']} {w['key']!r} moved from {list(seen[k])} to {list(rect)}"
                )
            seen.setdefault(k, rect)
    return out


def category(problem: str) -> tuple[str, str, str]:
    """(screen, step without its turn number, which rule) of a problem, to group and count them."""
    where = problem.split(" ")[0]
    screen, _, step = where.partition("/")
    step = step.split("-turn")[0]
    for words, rule in (
        ("moved from", "moved"),
        ("is cut", "cut"),
        ("does not fit", "fit"),
        ("px <", "small text"),
        ("target", "target"),
        ("contrast", "contrast"),
        ("overlaps", "overlap"),
        ("leaves the window", "window"),
        ("not on its tile", "token"),
    ):
        if words in problem:
            return screen, step, rule
    return screen, step, "other"
