"""Bar charts drawn as SVG text, for the report page: no script, no network, nothing to load.

Every series has its own fill pattern (solid, stripes, dots, checks ...) drawn in the text colour, a
legend, and its number written at the end of each bar, so a chart reads in black and white, in print
and in a high-contrast mode, never by colour alone. Labels sit on their own line above their bars, so
a long statement is shown whole (wrapped), not cut short.
"""

from __future__ import annotations

from html import escape

WIDTH = 720
BAR = 18
GAP = 4
LINE = 20
LABEL_CHARS = 80
VALUE_ROOM = 70

# (pattern id, drawing inside an 8x8 tile). The first is solid; the rest differ in shape, not colour.
PATTERNS = (
    ("solid", '<rect width="8" height="8" fill="currentColor"/>'),
    ("stripes", '<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="currentColor" stroke-width="2"/>'),
    ("dots", '<circle cx="4" cy="4" r="2" fill="currentColor"/>'),
    ("checks", '<rect width="4" height="4" fill="currentColor"/><rect x="4" y="4" width="4" height="4" fill="currentColor"/>'),
    ("rows", '<path d="M0,2 h8 M0,6 h8" stroke="currentColor" stroke-width="1.5"/>'),
    ("empty", ""),
)  # fmt: skip


def wrap(text: str, limit: int = LABEL_CHARS) -> list[str]:
    """Split text into lines of at most ``limit`` letters at spaces (a word longer than that is cut)."""
    lines, line = [], ""
    for word in text.split():
        while len(word) > limit:
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:limit])
            word = word[limit:]
        if line and len(line) + 1 + len(word) > limit:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + [line] if line or not lines else lines


def bar_chart(chart_id: str, title: str, labels: list[str], series: list[str], values: list[list[float]],
              percent: bool = False) -> str:  # fmt: skip
    """An SVG with one group of bars per label; ``values[i][j]`` is series ``j`` for label ``i``."""
    top = max((v for row in values for v in row), default=0)
    scale_to = 100.0 if percent else max(top, 1)
    room = WIDTH - VALUE_ROOM
    parts: list[str] = []
    y = 0
    if len(series) > 1:
        x = 0
        for j, name in enumerate(series):
            parts.append(_swatch(chart_id, j, x, y))
            parts.append(f'<text x="{x + 24}" y="{y + 14}">{escape(name)}</text>')
            x += 40 + 9 * len(name)
            if x > WIDTH - 120 and j < len(series) - 1:
                x, y = 0, y + LINE + 4
        y += LINE + 12
    for label, row in zip(labels, values, strict=True):
        for line in wrap(label):
            y += LINE
            parts.append(f'<text x="0" y="{y - 5}" font-weight="bold">{escape(line)}</text>')
        for j, v in enumerate(row):
            w = max(room * v / scale_to, 0)
            shown = f"{v:g}%" if percent else f"{v:g}"
            name = f"{series[j]}: " if len(series) > 1 else ""
            parts.append(
                f"<g><title>{escape(label)}. {escape(name)}{shown}</title>"
                f'<rect x="0" y="{y}" width="{w:.1f}" height="{BAR}" fill="url(#{chart_id}-p{j})" '
                f'stroke="currentColor" stroke-width="1.5"/>'
                f'<text x="{w + 6:.1f}" y="{y + BAR - 4}">{shown}</text></g>'
            )
            y += BAR + GAP
        y += 10
    height = y + 4
    defs = "".join(
        f'<pattern id="{chart_id}-p{j}" width="8" height="8" patternUnits="userSpaceOnUse">{PATTERNS[j % len(PATTERNS)][1]}</pattern>'
        for j in range(len(series))
    )  # fmt: skip
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="{chart_id}-t" '
        f'viewBox="-2 -2 {WIDTH + 4} {height + 4}" width="{WIDTH + 4}" height="{height + 4}" '
        f'font-family="inherit" font-size="15" fill="currentColor">'
        f'<title id="{chart_id}-t">{escape(title)}</title><defs>{defs}</defs>{"".join(parts)}</svg>'
    )


def _swatch(chart_id: str, j: int, x: int, y: int) -> str:
    return (
        f'<rect x="{x}" y="{y}" width="18" height="18" fill="url(#{chart_id}-p{j})" '
        f'stroke="currentColor" stroke-width="1.5"/>'
    )
