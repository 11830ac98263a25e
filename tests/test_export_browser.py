"""The HTML files in a real browser (headless Chromium): nothing is wider than a 320 px phone screen,
and a printed page never ends on a heading. Skipped where Chromium or pdftotext is not installed."""

from __future__ import annotations

import html
import re
import shutil
import subprocess

import pytest
from export_readback import read_html

from game.export import render_all
from game.export.sample import feature_plan

CHROMIUM = next(
    (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None
)
PDFTOTEXT = shutil.which("pdftotext")

pytestmark = pytest.mark.skipif(not CHROMIUM, reason="Chromium is not installed")

# Headless Chromium will not make its window narrower than 500 px, so the page is shown in a
# 320 px frame, and a script in the outer page reports the widest thing inside it as the title.
PROBE = """<!DOCTYPE html><html><head><title>waiting</title></head><body style="margin:0">
<iframe id="f" style="border:0" width="320" height="4000" srcdoc="{page}"></iframe>
<script>
document.getElementById("f").onload = () => {{
  const d = document.getElementById("f").contentDocument;
  const over = [...d.querySelectorAll("body *")]
    .filter(e => e.getBoundingClientRect().right > d.defaultView.innerWidth + 0.5)
    .map(e => e.tagName.toLowerCase() + "." + e.className);
  document.title = "width " + d.documentElement.scrollWidth + " over " + over.slice(0, 5).join(",");
}};
</script></body></html>"""


def chromium(*args: str, timeout: int = 90) -> str:
    out = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", *args],
        capture_output=True, timeout=timeout, check=True,
    )  # fmt: skip
    return out.stdout.decode("utf-8", "replace")


@pytest.mark.parametrize("name", [".html", "-easy-read.html"])
def test_nothing_is_wider_than_a_320_px_screen(name, tmp_path):
    page = dict(render_all(feature_plan(), ["html", "easyread"]))[name].decode("utf-8")
    probe = tmp_path / "probe.html"
    probe.write_text(PROBE.format(page=html.escape(page, quote=True)), encoding="utf-8")
    dom = chromium("--virtual-time-budget=5000", "--dump-dom", probe.as_uri())
    title = re.search(r"<title>([^<]*)</title>", dom).group(1)
    width, over = re.fullmatch(r"width (\d+) over ?(.*)", title).groups()
    assert int(width) <= 320 and not over, title


@pytest.mark.skipif(not PDFTOTEXT, reason="pdftotext is not installed")
def test_printed_pages_never_end_on_a_heading(tmp_path):
    plan = feature_plan()
    # Enough themes with notes that headings land near page ends.
    for theme in plan.themes[1:4]:
        theme.notes += [n for n in plan.themes[0].notes if len(n.text) < 200]
    page = tmp_path / "plan.html"
    page.write_bytes(dict(render_all(plan, ["html"]))[".html"])
    pdf = tmp_path / "plan.pdf"
    chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True).stdout.decode()
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert "(A4)" in info  # as a UK office prints
    headings = {" ".join(t.split()) for _, t in read_html(page).headings()}
    for n in range(1, pages):
        text = subprocess.run(
            [PDFTOTEXT, "-f", str(n), "-l", str(n), "-enc", "UTF-8", str(pdf), "-"],
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
        lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
        assert lines and lines[-1] not in headings, (n, lines[-3:])
