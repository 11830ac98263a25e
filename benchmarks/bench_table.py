"""The benchmarks' shared figure rows and the one table they all print."""

from __future__ import annotations


def figure(name: str, value: float, unit: str, target: float) -> dict:
    """One measured figure, as each part's ``measure()`` returns it."""
    return {"name": name, "value": round(value, 2), "unit": unit, "target": target}


def row(name, value, unit, target=None, lower_is_better=True, note=""):
    """A table row: the figure, and whether it met its target (None where there is no target)."""
    ok = None
    if target is not None and value is not None:
        ok = value <= target if lower_is_better else value >= target
    return {"name": name, "value": value, "unit": unit, "target": target, "ok": ok, "note": note}


def fmt(v) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.3g}" if abs(v) < 100 else f"{v:.0f}"
    return str(v)


def print_table(rows: list[dict]) -> None:
    head = ("figure", "value", "unit", "target", "result")
    lines = [
        (
            r["name"],
            fmt(r["value"]),
            r["unit"],
            "≤ " + fmt(r["target"]) if r["target"] is not None else "",
            {True: "pass", False: "FAIL", None: ""}[r["ok"]],
        )
        for r in rows
    ]
    widths = [max(len(x) for x in col) for col in zip(head, *lines, strict=False)]
    print("  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for line, r in zip(lines, rows, strict=True):
        print("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)))
        if r["note"]:
            print("    " + r["note"])


def report(figures: list[dict]) -> int:
    """Print a part's figures as the table; 0 when every target is met, else 1."""
    rows = [
        row(f["name"], f["value"], f.get("unit", ""), f.get("target"), note=f.get("note", ""))
        for f in figures
    ]
    print_table(rows)
    return 0 if all(r["ok"] is not False for r in rows) else 1
